import os
import subprocess
import sys

from tests.conftest import REPO_ROOT


def import_settings(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import tracker.settings as s; print(s.DEBUG, s.DATABASES)"],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_settings_refuse_to_start_with_debug_off_and_no_secret_key():
    result = import_settings(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_settings_start_with_debug_off_and_a_secret_key():
    result = import_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False")


def test_local_use_needs_no_variables_and_uses_sqlite_in_the_repository():
    result = import_settings(DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert str(REPO_ROOT / "db.sqlite3") in result.stdout
