"""Conditional GET: ETag and Last-Modified from cheap aggregates, never from the body.

A response's validators combine the aggregate of the rows it shows (latest ``updated_at``
and count, so an edit, an insertion or a removal changes them) with the latest change
anywhere in the public record (a renamed party changes every position that embeds it;
a retraction changes its neighbours' shift).

An anonymous JSON answer is the same for every client while its ETag holds, so it is kept in
the shared cache under that ETag (``positions.reading.cache``); the browsable API is not.
"""

import hashlib
import time
from calendar import timegm

from django.db.models import Count, Max
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

from positions.reading.cache import API
from positions.reading.stamp import record_stamp

VARY = "Accept, Authorization, Cookie"


class Validators:
    """An ETag and Last-Modified pair for one response."""

    def __init__(self, request, *parts, last_modified=None, etag_prefix: str = ""):
        scope = f"user:{request.user.pk}" if request.user.is_authenticated else "anonymous"
        renderer = getattr(request, "accepted_renderer", None)
        fingerprint = "|".join(
            str(part)
            for part in (request.get_full_path(), scope, getattr(renderer, "format", ""), *parts)
        )
        digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
        self.etag = f'"{etag_prefix}{digest}"'
        self.last_modified = last_modified

    def not_modified(self, request):
        """A 304 (or 412) response when the client's copy is current, else None."""
        timestamp = timegm(self.last_modified.utctimetuple()) if self.last_modified else None
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        if since is not None and since > time.time():
            # A date in the future is the client's clock, not a copy it holds (RFC 9110
            # 13.1.3): answered in full, as if it had not been sent.
            timestamp = None
        response = get_conditional_response(
            request, etag=self.etag, last_modified=timestamp, response=None
        )
        if response is not None:
            self.apply(response)
        return response

    def apply(self, response):
        response["ETag"] = self.etag
        if self.last_modified:
            response["Last-Modified"] = http_date(timegm(self.last_modified.utctimetuple()))
        response["Vary"] = VARY
        return response


def queryset_validators(request, queryset, *, etag_prefix_from_version=False) -> Validators:
    """Validators for a list or detail: its rows' latest change and count, plus the record's."""
    if request.user.is_authenticated or etag_prefix_from_version:
        aggregates = {"latest": Max("updated_at"), "count": Count("pk")}
        if etag_prefix_from_version:
            aggregates["version"] = Max("version")
        summary = queryset.order_by().aggregate(**aggregates)
    else:
        # Anonymous clients see public rows only, and every public row that enters, leaves
        # or changes moves the record's stamp: counting a million rows would add nothing.
        summary = {"latest": None, "count": None}
    stamp, links = record_stamp()
    latest = max((d for d in (summary["latest"], stamp) if d is not None), default=None)
    prefix = f"{summary['version']}-" if etag_prefix_from_version and summary["version"] else ""
    return Validators(
        request,
        summary["latest"],
        summary["count"],
        stamp,
        links,
        last_modified=latest,
        etag_prefix=prefix,
    )


def record_validators(request) -> Validators:
    """Validators for derived reads (timeline, compare) that depend on the whole record."""
    stamp, links = record_stamp()
    return Validators(request, stamp, links, last_modified=stamp)


def _cache_key(request, validators: Validators) -> str | None:
    if not API.serves(request) or getattr(request.accepted_renderer, "format", None) != "json":
        return None
    return API.key(request, validators.etag)


def answer(request, validators: Validators, build):
    """A 304 when the client's copy is current, else the cached answer, else ``build()``'s
    response (a DRF Response), kept for the next client if it may be shared."""
    if (not_modified := validators.not_modified(request)) is not None:
        return not_modified
    key = _cache_key(request, validators)
    if key is not None and (hit := API.get(key)) is not None:
        return validators.apply(hit)
    response = validators.apply(build())
    return response if key is None else API.keep(key, response)
