"""Positions on the desk: lists to scan, a form that checks quotes and versions, and the
review workflow as buttons and actions. Every write goes through ``editorial.services``."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import (
    ERROR_FLAG,
    IGNORED_PARAMS,
    PAGE_VAR,
    SEARCH_VAR,
)
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import Truncator

from positions.admin.base import NEW_SPEAKER_JS, DeskAdmin, all_positions_count
from positions.admin.forms import PositionAdminForm, TransitionForm
from positions.admin.skipping import DATE_LINK_PARTS, DateLinksBySkipping
from positions.editorial import services
from positions.models import Position, Role
from positions.models.choices import Status
from positions.reading.term_search import TERM_SEARCH_FIELDS, matching_every_term

# The bulk actions' record of which version of each listed position was on screen.
SEEN_VERSION_PREFIX = "seen-version-"


class QuoteStateFilter(admin.SimpleListFilter):
    title = "quote"
    parameter_name = "quote"

    def lookups(self, request, model_admin):
        return [
            ("orphaned", "Orphaned (source text changed)"),
            ("anchored", "Anchored in the source text"),
            ("unchecked", "Source has no text"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "orphaned":
            return queryset.filter(quote_orphaned=True)
        if self.value() == "anchored":
            return queryset.exclude(source__text_sha256="").filter(quote_orphaned=False)
        if self.value() == "unchecked":
            return queryset.filter(source__text_sha256="")
        return queryset


class PositionChangeList(DateLinksBySkipping):
    """While a search narrows the list, the date links are left out, unless a year is picked.

    Working them out reads matches twice more (their first and last date, then each year):
    seconds for a common word in a large record. The date filter beside the list still
    narrows a search by date.
    """

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        picked = any(f"{self.date_hierarchy}__{part}" in self.params for part in DATE_LINK_PARTS)
        if self.query and not picked:
            self.date_hierarchy = None


class PositionPaginator(Paginator):
    """Counts the whole list without reading every position, and reads a page in two steps.

    The whole list's count comes from the stance cells and a partial index
    (``all_positions_count``); a page is cut by its size, not by the count, so that cells
    out of step with the table (rows written without ``save()``, before
    ``rebuild_stance_cells``) cannot hide a row.

    Sorted by a column of another table (party, topic) or one without an index (stance),
    a page would sort every row with every column the list shows, joined. So a page first
    picks its keys, sorting only the columns the order needs, then reads those rows.
    """

    def __init__(self, object_list, per_page, *args, whole_list: bool = False, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        # Whether no filter or search narrows the list, so that every position counts.
        self.whole_list = whole_list

    @cached_property
    def count(self):
        return all_positions_count() if self.whole_list else super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = list(self.object_list[bottom : bottom + self.per_page].values_list("pk", flat=True))
        rows = self.object_list.order_by().in_bulk(keys)
        return Page([rows[key] for key in keys if key in rows], number, self)


def narrows_list(request) -> bool:
    """Whether the desk list asked for by ``request`` is filtered or searched."""
    ignored = {*IGNORED_PARAMS, PAGE_VAR, ERROR_FLAG}
    return bool(request.GET.get(SEARCH_VAR)) or any(name not in ignored for name in request.GET)


def stance_badge(position: Position):
    return format_html(
        '<span class="badge stance-{}">{}</span>', position.stance, position.get_stance_display()
    )


def status_badge(position: Position):
    return format_html(
        '<span class="badge status-{}">{}</span>', position.status, position.get_status_display()
    )


@admin.register(Position)
class PositionAdmin(DeskAdmin):
    form = PositionAdminForm

    class Media:
        # A new speaker added from the pop-up also sets the role and party fields.
        js = [*NEW_SPEAKER_JS]

    list_display = [
        "summary_short",
        "party",
        "topic",
        "stance_display",
        "stated_on",
        "status_display",
        "source_display",
        "quote_state",
        "version_seen",
    ]
    list_display_links = ["summary_short"]
    list_filter = [
        "status",
        "stance",
        # Every party and topic: which of them have positions would be a scan of all of them.
        "party",
        "topic",
        "move",
        "stated_on",
        QuoteStateFilter,
    ]
    search_fields = TERM_SEARCH_FIELDS
    date_hierarchy = "stated_on"
    autocomplete_fields = ["party", "topic", "speaker", "role", "source"]
    list_per_page = 50
    # A second count of every position, for "N total", would double the page's counting.
    show_full_result_count = False
    history_list_display = ["status", "version"]
    actions = ["submit_selected", "publish_selected", "reanchor_selected"]
    readonly_fields = [
        "status_display",
        "anchor_display",
        "review_comment",
        "retraction_reason",
        "version",
        "published_at",
        "retracted_at",
        "created_by",
        "updated_by",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("party", "topic", "source", "speaker", "role__party")
            .defer("source__text")
        )

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return PositionPaginator(
            queryset,
            per_page,
            orphans,
            allow_empty_first_page,
            whole_list=not narrows_list(request),
        )

    def get_changelist(self, request, **kwargs):
        return PositionChangeList

    def get_search_results(self, request, queryset, search_term):
        # As the API's `q`, answered from indexes on PostgreSQL (positions/postgres/term_search.py).
        return matching_every_term(queryset, search_term), False

    def get_fieldsets(self, request, obj=None):
        statement = ["source", "quote", "quote_translation", "party", "speaker", "role"]
        if obj is None:
            statement.insert(5, ("new_speaker", "new_speaker_role"))
        statement += ["stated_on", "stated_on_precision", "long_standing"]
        editing = obj is None or self.has_change_permission(request, obj)
        if editing:
            statement += ["expected_version", "loaded_version"]
        if obj is None:
            statement.append("quote_near")
        stance = ["topic", "stance", "move", "conditions", "summary"]
        fieldsets = [
            (None, {"fields": statement}),
            ("Stance", {"fields": stance}),
        ]
        if editing and obj is not None and obj.status == Status.PUBLISHED:
            fieldsets.append(("Correction", {"fields": ["correction_note"]}))
        if obj is not None:
            fieldsets.append(("Review", {"fields": self.readonly_fields}))
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "role":
            # A role is shown with its person and party (“Anna Example — Foreign Minister, …”).
            kwargs["queryset"] = Role.objects.select_related("person", "party")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The services check this user's permissions on every write.
        return type(form.__name__, (form,), {"user": request.user})

    # -- permissions: the admin hides what the services would refuse anyway --

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or obj.status in services.EDITABLE_STATUSES:
            return True
        return obj.status == Status.PUBLISHED and services.can_correct(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status in services.DELETABLE_STATUSES)

    def delete_model(self, request, obj):
        services.position_delete(position=obj, user=request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Bulk deletion would bypass the one-by-one checks; drafts are deleted from their page.
        actions.pop("delete_selected", None)
        return actions

    def view_on_site(self, position):
        # Readers only ever see published and retracted positions.
        return position.get_absolute_url() if position.is_public else None

    def save_model(self, request, obj, form, change):
        """Already saved by ``PositionAdminForm`` through the services."""

    # -- columns --

    @admin.display(description="summary", ordering="summary")
    def summary_short(self, position):
        return Truncator(position.summary).chars(80)

    @admin.display(description="stance", ordering="stance")
    def stance_display(self, position):
        return stance_badge(position)

    @admin.display(description="status", ordering="status")
    def status_display(self, position):
        return status_badge(position)

    @admin.display(description="source", ordering="source__published_at")
    def source_display(self, position):
        return Truncator(str(position.source)).chars(40)

    @admin.display(description="quote")
    def quote_state(self, position):
        if position.quote_orphaned:
            return format_html('<span class="orphaned">{}</span>', "orphaned")
        return "anchored" if position.anchored_text_sha256 else "—"

    @admin.display(description="where the quote sits")
    def anchor_display(self, position):
        if not position.anchored_text_sha256:
            return "Not checked: the source has no text."
        if position.needs_anchoring:
            return format_html(
                '<span class="orphaned">{}</span>',
                "Orphaned: the source text changed since this quote was checked. "
                "Save the position to re-anchor it.",
            )
        return format_html(
            "…{}<strong>[{}]</strong>{}… (characters {}–{})",
            position.quote_prefix,
            position.quote,
            position.quote_suffix,
            position.quote_start,
            position.quote_end,
        )

    @admin.display(description="version")
    def version_seen(self, position):
        # Posted with a bulk action, so that it applies only to the versions on screen.
        return format_html(
            '{}<input type="hidden" name="{}{}" value="{}">',
            position.version,
            SEEN_VERSION_PREFIX,
            position.pk,
            position.version,
        )

    # -- the workflow --

    def get_urls(self):
        urls = super().get_urls()
        step_view = self.admin_site.admin_view(self.step_view)
        return [
            path(
                "<path:object_id>/workflow/<str:step>/",
                step_view,
                name="positions_position_step",
            ),
            *urls,
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if obj is not None:
            extra_context["workflow_steps"] = [
                (step.label, reverse("admin:positions_position_step", args=[obj.pk, step.name]))
                for step in services.available_steps(obj, request.user)
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        extra_context["orphaned_count"] = Position.objects.filter(quote_orphaned=True).count()
        return super().changelist_view(request, extra_context)

    def step_view(self, request, object_id, step):
        if step not in services.STEPS:
            raise Http404("No such workflow step.")
        position = self.get_object(request, unquote(object_id))
        if position is None or not self.has_view_permission(request, position):
            raise Http404("No such position.")
        definition = services.STEPS[step]
        if not request.user.has_perm(f"positions.{definition.permission}"):
            raise PermissionDenied(f"You are not allowed to {definition.label.lower()}.")
        text_label = {"comment": "What should the editor change?", "reason": "Why retract it?"}
        form = TransitionForm(
            request.POST or None,
            initial={"expected_version": position.version},
            text_label=text_label.get(definition.text),
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.take_step(
                    step,
                    position=position,
                    user=request.user,
                    text=form.cleaned_data.get("text", ""),
                    expected_version=form.cleaned_data["expected_version"],
                )
            except services.VersionConflict as conflict:
                form.add_error(None, str(conflict))
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                self.message_user(request, f"{definition.label}: done for “{position}”.")
                return redirect(reverse("admin:positions_position_change", args=[position.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": position,
            "title": f"{definition.label}: {position}",
            "step": definition,
            "form": form,
            "stance": stance_badge(position),
            "status": status_badge(position),
        }
        return TemplateResponse(request, "admin/positions/position/workflow_step.html", context)

    def _bulk(self, request, queryset, step):
        done, refused = 0, []
        for position in queryset:
            seen = request.POST.get(f"{SEEN_VERSION_PREFIX}{position.pk}", "")
            if not seen.isdigit():
                refused.append(f"“{position}”: it was not on the list you saw; reload the list.")
                continue
            try:
                services.take_step(
                    step, position=position, user=request.user, expected_version=int(seen)
                )
                done += 1
            except services.VersionConflict as conflict:
                refused.append(
                    f"“{position}”: it changed after you loaded the list (you saw version "
                    f"{seen}, it is now version {conflict.current.version}); open it and "
                    "review it again."
                )
            except (PermissionDenied, ValidationError) as error:
                message = " ".join(getattr(error, "messages", [str(error)]))
                refused.append(f"“{position}”: {message}")
        label = services.STEPS[step].label
        if done:
            self.message_user(request, f"{label}: done for {done} position(s).")
        for line in refused:
            self.message_user(request, f"{label} refused for {line}", messages.ERROR)

    @admin.action(description="Submit selected drafts for review", permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit")

    @admin.action(description="Publish selected positions in review", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    @admin.action(description="Re-anchor selected quotes in their changed source text")
    def reanchor_selected(self, request, queryset):
        done, refused = 0, []
        for position in queryset.filter(quote_orphaned=True):
            try:
                services.position_reanchor(position=position, user=request.user)
                done += 1
            except ValidationError as error:
                refused.append(f"“{position}”: {' '.join(error.messages)}")
        self.message_user(request, f"Re-anchored {done} quote(s).")
        for line in refused:
            self.message_user(request, f"Not re-anchored: {line}", messages.ERROR)

    def has_submit_permission(self, request):
        return request.user.has_perm("positions.submit_position")

    def has_publish_permission(self, request):
        return request.user.has_perm("positions.publish_position")

    # -- coming from "Extract positions": go back there for the next sentence --

    def response_add(self, request, obj, post_url_continue=None):
        source_pk = request.GET.get("_extract", "")
        if source_pk.isdigit() and not {"_continue", "_addanother"} & set(request.POST):
            self.message_user(request, f"Draft saved: “{obj}”. Pick the next sentence.")
            return redirect(reverse("admin:positions_source_extract", args=[int(source_pk)]))
        return super().response_add(request, obj, post_url_continue)
