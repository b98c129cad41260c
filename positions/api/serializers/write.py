"""What the API accepts for writes."""

from rest_framework import serializers

from positions.api.serializers.fields import STANCE_HELP, STANCE_LABELS
from positions.models import (
    QUOTE_MAX_LENGTH,
    Party,
    Person,
    Role,
    Source,
    Topic,
)
from positions.models.choices import (
    DatePrecision,
    Move,
    Stance,
)
from positions.reading.requests import UNKNOWN_SLUG_ERROR


class SlugLookupField(serializers.SlugRelatedField):
    """A slug naming an existing row; refused before the database sees a NUL character.
    An unknown slug is refused with the words every endpoint and page uses."""

    default_error_messages = {
        **serializers.SlugRelatedField.default_error_messages,
        "does_not_exist": UNKNOWN_SLUG_ERROR.format(slugs="{value}"),
    }

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
    long_standing = serializers.BooleanField(
        required=False,
        help_text="A stance held since before `stated_on`, as the source describes it; "
        "`stated_on` must then be before the day the source appeared.",
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
    quote_translation = serializers.CharField(
        max_length=QUOTE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text="The quote in English; required when the quote is mostly Cyrillic.",
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
