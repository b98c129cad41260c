"""How stances, shifts and dates read on the public pages: in words, symbols and classes,
so that colour is never the only signal."""

import datetime
from functools import cache

from django import template
from django.utils.dates import MONTHS
from django.utils.translation import get_language, override

from positions.models.choices import DatePrecision, Shift, Stance
from positions.templatetags.markup import format_html

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


# Tags rather than included templates: a page shows hundreds of these, and each include
# costs several times what its markup does. Each ends in a newline, as the included file
# did, so pages read exactly as before.
@register.simple_tag
def stance_badge(value) -> str:
    """A stance in words and symbol, with its colour class; "no known position" for none."""
    return format_html(
        '<span class="stance {}"><span class="stance-symbol" aria-hidden="true">{}</span> {}'
        "</span>\n",
        stance_class(value),
        stance_symbol(value),
        stance_label(value),
    )


@register.simple_tag
def shift_badge(value) -> str:
    """How a position moved from the party's previous one; nothing for a first statement."""
    if not value:
        return "\n"
    return format_html(
        '<span class="shift shift-{}"><span aria-hidden="true">{}</span> {}</span>\n',
        value,
        shift_symbol(value),
        shift_label(value),
    )


class BadgesByValue(dict):
    """Each stance's or shift's badge, written once per list rather than once per row."""

    def __init__(self, write):
        super().__init__()
        self.write = write

    def __missing__(self, value):
        self[value] = badge = self.write(value)
        return badge


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
