"""Parties, people, topics, sources and events: lists, details by slug, Popolo names."""

import datetime

import pytest

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


def test_api_root_lists_every_endpoint(api):
    response = api.get("/api/v1/")
    assert response.status_code == 200
    assert response.json() == {
        "parties": "http://testserver/api/v1/parties/",
        "people": "http://testserver/api/v1/people/",
        "topics": "http://testserver/api/v1/topics/",
        "sources": "http://testserver/api/v1/sources/",
        "positions": "http://testserver/api/v1/positions/",
        "events": "http://testserver/api/v1/events/",
        "deleted": "http://testserver/api/v1/deleted/",
        "positions/export.csv": "http://testserver/api/v1/positions/export.csv",
        "positions/export.jsonl": "http://testserver/api/v1/positions/export.jsonl",
        "releases": "http://testserver/api/v1/releases/",
        "timeline": "http://testserver/api/v1/timeline/",
        "compare": "http://testserver/api/v1/compare/",
        "schema": "http://testserver/api/v1/schema/",
        "docs": "http://testserver/api/v1/docs/",
    }
    for url in response.json().values():
        assert api.get(url).status_code in (200, 400), url  # timeline needs a topic


def test_party_detail_by_slug_uses_popolo_names(api, seeded):
    response = api.get("/api/v1/parties/russia/")
    assert response.status_code == 200
    party = response.json()
    assert party["name"] == "Russian Federation"
    assert party["classification"] == "state"
    assert party["identifiers"] == [{"scheme": "wikidata", "identifier": "Q159"}]
    assert party["html_url"] == "http://testserver/parties/russia/"
    assert party["url"] == "http://testserver/api/v1/parties/russia/"


def test_unknown_slug_is_404(api, seeded):
    assert api.get("/api/v1/parties/atlantis/").status_code == 404


def test_party_list_filters_by_classification(api, seeded):
    from positions.models import Party

    for slug in ("nato", "european-union"):
        PositionFactory(party=Party.objects.get(slug=slug), status=Status.PUBLISHED)
    response = api.get("/api/v1/parties/", {"classification": "organisation"})
    assert response.status_code == 200
    assert {p["slug"] for p in response.json()["results"]} == {"nato", "european-union"}
    bad = api.get("/api/v1/parties/", {"classification": "empire"})
    assert bad.status_code == 400
    assert "classification" in bad.json()["errors"]


def test_person_shows_roles_as_popolo_memberships(api):
    role = RoleFactory(
        title="Foreign Minister",
        party=PartyFactory(slug="ruritania"),
        start_date=datetime.date(2020, 1, 1),
    )
    PositionFactory(speaker=role.person, status=Status.PUBLISHED)
    response = api.get(f"/api/v1/people/{role.person.slug}/")
    assert response.status_code == 200
    [membership] = response.json()["memberships"]
    assert membership["role"] == "Foreign Minister"
    assert membership["party"]["slug"] == "ruritania"
    assert membership["start_date"] == "2020-01-01"
    assert membership["end_date"] is None


def test_people_filter_by_party(api):
    left, right = PartyFactory(slug="left"), PartyFactory(slug="right")
    for slug, party in (("ann", left), ("bob", right), ("cid", left)):
        role = RoleFactory(person=PersonFactory(slug=slug), party=party)
        # Cid's only statement is a draft: he is not public.
        status = Status.DRAFT if slug == "cid" else Status.PUBLISHED
        PositionFactory(speaker=role.person, status=status)
    response = api.get("/api/v1/people/", {"party": "left"})
    assert [p["slug"] for p in response.json()["results"]] == ["ann"]


def test_topics_show_their_parent_and_filter_by_it(api, seeded):
    response = api.get("/api/v1/topics/ukraine-nato-membership/")
    assert response.json()["parent"] == "security-guarantees"
    children = api.get("/api/v1/topics/", {"parent": "peacekeeping"}).json()["results"]
    assert children and all(t["parent"] == "peacekeeping" for t in children)


