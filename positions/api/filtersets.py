"""Query-string filters for the API's lists and exports.

Every filter describes itself (the OpenAPI schema shows these texts) and validates its
value: a malformed or unknown value is a 400 naming the parameter, never ignored.
"""

import datetime

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django_filters.fields import IsoDateTimeField, ModelMultipleChoiceField
from drf_spectacular.utils import extend_schema_field

from positions.models import Event, Party, Person, Position, Role, Source, Tombstone, Topic
from positions.models.choices import (
    STANCE_MAX,
    STANCE_MIN,
    Move,
    PartyKind,
    SourceKind,
    Stance,
    Status,
)
from positions.models.tombstones import TombstoneKind
from positions.reading.requests import (
    ISO_DATE,
    UNKNOWN_SLUG_ERROR,
    IsoDateField,
    iso_date,
    nameable,
    topic_ids_with_descendants,
)
from positions.reading.term_search import matching_every_term

STANCE_BY_LABEL = {label: value for value, label in Stance.choices}


def described(schema: dict, query_filter):
    """``query_filter``, with the schema the OpenAPI document gives its values (a filter
    with a ``method`` would otherwise be guessed from the model's column)."""
    help_text = query_filter.extra.get("help_text", "")
    return extend_schema_field({**schema, "description": help_text})(query_filter)


# Sort keys the position cursor can follow; each is paired with ``id`` to break ties.
POSITION_ORDERINGS = {
    "stated_on": ("stated_on", "id"),
    "-stated_on": ("-stated_on", "-id"),
    "updated_at": ("updated_at", "id"),
    "-updated_at": ("-updated_at", "-id"),
}
DEFAULT_POSITION_ORDERING = "stated_on"


class IntegerFilter(filters.NumberFilter):
    """A whole number: ``1.5`` is refused rather than rounded."""

    field_class = forms.IntegerField


# Row ids are 64-bit; longer numbers would overflow the database's integer.
MAX_ID_DIGITS = 18


class RepeatableTextInput(forms.TextInput):
    """A text box per value, read like a multiple select: the parameter may repeat.

    The browsable API draws each filter as a form field, and a select would list every row
    of the table: a million-position record has more than 100,000 sources.
    """

    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # as for a multiple select: no value given means none chosen

    def render(self, name, value, attrs=None, renderer=None):
        values = [v for v in value or () if v not in (None, "")] or [""]
        first, *more = values
        others = {key: v for key, v in (attrs or {}).items() if key != "id"}
        box = super().render
        boxes = [box(name, first, attrs, renderer), *(box(name, v, others, renderer) for v in more)]
        return format_html_join("", "{}", ((markup,) for markup in boxes))


class IdsField(ModelMultipleChoiceField):
    def clean(self, value):
        # Refused before the database is asked: it would overflow on a longer number.
        for item in value if isinstance(value, list | tuple) else ():
            text = str(item)
            if not (text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS):
                # As a parameter: django-filter formats the message with its params.
                raise ValidationError(
                    "“%(value)s” is not a valid id.",
                    code="invalid_pk_value",
                    params={"value": text},
                )
        return super().clean(value)


class IdsFilter(filters.ModelMultipleChoiceFilter):
    """Row ids, checked to be numbers the database can hold before it is asked."""

    field_class = IdsField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 moment, converted to UTC (databases refuse some exotic offsets)."""

    def to_python(self, value):
        text = value.strip() if isinstance(value, str) else ""
        if ISO_DATE.fullmatch(text[:10]):
            iso_date(text[:10])  # an impossible day is told apart from a malformed moment
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            raise ValidationError("Enter a moment between the years 1 and 9999.") from None


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class IsoDateFilter(filters.DateFilter):
    """A date written ``YYYY-MM-DD``, read as the pages and the compare endpoint read it."""

    field_class = IsoDateField


class SyncFilterSet(filters.FilterSet):
    """What every list offers: fetch only what was created or changed since a moment."""

    updated_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only records created or changed at or after this moment (ISO 8601, e.g. "
        "`2025-03-17T00:00:00Z` or `2025-03-17`; UTC when no offset is given).",
    )


class ChoicesFilter(filters.MultipleChoiceFilter):
    """Values of a column of the listed rows; the parameter may repeat.

    Each row matches once, so there is no DISTINCT: on a list of many columns it made the
    database sort every match before returning a page (0.8 s for `move=demand` at a
    million positions).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, distinct=False, **kwargs)


