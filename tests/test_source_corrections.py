"""The text of a source that published positions quote changes only by a reviewer's
correction with a note: the old text stays in the history, quotes still in the new text are
re-anchored there, and the others are marked orphaned."""

import pytest
from django.urls import reverse

from positions.editorial import services
from positions.models import Position
from positions.models.choices import Status
from tests.desk import form_errors, page_form_data
from tests.factories import PositionFactory, SourceFactory

pytestmark = pytest.mark.django_db

OLD_TEXT = "Intro. The envoy said: “We accept observers.” He added: “Troops must leave.”"
NEW_TEXT = "Corrected intro, longer. The envoy said: “We accept observers.” Nothing more."


@pytest.fixture
def quoted(editor, reviewer):
    source = SourceFactory(text=OLD_TEXT)
    kept = services.position_create(
        user=editor, **_fields(source, "We accept observers."), summary="Accepts observers."
    )
    dropped = services.position_create(
        user=editor, **_fields(source, "Troops must leave."), summary="Demands withdrawal."
    )
    for position in (kept, dropped):
        position = services.position_submit(position=position, user=editor)
        services.position_publish(position=position, user=reviewer)
    return source, kept, dropped


def _fields(source, quote):
    from tests.factories import PartyFactory, TopicFactory

    return {
        "source": source,
        "quote": quote,
        "party": PartyFactory(),
        "topic": TopicFactory(),
        "stated_on": "2025-03-16",
        "stance": 1,
    }


def _change_url(source):
    return reverse("admin:positions_source_change", args=[source.pk])


def test_a_text_correction_needs_a_note_and_keeps_the_old_text(client, reviewer, quoted):
    source, kept, dropped = quoted
    client.force_login(reviewer)
    data = page_form_data(client.get(_change_url(source))) | {"text": NEW_TEXT}
    response = client.post(_change_url(source), data)
    assert response.status_code == 200
    assert "Positions quote this text: say what was corrected in it and why." in form_errors(
        response
    )
    source.refresh_from_db()
    assert source.text == OLD_TEXT

    data["correction_note"] = "The outlet corrected its intro."
    response = client.post(_change_url(source), data)
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.text == NEW_TEXT
    latest, before = source.history.order_by("-history_id")[:2]
    assert latest.history_change_reason == "Text corrected: The outlet corrected its intro."
    assert before.text == OLD_TEXT

    kept, dropped = Position.objects.get(pk=kept.pk), Position.objects.get(pk=dropped.pk)
    assert not kept.quote_orphaned
    assert NEW_TEXT[kept.quote_start : kept.quote_end] == "We accept observers."
    assert dropped.quote_orphaned
    assert (kept.status, dropped.status) == (Status.PUBLISHED, Status.PUBLISHED)


def test_an_editor_cannot_change_the_text_readers_see(client, editor, quoted):
    source, _, _ = quoted
    client.force_login(editor)
    assert 'name="_save"' not in client.get(_change_url(source)).content.decode()
    response = client.post(_change_url(source), {"title": source.title, "text": NEW_TEXT})
    assert response.status_code == 403
    source.refresh_from_db()
    assert source.text == OLD_TEXT
    assert client.get(source.get_absolute_url()).status_code == 200


def test_an_unpublished_source_is_edited_freely(client, editor):
    source = SourceFactory(text=OLD_TEXT)
    PositionFactory(source=source, quote="We accept observers.", status=Status.DRAFT)
    client.force_login(editor)
    data = page_form_data(client.get(_change_url(source))) | {"text": NEW_TEXT}
    assert client.post(_change_url(source), data).status_code == 302
    source.refresh_from_db()
    assert source.text == NEW_TEXT
