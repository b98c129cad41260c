"""The topic page's chart: one lane per party with a published position, each party's whole
history cut into a bounded number of columns, and where each party stands now."""

import datetime
import re

import pytest

from positions.models.choices import Move, Stance, Status
from positions.reading.lanes import MAX_COLUMNS, Columns, Lane, stance_lanes
from positions.reading.runs import topic_standings
from tests.factories import EventFactory, PartyFactory, PositionFactory, TopicFactory
from tests.test_pages import HOSTILE, page, publish

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def three_parties_on_a_topic():
    """Russia moves twice in March 2025; Ukraine restates; a drafted and a retracted-only
    party have nothing published."""
    topic = TopicFactory(proposition="Foreign peacekeepers are deployed")
    russia, ukraine = PartyFactory(short_name="Russia"), PartyFactory(short_name="Ukraine")
    drafted, withdrawn = PartyFactory(short_name="Drafted"), PartyFactory(short_name="Withdrawn")
    publish(party=russia, topic=topic, stated_on=D(2025, 1, 10), stance=Stance.OPEN)
    publish(party=russia, topic=topic, stated_on=D(2025, 3, 5), stance=Stance.REJECTS)
    publish(party=russia, topic=topic, stated_on=D(2025, 3, 20), stance=Stance.OPPOSES)
    publish(party=ukraine, topic=topic, stated_on=D(2024, 11, 2), stance=Stance.SUPPORTS)
    publish(party=ukraine, topic=topic, stated_on=D(2025, 2, 14), stance=Stance.SUPPORTS)
    PositionFactory(party=drafted, topic=topic, status=Status.DRAFT, stance=Stance.REJECTS)
    PositionFactory(
        party=withdrawn, topic=topic, status=Status.RETRACTED, retraction_reason="Misquoted."
    )
    return topic, russia, ukraine


def lanes_of(topic, **kwargs):
    return stance_lanes(topic, topic_standings(topic), **kwargs)


def test_every_party_with_a_published_position_gets_a_lane_and_no_other(
    three_parties_on_a_topic,
):
    topic, russia, ukraine = three_parties_on_a_topic
    lanes = lanes_of(topic)
    assert [lane.standing.party_short_name for lane in lanes.lanes] == ["Russia", "Ukraine"]


