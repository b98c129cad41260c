"""Distinct values and periods read by skipping through an index: one probe per value found,
all in one recursive query. Other databases get Django's own ``DISTINCT`` queries.

A probe walks the index until a row matches the queryset's other conditions, so this pays
only while nothing else narrows the queryset.
"""

import datetime
import zoneinfo

from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from positions.postgres import in_use

# The periods the date links step through, as PostgreSQL names them.
STEPS = {"year": "1 year", "month": "1 month", "day": "1 day"}


def skip_through(queryset: QuerySet, field_name: str, lookup: str, after: str, params=()) -> list:
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
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, (*first_params, *next_params))
        return [value for (value,) in cursor.fetchall()]


def distinct_values(queryset: QuerySet, field_name: str) -> list:
    """Every value of ``field_name`` (a column without NULL) in ``queryset``, ascending."""
    if not in_use(queryset.db):
        return list(queryset.order_by(field_name).values_list(field_name, flat=True).distinct())
    return skip_through(queryset, field_name, "gt", "found.value")


def skips_periods(queryset: QuerySet, kind: str) -> bool:
    """Whether ``period_starts`` and ``period_moments`` skip for this queryset and period."""
    return in_use(queryset.db) and kind in STEPS


def period_starts(queryset: QuerySet, field_name: str, kind: str) -> list[datetime.date]:
    """The first day of every ``kind`` period in which ``queryset`` has a date, ascending.

    Only for a queryset and period for which ``skips_periods`` holds."""
    next_period = f"(DATE_TRUNC('{kind}', found.value::timestamp) + INTERVAL '{STEPS[kind]}')::date"
    days = skip_through(queryset, field_name, "gte", next_period)
    return [period_start(day, kind) for day in days]


def period_moments(
    queryset: QuerySet, field_name: str, kind: str, zone: str
) -> list[datetime.datetime]:
    """The start of every ``kind`` period in the time zone named ``zone`` (an IANA name) in
    which ``queryset`` has a moment. Only where ``skips_periods`` holds."""
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
