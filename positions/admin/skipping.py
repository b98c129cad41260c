"""What the desk's links and filters offer, found by skipping through an index.

Django works out the years above a list (``SELECT DISTINCT DATE_TRUNC('year', …)``) and a
filter's values (``SELECT DISTINCT outlet …``) by reading every row: 0.14 s of the
positions list's 0.23 s at a million, 50–70 ms per filter of the sources list at a hundred
thousand. The same answers come from asking an index for the first value after each one
found: one probe per link or choice, all in one recursive query on PostgreSQL. Other
databases keep Django's queries.

A probe walks the index until a row matches the list's other conditions, so this pays
only while nothing else narrows the list: a filter matching few rows far apart in the
index would make each probe long.
"""

import datetime
import functools
import zoneinfo

from django.contrib.admin import AllValuesFieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone

# The periods the date links step through, as PostgreSQL names them.
STEPS = {"year": "1 year", "month": "1 month", "day": "1 day"}
# The date links' own parameters, after the list's date field (``stated_on__year``).
DATE_LINK_PARTS = ("year", "month", "day")
# A list's date conditions that are ranges of the date: the date links' and those of
# Django's date filter beside the list.
DATE_RANGES = (*DATE_LINK_PARTS, "gte", "lt")


def skip_through(queryset, field_name: str, lookup: str, after: str, params=()) -> list:
    """The values of ``field_name`` in ``queryset`` met by skipping through its index.

    Starting from the smallest, each next value is the smallest that is ``lookup`` (gt or
    gte) the SQL expression ``after`` (with ``params``), which names the value found last
    ``found.value``.
    """
    values = queryset.order_by(field_name).values_list(field_name, flat=True)
    try:
        first_sql, first_params = values[:1].query.sql_with_params()
    except EmptyResultSet:  # a queryset that cannot match, such as none()
        return []
    field = get_fields_from_path(queryset.model, field_name)[-1]
    bound = RawSQL(after, params, output_field=field)
    next_value = values.filter(**{f"{field_name}__{lookup}": bound})[:1]
    next_sql, next_params = next_value.query.sql_with_params()
    sql = (
        f"WITH RECURSIVE found(value) AS (({first_sql}) "
        f"UNION ALL SELECT ({next_sql}) FROM found WHERE found.value IS NOT NULL) "
        "SELECT value FROM found WHERE value IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*first_params, *next_params))
        return [value for (value,) in cursor.fetchall()]


def period_starts(queryset, field_name: str, kind: str) -> list[datetime.date]:
    """The first day of every ``kind`` period in which ``queryset`` has a date, ascending."""
    next_period = f"(DATE_TRUNC('{kind}', found.value::timestamp) + INTERVAL '{STEPS[kind]}')::date"
    days = skip_through(queryset, field_name, "gte", next_period)
    return [period_start(day, kind) for day in days]


def period_moments(queryset, field_name: str, kind: str, zone: str) -> list[datetime.datetime]:
    """The start of every ``kind`` period in the time zone named ``zone`` (an IANA name) in
    which ``queryset`` has a moment."""
    local = "found.value AT TIME ZONE %s"
    next_period = f"(DATE_TRUNC('{kind}', {local}) + INTERVAL '{STEPS[kind]}') AT TIME ZONE %s"
    moments = skip_through(queryset, field_name, "gte", next_period, (zone, zone))
    tz = zoneinfo.ZoneInfo(zone)
    return [period_start(timezone.localtime(moment, tz), kind) for moment in moments]


def period_start(value, kind: str):
    """The first day (at midnight, for a datetime) of the ``kind`` period holding ``value``."""
    start = value.replace(month=1, day=1) if kind == "year" else value
    start = start.replace(day=1) if kind == "month" else start
    if isinstance(start, datetime.datetime):
        start = start.replace(hour=0, minute=0, second=0, microsecond=0)
    return start


class PeriodsBySkipping:
    """A queryset whose ``dates()`` and ``datetimes()`` skip through the field's index.

    Only the date links call them on a desk list's queryset, and they only iterate: on
    PostgreSQL they return lists, not querysets.
    """

    def dates(self, field_name, kind, order="ASC"):
        if connection.vendor != "postgresql" or kind not in STEPS or order != "ASC":
            return super().dates(field_name, kind, order)
        return period_starts(self, field_name, kind)

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        if connection.vendor != "postgresql" or kind not in STEPS or order != "ASC":
            return super().datetimes(field_name, kind, order, tzinfo)
        tz = tzinfo or timezone.get_current_timezone()
        zone = "UTC" if tz is datetime.UTC else getattr(tz, "key", None)
        if zone is None:  # a fixed offset, which Django's query knows how to name
            return super().datetimes(field_name, kind, order, tzinfo)
        return period_moments(self, field_name, kind, zone)


@functools.cache
def _with_periods_by_skipping(queryset_class):
    """``queryset_class`` with PeriodsBySkipping's dates() and datetimes(), made once."""
    return type(f"{queryset_class.__name__}ByIndex", (PeriodsBySkipping, queryset_class), {})


class DateLinksBySkipping(ChangeList):
    """A desk list whose date links skip through the date index while only dates narrow it.

    Other filters and a search may match few rows far apart in the index, where Django's
    reading of every match costs less.
    """

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        if self.query or not self.narrowed_by_dates_alone():
            return queryset
        # The date links call the list queryset's dates() (or datetimes()): the one place
        # to answer them is a copy of that queryset, of a class that skips.
        skipping = queryset._chain()
        skipping.__class__ = _with_periods_by_skipping(type(queryset))
        return skipping

    def narrowed_by_dates_alone(self) -> bool:
        """Whether the list's only conditions are ranges of its date, which its index has."""
        ranges = {f"{self.date_hierarchy}__{part}" for part in DATE_RANGES}
        return all(name in ranges for name in self.get_filters_params())


class ValuesBySkipping(AllValuesFieldListFilter):
    """Django's filter by each value a column holds, its values read by skipping through
    the column's index. For columns that hold no NULL."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        if connection.vendor == "postgresql" and not field.null and field_path == field.name:
            queryset = model_admin.get_queryset(request)
            self.lookup_choices = skip_through(queryset, field.name, "gt", "found.value")
