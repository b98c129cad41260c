import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from positions.editorial import records, services
from positions.models import Position
from positions.models.choices import Shift, Stance, Status
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
    records.record_save(record=position.source, user=editor)
    with pytest.raises(ValidationError, match="no longer matches"):
        services.position_publish(position=position, user=reviewer)


def test_quote_that_appears_twice_keeps_the_occurrence_chosen_by_its_context(editor):
    text = "First: we will talk. Later he repeated: we will talk. Then he left."
    fields = draft_fields() | {"source": SourceFactory(text=text), "quote": "we will talk."}
    position = services.position_create(user=editor, **fields)
    assert position.quote_start == text.index("we will talk.")
    # An editor moves the anchor to the second occurrence by its context.
    second = text.rindex("we will talk.")
    position.quote_prefix, position.quote_suffix = text[max(0, second - 20) : second], ""
    services.anchor_quote(position)
    assert position.quote_start == second
    assert text[position.quote_start : position.quote_end] == "we will talk."


def test_mistyped_quote_error_names_the_nearest_passage(editor):
    fields = draft_fields() | {"quote": "We shall never accept it."}
    with pytest.raises(ValidationError) as error:
        services.position_create(user=editor, **fields)
    assert "Did you mean: “We will never accept it.”?" in error.value.message_dict["quote"][0]


def test_unrelated_quote_gets_no_suggestion(editor):
    fields = draft_fields() | {"quote": "Completely different words about fisheries quotas."}
    with pytest.raises(ValidationError) as error:
        services.position_create(user=editor, **fields)
    assert "Did you mean" not in error.value.message_dict["quote"][0]


def test_changing_the_source_text_orphans_the_quote_and_submission_waits_for_reanchoring(editor):
    position = services.position_create(user=editor, **draft_fields())
    assert not position.needs_anchoring
    position.source.text = "Breaking: " + TEXT
    records.record_save(record=position.source, user=editor)
    position.refresh_from_db()
    assert position.needs_anchoring and position.quote_orphaned
    with pytest.raises(ValidationError, match="no longer matches its source text"):
        services.position_submit(position=position, user=editor)
    services.position_update(
        position=position, user=editor, changes={}, expected_version=position.version
    )
    position.refresh_from_db()
    assert not position.needs_anchoring
    assert position.source.text[position.quote_start : position.quote_end] == (
        "We will never accept it."
    )
    services.position_submit(position=position, user=editor)


def test_source_text_that_drops_the_quote_is_reported_on_resave(editor):
    position = services.position_create(user=editor, **draft_fields())
    position.source.text = "The minister said nothing quotable."
    records.record_save(record=position.source, user=editor)
    with pytest.raises(ValidationError, match="does not occur in the source text"):
        services.position_update(
            position=position, user=editor, changes={}, expected_version=position.version
        )


def test_text_added_to_a_source_later_must_anchor_the_quote_before_publishing(editor, reviewer):
    source = SourceFactory(text="")
    position = services.position_create(user=editor, **(draft_fields() | {"source": source}))
    services.position_submit(position=position, user=editor)
    source.text = TEXT
    records.record_save(record=source, user=editor)
    with pytest.raises(ValidationError, match="Re-anchor the quote before publishing"):
        services.position_publish(position=position, user=reviewer)


def test_conflict_lists_what_changed_since_the_editor_loaded_it(editor, reviewer):
    position = services.position_create(user=editor, **draft_fields())
    loaded_version = position.version
    new_topic = TopicFactory()
    services.position_update(
        position=position,
        user=reviewer,
        changes={"topic": new_topic, "stance": Stance.OPPOSES},
        expected_version=loaded_version,
    )
    with pytest.raises(services.VersionConflict) as conflict:
        services.position_update(
            position=position,
            user=editor,
            changes={"summary": "Mine."},
            expected_version=loaded_version,
        )
    changed = {name: (before, after) for name, before, after in conflict.value.changes}
    assert changed["stance"] == (Stance.REJECTS, Stance.OPPOSES)
    assert changed["topic"][1] == new_topic.pk
    assert "summary" not in changed


def test_every_step_is_recorded_in_history_with_who_and_why(editor, reviewer):
    position = services.position_create(user=editor, **draft_fields())
    services.position_update(
        position=position,
        user=editor,
        changes={"summary": "Rejects it outright."},
        expected_version=1,
    )
    services.position_submit(position=position, user=editor)
    services.position_publish(position=position, user=reviewer)
    services.position_correct(
        position=position,
        user=reviewer,
        changes={"stance": Stance.OPPOSES},
        note="Softer than first read.",
        expected_version=4,
    )
    records = list(position.history.order_by("history_id"))
    assert [(r.history_user, r.history_change_reason) for r in records] == [
        (editor, "Created"),
        (editor, "Edited: summary"),
        (editor, "Submitted for review"),
        (reviewer, "Published"),
        (reviewer, "Corrected: Softer than first read."),
    ]
    delta = records[-1].diff_against(records[-2])
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("stance", Stance.REJECTS, Stance.OPPOSES),
    ]


def test_deleting_a_draft_is_recorded_with_who_deleted_it(editor):
    position = services.position_create(user=editor, **draft_fields())
    pk = position.pk
    services.position_delete(position=position, user=editor)
    deleted = Position.history.filter(id=pk).latest("history_id")
    assert deleted.history_type == "-" and deleted.history_user == editor


def test_deletion_refusal_says_who_cites_a_source_or_party(editor):
    position = services.position_create(user=editor, **draft_fields())
    message = records.deletion_refusal(position.source)
    assert "cannot be deleted: 1 position refer to it" in message
    assert records.deletion_refusal(position.party).startswith(f"“{position.party}”")
    assert records.deletion_refusal(PartyFactory()) is None


def test_reanchoring_needs_the_right_to_edit_and_changes_only_the_anchor(editor):
    from django.contrib.auth.models import AnonymousUser

    position = services.position_create(user=editor, **draft_fields())
    position.source.text = "Preface. " + TEXT
    records.record_save(record=position.source, user=editor)
    with pytest.raises(PermissionDenied):
        services.position_reanchor(position=position, user=AnonymousUser())
    before = Position.objects.get(pk=position.pk)
    after = services.position_reanchor(position=position, user=editor)
    assert after.quote_start == before.quote_start + len("Preface. ")
    assert (after.summary, after.stance, after.status) == (
        before.summary,
        before.stance,
        before.status,
    )


@pytest.mark.parametrize("step", ["submit", "publish", "send_back", "retract"])
def test_a_step_on_a_position_deleted_meanwhile_is_a_404_not_a_crash(editor, reviewer, step):
    from django.http import Http404

    position = PositionFactory(status=Status.IN_REVIEW)
    loaded = Position.objects.get(pk=position.pk)  # what the racing request read first
    services.position_delete(position=position, user=editor)
    with pytest.raises(Http404, match=f"Position {loaded.pk} no longer exists"):
        services.take_step(step, position=loaded, user=reviewer, text="Why.")
