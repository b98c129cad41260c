"""Reading query parameters: bad input becomes a friendly 400 page, never a 500."""

import datetime
import re
from functools import wraps

from django.core.paginator import Paginator
from django.shortcuts import render

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PAGE_SIZE = 50


class BadParameter(ValueError):
    """A query parameter the page cannot use; the message is shown to the reader."""


def friendly_bad_request(view):
    """Render ``400.html`` with the message of any ``BadParameter`` the view raises."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameter as error:
            return render(request, "400.html", {"message": str(error)}, status=400)

    return wrapper


def text_param(request, name: str, max_length: int = 200) -> str:
    """A parameter as text: trimmed, bounded, and without NUL characters (which
    PostgreSQL refuses in any string)."""
    return request.GET.get(name, "").replace("\x00", "").strip()[:max_length]


def date_param(request, name: str, default: datetime.date | None = None) -> datetime.date | None:
    value = text_param(request, name)
    if not value:
        return default
    if not ISO_DATE.match(value):
        raise BadParameter(f"“{name}” must be a date written YYYY-MM-DD, e.g. 2025-03-16.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"“{name}” is not a real date: {value}.") from None


def slugs_param(request, name: str) -> list[str]:
    """Slugs given as ``?name=a,b`` or ``?name=a&name=b``."""
    return [
        slug.strip()
        for value in request.GET.getlist(name)[:100]
        for slug in value.replace("\x00", "").split(",")
        if slug.strip()
    ]


def int_param(request, name: str, default: int | None = None) -> int | None:
    value = text_param(request, name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise BadParameter(f"“{name}” must be a whole number.") from None


class CountedPaginator(Paginator):
    """A paginator told how many rows there are, so it never counts them in the database."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.count = count  # replaces Paginator's counting cached_property


def paginate(request, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None):
    """One page of ``queryset``; a page number out of range gives the nearest page.

    ``count``, when the caller already knows it (from the stance cells), saves counting
    every matching row.
    """
    if count is None:
        paginator = Paginator(queryset, per_page)
    else:
        paginator = CountedPaginator(queryset, per_page, count=count)
    return paginator.get_page(text_param(request, "page", max_length=10))
