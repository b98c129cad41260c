"""How stances, shifts and dates read on the public pages: in words, symbols and classes,
so that colour is never the only signal."""

import datetime
from functools import cache, lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.dates import MONTHS
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import get_language, override

from positions.models.choices import DatePrecision, Move, Shift, Stance
from positions.reading.links import RecordUrls, record_url

register = template.Library()

STANCE_SYMBOLS = {
    Stance.REJECTS: "−−",
    Stance.OPPOSES: "−",
    Stance.AMBIGUOUS: "≈",
    Stance.OPEN: "+",
    Stance.SUPPORTS: "++",
}
SHIFT_SYMBOLS = {
    Shift.FIRST: "•",
    Shift.UNCHANGED: "=",
    Shift.TOWARDS_SUPPORT: "↑",
    Shift.TOWARDS_REJECTION: "↓",
    Shift.REVERSAL: "⇅",
}
# Stance as a verb phrase, so "Russia is open to “…”" reads as a sentence.
STANCE_VERBS = {
    Stance.REJECTS: "rejects",
    Stance.OPPOSES: "opposes",
    Stance.AMBIGUOUS: "is ambiguous on",
    Stance.OPEN: "is open to",
    Stance.SUPPORTS: "supports",
}


def _stance(value) -> Stance | None:
    """The stance, or None for *no known position* (templates pass "" for a missing cell)."""
    try:
        return Stance(int(value))
    except (TypeError, ValueError):
        return None


@register.filter
def stance_label(value) -> str:
    stance = _stance(value)
    return stance.label if stance is not None else "no known position"


@register.filter
def stance_verb(value) -> str:
    stance = _stance(value)
    return STANCE_VERBS[stance] if stance is not None else "has no known position on"


@register.filter
def stance_symbol(value) -> str:
    stance = _stance(value)
    return STANCE_SYMBOLS[stance] if stance is not None else "—"


@register.filter
def stance_class(value) -> str:
    """CSS class for a stance cell, e.g. ``stance-open``; ``stance-none`` when unknown."""
    stance = _stance(value)
    return f"stance-{stance.label}" if stance is not None else "stance-none"


@register.filter
def shift_symbol(value) -> str:
    return SHIFT_SYMBOLS.get(value, "")


@register.filter
def shift_label(value) -> str:
    return Shift(value).label if value else ""


@register.filter
def precise_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """A date written no more precisely than it is known: 16 March 2025, March 2025, 2025.

    As the ``date`` filter writes "j F Y", "F Y" and "Y", without parsing a format string
    for each of the hundreds of dates a page shows.
    """
    return dates_in(get_language())(value, precision)


@cache
def dates_in(language: str | None):
    """``precise_date`` in ``language``, for a list of dates: the language looked up once."""
    months = _month_names(language)

    def precise(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
        if value is None:
            return ""
        if precision == DatePrecision.YEAR:
            return f"{value.year:04d}"
        month = months[value.month]
        if precision == DatePrecision.MONTH:
            return f"{month} {value.year:04d}"
        return f"{value.day} {month} {value.year:04d}"

    return precise


@cache
def _month_names(language: str | None) -> dict[int, str]:
    """Month names in ``language``, translated once rather than for every date written."""
    with override(language):
        return {number: str(name) for number, name in MONTHS.items()}


@register.filter
def iso_date(value: datetime.date | None) -> str:
    """2025-03-16, for ``<time datetime>``."""
    return value.isoformat() if value is not None else ""


@lru_cache(maxsize=64)
def _badge(template_name: str, value, language: str | None) -> str:
    """A badge's template rendered once per value and language: a matrix shows thousands of
    badges, but only six different ones."""
    return render_to_string(template_name, {"value": value})


@register.simple_tag
def stance_badge(value) -> str:
    """A stance in words and symbol, with its colour class; "no known position" for none."""
    return _badge("positions/includes/stance_badge.html", _stance(value), get_language())


@register.simple_tag
def shift_badge(value) -> str:
    """How a position moved from the party's previous one; nothing for a first statement."""
    return _badge("positions/includes/shift_badge.html", value or "", get_language())


@register.simple_tag
def matrix_cells(cells) -> str:
    """A comparison row's cells: each party's stance (linked), since when, and any red line.

    Written here rather than as a template loop: a full matrix has thousands of cells, and
    the template engine's per-cell lookups cost several times the markup itself. What
    depends on the stance alone is escaped once per row, not once per cell.
    """
    urls, date = RecordUrls(), dates_in(get_language())
    classes = {value: conditional_escape(stance_class(value)) for value in Stance.values}
    red_line = format_html(' <span class="badge badge-red-line">{}</span>', "Red line")
    empty = format_html('\n      <td class="{}">{}</td>\n      ', "stance-none", stance_badge(None))
    no_red_line = conditional_escape("")
    return format_html_join(
        "",
        "{}",
        (
            (
                empty
                if cell is None
                else format_html(
                    '\n      <td class="{}"><a href="{}">{}</a>\n'
                    '        <span class="cell-date">since {}</span>{}\n        </td>\n      ',
                    classes[cell.stance],
                    urls.position(cell.id),
                    stance_badge(cell.stance),
                    date(cell.stated_on, cell.stated_on_precision),
                    red_line if cell.move == Move.RED_LINE else no_red_line,
                ),
            )
            for cell in cells
        ),
    )


@register.filter
def before_and_after(change) -> tuple:
    """A change's two sides (``reading.stances.StanceChange``), for one loop to write both."""
    return change.before, change.after


@register.filter
def party_url(slug) -> str:
    """The address of the party page by ``slug``, for rows that carry the slug alone."""
    return record_url("party-detail", "slug", slug)


@register.filter
def topic_url(slug) -> str:
    """The address of the topic page by ``slug``, for rows that carry the slug alone."""
    return record_url("topic-detail", "slug", slug)


WEB_SCHEMES = ("http", "https")


@register.filter
def web_url(value) -> str:
    """The address if it is a web (http/https) URL, else "": never a ``javascript:`` link.

    Forms and the model refuse other schemes; this keeps a link safe even if a row arrived
    some other way (a dataset import, the shell).
    """
    text = str(value or "").strip()
    scheme, colon, _ = text.partition(":")
    return text if colon and scheme.lower() in WEB_SCHEMES else ""
