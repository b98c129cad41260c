"""Anonymous answers kept in the shared cache while the public record is unchanged.

Every anonymous reader gets the same answer at the same address while the record is
unchanged, so a rendered page or API response is kept (in Redis in production) under a key
that holds what the answer depends on: the record's stamp (``positions.reading.stamp``) or
an ETag built from it, the scheme and host its absolute links were written for, and today's
date (pages and comparisons "as of today" roll over at midnight). A publication, correction
or retraction therefore shows at once. Signed-in users and errors are never cached.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone


@dataclass(frozen=True)
class AnswerCache:
    """One family of cached answers: its keys' prefix, the header that says whether an
    answer came from the cache, and the setting giving how long answers are kept (0: off)."""

    prefix: str
    header: str
    setting: str

    def serves(self, request) -> bool:
        """Whether this request's answer may be shared at all."""
        return bool(
            getattr(settings, self.setting)
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
        )

    def key(self, request, *parts) -> str:
        """The key of this request's answer, given what the answer depends on."""
        where = (request.scheme, request.get_host(), request.get_full_path())
        fingerprint = "|".join(str(part) for part in (*where, *parts, timezone.localdate()))
        return self.prefix + hashlib.sha256(fingerprint.encode()).hexdigest()

    def get(self, key: str) -> HttpResponse | None:
        stored = cache.get(key)
        if stored is None:
            return None
        content_type, content = stored
        response = HttpResponse(content, content_type=content_type)
        response[self.header] = "hit"
        return response

    def keep(self, key: str, response):
        """Store ``response`` under ``key`` once it is rendered, if it may be shared: only
        complete, successful answers that set no cookie, so nothing personal is shared."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return response

        def store(rendered):
            content = (rendered["Content-Type"], rendered.content)
            cache.set(key, content, getattr(settings, self.setting))

        if getattr(response, "is_rendered", True):
            store(response)
        else:
            response.add_post_render_callback(store)
        response[self.header] = "miss"
        return response


PAGES = AnswerCache("standpoint:page:", "X-Standpoint-Page-Cache", "STANDPOINT_PAGE_CACHE_SECONDS")
API = AnswerCache("standpoint:api:", "X-Standpoint-API-Cache", "STANDPOINT_API_CACHE_SECONDS")
