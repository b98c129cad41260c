"""The record: which party took which stance on which topic, when, and per which source."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from positions.models.base import (
    NOTE_MAX_LENGTH,
    QUOTE_MAX_LENGTH,
    TimestampedModel,
    bounded,
)
from positions.models.choices import (
    DATE_PRECISION_LENGTH,
    PUBLIC_STATUSES,
    STANCE_MAX,
    STANCE_MIN,
    DatePrecision,
    Move,
    Shift,
    Stance,
    Status,
)
from positions.models.querysets import PositionManager
from positions.postgres.document import SearchDocument
from positions.reading.links import record_url

# What decides whether a position's quote is orphaned, besides its source's text.
ANCHOR_FIELDS = frozenset({"source", "source_id", "anchored_text_sha256"})


class Position(TimestampedModel):
    """One recorded stance: a party's position on a topic, as stated on a date, per a source."""

    # Positions are the record's citations: none of what they cite may be deleted under them.
    party = models.ForeignKey("positions.Party", on_delete=models.PROTECT, related_name="positions")
    topic = models.ForeignKey("positions.Topic", on_delete=models.PROTECT, related_name="positions")
    speaker = models.ForeignKey(
        "positions.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
    )
    role = models.ForeignKey(
        "positions.Role",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
        help_text="The speaker's role when the statement was made.",
    )
    source = models.ForeignKey(
        "positions.Source", on_delete=models.PROTECT, related_name="positions"
    )
    stated_on = models.DateField(help_text="When the statement was made (not when reported).")
    stated_on_precision = models.CharField(
        max_length=DATE_PRECISION_LENGTH, choices=DatePrecision, default=DatePrecision.DAY
    )
    # A stance the source gives as held all along ("its long-standing NATO bid"): recorded
    # before the statement that changes it, so that the timeline shows the shift.
    long_standing = models.BooleanField(
        "long-standing",
        default=False,
        db_default=False,
        help_text="Held since before the date given, as the source describes it; give the "
        "latest date it is known to have been held, usually approximate.",
    )
    stance = models.SmallIntegerField(choices=Stance)
    move = models.CharField(max_length=20, choices=Move, default=Move.ASSESSMENT)
    conditions = models.TextField(
        blank=True,
        max_length=NOTE_MAX_LENGTH,
        validators=bounded(NOTE_MAX_LENGTH),
        help_text="Conditions attached, e.g. “only if both parties deem it necessary”.",
    )
    summary = models.CharField(max_length=500, help_text="One neutral sentence.")
    # Bounded so that a pasted article cannot pass for a quote; long speeches are cited in parts.
    quote = models.TextField(
        max_length=QUOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(QUOTE_MAX_LENGTH)],
        help_text="Verbatim, as printed in the source, in its language.",
    )
    quote_translation = models.TextField(
        "English translation",
        blank=True,
        max_length=QUOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(QUOTE_MAX_LENGTH)],
        help_text="The quote in English, when the source is in another language.",
    )

    # Where the quote sits in the source text (a W3C text-quote selector plus offsets),
    # and a fingerprint of the text it was anchored in, to detect later edits.
    quote_prefix = models.CharField(max_length=64, blank=True)
    quote_suffix = models.CharField(max_length=64, blank=True)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    anchored_text_sha256 = models.CharField(max_length=64, blank=True)
    # The source has text and the quote was not anchored in it: kept by ``save`` here and,
    # when a source's text changes, by the service that saves it (``editorial/records.py``),
    # so that the desk finds orphaned quotes in an index, not a join.
    quote_orphaned = models.BooleanField(default=False, db_default=False, editable=False)

    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    review_comment = models.TextField(
        blank=True,
        max_length=NOTE_MAX_LENGTH,
        validators=bounded(NOTE_MAX_LENGTH),
        help_text="Why it was sent back to draft.",
    )
    retraction_reason = models.TextField(
        blank=True, max_length=NOTE_MAX_LENGTH, validators=bounded(NOTE_MAX_LENGTH)
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    retracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    # Derived from the party's timeline on the topic; rewritten whenever it changes.
    # The predecessor may be retracted later, which only unlinks it.
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    shift = models.CharField(max_length=20, choices=Shift, blank=True, editable=False)

    # Accounts may be closed; the record of what they did stays in history.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="positions_created",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="positions_updated",
    )

    # The quote and summary as full-text searches read them (positions.postgres.search).
    search_document = models.GeneratedField(
        expression=SearchDocument(), output_field=SearchVectorField(), db_persist=True
    )

    objects = PositionManager()
    history = HistoricalRecords(
        excluded_fields=["previous", "shift", "quote_orphaned", "search_document"]
    )

    class Meta:
        ordering = ["-stated_on", "-id"]
        permissions = [
            ("submit_position", "Can submit a position for review"),
            ("publish_position", "Can publish a position or send it back to draft"),
            ("retract_position", "Can retract a published position"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__gte=STANCE_MIN) & Q(stance__lte=STANCE_MAX),
                name="position_stance_on_scale",
                violation_error_message="Stance must be between −2 (rejects) and +2 (supports).",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="position_status_known",
                violation_error_message="Unknown editorial status.",
            ),
            models.CheckConstraint(
                condition=Q(shift="") | Q(shift__in=Shift.values),
                name="position_shift_known",
                violation_error_message="Unknown shift.",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.RETRACTED) | ~Q(retraction_reason=""),
                name="position_retraction_has_reason",
                violation_error_message="A retraction needs a reason.",
            ),
            models.CheckConstraint(
                condition=Q(quote_start__isnull=True)
                | Q(quote_end__isnull=True)
                | Q(quote_end__gte=F("quote_start")),
                name="position_quote_offsets_ordered",
                violation_error_message="A quote cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(quote=""),
                name="position_has_quote",
                violation_error_message="A position needs its verbatim quote.",
            ),
        ]
        indexes = [
            # A party's timeline on a topic, and its latest stance as of a date.
            models.Index(
                fields=["party", "topic", "stated_on", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="position_timeline_idx",
            ),
            models.Index(fields=["topic", "stated_on", "id"], name="position_topic_date_idx"),
            # Where each run of an unchanged stance began: "since when" a party holds its
            # stance, and a topic's stance lanes, read from the changes rather than every
            # restatement; with the stance, so that the lanes read the index alone.
            models.Index(
                fields=["topic", "party", "stated_on", "id", "stance"],
                condition=Q(status=Status.PUBLISHED) & ~Q(shift=Shift.UNCHANGED),
                name="position_run_start_idx",
            ),
            # The latest publications, as the home page lists them.
            models.Index(
                fields=["published_at", "stated_on", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="position_published_idx",
            ),
            # A party's and a person's statements, newest first, as their pages list them.
            models.Index(
                fields=["party", "stated_on", "id"],
                condition=Q(status__in=PUBLIC_STATUSES),
                name="position_party_public_idx",
            ),
            models.Index(
                fields=["speaker", "stated_on", "id"],
                condition=Q(status__in=PUBLIC_STATUSES),
                name="position_speaker_public_idx",
            ),
            # Who spoke for a party: one probe per speaker, skipping from one to the next.
            models.Index(
                fields=["party", "speaker"],
                condition=Q(status__in=PUBLIC_STATUSES),
                name="position_party_speaker_idx",
            ),
            # Stable keyset pagination and sync by modification time.
            models.Index(fields=["stated_on", "id"], name="position_date_idx"),
            models.Index(fields=["updated_at", "id"], name="position_updated_idx"),
            # The desk counts a party's drafts and positions in review (its public ones are
            # summed from the stance cells).
            models.Index(
                fields=["party"],
                condition=~Q(status__in=PUBLIC_STATUSES),
                name="position_party_unpublished_idx",
            ),
            # The desk searches conditions among the positions that have any.
            models.Index(
                fields=["id"], condition=~Q(conditions=""), name="position_conditions_idx"
            ),
            # The desk's orphaned quotes: few, counted and listed from here.
            models.Index(
                fields=["id"], condition=Q(quote_orphaned=True), name="position_orphaned_idx"
            ),
            # Full-text search of the quote and summary.
            GinIndex(fields=["search_document"], name="position_document_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.party} {self.get_stance_display()} {self.topic} ({self.stated_on})"

    def save(self, *args, **kwargs):
        self.quote_orphaned = self.needs_anchoring
        update_fields = kwargs.get("update_fields")
        if update_fields and ANCHOR_FIELDS & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "quote_orphaned"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.pk)

    @property
    def is_public(self) -> bool:
        return self.status in (Status.PUBLISHED, Status.RETRACTED)

    @property
    def needs_anchoring(self) -> bool:
        """True when the source has text the quote was not (or no longer) anchored in."""
        # The fingerprint is empty exactly when the text is, and is cheaper to load.
        fingerprint = self.source.text_sha256
        return bool(fingerprint) and self.anchored_text_sha256 != fingerprint
