"""On PostgreSQL timestamps are read by psycopg's compiled loader, with the same values."""

import datetime

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import BaseTzLoader
from django.utils import timezone

from positions.models import Position
from positions.models.choices import Status
from tests.factories import PositionFactory

pytestmark = pytest.mark.postgresql(reason="the timestamp loader is PostgreSQL's")

MOMENTS = [
    datetime.datetime(2025, 3, 17, 9, 30, tzinfo=datetime.UTC),
    datetime.datetime(2025, 3, 17, 9, 30, 0, 123456, tzinfo=datetime.UTC),
    datetime.datetime(1969, 12, 31, 23, 59, 59, tzinfo=datetime.UTC),
]


def test_page_cursors_read_timestamps_with_psycopgs_own_loader(db):
    with connection.cursor() as cursor:
        loader = cursor.cursor.adapters.get_loader(
            cursor.cursor.adapters.types["timestamptz"].oid, 0
        )
    assert not issubclass(loader, BaseTzLoader)
    assert loader.__module__.startswith(("psycopg_binary", "psycopg_c"))


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_timestamps_read_back_as_written_in_utc(db, moment):
    position = PositionFactory(status=Status.PUBLISHED)
    Position.objects.filter(pk=position.pk).update(published_at=moment)
    read = Position.objects.values_list("published_at", flat=True).get(pk=position.pk)
    assert read == moment
    assert read.tzinfo is datetime.UTC


def test_timestamps_read_in_another_current_time_zone_stay_in_utc(db):
    position = PositionFactory(status=Status.PUBLISHED)
    with timezone.override("Europe/Kyiv"):
        read = Position.objects.values_list("created_at", flat=True).get(pk=position.pk)
    assert read.tzinfo is datetime.UTC


def test_server_side_cursors_read_the_same_timestamps(db):
    PositionFactory.create_batch(3, status=Status.PUBLISHED)
    listed = list(Position.objects.order_by("pk").values_list("created_at", flat=True))
    # iterator() reads through a named, server-side cursor on PostgreSQL.
    streamed = list(
        Position.objects.order_by("pk").values_list("created_at", flat=True).iterator(chunk_size=2)
    )
    assert streamed == listed
    assert {value.tzinfo for value in streamed} == {datetime.UTC}
