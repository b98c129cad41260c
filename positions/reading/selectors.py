"""Reads that pages and the API share: the stance matrix as of a date, and what changed.

Each function runs a fixed number of queries whatever the number of positions.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connections
from django.db.models import (
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from positions.models import Event, Party, Person, Position, Role, StanceCell, Topic
from positions.models.choices import MOVE_NAMES, PUBLIC_STATUSES, STANCE_NAMES, Shift, Status
from positions.reading.links import record_url


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


def latest_positions_as_of(
    *,
    as_of: datetime.date,
    party_ids: Iterable[int] | None = None,
    topic_ids: Iterable[int] | None = None,
) -> dict[tuple[int, int], Position]:
    """Each party's latest published position per topic stated on or before ``as_of``, with
    its whole citation (one query, none for an empty axis). An axis left out means every
    party (or topic) with a published position. Pages read ``stances_as_of``'s plain rows.
    """
    wanted = _latest_ids(as_of=as_of, party_ids=party_ids, topic_ids=topic_ids)
    if wanted is None:
        return {}
    latest = Position.objects.filter(id__in=wanted).with_citation().order_by()
    return {(p.party_id, p.topic_id): p for p in latest}


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

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.id)

    def get_stance_display(self) -> str:
        return STANCE_NAMES[self.stance]


def stances_as_of(
    *,
    as_of: datetime.date,
    party_ids: Iterable[int] | None = None,
    topic_ids: Iterable[int] | None = None,
) -> dict[tuple[int, int], StanceInForce]:
    """``latest_positions_as_of`` as plain rows (one query, none for an empty axis).

    A cell whose latest position is in force on ``as_of`` is read from the cell's own copy
    of it; only cells that changed after ``as_of`` look their position up.
    """
    cells = _cells_on_axes(party_ids, topic_ids)
    if cells is None:
        return {}
    copied = cells.filter(latest_stated_on__lte=as_of).values_list(
        *(
            f"latest_{name}" if name not in ("party_id", "topic_id") else name
            for name in StanceInForce._fields
        )
    )
    if connections[cells.db].vendor == "postgresql":
        rows = _with_earlier_lateral(copied, cells, as_of)
    else:
        earlier = (
            Position.objects.filter(id__in=_found_before(cells, as_of))
            .order_by()
            .values_list(*StanceInForce._fields)
        )
        rows = copied.union(earlier, all=True)
    return {(row[1], row[2]): StanceInForce._make(row) for row in rows}


def _with_earlier_lateral(copied: QuerySet, cells: QuerySet, as_of: datetime.date) -> list:
    """``copied``'s rows, and for each cell that changed after ``as_of`` the position in
    force on that date, in one statement.

    The portable form (``id IN`` a subquery of probes) makes PostgreSQL run each probe
    twice and then fetch each position by its key; a lateral join reads each cell's row
    in one backward probe of ``position_timeline_idx``, three times as fast for a full
    matrix long ago (8,000 cells at a million positions: 66 ms against 210).
    """
    quote = connections[cells.db].ops.quote_name
    changed_sql, changed_params = (
        cells.filter(latest_stated_on__gt=as_of)
        .values("party_id", "topic_id")
        .query.get_compiler(cells.db)
        .as_sql()
    )
    copied_sql, copied_params = copied.query.get_compiler(cells.db).as_sql()
    columns = ", ".join(
        f"p.{quote(Position._meta.get_field(name).column)}" for name in StanceInForce._fields
    )
    sql = (
        f"({copied_sql}) UNION ALL (SELECT {columns} FROM ({changed_sql}) AS c "
        f"CROSS JOIN LATERAL (SELECT * FROM {quote(Position._meta.db_table)} AS p "
        "WHERE p.status = %s AND p.party_id = c.party_id AND p.topic_id = c.topic_id "
        "AND p.stated_on <= %s ORDER BY p.stated_on DESC, p.id DESC LIMIT 1) AS p)"
    )
    with connections[cells.db].cursor() as cursor:
        cursor.execute(sql, (*copied_params, *changed_params, Status.PUBLISHED, as_of))
        return cursor.fetchall()


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

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.id)


def current_stances(*, party: Party, as_of: datetime.date) -> list[CurrentStance]:
    """``party``'s latest published position on each topic as of ``as_of``, by topic name
    (one query)."""
    wanted = _latest_ids(as_of=as_of, party_ids=[party.id], topic_ids=None)
    rows = (
        Position.objects.filter(id__in=wanted)
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
        )
    )
    return sorted(map(CurrentStance._make, rows), key=lambda row: (row.topic_name, row.topic_id))


@dataclass
class StanceMatrix:
    """Parties × topics as of a date. A missing cell means *no known position*."""

    as_of: datetime.date
    parties: list[Party]
    topics: list[Topic]
    cells: dict[tuple[int, int], StanceInForce] = field(default_factory=dict)

    def cell(self, party: Party, topic: Topic) -> StanceInForce | None:
        return self.cells.get((party.id, topic.id))

    def rows(self) -> list[tuple[Party, list[StanceInForce | None]]]:
        return [
            (party, [self.cell(party, topic) for topic in self.topics]) for party in self.parties
        ]

    def stances_on(self, topic: Topic) -> list[int | None]:
        return [
            cell.stance if (cell := self.cell(party, topic)) else None for party in self.parties
        ]

    def is_common_ground(self, topic: Topic) -> bool:
        """Every compared party (at least two) is known to be at least open to it."""
        stances = self.stances_on(topic)
        return len(stances) >= 2 and all(s is not None and s >= 1 for s in stances)

    def is_divide(self, topic: Topic) -> bool:
        """Some compared party is for it and another is against it."""
        stances = [s for s in self.stances_on(topic) if s is not None]
        return any(s > 0 for s in stances) and any(s < 0 for s in stances)


def _parties_and_topics(party_slugs, topic_slugs) -> tuple[list[Party], list[Topic]]:
    """The matrix axes: what was asked for, else whatever has a published position."""
    parties = Party.objects.all()
    topics = Topic.objects.all()
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
) -> StanceMatrix:
    parties, topics = _parties_and_topics(party_slugs, topic_slugs)
    cells = stances_as_of(
        as_of=as_of, party_ids=[p.id for p in parties], topic_ids=[t.id for t in topics]
    )
    return StanceMatrix(as_of=as_of, parties=parties, topics=topics, cells=cells)


@dataclass(frozen=True)
class StanceChange:
    """A cell whose stance differs between two dates; either side may be unknown (None)."""

    party: Party
    topic: Topic
    before: StanceInForce | None
    after: StanceInForce | None


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


class ChartStatement(NamedTuple):
    """A published statement as a topic's chart draws it: read as a plain row, since a chart
    holds a hundred and twenty."""

    id: int
    party_id: int
    stated_on: datetime.date
    stated_on_precision: str
    stance: int
    move: str
    shift: str
    summary: str

    @property
    def pk(self) -> int:
        return self.id

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.id)

    def get_stance_display(self) -> str:
        return STANCE_NAMES[self.stance]

    def get_move_display(self) -> str:
        return MOVE_NAMES.get(self.move, self.move)


@dataclass
class PartySeries:
    """One party's stance over time on a topic: what a chart line draws."""

    party: Party
    points: list[ChartStatement]


