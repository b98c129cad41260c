"""Fail fast while the database is unreachable, and recover as soon as it is back.

A request whose database work fails with a connection error gets a 503 with
``Retry-After`` at once. The broken connection is closed then and there, so the next
request opens a fresh one; no worker has to be restarted.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError, connections
from django.views import defaults

from tracker.problems import problem_response
from tracker.responses import error_response, wants_json

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5
MESSAGE = "Standpoint is briefly unavailable: its database cannot be reached. Try again shortly."


def database_unavailable(request, exception):
    logger.error("Database unavailable for %s: %s", request.path, exception)
    for connection in connections.all(initialized_only=True):
        # Connections that still work (e.g. a healthy replica) are kept.
        connection.close_if_unusable_or_obsolete()
    response = error_response(request, status=503, template="503.html", message=MESSAGE)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turns a database connection error raised by a view into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(request, exception)
        return None


def server_error(request):
    """handler500: a database error raised outside a view (e.g. by middleware) is a 503 too."""
    exception = sys.exception()
    if isinstance(exception, DATABASE_ERRORS):
        return database_unavailable(request, exception)
    if wants_json(request):
        return problem_response(500, "Something went wrong on the server; it has been logged.")
    return defaults.server_error(request)
