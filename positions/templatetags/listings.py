"""Lists and tables that run to hundreds of rows: statements, a party's current stance per
topic, the comparison matrix and its choices, and what changed between two dates.

As template loops each row cost a dozen variable lookups and filters; written here, every
piece of text still goes through escaping (``format_html``), at a fraction of the cost.
"""

from django import template
from django.utils import safestring
from django.utils.translation import get_language

from positions.models.choices import Move, Status
from positions.reading.links import RecordUrls, around_marker, where
from positions.templatetags.markup import escaped, format_html, format_html_join
from positions.templatetags.standpoint import (
    BadgesByValue,
    dates_in,
    shift_badge,
    stance_badge,
    stance_class,
)

register = template.Library()


def _date(position, date) -> tuple[str, str]:
    """The ``datetime`` attribute and the text (by ``date``, a ``dates_in`` writer) of a
    statement's ``<time>``."""
    return (
        position.stated_on.isoformat(),
        date(position.stated_on, position.stated_on_precision),
    )


@register.simple_tag
def statement_items(statements, hide_topic=False) -> str:
    """Statements (``querysets.Statement``) newest first: date, party, stance, topic, shift,
    summary and speaker."""
    stance_badges, shift_badges = BadgesByValue(stance_badge), BadgesByValue(shift_badge)
    urls, date = RecordUrls(), dates_in(get_language())
    items = format_html_join(
        "",
        '\n  <li class="statement{}">\n'
        '    <p class="statement-head"><time datetime="{}">{}</time>\n'
        '      · <a href="{}">{}</a>\n'
        "      {}\n"
        "      {}\n"
        "      {}\n"
        "      {}</p>\n"
        '    <p><a href="{}">{}</a>{}</p>\n'
        "  </li>\n",
        (
            (
                " is-retracted" if statement.status == Status.RETRACTED else "",
                *_date(statement, date),
                urls.party(statement.party_slug),
                statement.party_short_name,
                stance_badges[statement.stance],
                ""
                if hide_topic
                else format_html(
                    '<a href="{}">“{}”</a>',
                    urls.topic(statement.topic_slug),
                    statement.topic_proposition,
                ),
                shift_badges[statement.shift],
                format_html('<strong class="badge badge-retracted">{}</strong>', "Retracted")
                if statement.status == Status.RETRACTED
                else "",
                urls.position(statement.id),
                statement.summary,
                format_html(' <span class="muted">({})</span>', statement.speaker_name)
                if statement.speaker_id is not None
                else "",
            )
            for statement in statements
        ),
    )
    if not items:
        items = format_html("\n  <li>{}</li>\n", "No published positions yet.")
    return format_html('<ol class="statements">\n{}\n</ol>\n', items)


