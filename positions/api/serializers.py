"""What the API shows of each record, and what it accepts for writes.

Popolo names are used where they fit (``classification``, ``start_date``, ``end_date``,
``role``, ``memberships``, ``identifiers``, ``sources``), so civic-tech tools recognise them.
Every resource links to itself (``url``) and, where it has one, its public page (``html_url``).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from positions.models import (
    QUOTE_MAX_LENGTH,
    Event,
    Party,
    Person,
    Position,
    Role,
    Source,
    Topic,
)
from positions.models.choices import (
    STANCE_MAX,
    STANCE_MIN,
    STANCE_NAMES,
    DatePrecision,
    Move,
    Shift,
    Stance,
    Status,
)

# The labels a stance field accepts and shows, in score order.
STANCE_LABELS = list(STANCE_NAMES.values())
STANCE_HELP = "Stance label: " + ", ".join(
    f"`{label}` ({value:+d})" for value, label in Stance.choices
)
SCORE_HELP = f"Stance as an integer from {STANCE_MIN} (rejects) to {STANCE_MAX} (supports)."


class HtmlUrlField(serializers.Field):
    """The absolute address of the record's public page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", "The record's public page.")
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


extend_schema_field({"type": "string", "format": "uri"})(HtmlUrlField)


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice that may be unset; shown as null rather than an empty string."""

    def to_representation(self, value):
        return super().to_representation(value) if value else None


def self_link(view_name: str, lookup_field: str = "pk", **kwargs):
    return serializers.HyperlinkedIdentityField(
        view_name=f"api:{view_name}",
        lookup_field=lookup_field,
        help_text="This record in the API.",
        **kwargs,
    )


# Brief objects embedded in other records.


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
    published_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="When the outlet published it."
    )
    modified_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="When the outlet last updated it."
    )

    class Meta:
        model = Source
        fields = ["id", "title", "outlet", "source_url", "published_at", "modified_at", "url"]
        extra_kwargs = {"id": {"help_text": "Numeric id."}}


# Full records.


class TimestampsMixin(serializers.Serializer):
    created_at = serializers.DateTimeField(read_only=True, help_text="When it was recorded.")
    updated_at = serializers.DateTimeField(
        read_only=True, help_text="When it last changed; see `updated_since`."
    )


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


class PartySerializer(TimestampsMixin, PartyBriefSerializer):
    html_url = HtmlUrlField()
    classification = serializers.ChoiceField(
        source="kind", choices=Party._meta.get_field("kind").choices, read_only=True,
        help_text="Kind of party (Popolo `classification`).",
    )  # fmt: skip
    identifiers = IdentifiersField()
    description = serializers.CharField(read_only=True, help_text="Free-text description.")

    class Meta(PartyBriefSerializer.Meta):
        fields = PartyBriefSerializer.Meta.fields + [
            "html_url",
            "classification",
            "identifiers",
            "description",
            "created_at",
            "updated_at",
        ]


class MembershipSerializer(serializers.ModelSerializer):
    """A role a person held for a party (Popolo ``Membership``)."""

    party = PartyBriefSerializer(read_only=True, help_text="The party the role was held for.")
    role = serializers.CharField(source="title", read_only=True, help_text="Title of the post.")
    start_date = serializers.DateField(
        read_only=True, allow_null=True, help_text="When the role began; null if unknown."
    )
    end_date = serializers.DateField(
        read_only=True, allow_null=True, help_text="When it ended; null while held or unknown."
    )

    class Meta:
        model = Role
        fields = ["id", "party", "role", "start_date", "end_date"]
        extra_kwargs = {"id": {"help_text": "Numeric id of the role."}}


class PersonSerializer(TimestampsMixin, PersonBriefSerializer):
    html_url = HtmlUrlField()
    identifiers = IdentifiersField()
    description = serializers.CharField(read_only=True, help_text="Free-text description.")
    memberships = MembershipSerializer(
        source="roles", many=True, read_only=True, help_text="Roles held (Popolo memberships)."
    )

    class Meta(PersonBriefSerializer.Meta):
        fields = PersonBriefSerializer.Meta.fields + [
            "html_url",
            "identifiers",
            "description",
            "memberships",
            "created_at",
            "updated_at",
        ]


class TopicSerializer(TimestampsMixin, TopicBriefSerializer):
    html_url = HtmlUrlField()
    parent = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="Slug of the broader topic, or null for a top-level topic.",
    )
    description = serializers.CharField(read_only=True, help_text="Free-text description.")

    class Meta(TopicBriefSerializer.Meta):
        fields = TopicBriefSerializer.Meta.fields + [
            "html_url",
            "parent",
            "description",
            "created_at",
            "updated_at",
        ]


class SourceSerializer(TimestampsMixin, SourceBriefSerializer):
    html_url = HtmlUrlField()
    classification = serializers.ChoiceField(
        source="kind", choices=Source._meta.get_field("kind").choices, read_only=True,
        help_text="Kind of source: news report, interview, statement…",
    )  # fmt: skip
    byline = serializers.CharField(read_only=True, help_text="Author or agency.")
    archived_url = serializers.CharField(
        read_only=True, help_text="An archived copy of the source (may be empty)."
    )
    language = serializers.CharField(read_only=True, help_text="BCP 47 language code.")
    original = serializers.IntegerField(
        source="original_id",
        read_only=True,
        allow_null=True,
        help_text="Id of the source this one reports on, e.g. the interview a report quotes.",
    )

    class Meta(SourceBriefSerializer.Meta):
        fields = SourceBriefSerializer.Meta.fields + [
            "html_url",
            "classification",
            "byline",
            "archived_url",
            "language",
            "original",
            "created_at",
            "updated_at",
        ]


class EventSerializer(TimestampsMixin, serializers.ModelSerializer):
    url = self_link("event-detail", "slug")
    slug = serializers.SlugField(read_only=True, help_text="Stable identifier used in URLs.")
    name = serializers.CharField(source="title", read_only=True, help_text="What happened.")
    classification = serializers.ChoiceField(
        source="kind", choices=Event._meta.get_field("kind").choices, read_only=True,
        help_text="Kind of event (Popolo `classification`).",
    )  # fmt: skip
    start_date = serializers.DateField(source="date", read_only=True, help_text="When.")
    date_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, read_only=True, help_text="How precise `start_date` is."
    )
    location = serializers.CharField(read_only=True, help_text="Where (may be empty).")
    description = serializers.CharField(read_only=True, help_text="Free-text description.")
    parties = PartyBriefSerializer(many=True, read_only=True, help_text="Parties involved.")
    topics = TopicBriefSerializer(many=True, read_only=True, help_text="Topics concerned.")
    sources = SourceBriefSerializer(many=True, read_only=True, help_text="Sources reporting it.")

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "name",
            "classification",
            "start_date",
            "date_precision",
            "location",
            "description",
            "parties",
            "topics",
            "sources",
            "url",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"id": {"help_text": "Numeric id."}}


class PositionSerializer(TimestampsMixin, serializers.ModelSerializer):
    url = self_link("position-detail")
    html_url = HtmlUrlField()
    party = PartyBriefSerializer(read_only=True, help_text="The party taking the position.")
    topic = TopicBriefSerializer(read_only=True, help_text="What the position is about.")
    speaker = PersonBriefSerializer(
        read_only=True, allow_null=True, help_text="Who said it, if known."
    )
    role = serializers.CharField(
        source="role.title",
        read_only=True,
        allow_null=True,
        help_text="The speaker's role when the statement was made (Popolo `role`).",
    )
    source = SourceBriefSerializer(read_only=True, help_text="Where the statement was reported.")
    stance = serializers.ChoiceField(
        source="get_stance_display", choices=STANCE_LABELS, read_only=True, help_text=STANCE_HELP
    )
    stance_score = serializers.IntegerField(
        source="stance", read_only=True, min_value=STANCE_MIN, max_value=STANCE_MAX,
        help_text=SCORE_HELP,
    )  # fmt: skip
    shift = BlankAsNullChoiceField(
        choices=Shift.choices,
        read_only=True,
        allow_null=True,
        help_text="How the stance moved from the party's previous published position on the "
        "topic; null unless published.",
    )
    previous = serializers.IntegerField(
        source="previous_id",
        read_only=True,
        allow_null=True,
        help_text="Id of that previous position; null for the first or an unpublished one.",
    )
    stated_on = serializers.DateField(
        read_only=True, help_text="When the statement was made (not when it was reported)."
    )
    stated_on_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, read_only=True, help_text="How precise `stated_on` is."
    )
    quote = serializers.CharField(read_only=True, help_text="Verbatim, as printed in the source.")
    summary = serializers.CharField(read_only=True, help_text="One neutral sentence.")
    conditions = serializers.CharField(
        read_only=True, help_text="Conditions the party attached (may be empty)."
    )
    move = serializers.ChoiceField(
        choices=Move.choices, read_only=True, help_text="Kind of negotiating move."
    )
    status = serializers.ChoiceField(
        choices=Status.choices,
        read_only=True,
        help_text="Editorial status; `retracted` positions stay listed, marked, with a reason.",
    )
    version = serializers.IntegerField(
        read_only=True, help_text="Increases with every change; send it back when writing."
    )
    published_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="When it was first published."
    )
    retracted_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="When it was retracted, if it was."
    )
    retraction_reason = serializers.CharField(
        read_only=True, help_text="Why it was retracted (empty unless retracted)."
    )

    class Meta:
        model = Position
        fields = [
            "id",
            "url",
            "html_url",
            "party",
            "topic",
            "speaker",
            "role",
            "source",
            "stance",
            "stance_score",
            "shift",
            "previous",
            "stated_on",
            "stated_on_precision",
            "quote",
            "summary",
            "conditions",
            "move",
            "status",
            "version",
            "published_at",
            "retracted_at",
            "retraction_reason",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"id": {"help_text": "Numeric id."}}


class PositionRevisionSerializer(serializers.Serializer):
    """One public revision of a position, as recorded when it was saved."""

    revision = serializers.IntegerField(source="history_id", help_text="Revision id.")
    recorded_at = serializers.DateTimeField(
        source="history_date", help_text="When this revision was saved."
    )
    note = serializers.CharField(
        source="history_change_reason",
        allow_null=True,
        help_text="What happened, e.g. `Published` or `Corrected: …` with the public note.",
    )
    version = serializers.IntegerField(help_text="The position's version after this change.")
    status = serializers.ChoiceField(choices=Status.choices, help_text="Status after the change.")
    party = serializers.CharField(source="party.slug", help_text="Party slug.")
    topic = serializers.CharField(source="topic.slug", help_text="Topic slug.")
    stance = serializers.ChoiceField(
        source="get_stance_display", choices=STANCE_LABELS, help_text=STANCE_HELP
    )
    stance_score = serializers.IntegerField(source="stance", help_text=SCORE_HELP)
    stated_on = serializers.DateField(help_text="When the statement was made.")
    quote = serializers.CharField(max_length=QUOTE_MAX_LENGTH, help_text="Verbatim quote.")
    summary = serializers.CharField(help_text="Neutral summary.")
    conditions = serializers.CharField(help_text="Conditions attached.")
    move = serializers.ChoiceField(choices=Move.choices, help_text="Kind of negotiating move.")
    retraction_reason = serializers.CharField(help_text="Why it was retracted, if it was.")


# Writes.


class SlugLookupField(serializers.SlugRelatedField):
    """A slug naming an existing row; refused before the database sees a NUL character."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


