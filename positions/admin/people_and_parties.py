"""Parties, people, their roles, topics and events: what positions refer to."""

import json

from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.template.response import TemplateResponse

from positions.admin.base import CitedRecordAdmin, party_positions_count
from positions.models import Event, Party, Person, Role, Topic


class RoleInline(admin.TabularInline):
    model = Role
    autocomplete_fields = ["party"]
    fields = ["title", "party", "start_date", "end_date"]

    def get_extra(self, request, obj=None, **kwargs):
        # A new person comes with the role they speak in: its row is ready to fill.
        return 1 if obj is None else 0


@admin.register(Party)
class PartyAdmin(CitedRecordAdmin):
    list_display = ["short_name", "name", "kind", "wikidata_id", "position_count"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "other_names", "wikidata_id"]
    prepopulated_fields = {"slug": ["short_name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(position_count=party_positions_count())

    @admin.display(description="positions", ordering="position_count")
    def position_count(self, party):
        return party.position_count


@admin.register(Person)
class PersonAdmin(CitedRecordAdmin):
    list_display = ["name", "wikidata_id"]
    search_fields = ["name", "other_names", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoleInline]

    def response_add(self, request, obj, post_url_continue=None):
        """Added from a position's form: hand back the new role and its party as well, so
        that the form that opened the pop-up sets speaker, role and party (``new-speaker.js``
        on the position and source forms)."""
        response = super().response_add(request, obj, post_url_continue)
        if IS_POPUP_VAR in request.POST and isinstance(response, TemplateResponse):
            data = json.loads(response.context_data["popup_response_data"])
            role = obj.roles.select_related("party").order_by("end_date", "-start_date").first()
            if role is not None:
                data["role"] = {"value": str(role.pk), "obj": str(role)}
                data["party"] = {"value": str(role.party_id), "obj": str(role.party)}
            response.context_data["popup_response_data"] = json.dumps(data)
        return response


@admin.register(Role)
class RoleAdmin(CitedRecordAdmin):
    list_display = ["title", "person", "party", "start_date", "end_date"]
    list_filter = ["party"]
    list_select_related = ["person", "party"]
    search_fields = ["title", "person__name", "party__short_name", "party__name"]
    autocomplete_fields = ["person", "party"]

    def get_queryset(self, request):
        # Roles are named with their person and party, in the lists and in the search of a
        # position's role field alike.
        return super().get_queryset(request).select_related("person", "party")


@admin.register(Topic)
class TopicAdmin(CitedRecordAdmin):
    list_display = ["name", "proposition", "parent"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "proposition", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Event)
class EventAdmin(CitedRecordAdmin):
    list_display = ["title", "kind", "date", "location"]
    list_filter = ["kind"]
    search_fields = ["title", "location", "description"]
    date_hierarchy = "date"
    autocomplete_fields = ["parties", "topics", "sources"]
    prepopulated_fields = {"slug": ["title"]}
