"""The topic chart: one series per party, its points in date order, drafts left out."""

import datetime
import re

import pytest

from positions.models.choices import Stance, Status
from positions.reading.charts import SYMBOLS, stance_chart
from positions.reading.timelines import topic_timeline
from tests.factories import EventFactory, PartyFactory, PositionFactory, TopicFactory
from tests.test_pages import HOSTILE, page, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_parties_on_a_topic():
    topic = TopicFactory()
    russia, ukraine = PartyFactory(short_name="Russia"), PartyFactory(short_name="Ukraine")
    dates = [datetime.date(2025, 3, 16), datetime.date(2024, 6, 1), datetime.date(2025, 1, 10)]
    stances = [Stance.REJECTS, Stance.OPEN, Stance.OPPOSES]
    for day, stance in zip(dates, stances, strict=True):
        publish(party=russia, topic=topic, stated_on=day, stance=stance)
    publish(party=ukraine, topic=topic, stated_on=datetime.date(2025, 2, 1), stance=Stance.SUPPORTS)
    PositionFactory(party=ukraine, topic=topic, status=Status.DRAFT, stance=Stance.REJECTS)
    return topic, russia, ukraine


def test_chart_has_one_series_per_party_with_points_in_date_order(two_parties_on_a_topic):
    topic, russia, ukraine = two_parties_on_a_topic
    chart = stance_chart(topic_timeline(topic=topic))
    by_party = {s.party: s for s in chart.series}
    assert set(by_party) == {russia, ukraine}
    russian = by_party[russia].points
    assert [p.position.stated_on for p in russian] == sorted(p.position.stated_on for p in russian)
    assert [p.x for p in russian] == sorted(p.x for p in russian)
    # Higher stance, higher on the page (smaller y).
    assert [p.position.stance for p in russian] == [Stance.OPEN, Stance.OPPOSES, Stance.REJECTS]
    assert russian[0].y < russian[1].y < russian[2].y
    assert len(by_party[ukraine].points) == 1  # the draft is left out
    assert chart.plot_left <= min(p.x for s in chart.series for p in s.points)
    assert max(p.x for s in chart.series for p in s.points) <= chart.plot_right


def test_each_party_gets_its_own_symbol_and_colour_class(two_parties_on_a_topic):
    topic, *_ = two_parties_on_a_topic
    chart = stance_chart(topic_timeline(topic=topic))
    assert [s.symbol for s in chart.series] == list(SYMBOLS[:2])
    assert len({s.css_class for s in chart.series}) == 2


def test_series_is_a_stepped_line_held_to_the_axis_end(two_parties_on_a_topic):
    topic, russia, _ = two_parties_on_a_topic
    chart = stance_chart(topic_timeline(topic=topic))
    series = next(s for s in chart.series if s.party == russia)
    first, second = series.points[:2]
    assert series.path.startswith(f"M{first.x} {first.y} H{second.x} V{second.y}")
    assert series.path.endswith(f"H{chart.plot_right}")


def test_single_day_chart_still_has_a_date_axis():
    topic = TopicFactory()
    publish(topic=topic, stated_on=datetime.date(2025, 3, 16))
    chart = stance_chart(topic_timeline(topic=topic))
    (point,) = chart.series[0].points
    assert chart.plot_left < point.x < chart.plot_right
    assert chart.x_ticks


def test_topic_page_svg_has_a_point_per_published_position_in_date_order(
    client, two_parties_on_a_topic
):
    topic, russia, _ = two_parties_on_a_topic
    html = page(client, topic.get_absolute_url())
    svg = html.split('<svg class="stance-chart"')[1].split("</svg>")[0]
    ids = [int(i) for i in re.findall(r'class="chart-point" data-position-id="(\d+)"', svg)]
    published = topic.positions.filter(status=Status.PUBLISHED)
    assert sorted(ids) == sorted(published.values_list("id", flat=True))
    russian = list(
        published.filter(party=russia).order_by("stated_on").values_list("id", flat=True)
    )
    assert [i for i in ids if i in russian] == russian
    assert 'data-point-count="4"' in svg


def test_chart_text_is_escaped_in_svg(client):
    topic = TopicFactory(proposition=HOSTILE)
    publish(topic=topic, party=PartyFactory(short_name=HOSTILE), summary=HOSTILE)
    EventFactory(title=HOSTILE, date=datetime.date(2025, 3, 10)).topics.add(topic)
    svg = page(client, topic.get_absolute_url()).split('<svg class="stance-chart"')[1]
    svg = svg.split("</figure>")[0]
    assert "<script>" not in svg and "<svg onload" not in svg
    assert svg.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4


def test_topic_chart_draws_the_latest_statements_and_says_how_many_it_leaves_out(
    client, settings, monkeypatch
):
    from positions.views import records

    monkeypatch.setattr(records, "CHART_STATEMENTS", 3)
    topic = TopicFactory()
    parties = [PartyFactory(short_name="Alpha"), PartyFactory(short_name="Beta")]
    for day in range(1, 6):
        publish(
            party=parties[day % 2], topic=topic, stated_on=datetime.date(2025, 1, day),
            stance=Stance.OPEN,
        )  # fmt: skip
    series = topic_timeline(topic=topic, latest=3)
    drawn = sorted(p.stated_on.day for s in series for p in s.points)
    assert drawn == [3, 4, 5]
    assert all(
        [p.stated_on for p in s.points] == sorted(p.stated_on for p in s.points) for s in series
    )
    html = page(client, topic.get_absolute_url())
    assert "The chart shows the latest 3 of 5 published statements" in html


def test_each_series_carries_its_partys_names(two_parties_on_a_topic):
    topic, russia, ukraine = two_parties_on_a_topic
    russia.name, ukraine.name = "Russian Federation", "Ukraine (government)"
    russia.save()
    ukraine.save()
    names = {
        s.party.pk: (s.party.slug, s.party.name, s.party.short_name)
        for s in topic_timeline(topic=topic)
    }
    assert names == {
        party.pk: (party.slug, party.name, party.short_name) for party in (russia, ukraine)
    }


def test_reading_code_imports_no_page_api_or_desk_code():
    import ast
    from pathlib import Path

    import positions.reading

    outside = ("positions.views", "positions.templatetags", "positions.api", "positions.admin")
    for path in Path(positions.reading.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            assert not [name for name in names if name.startswith(outside)], (path.name, names)
