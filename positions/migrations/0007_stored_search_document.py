"""A stored search document for positions on PostgreSQL; nothing to do on other databases.

Migration 0003 indexed an expression, so every row a search looked at outside that index
(walking the newest statements, ranking the candidates) parsed its text again, at tens of
microseconds a row. A generated column keeps the parsed words with the row, and its GIN
index replaces the expression's. Adding the column rewrites the table once (minutes per
million positions), holding its lock meanwhile: run it outside busy hours.
"""

from django.db import migrations

COLUMN = "search_document"
INDEX_NAME = "position_document_idx"
OLD_INDEX_NAME = "position_search_idx"
# The same document as migration 0003's index: quote and summary, English stemming.
DOCUMENT = "to_tsvector('english'::regconfig, COALESCE(quote, '') || ' ' || COALESCE(summary, ''))"

FORWARD = [
    # First, so that rewriting the table does not parse every row twice to rebuild it.
    f"DROP INDEX IF EXISTS {OLD_INDEX_NAME}",
    f"ALTER TABLE positions_position ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
    f"GENERATED ALWAYS AS ({DOCUMENT}) STORED",
    f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON positions_position USING GIN ({COLUMN})",
]
BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS {OLD_INDEX_NAME} ON positions_position USING GIN ({DOCUMENT})",
    f"DROP INDEX IF EXISTS {INDEX_NAME}",
    f"ALTER TABLE positions_position DROP COLUMN IF EXISTS {COLUMN}",
]


def _execute(schema_editor, statements):
    if schema_editor.connection.vendor == "postgresql":
        for statement in statements:
            schema_editor.execute(statement)


def store_document(apps, schema_editor):
    _execute(schema_editor, FORWARD)


def drop_document(apps, schema_editor):
    _execute(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("positions", "0006_quotes_of_bounded_length")]

    operations = [migrations.RunPython(store_document, drop_document, elidable=False)]
