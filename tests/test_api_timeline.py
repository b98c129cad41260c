"""The timeline endpoint answers a bounded window of a topic's statements, newest first,
and links back to older windows until every statement has been seen once."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from drf_spectacular.generators import SchemaGenerator

from positions.models import Position
from positions.models.choices import Shift, Stance, Status
from positions.reading.timelines import topic_timeline
from tests.factories import PartyFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/timeline/"
FIRST_DAY = datetime.date(2024, 1, 1)


def record_statements(topic, parties, count: int) -> list[Position]:
    """``count`` published statements on ``topic``, three a day so dates tie, parties
    taking turns; plus drafts and another topic's statements that must never show."""
    source = SourceFactory()
    rows = [
        Position(
            party=parties[n % len(parties)],
            topic=topic,
            source=source,
            stated_on=FIRST_DAY + datetime.timedelta(days=n // 3),
            stance=Stance.OPEN,
            summary=f"Statement {n}.",
            quote=f"Statement number {n}.",
            status=Status.PUBLISHED,
        )
        for n in range(count)
    ]
    rows += [
        Position(
            party=parties[0],
            topic=topic,
            source=source,
            stated_on=FIRST_DAY,
            stance=Stance.REJECTS,
            summary="A draft.",
            quote="A draft.",
            status=Status.DRAFT,
        ),
        Position(
            party=parties[0],
            topic=TopicFactory(),
            source=source,
            stated_on=FIRST_DAY,
            stance=Stance.REJECTS,
            summary="Elsewhere.",
            quote="Elsewhere.",
            status=Status.PUBLISHED,
        ),
    ]
    Position.objects.bulk_create(rows)
    return list(Position.objects.published().filter(topic=topic).order_by("-stated_on", "-id"))


def points_of(body: dict) -> list[dict]:
    return [point for series in body["series"] for point in series["points"]]


def relative(link: str) -> str:
    return link.removeprefix("http://testserver")


@pytest.fixture
def topic():
    return TopicFactory(slug="nato")


@pytest.fixture
def parties():
    return [PartyFactory(slug=slug) for slug in ("russia", "ukraine", "usa")]


def test_a_short_timeline_comes_whole_and_says_so(api, topic, parties):
    statements = record_statements(topic, parties, 7)
    body = api.get(URL, {"topic": "nato"}).json()
    assert body["truncated"] is False
    assert body["next"] is None
    assert sorted(p["position"] for p in points_of(body)) == sorted(s.id for s in statements)


def test_by_default_the_newest_500_statements_are_shown_and_the_cut_is_said(api, topic, parties):
    statements = record_statements(topic, parties, 501)
    body = api.get(URL, {"topic": "nato"}).json()
    shown = {p["position"] for p in points_of(body)}
    assert shown == {s.id for s in statements[:500]}
    assert body["truncated"] is True
    oldest_shown = statements[499]
    query = parse_qs(urlsplit(body["next"]).query)
    assert query["before"] == [f"{oldest_shown.stated_on.isoformat()},{oldest_shown.id}"]
    assert query["topic"] == ["nato"]
    # Each party's points still run oldest first.
    for series in body["series"]:
        keys = [(p["date"], p["position"]) for p in series["points"]]
        assert keys == sorted(keys)


def test_limit_keeps_the_newest_statements_across_parties(api, topic, parties):
    statements = record_statements(topic, parties, 10)
    body = api.get(URL, {"topic": "nato", "limit": 4}).json()
    assert {p["position"] for p in points_of(body)} == {s.id for s in statements[:4]}
    assert len(body["series"]) == 3
    assert body["truncated"] is True


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 7])
def test_following_next_visits_every_statement_exactly_once(api, topic, parties, limit):
    statements = record_statements(topic, parties, 17)
    seen, link, windows = [], f"{URL}?topic=nato&party=russia,ukraine,usa&limit={limit}", 0
    while link:
        body = api.get(relative(link)).json()
        window = points_of(body)
        assert 0 < len(window) <= limit
        assert body["truncated"] is (body["next"] is not None)
        seen += [p["position"] for p in window]
        link, windows = body["next"], windows + 1
    assert sorted(seen) == sorted(s.id for s in statements)
    assert len(seen) == len(set(seen))
    assert windows == -(-len(statements) // limit)


def test_paging_a_party_filtered_timeline_stays_on_that_party(api, topic, parties):
    statements = record_statements(topic, parties, 12)
    seen, link = [], f"{URL}?topic=nato&party=ukraine&limit=2"
    while link:
        body = api.get(relative(link)).json()
        assert [s["party"]["slug"] for s in body["series"]] == ["ukraine"]
        seen += [p["position"] for p in points_of(body)]
        link = body["next"]
    assert sorted(seen) == sorted(s.id for s in statements if s.party.slug == "ukraine")


def test_before_a_date_gives_the_statements_of_earlier_days(api, topic, parties):
    statements = record_statements(topic, parties, 9)
    day = FIRST_DAY + datetime.timedelta(days=2)
    body = api.get(URL, {"topic": "nato", "before": day.isoformat()}).json()
    assert {p["position"] for p in points_of(body)} == {
        s.id for s in statements if s.stated_on < day
    }
    assert body["next"] is None


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"limit": "-3"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "2.5"}, "limit"),
        ({"limit": ["3", "4"]}, "limit"),
        ({"before": "yesterday"}, "before"),
        ({"before": "2025-02-30,12"}, "before"),
        ({"before": "2025-02-01,twelve"}, "before"),
        ({"before": "2025-02-01,-1"}, "before"),
        ({"before": "2025-02-01,1,2"}, "before"),
        ({"before": "2025-02-01,99999999999999999999"}, "before"),
    ],
)
def test_bad_window_parameters_are_a_400_naming_them(api, topic, parties, params, name):
    record_statements(topic, parties, 3)
    response = api.get(URL, {"topic": "nato", **params})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [name]


