"""Every change to a position's content or status goes through here.

The admin, the pages and the API call these functions; each one checks permission,
validates, writes the change and its history in one transaction, and keeps the party's
timeline on the topic up to date. Nothing else writes positions.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from positions.anchoring import choose_anchor, find_anchors
from positions.choices import Status
from positions.models import Position
from positions.timeline import recompute_timeline

# Fields an editor types; everything else is set by the workflow.
EDITABLE_FIELDS = (
    "party",
    "topic",
    "speaker",
    "role",
    "source",
    "stated_on",
    "stated_on_precision",
    "stance",
    "move",
    "conditions",
    "summary",
    "quote",
)
# Changing any of these moves the position on a timeline.
TIMELINE_FIELDS = {"party", "topic", "stated_on", "stance"}


class VersionConflict(Exception):
    """The position changed since the editor loaded it; their save would overwrite that."""

    def __init__(self, current: Position, changed_fields: list[str]):
        self.current = current
        self.changed_fields = changed_fields
        super().__init__(
            f"This position was changed by someone else (now version {current.version}). "
            "Review their changes, then apply yours again."
        )


def _require(user, permission: str, action: str) -> None:
    if not (user and user.is_active and user.has_perm(f"positions.{permission}")):
        raise PermissionDenied(f"You are not allowed to {action} positions.")


def _require_status(position: Position, allowed: tuple[str, ...], action: str) -> None:
    if position.status not in allowed:
        raise ValidationError(
            f"Cannot {action} a position that is {position.get_status_display().lower()}."
        )


def anchor_quote(position: Position) -> None:
    """Locate the quote in its source text and store where it sits.

    Keeps the previously chosen occurrence when the quote appears more than once.
    Raises a ValidationError on ``quote`` when the source has text and the quote is not in it.
    """
    source = position.source
    if not source.text:
        position.quote_prefix = position.quote_suffix = position.anchored_text_sha256 = ""
        position.quote_start = position.quote_end = None
        return
    anchor = choose_anchor(
        find_anchors(source.text, position.quote),
        prefix=position.quote_prefix,
        suffix=position.quote_suffix,
    )
    if anchor is None:
        raise ValidationError(
            {
                "quote": "This quote does not occur in the source text. Copy it verbatim "
                "from the source (spacing, quote marks and dashes may differ)."
            }
        )
    position.quote_start, position.quote_end = anchor.start, anchor.end
    position.quote_prefix, position.quote_suffix = anchor.prefix, anchor.suffix
    position.anchored_text_sha256 = source.text_sha256


def _save(position: Position, *, user, reason: str) -> None:
    position.updated_by = user
    position._history_user = user
    position._change_reason = reason
    position.full_clean()
    position.save()


def _lock(position: Position, expected_version: int | None) -> Position:
    """Re-read the row under lock and refuse if it moved on since ``expected_version``."""
    current = Position.objects.select_for_update().select_related("source").get(pk=position.pk)
    if expected_version is not None and current.version != expected_version:
        changed = [
            name
            for name in EDITABLE_FIELDS + ("status",)
            if getattr(current, f"{name}_id", getattr(current, name, None))
            != getattr(position, f"{name}_id", getattr(position, name, None))
        ]
        raise VersionConflict(current, changed)
    return current


def _apply(position: Position, changes: Mapping[str, Any]) -> set[str]:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These fields cannot be edited: {', '.join(sorted(unknown))}.")
    changed = set()
    for name, value in changes.items():
        # A missing relation raises an AttributeError subclass, hence the default.
        if getattr(position, name, None) != value:
            setattr(position, name, value)
            changed.add(name)
    return changed


@transaction.atomic
def position_create(*, user, **fields) -> Position:
    """Record a new draft position."""
    _require(user, "add_position", "create")
    position = Position(status=Status.DRAFT, created_by=user)
    _apply(position, fields)
    anchor_quote(position)
    _save(position, user=user, reason="Created")
    return position


@transaction.atomic
def position_update(
    *, position: Position, user, changes: Mapping[str, Any], expected_version: int | None
) -> Position:
    """Edit a draft or a position in review. Published ones are corrected instead."""
    _require(user, "change_position", "edit")
    current = _lock(position, expected_version)
    _require_status(current, (Status.DRAFT, Status.IN_REVIEW), "edit")
    changed = _apply(current, changes)
    if changed & {"quote", "source"}:
        anchor_quote(current)
    current.version += 1
    _save(current, user=user, reason="Edited: " + ", ".join(sorted(changed)) if changed else "")
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
    if not note.strip():
        raise ValidationError({"note": "Say what was corrected and why."})
    current = _lock(position, expected_version)
    _require_status(current, (Status.PUBLISHED,), "correct")
    changed = _apply(current, changes)
    if changed & {"quote", "source"}:
        anchor_quote(current)
    current.version += 1
    _save(current, user=user, reason=f"Corrected: {note.strip()}")
    _recompute_timelines(position, current, changed)
    return current


def _recompute_timelines(before: Position, after: Position, changed: set[str]) -> None:
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
    current.status = to
    for name, value in fields.items():
        setattr(current, name, value)
    current.version += 1
    _save(current, user=user, reason=reason)
    return current


@transaction.atomic
def position_submit(*, position: Position, user, expected_version: int | None = None) -> Position:
    """Draft → in review."""
    current = Position.objects.select_related("source").get(pk=position.pk)
    if current.source.text and current.is_orphaned:
        raise ValidationError("The quote no longer matches its source text; fix it first.")
    return _transition(
        position,
        user=user,
        permission="submit_position",
        action="submit",
        allowed=(Status.DRAFT,),
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
    if not comment.strip():
        raise ValidationError({"comment": "Say what the editor should change."})
    return _transition(
        position,
        user=user,
        permission="publish_position",
        action="send back",
        allowed=(Status.IN_REVIEW,),
        to=Status.DRAFT,
        reason=f"Sent back: {comment.strip()}",
        expected_version=expected_version,
        review_comment=comment.strip(),
    )


@transaction.atomic
def position_publish(*, position: Position, user, expected_version: int | None = None) -> Position:
    """In review → published. Refused while the quote is orphaned."""
    current = Position.objects.select_related("source").get(pk=position.pk)
    if current.is_orphaned:
        raise ValidationError(
            "The source text changed since this quote was checked, and the quote no longer "
            "matches it. Re-anchor the quote before publishing."
        )
    published = _transition(
        position,
        user=user,
        permission="publish_position",
        action="publish",
        allowed=(Status.IN_REVIEW,),
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
    if not reason.strip():
        raise ValidationError({"reason": "Say why the position is retracted."})
    retracted = _transition(
        position,
        user=user,
        permission="retract_position",
        action="retract",
        allowed=(Status.PUBLISHED,),
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
    _require_status(current, (Status.DRAFT, Status.IN_REVIEW), "delete")
    current._history_user = user
    current.delete()
