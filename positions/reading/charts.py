"""Geometry of a topic's stance lanes (``reading.lanes``), drawn as SVG.

Each lane is a strip of bars, one per column: above the middle line for a stance for the
proposition, below it for one against, as far as the stance is firm (supports and rejects
twice as far as open and opposes; ambiguous a thin band on the line). Colour says the same
again. Only numbers and plain text come out of here; the template writes the SVG, so every
piece of user text goes through escaping.
"""

from dataclasses import dataclass

from positions.models.choices import STANCE_NAMES
from positions.reading.lanes import Columns, Lane, StanceLanes

COLUMN = 10
HEIGHT = 40
MIDDLE = HEIGHT / 2
STEP = 8
# Each stance's band, top and bottom, in the lane's units.
BANDS = {
    2: (MIDDLE - 2 * STEP, MIDDLE),
    1: (MIDDLE - STEP, MIDDLE),
    0: (MIDDLE - 1.5, MIDDLE + 1.5),
    -1: (MIDDLE, MIDDLE + STEP),
    -2: (MIDDLE, MIDDLE + 2 * STEP),
}
# Labels under the lanes, at most this many, so that they fit on a phone.
MAX_TICKS = 6


@dataclass(frozen=True)
class Tick:
    percent: str
    label: str


@dataclass(frozen=True)
class EventMark:
    percent: str
    number: int
    event: object


@dataclass(frozen=True)
class LaneDrawing:
    lane: Lane
    # One path per stance drawn, by the stance's name, so that the template gives each its
    # own colour without a loop per lane.
    bars: dict[str, str]
    moves: str
    description: str


@dataclass(frozen=True)
class LaneChart:
    width: int
    height: int
    columns: Columns
    grid: str
    lanes: list[LaneDrawing]
    ticks: list[Tick]
    events: list[EventMark]


def _percent(columns: Columns, index: float) -> str:
    return f"{index / len(columns) * 100:.2f}"


def _bars(lane: Lane) -> dict[str, str]:
    paths: dict[str, list[str]] = {}
    for first, last, stance in lane.runs:
        top, bottom = BANDS[stance]
        x, width = first * COLUMN, (last - first + 1) * COLUMN
        paths.setdefault(STANCE_NAMES[stance], []).append(
            f"M{x} {top:g}h{width}v{bottom - top:g}h-{width}Z"
        )
    return {name: "".join(parts) for name, parts in paths.items()}


def _description(lane: Lane, columns: Columns) -> str:
    """The lane in words, as long for a party that spoke a thousand times as for one that
    spoke twice: its stance now, since when, and how often it moved (the party's lane as a
    table, with ``?party=``, and its statements give the rest)."""
    runs = lane.runs
    name = lane.standing.party_short_name
    if not runs:
        return f"{name}: no published position."
    first, (since, _, stance) = runs[0][0], runs[-1]
    moved = len(lane.moved)
    unit = columns.unit + ("" if moved == 1 else "s")
    return (
        f"{name}: {STANCE_NAMES[stance]} since {columns.label(since)}; "
        f"first stated {columns.label(first)}; the stance moved in {moved} {unit}."
    )


def lane_chart(lanes: StanceLanes) -> LaneChart | None:
    """Lay out every lane on the same columns; None when there is nothing to draw."""
    columns = lanes.columns
    if columns is None or not lanes.lanes:
        return None
    width = len(columns) * COLUMN
    # The middle line, and a faint line where each year begins.
    grid = [f"M0 {MIDDLE:g}H{width}"]
    grid += [
        f"M{i * COLUMN} 0V{HEIGHT}"
        for i, start in enumerate(columns.starts)
        if i and start.month == 1 and columns.unit != "year"
    ]
    drawings = [
        LaneDrawing(
            lane=lane,
            bars=_bars(lane),
            moves="".join(f"M{i * COLUMN + COLUMN / 2:g} 0V5" for i in lane.moved),
            description=_description(lane, columns),
        )
        for lane in lanes.lanes
    ]
    step = max(1, -(-len(columns) // MAX_TICKS))
    ticks = [Tick(_percent(columns, i), columns.label(i)) for i in range(0, len(columns), step)]
    months = {"month": 1, "quarter": 3, "year": 12}[columns.unit]
    events = []
    for number, event in enumerate(lanes.events, start=1):
        start = columns.starts[0]
        offset = ((event.date.year - start.year) * 12 + event.date.month - start.month) / months
        offset += (event.date.day - 1) / 31 / months
        events.append(EventMark(_percent(columns, offset), number, event))
    return LaneChart(
        width=width,
        height=HEIGHT,
        columns=columns,
        grid="".join(grid),
        lanes=drawings,
        ticks=ticks,
        events=events,
    )