def test_each_column_holds_the_stance_in_force_at_its_end(three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    lanes = lanes_of(topic)
    # Nov 2024 to Mar 2025 is short: drawn over twelve months, Apr 2024 to Mar 2025.
    assert lanes.columns.unit == "month"
    assert lanes.columns.starts[0] == D(2024, 4, 1) and lanes.columns.starts[-1] == D(2025, 3, 1)
    russia, ukraine = lanes.lanes
    assert russia.stances[-3:] == [Stance.OPEN, Stance.OPEN, Stance.OPPOSES]
    assert russia.stances[:-3] == [None] * 9
    assert ukraine.stances[-5:] == [Stance.SUPPORTS] * 5
    # Russia's first statement (January) is no move; March holds two; Ukraine restated.
    assert russia.moved == [len(lanes.columns) - 1]
    assert ukraine.moved == []


def test_a_long_history_is_cut_into_quarters_then_years():
    assert Columns.spanning(D(2016, 1, 1), D(2019, 12, 31)).unit == "month"
    ten_years = Columns.spanning(D(2016, 1, 1), D(2025, 12, 31))
    assert ten_years.unit == "quarter" and len(ten_years) == 40
    assert ten_years.label(0) == "Q1 2016" and ten_years.label(39) == "Q4 2025"
    forty_years = Columns.spanning(D(1985, 6, 1), D(2025, 3, 1))
    assert forty_years.unit == "year" and len(forty_years) == 41
    assert len(Columns.spanning(D(2013, 1, 1), D(2024, 12, 31))) <= MAX_COLUMNS


def test_since_is_the_start_of_the_run_not_the_latest_restatement(three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    russia, ukraine = topic_standings(topic)
    assert (russia.stance, russia.since_on, russia.stated_on) == (
        Stance.OPPOSES,
        D(2025, 3, 20),
        D(2025, 3, 20),
    )
    assert russia.since_shift == "towards_support"
    assert (ukraine.stance, ukraine.since_on, ukraine.stated_on) == (
        Stance.SUPPORTS,
        D(2024, 11, 2),
        D(2025, 2, 14),
    )
    assert ukraine.since_shift == "first"


def test_topic_page_says_where_each_party_stands_now(client, three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    html = page(client, topic.get_absolute_url())
    table = html.split('id="standings-heading"')[1].split("</section>")[0]
    rows = table.split("<tbody>")[1].split("</tr>")[:-1]
    assert "2 parties with a published position" in table
    russia, ukraine = rows
    assert "Russia" in russia and "opposes" in russia and "20 March 2025" in russia
    assert "Ukraine" in ukraine and "supports" in ukraine
    since, last = re.findall(r'<time datetime="([-0-9]+)"', ukraine)
    assert (since, last) == ("2024-11-02", "2025-02-14")
    assert "Drafted" not in table and "Withdrawn" not in table


def test_standings_show_conditions_and_red_lines(client):
    topic = TopicFactory()
    publish(
        topic=topic,
        party=PartyFactory(short_name="Russia"),
        stance=Stance.OPEN,
        move=Move.RED_LINE,
        conditions="Only if both sides deem it necessary.",
    )
    table = page(client, topic.get_absolute_url()).split('id="standings-heading"')[1]
    table = table.split("</section>")[0]
    assert "Only if both sides deem it necessary." in table
    assert "Red line" in table


def test_topic_page_draws_a_lane_per_party(client, three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    html = page(client, topic.get_absolute_url())
    assert 'data-lane-count="2"' in html
    lanes = re.findall(r'<li class="lane (series-\d)" data-party="([^"]+)"', html)
    assert [css for css, _ in lanes] == ["series-0", "series-1"]
    # Each lane's colour is its party's swatch in the table of where parties stand.
    standings = html.split('id="standings-heading"')[1].split("</section>")[0]
    assert re.findall(r'class="swatch (series-\d)"', standings) == ["series-0", "series-1"]


def test_the_party_filter_narrows_the_chart_and_keeps_the_partys_colour(
    client, three_parties_on_a_topic
):
    topic, russia, ukraine = three_parties_on_a_topic
    html = page(client, f"{topic.get_absolute_url()}?party={ukraine.slug}")
    assert 'data-lane-count="1"' in html
    assert f'<li class="lane series-1" data-party="{ukraine.slug}"' in html
    # Its lane as a table, latest first, one row per month since its first statement.
    table = html.split('<details class="chart-data">')[1].split("</details>")[0]
    assert re.findall(r'<th scope="row">([^<]+)</th>', table) == [
        "Mar 2025",
        "Feb 2025",
        "Jan 2025",
        "Dec 2024",
        "Nov 2024",
    ]
    # The summary still lists every party.
    assert "2 parties with a published position" in html


def test_a_known_party_with_no_statement_is_told_so_not_refused(client, three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    silent = PartyFactory(short_name="Belarus")
    publish(party=silent, topic=TopicFactory(), stated_on=D(2025, 1, 2))
    html = page(client, f"{topic.get_absolute_url()}?party={silent.slug}")
    assert "Belarus has no published statement on this proposition." in html
    assert 'data-lane-count="' not in html


def test_a_party_with_only_retracted_statements_is_told_so(client, three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    withdrawn = topic.positions.get(status=Status.RETRACTED).party
    html = page(client, f"{topic.get_absolute_url()}?party={withdrawn.slug}")
    assert "Withdrawn has no published statement on this proposition in force" in html
    assert "Misquoted." in html or "Retracted" in html


def test_an_unknown_party_is_a_friendly_400(client, three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    html = page(client, f"{topic.get_absolute_url()}?party=atlantis", status=400)
    assert "No party “atlantis” is on record." in html


def test_a_parent_topic_counts_its_subtopics_positions(client):
    parent = TopicFactory(name="Security guarantees")
    child = TopicFactory(parent=parent)
    publish(topic=child)
    publish(topic=child)
    html = page(client, parent.get_absolute_url())
    assert "Its sub-topics hold 2 published positions" in html
    assert "0 positions" not in html


def test_events_are_marked_on_the_chart(client, three_parties_on_a_topic):
    topic, *_ = three_parties_on_a_topic
    EventFactory(title="Talks in Riyadh", date=D(2025, 2, 18)).topics.add(topic)
    html = page(client, topic.get_absolute_url())
    assert 'class="chart-event"' in html
    assert "E1: Talks in Riyadh, 18 February 2025" in html


def test_lane_text_is_escaped(client):
    topic = TopicFactory(proposition=HOSTILE)
    publish(topic=topic, party=PartyFactory(short_name=HOSTILE), summary=HOSTILE)
    chart = page(client, topic.get_absolute_url()).split('<figure class="chart"')[1]
    chart = chart.split("</figure>")[0]
    assert "<script>" not in chart and "<svg onload" not in chart
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chart


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


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_topic_and_timeline_pages_run_as_many_queries_for_many_parties_as_for_one(
    client, django_assert_max_num_queries, monkeypatch
):
    import importlib

    timeline_module = importlib.import_module("positions.views.timeline")
    monkeypatch.setattr(timeline_module, "TIMELINE_PAGE", 3)
    topic = TopicFactory()
    first = PartyFactory()
    publish(party=first, topic=topic, stated_on=D(2024, 1, 5), stance=Stance.OPEN)
    EventFactory(date=D(2024, 1, 2)).topics.add(topic)
    urls = [
        topic.get_absolute_url(),
        f"{topic.get_absolute_url()}?party={first.slug}",
        "/timeline/?year=2024&month=1",
    ]
    few = [_queries(client, url) for url in urls]
    for number in range(6):
        party = PartyFactory()
        for month, stance in ((1, Stance.REJECTS), (4, Stance.OPEN), (9, Stance.OPEN)):
            publish(party=party, topic=topic, stated_on=D(2024, month, number + 1), stance=stance)
    EventFactory(date=D(2024, 6, 2)).topics.add(topic)
    urls.append("/timeline/?year=2024&page=2")
    # A later page also reads the date of the page before it.
    for url, budget in zip(urls, few + [few[-1] + 1], strict=True):
        with django_assert_max_num_queries(budget, info=url):
            assert client.get(url).status_code == 200


def test_a_column_ends_with_its_last_start_and_a_move_back_joins_the_run_before():
    standing = None  # the lane's geometry needs no standing
    back = Lane.from_starts(standing, [(0, 2), (3, -1), (3, 2)], width=6, index=0)
    assert back.runs == [(0, 5, 2)]
    assert back.stances == [2] * 6 and back.moved == [3]
    twice = Lane.from_starts(standing, [(1, 1), (1, -1), (4, 2)], width=6, index=0)
    assert twice.runs == [(1, 3, -1), (4, 5, 2)]
    assert twice.stances == [None, -1, -1, -1, 2, 2] and twice.moved == [1, 4]
