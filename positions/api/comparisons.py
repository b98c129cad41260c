"""Query and response shapes of the timeline and compare endpoints.

The computing is done by ``positions.reading.stances``, which the pages use too.
"""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from positions.api.serializers import (
    SCORE_HELP,
    STANCE_HELP,
    STANCE_LABELS,
    BlankAsNullChoiceField,
    PartyBriefSerializer,
    TopicBriefSerializer,
)
from positions.models.choices import STANCE_NAMES, Shift
from positions.reading.requests import (
    DEFAULT_TIMELINE_LIMIT,
    MAX_TIMELINE_LIMIT,
    IsoDateField,
    SlugsField,
)


def validated(form: forms.Form) -> dict:
    """The form's cleaned data, or its errors as the API's 400: ``{parameter: [message]}``."""
    if not form.is_valid():
        raise ValidationError(
            {
                name: [error["message"] for error in errors]
                for name, errors in form.errors.get_json_data().items()
            }
        )
    return form.cleaned_data


def form_parameters(form_class) -> list[OpenApiParameter]:
    """The query parameters a request form reads, described as its fields are."""
    parameters = []
    for name, field in form_class().fields.items():
        if isinstance(field, IsoDateField):
            kind = OpenApiTypes.DATE
        elif isinstance(field, forms.IntegerField):
            kind = OpenApiTypes.INT
        else:
            kind = OpenApiTypes.STR
        parameters.append(
            OpenApiParameter(
                name,
                kind,
                OpenApiParameter.QUERY,
                required=field.required,
                description=field.help_text,
                many=isinstance(field, SlugsField),
            )
        )
    return parameters


class TimelinePointSerializer(serializers.Serializer):
    date = serializers.DateField(source="stated_on", help_text="When it was stated.")
    stance = serializers.ChoiceField(
        source="get_stance_display", choices=STANCE_LABELS, help_text=STANCE_HELP
    )
    stance_score = serializers.IntegerField(source="stance", help_text=SCORE_HELP)
    position = serializers.IntegerField(source="id", help_text="Position id.")
    shift = BlankAsNullChoiceField(
        choices=Shift.choices,
        allow_null=True,
        help_text="Change from the party's previous published position on the topic "
        "(which may lie in an older window).",
    )


class PartySeriesSerializer(serializers.Serializer):
    party = PartyBriefSerializer(help_text="The party.")
    points = TimelinePointSerializer(many=True, help_text="Its published positions, oldest first.")


TIMELINE_DESCRIPTION = (
    f"The newest `limit` published statements on the topic (default {DEFAULT_TIMELINE_LIMIT}, "
    f"at most {MAX_TIMELINE_LIMIT}) across the requested parties, one series per party, "
    "oldest first within each. When older statements exist, `truncated` is true and `next` "
    "asks for the window before the oldest point shown (`before=DATE,ID`): following `next` "
    "until it is null visits every statement exactly once. Every window costs the same "
    "however long the topic's record grows."
)


class TimelineSerializer(serializers.Serializer):
    topic = TopicBriefSerializer(help_text="The topic.")
    series = PartySeriesSerializer(
        many=True, help_text="One series per party with positions in this window."
    )
    truncated = serializers.BooleanField(
        help_text="True when older statements exist than this window shows: follow `next`."
    )
    next = serializers.URLField(
        allow_null=True, help_text="The window of older statements, or null when none is left."
    )


class CellSerializer(serializers.Serializer):
    """A cell as the response shows it; ``cell_data`` writes it (tested to agree)."""

    party = serializers.CharField(source="party.slug", help_text="Party slug.")
    topic = serializers.CharField(source="topic.slug", help_text="Topic slug.")
    position = serializers.IntegerField(source="id", help_text="Id of the position in force.")
    stance = serializers.ChoiceField(
        source="get_stance_display", choices=STANCE_LABELS, help_text=STANCE_HELP
    )
    stance_score = serializers.IntegerField(source="stance", help_text=SCORE_HELP)
    stated_on = serializers.DateField(help_text="When that position was stated.")


