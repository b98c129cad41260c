"""Readers' pages rendered once per change of the public record, not once per request."""

from functools import wraps

from positions.reading.cache import PAGES
from positions.reading.stamp import record_stamp

CACHED_HEADER = PAGES.header


def cached_for_readers(view, *, variant=None):
    """Serve ``view``'s successful anonymous GET responses from the shared cache;
    ``variant(request)``, when given, names which of several answers to one address the
    request gets (kept apart in the cache)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not PAGES.serves(request):
            return view(request, *args, **kwargs)
        key = PAGES.key(request, *record_stamp(), *([variant(request)] if variant else []))
        if (hit := PAGES.get(key)) is not None:
            return hit
        return PAGES.keep(key, view(request, *args, **kwargs))

    return wrapper
