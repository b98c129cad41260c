"""CSV written by PostgreSQL: a query's rows streamed with ``COPY … TO STDOUT`` (``stream``).

Python's csv writer costs several times the query at a million rows; COPY writes the same
bytes in the database. The cells below compute in SQL what the export's Python writer
computes for other databases (``positions.api.export``), so that both give the same file.
Each cell is a function from a column's SQL to the SQL of its CSV cell and its parameters.
"""

from collections.abc import Callable, Iterator
from contextlib import nullcontext

from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction

Cell = Callable[[str], tuple[str, tuple]]

# Bytes per streamed chunk: COPY hands over one row at a time.
CHUNK_BYTES = 64 * 1024


def as_is(column: str) -> tuple[str, tuple]:
    """Numbers: PostgreSQL writes them as Python's ``str()`` does."""
    return column, ()


def iso_date(column: str) -> tuple[str, tuple]:
    """``date.isoformat()``."""
    return f"to_char({column}, 'YYYY-MM-DD')", ()


def iso_moment(column: str) -> tuple[str, tuple]:
    """A timestamp in RFC 3339, in UTC to the second (``2025-03-17T10:04:05Z``), as the
    API writes them."""
    return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')", ()


def true_or_false(column: str) -> tuple[str, tuple]:
    """A boolean as ``true`` or ``false`` (COPY alone would write ``t`` or ``f``)."""
    return f"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' END", ()


def formula_safe_text(triggers, plain: str) -> Cell:
    """Text a spreadsheet shows as text: a cell starting with one of ``triggers`` gets a
    leading apostrophe unless it matches ``plain`` (a regular expression that Python and
    PostgreSQL read alike). Empty text becomes NULL, which COPY writes as an empty cell,
    as Python's writer writes both."""
    codes = ", ".join(str(ord(trigger)) for trigger in triggers)

    def cell(column: str) -> tuple[str, tuple]:
        # ascii() is the first character's code point, without building a substring.
        sql = (
            f"CASE WHEN ascii({column}) IN ({codes}) AND {column} !~ %s "
            f"THEN '''' || {column} ELSE NULLIF({column}, '') END"
        )
        return sql, (plain,)

    return cell


def labelled(labels: dict) -> Cell:
    """The label of each value (NULL for any other)."""

    def cell(column: str) -> tuple[str, tuple]:
        cases = " ".join("WHEN %s THEN %s" for _ in labels)
        params = tuple(item for pair in labels.items() for item in pair)
        return f"CASE {column} {cases} END", params

    return cell


def between(head: str, tail: str) -> Cell:
    """The value written between two fixed strings."""

    def cell(column: str) -> tuple[str, tuple]:
        return f"(%s || {column} || %s)", (head, tail)

    return cell


def stream(rows, cells: list[Cell], header: bytes) -> Iterator[bytes]:
    """The rows of a ``values_list()`` queryset as CSV (LF line ends) after ``header``, each
    value written by its cell, in order."""
    connection = connections[rows.db]
    try:
        listed, listed_params = rows.query.sql_with_params()
    except EmptyResultSet:  # filters that cannot match, such as a search for "--"
        yield bytes(header)
        return
    # The list's own query, as it is, sorts the rows; the outer SELECT, a scan of them in
    # that order, only writes cells. Written into the query itself, the cells would be
    # costed into its plan, which then chose slower index-ordered nested loops.
    # A DISTINCT query also selects the columns it is ordered by: they are left out.
    names = [f"c{index}" for index in range(len(cells))]
    written = [
        cell(connection.ops.quote_name(name)) for cell, name in zip(cells, names, strict=True)
    ]
    select = ", ".join(sql for sql, _ in written)
    params = (*(p for _, cell_params in written for p in cell_params), *listed_params)
    # psycopg binds the parameters client-side: COPY takes none of its own.
    statement = (
        f"COPY (SELECT {select} FROM ({listed}) AS listed ({', '.join(names)})) "
        "TO STDOUT WITH (FORMAT csv)"
    )
    with transaction.atomic(using=rows.db), connection.cursor() as cursor:
        # One statement now streams the whole file, as slowly as the client reads it; a
        # server-wide statement timeout would cut it off half way.
        cursor.execute("SET LOCAL statement_timeout = 0")
        with _logged(cursor, statement, params), cursor.cursor.copy(statement, params) as copy:
            chunk = bytearray(header)
            for row in copy:
                chunk += row
                if len(chunk) >= CHUNK_BYTES:
                    yield bytes(chunk)
                    chunk.clear()
            yield bytes(chunk)


def _logged(cursor, statement, params):
    """COPY goes round Django's cursor: record it in the query log like any query, so that
    query counts and debugging tools see it."""
    debug_sql = getattr(cursor, "debug_sql", None)
    return debug_sql(statement, params) if debug_sql else nullcontext()