# What a chart shows of each statement's party, in the model's order, as from_db() reads it.
CHART_PARTY_FIELDS = tuple(
    field.attname
    for field in Party._meta.concrete_fields
    if field.attname in {"id", "slug", "name", "short_name"}
)


def timeline_statements(
    *,
    topic: Topic,
    party_slugs: Iterable[str] | None = None,
    before: tuple[datetime.date, int] | None = None,
) -> QuerySet:
    """The published positions on ``topic`` a timeline draws, for the caller to order: of the
    given parties only, and older than ``before`` (a ``stated_on``, ``id`` pair) when given."""
    positions = Position.objects.published().filter(topic=topic)
    if party_slugs:
        positions = positions.filter(party__slug__in=list(party_slugs))
    if before is not None:
        stated_on, position_id = before
        # Older than the key; the date bound lets the index start there instead of
        # reading the newer rows first.
        positions = positions.filter(stated_on__lte=stated_on).exclude(
            stated_on=stated_on, id__gte=position_id
        )
    return positions


def topic_timeline(
    *,
    topic: Topic,
    latest: int | None = None,
) -> list[PartySeries]:
    """Per party, its published positions on ``topic`` in date order (one query): what the
    topic page's chart draws.

    ``latest`` keeps only the most recent statements on the topic, so a page's chart
    stays readable, and its cost bounded, however long the record grows.
    """
    # Charts show each point's date, stance, move and summary and its party's names:
    # the rest of a position (quote, anchoring, review notes) stays unread.
    columns = (*ChartStatement._fields, *(f"party__{name}" for name in CHART_PARTY_FIELDS))
    positions = timeline_statements(topic=topic).values_list(*columns)
    if latest is not None:
        # Newest first through the (topic, stated_on, id) index, then back in date order.
        rows = list(positions.order_by("-stated_on", "-id")[:latest])
    else:
        rows = list(positions)
    width = len(ChartStatement._fields)
    # One party object per party, not one per statement.
    parties: dict[int, Party] = {}
    for row in rows:
        if row[1] not in parties:
            parties[row[1]] = Party.from_db(positions.db, CHART_PARTY_FIELDS, row[width:])
    rows.sort(key=lambda row: (parties[row[1]].short_name, row[1], row[2], row[0]))
    series: dict[int, PartySeries] = {}
    for row in rows:
        points = series.setdefault(row[1], PartySeries(party=parties[row[1]], points=[])).points
        points.append(ChartStatement._make(row[:width]))
    return list(series.values())