@pytest.mark.parametrize("size", [3, 40, 400])
def test_a_window_costs_the_same_queries_whatever_the_record(
    api, topic, parties, size, django_assert_max_num_queries
):
    statements = record_statements(topic, parties, size)
    middle = statements[len(statements) // 2]
    before = f"{middle.stated_on.isoformat()},{middle.id}"
    for params in (
        {"topic": "nato", "limit": 20},
        {"topic": "nato", "party": "russia,usa", "limit": 20, "before": before},
    ):
        with django_assert_max_num_queries(4, info=str(params)):
            body = api.get(URL, params).json()
        assert 0 < len(points_of(body)) <= 20


@pytest.mark.parametrize("limit", [4, 50])
def test_the_window_shows_what_the_topic_page_chart_draws(api, topic, limit):
    # Parties whose short names sort differently from their ids, a shift on every point.
    parties = [PartyFactory(short_name=name) for name in ("Україна", "EU <b>", "Éire", "EU <b>")]
    statements = record_statements(topic, parties, 13)
    shifts = [Shift.FIRST, Shift.UNCHANGED, Shift.REVERSAL, ""]
    for n, statement in enumerate(statements):
        Position.objects.filter(pk=statement.pk).update(
            shift=shifts[n % 4], stance=Stance.values[n % 5]
        )

    body = api.get(URL, {"topic": topic.slug, "limit": limit}).json()

    charted = [
        (
            line.party.slug,
            [
                (p.stated_on.isoformat(), p.get_stance_display(), p.stance, p.id, p.shift or None)
                for p in line.points
            ],
        )
        for line in topic_timeline(topic=topic, latest=limit)
    ]
    shown = [
        (
            line["party"]["slug"],
            [tuple(point.values()) for point in line["points"]],
        )
        for line in body["series"]
    ]
    assert shown == charted
    assert list(body["series"][0]["points"][0]) == [
        "date", "stance", "stance_score", "position", "shift"
    ]  # fmt: skip
    truncated = limit < len(statements)
    assert body["truncated"] is truncated
    if truncated:
        oldest_shown = statements[limit - 1]
        query = parse_qs(urlsplit(body["next"]).query)
        key = f"{oldest_shown.stated_on.isoformat()},{oldest_shown.id}"
        assert query == {"topic": [topic.slug], "limit": [str(limit)], "before": [key]}
    else:
        assert body["next"] is None


def test_the_schema_documents_the_window():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"]["/api/v1/timeline/"]["get"]
    assert "`truncated`" in operation["description"]
    assert {"limit", "before"} <= {p["name"] for p in operation["parameters"]}
    assert {"truncated", "next"} <= set(schema["components"]["schemas"]["Timeline"]["properties"])