def test_source_detail_by_id_names_its_outlet_and_address(api):
    original = SourceFactory(title="Interview")
    source = SourceFactory(title="Report", outlet="Xinhua", original=original)
    PositionFactory(source=source, status=Status.PUBLISHED)
    response = api.get(f"/api/v1/sources/{source.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["outlet"] == "Xinhua"
    assert data["source_url"] == source.url
    assert data["original"] == original.pk
    assert api.get("/api/v1/sources/", {"outlet": "xinhua"}).json()["count"] == 1


def test_events_use_popolo_names_and_filters(api):
    party, topic = PartyFactory(slug="ruritania"), TopicFactory(slug="ceasefire")
    event = EventFactory(slug="round-one", kind="talks", date=datetime.date(2025, 3, 11))
    event.parties.add(party)
    event.topics.add(topic)
    event.sources.add(SourceFactory())
    EventFactory(slug="later", date=datetime.date(2025, 6, 1))
    response = api.get("/api/v1/events/round-one/")
    data = response.json()
    assert data["name"] == event.title
    assert data["classification"] == "talks"
    assert data["start_date"] == "2025-03-11"
    assert [p["slug"] for p in data["parties"]] == ["ruritania"]
    assert len(data["sources"]) == 1
    listed = api.get("/api/v1/events/", {"party": "ruritania", "start_date_before": "2025-04-01"})
    assert [e["slug"] for e in listed.json()["results"]] == ["round-one"]
    by_topic = api.get("/api/v1/events/", {"topic": "ceasefire", "classification": "talks"})
    assert [e["slug"] for e in by_topic.json()["results"]] == ["round-one"]
    later = api.get("/api/v1/events/", {"start_date_after": "2025-04-01"})
    assert [e["slug"] for e in later.json()["results"]] == ["later"]


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        ("/api/v1/parties/", {"colour": "red"}, "colour"),
        ("/api/v1/people/", {"party": "atlantis"}, "party"),
        ("/api/v1/topics/", {"parent": "nothing"}, "parent"),
        ("/api/v1/sources/", {"kind": "rumour"}, "kind"),
        ("/api/v1/events/", {"start_date_after": "yesterday"}, "start_date_after"),
        ("/api/v1/events/", {"updated_since": "2025-02-30"}, "updated_since"),
        ("/api/v1/parties/", {"page": "0"}, "page"),
        ("/api/v1/parties/", {"page_size": "1001"}, "page_size"),
        ("/api/v1/parties/russia/", {"expand": "all"}, "expand"),
    ],
)
def test_bad_query_parameters_are_a_400_naming_them(api, path, params, name):
    PartyFactory(slug="russia")
    response = api.get(path, params)
    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_lists_page_with_a_bounded_page_size(api, seeded):
    first = api.get("/api/v1/topics/", {"page_size": 4}).json()
    assert first["count"] == 11
    assert len(first["results"]) == 4
    assert first["next"].endswith("page=2&page_size=4")


def test_updated_since_returns_records_changed_since(api, seeded):
    from django.utils import timezone

    from positions.models import Party

    moment = timezone.now()
    party = Party.objects.get(slug="russia")
    party.description = "State."
    party.save()
    response = api.get("/api/v1/parties/", {"updated_since": moment.isoformat()})
    assert [p["slug"] for p in response.json()["results"]] == ["russia"]


def test_people_and_parties_read_as_popolo(api, django_assert_max_num_queries):
    party = PartyFactory(slug="ruritania", wikidata_id="Q1234")
    for number in range(3):
        role = RoleFactory(
            title=f"Envoy {number}", party=party, start_date=datetime.date(2020, 1, 1)
        )
        # Only people and parties a published position cites are public.
        PositionFactory(party=party, speaker=role.person, role=role, status=Status.PUBLISHED)
    with django_assert_max_num_queries(4):
        people = api.get("/api/v1/people/").json()["results"]
    assert len(people) == 3
    for person in people:
        [membership] = person["memberships"]
        assert membership["person_id"] == person["slug"]
        assert membership["organization_id"] == "ruritania"
        assert membership["label"] == membership["role"]
        assert membership["start_date"] == "2020-01-01" and membership["end_date"] is None
    links = api.get("/api/v1/parties/ruritania/").json()["links"]
    assert links == [{"url": "https://www.wikidata.org/wiki/Q1234", "note": "Wikidata"}]
