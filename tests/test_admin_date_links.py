"""The date links above the desk's positions and sources lists: the years, months and days
that have rows, and on PostgreSQL, found by skipping through the date index rather than
reading every row."""

import datetime
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions.models import Position, Source
from positions.models.choices import Status
from positions.postgres.skipping import period_moments, period_starts
from tests.factories import PositionFactory, SourceFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:positions_position_changelist")
postgresql_only = pytest.mark.postgresql(reason="the index is skipped through on PostgreSQL")

DAYS = [
    datetime.date(2019, 3, 5),
    datetime.date(2019, 11, 20),
    datetime.date(2020, 2, 29),
    datetime.date(2021, 3, 5),
    datetime.date(2021, 3, 9),
    datetime.date(2021, 3, 9),
    datetime.date(2021, 12, 31),
    datetime.date(2023, 1, 1),
]


@pytest.fixture
def dated():
    # Only the 2019 statements are published.
    return [
        PositionFactory(
            stated_on=day, status=Status.PUBLISHED if day.year == 2019 else Status.DRAFT
        )
        for day in DAYS
    ]


def date_links(client, url=URL, **params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    nav = re.search(r'<nav class="toplinks">(.*?)</nav>', response.content.decode(), re.S)
    return re.findall(r'<a href="[^"]*">([^<]+)</a>', nav.group(1))


def test_date_links_name_each_year_then_month_then_day_with_positions(client, superuser, dated):
    client.force_login(superuser)

    assert date_links(client) == ["2019", "2020", "2021", "2023"]
    assert date_links(client, stated_on__year=2019) == ["March 2019", "November 2019"]
    assert date_links(client, stated_on__year=2021) == ["March 2021", "December 2021"]
    assert date_links(client, stated_on__year=2021, stated_on__month=3) == ["March 5", "March 9"]
    assert date_links(client, stated_on__year=2020, stated_on__month=2) == ["February 29"]


def test_date_links_follow_the_filters_beside_the_list(client, superuser, dated):
    client.force_login(superuser)

    # All in one year: the links start at its months.
    assert date_links(client, status__exact=Status.PUBLISHED) == ["March 2019", "November 2019"]
    assert date_links(client, status__exact=Status.DRAFT) == ["2020", "2021", "2023"]
    assert date_links(client, stated_on__gte="2021-01-01", stated_on__lt="2022-01-01") == [
        "March 2021",
        "December 2021",
    ]


@postgresql_only
def test_date_links_skip_through_the_date_index_while_only_dates_narrow_the_list(
    client, superuser, dated
):
    client.force_login(superuser)

    for params in ({}, {"stated_on__year": 2021}, {"stated_on__gte": "2021-01-01"}):
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, params)
        statements = [query["sql"] for query in queries.captured_queries]
        assert any(sql.startswith("WITH RECURSIVE found") for sql in statements), params
        assert not any("DISTINCT DATE_TRUNC" in sql for sql in statements), params


@postgresql_only
def test_date_links_read_every_match_when_another_filter_narrows_the_list(client, superuser, dated):
    # Drafts may lie far apart in the date index: each probe could walk most of it.
    client.force_login(superuser)

    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"status__exact": Status.DRAFT})

    statements = [query["sql"] for query in queries.captured_queries]
    assert any("DISTINCT DATE_TRUNC" in sql for sql in statements)
    assert not any(sql.startswith("WITH RECURSIVE") for sql in statements)


@postgresql_only
@pytest.mark.parametrize("kind", ["year", "month", "day"])
def test_skipping_finds_the_periods_django_finds(dated, kind):
    PositionFactory(stated_on=datetime.date(2021, 1, 1))
    PositionFactory(stated_on=datetime.date(2020, 12, 31))
    queryset = Position.objects.order_by("-id")
    narrowed = queryset.filter(stated_on__gte=datetime.date(2020, 1, 1))

    assert period_starts(queryset, "stated_on", kind) == list(queryset.dates("stated_on", kind))
    assert period_starts(narrowed, "stated_on", kind) == list(narrowed.dates("stated_on", kind))
    assert period_starts(queryset.none(), "stated_on", kind) == []


SOURCES_URL = reverse("admin:positions_source_changelist")
# Around midnight and the turn of a year in UTC: in Kyiv (UTC+2/+3) some fall a day later.
MOMENTS = [
    datetime.datetime(2019, 12, 31, 23, 30, tzinfo=datetime.UTC),
    datetime.datetime(2020, 2, 29, 12, 0, tzinfo=datetime.UTC),
    datetime.datetime(2020, 3, 31, 22, 15, tzinfo=datetime.UTC),
    datetime.datetime(2021, 7, 1, 0, 0, tzinfo=datetime.UTC),
]


@pytest.fixture
def published_sources():
    sources = [SourceFactory(published_at=moment) for moment in MOMENTS]
    SourceFactory(published_at=None)
    return sources


def test_sources_date_links_name_each_year_then_month_with_sources(
    client, superuser, published_sources
):
    client.force_login(superuser)

    assert date_links(client, SOURCES_URL) == ["2019", "2020", "2021"]
    assert date_links(client, SOURCES_URL, published_at__year=2020) == [
        "February 2020",
        "March 2020",
    ]


@postgresql_only
@pytest.mark.parametrize("zone", ["UTC", "Europe/Kyiv", "America/St_Johns"])
@pytest.mark.parametrize("kind", ["year", "month", "day"])
def test_skipping_finds_the_moments_django_finds(published_sources, kind, zone):
    tz = zoneinfo.ZoneInfo(zone)
    queryset = Source.objects.order_by("-id")

    found = period_moments(queryset, "published_at", kind, zone)

    assert found == list(queryset.datetimes("published_at", kind, tzinfo=tz))
    assert [moment.utcoffset() for moment in found] == [
        moment.utcoffset() for moment in queryset.datetimes("published_at", kind, tzinfo=tz)
    ]
