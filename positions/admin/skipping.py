"""What the desk's links and filters offer, found by skipping through an index.

Django works out the years above a list (``SELECT DISTINCT DATE_TRUNC('year', …)``) and a
filter's values (``SELECT DISTINCT outlet …``) by reading every row. The same answers come
from asking an index for the first value after each one found (``positions.postgres.skipping``),
which pays only while nothing else narrows the list: a filter matching few rows far apart
in the index would make each probe long.
"""

import datetime
import functools

from django.contrib.admin import AllValuesFieldListFilter
from django.contrib.admin.views.main import ChangeList
from django.utils import timezone

from positions.postgres import skipping

# The date links' own parameters, after the list's date field (``stated_on__year``).
DATE_LINK_PARTS = ("year", "month", "day")
# A list's date conditions that are ranges of the date: the date links' and those of
# Django's date filter beside the list.
DATE_RANGES = (*DATE_LINK_PARTS, "gte", "lt")


class PeriodsBySkipping:
    """A queryset whose ``dates()`` and ``datetimes()`` skip through the field's index.

    Only the date links call them on a desk list's queryset, and they only iterate: where
    they skip, they return lists, not querysets.
    """

    def dates(self, field_name, kind, order="ASC"):
        if order != "ASC" or not skipping.skips_periods(self, kind):
            return super().dates(field_name, kind, order)
        return skipping.period_starts(self, field_name, kind)

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        if order != "ASC" or not skipping.skips_periods(self, kind):
            return super().datetimes(field_name, kind, order, tzinfo)
        tz = tzinfo or timezone.get_current_timezone()
        zone = "UTC" if tz is datetime.UTC else getattr(tz, "key", None)
        if zone is None:  # a fixed offset, which Django's query knows how to name
            return super().datetimes(field_name, kind, order, tzinfo)
        return skipping.period_moments(self, field_name, kind, zone)


@functools.cache
def _with_periods_by_skipping(queryset_class):
    """``queryset_class`` with PeriodsBySkipping's dates() and datetimes(), made once."""
    return type(f"{queryset_class.__name__}ByIndex", (PeriodsBySkipping, queryset_class), {})


class DateLinksBySkipping(ChangeList):
    """A desk list whose date links skip through the date index while only dates narrow it.

    Other filters and a search may match few rows far apart in the index, where Django's
    reading of every match costs less.
    """

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        if self.query or not self.narrowed_by_dates_alone():
            return queryset
        # The date links call the list queryset's dates() (or datetimes()): the one place
        # to answer them is the same query, made by a queryset class that skips.
        skipping_class = _with_periods_by_skipping(type(queryset))
        return skipping_class(model=queryset.model, query=queryset.query, using=queryset.db)

    def narrowed_by_dates_alone(self) -> bool:
        """Whether the list's only conditions are ranges of its date, which its index has."""
        ranges = {f"{self.date_hierarchy}__{part}" for part in DATE_RANGES}
        return all(name in ranges for name in self.get_filters_params())


class ValuesBySkipping(AllValuesFieldListFilter):
    """Django's filter by each value a column holds, its values read by skipping through
    the column's index. For columns that hold no NULL."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        if not field.null and field_path == field.name:
            queryset = model_admin.get_queryset(request)
            self.lookup_choices = skipping.distinct_values(queryset, field.name)
