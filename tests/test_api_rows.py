"""Records read as plain rows are written exactly as their serializer writes a model."""

import datetime

import orjson
import pytest
from django.urls import set_script_prefix
from django.utils import timezone
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from positions.api.renderers import FastJSONRenderer
from positions.api.rows import Rows
from positions.api.serializers import PositionSerializer, TopicBriefSerializer
from positions.models import Position
from positions.models.choices import Shift, Stance, Status
from tests.factories import PersonFactory, PositionFactory, RoleFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("zone", ["UTC", "Europe/Kyiv"])
def test_rows_are_written_as_the_serializer_writes_models(zone):
    speaker = PersonFactory(name="Zoë <b>Ó</b>")
    role = RoleFactory(person=speaker)
    source = SourceFactory(
        published_at=datetime.datetime(2025, 3, 17, 2, 35, 0, 123456, tzinfo=datetime.UTC),
        modified_at=datetime.datetime(2025, 3, 17, 6, 9, tzinfo=datetime.UTC),
    )
    first = PositionFactory(
        party=role.party, speaker=speaker, role=role, source=source, status=Status.PUBLISHED,
        stance=Stance.OPEN, shift=Shift.FIRST, conditions="Only if asked.",
        published_at=datetime.datetime(2025, 3, 18, tzinfo=datetime.UTC),
    )  # fmt: skip
    PositionFactory(
        party=role.party, topic=first.topic, previous=first, shift=Shift.REVERSAL,
        stance=Stance.REJECTS, status=Status.RETRACTED, retraction_reason="Misattributed.",
        retracted_at=datetime.datetime(2025, 3, 19, tzinfo=datetime.UTC),
    )  # fmt: skip
    PositionFactory(status=Status.DRAFT)  # no speaker, no role, no shift

    request = APIRequestFactory().get("/api/v1/positions/")
    queryset = Position.objects.with_citation().order_by("stated_on", "id")
    with timezone.override(zone):
        expected = PositionSerializer(queryset, many=True, context={"request": request}).data
        fast = Rows(PositionSerializer).shape(Rows(PositionSerializer).of(queryset), request)

    # Compared as the client gets them: the same JSON text, key order included.
    assert _json(fast) == _json(expected)
    assert b"+00:00" not in _json(fast)


def _json(rows) -> bytes:
    return FastJSONRenderer().render(rows)


def test_list_addresses_follow_the_prefix_the_site_is_mounted_under():
    position = PositionFactory(status=Status.PUBLISHED)
    request = APIRequestFactory().get("/api/v1/positions/")
    rows = Rows(PositionSerializer)
    values = rows.of(Position.objects.filter(pk=position.pk))
    set_script_prefix("/standpoint/")
    try:
        row = rows.shape(values, request)[0]
    finally:
        set_script_prefix("/")
    assert row["url"] == f"http://testserver/standpoint/api/v1/positions/{position.pk}/"
    assert row["html_url"] == f"http://testserver/standpoint/positions/{position.pk}/"
    assert row["party"]["url"] == (
        f"http://testserver/standpoint/api/v1/parties/{position.party.slug}/"
    )


def test_a_field_that_cannot_be_read_from_a_row_is_refused_at_once():
    class WithComputedField(TopicBriefSerializer):
        children = serializers.SerializerMethodField()

        class Meta(TopicBriefSerializer.Meta):
            fields = [*TopicBriefSerializer.Meta.fields, "children"]

        def get_children(self, topic):
            return []

    with pytest.raises(TypeError, match="children"):
        Rows(WithComputedField)


def test_timeline_points_are_written_as_their_serializer_writes_them_field_by_field():
    from positions.api.comparisons import TimelinePointSerializer
    from positions.reading.timelines import ChartStatement

    points = [
        ChartStatement(7, 1, datetime.date(2025, 3, 17), "day", Stance.OPEN, "demand", "", "S."),
        ChartStatement(9, 1, datetime.date(2025, 4, 1), "month", Stance.REJECTS, "offer",
                       Shift.REVERSAL, "T."),
    ]  # fmt: skip
    request = APIRequestFactory().get("/api/v1/timeline/")
    field_by_field = [TimelinePointSerializer(point).data for point in points]
    from_rows = TimelinePointSerializer(points, many=True, context={"request": request}).data

    assert _json(from_rows) == _json(field_by_field)
    assert orjson.loads(_json(from_rows))[0] == {
        "date": "2025-03-17",
        "stance": "open",
        "stance_score": 1,
        "position": 7,
        "shift": None,
    }


def test_timeline_series_are_written_as_their_serializer_writes_each_one():
    from positions.api.comparisons import PartySeriesSerializer
    from positions.reading.timelines import ChartStatement, PartySeries
    from tests.factories import PartyFactory

    party = PartyFactory(name="Party <One>", short_name="P&1")
    point = ChartStatement(7, party.id, datetime.date(2025, 3, 17), "day", 1, "demand", "", "S.")
    series = [PartySeries(party=party, points=[point])]
    request = APIRequestFactory().get("/api/v1/timeline/")
    context = {"request": request}

    one_by_one = [PartySeriesSerializer(line, context=context).data for line in series]
    as_rows = PartySeriesSerializer(series, many=True, context=context).data

    assert _json(as_rows) == _json(one_by_one)
    assert as_rows[0]["party"]["short_name"] == "P&1"
    assert as_rows[0]["party"]["url"].endswith(f"/api/v1/parties/{party.slug}/")
    assert as_rows[0]["points"][0]["position"] == 7
