"""What the long lists of the readers' pages show of each row, worked out once per list.

Each filter gives its template loop plain dicts: addresses, dates in words and badges are
ready, so that a row makes no filter or tag call and no attribute chain. Text that repeats
down a list (a party's name, a topic's address) is escaped once for the list; the rest is
escaped where the template writes it. Badges come from their own templates, rendered once
per value. What changed between two dates, which runs to thousands of rows, is written
with ``format_html_join`` (as the comparison matrix's cells are): there a template loop
costs several times the markup.
"""

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import get_language

from positions.models.choices import Move, Status
from positions.models.querysets import QUOTE_OPENING
from positions.reading.dates import dates_in
from positions.reading.links import RecordUrls, around_marker, where
from positions.templatetags.standpoint import (
    PerValue,
    shift_badge,
    stance_badge,
    stance_class,
    stance_label,
)

register = template.Library()


@register.filter
def statement_rows(statements) -> list[dict]:
    """A list of statements (rows of ``PositionQuerySet.for_statement_list``): date, party,
    stance, topic, shift, summary and speaker of each."""
    stances, shifts = PerValue(stance_badge), PerValue(shift_badge)
    urls, date, escaped = RecordUrls(), dates_in(get_language()), PerValue(conditional_escape)
    return [
        {
            "retracted": statement.status == Status.RETRACTED,
            "iso_date": statement.stated_on.isoformat(),
            "date": date(statement.stated_on, statement.stated_on_precision),
            "party_url": escaped[urls.party(statement.party_slug)],
            "party": escaped[statement.party_short_name],
            "stance_badge": stances[statement.stance],
            "topic_url": escaped[urls.topic(statement.topic_slug)],
            "proposition": escaped[statement.topic_proposition],
            "shift_badge": shifts[statement.shift],
            "url": urls.position(statement.id),
            "summary": statement.summary,
            "quote": _opening(statement.quote_opening),
            "speaker": statement.speaker_name if statement.speaker_id is not None else None,
            "speaker_url": escaped[urls.person(statement.speaker_slug)]
            if statement.speaker_id is not None
            else None,
        }
        for statement in statements
    ]


def _opening(text: str) -> str:
    """A quote's opening as a list shows it, cut at a word and marked when it goes on."""
    if len(text) <= QUOTE_OPENING:
        return text
    return text[:QUOTE_OPENING].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


@register.filter
def current_stance_rows(stances) -> list[dict]:
    """A party's stance per topic (``reading.stances.CurrentStance``): the topic, the stance
    and any red line, since when (the start of its run) and the move that began it, and the
    latest statement."""
    badges, classes = PerValue(stance_badge), PerValue(stance_class)
    shifts = PerValue(shift_badge)
    urls, date = RecordUrls(), dates_in(get_language())
    return [
        {
            "topic_url": urls.topic(stance.topic_slug),
            "proposition": stance.topic_proposition,
            "stance_class": classes[stance.stance],
            "url": urls.position(stance.id),
            "stance_badge": badges[stance.stance],
            "red_line": stance.move == Move.RED_LINE,
            # A record whose shifts were never worked out falls back on the latest date.
            "iso_date": (stance.since_on or stance.stated_on).isoformat(),
            "date": date(
                stance.since_on or stance.stated_on,
                stance.since_precision or stance.stated_on_precision,
            ),
            # The move that began the run: a restatement the same day does not hide it.
            "shift_badge": shifts[stance.since_shift],
            "restated_iso": stance.stated_on.isoformat(),
            "restated": date(stance.stated_on, stance.stated_on_precision),
        }
        for stance in stances
    ]


@register.filter
def subtopic_rows(children) -> list[dict]:
    """A topic's sub-topics (``reading.stances.subtopic_stances``), each with every party's
    stance on it, linked to the position."""
    badges, urls, escaped = PerValue(stance_badge), RecordUrls(), PerValue(conditional_escape)
    return [
        {
            "url": urls.topic(child.slug),
            "name": child.name,
            "proposition": child.proposition,
            "stances": [
                {
                    "url": urls.position(stance.id),
                    "party": escaped[party.short_name],
                    "stance_badge": badges[stance.stance],
                }
                for party, stance in stances
            ],
        }
        for child, stances in children
    ]