class TopicParty(NamedTuple):
    """A party with public positions on a topic, and how many: read from its stance cell."""

    id: int
    slug: str
    short_name: str
    published_count: int
    public_count: int


def topic_parties(topic: Topic) -> list[TopicParty]:
    """The parties with public positions on ``topic``, by short name (one query): who spoke
    on it, and how often, without counting positions."""
    rows = (
        StanceCell.objects.filter(topic=topic)
        .order_by("party__short_name", "party_id")
        .values_list(
            "party_id", "party__slug", "party__short_name", "published_count", "public_count"
        )
    )
    return [TopicParty._make(row) for row in rows]


def public_statement_count(party: Party) -> int:
    """How many public positions ``party`` has, summed from its stance cells."""
    total = StanceCell.objects.filter(party=party).aggregate(total=Sum("public_count"))["total"]
    return total or 0


def per_row(related: QuerySet, foreign_key: str, aggregate) -> Coalesce:
    """``aggregate`` over the ``related`` rows whose ``foreign_key`` points at each outer row,
    worked out row by row (0 when there are none): an annotation that reads each row's
    share from the foreign key's index instead of joining and grouping the whole table."""
    share = (
        related.filter(**{foreign_key: OuterRef("pk")})
        .order_by()
        .values(foreign_key)
        .annotate(total=aggregate)
        .values("total")
    )
    return Coalesce(Subquery(share, output_field=IntegerField()), 0)


def with_published_counts(records: QuerySet, axis: str) -> QuerySet:
    """Parties (``axis="party"``) or topics (``"topic"``) annotated with ``position_count``,
    their published positions, summed from the stance cells rather than counted."""
    return records.annotate(
        position_count=per_row(StanceCell.objects.all(), axis, Sum("published_count"))
    )


