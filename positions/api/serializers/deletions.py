"""Tombstones: what a client keeping a copy must drop."""

from rest_framework import serializers

from positions.api.serializers.fields import MomentField
from positions.models import Tombstone, TombstoneKind


class DeletionSerializer(serializers.ModelSerializer):
    type = serializers.ChoiceField(
        source="kind",
        choices=TombstoneKind.choices,
        read_only=True,
        help_text="Which resource the record belonged to (`party` is `parties/`, …).",
    )
    id = serializers.IntegerField(source="record_id", read_only=True, help_text="The record's id.")
    slug = serializers.CharField(
        read_only=True, help_text="The record's slug, for resources addressed by slug; else empty."
    )
    deleted_at = MomentField(read_only=True, help_text="When it was deleted.")

    class Meta:
        model = Tombstone
        fields = ["type", "id", "slug", "deleted_at"]
