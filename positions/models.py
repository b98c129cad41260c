"""The record: which party took which stance on which topic, when, and per which source."""

import hashlib

from django.conf import settings
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from positions.choices import (
    PUBLIC_STATUSES,
    STANCE_MAX,
    STANCE_MIN,
    DatePrecision,
    EventKind,
    Move,
    PartyKind,
    Shift,
    SourceKind,
    Stance,
    Status,
)
from positions.links import record_url
from positions.querysets import PositionQuerySet

wikidata_id_validator = RegexValidator(
    r"^Q[1-9][0-9]*$", "A Wikidata ID looks like Q159: the letter Q and a number."
)


QUOTE_MAX_LENGTH = 10_000


def text_sha256(text: str) -> str:
    """Fingerprint of a source text, so quotes anchored in an older text can be found."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


class Party(TimestampedModel):
    """A side that takes positions: a state, alliance or organisation, bloc or non-state group."""

    name = models.CharField(max_length=200, help_text="Full name, e.g. “Russian Federation”.")
    short_name = models.CharField(
        max_length=60, help_text="Name used in tables and charts, e.g. “Russia”."
    )
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=20, choices=PartyKind, default=PartyKind.STATE)
    wikidata_id = models.CharField(
        "Wikidata ID", max_length=20, blank=True, validators=[wikidata_id_validator]
    )
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["short_name", "id"]
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="party_unique_slug",
                violation_error_message="Another party already uses this slug.",
            ),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="party_unique_wikidata_id",
                violation_error_message="Another party already has this Wikidata ID.",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return record_url("party-detail", "slug", self.slug)


class Person(TimestampedModel):
    """Someone whose statements are recorded; what they speak for is given by their roles."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    wikidata_id = models.CharField(
        "Wikidata ID", max_length=20, blank=True, validators=[wikidata_id_validator]
    )
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="person_unique_slug",
                violation_error_message="Another person already uses this slug.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return record_url("person-detail", "slug", self.slug)


class Role(TimestampedModel):
    """A post a person held for a party over a period, e.g. Deputy Foreign Minister of Russia."""

    # A role is part of the historical record positions cite, so neither side may vanish.
    person = models.ForeignKey("positions.Person", on_delete=models.PROTECT, related_name="roles")
    party = models.ForeignKey("positions.Party", on_delete=models.PROTECT, related_name="roles")
    title = models.CharField(max_length=200, help_text="e.g. “Deputy Foreign Minister”.")
    start_date = models.DateField(null=True, blank=True, help_text="Leave empty if unknown.")
    end_date = models.DateField(null=True, blank=True, help_text="Empty while the role is held.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name", "-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="role_ends_after_start",
                violation_error_message="A role cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.party}"


class Topic(TimestampedModel):
    """A part of a deal, phrased as a proposition so that support or rejection is meaningful."""

    slug = models.SlugField(max_length=100)
    name = models.CharField(max_length=200, help_text="Short label, e.g. “NATO membership”.")
    proposition = models.CharField(
        max_length=300,
        help_text="What a stance is about, e.g. “Ukraine joins NATO”. Supporting it means +2.",
    )
    # Deleting a parent must not silently re-home or drop its sub-topics.
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="topic_unique_slug",
                violation_error_message="Another topic already uses this slug.",
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | ~Q(parent=F("id")),
                name="topic_not_own_parent",
                violation_error_message="A topic cannot be its own parent.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return record_url("topic-detail", "slug", self.slug)


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
        blank=True, help_text="Full text of the item; quotes are checked against it."
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
        adding = self._state.adding
        super().save(*args, **kwargs)
        # Whenever the text is written, even unchanged: another copy of this source may
        # have written a different one since this one was read.
        if not adding and (update_fields is None or "text" in update_fields):
            Position.objects.filter(source=self).refresh_orphaned_quotes()

    def get_absolute_url(self) -> str:
        return record_url("source-detail", "pk", self.pk)


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
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    stance = models.SmallIntegerField(choices=Stance)
    move = models.CharField(max_length=20, choices=Move, default=Move.ASSESSMENT)
    conditions = models.TextField(
        blank=True, help_text="Conditions attached, e.g. “only if both parties deem it necessary”."
    )
    summary = models.CharField(max_length=500, help_text="One neutral sentence.")
    # Bounded so that a pasted article cannot pass for a quote; long speeches are cited in parts.
    quote = models.TextField(
        max_length=QUOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(QUOTE_MAX_LENGTH)],
        help_text="Verbatim, as printed in the source.",
    )

    # Where the quote sits in the source text (a W3C text-quote selector plus offsets),
    # and a fingerprint of the text it was anchored in, to detect later edits.
    quote_prefix = models.CharField(max_length=64, blank=True)
    quote_suffix = models.CharField(max_length=64, blank=True)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    anchored_text_sha256 = models.CharField(max_length=64, blank=True)
    # The source has text and the quote was not anchored in it: kept by ``save`` here and
    # by ``Source.save``, so that the desk finds orphaned quotes in an index, not a join.
    quote_orphaned = models.BooleanField(default=False, db_default=False, editable=False)

    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    review_comment = models.TextField(blank=True, help_text="Why it was sent back to draft.")
    retraction_reason = models.TextField(blank=True)
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

    objects = PositionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["previous", "shift", "quote_orphaned"])

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

    @classmethod
    def from_db(cls, db, field_names, values):
        position = super().from_db(db, field_names, values)
        # Remembered so that moving a position to another party or topic also refreshes
        # the stance cell it leaves.
        position.stored_cell = (
            position.__dict__.get("party_id"),
            position.__dict__.get("topic_id"),
        )
        return position

    @property
    def is_public(self) -> bool:
        return self.status in (Status.PUBLISHED, Status.RETRACTED)

    @property
    def needs_anchoring(self) -> bool:
        """True when the source has text the quote was not (or no longer) anchored in."""
        # The fingerprint is empty exactly when the text is, and is cheaper to load.
        fingerprint = self.source.text_sha256
        return bool(fingerprint) and self.anchored_text_sha256 != fingerprint


