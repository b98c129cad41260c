"""A filter naming a party, topic, speaker or source that no public record cites answers
an anonymous client exactly as a name that does not exist: the API never tells which
unpublished records are on file. Editorial staff, who see drafts, may name them."""

import pytest
from django.contrib.auth.models import Permission

from positions.models.choices import Status
from tests.factories import (
    EventFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    """A draft citing a party, topic, speaker and source that nothing public cites, beside
    a published position citing others."""
    PositionFactory(status=Status.PUBLISHED, party=PartyFactory(slug="russia"))
    return PositionFactory(
        status=Status.DRAFT,
        party=PartyFactory(slug="hidden-party"),
        topic=TopicFactory(slug="hidden-topic", parent=TopicFactory(slug="hidden-parent")),
        speaker=PersonFactory(slug="hidden-speaker"),
        source=SourceFactory(),
        quote="Draft words.",
    )


def unknown_slug(name: str, slug: str) -> dict:
    return {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": f"{name}: Unknown slug: {slug}.",
        "errors": {name: [f"Unknown slug: {slug}."]},
    }


@pytest.mark.parametrize(
    ("url", "name", "hidden"),
    [
        ("/api/v1/positions/", "party", "hidden-party"),
        ("/api/v1/positions/", "topic", "hidden-topic"),
        ("/api/v1/positions/", "speaker", "hidden-speaker"),
        ("/api/v1/positions/export.csv", "speaker", "hidden-speaker"),
        ("/api/v1/positions/export.jsonl", "party", "hidden-party"),
        ("/api/v1/people/", "party", "hidden-party"),
        ("/api/v1/topics/", "parent", "hidden-parent"),
        ("/api/v1/events/", "party", "hidden-party"),
        ("/api/v1/events/", "topic", "hidden-topic"),
    ],
)
def test_an_unpublished_slug_answers_as_an_unknown_one(api, draft, url, name, hidden):
    unpublished = api.get(url, {name: hidden})
    unknown = api.get(url, {name: "atlantis"})
    assert (unpublished.status_code, unknown.status_code) == (400, 400)
    assert unpublished.json() == unknown_slug(name, hidden)
    assert unknown.json() == unknown_slug(name, "atlantis")
    assert unpublished["Content-Type"] == unknown["Content-Type"] == "application/problem+json"


def test_an_unpublished_source_answers_as_an_unknown_one(api, draft):
    unpublished = api.get("/api/v1/positions/", {"source": draft.source_id})
    unknown = api.get("/api/v1/positions/", {"source": 999999})
    assert (unpublished.status_code, unknown.status_code) == (400, 400)
    message = "Select a valid choice. {} is not one of the available choices."
    assert unpublished.json()["errors"] == {"source": [message.format(draft.source_id)]}
    assert unknown.json()["errors"] == {"source": [message.format(999999)]}
    assert unpublished.json()["detail"] == f"source: {message.format(draft.source_id)}"


def test_a_record_cited_only_by_a_retracted_position_may_still_be_named(api):
    # Retracted positions stay public, and so does what they cite.
    retracted = PositionFactory(
        status=Status.RETRACTED,
        retraction_reason="Wrong source.",
        speaker=PersonFactory(slug="withdrawn"),
    )
    response = api.get("/api/v1/positions/", {"speaker": "withdrawn"})
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [retracted.pk]


def test_a_party_on_an_event_may_be_named(api):
    EventFactory().parties.add(PartyFactory(slug="at-the-talks"))
    response = api.get("/api/v1/positions/", {"party": "at-the-talks"})
    assert (response.status_code, response.json()["results"]) == (200, [])


def test_staff_who_see_drafts_filter_by_a_record_only_drafts_cite(api, draft):
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_position"))
    api.force_authenticate(staff)
    for name, value in [
        ("party", "hidden-party"),
        ("topic", "hidden-topic"),
        ("speaker", "hidden-speaker"),
        ("source", draft.source_id),
    ]:
        response = api.get("/api/v1/positions/", {name: value})
        assert response.status_code == 200, (name, response.content)
        assert [row["id"] for row in response.json()["results"]] == [draft.pk]


def test_a_signed_in_user_without_editorial_rights_is_answered_as_a_reader(api, draft):
    api.force_authenticate(UserFactory())
    response = api.get("/api/v1/positions/", {"speaker": "hidden-speaker"})
    assert response.status_code == 400
    assert response.json() == unknown_slug("speaker", "hidden-speaker")
