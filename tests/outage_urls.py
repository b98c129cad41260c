"""The site's URLs plus views that lose their database, for the outage tests."""

from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import path

from tracker.urls import urlpatterns as site_urlpatterns


def slow_query(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(30)")
    return HttpResponse("finished")


def broken_database(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("outage/slow/", slow_query),
    path("api/outage/slow/", slow_query),
    path("outage/broken/", broken_database),
    path("api/outage/broken/", broken_database),
    *site_urlpatterns,
]
