"""How stances, shifts and dates read on the public pages: in words, symbols and classes,
so that colour is never the only signal."""

import datetime
from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import get_language

from positions.models.choices import DatePrecision, Move, Shift, Stance
from positions.reading.dates import dates_in
from positions.reading.links import around_marker, where

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
    """A date written no more precisely than it is known: 16 March 2025, March 2025, 2025."""
    return dates_in(get_language())(value, precision)


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


class PerValue(dict):
    """``make(value)`` for each distinct value of a list, worked out on first use."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, value):
        self[value] = made = self.make(value)
        return made


class MatrixCells:
    """Writes the comparison matrix's cells, one row at a time, for one language and
    address prefix. A full matrix has thousands of cells but few distinct stances and
    dates: what depends on those alone is written once, not once per cell."""

    def __init__(self, language: str | None, prefix: str, urlconf: str):
        date = dates_in(language)
        # Every position's address is this head, its id and this tail.
        self.address = around_marker("position-detail", "pk", prefix, urlconf)
        badges = PerValue(stance_badge)
        classes = PerValue(lambda stance: conditional_escape(stance_class(stance)))
        red_line = format_html(' <span class="badge badge-red-line">{}</span>', "Red line")
        empty = format_html('\n      <td class="{}">{}</td>\n      ', classes[None], badges[None])
        self.empty_runs = PerValue(lambda count: format_html_join("", "{}", [(empty,)] * count))
        # A known stance's cell opens after the run of unknown ones before it ...
        self.openings = PerValue(
            lambda key: format_html(
                '{}\n      <td class="{}">', self.empty_runs[key[0]], classes[key[1]]
            )
        )

        # ... and closes on its badge, date and red line: bounded, since the writer serves
        # every request in its language.
        @lru_cache(maxsize=8192)
        def closing(stance: int, day, precision: str, is_red_line: bool, conditions: str) -> str:
            return format_html(
                '{}</a>\n        <span class="cell-date">since {}</span>{}{}'
                "\n        </td>\n      ",
                badges[stance],
                date(day, precision),
                red_line if is_red_line else "",
                format_html(
                    '\n        <span class="cell-conditions">Conditions: {}</span>', conditions
                )
                if conditions
                else "",
            )

        self.closing = closing

    def row(self, cells) -> str:
        """A row's cells: each party's stance (linked), since when, any red line and its
        conditions.

        Each known stance is written with the run of unknown ones before it, so that a
        cell costs one ``format_html``; the run after the last known stance ends the row.
        """
        (head, tail), openings, closing = self.address, self.openings, self.closing
        known, unknown = [], 0
        for cell in cells:
            if cell is None:
                unknown += 1
                continue
            known.append(
                (
                    openings[unknown, cell.stance],
                    f"{head}{cell.id}{tail}",
                    closing(
                        cell.stance,
                        # Since the stance was taken, not its latest restatement.
                        cell.since_on or cell.stated_on,
                        cell.since_precision or cell.stated_on_precision,
                        cell.move == Move.RED_LINE,
                        cell.conditions,
                    ),
                )
            )
            unknown = 0
        written = format_html_join("", '{}<a href="{}">{}', known)
        return format_html("{}{}", written, self.empty_runs[unknown])


@lru_cache(maxsize=16)
def _matrix_cells_in(language: str | None, prefix: str, urlconf: str) -> MatrixCells:
    return MatrixCells(language, prefix, urlconf)


@register.simple_tag
def matrix_cells(cells) -> str:
    """A comparison row's cells: each party's stance (linked), since when, and any red line.

    Written here rather than as a template loop: a full matrix has thousands of cells, and
    the template engine's per-cell lookups cost several times the markup itself.
    """
    return _matrix_cells_in(get_language(), *where()).row(cells)


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
