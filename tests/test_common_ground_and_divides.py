"""Common ground and divides, for every pair of stances, on the compare page and the API.

From the definition on the methodology page and in the README, among the compared parties
with a known stance, counting `open` and `supports` as for, `opposes` and `rejects` as
against: a **divide** has at least one party on each side, the smaller side at least a
third of the parties taking a side; **common ground** has at least two parties for it, and
at least three quarters of the parties with a known stance. `ambiguous` is neither for nor
against, and a party that said nothing has no known position and does not count.
"""

import datetime

import pytest

from positions.models.choices import Stance
from tests.definitions import read_table
from tests.factories import PartyFactory, TopicFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db

AS_OF = "2025-06-30"
STANCES = {
    "rejects": Stance.REJECTS,
    "opposes": Stance.OPPOSES,
    "ambiguous": Stance.AMBIGUOUS,
    "open": Stance.OPEN,
    "supports": Stance.SUPPORTS,
    "none": None,  # no known position: the party said nothing on the topic
}

# Rows: the first party's stance; columns: the second's. C = common ground, D = divide,
# . = neither. Written from the definition above, not from the code.
PAIRS = """
            rejects  opposes  ambiguous  open  supports  none
rejects     .        .        .          D     D         .
opposes     .        .        .          D     D         .
ambiguous   .        .        .          .     .         .
open        D        D        .          C     C         .
supports    D        D        .          C     C         .
none        .        .        .          .     .         .
"""


PAIR_TABLE = read_table(PAIRS)
PAIR_TABLE_SLUGS = [f"{a}-{b}" for a, b in PAIR_TABLE]


def test_the_table_covers_every_pair_of_stances():
    assert len(PAIR_TABLE) == 36
    assert {first for first, _ in PAIR_TABLE} == set(STANCES)


@pytest.fixture
def every_pair():
    """Two parties and one topic per pair of stances, each party's position as the pair
    says (none: no position)."""
    first, second = PartyFactory(slug="first"), PartyFactory(slug="second")
    # Not compared: it puts every topic on record, so that a pair of silences can be asked for.
    bystander = PartyFactory(slug="bystander")
    topics = {}
    for a, b in PAIR_TABLE:
        topic = TopicFactory(slug=f"{a}-{b}", proposition=f"Pair {a} and {b}")
        publish(party=bystander, topic=topic, stated_on=datetime.date(2025, 3, 1))
        for party, stance in ((first, STANCES[a]), (second, STANCES[b])):
            if stance is not None:
                publish(
                    party=party, topic=topic, stance=stance, stated_on=datetime.date(2025, 3, 1)
                )
        topics[(a, b)] = topic
    return topics


def expected(mark: str) -> set[str]:
    return {f"{a}-{b}" for (a, b), m in PAIR_TABLE.items() if m == mark}


def test_api_marks_common_ground_and_divides_for_every_pair(api, every_pair):
    response = api.get(
        "/api/v1/compare/",
        {"as_of": AS_OF, "parties": "first,second", "topics": ",".join(PAIR_TABLE_SLUGS)},
    )
    assert response.status_code == 200
    data = response.json()
    assert len(data["topics"]) == 36
    assert set(data["common_ground"]) == expected("C")
    assert set(data["divides"]) == expected("D")


@pytest.mark.parametrize(("show", "mark"), [("divides", "D"), ("common-ground", "C")])
def test_api_show_keeps_only_the_pairs_so_marked(api, every_pair, show, mark):
    response = api.get(
        "/api/v1/compare/",
        {
            "as_of": AS_OF,
            "parties": "first,second",
            "topics": ",".join(PAIR_TABLE_SLUGS),
            "show": show,
        },
    )
    assert response.status_code == 200
    assert {topic["slug"] for topic in response.json()["topics"]} == expected(mark)


def test_the_expected_sets_read_the_definition():
    # The table above, restated as the sets it should give.
    assert expected("C") == {"open-open", "open-supports", "supports-open", "supports-supports"}
    assert expected("D") == {
        "rejects-open",
        "rejects-supports",
        "opposes-open",
        "opposes-supports",
        "open-rejects",
        "open-opposes",
        "supports-rejects",
        "supports-opposes",
    }


