"""Runs of an unchanged stance: since when each party has held its stance on a topic.

A run begins at a published position whose shift is not "unchanged" (the party's first
statement, or a move); restating a stance does not begin one. The run starts are read
through ``position_run_start_idx``: one index probe per cell, however long the run.
"""

import datetime
from typing import NamedTuple

from django.db.models import Case, F, OuterRef, Q, QuerySet, Subquery, When

from positions.models import Position, StanceCell, Topic
from positions.models.choices import Shift
from positions.reading.links import record_url


def run_starts(*, topic_id=None, party_id=None, as_of: datetime.date | None = None) -> QuerySet:
    """Published positions that began a run, latest first; of one cell when ``topic_id``
    and ``party_id`` are given (values or ``OuterRef``), stated on or before ``as_of``."""
    starts = Position.objects.published().exclude(shift=Shift.UNCHANGED)
    if topic_id is not None:
        starts = starts.filter(topic_id=topic_id)
    if party_id is not None:
        starts = starts.filter(party_id=party_id)
    if as_of is not None:
        starts = starts.filter(stated_on__lte=as_of)
    return starts.order_by("-stated_on", "-id")


def with_since(cells: QuerySet, *, as_of: datetime.date | None = None) -> QuerySet:
    """``cells`` (rows with ``party_id`` and ``topic_id``) annotated with the start of the run
    in force on ``as_of`` (default: the latest): ``since_on``, ``since_precision`` and
    ``since_shift``, the move that began it; null where no published position is in force."""
    start = run_starts(topic_id=OuterRef("topic_id"), party_id=OuterRef("party_id"), as_of=as_of)
    return cells.annotate(
        since_on=Subquery(start.values("stated_on")[:1]),
        since_precision=Subquery(start.values("stated_on_precision")[:1]),
        since_shift=Subquery(start.values("shift")[:1]),
    )


def since_as_of(cells: QuerySet, *, as_of: datetime.date) -> QuerySet:
    """``(party_id, topic_id, since_on, since_precision)`` of each of ``cells`` as of
    ``as_of``: read from the cell when its latest position is in force then, else by one
    probe for the start of the run in force on that date (one query)."""
    start = run_starts(topic_id=OuterRef("topic_id"), party_id=OuterRef("party_id"), as_of=as_of)
    current = Q(latest_stated_on__lte=as_of)
    return cells.annotate(
        since_on=Case(
            When(current, then=F("since_stated_on")),
            default=Subquery(start.values("stated_on")[:1]),
        ),
        since_precision=Case(
            When(current, then=F("since_stated_on_precision")),
            default=Subquery(start.values("stated_on_precision")[:1]),
        ),
    ).values_list("party_id", "topic_id", "since_on", "since_precision")


class Standing(NamedTuple):
    """Where a party stands now on a topic: its latest published position, and since when it
    has held that stance (a plain row, read from the topic's stance cells)."""

    party_id: int
    party_slug: str
    party_short_name: str
    id: int
    stance: int
    move: str
    summary: str
    conditions: str
    stated_on: datetime.date
    stated_on_precision: str
    since_on: datetime.date
    since_precision: str
    since_shift: str

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.id)


def topic_standings(topic: Topic) -> list[Standing]:
    """Every party with a published position on ``topic``: its stance now, since when (kept
    in its stance cell), the move that began that, when last restated and with what
    conditions, by short name (one query, one probe per party)."""
    cells = StanceCell.objects.filter(topic=topic, latest__isnull=False)
    start = run_starts(topic_id=OuterRef("topic_id"), party_id=OuterRef("party_id"))
    rows = (
        cells.annotate(since_shift=Subquery(start.values("shift")[:1]))
        .order_by("party__short_name", "party_id")
        .values_list(
            "party_id",
            "party__slug",
            "party__short_name",
            "latest_id",
            "latest_stance",
            "latest_move",
            "latest_summary",
            "latest__conditions",
            "latest_stated_on",
            "latest_stated_on_precision",
            "since_stated_on",
            "since_stated_on_precision",
            "since_shift",
        )
    )
    return [Standing._make(row) for row in rows]
