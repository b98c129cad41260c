"""Bulk review actions apply only to the versions the reviewer had on screen."""

import re

import pytest
from django.urls import reverse

from positions.editorial import services
from positions.models import Position
from positions.models.choices import Stance, Status
from tests.factories import PositionFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:positions_position_changelist")


def versions_on_screen(response) -> dict[str, str]:
    """The hidden version fields the list page posts with an action, as a browser would."""
    page = response.content.decode()
    return dict(re.findall(r'name="(seen-version-\d+)" value="(\d+)"', page))


def test_bulk_publish_refuses_a_position_edited_after_the_reviewer_loaded_the_list(
    client, reviewer, editor
):
    position = PositionFactory(status=Status.IN_REVIEW, summary="Supports talks.")
    client.force_login(reviewer)
    listed = client.get(LIST_URL + "?status=in_review")
    seen = versions_on_screen(listed)
    assert seen == {f"seen-version-{position.pk}": "1"}

    # The editor swaps the summary and stance while the reviewer reads the list.
    services.position_update(
        position=position,
        user=editor,
        changes={"summary": "Rejects talks.", "stance": Stance.REJECTS},
        expected_version=1,
    )

    response = client.post(
        LIST_URL,
        {"action": "publish_selected", "_selected_action": [position.pk], **seen},
        follow=True,
    )
    page = response.content.decode()
    assert "it changed after you loaded the list (you saw version 1, it is now version 2)" in page
    position.refresh_from_db()
    assert position.status == Status.IN_REVIEW
    assert position.summary == "Rejects talks."


def test_bulk_publish_publishes_the_versions_on_screen(client, reviewer):
    first = PositionFactory(status=Status.IN_REVIEW)
    second = PositionFactory(status=Status.IN_REVIEW)
    client.force_login(reviewer)
    seen = versions_on_screen(client.get(LIST_URL))
    response = client.post(
        LIST_URL,
        {"action": "publish_selected", "_selected_action": [first.pk, second.pk], **seen},
        follow=True,
    )
    assert "Publish: done for 2 position(s)." in response.content.decode()
    statuses = set(Position.objects.values_list("status", flat=True))
    assert statuses == {Status.PUBLISHED}


def test_bulk_action_without_the_version_on_screen_is_refused(client, reviewer):
    position = PositionFactory(status=Status.IN_REVIEW)
    client.force_login(reviewer)
    response = client.post(
        LIST_URL,
        {"action": "publish_selected", "_selected_action": [position.pk]},
        follow=True,
    )
    assert "it was not on the list you saw; reload the list." in response.content.decode()
    position.refresh_from_db()
    assert position.status == Status.IN_REVIEW
