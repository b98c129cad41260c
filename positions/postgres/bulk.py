"""Whole-table work: rows written in bulk, statistics refreshed, every file of a release read
from one snapshot. Other databases get plain INSERTs and their default isolation."""

from django.db import connections

from positions.postgres import in_use


def insert_rows(*, table: str, columns: list[str], rows: list[tuple], using: str) -> None:
    """Append ``rows`` (tuples in ``columns`` order) to ``table``: COPY on PostgreSQL."""
    connection = connections[using]
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if in_use(using):
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows)


def settle(*, using: str) -> None:
    """Refresh the planner's statistics after a bulk write, so queries plan as in a settled
    database. VACUUM also sets the visibility map for index-only scans; it cannot run inside
    a transaction (as in tests), where ANALYZE alone is run."""
    if not in_use(using):
        return
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def read_one_snapshot(*, using: str) -> None:
    """Make the transaction just begun read every query from one snapshot, even while
    editors keep publishing. Call first thing inside the outermost ``atomic()``."""
    if in_use(using):
        connections[using].cursor().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