class StanceCell(models.Model):
    """One cell of the parties × topics matrix: a party's latest published position on a
    topic and how many public positions it has there.

    Derived from positions and rewritten whenever one of them is saved or deleted
    (``positions/stance_cells.py``), so that pages read one row per cell instead of
    searching a record of millions of positions. A cell exists only while the party has a
    public position on the topic.
    """

    # Indexed by the count indexes below, which lead with each.
    party = models.ForeignKey(
        "positions.Party", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    topic = models.ForeignKey(
        "positions.Topic", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # Null when every public position in the cell is retracted.
    latest = models.ForeignKey(
        "positions.Position", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Copied from the latest published position, so that a matrix reads its cells without
    # looking up a position for each; null, like ``latest``, when there is none.
    latest_stated_on = models.DateField(null=True)
    latest_stated_on_precision = models.CharField(  # noqa: DJ001 (null: no latest position)
        max_length=5, choices=DatePrecision, null=True
    )
    latest_stance = models.SmallIntegerField(choices=Stance, null=True)
    latest_move = models.CharField(max_length=20, choices=Move, null=True)  # noqa: DJ001
    latest_summary = models.CharField(max_length=500, null=True)  # noqa: DJ001
    published_count = models.PositiveIntegerField(default=0)
    public_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["party", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["party", "topic"], name="stance_cell_unique"),
        ]
        indexes = [
            models.Index(fields=["topic", "party"], name="stance_cell_topic_idx"),
            # A party's or topic's totals, summed from the index alone (home, party pages).
            models.Index(
                fields=["party", "published_count", "public_count"],
                name="stance_cell_party_counts_idx",
            ),
            models.Index(
                fields=["topic", "published_count", "public_count"],
                name="stance_cell_topic_counts_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party_id} × {self.topic_id}: {self.public_count} public"


class Event(TimestampedModel):
    """A dated marker on the negotiation's timeline: talks, a summit, a proposal, a ceasefire."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120)
    kind = models.CharField(max_length=20, choices=EventKind, default=EventKind.OTHER)
    date = models.DateField()
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    location = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    parties = models.ManyToManyField("positions.Party", blank=True, related_name="events")
    topics = models.ManyToManyField("positions.Topic", blank=True, related_name="events")
    sources = models.ManyToManyField("positions.Source", blank=True, related_name="events")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="event_unique_slug",
                violation_error_message="Another event already uses this slug.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date})"
