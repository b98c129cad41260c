"""The comparison at scale: divides and common ground counted among the compared parties,
filters shared by the page and the API, conditions in the cells, and the way to what changed."""

import datetime

import pytest

from positions.models.choices import Stance
from tests.factories import PartyFactory, TopicFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 1)


def row_of(html: str, topic) -> str:
    return html.split(f'href="{topic.get_absolute_url()}"')[1].split("</tr>")[0]


def matrix_of(html: str) -> str:
    return html.split('<table class="matrix">')[1].split("</table>")[0]


@pytest.fixture
def seven_parties():
    """Seven parties; on each topic some for (+), against (−), ambiguous (0), or silent."""
    parties = [PartyFactory(short_name=f"P{n}", slug=f"p{n}") for n in range(7)]
    topics = {}
    # For/against splits, party by party (None: no statement).
    plans = {
        "split": [2, 1, 1, -2, -1, None, None],  # 3 for, 2 against: a divide (2 of 5)
        "lopsided": [2, 2, 1, 1, 1, -1, None],  # 5 for, 1 against: common ground, no divide
        "agreed": [2, 1, 1, 0, None, None, None],  # 3 for of 4 known: common ground (3/4)
        "lonely": [None, None, None, None, None, None, 1],  # one for: neither
        "silent": [None] * 7,
    }
    for name, stances in plans.items():
        topic = TopicFactory(slug=name, proposition=f"The {name} proposition")
        topics[name] = topic
        for party, stance in zip(parties, stances, strict=True):
            if stance is not None:
                publish(party=party, topic=topic, stance=stance, stated_on=DAY)
    # Silent as of April: its only statement comes later.
    publish(party=parties[6], topic=topics["silent"], stated_on=datetime.date(2025, 6, 1))
    return parties, topics


def test_each_row_counts_the_compared_parties_for_and_against(client, seven_parties):
    _, topics = seven_parties
    html = page(client, "/compare/?as_of=2025-04-01")
    assert "3 for · 2 against · 2 unknown" in row_of(html, topics["split"])
    assert "5 for · 1 against · 1 unknown" in row_of(html, topics["lopsided"])
    assert "3 for · 0 against · 1 ambiguous · 3 unknown" in row_of(html, topics["agreed"])


def test_divide_and_common_ground_follow_the_stated_thresholds(client, seven_parties):
    _, topics = seven_parties
    html = page(client, "/compare/?as_of=2025-04-01")
    marks = {
        name: (
            "Divide</span>" in row_of(html, topic),
            "Common ground</span>" in row_of(html, topic),
        )
        for name, topic in topics.items()
        if name != "silent"
    }
    assert marks == {
        "split": (True, False),
        "lopsided": (False, True),
        "agreed": (False, True),
        "lonely": (False, False),
    }


def test_marks_are_judged_among_the_compared_parties_only(client, seven_parties):
    _, topics = seven_parties
    # Of "lopsided", P0 supports and P5 opposes: between those two alone, a divide.
    html = page(client, "/compare/?as_of=2025-04-01&parties=p0,p5")
    row = row_of(html, topics["lopsided"])
    assert "1 for · 1 against" in row and "Divide</span>" in row


def test_divides_only_keeps_the_divided_propositions(client, seven_parties):
    _, topics = seven_parties
    table = matrix_of(page(client, "/compare/?as_of=2025-04-01&show=divides"))
    assert "The split proposition" in table
    assert "The lopsided proposition" not in table and "The agreed proposition" not in table


def test_common_ground_only_keeps_the_agreed_propositions(client, seven_parties):
    table = matrix_of(page(client, "/compare/?as_of=2025-04-01&show=common-ground"))
    assert "The agreed proposition" in table and "The lopsided proposition" in table
    assert "The split proposition" not in table and "The lonely proposition" not in table


def test_hide_empty_drops_parties_and_propositions_with_nothing_known(client, seven_parties):
    parties, topics = seven_parties
    # Chosen explicitly, the silent topic and P6 (who spoke only on "lonely") are shown...
    chosen = "parties=p0,p1,p6&topics=split,silent"
    table = matrix_of(page(client, f"/compare/?as_of=2025-04-01&{chosen}"))
    assert ">P6</a></th>" in table and "The silent proposition" in table
    # ... until empty rows and columns are hidden.
    table = matrix_of(page(client, f"/compare/?as_of=2025-04-01&{chosen}&hide_empty=1"))
    assert ">P6</a></th>" not in table and "The silent proposition" not in table
    assert ">P0</a></th>" in table and "The split proposition" in table


def test_no_match_for_the_filters_says_so_with_a_way_back(client, seven_parties):
    html = page(client, "/compare/?as_of=2025-04-01&topics=lonely&show=divides")
    assert "No proposition matches these filters" in html
    assert '<table class="matrix">' not in html


