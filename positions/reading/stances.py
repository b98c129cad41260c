"""Where parties stand as of a date: the stance matrix, its cells and what changed.

Each function runs a fixed number of queries whatever the number of positions.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import (
    Exists,
    OuterRef,
    QuerySet,
    Subquery,
)

from positions.editorial.timeline import shift_between
from positions.models import Party, Position, StanceCell, Topic
from positions.models.choices import STANCE_NAMES
from positions.postgres.stances import with_earlier_positions
from positions.reading.links import record_url
from positions.reading.runs import run_starts, since_as_of, with_since


def _cells_on_axes(
    party_ids: Iterable[int] | None, topic_ids: Iterable[int] | None
) -> QuerySet | None:
    """The stance cells with a published position, of the given parties and topics (an axis
    left out means all); None when an axis is given and empty (nothing can match)."""
    cells = StanceCell.objects.filter(latest__isnull=False).order_by()
    for column, ids in (("party_id", party_ids), ("topic_id", topic_ids)):
        if ids is not None:
            ids = list(ids)
            if not ids:
                return None
            cells = cells.filter(**{f"{column}__in": ids})
    return cells


def _found_before(cells: QuerySet, as_of: datetime.date) -> QuerySet:
    """For each cell whose latest position came after ``as_of``, the id of the one in force
    on that date, by one backward probe of ``position_timeline_idx``."""
    probe = (
        Position.objects.published()
        .filter(party_id=OuterRef("party_id"), topic_id=OuterRef("topic_id"), stated_on__lte=as_of)
        .order_by("-stated_on", "-id")
        .values("id")[:1]
    )
    return cells.filter(latest_stated_on__gt=as_of).annotate(found=Subquery(probe)).values("found")


def _latest_ids(
    *,
    as_of: datetime.date,
    party_ids: Iterable[int] | None,
    topic_ids: Iterable[int] | None,
) -> QuerySet | None:
    """The ids of each cell's latest published position stated on or before ``as_of``, as a
    subquery; None when an axis is given and empty (nothing can match).

    The stance cells hold each cell's latest position; a cell whose latest position came
    after ``as_of`` is looked up with one backward probe of ``position_timeline_idx``.
    """
    cells = _cells_on_axes(party_ids, topic_ids)
    if cells is None:
        return None
    current = cells.filter(latest_stated_on__lte=as_of).values("latest_id")
    return current.union(_found_before(cells, as_of), all=True)


class StanceInForce(NamedTuple):
    """A party's position in force on a topic, as a matrix cell or a change shows it:
    read as a plain row, since a matrix holds thousands."""

    id: int
    party_id: int
    topic_id: int
    stance: int
    stated_on: datetime.date
    stated_on_precision: str
    move: str
    summary: str
    conditions: str
    # Since when the party has held the stance (the start of its run), when asked for.
    since_on: datetime.date | None = None
    since_precision: str = ""

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.id)

    def get_stance_display(self) -> str:
        return STANCE_NAMES[self.stance]


# Where the copied columns of a stance cell come from; conditions are read through its link.
_CELL_COLUMNS = {"party_id": "party_id", "topic_id": "topic_id", "conditions": "latest__conditions"}
# The fields read from a cell or a position; the rest are worked out after.
_READ_FIELDS = StanceInForce._fields[: StanceInForce._fields.index("since_on")]


def stances_as_of(
    *,
    as_of: datetime.date,
    party_ids: Iterable[int] | None = None,
    topic_ids: Iterable[int] | None = None,
    since: bool = False,
) -> dict[tuple[int, int], StanceInForce]:
    """Each party's latest published position per topic stated on or before ``as_of``, as
    plain rows (one query, none for an empty axis). An axis left out means every party (or
    topic) with a published position.

    A cell whose latest position is in force on ``as_of`` is read from the cell's own copy
    of it; only cells that changed after ``as_of`` look their position up. With ``since``,
    each row also says since when the party has held the stance (one more query).
    """
    cells = _cells_on_axes(party_ids, topic_ids)
    if cells is None:
        return {}
    copied = cells.filter(latest_stated_on__lte=as_of).values_list(
        *(_CELL_COLUMNS.get(name, f"latest_{name}") for name in _READ_FIELDS)
    )
    earlier = (
        Position.objects.filter(id__in=_found_before(cells, as_of))
        .order_by()
        .values_list(*_READ_FIELDS)
    )
    rows = with_earlier_positions(copied, cells, as_of=as_of, fields=_READ_FIELDS, portable=earlier)
    found = {(row[1], row[2]): StanceInForce(*row) for row in rows}
    if since and found:
        runs = since_as_of(cells, as_of=as_of)
        for party_id, topic_id, since_on, precision in runs:
            if (key := (party_id, topic_id)) in found:
                found[key] = found[key]._replace(since_on=since_on, since_precision=precision)
    return found


def subtopic_stances(
    children: list[Topic], *, as_of: datetime.date
) -> list[tuple[Topic, list[tuple[Party, StanceInForce]]]]:
    """Each sub-topic with each party's stance on it as of ``as_of``, by the party's short
    name (two queries, none without sub-topics)."""
    if not children:
        return []
    stances = stances_as_of(as_of=as_of, topic_ids=[child.id for child in children])
    # Every party's names (a few dozen rows), so the count of queries is the same whether
    # or not any party has spoken on the sub-topics.
    parties = Party.objects.only("slug", "short_name").in_bulk()
    by_topic: dict[int, list[tuple[Party, StanceInForce]]] = {}
    for stance in stances.values():
        by_topic.setdefault(stance.topic_id, []).append((parties[stance.party_id], stance))
    return [
        (child, sorted(by_topic.get(child.id, []), key=lambda pair: pair[0].short_name))
        for child in children
    ]


class CurrentStance(NamedTuple):
    """A party's stance in force on one topic, as its page's table shows it (a plain row)."""

    id: int
    topic_id: int
    topic_slug: str
    topic_name: str
    topic_proposition: str
    stance: int
    move: str
    shift: str
    summary: str
    stated_on: datetime.date
    stated_on_precision: str
    # The start of the run of this stance: since when, and the move that began it.
    since_on: datetime.date
    since_precision: str
    since_shift: str

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.id)


def current_stances(*, party: Party, as_of: datetime.date) -> list[CurrentStance]:
    """``party``'s latest published position on each topic as of ``as_of`` and since when
    it has held that stance, by topic name (two queries).

    Read from the party's stance cells, which hold each latest position and the start of its
    run; only a cell whose latest position came after ``as_of`` is looked up position by
    position."""
    cells = _cells_on_axes([party.id], None)
    start = run_starts(topic_id=OuterRef("topic_id"), party_id=OuterRef("party_id"))
    in_force = (
        cells.filter(latest_stated_on__lte=as_of)
        .annotate(since_shift=Subquery(start.values("shift")[:1]))
        .values_list(
            "latest_id",
            "topic_id",
            "topic__slug",
            "topic__name",
            "topic__proposition",
            "latest_stance",
            "latest_move",
            "latest__shift",
            "latest_summary",
            "latest_stated_on",
            "latest_stated_on_precision",
            "since_stated_on",
            "since_stated_on_precision",
            "since_shift",
        )
    )
    earlier = (
        with_since(Position.objects.filter(id__in=_found_before(cells, as_of)), as_of=as_of)
        .order_by()
        .values_list(
            "id",
            "topic_id",
            "topic__slug",
            "topic__name",
            "topic__proposition",
            "stance",
            "move",
            "shift",
            "summary",
            "stated_on",
            "stated_on_precision",
            "since_on",
            "since_precision",
            "since_shift",
        )
    )
    rows = map(CurrentStance._make, [*in_force, *earlier])
    return sorted(rows, key=lambda row: (row.topic_name, row.topic_id))


# Thresholds of the divide and common-ground marks, as the methodology page states them.
DIVIDE_SMALLER_SIDE = (1, 3)  # the smaller side holds at least a third of those taking a side
COMMON_GROUND_SHARE = (3, 4)  # at least three quarters of the known stances are for it


class Tally(NamedTuple):
    """How the compared parties stand on one proposition: for it (open or supports),
    against it (opposes or rejects), ambiguous, or with no known position."""

    for_it: int
    against: int
    ambiguous: int
    unknown: int

    @property
    def known(self) -> int:
        return self.for_it + self.against + self.ambiguous

    @property
    def is_divide(self) -> bool:
        """Parties on both sides, the smaller side at least a third of those taking one."""
        share, whole = DIVIDE_SMALLER_SIDE
        smaller = min(self.for_it, self.against)
        return smaller >= 1 and smaller * whole >= share * (self.for_it + self.against)

    @property
    def is_common_ground(self) -> bool:
        """At least two parties for it, and at least three quarters of the known stances."""
        share, whole = COMMON_GROUND_SHARE
        return self.for_it >= 2 and self.for_it * whole >= share * self.known


def tally(stances: Iterable[int | None]) -> Tally:
    counts = {"for_it": 0, "against": 0, "ambiguous": 0, "unknown": 0}
    for stance in stances:
        if stance is None:
            counts["unknown"] += 1
        elif stance > 0:
            counts["for_it"] += 1
        elif stance < 0:
            counts["against"] += 1
        else:
            counts["ambiguous"] += 1
    return Tally(**counts)


@dataclass
class StanceMatrix:
    """Parties × topics as of a date. A missing cell means *no known position*."""

    as_of: datetime.date
    parties: list[Party]
    topics: list[Topic]
    cells: dict[tuple[int, int], StanceInForce] = field(default_factory=dict)

    def cell(self, party: Party, topic: Topic) -> StanceInForce | None:
        return self.cells.get((party.id, topic.id))

    def stances_on(self, topic: Topic) -> list[int | None]:
        return [
            cell.stance if (cell := self.cell(party, topic)) else None for party in self.parties
        ]

    def tally(self, topic: Topic) -> Tally:
        """How the compared parties stand on ``topic``."""
        return tally(self.stances_on(topic))

    def is_common_ground(self, topic: Topic) -> bool:
        return self.tally(topic).is_common_ground

    def is_divide(self, topic: Topic) -> bool:
        return self.tally(topic).is_divide

    def latest_stated_on(self) -> datetime.date | None:
        """The date of the latest statement in force in the matrix, if any."""
        return max((cell.stated_on for cell in self.cells.values()), default=None)

    def narrowed(self, *, show: str = "all", hide_empty: bool = False) -> "StanceMatrix":
        """The propositions marked as ``show`` asks (``divides``, ``common-ground`` or
        ``all``); with ``hide_empty``, without parties and propositions that have no known
        position among the rest. Divides and common ground are judged among every compared
        party, before any column is hidden."""
        topics = self.topics
        if show == "divides":
            topics = [topic for topic in topics if self.is_divide(topic)]
        elif show == "common-ground":
            topics = [topic for topic in topics if self.is_common_ground(topic)]
        parties = self.parties
        if hide_empty:
            pairs = {(p.id, t.id) for p in parties for t in topics} & self.cells.keys()
            parties = [p for p in parties if any((p.id, t.id) in pairs for t in topics)]
            topics = [t for t in topics if any((p.id, t.id) in pairs for p in parties)]
        return StanceMatrix(as_of=self.as_of, parties=parties, topics=topics, cells=self.cells)


def _parties_and_topics(party_slugs, topic_slugs) -> tuple[list[Party], list[Topic]]:
    """The matrix axes: what was asked for, else whatever has a published position."""
    parties = Party.objects.public()
    topics = Topic.objects.public()
    published = StanceCell.objects.filter(latest__isnull=False)
    if party_slugs:
        parties = parties.filter(slug__in=party_slugs)
    else:
        parties = parties.filter(Exists(published.filter(party_id=OuterRef("pk"))))
    if topic_slugs:
        topics = topics.filter(slug__in=topic_slugs)
    else:
        topics = topics.filter(Exists(published.filter(topic_id=OuterRef("pk"))))
    return list(parties), list(topics)


def stance_matrix(
    *,
    as_of: datetime.date,
    party_slugs: Iterable[str] | None = None,
    topic_slugs: Iterable[str] | None = None,
    since: bool = False,
) -> StanceMatrix:
    """Each party's stance per topic as of ``as_of``. An axis not asked for holds what has a
    published position stated by that date. With ``since``, each cell says since when (see
    ``stances_as_of``)."""
    parties, topics = _parties_and_topics(party_slugs, topic_slugs)
    cells = stances_as_of(
        as_of=as_of,
        party_ids=[p.id for p in parties],
        topic_ids=[t.id for t in topics],
        since=since,
    )
    if not party_slugs:
        spoke = {party_id for party_id, _ in cells}
        parties = [party for party in parties if party.id in spoke]
    if not topic_slugs:
        spoken_on = {topic_id for _, topic_id in cells}
        topics = [topic for topic in topics if topic.id in spoken_on]
    return StanceMatrix(as_of=as_of, parties=parties, topics=topics, cells=cells)


@dataclass(frozen=True)
class StanceChange:
    """A cell whose stance differs between two dates; either side may be unknown (None)."""

    party: Party
    topic: Topic
    before: StanceInForce | None
    after: StanceInForce | None

    @property
    def shift(self) -> str:
        """The direction of the change, as a statement's shift is named (first statement,
        towards support, towards rejection, reversal); "" when no stance is known after."""
        if self.after is None:
            return ""
        return shift_between(self.before.stance if self.before else None, self.after.stance)


def stance_changes(
    *,
    start: datetime.date,
    end: datetime.date,
    party_slugs: Iterable[str] | None = None,
    topic_slugs: Iterable[str] | None = None,
) -> list[StanceChange]:
    """Every party × topic cell whose stance on ``end`` differs from that on ``start``."""
    parties, topics = _parties_and_topics(party_slugs, topic_slugs)
    axes = {"party_ids": [p.id for p in parties], "topic_ids": [t.id for t in topics]}
    before = stances_as_of(as_of=start, **axes)
    after = stances_as_of(as_of=end, **axes)
    changes = []
    for party in parties:
        for topic in topics:
            old, new = before.get((party.id, topic.id)), after.get((party.id, topic.id))
            old_stance = old.stance if old else None
            new_stance = new.stance if new else None
            if old_stance != new_stance:
                changes.append(StanceChange(party=party, topic=topic, before=old, after=new))
    return changes


def topic_rows(matrix: StanceMatrix) -> list[tuple[Topic, list[StanceInForce | None]]]:
    """The matrix read topic by topic: each topic with one cell per compared party."""
    return [
        (topic, [matrix.cell(party, topic) for party in matrix.parties]) for topic in matrix.topics
    ]