def row_of(html: str, topic) -> str:
    return html.split(f'href="{topic.get_absolute_url()}"')[1].split("</tr>")[0]


def test_compare_page_marks_common_ground_and_divides_for_every_pair(client, every_pair):
    html = page(
        client, f"/compare/?as_of={AS_OF}&parties=first,second&topics={','.join(PAIR_TABLE_SLUGS)}"
    )
    for pair, topic in every_pair.items():
        row = row_of(html, topic)
        mark = PAIR_TABLE[pair]
        assert ("Common ground" in row) == (mark == "C"), pair
        assert ("Divide" in row) == (mark == "D"), pair


@pytest.mark.parametrize(
    ("stances", "common_ground", "divide"),
    [
        (("open", "supports", "supports"), True, False),
        # No known position is left out of the count; an ambiguous one is counted.
        (("open", "supports", "none"), True, False),
        (("open", "supports", "ambiguous"), False, False),  # 2 of 3 known: under 3/4
        (("supports", "supports", "supports", "ambiguous"), True, False),  # 3 of 4: exactly 3/4
        (("supports",) * 3 + ("ambiguous",) * 2, False, False),  # 3 of 5 known: under 3/4
        (("supports", "supports", "supports", "rejects"), True, False),  # against: 1 of 4 < 1/3
        (("supports", "supports", "rejects"), False, True),  # against: 1 of 3, exactly a third
        (("open", "supports", "rejects"), False, True),
        (("supports", "supports", "rejects", "opposes"), False, True),
        (("supports",) * 5 + ("rejects",) * 2, False, False),  # 2 of 7 < 1/3; 5 of 7 < 3/4
        (("supports",) * 4 + ("rejects",) * 2, False, True),  # 2 of 6 is a third
        (("supports", "ambiguous", "opposes"), False, True),
        (("none", "open", "rejects"), False, True),
        (("ambiguous", "ambiguous", "ambiguous"), False, False),
        (("rejects", "opposes", "rejects"), False, False),
        (("none", "none", "open"), False, False),  # one party for it is not enough
    ],
)
def test_several_parties(api, stances, common_ground, divide):
    topic = TopicFactory(slug="deal")
    elsewhere = TopicFactory(slug="elsewhere")
    slugs = []
    for i, name in enumerate(stances):
        party = PartyFactory(slug=f"party-{i}")
        slugs.append(party.slug)
        if STANCES[name] is not None:
            publish(party=party, topic=topic, stance=STANCES[name])
        else:
            # Silent on the deal, on record elsewhere.
            publish(party=party, topic=elsewhere)
    data = api.get(
        "/api/v1/compare/", {"as_of": AS_OF, "parties": ",".join(slugs), "topics": "deal"}
    ).json()
    assert data["common_ground"] == (["deal"] if common_ground else [])
    assert data["divides"] == (["deal"] if divide else [])


def test_one_party_alone_is_never_common_ground(api):
    topic = TopicFactory(slug="deal")
    publish(party=PartyFactory(slug="alone"), topic=topic, stance=Stance.SUPPORTS)
    data = api.get("/api/v1/compare/", {"as_of": AS_OF, "parties": "alone"}).json()
    assert data["common_ground"] == []
    assert data["divides"] == []


def test_common_ground_and_divides_read_the_stance_in_force_on_the_date(api):
    topic = TopicFactory(slug="deal")
    first, second = PartyFactory(slug="first"), PartyFactory(slug="second")
    publish(party=first, topic=topic, stance=Stance.OPEN, stated_on=datetime.date(2025, 1, 1))
    publish(party=second, topic=topic, stance=Stance.SUPPORTS, stated_on=datetime.date(2025, 1, 1))
    publish(party=second, topic=topic, stance=Stance.REJECTS, stated_on=datetime.date(2025, 5, 1))

    def marks(as_of):
        data = api.get("/api/v1/compare/", {"as_of": as_of}).json()
        return data["common_ground"], data["divides"]

    assert marks("2025-04-30") == (["deal"], [])
    assert marks("2025-05-01") == ([], ["deal"])
