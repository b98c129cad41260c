"""HTTP behaviour of the API: conditional GET, rate limits, constant query counts."""

import datetime

import pytest

from positions.editorial.timeline import recompute_timeline
from positions.models import Party
from positions.models.choices import Status
from tests.factories import (
    EventFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/positions/",
        "/api/v1/positions/?party=russia",
        "/api/v1/parties/",
        "/api/v1/parties/russia/",
        "/api/v1/positions/{position}/history/",
        "/api/v1/timeline/?topic=ukraine-nato-membership",
        "/api/v1/compare/?as_of=2025-04-01",
    ],
)
def test_conditional_get_returns_304_until_something_changes(api, seeded, path):
    from positions.models import Position

    path = path.format(position=Position.objects.filter(party__slug="russia").first().pk)
    first = api.get(path)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    again = api.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert api.get(path, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    russia = Party.objects.get(slug="russia")
    russia.short_name = "Russian Federation"
    russia.save()
    changed = api.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_position_detail_etag_changes_when_it_is_retracted(api, reviewer):
    from positions.editorial import services

    position = PositionFactory(status=Status.PUBLISHED)
    url = f"/api/v1/positions/{position.pk}/"
    etag = api.get(url)["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    services.position_retract(position=position, user=reviewer, reason="Wrong.")
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["status"] == "retracted"


def test_linking_an_event_to_a_party_changes_the_etag(api):
    event, party = EventFactory(slug="talks"), PartyFactory()
    etag = api.get("/api/v1/events/talks/")["ETag"]
    event.parties.add(party)
    response = api.get("/api/v1/events/talks/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert len(response.json()["parties"]) == 1


def test_a_new_draft_does_not_change_the_public_etag(api):
    shown = PositionFactory(status=Status.PUBLISHED)
    etag = api.get("/api/v1/positions/")["ETag"]
    PositionFactory(status=Status.DRAFT, party=shown.party, topic=shown.topic, source=shown.source)
    assert api.get("/api/v1/positions/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_anonymous_clients_are_rate_limited_with_retry_after(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "anon_export": "1/minute"},
    }
    statuses = [api.get("/api/v1/parties/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = api.get("/api/v1/parties/")
    assert int(refused["Retry-After"]) > 0
    assert api.get("/api/v1/positions/export.csv").status_code == 200
    assert api.get("/api/v1/positions/export.csv").status_code == 429


def test_a_forged_forwarded_for_header_does_not_dodge_the_rate_limit(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "anon_export": "1/minute"},
    }
    statuses = [
        api.get("/api/v1/parties/", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code
        for i in range(3)
    ]
    assert statuses == [200, 200, 429]


def make_record(size: int) -> None:
    """``size`` published positions touching every relation, plus events and people."""
    topics = [TopicFactory(parent=TopicFactory()) for _ in range(3)]
    for i in range(size):
        role = RoleFactory()
        PositionFactory(
            party=role.party,
            topic=topics[i % 3],
            speaker=role.person,
            role=role,
            source=SourceFactory(original=SourceFactory()),
            stated_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
            status=Status.PUBLISHED,
        )
        event = EventFactory()
        event.parties.add(role.party)
        event.topics.add(topics[i % 3])
        event.sources.add(SourceFactory())
    for party in Party.objects.all():
        for topic in topics:
            recompute_timeline(party_id=party.id, topic_id=topic.id)
    PersonFactory(slug="with-roles")


QUERY_BUDGETS = {
    # path: most queries allowed, whatever the number of rows
    "/api/v1/positions/?page_size=200": 3,
    "/api/v1/positions/?page_size=200&party={party}&topic={topic}&speaker={person}": 7,
    "/api/v1/positions/{position}/": 3,
    "/api/v1/positions/{position}/history/": 4,
    "/api/v1/parties/?page_size=200": 4,
    "/api/v1/parties/{party}/": 3,
    "/api/v1/people/?page_size=200": 5,
    "/api/v1/people/{person}/": 4,
    "/api/v1/topics/?page_size=200": 4,
    "/api/v1/topics/{topic}/": 3,
    "/api/v1/sources/?page_size=200": 4,
    "/api/v1/sources/{source}/": 3,
    "/api/v1/events/?page_size=200": 7,
    "/api/v1/events/{event}/": 6,
    "/api/v1/timeline/?topic={topic}": 3,
    "/api/v1/compare/?as_of=2026-01-01": 4,
    "/api/v1/compare/?from=2025-01-01&to=2026-01-01": 5,
    # Exports read the record's stamp for ETag and Last-Modified; on PostgreSQL the CSV is
    # a transaction lifting the statement timeout around one COPY.
    "/api/v1/positions/export.csv": 5,
    "/api/v1/positions/export.jsonl?topic={topic}": 4,
}


@pytest.mark.parametrize("size", [5, 40])
def test_every_endpoint_runs_a_constant_number_of_queries(api, django_assert_max_num_queries, size):
    from positions.models import Event, Person, Position, Source, Topic

    make_record(size)
    position = Position.objects.first()
    values = {
        "party": position.party.slug,
        "topic": Topic.objects.filter(positions__isnull=False).first().slug,
        "person": Person.objects.filter(roles__isnull=False).first().slug,
        "position": position.pk,
        "source": Source.objects.first().pk,
        "event": Event.objects.first().slug,
    }
    for template, budget in QUERY_BUDGETS.items():
        path = template.format(**values)
        with django_assert_max_num_queries(budget, info=path):
            response = api.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, path
