"""Readers' pages rendered once per change of the public record, not once per request.

Every anonymous reader sees the same page at the same address, so a rendered page is kept
in the shared cache (Redis in production) under a key that holds the record's stamp — the
latest change to any public row, as the API's ETags use — and today's date. A publication,
correction or retraction therefore shows at once, and pages "as of today" roll over at
midnight. Signed-in editors always get a freshly rendered page.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from positions.api.conditional import record_stamp

KEY_PREFIX = "standpoint:page:"
CACHED_HEADER = "X-Standpoint-Page-Cache"


def _key(request) -> str:
    stamp, links = record_stamp()
    parts = (request.get_full_path(), stamp, links, timezone.localdate())
    fingerprint = "|".join(str(part) for part in parts)
    return KEY_PREFIX + hashlib.sha256(fingerprint.encode()).hexdigest()


def cached_for_readers(view):
    """Serve ``view``'s successful anonymous GET responses from the shared cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.STANDPOINT_PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content_type, content = stored
            response = HttpResponse(content, content_type=content_type)
            response[CACHED_HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        # Only complete, successful pages that set no cookie: nothing personal is shared.
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response["Content-Type"], response.content), seconds)
            response[CACHED_HEADER] = "miss"
        return response

    return wrapper
