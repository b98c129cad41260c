"""The one place Standpoint touches psycopg's private API: a cursor that prepares the
statements a connection repeats while keeping Django's client-side binding.

What it touches (psycopg 3.3, pinned to that minor range in pyproject.toml):
``psycopg._preparing.Prepare``, ``Cursor._get_prepared``, ``Cursor._send_query_prepared``,
``Connection._prepared`` and ``Connection._pipeline``.

Why: Django binds parameters on the client, so PostgreSQL plans each statement with its
actual values (a partial index on ``status = 'published'`` stays usable), and plans it again
every time: for the positions list, planning its joins costs several times what running them
does. psycopg prepares a statement once a connection has run it ``prepare_threshold`` times,
but only with server-side binding, whose generic plans can be many times slower. This cursor
lets psycopg prepare the merged statement, values and all. psycopg's client-side cursor
offers no switch for this.

What it buys: the API's default page and the desk's positions list, timed with and without
it in ``bench/results-100k-2026-12-07-internals.json``. ``tests/test_prepared_statements.py``
fails if an upgrade of psycopg moves what this overrides.
"""

from django.db.backends.postgresql import base
from psycopg._preparing import Prepare


class PreparingCursor(base.Cursor):
    def _get_prepared(self, pgq, prepare=None):
        # executemany() asks to prepare; with the values merged in, each row would be a new
        # statement. Django never uses pipelines, whose bookkeeping this does not follow.
        if prepare or self._conn._pipeline:
            return Prepare.NO, b""
        return self._conn._prepared.get(pgq, prepare)

    def _send_query_prepared(self, name, pgq, *, binary=None):
        self._query = pgq  # what Django reports as the statement run
        self._pgconn.send_query_prepared(name, None)