def party_speakers(party: Party):
    """People who made a public statement for ``party``, with their roles in it.

    The party's speakers are read by skipping through ``position_party_speaker_idx`` from
    each speaker to the next (a loose index scan): one probe per speaker of the party,
    whatever the number of its statements or of people on record.
    """
    table = Position._meta.db_table
    public = "p.party_id = %s AND p.status IN ({})".format(", ".join(["%s"] * len(PUBLIC_STATUSES)))
    params = [party.id, *map(str, PUBLIC_STATUSES)]
    spoke = RawSQL(
        "WITH RECURSIVE spoke(speaker_id) AS ("
        f" SELECT MIN(p.speaker_id) FROM {table} p WHERE {public}"
        " UNION ALL"
        f" SELECT (SELECT MIN(p.speaker_id) FROM {table} p WHERE {public}"
        " AND p.speaker_id > spoke.speaker_id)"
        " FROM spoke WHERE spoke.speaker_id IS NOT NULL"
        ") SELECT speaker_id FROM spoke WHERE speaker_id IS NOT NULL",
        params * 2,
    )
    return Person.objects.filter(id__in=spoke).prefetch_related(
        Prefetch("roles", queryset=Role.objects.filter(party=party))
    )


def topic_rows(matrix: StanceMatrix) -> list[tuple[Topic, list[StanceInForce | None]]]:
    """The matrix read topic by topic: each topic with one cell per compared party."""
    return [
        (topic, [matrix.cell(party, topic) for party in matrix.parties]) for topic in matrix.topics
    ]


def recent_shifts(*, limit: int = 10) -> list[Position]:
    """The latest published positions that moved a party's stance (one query)."""
    moved = [Shift.TOWARDS_SUPPORT, Shift.TOWARDS_REJECTION, Shift.REVERSAL]
    return list(
        Position.objects.published()
        .filter(shift__in=moved)
        .select_related("party", "topic", "previous")
        .only(
            "shift",
            "stance",
            "stated_on",
            "stated_on_precision",
            "party__short_name",
            "topic__proposition",
            "previous__stance",
        )
        .order_by("-stated_on", "-id")[:limit]
    )


def topic_events(*, topic: Topic) -> list[Event]:
    """Events tagged with ``topic`` or with its parent, oldest first: chart markers."""
    topic_ids = [topic.id] + ([topic.parent_id] if topic.parent_id else [])
    return list(Event.objects.filter(topics__in=topic_ids).distinct().order_by("date", "id"))


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line of the negotiation's timeline: an event or a public position."""

    date: datetime.date
    event: Event | None = None
    position: Position | None = None


def negotiation_timeline(*, year: int, latest: int | None = None) -> list[TimelineEntry]:
    """Events and public positions of one year in date order, so that each event stands
    among the statements made around it (three queries).

    ``latest`` keeps only the year's most recent statements (every event stays), so a
    busy year's page costs the same as a quiet one's.
    """
    events = (
        Event.objects.filter(date__year=year).prefetch_related("parties").order_by("date", "id")
    )
    positions = Position.objects.public().filter(stated_on__year=year).for_statement_list()
    if latest is not None:
        newest = positions.order_by("-stated_on", "-id")[:latest]
        positions = sorted(newest, key=lambda p: (p.stated_on, p.id))
    else:
        positions = positions.order_by("stated_on", "id")
    entries = [TimelineEntry(date=e.date, event=e) for e in events]
    entries += [TimelineEntry(date=p.stated_on, position=p) for p in positions]
    # Events first on a shared date: statements on the day of talks read as reactions to them.
    entries.sort(key=lambda entry: (entry.date, entry.event is None))
    return entries


def timeline_years() -> list[int]:
    """Years that have an event, and every year from the first public position to the last,
    newest first (two queries; the span comes from the ends of the date index, not a scan)."""
    years = {d.year for d in Event.objects.dates("date", "year")}
    span = Position.objects.public().aggregate(first=Min("stated_on"), last=Max("stated_on"))
    if span["first"] is not None:
        years |= set(range(span["first"].year, span["last"].year + 1))
    return sorted(years, reverse=True)
