"""The timeline and compare endpoints: same selectors as the pages, drafts never shown."""

import datetime

import pytest

from positions.editorial.timeline import recompute_timeline
from positions.models import Position
from positions.models.choices import Stance, Status
from tests.factories import PartyFactory, PositionFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    nato, truce = TopicFactory(slug="nato"), TopicFactory(slug="truce")
    rows = [
        (russia, nato, Stance.OPEN, "2025-01-10"),
        (russia, nato, Stance.REJECTS, "2025-03-16"),
        (ukraine, nato, Stance.SUPPORTS, "2025-02-01"),
        (ukraine, truce, Stance.OPEN, "2025-02-01"),
        (russia, truce, Stance.OPEN, "2025-02-02"),
    ]
    for party, topic, stance, stated_on in rows:
        PositionFactory(
            party=party, topic=topic, stance=stance, stated_on=stated_on, status=Status.PUBLISHED
        )
    # A draft that would change everything if it leaked.
    PositionFactory(
        party=ukraine, topic=nato, stance=Stance.REJECTS, stated_on="2025-03-20", status="draft"
    )
    for party in (russia, ukraine):
        for topic in (nato, truce):
            recompute_timeline(party_id=party.id, topic_id=topic.id)
    return {"russia": russia, "ukraine": ukraine, "nato": nato, "truce": truce}


def test_timeline_gives_each_partys_series_in_date_order(api, record):
    response = api.get("/api/v1/timeline/", {"topic": "nato"})
    assert response.status_code == 200
    series = {s["party"]["slug"]: s["points"] for s in response.json()["series"]}
    assert [(p["date"], p["stance_score"], p["shift"]) for p in series["russia"]] == [
        ("2025-01-10", 1, "first"),
        ("2025-03-16", -2, "reversal"),
    ]
    # The draft rejection never appears.
    assert [p["stance_score"] for p in series["ukraine"]] == [2]


def test_timeline_filters_parties_and_validates(api, record):
    response = api.get("/api/v1/timeline/", {"topic": "nato", "party": "ukraine"})
    assert [s["party"]["slug"] for s in response.json()["series"]] == ["ukraine"]
    assert "topic" in api.get("/api/v1/timeline/").json()["errors"]
    assert "topic" in api.get("/api/v1/timeline/", {"topic": "nowhere"}).json()["errors"]
    assert (
        "party"
        in api.get("/api/v1/timeline/", {"topic": "nato", "party": "atlantis"}).json()["errors"]
    )
    assert (
        "colour" in api.get("/api/v1/timeline/", {"topic": "nato", "colour": "x"}).json()["errors"]
    )


def test_compare_as_of_gives_each_partys_stance_in_force_on_the_date(api, record):
    response = api.get("/api/v1/compare/", {"as_of": "2025-03-01"})
    assert response.status_code == 200
    data = response.json()
    assert data["as_of"] == "2025-03-01"
    # Russia's rejection of 16 March came later; Ukraine's draft rejection is not public.
    assert {(c["party"], c["topic"]): c["stance_score"] for c in data["cells"]} == {
        ("russia", "nato"): 1,
        ("ukraine", "nato"): 2,
        ("ukraine", "truce"): 1,
        ("russia", "truce"): 1,
    }
    # Both were at least open to a truce; on NATO Russia was open and Ukraine supportive.
    assert sorted(data["common_ground"]) == ["nato", "truce"]


def test_compare_limits_topics_and_parties(api, record):
    data = api.get("/api/v1/compare/", {"as_of": "2025-04-01", "topics": "nato,truce"}).json()
    assert {t["slug"] for t in data["topics"]} == {"nato", "truce"}
    assert data["divides"] == ["nato"]
    data = api.get("/api/v1/compare/", {"parties": ["russia"], "topics": "nato"}).json()
    assert [(c["party"], c["stance"]) for c in data["cells"]] == [("russia", "rejects")]


def test_compare_hide_empty_drops_the_parties_and_topics_asked_for_with_nothing_known(api, record):
    # Each on record, but only with what is not asked for.
    for party, topic in (("silent", "elsewhere"), ("bystander", "other")):
        PositionFactory(
            party=PartyFactory(slug=party),
            topic=TopicFactory(slug=topic),
            stated_on="2025-01-01",
            status=Status.PUBLISHED,
        )
    asked = {
        "as_of": "2025-04-01",
        "parties": "russia,ukraine,silent",
        "topics": "nato,truce,other",
    }
    data = api.get("/api/v1/compare/", asked).json()
    assert {p["slug"] for p in data["parties"]} == {"russia", "ukraine", "silent"}
    assert {t["slug"] for t in data["topics"]} == {"nato", "truce", "other"}
    data = api.get("/api/v1/compare/", {**asked, "hide_empty": "1"}).json()
    assert {p["slug"] for p in data["parties"]} == {"russia", "ukraine"}
    assert {t["slug"] for t in data["topics"]} == {"nato", "truce"}


