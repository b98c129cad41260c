"""Deletions, remembered so that API clients keeping a copy can drop what is gone."""

from django.db import models


class TombstoneKind(models.TextChoices):
    PARTY = "party", "party"
    PERSON = "person", "person"
    TOPIC = "topic", "topic"
    SOURCE = "source", "source"
    EVENT = "event", "event"
    POSITION = "position", "position"


class Tombstone(models.Model):
    """A record that was deleted: what it was (kind, id, slug) and when.

    Written by the services in the same transaction as the deletion. Positions are only
    ever deleted as drafts, so their tombstones are shown to editorial staff only.
    """

    kind = models.CharField(max_length=20, choices=TombstoneKind)
    record_id = models.BigIntegerField(help_text="The id the record had.")
    slug = models.CharField(max_length=120, blank=True, help_text="Its slug, if it had one.")
    deleted_at = models.DateTimeField(db_index=True)
    public = models.BooleanField(
        default=True, help_text="Whether anonymous clients could ever have seen the record."
    )

    class Meta:
        ordering = ["deleted_at", "id"]
        indexes = [models.Index(fields=["public", "deleted_at", "id"], name="tombstone_public_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.slug or self.record_id} deleted {self.deleted_at:%Y-%m-%d}"
