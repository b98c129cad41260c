"""Where positions are taken from."""

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from positions.models.base import SOURCE_TEXT_MAX_LENGTH, TimestampedModel, bounded, text_sha256
from positions.models.choices import (
    SourceKind,
)
from positions.models.public_records import SourceQuerySet
from positions.reading.links import record_url


class Source(TimestampedModel):
    """A published item that positions are taken from: a news report, interview, statement…"""

    kind = models.CharField(max_length=20, choices=SourceKind, default=SourceKind.NEWS_REPORT)
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True, help_text="e.g. “Xinhua”, “Izvestia”.")
    byline = models.CharField(max_length=200, blank=True, help_text="Author or agency.")
    url = models.URLField("URL", max_length=1000, blank=True)
    archived_url = models.URLField("archived URL", max_length=1000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    modified_at = models.DateTimeField(
        "updated at (by the outlet)", null=True, blank=True, help_text="As printed by the outlet."
    )
    language = models.CharField(max_length=20, default="en", help_text="BCP 47 code, e.g. en.")
    text = models.TextField(
        blank=True,
        max_length=SOURCE_TEXT_MAX_LENGTH,
        validators=bounded(SOURCE_TEXT_MAX_LENGTH, "A source's text"),
        help_text="Full text of the item; quotes are checked against it. At most "
        f"{SOURCE_TEXT_MAX_LENGTH:,} characters: store the part positions quote.",
    )
    text_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    # Reported speech points at what it reports on; that original must outlive the report.
    original = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        help_text="The source this one reports on, e.g. the interview a news report quotes.",
    )

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["text_sha256"])

    class Meta:
        ordering = ["-published_at", "id"]
        # The sources list, newest first, reads its page from here rather than sorting them all.
        indexes = [
            models.Index(fields=["-published_at", "id"], name="source_published_idx"),
            # The desk's filters by outlet and language read their values from these.
            models.Index(fields=["outlet"], name="source_outlet_idx"),
            models.Index(fields=["language"], name="source_language_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_unique_url",
                violation_error_message="A source with this URL already exists.",
            ),
            models.CheckConstraint(
                condition=Q(modified_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(modified_at__gte=F("published_at")),
                name="source_updated_after_published",
                violation_error_message="A source cannot be updated before it was published.",
            ),
            models.CheckConstraint(
                condition=Q(original__isnull=True) | ~Q(original=F("id")),
                name="source_not_own_original",
                violation_error_message="A source cannot report on itself.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title}" if self.outlet else self.title

    def save(self, *args, **kwargs):
        self.text_sha256 = text_sha256(self.text)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "text" in update_fields:
            kwargs["update_fields"] = {*update_fields, "text_sha256"}
        # Only this row: the quotes anchored in the text are re-checked by the service that
        # saves a source (``editorial/records.py``).
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return record_url("source-detail", "pk", self.pk)
