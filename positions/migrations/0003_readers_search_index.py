"""Full-text search index for positions on PostgreSQL; nothing to do on other databases."""

from django.db import migrations

INDEX_NAME = "position_search_idx"
# Must stay the expression positions.reading.search builds (SearchVector of quote and summary).
CREATE_SQL = (
    f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON positions_position USING GIN ("
    "to_tsvector('english'::regconfig, "
    "COALESCE(quote, '') || ' ' || COALESCE(summary, '')))"
)
DROP_SQL = f"DROP INDEX IF EXISTS {INDEX_NAME}"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("positions", "0002_add_workflow_permissions")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
