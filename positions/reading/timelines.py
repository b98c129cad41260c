"""A topic's statements over time, and the negotiation's timeline of events and statements."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import (
    Max,
    Min,
    QuerySet,
)

from positions.models import Event, Party, Position, StanceCell, Topic
from positions.models.choices import MOVE_NAMES, STANCE_NAMES
from positions.reading.links import record_url


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
    party_slugs: Iterable[str] | None = None,
    before: tuple[datetime.date, int] | None = None,
) -> list[PartySeries]:
    """Per party, its published positions on ``topic`` in date order (one query): what the
    topic page's chart draws, and the timeline endpoint shows (see ``timeline_statements``
    for ``party_slugs`` and ``before``).

    ``latest`` keeps only the most recent statements on the topic, so a page's chart
    stays readable, and its cost bounded, however long the record grows.
    """
    # Charts show each point's date, stance, move and summary and its party's names:
    # the rest of a position (quote, anchoring, review notes) stays unread.
    columns = (*ChartStatement._fields, *(f"party__{name}" for name in CHART_PARTY_FIELDS))
    statements = timeline_statements(topic=topic, party_slugs=party_slugs, before=before)
    positions = statements.values_list(*columns)
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


@dataclass
class TimelineWindow:
    """The newest ``limit`` statements on a topic before a key, per party, and the key of
    the oldest one shown when older statements remain: where the next window starts, so
    following the windows visits every statement once, each at the cost of one."""

    series: list[PartySeries]
    next_key: tuple[datetime.date, int] | None


def timeline_window(
    *,
    topic: Topic,
    party_slugs: Iterable[str] | None,
    limit: int,
    before: tuple[datetime.date, int] | None,
) -> TimelineWindow:
    # One statement more than asked says whether anything older is left: the oldest.
    series = topic_timeline(topic=topic, party_slugs=party_slugs, before=before, latest=limit + 1)
    points = [(point.stated_on, point.id, line) for line in series for point in line.points]
    if len(points) <= limit:
        return TimelineWindow(series=series, next_key=None)
    *_, oldest_line = min(points, key=lambda point: point[:2])
    del oldest_line.points[0]
    series = [line for line in series if line.points]
    next_key = min((line.points[0].stated_on, line.points[0].id) for line in series)
    return TimelineWindow(series=series, next_key=next_key)


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


def timeline_entries(
    *, positions: list, start: datetime.date, end: datetime.date | None
) -> list[TimelineEntry]:
    """``positions`` (rows of ``for_statement_list``, in date order) with the events dated
    from ``start`` up to but not including ``end`` (if any), in date order, so that each
    event stands among the statements made around it (two queries, for the events)."""
    events = Event.objects.filter(date__gte=start)
    if end is not None:
        events = events.filter(date__lt=end)
    events = events.prefetch_related("parties").order_by("date", "id")
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
