"""The search document a position stores: its quote and summary, parsed for full-text search
(English stemming) on PostgreSQL, their plain text elsewhere."""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import F, Func, Value
from django.db.models.functions import Coalesce

SEARCH_CONFIG = "english"
SEARCH_FIELDS = ("quote", "summary")


class SearchDocument(Func):
    """``SEARCH_FIELDS`` joined by a space; on PostgreSQL, parsed into a ``tsvector``."""

    arg_joiner = " || ' ' || "
    template = "(%(expressions)s)"
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(*(Coalesce(F(name), Value("")) for name in SEARCH_FIELDS))

    def as_postgresql(self, compiler, connection, **extra_context):
        # The expression migration 0007 stored the column with, word for word.
        template = f"to_tsvector('{SEARCH_CONFIG}'::regconfig, %(expressions)s)"
        return self.as_sql(compiler, connection, template=template, **extra_context)
