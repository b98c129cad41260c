"""Production mode, as `make serve` runs it: checked in a separate process with its own env."""

import json
import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

# Runs inside the production-mode process: requests through the whole middleware stack.
PROBE = r"""
import json, django
django.setup()
from django.test import Client
from django.templatetags.static import static

client = Client()
https = {"HTTP_X_FORWARDED_PROTO": "https"}
out = {}
plain = client.get("/")
out["plain_status"] = plain.status_code
out["plain_location"] = plain.get("Location", "")
out["healthz_plain_status"] = client.get("/healthz").status_code
secure = client.get("/healthz", **https)
out["headers"] = dict(secure.headers)
login = client.get("/desk/login/", **https)
out["login_status"] = login.status_code
out["csrf_cookie_secure"] = bool(login.cookies["csrftoken"]["secure"])
out["old_admin_status"] = client.get("/admin/login/", **https).status_code
css = static("admin/css/base.css")
out["css_url"] = css
served = client.get(css, HTTP_ACCEPT_ENCODING="gzip", **https)
out["css_status"] = served.status_code
out["css_headers"] = dict(served.headers)
print("PROBE" + json.dumps(out))
"""


def production_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="testserver,example.org",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_ADMIN_URL="desk/",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="tracker.settings",
    )
    env.update(extra)
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )


def test_deploy_check_passes_with_production_settings(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_env(tmp_path)
    collected = run(["manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    assert collected.returncode == 0, collected.stderr
    result = run(["-c", PROBE], env)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("PROBE"))
    return json.loads(line.removeprefix("PROBE"))


def test_plain_http_is_redirected_to_https(probe):
    assert probe["plain_status"] == 301
    assert probe["plain_location"].startswith("https://")


def test_health_probe_answers_over_plain_http_for_load_balancers(probe):
    assert probe["healthz_plain_status"] == 200


def test_https_responses_carry_the_security_headers(probe):
    headers = probe["headers"]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_cookies_are_secure_and_the_admin_lives_at_the_configured_url(probe):
    assert probe["login_status"] == 200
    assert probe["csrf_cookie_secure"] is True
    assert probe["old_admin_status"] == 404


def test_static_files_are_hashed_compressed_and_cached_for_ever(probe):
    assert probe["css_url"] != "/static/admin/css/base.css"
    assert probe["css_url"].startswith("/static/admin/css/base.")
    assert probe["css_status"] == 200
    assert probe["css_headers"]["Content-Encoding"] == "gzip"
    assert "immutable" in probe["css_headers"]["Cache-Control"]


def test_redis_backs_the_cache_when_redis_url_is_set(tmp_path):
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    script = (
        "import django; django.setup()\n"
        "from django.core.cache import caches; cache = caches['default']\n"
        "print(type(cache).__name__)\n"
        "cache.set('standpoint-probe', 42, 10); print(cache.get('standpoint-probe'))\n"
    )
    result = run(["-c", script], production_env(tmp_path, REDIS_URL=url))
    if "ConnectionError" in result.stderr:
        pytest.skip(f"no Redis at {url}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["FailOpenRedisCache", "42"]


def test_an_unreachable_redis_makes_the_cache_miss_instead_of_failing(tmp_path):
    script = (
        "import time, django; django.setup()\n"
        "from django.core.cache import caches; cache = caches['default']\n"
        "start = time.monotonic()\n"
        "cache.set('k', 1, 10); print(cache.get('k', 'missed'), cache.add('k', 2))\n"
        "print(round(time.monotonic() - start, 1))\n"
    )
    result = run(["-c", script], production_env(tmp_path, REDIS_URL="redis://127.0.0.1:1/0"))
    assert result.returncode == 0, result.stderr
    outcome, seconds = result.stdout.splitlines()
    assert outcome == "missed False"
    assert float(seconds) < 5
    # The first failure opens the circuit breaker: the calls after it skip Redis.
    assert result.stderr.count("Cache unavailable") == 1
    assert "Cache unavailable, set skipped" in result.stderr


def test_without_redis_the_cache_is_a_database_table(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from django.core.cache import caches\n"
        "print(type(caches['default']).__name__)"
    )
    result = run(["-c", script], production_env(tmp_path))
    assert result.stdout.strip() == "DatabaseCache"


def test_postgresql_connections_time_out_quickly(tmp_path):
    script = (
        "from django.conf import settings; import django; django.setup()\n"
        "db = settings.DATABASES['default']\n"
        "print(db['OPTIONS']['connect_timeout'], db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'])"
    )
    env = production_env(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:1/none")
    result = run(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["5", "60", "True"]
