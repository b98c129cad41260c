"""Rate limits for anonymous clients, counted in the default cache.

Rates are read from settings on every request (not once at import), so that they follow
the environment and tests can change them.

With Redis, one script call per request checks and records the request: the same sliding
window as DRF's (the timestamps of the last ``duration`` seconds), kept as a sorted set in
Redis instead of a pickled list read and written back, which costs two round trips and
lets two workers overwrite each other's count.
"""

import math
import secrets

from django.core.cache import caches
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from tracker.cache import FailOpenRedisCache, guarded
from tracker.login_protection import client_ip

# Drop timestamps older than the window; record this request if the window has room.
# Returns nothing when the request may go ahead, else the oldest timestamp still counted.
SLIDING_WINDOW = """
local now, duration, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - duration)
if redis.call('ZCARD', KEYS[1]) < limit then
    redis.call('ZADD', KEYS[1], now, ARGV[4])
    redis.call('EXPIRE', KEYS[1], math.ceil(duration))
    return false
end
return redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]
"""


RATE_LIMIT_META = "standpoint.rate_limit"


class AnonymousRateThrottle(AnonRateThrottle):
    scope = "anon"
    _script = None

    @property
    def THROTTLE_RATES(self):  # noqa: N802 - the name DRF looks up
        return api_settings.DEFAULT_THROTTLE_RATES

    @property
    def cache(self):
        return caches["default"]

    def get_ident(self, request):
        # The client as the login lockout sees it: forwarded headers only from trusted proxies.
        return client_ip(request)

    def allow_request(self, request, view):
        allowed = self._allow_request(request, view)
        if self.rate is not None and getattr(self, "key", None) is not None:
            # Read by RateLimitHeadersMiddleware; META is the request's own, shared with DRF.
            request.META[RATE_LIMIT_META] = self.rate_limit_headers(allowed)
        return allowed

    def rate_limit_headers(self, allowed: bool) -> dict[str, str]:
        """``RateLimit-Policy`` and ``RateLimit`` (draft-ietf-httpapi-ratelimit-headers):
        the quota and window, and what is left of it and when it frees up."""
        window = int(self.duration)
        headers = {"RateLimit-Policy": f'"{self.scope}";q={self.num_requests};w={window}'}
        history = getattr(self, "history", None) or []
        if not allowed:
            remaining = 0
        elif isinstance(self.cache, FailOpenRedisCache):
            return headers  # the Redis window answers only whether there is room
        else:
            remaining = max(0, self.num_requests - len(history))
        reset = math.ceil(self.duration - (self.now - history[-1])) if history else window
        headers["RateLimit"] = f'"{self.scope}";r={remaining};t={max(0, reset)}'
        return headers

    def _allow_request(self, request, view):
        if not isinstance(self.cache, FailOpenRedisCache):
            return super().allow_request(request, view)
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        # Not the key DRF's list lives under: a worker still running the old code would
        # find a sorted set where it expects a string.
        key = self.cache.make_and_validate_key(f"{self.key}:window")
        client = self.cache.redis_client
        if AnonymousRateThrottle._script is None:
            AnonymousRateThrottle._script = client.register_script(SLIDING_WINDOW)
        member = f"{self.now}:{secrets.token_hex(4)}"
        # As the cache does: while Redis is down, requests go through uncounted (None).
        oldest = guarded(
            "throttle",
            lambda: self._script(
                keys=[key], args=[self.now, self.duration, self.num_requests, member], client=client
            ),
        )
        self.history = [] if oldest is None else [float(oldest)]
        return oldest is None

    def wait(self):
        if not isinstance(self.cache, FailOpenRedisCache):
            return super().wait()
        return self.duration - (self.now - self.history[-1])


class AnonymousExportThrottle(AnonymousRateThrottle):
    """Exports return the whole record, so they get their own, lower budget."""

    scope = "anon_export"


class RateLimitHeadersMiddleware:
    """Adds the rate-limit headers the throttles worked out to the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in request.META.get(RATE_LIMIT_META, {}).items():
            response[name] = value
        return response
