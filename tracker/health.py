"""Probes for load balancers and orchestrators.

``/healthz``: the process answers (no database work, so a database outage does not get
every worker killed). ``/readyz``: this instance can serve: the database answers and every
migration this code knows about is applied; 503 otherwise, so traffic goes elsewhere.
"""

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# Once applied, migrations stay applied for this process's code; checked until then.
_migrations_applied = False


def _unapplied_migrations(connection) -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    global _migrations_applied
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrations_applied:
            unapplied = _unapplied_migrations(connection)
            if unapplied:
                return JsonResponse(
                    {
                        "status": "unavailable",
                        "reason": "unapplied migrations",
                        "migrations": unapplied,
                    },
                    status=503,
                )
            _migrations_applied = True
    except DatabaseError as error:
        connection.close_if_unusable_or_obsolete()
        return JsonResponse(
            {
                "status": "unavailable",
                "reason": f"database unreachable: {error.__class__.__name__}",
            },
            status=503,
        )
    return JsonResponse({"status": "ready"})
