"""Addresses of records' pages, reversed once per URL pattern instead of once per record.

``reverse()`` checks its arguments against the pattern's candidates on every call; a page
listing a few hundred records spent more on their addresses than on its queries. One
reversed address stands for all records of a kind: each record's value takes the place
of a marker, once it is known to be a value the pattern accepts. Anything else goes
through ``reverse()``, which refuses it as before.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# What the <int:pk> and <slug:slug> converters accept, and a value that appears nowhere else
# (18 digits: the API's patterns take ids the database can hold).
ACCEPTS = {"pk": re.compile(r"[0-9]+"), "slug": re.compile(r"[-a-zA-Z0-9_]+")}
MARKERS = {"pk": "908172635445362718", "slug": "standpoint-record-marker"}


def where() -> tuple[str, str]:
    """The script prefix and URLconf that ``reverse()`` would use now."""
    return get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF


@lru_cache(maxsize=128)
def around_marker(view_name: str, kwarg: str, prefix: str, urlconf: str) -> tuple[str, str]:
    """The address of ``view_name`` before and after its ``kwarg``, under ``prefix``."""
    path = reverse(view_name, kwargs={kwarg: MARKERS[kwarg]}, urlconf=urlconf)
    # reverse() writes the prefix in force now; the cache entry is for the one asked for.
    path = prefix + path.removeprefix(get_script_prefix())
    head, _, tail = path.partition(MARKERS[kwarg])
    return head, tail


class RecordUrls:
    """Addresses for the records a list shows. The script prefix and URLconf, which cost
    more to look up than the rest of an address, are read once for the whole list."""

    def __init__(self):
        self.where = where()

    def __call__(self, view_name: str, kwarg: str, value) -> str:
        """``reverse(view_name, kwargs={kwarg: value})``, for a ``pk`` or ``slug`` argument."""
        text = str(value)
        if not ACCEPTS[kwarg].fullmatch(text):
            return reverse(view_name, kwargs={kwarg: value})
        # Keyed on what reverse() itself depends on, so a test's other URLconf gets its own.
        head, tail = around_marker(view_name, kwarg, *self.where)
        return f"{head}{text}{tail}"

    def around(self, view_name: str, kwarg: str, origin: str = "") -> tuple[str, str]:
        """``origin`` and the address of ``view_name``, before and after its ``kwarg``."""
        head, tail = around_marker(view_name, kwarg, *self.where)
        return origin + head, tail

    def maker(self, view_name: str, kwarg: str, origin: str = ""):
        """``origin + self(view_name, kwarg, value)`` as a function of ``value``, for lists
        that address many records of one kind by keys and slugs read from the database."""
        head, tail = self.around(view_name, kwarg, origin)
        escape = {ord("{"): "{{", ord("}"): "}}"}
        return (head.translate(escape) + "{}" + tail.translate(escape)).format

    def position(self, pk) -> str:
        return self("position-detail", "pk", pk)

    def party(self, slug) -> str:
        return self("party-detail", "slug", slug)

    def topic(self, slug) -> str:
        return self("topic-detail", "slug", slug)

    def person(self, slug) -> str:
        return self("person-detail", "slug", slug)


def record_url(view_name: str, kwarg: str, value) -> str:
    """``reverse(view_name, kwargs={kwarg: value})``, for a ``pk`` or ``slug`` argument."""
    return RecordUrls()(view_name, kwarg, value)