class SlugsFilter(filters.ModelMultipleChoiceFilter):
    """Slugs of existing rows; the parameter may repeat. An unknown slug is refused with the
    message the pages and the compare endpoint give."""

    def __init__(self, *args, help_text: str, **kwargs):
        unknown = UNKNOWN_SLUG_ERROR.format(slugs="%(value)s")
        kwargs.setdefault("error_messages", {"invalid_choice": unknown})
        super().__init__(*args, help_text=help_text, **kwargs)
        # The schema would otherwise guess the type from the model, and warn.
        extend_schema_field({"type": "string", "description": help_text})(self)


def named(model):
    """The rows of ``model`` a filter may name for the request (``nameable``): a record not
    yet public answers an anonymous client as an unknown one would."""
    return lambda request: nameable(model, getattr(request, "user", None))


def _slugs(model, help_text: str, field_name: str, **options) -> filters.ModelMultipleChoiceFilter:
    return SlugsFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=named(model),
        # A foreign key matches each row once: DISTINCT would only sort every match.
        distinct=False,
        help_text=help_text,
        **options,
    )


class PositionFilterSet(SyncFilterSet):
    party = _slugs(Party, "Party slug, e.g. `russia`. Repeat to combine parties.", "party__slug")
    topic = SlugsFilter(
        to_field_name="slug",
        queryset=named(Topic),
        method="filter_topic",
        help_text="Topic slug, e.g. `ukraine-nato-membership`; includes its sub-topics. "
        "Repeat to combine topics.",
    )
    # Speakers and sources are too many to offer as a list of choices.
    speaker = _slugs(
        Person,
        "Speaker's slug, e.g. `alexander-grushko`. Repeatable.",
        "speaker__slug",
        widget=RepeatableTextInput,
    )
    source = described(
        {"type": "integer", "minimum": 1, "maximum": 10**MAX_ID_DIGITS - 1},
        IdsFilter(
            queryset=named(Source),
            distinct=False,  # a foreign key: each position matches once
            help_text="Source id. Repeatable.",
            widget=RepeatableTextInput,
        ),
    )
    stance = described(
        {"type": "string", "enum": list(STANCE_BY_LABEL)},
        ChoicesFilter(
            choices=[(label, label) for label in STANCE_BY_LABEL],
            method="filter_stance",
            help_text="Stance label. Repeatable.",
        ),
    )
    stance_score_min = described(
        {"type": "integer", "minimum": STANCE_MIN, "maximum": STANCE_MAX},
        IntegerFilter(
            field_name="stance",
            lookup_expr="gte",
            min_value=STANCE_MIN,
            max_value=STANCE_MAX,
            help_text=f"Lowest stance score to include ({STANCE_MIN} rejects … {STANCE_MAX} "
            "supports).",
        ),
    )
    stance_score_max = described(
        {"type": "integer", "minimum": STANCE_MIN, "maximum": STANCE_MAX},
        IntegerFilter(
            field_name="stance",
            lookup_expr="lte",
            min_value=STANCE_MIN,
            max_value=STANCE_MAX,
            help_text=f"Highest stance score to include ({STANCE_MIN} rejects … {STANCE_MAX} "
            "supports).",
        ),
    )
    stated_after = IsoDateFilter(
        field_name="stated_on",
        lookup_expr="gte",
        help_text="Only positions stated on or after this date (YYYY-MM-DD).",
    )
    stated_before = IsoDateFilter(
        field_name="stated_on",
        lookup_expr="lte",
        help_text="Only positions stated on or before this date (YYYY-MM-DD).",
    )
    move = ChoicesFilter(choices=Move.choices, help_text="Kind of negotiating move. Repeatable.")
    status = ChoicesFilter(
        choices=Status.choices,
        help_text="Editorial status. Anonymous clients only ever see `published` and "
        "`retracted`; use `status=retracted` to learn which positions were withdrawn.",
    )
    q = filters.CharFilter(
        method="filter_search",
        max_length=200,
        help_text='Words or "quoted phrases" (up to 10) that must all match, in any case: '
        "in the quote, summary or conditions, the speaker's or party's names, the topic's "
        "name or proposition, or the source's title or outlet. On PostgreSQL a word of a "
        "quote or summary matches in any form and by its start (`negotiation` finds "
        "negotiations; `Grush` finds Grushko), and very common words (`will`, `not`) match "
        "no quote.",
    )
    ordering = filters.ChoiceFilter(
        choices=[(key, key) for key in POSITION_ORDERINGS],
        method="filter_ordering",
        empty_label=None,
        help_text="Sort order; ties are broken by id. Default `stated_on`. Use `updated_at` to "
        "sync.",
    )

    class Meta:
        model = Position
        fields = []

    def filter_topic(self, queryset, name, value):
        if not value:  # an absent multiple-choice parameter arrives as an empty queryset
            return queryset
        return queryset.filter(topic_id__in=topic_ids_with_descendants(t.id for t in value))

    def filter_stance(self, queryset, name, value):
        return queryset.filter(stance__in=[STANCE_BY_LABEL[label] for label in value])

    def filter_search(self, queryset, name, value):
        return matching_every_term(queryset, value)

    def filter_ordering(self, queryset, name, value):
        return queryset.order_by(*POSITION_ORDERINGS[value])


