"""Fields and help texts the serializers share."""

import datetime

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from positions.models.choices import (
    STANCE_MAX,
    STANCE_MIN,
    STANCE_NAMES,
    Stance,
)
from positions.reading.links import record_url

# The labels a stance field accepts and shows, in score order.
STANCE_LABELS = list(STANCE_NAMES.values())
STANCE_HELP = "Stance label: " + ", ".join(
    f"`{label}` ({value:+d})" for value, label in Stance.choices
)
SCORE_HELP = f"Stance as an integer from {STANCE_MIN} (rejects) to {STANCE_MAX} (supports)."


@extend_schema_field({"type": "string", "format": "uri"})
class RecordLinkField(serializers.Field):
    """The absolute address of ``view_name`` for this record, its ``lookup_field`` (``pk`` or
    ``slug``) the one argument: reversed once per kind of record (``positions.reading.links``)."""

    def __init__(self, view_name: str, lookup_field: str = "pk", **kwargs):
        self.view_name, self.lookup_field = view_name, lookup_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        path = record_url(self.view_name, self.lookup_field, getattr(instance, self.lookup_field))
        return self.context["request"].build_absolute_uri(path)


def self_link(view_name: str, lookup_field: str = "pk") -> RecordLinkField:
    return RecordLinkField(f"api:{view_name}", lookup_field, help_text="This record in the API.")


def page_link(view_name: str, lookup_field: str = "pk") -> RecordLinkField:
    return RecordLinkField(view_name, lookup_field, help_text="The record's public page.")


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice that may be unset; shown as null rather than an empty string."""

    def to_representation(self, value):
        return super().to_representation(value) if value else None


MOMENT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class MomentField(serializers.DateTimeField):
    """A timestamp as the whole API writes it: RFC 3339 in UTC, to the second
    (``2025-03-17T10:04:05Z``), whatever the current time zone; the JSON renderer and
    the exports write the same."""

    def __init__(self, **kwargs):
        super().__init__(format=MOMENT_FORMAT, default_timezone=datetime.UTC, **kwargs)


class TimestampsMixin(serializers.Serializer):
    created_at = MomentField(read_only=True, help_text="When it was recorded.")
    updated_at = MomentField(read_only=True, help_text="When it last changed; see `updated_since`.")


class IdentifierSerializer(serializers.Serializer):
    scheme = serializers.CharField(help_text="Identifier scheme, e.g. `wikidata`.")
    identifier = serializers.CharField(help_text="The identifier in that scheme, e.g. `Q159`.")


@extend_schema_field(IdentifierSerializer(many=True))
class IdentifiersField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(
            source="*",
            read_only=True,
            help_text="Identifiers in other datasets (Popolo `identifiers`).",
            **kwargs,
        )

    def to_representation(self, instance):
        if not instance.wikidata_id:
            return []
        return [{"scheme": "wikidata", "identifier": instance.wikidata_id}]


class OtherNameSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The name, e.g. “the Kremlin” or “Zelensky”.")


@extend_schema_field(OtherNameSerializer(many=True))
class OtherNamesField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(
            source="*",
            read_only=True,
            help_text="Other names, spellings, capitals and demonyms (Popolo `other_names`).",
            **kwargs,
        )

    def to_representation(self, instance):
        return [{"name": name} for name in instance.other_names_list()]


class LinkSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="The address.")
    note = serializers.CharField(help_text="What it is, e.g. `Wikidata`.")


@extend_schema_field(LinkSerializer(many=True))
class LinksField(serializers.Field):
    """Pages about the record elsewhere (Popolo ``links``)."""

    def __init__(self, **kwargs):
        super().__init__(
            source="*",
            read_only=True,
            help_text="Pages about it elsewhere, e.g. its Wikidata entry (Popolo `links`).",
            **kwargs,
        )

    def to_representation(self, instance):
        if not instance.wikidata_id:
            return []
        url = f"https://www.wikidata.org/wiki/{instance.wikidata_id}"
        return [{"url": url, "note": "Wikidata"}]
