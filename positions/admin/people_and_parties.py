"""Parties, people, their roles, topics and events: what positions refer to."""

from django.contrib import admin

from positions.admin.base import CitedRecordAdmin, party_positions_count
from positions.models import Event, Party, Person, Role, Topic


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["party"]
    fields = ["title", "party", "start_date", "end_date"]


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


@admin.register(Role)
class RoleAdmin(CitedRecordAdmin):
    list_display = ["title", "person", "party", "start_date", "end_date"]
    list_filter = ["party"]
    list_select_related = ["person", "party"]
    search_fields = ["title", "person__name", "party__short_name", "party__name"]
    autocomplete_fields = ["person", "party"]


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
