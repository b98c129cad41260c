"""What a topic page shows of each party: where it stands now, and its stance lane."""

from django import template
from django.utils.translation import get_language

from positions.models.choices import Move
from positions.reading.dates import dates_in
from positions.reading.links import RecordUrls
from positions.templatetags.standpoint import PerValue, shift_badge, stance_badge, stance_class

register = template.Library()


def _party_filter(topic_url: str, slug: str) -> str:
    return f"{topic_url}?party={slug}#chart-heading"


@register.filter
def standing_rows(standings, topic) -> list[dict]:
    """Each party's standing (``reading.runs.Standing``): stance now, since when (the start of
    its run), when last restated, conditions, and the position's page."""
    badges, classes, shifts = PerValue(stance_badge), PerValue(stance_class), PerValue(shift_badge)
    urls, date = RecordUrls(), dates_in(get_language())
    topic_url = topic.get_absolute_url()
    return [
        {
            "party": standing.party_short_name,
            "party_url": urls.party(standing.party_slug),
            "lane_url": _party_filter(topic_url, standing.party_slug),
            "series": f"series-{index % 8}",
            "url": urls.position(standing.id),
            "stance_badge": badges[standing.stance],
            "stance_class": classes[standing.stance],
            "red_line": standing.move == Move.RED_LINE,
            "since_iso": standing.since_on.isoformat() if standing.since_on else "",
            "since": date(standing.since_on, standing.since_precision),
            "since_shift": shifts[standing.since_shift],
            "last_iso": standing.stated_on.isoformat(),
            "last": date(standing.stated_on, standing.stated_on_precision),
            "conditions": standing.conditions,
            "summary": standing.summary,
        }
        for index, standing in enumerate(standings)
    ]


@register.filter
def lane_rows(chart, topic) -> list[dict]:
    """A lane chart's lanes (``reading.charts.LaneChart``), ready for the SVG."""
    badges = PerValue(stance_badge)
    topic_url = topic.get_absolute_url()
    return [
        {
            "party": drawing.lane.standing.party_short_name,
            "party_slug": drawing.lane.standing.party_slug,
            "lane_url": _party_filter(topic_url, drawing.lane.standing.party_slug),
            "css_class": drawing.lane.css_class,
            "now_badge": badges[drawing.lane.standing.stance],
            "bars": drawing.bars,
            "moves": drawing.moves,
            "description": drawing.description,
        }
        for drawing in chart.lanes
    ]


@register.filter
def lane_table(chart) -> list[dict]:
    """The one lane of a chart narrowed to a party, column by column, for its data table."""
    badges = PerValue(stance_badge)
    (drawing,) = chart.lanes
    lane, columns = drawing.lane, chart.columns
    moved = set(lane.moved)
    return [
        {
            "period": columns.label(index),
            "stance_badge": badges[stance],
            "moved": index in moved,
        }
        for first, last, stance in reversed(lane.runs)
        for index in range(last, first - 1, -1)
    ]
