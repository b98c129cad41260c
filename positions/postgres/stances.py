"""The stances in force on a date, read from the stance cells and, for the cells that changed
since, by a lateral join on PostgreSQL.

The portable form (``id IN`` a subquery of probes) makes PostgreSQL run each probe twice and
then fetch each position by its key; a lateral join reads each cell's position in one
backward probe of ``position_timeline_idx``.
"""

import datetime
from collections.abc import Iterable

from django.db import connections
from django.db.models import QuerySet

from positions.models import Position
from positions.models.choices import Status
from positions.postgres import in_use


def with_earlier_positions(
    copied: QuerySet,
    cells: QuerySet,
    *,
    as_of: datetime.date,
    fields: Iterable[str],
    portable: QuerySet,
) -> Iterable[tuple]:
    """``copied``'s rows, then for each of ``cells`` that changed after ``as_of`` the
    ``fields`` of the position published and in force on that date, in one statement.

    ``portable`` gives those positions' rows elsewhere than PostgreSQL.
    """
    if not in_use(cells.db):
        return copied.union(portable, all=True)
    quote = connections[cells.db].ops.quote_name
    changed_sql, changed_params = (
        cells.filter(latest_stated_on__gt=as_of).values("party_id", "topic_id").query
    ).sql_with_params()
    copied_sql, copied_params = copied.query.sql_with_params()
    columns = ", ".join(f"p.{quote(Position._meta.get_field(name).column)}" for name in fields)
    sql = (
        f"({copied_sql}) UNION ALL (SELECT {columns} FROM ({changed_sql}) AS c "
        f"CROSS JOIN LATERAL (SELECT * FROM {quote(Position._meta.db_table)} AS p "
        "WHERE p.status = %s AND p.party_id = c.party_id AND p.topic_id = c.topic_id "
        "AND p.stated_on <= %s ORDER BY p.stated_on DESC, p.id DESC LIMIT 1) AS p)"
    )
    with connections[cells.db].cursor() as cursor:
        cursor.execute(sql, (*copied_params, *changed_params, Status.PUBLISHED, as_of))
        return cursor.fetchall()
