"""On PostgreSQL a page asked for again and again is planned once per connection, not each time."""

import pytest
from django.db import connection

from positions.models.choices import Status
from tests.factories import PositionFactory
from tests.test_production_settings import production_env, run

on_postgresql = pytest.mark.postgresql(reason="prepared statements are PostgreSQL's")


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@on_postgresql
def test_a_list_requested_repeatedly_is_read_through_prepared_statements(client, db):
    PositionFactory(status=Status.PUBLISHED)
    for _ in range(6):
        assert client.get("/api/v1/positions/").status_code == 200
    # Prepared as sent, values and all: PostgreSQL plans them for 'published' (its partial
    # index), not for any status.
    assert any(
        'FROM "positions_position"' in sql and "'published'" in sql for sql in prepared_statements()
    )


def test_prepared_statements_can_be_turned_off_for_a_pooler(tmp_path):
    script = (
        "from django.conf import settings\n"
        "options = settings.DATABASES['default']['OPTIONS']\n"
        "print(options.get('prepare_threshold'))"
    )
    url = "postgres://postgres@127.0.0.1:1/none"
    on = run(["-c", script], production_env(tmp_path, DATABASE_URL=url))
    off = run(
        ["-c", script],
        production_env(tmp_path, DATABASE_URL=url, DJANGO_DB_PREPARED_STATEMENTS="false"),
    )
    assert on.stdout.split() == ["5"], on.stderr
    assert off.stdout.split() == ["None"], off.stderr
