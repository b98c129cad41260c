"""PostgreSQL-only SQL, one module per feature, each behind one function that gives other
databases the plain ORM answer. Nothing outside this package asks which database it runs on."""

from django.db import connections


def in_use(using: str) -> bool:
    """Whether the database alias ``using`` is PostgreSQL."""
    return connections[using].vendor == "postgresql"
