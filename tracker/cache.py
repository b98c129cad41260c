"""A Redis cache that fails open: while Redis is down, pages get slower, not unavailable.

Everything Standpoint caches can be recomputed, and the API's throttles would rather
let requests through for a minute than refuse them all. Each failure is logged.
"""

import logging

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


def log_unavailable(operation: str, error: Exception) -> None:
    logger.warning("Cache unavailable, %s skipped: %s", operation, error)


class FailOpenRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # One client per connection pool: building a redis.Redis (its table of reply
        # handlers) on every call, as Django does, costs more than the round trip.
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]

    def get(self, key, default):
        try:
            return super().get(key, default)
        except REDIS_ERRORS as error:
            log_unavailable("get", error)
            return default

    def get_many(self, keys):
        try:
            return super().get_many(keys)
        except REDIS_ERRORS as error:
            log_unavailable("get_many", error)
            return {}

    def has_key(self, key):
        try:
            return super().has_key(key)
        except REDIS_ERRORS as error:
            log_unavailable("has_key", error)
            return False

    def add(self, key, value, timeout):
        try:
            return super().add(key, value, timeout)
        except REDIS_ERRORS as error:
            log_unavailable("add", error)
            return False

    def set(self, key, value, timeout):
        try:
            return super().set(key, value, timeout)
        except REDIS_ERRORS as error:
            log_unavailable("set", error)

    def set_many(self, data, timeout):
        try:
            return super().set_many(data, timeout)
        except REDIS_ERRORS as error:
            log_unavailable("set_many", error)

    def touch(self, key, timeout):
        try:
            return super().touch(key, timeout)
        except REDIS_ERRORS as error:
            log_unavailable("touch", error)
            return False

    def delete(self, key):
        try:
            return super().delete(key)
        except REDIS_ERRORS as error:
            log_unavailable("delete", error)
            return False

    def delete_many(self, keys):
        try:
            return super().delete_many(keys)
        except REDIS_ERRORS as error:
            log_unavailable("delete_many", error)


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailOpenRedisCacheClient
