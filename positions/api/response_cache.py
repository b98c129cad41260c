"""Anonymous API reads answered from the shared cache while the public record is unchanged.

An anonymous list, timeline or comparison is the same for every client that asks for the
same address in the same format while the record is unchanged, which is what its ETag
already says (positions/api/conditional.py). The rendered JSON is kept under that ETag,
with the scheme and host its absolute links were written for and today's date (comparisons
default to today), so a publication, correction or retraction shows at once. Signed-in
users, the browsable API and errors are never cached; throttles still count every request.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

KEY_PREFIX = "standpoint:api:"
CACHED_HEADER = "X-Standpoint-API-Cache"


def _cacheable(request) -> bool:
    return bool(
        settings.STANDPOINT_API_CACHE_SECONDS
        and request.method == "GET"
        and not request.user.is_authenticated
        and getattr(request.accepted_renderer, "format", None) == "json"
    )


def _key(request, validators) -> str:
    parts = (validators.etag, request.scheme, request.get_host(), timezone.localdate())
    fingerprint = "|".join(str(part) for part in parts)
    return KEY_PREFIX + hashlib.sha256(fingerprint.encode()).hexdigest()


def cached_response(request, validators) -> HttpResponse | None:
    """The stored answer to this request, with its validators, or None."""
    if not _cacheable(request):
        return None
    stored = cache.get(_key(request, validators))
    if stored is None:
        return None
    content_type, content = stored
    response = HttpResponse(content, content_type=content_type)
    response[CACHED_HEADER] = "hit"
    return validators.apply(response)


def keep(request, validators, response):
    """Store ``response`` (a DRF Response) once it is rendered, if it may be shared."""
    if not _cacheable(request) or response.status_code != 200:
        return response
    key = _key(request, validators)

    def store(rendered):
        cache.set(
            key,
            (rendered["Content-Type"], rendered.content),
            settings.STANDPOINT_API_CACHE_SECONDS,
        )

    response.add_post_render_callback(store)
    response[CACHED_HEADER] = "miss"
    return response
