"""The matrix is right as soon as a desk or API write returns: publish, correct, retract,
delete."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from positions.editorial import services
from positions.models import Position, StanceCell
from positions.models.choices import Stance, Status
from tests.desk import change_url, form_errors, position_form_data, step_url
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def matrix() -> dict[tuple[int, int], tuple]:
    """Each cell's latest published position, its stance, and its counts."""
    return {
        (cell.party_id, cell.topic_id): (
            cell.latest_id,
            cell.latest_stance,
            cell.published_count,
            cell.public_count,
        )
        for cell in StanceCell.objects.all()
    }


def in_review(party, topic, editor) -> Position:
    position = services.position_create(
        user=editor,
        party=party,
        topic=topic,
        source=SourceFactory(),
        stated_on="2025-03-16",
        stance=Stance.REJECTS,
        summary="Rejects it.",
        quote="We will never accept it.",
    )
    return services.position_submit(position=position, user=editor)


def version(position: Position) -> int:
    return Position.objects.get(pk=position.pk).version


def test_the_matrix_follows_each_write_on_the_desk(client, editor, reviewer):
    party, topic, other_topic = PartyFactory(), TopicFactory(), TopicFactory()
    position = in_review(party, topic, editor)
    client.force_login(reviewer)

    client.post(step_url(position, "publish"), {"expected_version": version(position)})
    assert matrix() == {(party.id, topic.id): (position.id, Stance.REJECTS, 1, 1)}

    loaded = Position.objects.get(pk=position.pk)
    data = position_form_data(loaded, topic=other_topic.pk, stance=Stance.OPPOSES)
    response = client.post(change_url(loaded), data | {"correction_note": "Wrong topic."})
    assert response.status_code == 302, form_errors(response)
    assert matrix() == {(party.id, other_topic.id): (position.id, Stance.OPPOSES, 1, 1)}

    client.post(
        step_url(position, "retract"),
        {"expected_version": version(position), "text": "Misattributed."},
    )
    assert matrix() == {(party.id, other_topic.id): (None, None, 0, 1)}

    draft = in_review(party, other_topic, editor)
    response = client.post(
        reverse("admin:positions_position_delete", args=[draft.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Position.objects.filter(pk=draft.pk).exists()
    assert matrix() == {(party.id, other_topic.id): (None, None, 0, 1)}


def test_the_matrix_follows_each_write_through_the_api(editor, reviewer):
    party, topic, other_topic = PartyFactory(), TopicFactory(), TopicFactory()
    earlier = PositionFactory(party=party, topic=topic, status=Status.PUBLISHED)
    position = in_review(party, topic, editor)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reviewer).key}")
    url = f"/api/v1/positions/{position.pk}/"

    assert api.post(url + "publish/", {"version": version(position)}).status_code == 200
    assert matrix() == {(party.id, topic.id): (position.id, Stance.REJECTS, 2, 2)}

    corrected = api.patch(
        url,
        {"topic": other_topic.slug, "note": "Wrong topic.", "version": version(position)},
        format="json",
    )
    assert corrected.status_code == 200, corrected.content
    assert matrix() == {
        (party.id, topic.id): (earlier.id, earlier.stance, 1, 1),
        (party.id, other_topic.id): (position.id, Stance.REJECTS, 1, 1),
    }

    retracted = api.post(url + "retract/", {"version": version(position), "reason": "Dup."})
    assert retracted.status_code == 200
    assert matrix()[(party.id, other_topic.id)] == (None, None, 0, 1)

    draft = in_review(party, topic, editor)
    assert api.delete(f"/api/v1/positions/{draft.pk}/").status_code == 204
    assert matrix()[(party.id, topic.id)] == (earlier.id, earlier.stance, 1, 1)