@register.filter
def chart_series_rows(chart) -> list[dict]:
    """A topic chart's series (``reading.charts.StanceChart``), each point with what the
    SVG and the chart's data table show of it."""
    badges, escaped = PerValue(stance_badge), PerValue(conditional_escape)
    date = dates_in(get_language())
    rows = []
    for series in chart.series:
        party = series.party.short_name
        points = []
        for point in series.points:
            statement = point.position
            red_line = " (red line)" if point.is_red_line else ""
            points.append(
                {
                    "id": statement.id,
                    "url": point.url,
                    # Written as the SVG reads numbers in any language.
                    "x": str(point.x),
                    "y": str(point.y),
                    "marker": point.marker,
                    "is_red_line": point.is_red_line,
                    "title": f"{party} {stance_label(statement.stance)}{red_line}, "
                    f"{point.day}: {statement.summary}",
                    "iso_date": statement.stated_on.isoformat(),
                    "date": date(statement.stated_on, statement.stated_on_precision),
                    "stance_badge": badges[statement.stance],
                    "move": escaped[statement.get_move_display()],
                    "summary": statement.summary,
                }
            )
        rows.append(
            {
                "party": escaped[party],
                "css_class": series.css_class,
                "path": series.path,
                "symbol": series.symbol,
                "legend_marker": series.legend_marker,
                "points": points,
            }
        )
    return rows


@register.simple_tag
def change_rows(changes, newly_stated=False, before_label="", after_label="") -> str:
    """What changed between two dates (``reading.stances.StanceChange``): each party and
    proposition, the direction of the change, and the stance (linked), date and summary in
    force before and after; with ``newly_stated``, only the stance after."""
    urls, date = RecordUrls(), dates_in(get_language())
    badges = PerValue(stance_badge)
    classes = PerValue(lambda stance: conditional_escape(stance_class(stance)))
    parties = PerValue(lambda party: _escaped(urls.party(party.slug), party.short_name))
    topics = PerValue(lambda topic: _escaped(urls.topic(topic.slug), topic.proposition))
    dates = PerValue(lambda day: conditional_escape(date(*day)))
    # Every position's address is this head, its id and this tail.
    head, tail = around_marker("position-detail", "pk", *where())

    def side(position, label) -> str:
        if position is None:
            return format_html(
                '\n    <td class="{}" data-label="{}">{}</td>', classes[None], label, badges[None]
            )
        return format_html(
            '\n    <td class="{}" data-label="{}"><a href="{}">{}</a><br>'
            '<span class="cell-date">stated {}</span><br>'
            '<span class="summary-label">Summary:</span> {}</td>',
            classes[position.stance],
            label,
            f"{head}{position.id}{tail}",
            badges[position.stance],
            dates[position.stated_on, position.stated_on_precision],
            position.summary,
        )

    shifts = PerValue(lambda shift: format_html("\n    <td>{}</td>", shift_badge(shift)))
    if newly_stated:
        return format_html_join(
            "",
            '\n  <tr>\n    <th scope="row"><a href="{}">{}</a></th>\n'
            '    <td><a href="{}">{}</a></td>{}\n  </tr>\n  ',
            (
                (*parties[change.party], *topics[change.topic], side(change.after, after_label))
                for change in changes
            ),
        )
    return format_html_join(
        "",
        '\n  <tr>\n    <th scope="row"><a href="{}">{}</a></th>\n'
        '    <td><a href="{}">{}</a></td>{}{}{}\n  </tr>\n  ',
        (
            (
                *parties[change.party],
                *topics[change.topic],
                shifts[change.shift],
                side(change.before, before_label),
                side(change.after, after_label),
            )
            for change in changes
        ),
    )


def _escaped(*texts) -> tuple:
    return tuple(map(conditional_escape, texts))
