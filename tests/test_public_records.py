"""Readers see a party, topic, person or source only once a published (or retracted)
position cites it, or an event does: a record an editor has made is not public until a
reviewer publishes a position citing it."""

import pytest

from positions.editorial import services
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


@pytest.fixture
def drafted():
    """A draft citing a new party, topic, speaker (with a role) and source, the source
    reporting on an original."""
    original = SourceFactory(title="Unpublished interview")
    speaker = PersonFactory(slug="unpublished-speaker", name="Unpublished Speaker")
    party = PartyFactory(slug="unpublished-party", name="Unpublished Party")
    return PositionFactory(
        status=Status.IN_REVIEW,
        party=party,
        topic=TopicFactory(slug="unpublished-topic", name="Unpublished Topic"),
        speaker=speaker,
        role=RoleFactory(person=speaker, party=party),
        source=SourceFactory(title="Unpublished report", original=original),
    )


def public_addresses(position):
    source = position.source
    return {
        "party page": position.party.get_absolute_url(),
        "topic page": position.topic.get_absolute_url(),
        "person page": position.speaker.get_absolute_url(),
        "source page": source.get_absolute_url(),
        "original's page": source.original.get_absolute_url(),
        "party feed": f"/feeds/parties/{position.party.slug}/",
        "topic feed": f"/feeds/topics/{position.topic.slug}/",
        "API party": f"/api/v1/parties/{position.party.slug}/",
        "API topic": f"/api/v1/topics/{position.topic.slug}/",
        "API person": f"/api/v1/people/{position.speaker.slug}/",
        "API source": f"/api/v1/sources/{source.pk}/",
        "API original": f"/api/v1/sources/{source.original_id}/",
    }


def listed_anywhere(client):
    """Every list a reader can read, as one text."""
    pages = ["/", "/compare/", "/search/?q=unpublished", "/timeline/?year=2025"]
    api = [f"/api/v1/{name}/" for name in ("parties", "topics", "people", "sources", "events")]
    return " ".join(client.get(url).content.decode() for url in pages + api)


def test_records_a_draft_cites_are_not_public(client, drafted):
    answers = {name: client.get(url).status_code for name, url in public_addresses(drafted).items()}
    assert answers == dict.fromkeys(answers, 404)
    assert "Unpublished" not in listed_anywhere(client)
    compare = client.get("/compare/?parties=unpublished-party")
    assert compare.status_code == 400
    assert "Unknown slug: unpublished-party." in compare.content.decode()


def test_publishing_the_position_makes_what_it_cites_public(client, drafted, reviewer):
    services.position_publish(position=drafted, user=reviewer)
    answers = {name: client.get(url).status_code for name, url in public_addresses(drafted).items()}
    assert answers == dict.fromkeys(answers, 200)
    listed = listed_anywhere(client)
    for name in ("Unpublished Party", "Unpublished Topic", "Unpublished Speaker"):
        assert name in listed
    assert "Unpublished report" in listed and "Unpublished interview" in listed


def test_a_retracted_position_keeps_what_it_cites_public(client, drafted, reviewer):
    services.position_publish(position=drafted, user=reviewer)
    drafted.refresh_from_db()
    services.position_retract(position=drafted, user=reviewer, reason="Misattributed.")
    assert client.get(drafted.speaker.get_absolute_url()).status_code == 200


def test_a_public_persons_roles_and_their_parties_are_public(client, drafted, reviewer):
    services.position_publish(position=drafted, user=reviewer)
    other = RoleFactory(person=drafted.speaker, party=PartyFactory(slug="earlier-employer"))
    html = client.get(drafted.speaker.get_absolute_url()).content.decode()
    assert other.party.name in html
    assert client.get(other.party.get_absolute_url()).status_code == 200


def test_what_an_event_cites_is_public(client):
    event = EventFactory()
    party, topic, source = PartyFactory(), TopicFactory(), SourceFactory()
    event.parties.add(party)
    event.topics.add(topic)
    event.sources.add(source)
    for url in (party.get_absolute_url(), topic.get_absolute_url(), source.get_absolute_url()):
        assert client.get(url).status_code == 200
