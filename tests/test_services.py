import threading
import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction

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
    assert error.value.message_dict["quote"] == [
        "This quote does not occur in the source text. Copy it verbatim from the source "
        "(spacing, quote marks and dashes may differ)."
    ]


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
        # The stance is sent as it was: only what differs is named as edited.
        changes={"summary": "Rejects it outright.", "stance": Stance.REJECTS},
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
    assert Position.objects.get(pk=position.pk).updated_by == reviewer
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


def test_a_step_from_a_stale_version_is_refused_with_the_current_version(editor, reviewer):
    position = services.position_create(user=editor, **draft_fields())
    services.take_step("submit", position=position, user=editor, expected_version=1)
    with pytest.raises(services.VersionConflict) as conflict:
        services.take_step("publish", position=position, user=reviewer, expected_version=1)
    assert str(conflict.value) == (
        "This position was changed by someone else (now version 2). "
        "Review their changes, then apply yours again."
    )
    assert conflict.value.current.version == 2
    assert conflict.value.changed_fields == ["status"]
    assert Position.objects.get(pk=position.pk).status == Status.IN_REVIEW


def test_steps_that_need_a_reason_are_refused_without_one(editor, reviewer):
    position = services.position_create(user=editor, **draft_fields())
    services.take_step("submit", position=position, user=editor)
    with pytest.raises(ValidationError) as error:
        services.take_step("send_back", position=position, user=reviewer)
    assert error.value.message_dict == {"comment": ["Say what the editor should change."]}
    services.take_step("send_back", position=position, user=reviewer, text=" Cite it. ")
    stored = Position.objects.get(pk=position.pk)
    assert (stored.status, stored.review_comment) == (Status.DRAFT, "Cite it.")


def published_on(party, topic, day, stance):
    position = PositionFactory(
        party=party, topic=topic, stance=stance, stated_on=f"2025-01-{day:02d}", status="draft"
    )
    position.status = Status.IN_REVIEW
    position.save()
    return position


def test_a_correction_of_stance_topic_or_party_relinks_both_timelines(reviewer):
    party, topic, elsewhere = PartyFactory(), TopicFactory(), TopicFactory()
    first, second, third = (
        published_on(party, topic, day, stance)
        for day, stance in ((1, Stance.REJECTS), (2, Stance.OPEN), (3, Stance.OPEN))
    )
    for position in (first, second, third):
        services.position_publish(position=position, user=reviewer)

    def links():
        rows = Position.objects.filter(pk__in=[first.pk, second.pk, third.pk]).order_by("pk")
        return [(row.previous_id, row.shift) for row in rows]

    assert links() == [(None, "first"), (first.pk, "reversal"), (second.pk, "unchanged")]
    services.position_correct(
        position=second,
        user=reviewer,
        changes={"stance": Stance.OPPOSES},
        note="The stance was misread.",
        expected_version=None,
    )
    assert links() == [(None, "first"), (first.pk, "towards_support"), (second.pk, "reversal")]
    services.position_correct(
        position=second,
        user=reviewer,
        changes={"topic": elsewhere},
        note="Filed under the wrong topic.",
        expected_version=None,
    )
    # The second now opens the other topic's timeline; the third follows the first.
    assert links() == [(None, "first"), (None, "first"), (first.pk, "reversal")]


def test_a_correction_of_the_summary_leaves_the_timeline_alone(reviewer):
    party, topic = PartyFactory(), TopicFactory()
    position = published_on(party, topic, 1, Stance.OPEN)
    services.position_publish(position=position, user=reviewer)
    # Marked by hand as if stale: a correction that moves nothing must not rewrite it.
    Position.objects.filter(pk=position.pk).update(shift="unchanged")
    services.position_correct(
        position=position,
        user=reviewer,
        changes={"summary": "Open to it."},
        note="Wording.",
        expected_version=None,
    )
    assert Position.objects.get(pk=position.pk).shift == "unchanged"


@pytest.mark.parametrize(
    ("step", "status", "message"),
    [
        ("publish", Status.IN_REVIEW, "You are not allowed to publish positions."),
        ("retract", Status.PUBLISHED, "You are not allowed to retract positions."),
    ],
)
def test_a_refused_step_says_what_was_not_allowed(editor, step, status, message):
    position = PositionFactory(status=status)
    with pytest.raises(PermissionDenied) as refusal:
        services.take_step(step, position=position, user=editor, text="Because.")
    assert str(refusal.value) == message
    assert Position.objects.get(pk=position.pk).status == status


