import fcntl
import itertools
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

from positions.models import Source

# Property tests: no per-example deadline (the database sets the pace), modest example
# counts so the suite stays fast, and in CI the same examples every run.
hypothesis_settings.register_profile(
    "standpoint",
    deadline=None,
    max_examples=30,
    derandomize=os.environ.get("CI", "").lower() in {"1", "true", "yes"},
)
hypothesis_settings.load_profile("standpoint")

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE_KEY = ("Xinhua", "Russia seeks security guarantees in Ukraine peace deal")


_HELD_DATABASE_LOCKS = []


def _database_file_of_our_own(path: str) -> str:
    """The first of ``path.0``, ``path.1``… no other test process holds: mutants tried side
    by side must not share one SQLite file (a test waiting on another's write lock fails,
    and the mutant would count as detected). Held until the process ends."""
    for number in itertools.count():
        candidate = f"{path}.{number}"
        lock = open(f"{candidate}.lock", "w")  # noqa: SIM115 (held until the process ends)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        _HELD_DATABASE_LOCKS.append(lock)
        return candidate
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """``make mutate`` runs the tests once per mutant: there the SQLite test database is a
    file (STANDPOINT_TEST_SQLITE_FILE), one per mutant tried at a time, migrated once and
    reused with ``--reuse-db``."""
    from django.conf import settings

    path = os.environ.get("STANDPOINT_TEST_SQLITE_FILE")
    database = settings.DATABASES["default"]
    if path and database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = _database_file_of_our_own(path)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgresql`` run only there; elsewhere they are skipped with the reason
    the marker gives (``make test`` runs them again on PostgreSQL when a server answers)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    for item in items:
        if marker := item.get_closest_marker("postgresql"):
            reason = marker.kwargs.get("reason", "needs PostgreSQL")
            item.add_marker(pytest.mark.skip(reason=f"PostgreSQL only: {reason}"))


@pytest.fixture
def seeded(db):
    """The database as ``make run`` leaves it: every seed file loaded."""
    call_command("load_seeds", verbosity=0)


@pytest.fixture
def seed_article(seeded) -> Source:
    outlet, title = SEED_ARTICLE_KEY
    return Source.objects.get(outlet=outlet, title=title)


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    from positions.editorial.roles import EDITOR
    from tests.factories import UserFactory

    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def reviewer(db):
    from django.contrib.auth.models import Group

    from positions.editorial.roles import REVIEWER
    from tests.factories import UserFactory

    user = UserFactory(username="reviewer", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER))
    return user


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def api_rate_limits_out_of_the_way(settings):
    """Tests call the API far faster than any client may; one test lowers the limits.

    Counters live in process memory, so query-count tests see only the queries of the
    page itself, not the cache table's.
    """
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "anon_export": "100000/minute"},
    }
    cache.clear()


@pytest.fixture(autouse=True)
def pages_rendered_every_time(settings):
    """Pages and API reads are built afresh, so each test sees its own queries; the page
    cache and the API cache have their own tests, which turn them back on."""
    settings.STANDPOINT_PAGE_CACHE_SECONDS = 0
    settings.STANDPOINT_API_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Test accounts need no strong hashing, and strong hashing costs a second per user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api():
    """An anonymous API client; tests authenticate it when they need to."""
    from rest_framework.test import APIClient

    return APIClient()