def test_the_api_reads_the_same_filters_and_answers_the_same_rows(api, seven_parties):
    body = api.get("/api/v1/compare/?as_of=2025-04-01&show=divides").json()
    assert [t["slug"] for t in body["topics"]] == ["split"]
    assert body["divides"] == ["split"]
    body = api.get("/api/v1/compare/?as_of=2025-04-01&topics=split,silent&hide_empty=1").json()
    assert [t["slug"] for t in body["topics"]] == ["split"]
    assert sorted(p["slug"] for p in body["parties"]) == ["p0", "p1", "p2", "p3", "p4"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("show=both", "show", "Give “all”, “divides” or “common-ground”."),
        ("hide_empty=maybe", "hide_empty", "Give 1 (yes) or 0 (no)."),
    ],
)
def test_a_bad_filter_is_the_same_400_on_page_and_api(client, api, query, field, message):
    response = api.get(f"/api/v1/compare/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"] == {field: [message]}
    html = page(client, f"/compare/?{query}", status=400)
    assert f"<code>{field}</code>: {message}" in html


def test_a_cell_shows_its_conditions(client):
    russia = PartyFactory(short_name="Russia")
    topic = TopicFactory(proposition="Foreign peacekeepers are deployed in Ukraine")
    publish(
        party=russia,
        topic=topic,
        stance=Stance.OPEN,
        conditions="Only if both parties to the conflict deem it necessary.",
    )
    row = row_of(page(client, "/compare/"), topic)
    assert (
        '<span class="cell-conditions">Conditions: '
        "Only if both parties to the conflict deem it necessary.</span>" in row
    )


def test_as_of_a_date_leaves_out_parties_and_topics_with_nothing_yet(client):
    early, late = PartyFactory(short_name="Early"), PartyFactory(short_name="Late")
    first = TopicFactory(proposition="Spoken on early")
    second = TopicFactory(proposition="Spoken on late")
    publish(party=early, topic=first, stated_on=datetime.date(2025, 1, 1))
    publish(party=late, topic=second, stated_on=datetime.date(2025, 6, 1))
    table = matrix_of(page(client, "/compare/?as_of=2025-02-01"))
    assert "Early" in table and "Spoken on early" in table
    assert "Late" not in table and "Spoken on late" not in table


def test_what_changed_link_ends_at_the_latest_statement_shown(client):
    publish(stated_on=datetime.date(2025, 3, 16))
    html = page(client, "/compare/")
    assert "The latest statement shown is of 16 March 2025" in html
    assert 'href="/compare/?from=2025-02-14&amp;to=2025-03-16"' in html
    # The form's "what changed" dates default to the same range.
    assert 'name="from" value="2025-02-14"' in html and 'name="to" value="2025-03-16"' in html


def test_the_pickers_stay_closed_after_filtering_and_group_their_choices(client, seven_parties):
    html = page(client, "/compare/?parties=p0,p1&topics=split")
    assert '<details class="pickers">' in html and "<details open" not in html
    assert "(now: 2 parties, 1 topic)" in html
    assert "<summary>State (7)</summary>" in html or "(7)</summary>" in html
    assert '<datalist id="party-slugs">' in html and '<option value="p0">P0</option>' in html


def test_the_matrix_scrolls_in_a_labelled_focusable_region(client, seven_parties):
    html = page(client, "/compare/")
    assert 'class="table-scroll matrix-scroll" role="region" aria-labelledby="matrix-caption"' in (
        html
    )


def test_home_links_what_changed_in_the_30_days_up_to_the_latest_statement(client):
    russia = PartyFactory(short_name="Russia")
    topic = TopicFactory()
    publish(party=russia, topic=topic, stance=Stance.OPEN, stated_on=datetime.date(2025, 1, 5))
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=datetime.date(2025, 3, 16))
    html = page(client, "/")
    assert (
        '<a href="/compare/?from=2025-02-14&amp;to=2025-03-16">Everything that changed in the '
        "30 days up to 16 March 2025</a>" in html
    )
    changes = page(client, "/compare/?from=2025-02-14&to=2025-03-16")
    assert "Shifts: 1 stance changed" in changes


def test_topic_and_party_pages_link_their_follow_pages(client):
    topic, party = TopicFactory(slug="t"), PartyFactory(slug="p", short_name="P")
    publish(party=party, topic=topic)
    assert 'href="/topics/t/follow/">Follow new positions on this topic</a>' in page(
        client, "/topics/t/"
    )
    assert 'href="/parties/p/follow/">Follow new positions of P</a>' in page(client, "/parties/p/")
