"""Brief records, embedded in other records: enough to name a record and link to it."""

from rest_framework import serializers

from positions.api.serializers.fields import MomentField, self_link
from positions.models import (
    Party,
    Person,
    Source,
    Topic,
)


class PartyBriefSerializer(serializers.ModelSerializer):
    url = self_link("party-detail", "slug")
    slug = serializers.SlugField(read_only=True, help_text="Stable identifier used in URLs.")
    name = serializers.CharField(read_only=True, help_text="Full name.")
    short_name = serializers.CharField(read_only=True, help_text="Name used in tables.")

    class Meta:
        model = Party
        fields = ["id", "slug", "name", "short_name", "url"]
        extra_kwargs = {"id": {"help_text": "Numeric id."}}


class TopicBriefSerializer(serializers.ModelSerializer):
    url = self_link("topic-detail", "slug")
    slug = serializers.SlugField(read_only=True, help_text="Stable identifier used in URLs.")
    name = serializers.CharField(read_only=True, help_text="Short label.")
    proposition = serializers.CharField(
        read_only=True, help_text="What a stance is about; supporting it scores +2."
    )

    class Meta:
        model = Topic
        fields = ["id", "slug", "name", "proposition", "url"]
        extra_kwargs = {"id": {"help_text": "Numeric id."}}


class PersonBriefSerializer(serializers.ModelSerializer):
    url = self_link("person-detail", "slug")
    slug = serializers.SlugField(read_only=True, help_text="Stable identifier used in URLs.")
    name = serializers.CharField(read_only=True, help_text="Full name.")

    class Meta:
        model = Person
        fields = ["id", "slug", "name", "url"]
        extra_kwargs = {"id": {"help_text": "Numeric id."}}


class SourceBriefSerializer(serializers.ModelSerializer):
    url = self_link("source-detail")
    title = serializers.CharField(read_only=True, help_text="Headline or title.")
    outlet = serializers.CharField(read_only=True, help_text="Publishing outlet.")
    source_url = serializers.CharField(
        source="url", read_only=True, help_text="Where the source was published (may be empty)."
    )
    published_at = MomentField(
        read_only=True, allow_null=True, help_text="When the outlet published it."
    )
    modified_at = MomentField(
        read_only=True, allow_null=True, help_text="When the outlet last updated it."
    )

    class Meta:
        model = Source
        fields = ["id", "title", "outlet", "source_url", "published_at", "modified_at", "url"]
        extra_kwargs = {"id": {"help_text": "Numeric id."}}
