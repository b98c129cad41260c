"""What every desk page shares: readable history, no reverting past the workflow, and
refusing to delete what positions cite."""

import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from positions.editorial import records
from positions.models import Position, StanceCell
from positions.models.choices import PUBLIC_STATUSES
from positions.reading.records import per_row

# Listed after the admin scripts it extends, so that pages load it after them.
NEW_SPEAKER_JS = (
    "admin/js/jquery.init.js",
    "admin/js/admin/RelatedObjectLookups.js",
    "positions/admin/new-speaker.js",
)

admin.site.site_header = "Standpoint editors' desk"
admin.site.site_title = "Standpoint desk"
admin.site.index_title = "Record and review positions"


def positions_count(foreign_key: str) -> Coalesce:
    """How many positions cite each listed row, counted row by row from ``foreign_key``'s
    index: a page of 50 rows makes 50 small counts.

    ``Count("positions")`` would join and group the whole positions table, and the page's
    count, filters and date links would each pay for that join too (seconds at a million).
    """
    return per_row(Position.objects.all(), foreign_key, Count("pk"))


def party_positions_count():
    """How many positions each listed party has, whatever their status.

    A party has tens of thousands of positions in a large record, too many to count per
    page view. Its public ones are summed from its stance cells (one row per topic), and
    only the drafts and positions in review, a partial index's few rows, are counted.
    """
    public = per_row(StanceCell.objects.all(), "party", Sum("public_count"))
    # COUNT(*), not of a column: the index alone answers it.
    unpublished = per_row(Position.objects.exclude(status__in=PUBLIC_STATUSES), "party", Count("*"))
    return public + unpublished


def all_positions_count() -> int:
    """How many positions there are, whatever their status, counted as the parties list
    counts them: public ones summed from the stance cells, the rest from a partial index.

    ``COUNT(*)`` of the whole table reads every row: 50 ms at a million.
    """
    public = StanceCell.objects.aggregate(total=Sum("public_count"))["total"] or 0
    return public + Position.objects.exclude(status__in=PUBLIC_STATUSES).count()


def date_link_problem(params, field: str) -> str | None:
    """What is wrong with a list's date-link parameters (``<field>__year``, ``__month``,
    ``__day``), or None: the admin turns a year it cannot count to the next of into a 500."""
    parts = [params.get(f"{field}__{part}") for part in ("year", "month", "day")]
    if parts[0] is None:
        return None
    try:
        year, month, day = (int(part) if part is not None else 1 for part in parts)
        start = datetime.datetime(year, month, day)
        if parts[2] is not None:
            start + datetime.timedelta(days=1)
        elif parts[1] is not None:
            start + datetime.timedelta(days=32)
        else:
            start.replace(year=year + 1)
    except (ValueError, OverflowError):
        return (
            f"No such period: {field}__year must be a year from 1 to 9998, __month a month "
            "(1–12) and __day a day of that month."
        )
    return None


class ReadableHistory(HistoricalRecordContextHelper):
    """History diffs that show labels (“supports”) rather than codes (2), and more of a quote."""

    def __init__(self, model, record):
        super().__init__(model, record, max_displayed_delta_change_chars=300)

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.choices and not field.many_to_many:
            return dict(field.flatchoices).get(value, value)
        if value in (None, ""):
            return "—"
        return super().prepare_delta_change_value(change, value)


class DeskAdmin(SimpleHistoryAdmin):
    """Base for every desk page."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ["positions/admin/desk.css"]}

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    # Reverting from history would write around the review workflow; history is for reading.
    def revert_disabled(self, request, obj=None):
        return True

    def history_view(self, request, object_id, extra_context=None):
        # The history URL takes any path as the id ("9/change"); an id that names no row is
        # a 404 here rather than a ValueError in the history query.
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404("No such record.")
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("History is read-only; edit the current record instead.")
        if self.get_object(request, unquote(object_id)) is None or not version_id.isdigit():
            raise Http404("No such record.")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        if self.date_hierarchy and (problem := date_link_problem(request.GET, self.date_hierarchy)):
            context = {**self.admin_site.each_context(request), "title": "Bad request"}
            context |= {"opts": self.model._meta, "problem": problem}
            return TemplateResponse(request, "admin/bad_request.html", context, status=400)
        return super().changelist_view(request, extra_context)


class CitedRecordAdmin(DeskAdmin):
    """Parties, people, topics, roles, events and sources: written through
    ``editorial.records``; refused deletion says who cites them."""

    def public_refusal(self, request, obj) -> str | None:
        """Why this user may not change ``obj`` (it is public), worked out once a request."""
        refusals = request.__dict__.setdefault("standpoint_public_refusals", {})
        key = (type(obj), obj.pk)
        if key not in refusals:
            refusals[key] = records.public_record_refusal(obj, request.user)
        return refusals[key]

    # What readers see changes only by a reviewer: editors get it read-only.
    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self.public_refusal(request, obj) is None)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self.public_refusal(request, obj) is None)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        refusal = obj is not None and self.public_refusal(request, obj)
        if refusal and request.method == "GET":
            self.message_user(request, f"Read-only: {refusal}", messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        note = form.cleaned_data.get("correction_note", "")
        records.record_save(record=obj, user=request.user, note=note)

    def delete_model(self, request, obj):
        records.record_delete(record=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        records.records_delete(records=queryset, user=request.user)

    def save_formset(self, request, form, formset, change):
        # Inline rows (a person's roles) are written through the same service.
        for obj in formset.save(commit=False):
            records.record_save(record=obj, user=request.user)
        for obj in formset.deleted_objects:
            records.record_delete(record=obj, user=request.user)
        formset.save_m2m()

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and (refusal := records.deletion_refusal(obj)):
            self.message_user(request, refusal, messages.ERROR)
            opts = self.model._meta
            change_url = f"admin:{opts.app_label}_{opts.model_name}_change"
            return redirect(reverse(change_url, args=[obj.pk]))
        return super().delete_view(request, object_id, extra_context)
