"""Rate limits counted in Redis, as the deployment guide recommends: one count for all workers."""

import os
import uuid

import pytest
from django.core.cache import caches

from tracker.cache import REDIS_ERRORS

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_cache(settings, url: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "tracker.cache.FailOpenRedisCache",
            "LOCATION": url,
            # Each test counts under its own keys, whoever else uses this Redis database.
            "KEY_PREFIX": uuid.uuid4().hex,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }


def rates(settings, anon: str, export: str) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": anon, "anon_export": export},
    }


@pytest.fixture
def redis(settings):
    redis_cache(settings, REDIS_URL)
    try:
        caches["default"].redis_client.ping()
    except REDIS_ERRORS:
        pytest.skip(f"no Redis at {REDIS_URL}")


def test_anonymous_clients_are_rate_limited_in_redis_with_retry_after(client, settings, redis):
    rates(settings, anon="3/minute", export="1/minute")
    statuses = [client.get("/api/v1/parties/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/parties/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert client.get("/api/v1/positions/export.csv").status_code == 200
    assert client.get("/api/v1/positions/export.csv").status_code == 429


def test_each_client_address_has_its_own_budget_in_redis(client, settings, redis):
    rates(settings, anon="1/minute", export="1/minute")
    assert client.get("/api/v1/parties/", REMOTE_ADDR="192.0.2.1").status_code == 200
    assert client.get("/api/v1/parties/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/parties/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_requests_go_through_while_redis_is_unreachable(client, settings, caplog):
    redis_cache(settings, "redis://127.0.0.1:1/0")
    rates(settings, anon="1/minute", export="1/minute")
    statuses = [client.get("/api/v1/parties/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    assert "Cache unavailable, throttle skipped" in caplog.text
