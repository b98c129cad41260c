"""Every change to a position's content or status goes through here.

The admin, the pages and the API call these functions; each one checks permission,
validates, writes the change and its history in one transaction, and keeps what is derived
from it in the same transaction: the stance cells it leaves and joins, and the party's
timeline on the topic. Nothing else writes positions (bulk loads rebuild what is derived
once, at their end). What positions cite is written by ``editorial.records``.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from positions.editorial import stance_cells, sync
from positions.editorial.anchoring import choose_anchor, find_anchors
from positions.editorial.quote_hints import nearest_passage
from positions.editorial.timeline import recompute_timeline
from positions.editorial.validators import (
    require_consistent,
    require_note,
    require_storable_text,
)
from positions.models import Position
from positions.models.choices import PUBLIC_STATUSES, Status

# Fields an editor types; everything else is set by the workflow.
EDITABLE_FIELDS = (
    "party",
    "topic",
    "speaker",
    "role",
    "source",
    "stated_on",
    "stated_on_precision",
    "long_standing",
    "stance",
    "move",
    "conditions",
    "summary",
    "quote",
    "quote_translation",
)
# Changing any of these moves the position on a timeline.
TIMELINE_FIELDS = {"party", "topic", "stated_on", "stance"}
# Statuses in which a position is edited freely, or may be deleted (it was never public).
EDITABLE_STATUSES = (Status.DRAFT, Status.IN_REVIEW)
DELETABLE_STATUSES = (Status.DRAFT, Status.IN_REVIEW)


@dataclass(frozen=True)
class Step:
    """A workflow transition: who may take it, from where, and what text it needs."""

    name: str
    label: str
    permission: str
    allowed: tuple[str, ...]
    text: str = ""  # the keyword argument for the comment or reason it needs, if any


STEPS = {
    step.name: step
    for step in (
        Step("submit", "Submit for review", "submit_position", (Status.DRAFT,)),
        Step("publish", "Publish", "publish_position", (Status.IN_REVIEW,)),
        Step("send_back", "Send back to draft", "publish_position", (Status.IN_REVIEW,), "comment"),
        Step("retract", "Retract", "retract_position", (Status.PUBLISHED,), "reason"),
    )
}


def available_steps(position: Position, user) -> list[Step]:
    """The steps ``user`` may take on ``position`` now; the functions below still check."""
    return [
        step
        for step in STEPS.values()
        if position.status in step.allowed and user.has_perm(f"positions.{step.permission}")
    ]


def can_correct(user) -> bool:
    return bool(user and user.is_active and user.has_perm("positions.publish_position"))


def take_step(name: str, *, position: Position, user, text: str = "", expected_version=None):
    """Run the workflow step called ``name`` (see ``STEPS``)."""
    step = STEPS[name]
    extra = {step.text: text} if step.text else {}
    return _STEP_FUNCTIONS[name](
        position=position, user=user, expected_version=expected_version, **extra
    )


class VersionConflict(Exception):
    """The position changed since the editor loaded it; their save would overwrite that.

    ``changes`` lists, for each field changed since the editor's version, the field name,
    its value then and its value now (from the history), so a form can show what changed.
    """

    def __init__(self, current: Position, changed_fields: list[str], changes=None):
        self.current = current
        self.changed_fields = changed_fields
        self.changes: list[tuple[str, Any, Any]] = changes or []
        super().__init__(
            f"This position was changed by someone else (now version {current.version}). "
            "Review their changes, then apply yours again."
        )


class PositionGone(Http404):
    """The position was deleted while this write waited for it (a DELETE racing a publish).

    An Http404, so that the desk and the API answer it as a 404 without catching it.
    """

    def __init__(self, pk):
        super().__init__(f"Position {pk} no longer exists: it was deleted.")


def _current(position: Position, *, lock: bool = False) -> Position:
    """The stored row of ``position`` with its source, locked if asked."""
    rows = Position.objects.select_related("source")
    try:
        return (rows.select_for_update() if lock else rows).get(pk=position.pk)
    except Position.DoesNotExist:
        raise PositionGone(position.pk) from None


def _require(user, permission: str, action: str) -> None:
    if not (user and user.is_active and user.has_perm(f"positions.{permission}")):
        raise PermissionDenied(f"You are not allowed to {action} positions.")


def _require_status(position: Position, allowed: tuple[str, ...], action: str) -> None:
    if position.status not in allowed:
        raise ValidationError(
            f"Cannot {action} a position that is {position.get_status_display().lower()}."
        )


def anchor_quote(position: Position, *, near: int | None = None) -> None:
    """Locate the quote in its source text and store where it sits.

    When the quote appears more than once, takes the occurrence nearest the character offset
    ``near`` if given (e.g. the sentence an editor picked), else keeps the one chosen before.
    Raises a ValidationError on ``quote`` when the source has text and the quote is not in it.
    """
    source = position.source
    if not source.text:
        position.quote_prefix = position.quote_suffix = position.anchored_text_sha256 = ""
        position.quote_start = position.quote_end = None
        return
    anchors = find_anchors(source.text, position.quote)
    if near is not None and anchors:
        anchor = min(anchors, key=lambda candidate: abs(candidate.start - near))
    else:
        anchor = choose_anchor(anchors, prefix=position.quote_prefix, suffix=position.quote_suffix)
    if anchor is None:
        message = (
            "This quote does not occur in the source text. Copy it verbatim "
            "from the source (spacing, quote marks and dashes may differ)."
        )
        if near_miss := nearest_passage(source.text, position.quote):
            message += f" Did you mean: “{near_miss}”?"
        raise ValidationError({"quote": message})
    position.quote_start, position.quote_end = anchor.start, anchor.end
    position.quote_prefix, position.quote_suffix = anchor.prefix, anchor.suffix
    position.anchored_text_sha256 = source.text_sha256


class Placement(NamedTuple):
    """Where a position counts in the stance matrix: its cell, and whether it is public."""

    party_id: int
    topic_id: int
    public: bool

    @classmethod
    def of(cls, position: Position) -> "Placement":
        return cls(position.party_id, position.topic_id, position.status in PUBLIC_STATUSES)


def _keep_cells(before: Placement | None, after: Placement | None) -> None:
    """Recount the cells a write took a position out of and put it into.

    Cells count only public positions, so a write that leaves a position unpublished on
    both sides changes none.
    """
    stance_cells.refresh_cells(
        (placement.party_id, placement.topic_id)
        for placement in (before, after)
        if placement is not None and placement.public
    )


def _save(position: Position, *, user, reason: str, stored: Placement | None) -> None:
    """Validate and write ``position``; ``stored`` is where the row was before (None if new)."""
    position.updated_by = user
    position._history_user = user
    position._change_reason = reason
    position.full_clean()
    position.save()
    _keep_cells(stored, Placement.of(position))


def _lock(position: Position, expected_version: int | None) -> Position:
    """Re-read the row under lock and refuse if it moved on since ``expected_version``.

    The locked row is what the write changes, so ``Placement.of`` it, taken before the
    changes are applied, says which stance cell the position leaves.
    """
    current = _current(position, lock=True)
    if expected_version is not None and current.version != expected_version:
        changes = _changes_since(current, expected_version)
        # What changed since the caller's version (from history), and what differs from
        # the copy the caller holds, if it holds one of its own.
        since = {name for name, _, _ in changes}
        changed = [
            name
            for name in EDITABLE_FIELDS + ("status",)
            if name in since
            or getattr(current, f"{name}_id", getattr(current, name, None))
            != getattr(position, f"{name}_id", getattr(position, name, None))
        ]
        raise VersionConflict(current, changed, changes)
    return current


def _changes_since(current: Position, version: int) -> list[tuple[str, Any, Any]]:
    """What changed in ``current`` since the history recorded ``version``."""
    then = current.history.filter(version=version).order_by("-history_id").first()
    if then is None:
        return []
    changes = []
    for name in EDITABLE_FIELDS + ("status",):
        attname = current._meta.get_field(name).attname
        before, after = getattr(then, attname), getattr(current, attname)
        if before != after:
            changes.append((name, before, after))
    return changes


def _apply(position: Position, changes: Mapping[str, Any]) -> set[str]:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These fields cannot be edited: {', '.join(sorted(unknown))}.")
    require_storable_text(**changes)
    changed = set()
    for name, value in changes.items():
        field = Position._meta.get_field(name)
        if not field.is_relation:
            # Values of the wrong type (a number for a date) are the caller's error, not ours.
            try:
                value = field.to_python(value)
            except (TypeError, ValueError, OverflowError):
                raise ValidationError({name: f"Not a valid {field.verbose_name}."}) from None
        # A missing relation raises an AttributeError subclass, hence the default.
        if getattr(position, name, None) != value:
            setattr(position, name, value)
            changed.add(name)
    return changed


@transaction.atomic
def position_create(*, user, near: int | None = None, **fields) -> Position:
    """Record a new draft position; ``near`` picks among repeated quotes (see anchor_quote)."""
    _require(user, "add_position", "create")
    position = Position(status=Status.DRAFT, created_by=user)
    _apply(position, fields)
    require_consistent(position=position)
    anchor_quote(position, near=near)
    _save(position, user=user, reason="Created", stored=None)
    return position


@transaction.atomic
def position_update(
    *, position: Position, user, changes: Mapping[str, Any], expected_version: int | None
) -> Position:
    """Edit a draft or a position in review. Published ones are corrected instead."""
    _require(user, "change_position", "edit")
    current = _lock(position, expected_version)
    _require_status(current, EDITABLE_STATUSES, "edit")
    stored = Placement.of(current)
    changed = _apply(current, changes)
    require_consistent(position=current)
    # Saving an orphaned quote re-anchors it in the current text (or says why it cannot).
    if changed & {"quote", "source"} or current.needs_anchoring:
        anchor_quote(current)
    current.version += 1
    reason = "Edited: " + ", ".join(sorted(changed)) if changed else "Saved"
    _save(current, user=user, reason=reason, stored=stored)
    return current


@transaction.atomic
def position_correct(
    *,
    position: Position,
    user,
    changes: Mapping[str, Any],
    note: str,
    expected_version: int | None,
) -> Position:
    """Correct a published position in place, with a public note saying what and why.

    Only reviewers may do this: the position stays public while corrected, so the
    correction must be one a reviewer would publish.
    """
    _require(user, "publish_position", "correct")
    note = require_note(note, missing="Say what was corrected and why.")
    current = _lock(position, expected_version)
    _require_status(current, (Status.PUBLISHED,), "correct")
    stored = Placement.of(current)
    changed = _apply(current, changes)
    require_consistent(position=current)
    if changed & {"quote", "source"} or current.needs_anchoring:
        anchor_quote(current)
    current.version += 1
    _save(current, user=user, reason=f"Corrected: {note}", stored=stored)
    _recompute_timelines(stored, current, changed)
    return current


@transaction.atomic
def position_reanchor(*, position: Position, user) -> Position:
    """Find the quote again in its source's current text, changing nothing else.

    Allowed in any status: the content stays as reviewed, only where it sits is updated.
    Raises a ValidationError (with the nearest passage) when the quote is no longer there.
    """
    _require(user, "change_position", "re-anchor")
    current = _lock(position, None)
    if not current.needs_anchoring:
        return current
    anchor_quote(current)
    current.version += 1
    _save(
        current,
        user=user,
        reason="Quote re-anchored in the changed source text",
        stored=Placement.of(current),
    )
    return current


def _recompute_timelines(before: Placement, after: Position, changed: set[str]) -> None:
    if not changed & TIMELINE_FIELDS:
        return
    recompute_timeline(party_id=after.party_id, topic_id=after.topic_id)
    if (before.party_id, before.topic_id) != (after.party_id, after.topic_id):
        recompute_timeline(party_id=before.party_id, topic_id=before.topic_id)


def _transition(
    position: Position,
    *,
    user,
    permission: str,
    action: str,
    allowed: tuple[str, ...],
    to: str,
    reason: str,
    expected_version: int | None,
    **fields,
) -> Position:
    _require(user, permission, action)
    current = _lock(position, expected_version)
    _require_status(current, allowed, action)
    stored = Placement.of(current)
    current.status = to
    for name, value in fields.items():
        setattr(current, name, value)
    current.version += 1
    _save(current, user=user, reason=reason, stored=stored)
    return current


@transaction.atomic
def position_submit(*, position: Position, user, expected_version: int | None = None) -> Position:
    """Draft → in review."""
    current = _current(position)
    if current.needs_anchoring:
        raise ValidationError(
            "The quote no longer matches its source text; fix it first. (The text changed or "
            "was added since the quote was checked: open the position and save it to re-anchor.)"
        )
    return _transition(
        position,
        user=user,
        permission=STEPS["submit"].permission,
        action="submit",
        allowed=STEPS["submit"].allowed,
        to=Status.IN_REVIEW,
        reason="Submitted for review",
        expected_version=expected_version,
        review_comment="",
    )


@transaction.atomic
def position_send_back(
    *, position: Position, user, comment: str, expected_version: int | None = None
) -> Position:
    """In review → draft, with a comment saying what to fix."""
    require_storable_text(comment=comment)
    if not comment.strip():
        raise ValidationError({"comment": "Say what the editor should change."})
    return _transition(
        position,
        user=user,
        permission=STEPS["send_back"].permission,
        action="send back",
        allowed=STEPS["send_back"].allowed,
        to=Status.DRAFT,
        reason=f"Sent back: {comment.strip()}",
        expected_version=expected_version,
        review_comment=comment.strip(),
    )


@transaction.atomic
def position_publish(*, position: Position, user, expected_version: int | None = None) -> Position:
    """In review → published. Refused while the quote is orphaned."""
    current = _current(position)
    if current.needs_anchoring:
        raise ValidationError(
            "The source text changed since this quote was checked, and the quote no longer "
            "matches it. Re-anchor the quote before publishing."
        )
    published = _transition(
        position,
        user=user,
        permission=STEPS["publish"].permission,
        action="publish",
        allowed=STEPS["publish"].allowed,
        to=Status.PUBLISHED,
        reason="Published",
        expected_version=expected_version,
        published_at=current.published_at or timezone.now(),
    )
    recompute_timeline(party_id=published.party_id, topic_id=published.topic_id)
    return published


@transaction.atomic
def position_retract(
    *, position: Position, user, reason: str, expected_version: int | None = None
) -> Position:
    """Published → retracted. The record stays public, marked, with the reason."""
    require_storable_text(reason=reason)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the position is retracted."})
    retracted = _transition(
        position,
        user=user,
        permission=STEPS["retract"].permission,
        action="retract",
        allowed=STEPS["retract"].allowed,
        to=Status.RETRACTED,
        reason=f"Retracted: {reason.strip()}",
        expected_version=expected_version,
        retraction_reason=reason.strip(),
        retracted_at=timezone.now(),
    )
    recompute_timeline(party_id=retracted.party_id, topic_id=retracted.topic_id)
    return retracted


@transaction.atomic
def position_delete(*, position: Position, user) -> None:
    """Delete a draft. Anything that was ever public is retracted, never deleted."""
    _require(user, "delete_position", "delete")
    current = _lock(position, None)
    _require_status(current, DELETABLE_STATUSES, "delete")
    stored = Placement.of(current)
    # Never public, so only clients that see drafts are told.
    sync.records_deleting(Position.objects.filter(pk=current.pk), public=False)
    current._history_user = user
    current.delete()
    _keep_cells(stored, None)


_STEP_FUNCTIONS = {
    "submit": position_submit,
    "publish": position_publish,
    "send_back": position_send_back,
    "retract": position_retract,
}
