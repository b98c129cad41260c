"""Query and response shapes of the timeline and compare endpoints.

The computing is done by ``positions.reading.stances``, which the pages use too.
"""

import datetime
import re
from typing import NamedTuple

from django.utils import timezone
from rest_framework import serializers
from rest_framework.utils.urls import replace_query_param

from positions.api.serializers import (
    SCORE_HELP,
    STANCE_HELP,
    STANCE_LABELS,
    BlankAsNullChoiceField,
    PartyBriefSerializer,
    TopicBriefSerializer,
)
from positions.models import Party, Topic
from positions.models.choices import Shift
from positions.reading.stances import StanceInForce, StanceMatrix
from positions.reading.timelines import TimelineWindow

MAX_SLUGS = 50
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ID = re.compile(r"[0-9]{1,18}")
DEFAULT_TIMELINE_LIMIT = 500
MAX_TIMELINE_LIMIT = 1000
LIMIT_ERROR = f"Give a whole number from 1 to {MAX_TIMELINE_LIMIT}."
BEFORE_ERROR = (
    "Give `DATE,ID` as in the `next` link (e.g. `2025-03-16,1234`), or a date `YYYY-MM-DD`."
)


class SlugListField(serializers.ListField):
    """Slugs given as repeated parameters, comma-separated, or both."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.SlugField(), required=False, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = [data]
        slugs = [part.strip() for item in data for part in str(item).split(",") if part.strip()]
        if len(slugs) > MAX_SLUGS:
            raise serializers.ValidationError(f"Give at most {MAX_SLUGS} slugs.")
        return super().to_internal_value(slugs)


def parse_timeline_key(raw: str) -> tuple[datetime.date, int]:
    """``DATE,ID`` as a (stated_on, id) key; a bare ``DATE`` means before that day."""
    day, _, position_id = raw.partition(",")
    if not ISO_DATE.fullmatch(day) or not (position_id == "" or ID.fullmatch(position_id)):
        raise serializers.ValidationError(BEFORE_ERROR)
    try:
        stated_on = datetime.date.fromisoformat(day)
    except ValueError:
        raise serializers.ValidationError(BEFORE_ERROR) from None
    # Ids start at 1, so (day, 0) comes before every statement of that day.
    return stated_on, int(position_id or 0)


def existing_slugs(model, slugs: list[str]) -> list[str]:
    """The slugs as given, or a validation error naming the unknown ones."""
    found = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise serializers.ValidationError(f"Unknown slug: {', '.join(unknown)}.")
    return slugs


class TimelineQuerySerializer(serializers.Serializer):
    topic = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Topic.objects.all(),
        help_text="Topic slug (required), e.g. `ukraine-nato-membership`.",
    )
    party = SlugListField(help_text="Party slug; repeat or separate with commas. Default: all.")
    limit = serializers.IntegerField(
        default=DEFAULT_TIMELINE_LIMIT,
        min_value=1,
        max_value=MAX_TIMELINE_LIMIT,
        error_messages=dict.fromkeys(("invalid", "min_value", "max_value"), LIMIT_ERROR),
        help_text=f"How many of the newest statements to return, across the requested parties: "
        f"1 to {MAX_TIMELINE_LIMIT} (default {DEFAULT_TIMELINE_LIMIT}).",
    )
    before = serializers.CharField(
        required=False,
        help_text="Only statements older than this key, `DATE,ID` (a point's date and "
        "position id), or older than a day, `DATE`. The `next` link carries it.",
    )

    def validate_party(self, slugs):
        return existing_slugs(Party, slugs)

    def validate_before(self, raw: str) -> tuple[datetime.date, int]:
        return parse_timeline_key(raw)


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


def _today() -> datetime.date:
    return timezone.localdate()


class CompareQuerySerializer(serializers.Serializer):
    as_of = serializers.DateField(
        required=False, help_text="Matrix as of this date (YYYY-MM-DD). Default: today."
    )
    to = serializers.DateField(
        required=False, help_text="With `from`: list what changed up to this date."
    )
    topics = SlugListField(help_text="Topic slugs; repeat or separate with commas. Default: all.")
    parties = SlugListField(help_text="Party slugs; repeat or separate with commas. Default: all.")

    def get_fields(self):
        fields = super().get_fields()
        # ``from`` is a Python keyword, hence added here rather than declared.
        fields["from"] = serializers.DateField(
            required=False, help_text="With `to`: list what changed since this date."
        )
        return fields

    def validate_topics(self, slugs):
        return existing_slugs(Topic, slugs)

    def validate_parties(self, slugs):
        return existing_slugs(Party, slugs)

    def validate(self, data):
        start, end = data.get("from"), data.get("to")
        if "as_of" in data and (start or end):
            raise serializers.ValidationError(
                {"as_of": ["Give either `as_of` or `from` and `to`, not both."]}
            )
        if bool(start) != bool(end):
            missing = "to" if start else "from"
            raise serializers.ValidationError({missing: ["`from` and `to` go together."]})
        if start and start > end:
            raise serializers.ValidationError({"to": ["`to` must not be before `from`."]})
        if not start:
            data.setdefault("as_of", _today())
        return data


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
        help_text="Slugs of topics every compared party is at least open to.",
    )
    divides = serializers.ListField(
        child=serializers.CharField(),
        help_text="Slugs of topics some party supports and another opposes.",
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
