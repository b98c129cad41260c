"""A topic's stance lanes: for every party, its stance over the topic's whole history, one
column per month, quarter or year.

The columns are bounded (at most ``MAX_COLUMNS``). Each column holds the stance in force at
its end, read from the runs' starts (``reading.runs``) alone: one index-only read of the
topic's moves, never its restatements, folded into columns here.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from positions.models import Event, Topic
from positions.reading.runs import Standing, run_starts

MAX_COLUMNS = 48
# A short history is still drawn over a year, so a lane reads as time passing.
MIN_MONTHS = 12
MONTHS_PER = {"month": 1, "quarter": 3, "year": 12}
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _first_day(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Columns:
    """The periods a chart's lanes are cut into, from the first statement's to the last's."""

    unit: str
    starts: list[datetime.date]

    @classmethod
    def spanning(cls, first: datetime.date, last: datetime.date) -> "Columns":
        earliest = min(_month_index(first), _month_index(last) - MIN_MONTHS + 1)
        for unit, months in MONTHS_PER.items():
            begin = earliest // months * months
            end = _month_index(last) // months * months
            if (end - begin) // months + 1 <= MAX_COLUMNS or unit == "year":
                return cls(unit, [_first_day(i) for i in range(begin, end + 1, months)])
        raise AssertionError("unreachable")

    @cached_property
    def _first_month(self) -> int:
        return _month_index(self.starts[0])

    def index_of(self, day: datetime.date) -> int:
        return (day.year * 12 + day.month - 1 - self._first_month) // MONTHS_PER[self.unit]

    def label(self, index: int) -> str:
        start = self.starts[index]
        if self.unit == "year":
            return str(start.year)
        if self.unit == "quarter":
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        return f"{MONTH_ABBR[start.month - 1]} {start.year}"

    @property
    def end(self) -> datetime.date:
        """The day after the last column."""
        return _first_day(_month_index(self.starts[-1]) + MONTHS_PER[self.unit])

    def __len__(self) -> int:
        return len(self.starts)


@dataclass
class Lane:
    """One party's stance per column (None before its first statement), and the columns in
    which its stance moved (a change after its first statement)."""

    standing: Standing
    stances: list[int | None]
    moved: list[bool]
    index: int = 0

    @property
    def css_class(self) -> str:
        return f"series-{self.index % 8}"

    @cached_property
    def runs(self) -> list[tuple[int, int, int]]:
        """Consecutive columns of one stance: (first column, last column, stance)."""
        runs: list[tuple[int, int, int]] = []
        for column, stance in enumerate(self.stances):
            if stance is None:
                continue
            if runs and runs[-1][2] == stance and runs[-1][1] == column - 1:
                runs[-1] = (runs[-1][0], column, stance)
            else:
                runs.append((column, column, stance))
        return runs


@dataclass
class StanceLanes:
    columns: Columns | None
    lanes: list[Lane] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def stance_lanes(
    topic: Topic,
    standings: list[Standing],
    *,
    party_ids: set[int] | None = None,
    events: list[Event] | None = None,
) -> StanceLanes:
    """A lane for each of ``standings`` (every party with a published position, as
    ``runs.topic_standings`` reads them), or for those of ``party_ids`` only, over the
    topic's whole published history (one query; none without standings).

    Each lane keeps its party's place among all the standings, and so its colour, when
    others are left out."""
    if not standings:
        return StanceLanes(columns=None, events=events or [])
    # Every party's first statement begins a run, so the earliest start is the topic's first
    # statement: the columns span the whole history even when one party is drawn.
    starts = (
        run_starts(topic_id=topic.id)
        .filter(party_id__in=[standing.party_id for standing in standings])
        .order_by("party_id", "stated_on", "id")
        .values_list("party_id", "stated_on", "stance")
    )
    by_party: dict[int, list[tuple[datetime.date, int]]] = {}
    for party_id, stated_on, stance in starts:
        by_party.setdefault(party_id, []).append((stated_on, stance))
    first = min((runs[0][0] for runs in by_party.values()), default=None)
    last = max(standing.stated_on for standing in standings)
    columns = Columns.spanning(first or last, last)
    lanes = []
    for index, standing in enumerate(standings):
        if party_ids is not None and standing.party_id not in party_ids:
            continue
        stances: list[int | None] = [None] * len(columns)
        moved = [False] * len(columns)
        runs = by_party.get(standing.party_id, [])
        for number, (stated_on, stance) in enumerate(runs):
            column = columns.index_of(stated_on)
            stances[column] = stance
            # The party's first statement begins a run without moving a stance.
            moved[column] = moved[column] or number > 0
        if runs:
            # A column without a start keeps the stance in force at the end of the one before.
            for column in range(columns.index_of(runs[0][0]) + 1, len(columns)):
                if stances[column] is None:
                    stances[column] = stances[column - 1]
        lanes.append(Lane(standing=standing, stances=stances, moved=moved, index=index))
    in_span = [e for e in events or [] if columns.starts[0] <= e.date < columns.end]
    return StanceLanes(columns=columns, lanes=lanes, events=in_span)
