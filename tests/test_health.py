import pytest
from django.db import connection

from tracker import health


def test_healthz_answers_without_touching_the_database(client):
    # No database fixture: pytest-django makes any query here an error.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_the_database_answers_and_is_migrated(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


@pytest.mark.django_db
def test_readyz_refuses_traffic_while_migrations_are_pending(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(health, "_unapplied_migrations", lambda conn: ["positions.0099_next"])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == ["positions.0099_next"]


@pytest.mark.django_db
def test_unapplied_migrations_are_listed_from_the_real_migration_graph(monkeypatch):
    assert health._unapplied_migrations(connection) == []
    # Forget one applied migration: it must show up as pending.
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    [(app, latest)] = MigrationLoader(connection).graph.leaf_nodes("positions")
    MigrationRecorder(connection).record_unapplied(app, latest)
    assert health._unapplied_migrations(connection) == [f"{app}.{latest}"]
