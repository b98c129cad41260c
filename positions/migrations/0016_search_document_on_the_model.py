"""The search document declared on the model: the column and index migration 0007 made on
PostgreSQL, now known to Django. Other databases get the column here, as plain text and
without the index (GIN is PostgreSQL's)."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

import positions.postgres
import positions.postgres.document


def search_document():
    return models.GeneratedField(
        db_persist=True,
        expression=positions.postgres.document.SearchDocument(),
        output_field=django.contrib.postgres.search.SearchVectorField(),
    )


class ElsewhereThanPostgreSQL(migrations.AddField):
    """Adds the field on databases other than PostgreSQL, where migration 0007 has not."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if not positions.postgres.in_use(schema_editor.connection.alias):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if not positions.postgres.in_use(schema_editor.connection.alias):
            # A later migration that rebuilds the table here (SQLite) makes the index from
            # the model's state; it must go before its column can.
            schema_editor.execute("DROP INDEX IF EXISTS position_document_idx")
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("positions", "0015_source_outlet_and_language_indexes")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                ElsewhereThanPostgreSQL(
                    model_name="position", name="search_document", field=search_document()
                ),
            ],
            state_operations=[
                migrations.AddField(
                    model_name="position", name="search_document", field=search_document()
                ),
                migrations.AddIndex(
                    model_name="position",
                    index=django.contrib.postgres.indexes.GinIndex(
                        fields=["search_document"], name="position_document_idx"
                    ),
                ),
            ],
        ),
    ]
