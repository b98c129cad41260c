"""Query and response shapes of the timeline and compare endpoints.

The computing is done by ``positions.reading.stances``, which the pages use too.
"""

import datetime
from typing import NamedTuple

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.utils.urls import replace_query_param

from positions.api.rows import RowsListSerializer
from positions.api.serializers import (
    SCORE_HELP,
    STANCE_HELP,
    STANCE_LABELS,
    BlankAsNullChoiceField,
    PartyBriefSerializer,
    TopicBriefSerializer,
)
from positions.models import Party, Position, Topic
from positions.models.choices import Shift
from positions.reading.requests import (
    DEFAULT_TIMELINE_LIMIT,
    MAX_TIMELINE_LIMIT,
    IsoDateField,
    SlugsField,
)
from positions.reading.stances import StanceInForce, StanceMatrix
from positions.reading.timelines import TimelineWindow


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
        if isinstance(field, forms.IntegerField):
            kind = {"type": "integer", "minimum": field.min_value, "maximum": field.max_value}
            kind = {key: value for key, value in kind.items() if value is not None}
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

    class Meta:
        # A window holds hundreds of points: written from their rows (``api/rows.py``).
        model = Position
        list_serializer_class = RowsListSerializer


class PartySeriesSerializer(serializers.Serializer):
    party = PartyBriefSerializer(help_text="The party.")
    points = TimelinePointSerializer(many=True, help_text="Its published positions, oldest first.")

    class Meta:
        # One series per party, each with its points: written as rows, as the points are.
        model = Party
        list_serializer_class = RowsListSerializer


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


def older_link(request, next_key: tuple[datetime.date, int] | None) -> str | None:
    """This request's address asking for the window before ``next_key``, if there is one."""
    if next_key is None:
        return None
    stated_on, position_id = next_key
    return replace_query_param(
        request.build_absolute_uri(), "before", f"{stated_on.isoformat()},{position_id}"
    )


def timeline_body(request, topic: Topic, window: TimelineWindow) -> dict:
    """A window of ``topic``'s timeline as ``TimelineSerializer`` writes it."""
    next_link = older_link(request, window.next_key)
    body = {"topic": topic, "series": window.series, "truncated": bool(next_link)}
    return TimelineSerializer({**body, "next": next_link}, context={"request": request}).data


class MatrixCell(NamedTuple):
    """A known cell of the matrix: the position in force for a party on a topic."""

    party: Party
    topic: Topic
    position: StanceInForce


class CellSerializer(serializers.Serializer):
    party = serializers.CharField(source="party.slug", help_text="Party slug.")
    topic = serializers.CharField(source="topic.slug", help_text="Topic slug.")
    position = serializers.IntegerField(
        source="position.id", help_text="Id of the position in force."
    )
    stance = serializers.ChoiceField(
        source="position.get_stance_display", choices=STANCE_LABELS, help_text=STANCE_HELP
    )
    stance_score = serializers.IntegerField(source="position.stance", help_text=SCORE_HELP)
    stated_on = serializers.DateField(
        source="position.stated_on", help_text="When that position was stated."
    )


class MatrixSerializer(serializers.Serializer):
    as_of = serializers.DateField(help_text="The date the matrix describes.")
    parties = PartyBriefSerializer(many=True, help_text="Rows.")
    topics = TopicBriefSerializer(many=True, help_text="Columns.")
    cells = CellSerializer(
        many=True, help_text="Known positions; a missing cell means no known position."
    )
    common_ground = serializers.ListField(
        child=serializers.CharField(),
        help_text="Slugs of topics at least two compared parties, and at least three quarters "
        "of those with a known stance, are open to or support.",
    )
    divides = serializers.ListField(
        child=serializers.CharField(),
        help_text="Slugs of topics with compared parties on both sides (open or supports; "
        "opposes or rejects), the smaller side at least a third of those taking a side.",
    )

    def to_representation(self, matrix: StanceMatrix):
        return super().to_representation(
            {
                "as_of": matrix.as_of,
                "parties": matrix.parties,
                "topics": matrix.topics,
                "cells": [
                    MatrixCell(party, topic, cell)
                    for party in matrix.parties
                    for topic in matrix.topics
                    if (cell := matrix.cell(party, topic))
                ],
                "common_ground": [t.slug for t in matrix.topics if matrix.is_common_ground(t)],
                "divides": [t.slug for t in matrix.topics if matrix.is_divide(t)],
            }
        )


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
