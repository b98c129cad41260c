"""Trigram indexes for finding sources by any part of their title, outlet, byline or URL.

The desk looks sources up by substring (``UPPER(title::text) LIKE UPPER('%term%')``): the
source picker on a position, the sources list's search and the positions search. Without
an index every search reads every source, 0.1–0.6 s at a hundred thousand of them.

PostgreSQL only, with its pg_trgm extension (trusted since PostgreSQL 13: the database's
owner may create it). Where it cannot be created the searches still work, reading every
source; the migration says so and goes on.
"""

from django.db import DatabaseError, migrations, transaction

# Source admin's search fields, each indexed as Django's icontains lookup reads it.
COLUMNS = ("title", "outlet", "byline", "url")


def index_name(column: str) -> str:
    return f"source_{column}_trgm_idx"


def create_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError as error:
            print(
                f"\n  pg_trgm could not be created ({error}); sources are searched without "
                "an index. Create it as the database owner (CREATE EXTENSION pg_trgm) and "
                "run `manage.py migrate positions 0013` then `manage.py migrate`."
            )
            return
        for column in COLUMNS:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {index_name(column)} ON positions_source "
                f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for column in COLUMNS:
            cursor.execute(f"DROP INDEX IF EXISTS {index_name(column)}")


class Migration(migrations.Migration):
    dependencies = [
        ("positions", "0013_desk_search_and_count_indexes"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
