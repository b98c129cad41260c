"""A Redis cache that fails open: while Redis is down, pages get slower, not unavailable.

Everything Standpoint caches can be recomputed, and the API's throttles would rather
let requests through for a minute than refuse them all. Each failure is logged.
"""

import functools
import logging

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


def log_unavailable(operation: str, error: Exception) -> None:
    logger.warning("Cache unavailable, %s skipped: %s", operation, error)


def _fails_open(answer_while_down=None):
    """Run the cache operation, or log and answer ``answer_while_down`` if Redis is down."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except REDIS_ERRORS as error:
                log_unavailable(method.__name__, error)
                return answer_while_down

        return wrapper

    return decorate


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
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
        try:
            return super().get(key, default, version)
        except REDIS_ERRORS as error:
            log_unavailable("get", error)
            return default

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
