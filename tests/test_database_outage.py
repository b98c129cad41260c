"""A lost database costs a fast 503, never a hang, and the next request recovers by itself."""

import os
import socket
import subprocess
import sys
import threading
import time

import psycopg
import pytest
from django.db import connection

from tests.conftest import REPO_ROOT
from tracker import outage

on_postgresql = pytest.mark.postgresql(
    reason="pg_terminate_backend needs PostgreSQL; SQLite has no server to lose"
)


@pytest.mark.urls("tests.outage_urls")
def test_a_lost_connection_gives_a_plain_503_page_with_retry_after(client, db):
    response = client.get("/outage/broken/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    assert response["Content-Type"].startswith("text/html")
    assert b"Briefly unavailable" in response.content
    assert b"<script" not in response.content and b"style" not in response.content


@pytest.mark.urls("tests.outage_urls")
def test_a_lost_connection_under_the_api_gives_json(client, db):
    response = client.get("/api/outage/broken/")
    assert response.status_code == 503
    assert response.json() == {
        "type": "about:blank",
        "title": "Service Unavailable",
        "status": 503,
        "detail": outage.MESSAGE,
    }
    assert response["Content-Type"] == "application/problem+json"


def test_a_database_error_outside_any_view_is_a_503_too(rf, db):
    from django.db import InterfaceError

    try:
        raise InterfaceError("connection already closed")
    except InterfaceError:
        response = outage.server_error(rf.get("/"))
    assert response.status_code == 503
    try:
        raise ValueError("a bug")
    except ValueError:
        response = outage.server_error(rf.get("/"))
    assert response.status_code == 500


def _admin_connection_to(dbname):
    """A second connection, of our own, beside the one the site uses."""
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    )


def _admin_connection():
    return _admin_connection_to(connection.settings_dict["NAME"])


@on_postgresql
def test_a_connection_killed_between_requests_is_replaced(client, transactional_db, seeded):
    assert client.get("/").status_code == 200
    with _admin_connection() as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid])
    # The first request may notice the dead connection (503) or reconnect in time (200).
    assert client.get("/").status_code in (200, 503)
    assert client.get("/").status_code == 200


@on_postgresql
@pytest.mark.urls("tests.outage_urls")
@pytest.mark.parametrize("path", ["/outage/slow/", "/api/outage/slow/"])
def test_a_connection_killed_mid_request_fails_fast_and_the_next_succeeds(
    client, transactional_db, seeded, path
):
    killed_at = []

    def kill_the_slow_query():
        with _admin_connection() as admin:
            for _ in range(100):
                rows = admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'"
                ).fetchall()
                if rows:
                    admin.execute("SELECT pg_terminate_backend(%s)", [rows[0][0]])
                    killed_at.append(time.monotonic())
                    return
                time.sleep(0.05)

    killer = threading.Thread(target=kill_the_slow_query)
    killer.start()
    response = client.get(path)
    answered_at = time.monotonic()
    killer.join()
    assert killed_at, "the slow query never showed up"
    assert response.status_code == 503
    assert answered_at - killed_at[0] < 1.0
    assert client.get("/").status_code == 200


def _run_production_script(script, database_url, **env):
    """Run ``script`` in a fresh process with production settings against ``database_url``."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="tracker.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="s" * 50,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result


def _run_production_probe(database_url, paths, **env):
    script = (
        "import django, json, time; django.setup()\n"
        "from django.test import Client\n"
        "client = Client()\n"
        f"for path in {paths!r}:\n"
        "    start = time.monotonic()\n"
        "    status = client.get(path).status_code\n"
        "    print(path, status, round(time.monotonic() - start, 2))\n"
    )
    result = _run_production_script(script, database_url, **env)
    return {
        path: (int(status), float(seconds))
        for path, status, seconds in (line.split() for line in result.stdout.splitlines())
    }


def test_a_refused_database_connection_is_a_fast_503_and_health_stays_up():
    # /healthz needs no database: asked first, it also loads the URLs and middleware, so the
    # time of "/" is the refusal's, not a new process's first request.
    results = _run_production_probe(
        "postgres://standpoint@127.0.0.1:1/standpoint", ["/healthz", "/", "/readyz"]
    )
    assert results["/"][0] == 503
    assert results["/"][1] < 2
    assert results["/readyz"][0] == 503
    assert results["/healthz"][0] == 200


def test_a_database_that_never_answers_costs_the_connect_timeout_not_a_hang():
    # A server that accepts the connection and then says nothing, like a hung host.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    port = silent.getsockname()[1]
    try:
        results = _run_production_probe(
            f"postgres://standpoint@127.0.0.1:{port}/standpoint",
            ["/"],
            DJANGO_DB_CONNECT_TIMEOUT="2",  # libpq waits at least 2 s
        )
    finally:
        silent.close()
    status, seconds = results["/"]
    assert status == 503
    assert seconds < 5


@on_postgresql
def test_requests_during_an_outage_fail_fast_and_service_resumes_after_it(
    client, transactional_db, seeded
):
    """The database refuses every connection for a while, as during a restart."""
    name = connection.settings_dict["NAME"]
    assert client.get("/").status_code == 200
    with _admin_connection_to("postgres") as admin:
        try:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                [name],
            )
            timings = []
            for _ in range(3):
                start = time.monotonic()
                response = client.get("/")
                timings.append(time.monotonic() - start)
                assert response.status_code == 503
            assert client.get("/readyz").status_code == 503
            assert client.get("/healthz").status_code == 200
            assert max(timings) < 1.0
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    assert client.get("/").status_code == 200


@on_postgresql
def test_with_persistent_connections_the_request_after_a_kill_reconnects_at_once(
    transactional_db,
):
    """As in production: connections kept between requests (served by Django's WSGI handler,
    as gunicorn serves them) and checked before reuse."""
    script = (
        "import os, time, django, psycopg; django.setup()\n"
        "from django.core.handlers.wsgi import WSGIHandler\n"
        "from django.db import connection\n"
        "from django.test import RequestFactory\n"
        "app = WSGIHandler()\n"
        "def get(path):\n"
        "    statuses = []\n"
        "    environ = RequestFactory().get(path).environ\n"
        "    b''.join(app(environ, lambda status, headers: statuses.append(status)))\n"
        "    return statuses[0].split()[0]\n"
        "print(get('/readyz'))\n"
        "pid = connection.connection.info.backend_pid\n"
        "with psycopg.connect(os.environ['ADMIN_DSN'], autocommit=True) as admin:\n"
        "    admin.execute('SELECT pg_terminate_backend(%s)', [pid])\n"
        "time.sleep(0.5)\n"
        "print(get('/readyz'), connection.connection.info.backend_pid != pid)\n"
    )
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    result = _run_production_script(script, url, DJANGO_CONN_MAX_AGE="60", ADMIN_DSN=url)
    assert result.stdout.split() == ["200", "200", "True"], result.stderr
