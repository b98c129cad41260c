"""Django's PostgreSQL backend, with three changes: statements a connection repeats are
prepared, timestamps are read by psycopg's compiled loader, and a persistent connection is
checked before reuse without a round trip.

Django binds parameters on the client, so PostgreSQL plans each statement with its actual
values (a partial index on ``status = 'published'`` stays usable), and plans it again every
time: for the positions list, planning its five joins costs several times what running
them does. psycopg prepares a statement once a connection has run it ``prepare_threshold``
times, but only with server-side binding, whose plans are generic (made without the
values) and can be many times slower. This cursor keeps Django's client-side binding and
lets psycopg prepare the merged statement, values and all: a page asked for again and again
is planned once per connection, as it would be if the SQL were sent by hand.

psycopg's client-side cursor offers no switch for this; the two overrides below replace
its "never prepare" and send the merged statement without parameters. A test checks that
pages are still served from prepared statements, so an upgrade of psycopg that moves these
is noticed.

Django reads ``timestamptz`` through a subclass of psycopg's pure-Python loader, which sets
the connection's time zone on each value; psycopg uses its compiled loader only for its own
class. With ``USE_TZ`` the connection's time zone is UTC, and psycopg's own loader already
gives values in ``datetime.timezone.utc``: the same datetimes, at a fraction of the cost (a
list of 50 positions reads about 200 of them).
"""

import datetime
import select

from django.db.backends.postgresql import base
from psycopg._preparing import Prepare
from psycopg.types.datetime import TimestamptzLoader


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


def _has_word_from_server(fd: int) -> bool:
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        # Django asks the server (SELECT 1) before each request reuses a connection. A server
        # that ended the connection (a restart, pg_terminate_backend) has left word on the
        # idle socket: its farewell, or end of file. With nothing to read the connection is
        # as good as that round trip would show; with anything, ask the server as before.
        # A silently broken network path is left to the TCP keepalives, as before.
        idle = self.connection is not None and not self.connection.closed
        if idle and not _has_word_from_server(self.connection.pgconn.socket):
            return True
        return super().is_usable()

    def create_cursor(self, name=None):
        cursor = super().create_cursor(name)
        # Server-side (named) cursors keep Django's loader; they read exports, not pages.
        if name is None and self.timezone is datetime.UTC:
            cursor.adapters.register_loader("timestamptz", TimestamptzLoader)
        return cursor

    def get_connection_params(self):
        params = super().get_connection_params()
        if params.get("prepare_threshold") is not None and params["cursor_factory"] is base.Cursor:
            params["cursor_factory"] = PreparingCursor
        return params
