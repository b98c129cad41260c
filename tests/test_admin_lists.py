"""The desk's lists: counts per row, filters and the quote column, read without joining
the whole positions table."""

import re

import pytest
from django.contrib.admin import site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions.editorial import services
from positions.models import Position
from positions.models.choices import Status
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def count_cell(html: str, name: str) -> str:
    """The "positions" cell of the row whose first link reads ``name``."""
    row = re.search(rf">{re.escape(name)}</a>.*?</tr>", html, re.S).group(0)
    return re.search(r'<td class="field-position_count">(\d+)</td>', row).group(1)


def test_party_list_counts_each_partys_positions_whatever_their_status(client, superuser):
    talker = PartyFactory(short_name="Talker")
    PartyFactory(short_name="Silent")
    for status in (Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED):
        PositionFactory(party=talker, status=status)
    PositionFactory(party=talker, status=Status.RETRACTED, retraction_reason="Misquoted.")
    client.force_login(superuser)
    html = client.get(reverse("admin:positions_party_changelist")).content.decode()
    assert count_cell(html, "Talker") == "4"
    assert count_cell(html, "Silent") == "0"


def test_party_list_counts_follow_positions_through_review_and_between_parties(client, superuser):
    first, second = PartyFactory(short_name="First"), PartyFactory(short_name="Second")
    moving = PositionFactory(party=first, status=Status.DRAFT)
    PositionFactory(party=first, status=Status.PUBLISHED)
    client.force_login(superuser)
    url = reverse("admin:positions_party_changelist")

    def counts():
        html = client.get(url).content.decode()
        return [count_cell(html, "First"), count_cell(html, "Second")]

    assert counts() == ["2", "0"]
    services.position_submit(position=moving, user=superuser)
    services.position_publish(position=moving, user=superuser)
    assert counts() == ["2", "0"]
    services.position_correct(
        position=moving,
        user=superuser,
        changes={"party": second},
        note="Wrong party.",
        expected_version=None,
    )
    assert counts() == ["1", "1"]
    services.position_retract(position=moving, user=superuser, reason="Misquoted.")
    assert counts() == ["1", "1"]
    draft = PositionFactory(party=second, status=Status.DRAFT)
    assert counts() == ["1", "2"]
    services.position_delete(position=draft, user=superuser)
    assert counts() == ["1", "1"]


def test_party_list_sorts_by_count(client, superuser):
    PositionFactory.create_batch(3, party=PartyFactory(short_name="Many"))
    PositionFactory(party=PartyFactory(short_name="One"))
    PartyFactory(short_name="None")
    client.force_login(superuser)
    html = client.get(reverse("admin:positions_party_changelist") + "?o=-5").content.decode()
    assert html.index(">Many</a>") < html.index(">One</a>") < html.index(">None</a>")


def test_source_list_counts_the_positions_citing_each_source(client, superuser):
    cited = SourceFactory(title="Cited often")
    SourceFactory(title="Never cited")
    PositionFactory.create_batch(2, source=cited)
    client.force_login(superuser)
    html = client.get(reverse("admin:positions_source_changelist")).content.decode()
    assert count_cell(html, "Cited often") == "2"
    assert count_cell(html, "Never cited") == "0"


def test_position_list_offers_every_party_and_topic_as_a_filter(client, superuser):
    PositionFactory()
    quiet_party, quiet_topic = PartyFactory(), TopicFactory()
    client.force_login(superuser)
    html = client.get(reverse("admin:positions_position_changelist")).content.decode()
    assert f"party__id__exact={quiet_party.pk}" in html
    assert f"topic__id__exact={quiet_topic.pk}" in html


def test_position_list_counts_without_joining_sources(client, superuser):
    PositionFactory.create_batch(3)
    client.force_login(superuser)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("admin:positions_position_changelist")).status_code == 200
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]
    assert counts and all("JOIN" not in sql for sql in counts), counts


def listed_total(client, **params) -> str:
    html = client.get(reverse("admin:positions_position_changelist"), params).content.decode()
    return re.search(r'<p class="paginator">\s*(\d+) positions?', html).group(1)


def test_position_list_counts_every_position_whatever_its_status(client, superuser):
    draft = PositionFactory(status=Status.DRAFT)
    in_review = PositionFactory(status=Status.IN_REVIEW)
    PositionFactory.create_batch(2, status=Status.PUBLISHED)
    PositionFactory(status=Status.RETRACTED, retraction_reason="Misquoted.")
    client.force_login(superuser)

    assert listed_total(client) == "5"
    assert listed_total(client, status__exact=Status.PUBLISHED) == "2"
    services.position_submit(position=draft, user=superuser)
    services.position_publish(position=draft, user=superuser)
    assert listed_total(client) == "5"
    assert listed_total(client, status__exact=Status.PUBLISHED) == "3"
    services.position_delete(position=in_review, user=superuser)
    PositionFactory(status=Status.DRAFT)
    PositionFactory(status=Status.DRAFT)
    assert listed_total(client) == "6"


def test_whole_position_list_is_counted_without_reading_every_position(client, superuser):
    PositionFactory.create_batch(2, status=Status.PUBLISHED)
    PositionFactory(status=Status.DRAFT)
    client.force_login(superuser)

    with CaptureQueriesContext(connection) as captured:
        assert listed_total(client) == "3"

    table = '"positions_position"'
    bare_counts = [
        q["sql"]
        for q in captured.captured_queries
        if "COUNT(" in q["sql"] and q["sql"].rstrip().endswith(f"FROM {table}")
    ]
    assert bare_counts == []


@pytest.mark.parametrize("params", [{"o": "2"}, {"o": "3.-5"}, {"o": "4", "q": "Statement"}, {}])
def test_position_list_pages_follow_the_chosen_sort(client, superuser, params):
    parties = [PartyFactory(short_name=name) for name in ("Zeta", "Alpha", "Mu")]
    topics = [TopicFactory(name=name) for name in ("Ceasefire", "Borders")]
    for n in range(62):
        PositionFactory(party=parties[n % 3], topic=topics[n % 2], stance=n % 5 - 2)
    client.force_login(superuser)
    url = reverse("admin:positions_position_changelist")

    for page in (1, 2):
        cl = client.get(url, {**params, "p": page}).context["cl"]
        expected = list(cl.queryset[(page - 1) * 50 : page * 50])
        assert [p.pk for p in cl.result_list] == [p.pk for p in expected]
        assert len(cl.result_list) == (50 if page == 1 else 12)


def test_sorted_position_list_sorts_keys_and_reads_only_the_pages_rows(
    client, superuser, monkeypatch
):
    # More positions than a page holds: a list of one page is read in one query.
    monkeypatch.setattr(site._registry[Position], "list_per_page", 2)
    PositionFactory.create_batch(3)
    client.force_login(superuser)

    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("admin:positions_position_changelist"), {"o": "2"})

    sorted_queries = [q["sql"] for q in captured.captured_queries if "ORDER BY" in q["sql"]]
    page_query = [
        sql
        for sql in sorted_queries
        if 'FROM "positions_position"' in sql and '"positions_party"."short_name" ASC' in sql
    ]
    assert page_query and all(
        sql.startswith('SELECT "positions_position"."id" AS "pk" FROM') for sql in page_query
    ), page_query
    [row_query] = [
        q["sql"] for q in captured.captured_queries if '"positions_position"."id" IN (' in q["sql"]
    ]
    keys = row_query.split('"positions_position"."id" IN (')[1].split(")")[0]
    assert len(keys.split(",")) == 2