class MatrixSerializer(serializers.Serializer):
    as_of = serializers.DateField(help_text="The date the matrix describes.")
    parties = PartyBriefSerializer(many=True, help_text="Rows.")
    topics = TopicBriefSerializer(many=True, help_text="Columns.")
    cells = CellSerializer(
        many=True, help_text="Known positions; a missing cell means no known position."
    )
    common_ground = serializers.ListField(
        child=serializers.CharField(),
        help_text="Slugs of topics every compared party is at least open to.",
    )
    divides = serializers.ListField(
        child=serializers.CharField(),
        help_text="Slugs of topics some party supports and another opposes.",
    )

    def to_representation(self, matrix):
        data = super().to_representation(
            {
                "as_of": matrix.as_of,
                "parties": matrix.parties,
                "topics": matrix.topics,
                "cells": [],
                "common_ground": [t.slug for t in matrix.topics if matrix.is_common_ground(t)],
                "divides": [t.slug for t in matrix.topics if matrix.is_divide(t)],
            }
        )
        # A whole matrix runs to thousands of cells: shaped directly, as CellSerializer
        # describes them (a test holds the two to the same output).
        data["cells"] = [
            cell_data(cell, party.slug, topic.slug)
            for party in matrix.parties
            for topic in matrix.topics
            if (cell := matrix.cell(party, topic))
        ]
        return data


def cell_data(cell, party_slug: str, topic_slug: str) -> dict:
    """A matrix cell (a ``StanceInForce``) as ``CellSerializer`` shows it."""
    return {
        "party": party_slug,
        "topic": topic_slug,
        "position": cell.id,
        "stance": STANCE_NAMES[cell.stance],
        "stance_score": cell.stance,
        "stated_on": cell.stated_on.isoformat(),
    }


class ChangeSideSerializer(serializers.Serializer):
    position = serializers.IntegerField(source="id", help_text="Position id.")
    stance = serializers.ChoiceField(
        source="get_stance_display", choices=STANCE_LABELS, help_text=STANCE_HELP
    )
    stance_score = serializers.IntegerField(source="stance", help_text=SCORE_HELP)
    stated_on = serializers.DateField(help_text="When it was stated.")


class ChangeSerializer(serializers.Serializer):
    party = PartyBriefSerializer(help_text="The party.")
    topic = TopicBriefSerializer(help_text="The topic.")
    before = ChangeSideSerializer(
        allow_null=True, help_text="Position in force on `from`; null if none was known."
    )
    after = ChangeSideSerializer(
        allow_null=True, help_text="Position in force on `to`; null if none was known."
    )


class ChangesSerializer(serializers.Serializer):
    to = serializers.DateField(help_text="End date.")
    changes = ChangeSerializer(many=True, help_text="Every party × topic whose stance differs.")

    def get_fields(self):
        # ``from`` is a Python keyword, hence added here rather than declared.
        return {"from": serializers.DateField(help_text="Start date."), **super().get_fields()}

    def to_representation(self, instance):
        data = super().to_representation({**instance, "changes": []})
        # Across a whole matrix the changes run to thousands (2.1 s through the serializers
        # at a million positions): each party and topic is written once, and each side
        # shaped directly, as ChangeSerializer describes them (a test holds the two to the
        # same output).
        parties, topics = {}, {}
        data["changes"] = [
            {
                "party": _brief(parties, PartyBriefSerializer, change.party, self.context),
                "topic": _brief(topics, TopicBriefSerializer, change.topic, self.context),
                "before": side_data(change.before),
                "after": side_data(change.after),
            }
            for change in instance["changes"]
        ]
        return data


def _brief(written: dict, serializer_class, row, context) -> dict:
    if row.pk not in written:
        written[row.pk] = serializer_class(row, context=context).data
    return written[row.pk]


def side_data(side) -> dict | None:
    """A change's side (a ``StanceInForce``, or None) as ``ChangeSideSerializer`` shows it."""
    if side is None:
        return None
    return {
        "position": side.id,
        "stance": STANCE_NAMES[side.stance],
        "stance_score": side.stance,
        "stated_on": side.stated_on.isoformat(),
    }
