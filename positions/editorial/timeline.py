"""A party's timeline on a topic: its published positions in date order, each with its shift."""

from django.utils import timezone

from positions.models import Position
from positions.models.choices import Shift, Status


def shift_between(previous_score: int | None, score: int) -> Shift:
    """How a stance moved from the previous one; crossing zero is a reversal."""
    if previous_score is None:
        return Shift.FIRST
    if previous_score * score < 0:
        return Shift.REVERSAL
    if score > previous_score:
        return Shift.TOWARDS_SUPPORT
    if score < previous_score:
        return Shift.TOWARDS_REJECTION
    return Shift.UNCHANGED


def recompute_timeline(*, party_id: int, topic_id: int) -> None:
    """Rewrite ``previous`` and ``shift`` for one party's positions on one topic.

    Runs after any publication, retraction or edit touching the timeline. Only
    published positions take part; every other position is unlinked. Uses
    ``update()`` so derived fields do not show up as editorial history, but still marks
    rewritten rows as changed so that API clients syncing by ``updated_since`` see them.
    """
    now = timezone.now()
    rows = Position.objects.filter(party_id=party_id, topic_id=topic_id)
    rows.exclude(status=Status.PUBLISHED).exclude(previous=None, shift="").update(
        previous=None, shift="", updated_at=now
    )
    timeline = rows.filter(status=Status.PUBLISHED).order_by("stated_on", "id")
    previous_id, previous_score = None, None
    for position_id, score, stored_previous, stored_shift in timeline.values_list(
        "id", "stance", "previous_id", "shift"
    ):
        shift = shift_between(previous_score, score)
        if (stored_previous, stored_shift) != (previous_id, shift):
            Position.objects.filter(id=position_id).update(
                previous_id=previous_id, shift=shift, updated_at=now
            )
        previous_id, previous_score = position_id, score
