"""Dates written no more precisely than they are known: 16 March 2025, March 2025, 2025,
about March 2025."""

import datetime
from collections.abc import Callable
from functools import cache

from django.utils.dates import MONTHS
from django.utils.translation import override

from positions.models.choices import DatePrecision


@cache
def dates_in(language: str | None) -> Callable[[datetime.date | None, str], str]:
    """A writer of dates in ``language`` as the ``date`` filter writes "j F Y", "F Y" and
    "Y", without parsing a format string for each of the hundreds of dates a page shows."""
    months = _month_names(language)

    def precise(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
        if value is None:
            return ""
        if precision == DatePrecision.YEAR:
            return f"{value.year:04d}"
        month = months[value.month]
        if precision == DatePrecision.MONTH:
            return f"{month} {value.year:04d}"
        if precision == DatePrecision.APPROXIMATE:
            return f"about {month} {value.year:04d}"
        return f"{value.day} {month} {value.year:04d}"

    return precise


@cache
def _month_names(language: str | None) -> dict[int, str]:
    """Month names in ``language``, translated once rather than for every date written."""
    with override(language):
        return {number: str(name) for number, name in MONTHS.items()}
