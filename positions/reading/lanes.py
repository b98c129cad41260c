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
    """One party's stance over the columns: its runs, (first column, last column, stance),
    from its first statement to the last column; and the columns in which its stance moved
    (a change after its first statement), in order."""

    standing: Standing
    runs: list[tuple[int, int, int]]
    moved: list[int]
    index: int = 0

    @property
    def css_class(self) -> str:
        return f"series-{self.index % 8}"

    @property
    def stances(self) -> list[int | None]:
        """The stance each column ends with; None before the first statement."""
        stances: list[int | None] = [None] * (self.runs[0][0] if self.runs else 0)
        for first, last, stance in self.runs:
            stances += [stance] * (last - first + 1)
        return stances

    @classmethod
    def from_starts(
        cls, standing: Standing, starts: list[tuple[int, int]], width: int, index: int
    ) -> "Lane":
        """The lane of ``starts``, (column, stance) of each run start in order: the stance a
        column ends with is that of its last start; a column without one keeps the stance
        before it."""
        runs: list[tuple[int, int, int]] = []
        for column, stance in starts:
            if runs and runs[-1][0] == column:
                runs.pop()
            if runs and runs[-1][2] == stance:
                runs[-1] = (runs[-1][0], width - 1, stance)
                continue
            if runs:
                runs[-1] = (runs[-1][0], column - 1, runs[-1][2])
            runs.append((column, width - 1, stance))
        # The party's first statement begins a run without moving a stance.
        moved = sorted({column for column, _ in starts[1:]})
        return cls(standing=standing, runs=runs, moved=moved, index=index)


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
    lanes = [
        Lane.from_starts(
            standing,
            [
                (columns.index_of(stated_on), stance)
                for stated_on, stance in by_party.get(standing.party_id, [])
            ],
            len(columns),
            index,
        )
        for index, standing in enumerate(standings)
        if party_ids is None or standing.party_id in party_ids
    ]
    in_span = [e for e in events or [] if columns.starts[0] <= e.date < columns.end]
    return StanceLanes(columns=columns, lanes=lanes, events=in_span)
