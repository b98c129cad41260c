"""Who and what positions are about: parties, people and their roles, topics, events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from positions.models.base import (
    DESCRIPTION_MAX_LENGTH,
    TimestampedModel,
    bounded,
    wikidata_id_validator,
)
from positions.models.choices import (
    DATE_PRECISION_LENGTH,
    DatePrecision,
    EventKind,
    PartyKind,
)
from positions.models.public_records import (
    EventQuerySet,
    PartyQuerySet,
    PersonQuerySet,
    RoleQuerySet,
    TopicQuerySet,
)
from positions.reading.links import record_url


def split_names(text: str) -> list[str]:
    """The names of an ``other_names`` field, one a line, without blanks or repeats."""
    names = []
    for line in text.splitlines():
        name = " ".join(line.split())
        if name and name not in names:
            names.append(name)
    return names


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
    other_names = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=bounded(DESCRIPTION_MAX_LENGTH),
        help_text="One a line: other names and spellings, capitals and metonyms (“Moscow”, "
        "“the Kremlin”), demonyms (“Russian”). The desk's extraction and search use them.",
    )
    description = models.TextField(
        blank=True, max_length=DESCRIPTION_MAX_LENGTH, validators=bounded(DESCRIPTION_MAX_LENGTH)
    )

    objects = PartyQuerySet.as_manager()
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

    def other_names_list(self) -> list[str]:
        return split_names(self.other_names)

    def get_absolute_url(self) -> str:
        return record_url("party-detail", "slug", self.slug)


class Person(TimestampedModel):
    """Someone whose statements are recorded; what they speak for is given by their roles."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    wikidata_id = models.CharField(
        "Wikidata ID", max_length=20, blank=True, validators=[wikidata_id_validator]
    )
    other_names = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=bounded(DESCRIPTION_MAX_LENGTH),
        help_text="One a line: other spellings and transliterations (“Zelensky”, "
        "“Sergey Lavrov”), and the short name articles use (“Wang” for Wang Yi).",
    )
    description = models.TextField(
        blank=True, max_length=DESCRIPTION_MAX_LENGTH, validators=bounded(DESCRIPTION_MAX_LENGTH)
    )

    objects = PersonQuerySet.as_manager()
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

    def other_names_list(self) -> list[str]:
        return split_names(self.other_names)

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

    objects = RoleQuerySet.as_manager()
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
        # Named with the person, so that a list of roles on the desk says whose each is.
        return f"{self.person} — {self.title}, {self.party}"


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
    description = models.TextField(
        blank=True, max_length=DESCRIPTION_MAX_LENGTH, validators=bounded(DESCRIPTION_MAX_LENGTH)
    )

    objects = TopicQuerySet.as_manager()
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

    def clean(self):
        super().clean()
        if problem := self.parent_cycle():
            raise ValidationError({"parent": problem})

    def parent_cycle(self) -> str | None:
        """Why the chosen parent would put this topic under itself (A → B → A), or None.

        The database refuses only a topic that is its own parent; a longer loop would send
        every walk up the tree round for ever.
        """
        if self.pk is None or self.parent_id is None:
            return None
        chain, ancestor_id, seen = [], self.parent_id, set()
        while ancestor_id is not None and ancestor_id not in seen:
            if ancestor_id == self.pk:
                path = " → ".join([self.name, *chain, self.name])
                return (
                    f"A topic cannot sit under its own sub-topic: {path}. "
                    "Choose a parent that is not below this topic."
                )
            seen.add(ancestor_id)
            name, ancestor_id = (
                Topic.objects.filter(pk=ancestor_id).values_list("name", "parent_id").get()
            )
            chain.append(name)
        return None


class Event(TimestampedModel):
    """A dated marker on the negotiation's timeline: talks, a summit, a proposal, a ceasefire."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120)
    kind = models.CharField(max_length=20, choices=EventKind, default=EventKind.OTHER)
    date = models.DateField()
    date_precision = models.CharField(
        max_length=DATE_PRECISION_LENGTH, choices=DatePrecision, default=DatePrecision.DAY
    )
    location = models.CharField(max_length=200, blank=True)
    description = models.TextField(
        blank=True, max_length=DESCRIPTION_MAX_LENGTH, validators=bounded(DESCRIPTION_MAX_LENGTH)
    )
    parties = models.ManyToManyField("positions.Party", blank=True, related_name="events")
    topics = models.ManyToManyField("positions.Topic", blank=True, related_name="events")
    sources = models.ManyToManyField("positions.Source", blank=True, related_name="events")

    objects = EventQuerySet.as_manager()
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