class IdLookupField(serializers.PrimaryKeyRelatedField):
    """An id naming an existing row; numbers too large for the database are refused first."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not str(data).isascii() or not str(data).isdigit():
            self.fail("incorrect_type", data_type=type(data).__name__)
        if len(str(data)) > 18:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class PositionWriteSerializer(serializers.Serializer):
    """Fields an editor sets; the workflow sets everything else."""

    party = SlugLookupField(
        slug_field="slug", queryset=Party.objects.all(), help_text="Party slug."
    )
    topic = SlugLookupField(
        slug_field="slug", queryset=Topic.objects.all(), help_text="Topic slug."
    )
    speaker = SlugLookupField(
        slug_field="slug",
        queryset=Person.objects.all(),
        allow_null=True,
        required=False,
        help_text="Speaker's slug, or null.",
    )
    role = IdLookupField(
        queryset=Role.objects.all(),
        allow_null=True,
        required=False,
        help_text="Id of the speaker's role at the time (see people's memberships), or null.",
    )
    source = IdLookupField(queryset=Source.objects.all(), help_text="Source id.")
    stated_on = serializers.DateField(help_text="When the statement was made.")
    stated_on_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, required=False, help_text="How precise `stated_on` is."
    )
    stance = serializers.ChoiceField(choices=STANCE_LABELS, help_text=STANCE_HELP)
    move = serializers.ChoiceField(
        choices=Move.choices, required=False, help_text="Kind of negotiating move."
    )
    conditions = serializers.CharField(
        required=False, allow_blank=True, help_text="Conditions attached."
    )
    summary = serializers.CharField(max_length=500, help_text="One neutral sentence.")
    quote = serializers.CharField(
        max_length=QUOTE_MAX_LENGTH, help_text="Verbatim, as printed in the source."
    )
    version = serializers.IntegerField(
        required=False,
        write_only=True,
        help_text="The version you edited (or send `If-Match`); required when changing.",
    )
    note = serializers.CharField(
        required=False,
        write_only=True,
        help_text="Required to change a published position: what was corrected and why "
        "(shown publicly in its history).",
    )

    def to_internal_value(self, data):
        # A misspelt or read-only field (``status``, ``is_superuser``) is an error, as unknown
        # query parameters are: silently dropping it would hide the client's mistake.
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Unknown or read-only field."] for name in unknown}
                )
        return super().to_internal_value(data)

    def validate_stance(self, label: str) -> int:
        return next(value for value, name in Stance.choices if name == label)

    def changes(self) -> dict:
        return {
            name: value
            for name, value in self.validated_data.items()
            if name not in ("version", "note")
        }


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, help_text="The version you acted on (or send `If-Match`)."
    )


class SendBackSerializer(VersionSerializer):
    comment = serializers.CharField(help_text="What the editor should change.")


class RetractSerializer(VersionSerializer):
    reason = serializers.CharField(help_text="Why the position is retracted (shown publicly).")


class VersionConflictSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong.")
    current_version = serializers.IntegerField(help_text="The position's version now.")
    changed_fields = serializers.ListField(
        child=serializers.CharField(), help_text="Fields that differ from what you sent."
    )