def test_a_quote_said_twice_is_anchored_at_the_occurrence_nearest_the_sentence_picked(editor):
    text = "Talks first. We will never accept it. Later: We will never accept it. The end."
    fields = draft_fields() | {"source": SourceFactory(text=text)}
    second = text.rindex("We will never accept it.")
    for near, expected in ((0, text.index("We will")), (second - 3, second), (len(text), second)):
        position = services.position_create(user=editor, near=near, **fields)
        assert Position.objects.get(pk=position.pk).quote_start == expected, near


def test_a_quote_of_a_source_without_text_has_no_anchor(editor):
    fields = draft_fields() | {"source": SourceFactory(text="")}
    position = services.position_create(user=editor, **fields)
    stored = Position.objects.get(pk=position.pk)
    assert (stored.quote_start, stored.quote_end) == (None, None)
    assert (stored.quote_prefix, stored.quote_suffix, stored.anchored_text_sha256) == ("", "", "")
    assert not stored.needs_anchoring


def test_a_quote_said_twice_keeps_its_occurrence_by_the_words_after_it(editor):
    text = "First: we will talk. Later he repeated: we will talk. Then he left."
    fields = draft_fields() | {"source": SourceFactory(text=text), "quote": "we will talk."}
    position = services.position_create(user=editor, **fields)
    second = text.rindex("we will talk.")
    # Context that only the second occurrence is followed by; nothing before it matches.
    position.quote_prefix, position.quote_suffix = "unrelated words", " Then he left."
    services.anchor_quote(position)
    assert position.quote_start == second


def test_an_edit_of_the_workflow_fields_is_refused_naming_them(editor):
    position = services.position_create(user=editor, **draft_fields())
    with pytest.raises(ValidationError) as error:
        services.position_update(
            position=position,
            user=editor,
            changes={"summary": "Published now.", "status": Status.PUBLISHED, "version": 9},
            expected_version=1,
        )
    assert error.value.messages == ["These fields cannot be edited: status, version."]
    position.refresh_from_db()
    assert (position.status, position.version, position.summary) == (
        Status.DRAFT,
        1,
        "Rejects it.",
    )


def test_an_edit_with_a_value_of_the_wrong_type_is_refused_naming_the_field(editor):
    position = services.position_create(user=editor, **draft_fields())
    with pytest.raises(ValidationError) as error:
        services.position_update(
            position=position, user=editor, changes={"stated_on": 20250316}, expected_version=1
        )
    assert error.value.message_dict == {"stated_on": ["Not a valid stated on."]}


def test_a_stale_version_names_what_changed_since_even_on_a_fresh_copy(editor, reviewer):
    # As the API reads it: the row as it is now, with the version the client last saw.
    position = services.position_create(user=editor, **draft_fields())
    services.position_update(
        position=position, user=reviewer, changes={"summary": "Theirs."}, expected_version=1
    )
    fresh = Position.objects.get(pk=position.pk)
    with pytest.raises(services.VersionConflict) as conflict:
        services.position_update(
            position=fresh, user=editor, changes={"conditions": "Mine."}, expected_version=1
        )
    assert conflict.value.changed_fields == ["summary"]


@pytest.mark.postgresql(reason="SQLite writes one transaction at a time: nothing to race")
@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_the_same_version_at_once_lose_nothing(editor, reviewer):
    position = services.position_create(user=editor, **draft_fields())
    outcome = []

    def second_editor():
        try:
            services.position_update(
                position=Position.objects.get(pk=position.pk),
                user=editor,
                changes={"conditions": "Second."},
                expected_version=1,
            )
            outcome.append("saved")
        except services.VersionConflict as conflict:
            outcome.append(conflict.changed_fields)
        finally:
            connection.close()

    with transaction.atomic():
        services.position_update(
            position=position, user=reviewer, changes={"summary": "First."}, expected_version=1
        )
        # The second save starts while the first is not yet committed: it must wait for
        # it, then see that version 1 is gone, rather than read version 1 and overwrite.
        second = threading.Thread(target=second_editor)
        second.start()
        time.sleep(0.5)
    second.join(timeout=10)
    assert outcome == [["summary"]]
    stored = Position.objects.get(pk=position.pk)
    assert (stored.version, stored.summary, stored.conditions) == (2, "First.", "")
