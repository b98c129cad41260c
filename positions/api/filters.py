"""Strict query strings: an unknown parameter or a repeated single-valued one is a 400.

The same rules as the pages (``positions.reading.requests``) for every endpoint: an empty
value is as if the parameter were left out, and a parameter that takes several values
takes them repeated, comma-separated, or both.
"""

from django.http import QueryDict
from django_filters import MultipleChoiceFilter
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

# DRF's browsable API and format override use this one everywhere.
ALWAYS_ALLOWED = frozenset({"format"})


def check_query_params(request, allowed, repeatable=()) -> None:
    """Refuse parameters the endpoint does not know, naming each one."""
    errors = {}
    for name in request.query_params:
        # NUL characters never get here: tracker.input_guard refuses them for every request.
        if name not in allowed and name not in ALWAYS_ALLOWED:
            known = ", ".join(sorted(allowed)) or "none"
            errors[name] = [f"Unknown query parameter. Known parameters: {known}."]
        elif name not in repeatable and len(given(request.query_params, name)) > 1:
            errors[name] = ["Give this parameter only once."]
    if errors:
        raise ValidationError(errors)


def given(params, name: str) -> list[str]:
    """The values of ``name`` that say something: empty ones are as if left out."""
    return [value for value in params.getlist(name) if value.strip()]


def normalised(params, repeatable) -> QueryDict:
    """``params`` without empty values, and with several values given comma-separated
    split, for the parameters that take several."""
    data = QueryDict(mutable=True)
    for name in params:
        values = given(params, name)
        if name in repeatable:
            values = [part.strip() for value in values for part in value.split(",")]
            values = [part for part in values if part]
        if values:
            data.setlist(name, values)
    return data


def filterset_params(filterset_class) -> tuple[set[str], set[str]]:
    """The parameters a filterset understands, and those that may repeat."""
    if filterset_class is None:
        return set(), set()
    filters = filterset_class.base_filters
    repeatable = {name for name, f in filters.items() if isinstance(f, MultipleChoiceFilter)}
    return set(filters), repeatable


def pagination_params(view) -> set[str]:
    paginator = getattr(view, "paginator", None)
    return set(getattr(paginator, "query_params", ()))


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, plus a 400 for anything in the query string no filter understands."""

    def filter_queryset(self, request, queryset, view):
        names, repeatable = filterset_params(getattr(view, "filterset_class", None))
        check_query_params(request, names | pagination_params(view), repeatable)
        if names.isdisjoint(normalised(request.query_params, repeatable)):
            # Nothing to filter by: building the filterset's form would change nothing and
            # costs more than the rest of a page of the positions list.
            return queryset
        return super().filter_queryset(request, queryset, view)

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        _, repeatable = filterset_params(getattr(view, "filterset_class", None))
        kwargs["data"] = normalised(request.query_params, repeatable)
        return kwargs
