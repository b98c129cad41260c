"""Reading query parameters: bad input becomes a friendly 400 page, never a 500.

NUL characters never get this far: ``tracker.input_guard`` refuses them for every request.
"""

from functools import wraps

from django.core.paginator import Paginator
from django.shortcuts import render

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
    """A parameter as text: trimmed and bounded."""
    return request.GET.get(name, "").strip()[:max_length]


def int_param(request, name: str, default: int | None = None) -> int | None:
    value = text_param(request, name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise BadParameter(f"“{name}” must be a whole number.") from None


class Counted:
    """Rows whose number the caller already knows: ``Paginator`` asks ``count()`` of any
    object list that has one, so the rows are never counted in the database."""

    def __init__(self, rows, count: int):
        self.rows, self.known_count = rows, count

    def count(self) -> int:
        return self.known_count

    def __getitem__(self, index):
        return self.rows[index]


def paginate(request, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None):
    """One page of ``queryset``; a page number out of range gives the nearest page.

    ``count``, when the caller already knows it (from the stance cells), saves counting
    every matching row.
    """
    rows = queryset if count is None else Counted(queryset, count)
    return Paginator(rows, per_page).get_page(text_param(request, "page", max_length=10))