def test_compare_axis_not_asked_for_holds_what_spoke_on_the_other(api, record):
    # A party and a topic on record, but only with each other.
    PositionFactory(
        party=PartyFactory(slug="elsewhere"),
        topic=TopicFactory(slug="other"),
        stated_on="2025-01-01",
        status=Status.PUBLISHED,
    )
    data = api.get("/api/v1/compare/", {"as_of": "2025-04-01", "topics": "nato"}).json()
    assert {p["slug"] for p in data["parties"]} == {"russia", "ukraine"}
    data = api.get("/api/v1/compare/", {"as_of": "2025-04-01", "parties": "russia"}).json()
    assert {t["slug"] for t in data["topics"]} == {"nato", "truce"}


def test_compare_from_to_lists_what_changed(api, record):
    response = api.get("/api/v1/compare/", {"from": "2025-03-01", "to": "2025-03-31"})
    assert response.status_code == 200
    [change] = response.json()["changes"]
    assert change["party"]["slug"] == "russia"
    assert change["topic"]["slug"] == "nato"
    assert change["before"]["stance"] == "open"
    assert change["after"]["stance"] == "rejects"


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"as_of": "2025-02-30"}, "as_of"),
        ({"to": "2025-01-01"}, "from"),
        ({"from": "2025-03-01", "to": "2025-01-01"}, "to"),
        ({"as_of": "2025-01-01", "from": "2025-01-01", "to": "2025-02-01"}, "as_of"),
        ({"topics": "nato,nowhere"}, "topics"),
        ({"parties": "atlantis"}, "parties"),
        ({"parties": "not a slug!"}, "parties"),
        ({"since": "2025-01-01"}, "since"),
        ({"as_of": ["2025-01-01", "2025-02-01"]}, "as_of"),
    ],
)
def test_compare_rejects_bad_parameters_by_name(api, record, params, name):
    response = api.get("/api/v1/compare/", params)
    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_compare_from_without_to_lists_what_changed_until_today(api, record):
    response = api.get("/api/v1/compare/", {"from": "2025-03-01"})
    assert response.status_code == 200
    data = response.json()
    assert data["from"] == "2025-03-01"
    assert data["to"] == datetime.date.today().isoformat()
    assert [change["party"]["slug"] for change in data["changes"]] == ["russia"]


def test_compare_topics_bring_their_subtopics(api, record):
    nato = record["nato"]
    members = TopicFactory(slug="nato-members", parent=nato)
    PositionFactory(topic=members, stated_on="2025-01-01", status=Status.PUBLISHED)
    data = api.get("/api/v1/compare/", {"topics": "nato"}).json()
    assert {t["slug"] for t in data["topics"]} == {"nato", "nato-members"}


def test_cells_and_changes_show_the_position_in_force(api, record):
    rejection = Position.objects.get(party=record["russia"], topic=record["nato"], stance=-2)
    asked = {"parties": "russia", "topics": "nato"}

    [cell] = api.get("/api/v1/compare/", {**asked, "as_of": "2025-12-31"}).json()["cells"]
    changes = api.get("/api/v1/compare/", {**asked, "from": "2025-02-01", "to": "2025-12-31"})

    side = {"position": rejection.id, "stance": "rejects", "stance_score": -2}
    assert cell == {"party": "russia", "topic": "nato", **side, "stated_on": "2025-03-16"}
    assert list(cell) == ["party", "topic", "position", "stance", "stance_score", "stated_on"]
    assert list(changes.json()) == ["from", "to", "changes"]
    [change] = changes.json()["changes"]
    assert (change["party"]["slug"], change["topic"]["slug"]) == ("russia", "nato")
    assert change["before"]["stance"] == "open"
    assert change["after"] == {**side, "stated_on": "2025-03-16"}


def test_what_changed_keeps_to_the_parties_and_topics_asked_for(api, record):
    # Ukraine moves too, on the truce; asked for Russia alone, only Russia's change shows.
    PositionFactory(
        party=record["ukraine"],
        topic=record["truce"],
        stance=Stance.REJECTS,
        stated_on="2025-03-10",
        status=Status.PUBLISHED,
    )
    recompute_timeline(party_id=record["ukraine"].id, topic_id=record["truce"].id)

    def changed(**params):
        data = api.get("/api/v1/compare/", {"from": "2025-03-01", "to": "2025-03-31", **params})
        return sorted((c["party"]["slug"], c["topic"]["slug"]) for c in data.json()["changes"])

    assert changed() == [("russia", "nato"), ("ukraine", "truce")]
    assert changed(parties="russia") == [("russia", "nato")]
    assert changed(topics="truce") == [("ukraine", "truce")]
