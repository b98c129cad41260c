"""A Redis cache that fails open: while Redis is down, pages get slower, not unavailable.

Everything Standpoint caches can be recomputed, and the API's throttles would rather
let requests through for a minute than refuse them all. Each failure is logged.

A Redis that accepts connections but never answers costs a socket timeout per call; a
circuit breaker makes it cost one per worker process per ``STANDPOINT_CACHE_RETRY_SECONDS``:
after a failure, the process skips Redis until then, and the next call tries again.
"""

import functools
import logging
import time

import redis
from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class CircuitBreaker:
    """Whether this process should ask Redis now: not until ``retry_at`` after a failure."""

    def __init__(self):
        self.retry_at = 0.0

    def allows(self) -> bool:
        return time.monotonic() >= self.retry_at

    def trip(self) -> None:
        self.retry_at = time.monotonic() + settings.STANDPOINT_CACHE_RETRY_SECONDS

    def reset(self) -> None:
        self.retry_at = 0.0


# One per process: every cache client of a worker shares what its last failure taught.
BREAKER = CircuitBreaker()


def log_unavailable(operation: str, error: Exception) -> None:
    logger.warning("Cache unavailable, %s skipped: %s", operation, error)


def guarded(operation: str, call, answer_while_down=None):
    """``call()``, unless the breaker is open or Redis fails: then ``answer_while_down``."""
    if not BREAKER.allows():
        return answer_while_down
    try:
        return call()
    except REDIS_ERRORS as error:
        BREAKER.trip()
        log_unavailable(operation, error)
        return answer_while_down


def _fails_open(answer_while_down=None):
    """Run the cache operation, or answer ``answer_while_down`` while Redis is down."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            call = functools.partial(method, self, *args, **kwargs)
            return guarded(method.__name__, call, answer_while_down)

        return wrapper

    return decorate


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        # redis-py retries a failed command ten times with backoff by default: against a
        # Redis that never answers, one call would wait many timeouts. One try, then the
        # breaker.
        options = {"retry": Retry(NoBackoff(), 0), **params.get("OPTIONS", {})}
        params = {**params, "OPTIONS": options}
        super().__init__(server, params)
        # Kept to open a client of one's own (``redis_client``), for what the cache API
        # does not offer, such as the throttles' scripts.
        self.first_server = server.split(",")[0] if isinstance(server, str) else server[0]
        self.redis_options = dict(params.get("OPTIONS", {}))

    @functools.cached_property
    def redis_client(self) -> redis.Redis:
        """A client of the first server, with the cache's connection options."""
        return redis.Redis.from_url(self.first_server, **self.redis_options)

    def get(self, key, default=None, version=None):
        read = functools.partial(RedisCache.get, self, key, default, version)
        return guarded("get", read, default)

    @_fails_open({})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_fails_open(False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_fails_open(False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_fails_open()
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_fails_open([])
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_fails_open(False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_fails_open(False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_fails_open()
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)
