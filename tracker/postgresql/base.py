"""Django's PostgreSQL backend, with three changes: statements a connection repeats are
prepared (``internals.PreparingCursor``, the one use of psycopg's private API), timestamps
are read by psycopg's compiled loader, and a persistent connection is checked before reuse
without a round trip.

Django reads ``timestamptz`` through a subclass of psycopg's pure-Python loader, which sets
the connection's time zone on each value; psycopg uses its compiled loader only for its own
class. With ``USE_TZ`` the connection's time zone is UTC, and psycopg's own loader already
gives values in ``datetime.timezone.utc``: the same datetimes, at a fraction of the cost.
"""

import datetime
import select

from django.db.backends.postgresql import base
from psycopg.types.datetime import TimestamptzLoader

from tracker.postgresql.internals import PreparingCursor


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
