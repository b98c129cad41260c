"""A Redis that accepts connections and never answers costs each worker one timeout per
retry interval, not one per cache call: the circuit breaker in ``tracker.cache``."""

import socket
import threading
import time
import uuid

import pytest
from django.core.cache import caches

from tracker.cache import BREAKER

pytestmark = pytest.mark.django_db

TIMEOUT = 1.0


@pytest.fixture
def black_hole():
    """A TCP listener that accepts every connection and never sends a byte."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


@pytest.fixture
def hung_redis(settings, black_hole):
    settings.CACHES = {
        "default": {
            "BACKEND": "tracker.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{black_hole}/0",
            "KEY_PREFIX": uuid.uuid4().hex,
            "OPTIONS": {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT},
        }
    }
    settings.STANDPOINT_CACHE_RETRY_SECONDS = 2
    settings.STANDPOINT_PAGE_CACHE_SECONDS = 300
    settings.STANDPOINT_API_CACHE_SECONDS = 300
    BREAKER.reset()
    yield caches["default"]
    BREAKER.reset()


def timed(call) -> float:
    started = time.monotonic()
    call()
    return time.monotonic() - started


def test_a_hung_redis_costs_one_timeout_then_calls_skip_it(hung_redis):
    first = timed(lambda: hung_redis.get("key"))
    assert TIMEOUT * 0.8 <= first < TIMEOUT * 3
    rest = timed(lambda: [hung_redis.get("key") or hung_redis.set("key", 1) for _ in range(50)])
    assert rest < 0.1
    assert hung_redis.get("key", "fallback") == "fallback"


def test_the_throttles_client_tries_once_too(hung_redis):
    from redis.exceptions import TimeoutError as RedisTimeout

    started = time.monotonic()
    with pytest.raises(RedisTimeout):
        hung_redis.redis_client.get("key")
    assert time.monotonic() - started < TIMEOUT * 2


def test_after_the_interval_the_next_call_tries_redis_again(hung_redis, settings):
    settings.STANDPOINT_CACHE_RETRY_SECONDS = 0.3
    hung_redis.get("key")
    time.sleep(0.35)
    assert timed(lambda: hung_redis.get("key")) >= TIMEOUT * 0.8


def test_pages_and_the_api_are_served_uncached_while_redis_hangs(client, hung_redis):
    from tests.factories import PositionFactory

    PositionFactory(status="published")
    took = [timed(lambda: client.get("/")) for _ in range(2)]
    took += [timed(lambda: client.get("/api/v1/positions/")) for _ in range(5)]
    responses = [client.get("/"), client.get("/api/v1/positions/")]
    assert [r.status_code for r in responses] == [200, 200]
    # The first request waits out one timeout; every later one skips Redis.
    assert took[0] >= TIMEOUT * 0.8
    assert sum(took[1:]) < TIMEOUT
