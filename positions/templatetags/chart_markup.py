"""The repeated parts of a topic's stance chart: its description, its points and its table.

A chart draws up to a hundred and twenty statements, each in three places; written here,
every piece of text still goes through escaping (``escape``, ``format_html``), at a fraction
of what the same markup costs as template loops.
"""

from django import template
from django.utils.html import escape
from django.utils.translation import get_language

from positions.reading.charts import StanceChart
from positions.templatetags.markup import format_html, format_html_join
from positions.templatetags.standpoint import (
    BadgesByValue,
    dates_in,
    stance_badge,
    stance_label,
)

register = template.Library()


@register.simple_tag
def chart_description(chart: StanceChart) -> str:
    """The chart in words, for screen readers: each party's stances and their dates."""
    parts = [
        f"{s.party.short_name} ({s.symbol}): "
        + ", ".join(f"{stance_label(p.position.stance)} on {p.day}" for p in s.points)
        + ". "
        for s in chart.series
    ] or ["No published positions yet. "]
    parts.append("The same data is in the table below.")
    return escape("".join(parts))


@register.simple_tag
def chart_points(series) -> str:
    """A series' points, each a link to its position titled with what was said."""
    party = series.party.short_name
    return format_html_join(
        "",
        '<a href="{}" class="chart-point-link">\n'
        "        <title>{} {}{}, {}: {}</title>\n"
        "        {}\n"
        '        <path class="chart-point" data-position-id="{}" d="{}"/>\n'
        "      </a>",
        (
            (
                point.url,
                party,
                stance_label(point.position.stance),
                " (red line)" if point.is_red_line else "",
                point.day,
                point.position.summary,
                format_html(
                    '<circle class="red-line-ring" cx="{}" cy="{}" r="12"/>', point.x, point.y
                )
                if point.is_red_line
                else "",
                point.position.pk,
                point.marker,
            )
            for point in series.points
        ),
    )


@register.simple_tag
def chart_series(chart: StanceChart) -> str:
    """Each party's group: its stepped line and its points."""
    return format_html_join(
        "",
        '<g class="chart-series {}">\n      <path class="chart-line" d="{}"/>\n      {}\n    </g>',
        ((s.css_class, s.path, chart_points(s)) for s in chart.series),
    )


@register.simple_tag
def chart_legend(chart: StanceChart) -> str:
    """Each party's symbol and name, so that the chart reads without colour."""
    return format_html_join(
        "",
        '<li class="{}"><svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"'
        ' focusable="false"><path class="chart-point" d="{}"/></svg> {} ({})</li>',
        ((s.css_class, s.legend_marker, s.party.short_name, s.symbol) for s in chart.series),
    )


@register.simple_tag
def chart_rows(chart: StanceChart) -> str:
    """The chart's data as table rows: party, date, stance, move and statement."""
    badges, date = BadgesByValue(stance_badge), dates_in(get_language())
    return format_html_join(
        "",
        '\n      <tr><th scope="row">{}</th>\n'
        '        <td><time datetime="{}">{}</time></td>\n'
        "        <td>{}</td>\n"
        "        <td>{}</td>\n"
        '        <td><a href="{}">{}</a></td></tr>\n    ',
        (
            (
                s.party.short_name,
                point.position.stated_on.isoformat(),
                date(point.position.stated_on, point.position.stated_on_precision),
                badges[point.position.stance],
                point.position.get_move_display(),
                point.url,
                point.position.summary,
            )
            for s in chart.series
            for point in s.points
        ),
    )
