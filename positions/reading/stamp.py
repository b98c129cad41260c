"""The public record's stamp: what every cached page and API answer is keyed on."""

import datetime

from django.db import connection
from django.utils.dateparse import parse_datetime

from positions.models import Event, Party, Person, Position, Role, Source, Tombstone, Topic
from positions.models.choices import PUBLIC_STATUSES


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
    # A deletion changes the lists it leaves, whatever their latest change was.
    parts.append(f"SELECT MAX(deleted_at) AS stamp FROM {quote(Tombstone._meta.db_table)}")
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