@register.simple_tag
def party_options(parties, selected_slug) -> str:
    """A party filter's options, the party by ``selected_slug`` selected."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (party.slug, " selected" if party.slug == selected_slug else "", party.short_name)
            for party in parties
        ),
    )


@register.simple_tag
def choice_boxes(items, name, chosen, label) -> str:
    """A checkbox per item, its slug sent as ``name``, ticked when in ``chosen`` (slugs), and
    labelled with the item's ``label`` attribute: the comparison's hundreds of choices."""
    return format_html_join(
        "",
        '<label><input type="checkbox" name="{}" value="{}"{}> {}</label>',
        (
            (name, item.slug, " checked" if item.slug in chosen else "", getattr(item, label))
            for item in items
        ),
    )


@register.simple_tag
def party_stance_items(pairs) -> str:
    """Parties' stances on a topic (``(party, StanceInForce)`` pairs): each party's name and
    stance badge, linked to the position."""
    badges, urls = BadgesByValue(stance_badge), RecordUrls()
    return format_html_join(
        "",
        '<li><a href="{}">{} {}</a></li>',
        (
            (urls.position(stance.id), party.short_name, badges[stance.stance])
            for party, stance in pairs
        ),
    )


@register.simple_tag
def current_stance_rows(stances) -> str:
    """A party's table rows (``reading.stances.CurrentStance``): each topic, its stance (and red
    line), since when, and the shift."""
    stance_badges, shift_badges = BadgesByValue(stance_badge), BadgesByValue(shift_badge)
    urls, date = RecordUrls(), dates_in(get_language())
    return format_html_join(
        "",
        '\n    <tr><th scope="row"><a href="{}">{}</a></th>\n'
        '      <td class="{}"><a href="{}">{}</a>{}</td>\n'
        '      <td><time datetime="{}">{}</time></td>\n'
        "      <td>{}</td></tr>\n    ",
        (
            (
                urls.topic(stance.topic_slug),
                stance.topic_proposition,
                stance_class(stance.stance),
                urls.position(stance.id),
                stance_badges[stance.stance],
                format_html(' <span class="badge badge-red-line">{}</span>', "Red line")
                if stance.move == Move.RED_LINE
                else "",
                *_date(stance, date),
                shift_badges[stance.shift],
            )
            for stance in stances
        ),
    )


class StanceCells:
    """Writes the matrix's cells row by row. One serves a whole page, so that each stance's
    badge and class, the language's dates and the address prefix are worked out (and
    escaped) once for the table rather than once per row or cell: a full matrix has
    thousands of cells."""

    RED_LINE = format_html(' <span class="badge badge-red-line">{}</span>', "Red line")
    EMPTY = '\n      <td class="{}">{}</td>\n      '
    # Class, address (its head, the position's id, its tail), badge, date, red line.
    FILLED = (
        '\n      <td class="{}"><a href="{}{:d}{}">{}</a>\n'
        '        <span class="cell-date">since {}</span>{}\n        </td>\n      '
    )

    def __init__(self):
        self.badges = BadgesByValue(lambda stance: escaped(stance_badge(stance)))
        self.classes = BadgesByValue(lambda stance: escaped(stance_class(stance)))
        head, tail = around_marker("position-detail", "pk", *where())
        self.address = escaped(head), escaped(tail)
        self.red_line = escaped(self.RED_LINE)
        self.date = dates_in(get_language())

    def row(self, cells) -> str:
        """A row's cells: each party's stance (linked), since when, and any red line."""
        head, tail = self.address
        write = []
        for cell in cells:
            if cell is None:
                write.append(self.EMPTY.format(self.classes[None], self.badges[None]))
                continue
            write.append(
                self.FILLED.format(
                    self.classes[cell.stance],
                    head,
                    cell.id,
                    tail,
                    self.badges[cell.stance],
                    escaped(self.date(cell.stated_on, cell.stated_on_precision)),
                    self.red_line if cell.move == Move.RED_LINE else "",
                )
            )
        # Nothing here is typed by anyone: stances, ids and dates, each escaped all the same.
        return safestring.SafeString("".join(write))


@register.simple_tag(takes_context=True)
def matrix_cells(context, cells) -> str:
    """A matrix row's cells: each party's stance (linked), since when, and any red line."""
    # Kept for the rest of this page's rendering, which writes the other rows.
    memo = context.render_context
    if StanceCells not in memo:
        memo[StanceCells] = StanceCells()
    return memo[StanceCells].row(cells)


def _change_side(position, stance_badges, urls: RecordUrls, date) -> str:
    """One side of a change: the stance then in force, when it was stated, and its summary."""
    if position is None:
        return stance_badges[None]
    return format_html(
        '<a href="{}">{}</a><br><span class="cell-date">stated {}</span><br>{}',
        urls.position(position.id),
        stance_badges[position.stance],
        date(position.stated_on, position.stated_on_precision),
        position.summary,
    )


@register.simple_tag
def change_rows(changes) -> str:
    """What changed: each party and proposition with its stance before and after."""
    stance_badges = BadgesByValue(stance_badge)
    urls, date = RecordUrls(), dates_in(get_language())
    return format_html_join(
        "",
        "\n  <tr>\n"
        '    <th scope="row"><a href="{}">{}</a></th>\n'
        '    <td><a href="{}">{}</a></td>\n'
        '    <td class="{}">{}</td>\n'
        '    <td class="{}">{}</td>\n'
        "  </tr>\n  ",
        (
            (
                urls.party(change.party.slug),
                change.party.short_name,
                urls.topic(change.topic.slug),
                change.topic.proposition,
                stance_class(change.before.stance if change.before else None),
                _change_side(change.before, stance_badges, urls, date),
                stance_class(change.after.stance if change.after else None),
                _change_side(change.after, stance_badges, urls, date),
            )
            for change in changes
        ),
    )
