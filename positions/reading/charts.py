"""Geometry of a topic's stance chart: each party's stance score over time, drawn as SVG.

Only numbers, model objects and plain text come out of here; the template
(templates/positions/includes/chart.html) writes the SVG, so every piece of user text goes
through escaping.
"""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import get_language

from positions.models import Event, Party
from positions.models.choices import STANCE_MAX, STANCE_MIN, STANCE_NAMES, Move, Stance
from positions.reading.dates import dates_in
from positions.reading.links import RecordUrls
from positions.reading.timelines import ChartStatement, PartySeries

WIDTH, HEIGHT = 720, 320
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 96, 24, 28, 44
# Keeps the extreme stances off the axis line, so a −2 line is not mistaken for it.
INSET = 14
# A chart of a single day still needs some width to read as a date axis.
MIN_SPAN_DAYS = 30
SHORT_SPAN_DAYS = 92
# Symbols tell parties apart without colour; the stylesheet gives each series a colour.
SYMBOLS = ("circle", "square", "triangle", "diamond", "cross", "star")


# Polygon vertices on a unit scale, centred on the origin.
_POLYGONS = {
    "square": [(-1, -1), (1, -1), (1, 1), (-1, 1)],
    "triangle": [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)],
    "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
    "cross": [
        (-1, -0.4), (-0.4, -0.4), (-0.4, -1), (0.4, -1), (0.4, -0.4), (1, -0.4),
        (1, 0.4), (0.4, 0.4), (0.4, 1), (-0.4, 1), (-0.4, 0.4), (-1, 0.4),
    ],
    "star": [
        (0, -1.3), (0.4, -0.4), (1.3, -0.3), (0.6, 0.3), (0.8, 1.2),
        (0, 0.7), (-0.8, 1.2), (-0.6, 0.3), (-1.3, -0.3), (-0.4, -0.4),
    ],
}  # fmt: skip


def marker_path(symbol: str, x: float, y: float, size: float = 6) -> str:
    """SVG path data for a party's symbol centred on (x, y)."""
    if symbol == "circle":
        arc = f"a{size} {size} 0 1 0"
        return f"M{x - size:.1f} {y:.1f} {arc} {2 * size} 0 {arc} {-2 * size} 0 Z"
    corners = [f"{x + dx * size:.1f} {y + dy * size:.1f}" for dx, dy in _POLYGONS[symbol]]
    return "M" + " L".join(corners) + " Z"


class ChartPoint(NamedTuple):
    position: ChartStatement
    x: float
    y: float
    is_red_line: bool
    marker: str
    # The point's page and its date in full ("16 March 2025"), which the chart's
    # description, its points and its table all show: worked out once, not three times.
    url: str = ""
    day: str = ""


@dataclass
class ChartSeries:
    party: Party
    index: int
    symbol: str
    points: list[ChartPoint]
    path: str

    @property
    def legend_marker(self) -> str:
        return marker_path(self.symbol, 10, 10)

    @property
    def css_class(self) -> str:
        return f"series-{self.index % 8}"


@dataclass(frozen=True)
class ChartTick:
    label: str
    x: float = 0
    y: float = 0


@dataclass(frozen=True)
class ChartEvent:
    event: Event
    x: float


@dataclass
class StanceChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    series: list[ChartSeries]
    y_ticks: list[ChartTick]
    x_ticks: list[ChartTick]
    events: list[ChartEvent] = field(default_factory=list)

    @property
    def point_count(self) -> int:
        return sum(len(s.points) for s in self.series)

    @property
    def description(self) -> str:
        """The chart in words, for screen readers: each party's stances and their dates."""
        parts = [
            f"{s.party.short_name} ({s.symbol}): "
            + ", ".join(f"{STANCE_NAMES[p.position.stance]} on {p.day}" for p in s.points)
            + ". "
            for s in self.series
        ] or ["No published positions yet. "]
        parts.append("The same data is in the table below.")
        return "".join(parts)


def _date_range(
    series: list[PartySeries], events: list[Event]
) -> tuple[datetime.date, datetime.date]:
    dates = [p.stated_on for s in series for p in s.points] + [e.date for e in events]
    if not dates:
        today = datetime.date.today()
        dates = [today]
    start, end = min(dates), max(dates)
    if (end - start).days < MIN_SPAN_DAYS:
        pad = datetime.timedelta(days=(MIN_SPAN_DAYS - (end - start).days) / 2)
        start, end = start - pad, end + pad
    return start, end


def _month_ticks(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """First days of months inside the range, thinned to at most six labels."""
    months = []
    current = datetime.date(start.year, start.month, 1)
    while current <= end:
        if current >= start:
            months.append(current)
        current = datetime.date(current.year + current.month // 12, current.month % 12 + 1, 1)
    step = max(1, -(-len(months) // 6))
    return months[::step] or [start]


def stance_chart(series: list[PartySeries], events: list[Event] | None = None) -> StanceChart:
    """Lay out the parties' series on a date axis (x) and the stance scale (y)."""
    events = events or []
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM
    start, end = _date_range(series, events)
    span = max((end - start).days, 1)

    def x_of(day: datetime.date) -> float:
        return round(left + (day - start).days / span * (right - left), 1)

    def y_of(stance: int) -> float:
        share = (STANCE_MAX - stance) / (STANCE_MAX - STANCE_MIN)
        return round(top + INSET + share * (bottom - top - 2 * INSET), 1)

    urls, day_of = RecordUrls(), dates_in(get_language())
    chart_series = []
    for index, party_series in enumerate(series):
        symbol = SYMBOLS[index % len(SYMBOLS)]
        points = [
            ChartPoint(
                position=p,
                x=x,
                y=y,
                is_red_line=p.move == Move.RED_LINE,
                marker=marker_path(symbol, x, y),
                url=urls.position(p.pk),
                day=day_of(p.stated_on),
            )
            for p in party_series.points
            for x, y in [(x_of(p.stated_on), y_of(p.stance))]
        ]
        # A stance holds until the next statement: a stepped line, extended to the axis end.
        path = [
            f"M{point.x} {point.y}" if i == 0 else f"H{point.x} V{point.y}"
            for i, point in enumerate(points)
        ]
        if points:
            path.append(f"H{right}")
        chart_series.append(
            ChartSeries(
                party=party_series.party,
                index=index,
                symbol=symbol,
                points=points,
                path=" ".join(path),
            )
        )
    y_ticks = [ChartTick(label=Stance(value).label, y=y_of(value)) for value in Stance.values]
    if span <= SHORT_SPAN_DAYS:
        # Over a few weeks month labels say little: label the dates that carry a statement.
        days = sorted({p.position.stated_on for s in chart_series for p in s.points})
        days = days[:: max(1, -(-len(days) // 6))]
        x_ticks = [ChartTick(label=f"{d.day} {d:%b %Y}", x=x_of(d)) for d in days]
    else:
        x_ticks = [ChartTick(label=f"{d:%b %Y}", x=x_of(d)) for d in _month_ticks(start, end)]
    return StanceChart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
        series=chart_series,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        events=[ChartEvent(event=e, x=x_of(e.date)) for e in events if start <= e.date <= end],
    )