class PartyFilterSet(SyncFilterSet):
    classification = ChoicesFilter(
        field_name="kind", choices=PartyKind.choices, help_text="Kind of party. Repeatable."
    )

    class Meta:
        model = Party
        fields = []


class PersonFilterSet(SyncFilterSet):
    party = SlugsFilter(
        field_name="roles__party",
        to_field_name="slug",
        queryset=named(Party),
        method="filter_party",
        help_text="Only people who held a role for this party (slug). Repeatable.",
    )

    class Meta:
        model = Person
        fields = []

    def filter_party(self, queryset, name, value):
        if not value:  # an absent multiple-choice parameter arrives as an empty queryset
            return queryset
        return queryset.filter(id__in=Role.objects.filter(party__in=value).values("person_id"))


class TopicFilterSet(SyncFilterSet):
    parent = filters.ModelChoiceFilter(
        field_name="parent",
        to_field_name="slug",
        queryset=named(Topic),
        error_messages={"invalid_choice": UNKNOWN_SLUG_ERROR.format(slugs="%(value)s")},
        help_text="Only the direct sub-topics of this topic (slug).",
    )

    class Meta:
        model = Topic
        fields = []


class SourceFilterSet(SyncFilterSet):
    kind = ChoicesFilter(choices=SourceKind.choices, help_text="Kind of source. Repeatable.")
    outlet = filters.CharFilter(
        lookup_expr="iexact", max_length=200, help_text="Outlet name, any case, e.g. `Xinhua`."
    )

    class Meta:
        model = Source
        fields = []


class EventFilterSet(SyncFilterSet):
    classification = ChoicesFilter(
        field_name="kind", choices=Event._meta.get_field("kind").choices, help_text="Kind of event."
    )
    party = SlugsFilter(
        field_name="parties__slug",
        to_field_name="slug",
        queryset=named(Party),
        distinct=True,
        help_text="Only events involving this party (slug). Repeatable.",
    )
    topic = SlugsFilter(
        field_name="topics__slug",
        to_field_name="slug",
        queryset=named(Topic),
        distinct=True,
        help_text="Only events about this topic (slug). Repeatable.",
    )
    start_date_after = IsoDateFilter(
        field_name="date", lookup_expr="gte", help_text="Only events on or after this date."
    )
    start_date_before = IsoDateFilter(
        field_name="date", lookup_expr="lte", help_text="Only events on or before this date."
    )

    class Meta:
        model = Event
        fields = []


class DeletionFilterSet(filters.FilterSet):
    since = UtcDateTimeFilter(
        field_name="deleted_at",
        lookup_expr="gte",
        help_text="Only records deleted at or after this moment (ISO 8601, as `updated_since`).",
    )
    type = ChoicesFilter(
        field_name="kind", choices=TombstoneKind.choices, help_text="Kind of record. Repeatable."
    )

    class Meta:
        model = Tombstone
        fields = []
