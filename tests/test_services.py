import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from positions import services
from positions.choices import Shift, Stance, Status
from positions.models import Position
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

TEXT = 'The minister said: "We will never accept it." He added that talks may continue.'


def draft_fields():
    return {
        "party": PartyFactory(),
        "topic": TopicFactory(),
        "source": SourceFactory(text=TEXT),
        "stated_on": "2025-03-16",
        "stance": Stance.REJECTS,
        "summary": "Rejects it.",
        "quote": "We will never accept it.",
    }


def test_editor_creates_a_draft_with_an_anchored_quote(editor):
    position = services.position_create(user=editor, **draft_fields())
    assert position.status == Status.DRAFT
    assert TEXT[position.quote_start : position.quote_end] == "We will never accept it."
    assert position.created_by == editor
    assert position.history.get().history_user == editor


def test_quote_missing_from_the_source_is_refused(editor):
    fields = draft_fields() | {"quote": "We will always accept it."}
    with pytest.raises(ValidationError) as error:
        services.position_create(user=editor, **fields)
    assert "does not occur in the source text" in str(error.value.message_dict["quote"])
    assert Position.objects.count() == 0


def test_anonymous_cannot_create(db):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.position_create(user=AnonymousUser(), **draft_fields())


def test_reviewer_can_publish_a_submitted_draft_and_it_joins_the_timeline(editor, reviewer):
    position = services.position_create(user=editor, **draft_fields())
    position = services.position_submit(position=position, user=editor)
    position = services.position_publish(position=position, user=reviewer)
    assert position.status == Status.PUBLISHED
    assert position.published_at is not None
    position.refresh_from_db()
    assert position.shift == Shift.FIRST


def test_editor_cannot_publish(editor):
    position = services.position_create(user=editor, **draft_fields())
    services.position_submit(position=position, user=editor)
    with pytest.raises(PermissionDenied):
        services.position_publish(position=position, user=editor)
    position.refresh_from_db()
    assert position.status == Status.IN_REVIEW


def test_publishing_a_draft_that_skipped_review_is_refused(reviewer):
    position = PositionFactory()
    with pytest.raises(ValidationError, match="Cannot publish a position that is draft"):
        services.position_publish(position=position, user=reviewer)


def test_retraction_keeps_the_record_with_its_reason(reviewer):
    position = PositionFactory(status=Status.PUBLISHED)
    services.position_retract(position=position, user=reviewer, reason="Misattributed.")
    position.refresh_from_db()
    assert position.status == Status.RETRACTED
    assert position.retraction_reason == "Misattributed."
    assert position in Position.objects.public()


def test_second_save_from_a_stale_version_is_refused(editor):
    position = services.position_create(user=editor, **draft_fields())
    first_view = Position.objects.get(pk=position.pk)
    second_view = Position.objects.get(pk=position.pk)
    services.position_update(
        position=first_view,
        user=editor,
        changes={"summary": "First editor's summary."},
        expected_version=first_view.version,
    )
    with pytest.raises(services.VersionConflict) as conflict:
        services.position_update(
            position=second_view,
            user=editor,
            changes={"summary": "Second editor's summary."},
            expected_version=second_view.version,
        )
    assert "summary" in conflict.value.changed_fields
    position.refresh_from_db()
    assert position.summary == "First editor's summary."


def test_publishing_an_orphaned_quote_is_refused(editor, reviewer):
    position = services.position_create(user=editor, **draft_fields())
    services.position_submit(position=position, user=editor)
    position.source.text = "The minister said nothing of the sort."
    position.source.save()
    with pytest.raises(ValidationError, match="source text changed since this quote was checked"):
        services.position_publish(position=position, user=reviewer)
