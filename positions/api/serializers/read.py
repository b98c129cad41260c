"""Full records, as the API shows them."""

from rest_framework import serializers

from positions.api.serializers.brief import (
    PartyBriefSerializer,
    PersonBriefSerializer,
    SourceBriefSerializer,
    TopicBriefSerializer,
)
from positions.api.serializers.fields import (
    SCORE_HELP,
    STANCE_HELP,
    STANCE_LABELS,
    BlankAsNullChoiceField,
    IdentifiersField,
    LinksField,
    MomentField,
    OtherNamesField,
    TimestampsMixin,
    page_link,
    self_link,
)
from positions.models import (
    QUOTE_MAX_LENGTH,
    Event,
    Party,
    Position,
    Role,
    Source,
)
from positions.models.choices import (
    STANCE_MAX,
    STANCE_MIN,
    DatePrecision,
    Move,
    Shift,
    Status,
)


class PartySerializer(TimestampsMixin, PartyBriefSerializer):
    html_url = page_link("party-detail", "slug")
    classification = serializers.ChoiceField(
        source="kind", choices=Party._meta.get_field("kind").choices, read_only=True,
        help_text="Kind of party (Popolo `classification`).",
    )  # fmt: skip
    identifiers = IdentifiersField()
    other_names = OtherNamesField()
    links = LinksField()
    description = serializers.CharField(read_only=True, help_text="Free-text description.")

    class Meta(PartyBriefSerializer.Meta):
        fields = PartyBriefSerializer.Meta.fields + [
            "html_url",
            "classification",
            "identifiers",
            "other_names",
            "links",
            "description",
            "created_at",
            "updated_at",
        ]


class MembershipSerializer(serializers.ModelSerializer):
    """A role a person held for a party (Popolo ``Membership``)."""

    party = PartyBriefSerializer(read_only=True, help_text="The party the role was held for.")
    role = serializers.CharField(source="title", read_only=True, help_text="Title of the post.")
    label = serializers.CharField(
        source="title", read_only=True, help_text="The same title (Popolo `label`)."
    )
    person_id = serializers.CharField(
        source="person.slug", read_only=True, help_text="The member's slug (Popolo `person_id`)."
    )
    organization_id = serializers.CharField(
        source="party.slug",
        read_only=True,
        help_text="The party's slug (Popolo `organization_id`).",
    )
    start_date = serializers.DateField(
        read_only=True, allow_null=True, help_text="When the role began; null if unknown."
    )
    end_date = serializers.DateField(
        read_only=True, allow_null=True, help_text="When it ended; null while held or unknown."
    )

    class Meta:
        model = Role
        fields = [
            "id",
            "party",
            "role",
            "label",
            "person_id",
            "organization_id",
            "start_date",
            "end_date",
        ]
        extra_kwargs = {"id": {"help_text": "Numeric id of the role."}}


class PersonSerializer(TimestampsMixin, PersonBriefSerializer):
    html_url = page_link("person-detail", "slug")
    identifiers = IdentifiersField()
    other_names = OtherNamesField()
    links = LinksField()
    description = serializers.CharField(read_only=True, help_text="Free-text description.")
    memberships = MembershipSerializer(
        source="roles", many=True, read_only=True, help_text="Roles held (Popolo memberships)."
    )

    class Meta(PersonBriefSerializer.Meta):
        fields = PersonBriefSerializer.Meta.fields + [
            "html_url",
            "identifiers",
            "other_names",
            "links",
            "description",
            "memberships",
            "created_at",
            "updated_at",
        ]


class TopicSerializer(TimestampsMixin, TopicBriefSerializer):
    html_url = page_link("topic-detail", "slug")
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
    html_url = page_link("source-detail")
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
    html_url = page_link("position-detail")
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
    quote = serializers.CharField(
        read_only=True, help_text="Verbatim, as printed in the source, in the source's language."
    )
    quote_translation = serializers.CharField(
        read_only=True,
        help_text="The quote in English when the source is in another language (else empty).",
    )
    long_standing = serializers.BooleanField(
        read_only=True,
        help_text="A stance held since before `stated_on`, as the source describes it.",
    )
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
    published_at = MomentField(
        read_only=True, allow_null=True, help_text="When it was first published."
    )
    retracted_at = MomentField(
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
            "long_standing",
            "quote",
            "quote_translation",
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
    recorded_at = MomentField(source="history_date", help_text="When this revision was saved.")
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
