"""Conditional GET: ETag and Last-Modified from cheap aggregates, never from the body.

A response's validators combine the aggregate of the rows it shows (latest ``updated_at``
and count, so an edit, an insertion or a removal changes them) with the latest change
anywhere in the public record (a renamed party changes every position that embeds it;
a retraction changes its neighbours' shift).
"""

import datetime
import hashlib
from calendar import timegm

from django.db import connection
from django.db.models import Count, Max
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

from positions.models import Event, Party, Person, Position, Role, Source, Topic
from positions.models.choices import PUBLIC_STATUSES

VARY = "Accept, Authorization, Cookie"


def _as_datetime(value) -> datetime.datetime | None:
    # Raw aggregates come back as text on SQLite.
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def record_stamp() -> tuple[datetime.datetime | None, int]:
    """The latest change to any public row, and how many event links exist, in one query.

    Linking an event to a party, topic or source does not touch its ``updated_at``; the
    number of links changes instead.
    """
    quote = connection.ops.quote_name
    tables = [m._meta.db_table for m in (Party, Person, Role, Topic, Source, Event)]
    parts = [f"SELECT MAX(updated_at) AS stamp FROM {quote(table)}" for table in tables]
    placeholders = ", ".join(["%s"] * len(PUBLIC_STATUSES))
    parts.append(
        f"SELECT MAX(updated_at) AS stamp FROM {quote(Position._meta.db_table)} "
        f"WHERE status IN ({placeholders})"
    )
    link_tables = [
        Event._meta.get_field(name).remote_field.through._meta.db_table
        for name in ("parties", "topics", "sources")
    ]
    links = " + ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in link_tables)
    sql = f"SELECT MAX(stamp), {links} FROM (" + " UNION ALL ".join(parts) + ") AS stamps"
    with connection.cursor() as cursor:
        cursor.execute(sql, [str(status) for status in PUBLIC_STATUSES])
        stamp, link_count = cursor.fetchone()
    return _as_datetime(stamp), link_count


class Validators:
    """An ETag and Last-Modified pair for one response."""

    def __init__(self, request, *parts, last_modified=None, etag_prefix: str = ""):
        scope = f"user:{request.user.pk}" if request.user.is_authenticated else "anonymous"
        renderer = getattr(request, "accepted_renderer", None)
        fingerprint = "|".join(
            str(part)
            for part in (request.get_full_path(), scope, getattr(renderer, "format", ""), *parts)
        )
        digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
        self.etag = f'"{etag_prefix}{digest}"'
        self.last_modified = last_modified

    def not_modified(self, request):
        """A 304 (or 412) response when the client's copy is current, else None."""
        timestamp = timegm(self.last_modified.utctimetuple()) if self.last_modified else None
        response = get_conditional_response(
            request, etag=self.etag, last_modified=timestamp, response=None
        )
        if response is not None:
            self.apply(response)
        return response

    def apply(self, response):
        response["ETag"] = self.etag
        if self.last_modified:
            response["Last-Modified"] = http_date(timegm(self.last_modified.utctimetuple()))
        response["Vary"] = VARY
        return response


def queryset_validators(request, queryset, *, etag_prefix_from_version=False) -> Validators:
    """Validators for a list or detail: its rows' latest change and count, plus the record's."""
    if request.user.is_authenticated or etag_prefix_from_version:
        aggregates = {"latest": Max("updated_at"), "count": Count("pk")}
        if etag_prefix_from_version:
            aggregates["version"] = Max("version")
        summary = queryset.order_by().aggregate(**aggregates)
    else:
        # Anonymous clients see public rows only, and every public row that enters, leaves
        # or changes moves the record's stamp: counting a million rows would add nothing.
        summary = {"latest": None, "count": None}
    stamp, links = record_stamp()
    latest = max((d for d in (summary["latest"], stamp) if d is not None), default=None)
    prefix = f"{summary['version']}-" if etag_prefix_from_version and summary["version"] else ""
    return Validators(
        request,
        summary["latest"],
        summary["count"],
        stamp,
        links,
        last_modified=latest,
        etag_prefix=prefix,
    )


def record_validators(request) -> Validators:
    """Validators for derived reads (timeline, compare) that depend on the whole record."""
    stamp, links = record_stamp()
    return Validators(request, stamp, links, last_modified=stamp)
