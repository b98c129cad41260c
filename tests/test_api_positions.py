"""Positions: fields, filters, drafts never shown, cursor pagination, sync and history."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from positions.editorial import services
from positions.editorial.timeline import recompute_timeline
from positions.models import Position
from positions.models.choices import Move, Stance, Status
from tests.factories import (
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def published(**fields) -> Position:
    position = PositionFactory(status=Status.PUBLISHED, **fields)
    recompute_timeline(party_id=position.party_id, topic_id=position.topic_id)
    position.refresh_from_db()
    return position


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [p["id"] for p in response.json()["results"]]


def test_position_shows_every_documented_field(api):
    party, topic = PartyFactory(slug="russia"), TopicFactory(slug="nato")
    role = RoleFactory(party=party, title="Deputy Foreign Minister")
    first = published(party=party, topic=topic, stance=Stance.OPEN, stated_on="2025-01-10")
    position = published(
        party=party,
        topic=topic,
        speaker=role.person,
        role=role,
        stance=Stance.REJECTS,
        stated_on="2025-03-16",
        conditions="Only after a ceasefire.",
        move=Move.RED_LINE,
    )
    data = api.get(f"/api/v1/positions/{position.pk}/").json()
    assert data["party"]["slug"] == "russia"
    assert data["topic"]["slug"] == "nato"
    assert data["speaker"]["slug"] == role.person.slug
    assert data["role"] == "Deputy Foreign Minister"
    assert data["source"]["title"] == position.source.title
    assert data["source"]["outlet"] == position.source.outlet
    assert data["source"]["source_url"] == position.source.url
    assert data["source"]["published_at"] == "2025-03-17T10:35:00Z"
    assert data["stance"] == "rejects"
    assert data["stance_score"] == -2
    assert data["shift"] == "reversal"
    assert data["previous"] == first.pk
    assert data["stated_on"] == "2025-03-16"
    assert data["stated_on_precision"] == "day"
    assert data["quote"] == position.quote
    assert data["summary"] == position.summary
    assert data["conditions"] == "Only after a ceasefire."
    assert data["move"] == "red_line"
    assert data["status"] == "published"
    assert data["url"] == f"http://testserver/api/v1/positions/{position.pk}/"
    assert data["html_url"] == f"http://testserver/positions/{position.pk}/"


def test_drafts_and_positions_in_review_are_never_shown_anonymously(api):
    shown = published()
    draft = PositionFactory(status=Status.DRAFT, quote="secret draft words")
    review = PositionFactory(status=Status.IN_REVIEW)
    assert ids(api.get("/api/v1/positions/")) == [shown.pk]
    assert ids(api.get("/api/v1/positions/", {"status": "draft"})) == []
    assert ids(api.get("/api/v1/positions/", {"q": "secret"})) == []
    for hidden in (draft, review):
        assert api.get(f"/api/v1/positions/{hidden.pk}/").status_code == 404
        assert api.get(f"/api/v1/positions/{hidden.pk}/history/").status_code == 404


def test_retracted_positions_stay_listed_and_marked(api, reviewer):
    position = published()
    services.position_retract(position=position, user=reviewer, reason="Misattributed.")
    data = api.get(f"/api/v1/positions/{position.pk}/").json()
    assert data["status"] == "retracted"
    assert data["retraction_reason"] == "Misattributed."
    assert data["retracted_at"]
    assert ids(api.get("/api/v1/positions/", {"status": "retracted"})) == [position.pk]
    assert ids(api.get("/api/v1/positions/", {"status": "published"})) == []


def test_filter_by_party_and_topic_with_sub_topics(api):
    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    guarantees = TopicFactory(slug="guarantees")
    nato = TopicFactory(slug="nato", parent=guarantees)
    membership = TopicFactory(slug="membership", parent=nato)
    other = TopicFactory(slug="other")
    a = published(party=russia, topic=membership)
    b = published(party=russia, topic=guarantees)
    c = published(party=ukraine, topic=nato)
    published(party=russia, topic=other)
    assert set(ids(api.get("/api/v1/positions/", {"topic": "guarantees"}))) == {a.pk, b.pk, c.pk}
    assert set(ids(api.get("/api/v1/positions/", {"topic": "nato", "party": "russia"}))) == {a.pk}
    both = api.get("/api/v1/positions/", {"party": ["russia", "ukraine"], "topic": "nato"})
    assert set(ids(both)) == {a.pk, c.pk}


def test_filter_by_speaker_source_stance_move_and_dates(api):
    speaker, source = PersonFactory(slug="grushko"), SourceFactory()
    a = published(
        speaker=speaker, stance=Stance.REJECTS, move=Move.RED_LINE, stated_on="2025-01-05"
    )
    b = published(source=source, stance=Stance.OPEN, move=Move.PROPOSAL, stated_on="2025-03-05")
    c = published(stance=Stance.SUPPORTS, stated_on="2025-06-05")
    get = lambda **params: set(ids(api.get("/api/v1/positions/", params)))  # noqa: E731
    assert get(speaker="grushko") == {a.pk}
    assert get(source=source.pk) == {b.pk}
    assert get(stance=["rejects", "supports"]) == {a.pk, c.pk}
    assert get(stance_score_min=0) == {b.pk, c.pk}
    assert get(stance_score_max=1, stance_score_min=-1) == {b.pk}
    assert get(move="red_line") == {a.pk}
    assert get(stated_after="2025-03-05") == {b.pk, c.pk}
    assert get(stated_before="2025-03-05") == {a.pk, b.pk}


def test_full_text_search_needs_every_word(api):
    a = published(quote="We will never accept NATO troops in Ukraine.")
    published(quote="NATO is a relic.")
    assert ids(api.get("/api/v1/positions/", {"q": "nato TROOPS"})) == [a.pk]


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"party": "atlantis"}, "party"),
        ({"topic": "nowhere"}, "topic"),
        ({"speaker": "nobody"}, "speaker"),
        ({"source": "abc"}, "source"),
        ({"source": "999999"}, "source"),
        ({"stance": "hates"}, "stance"),
        ({"stance": "-2"}, "stance"),
        ({"stance_score_min": "1.5"}, "stance_score_min"),
        ({"stance_score_max": "7"}, "stance_score_max"),
        ({"stated_after": "2025-02-30"}, "stated_after"),
        ({"stated_before": "soon"}, "stated_before"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"move": "gambit"}, "move"),
        ({"status": "secret"}, "status"),
        ({"ordering": "party"}, "ordering"),
        ({"q": "x" * 201}, "q"),
        ({"q": "nul\x00byte"}, "q"),
        ({"stated_afer": "2025-01-01"}, "stated_afer"),
        ({"stated_after": ["2025-01-01", "2025-02-01"]}, "stated_after"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "1001"}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
    ],
)
def test_malformed_or_unknown_parameters_are_a_400_naming_them(api, params, name):
    published()
    response = api.get("/api/v1/positions/", params)
    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_cursor_pages_follow_stated_on_then_id(api):
    rows = [published(stated_on=datetime.date(2025, 1, 1 + i % 3)) for i in range(7)]
    expected = [p.pk for p in sorted(rows, key=lambda p: (p.stated_on, p.pk))]
    seen, url = [], "/api/v1/positions/?page_size=3"
    while url:
        data = api.get(url).json()
        seen += [p["id"] for p in data["results"]]
        url = data["next"]
    assert seen == expected


def test_previous_link_walks_back(api):
    rows = sorted((published(stated_on=f"2025-01-0{i + 1}") for i in range(5)), key=lambda p: p.pk)
    first = api.get("/api/v1/positions/?page_size=2").json()
    second = api.get(first["next"]).json()
    assert [p["id"] for p in second["results"]] == [rows[2].pk, rows[3].pk]
    back = api.get(second["previous"]).json()
    assert [p["id"] for p in back["results"]] == [rows[0].pk, rows[1].pk]


def test_cursor_visits_every_row_exactly_once_while_rows_are_inserted(api):
    originals = [published(stated_on=datetime.date(2025, 1, 1 + i)) for i in range(12)]
    seen, url, day = [], "/api/v1/positions/?page_size=4", 0
    while url:
        data = api.get(url).json()
        seen += [p["id"] for p in data["results"]]
        url = data["next"]
        # Insert before, at and after the cursor's position on each round trip.
        for stated_on in ("2024-12-31", f"2025-01-{2 + day:02d}", "2025-02-01"):
            published(stated_on=stated_on)
        day += 4
    assert len(seen) == len(set(seen))
    assert {p.pk for p in originals} <= set(seen)


def test_descending_and_updated_at_orderings(api):
    old = published(stated_on="2025-01-01")
    new = published(stated_on="2025-05-01")
    assert ids(api.get("/api/v1/positions/", {"ordering": "-stated_on"})) == [new.pk, old.pk]
    Position.objects.filter(pk=old.pk).update(updated_at=timezone.now())
    data = api.get("/api/v1/positions/", {"ordering": "updated_at", "page_size": 1}).json()
    assert [p["id"] for p in data["results"]] == [new.pk]
    assert [p["id"] for p in api.get(data["next"]).json()["results"]] == [old.pk]


def test_updated_since_returns_created_changed_and_retracted_positions(api, reviewer):
    untouched = published()
    changed = published()
    retracted = published()
    since = timezone.now()
    created = published()
    services.position_correct(
        position=changed,
        user=reviewer,
        changes={"summary": "A better summary."},
        note="Clearer wording.",
        expected_version=changed.version,
    )
    services.position_retract(position=retracted, user=reviewer, reason="Wrong source.")
    response = api.get("/api/v1/positions/", {"updated_since": since.isoformat()})
    statuses = {p["id"]: p["status"] for p in response.json()["results"]}
    assert statuses == {created.pk: "published", changed.pk: "published", retracted.pk: "retracted"}
    assert untouched.pk not in statuses


def test_history_lists_public_revisions_only(api, editor, reviewer):
    fields = {
        "party": PartyFactory(),
        "topic": TopicFactory(),
        "source": SourceFactory(),
        "stated_on": "2025-03-16",
        "stance": Stance.OPEN,
        "summary": "Open to it.",
        "quote": "We could consider it.",
    }
    position = services.position_create(user=editor, **fields)
    position = services.position_update(
        position=position,
        user=editor,
        changes={"summary": "Draft-only wording."},
        expected_version=position.version,
    )
    position = services.position_submit(position=position, user=editor)
    position = services.position_publish(position=position, user=reviewer)
    position = services.position_correct(
        position=position,
        user=reviewer,
        changes={"summary": "Open to it, with conditions."},
        note="Added the conditions.",
        expected_version=position.version,
    )
    services.position_retract(position=position, user=reviewer, reason="Misquoted.")
    response = api.get(f"/api/v1/positions/{position.pk}/history/")
    assert response.status_code == 200
    revisions = response.json()
    assert [r["status"] for r in revisions] == ["published", "published", "retracted"]
    assert [r["note"] for r in revisions] == [
        "Published",
        "Corrected: Added the conditions.",
        "Retracted: Misquoted.",
    ]
    # Created, edited and submitted revisions exist but are not public.
    assert position.history.count() == 6
    assert revisions[1]["summary"] == "Open to it, with conditions."


def test_updated_since_includes_positions_whose_shift_changed(api, reviewer):
    party, topic = PartyFactory(), TopicFactory()
    first = published(party=party, topic=topic, stance=Stance.SUPPORTS, stated_on="2025-01-01")
    middle = published(party=party, topic=topic, stance=Stance.OPEN, stated_on="2025-02-01")
    last = published(party=party, topic=topic, stance=Stance.REJECTS, stated_on="2025-03-01")
    since = timezone.now()
    services.position_retract(position=middle, user=reviewer, reason="Never said.")
    results = api.get("/api/v1/positions/", {"updated_since": since.isoformat()}).json()["results"]
    changed = {p["id"]: (p["previous"], p["shift"]) for p in results}
    assert changed[last.pk] == (first.pk, "reversal")
    assert middle.pk in changed
    assert first.pk not in changed


def test_a_filtered_list_leaves_the_next_list_unfiltered(api):
    russia, ukraine = published(), published()
    only = api.get("/api/v1/positions/", {"party": russia.party.slug})
    assert ids(only) == [russia.pk]
    assert sorted(ids(api.get("/api/v1/positions/"))) == sorted([russia.pk, ukraine.pk])


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/positions/", {"move": ["demand", "proposal"]}),
        ("/api/v1/positions/", {"status": "published"}),
        ("/api/v1/positions/", {"stance": "opposes"}),
        ("/api/v1/positions/", {"party": "russia", "speaker": "grushko"}),
        ("/api/v1/positions/", {"source": "SOURCE"}),
        ("/api/v1/sources/", {"kind": "news_report"}),
        ("/api/v1/parties/", {"classification": "state"}),
    ],
)
def test_filters_on_a_rows_own_columns_list_without_distinct(api, url, params):
    # DISTINCT over every column of a page made the database sort every match first.
    position = published(
        party=PartyFactory(slug="russia"),
        speaker=PersonFactory(slug="grushko"),
        move=Move.DEMAND,
        stance=Stance.OPPOSES,
    )
    params = {k: (position.source_id if v == "SOURCE" else v) for k, v in params.items()}
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, params)
    assert response.status_code == 200, response.content
    assert response.json()["results"]
    assert not [q["sql"] for q in queries.captured_queries if "DISTINCT" in q["sql"]]


def test_an_unknown_query_parameter_is_a_400_listing_the_known_ones(api):
    response = api.get("/api/v1/parties/", {"colour": "red", "shape": "round"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert sorted(errors) == ["colour", "shape"]
    message = errors["colour"][0]
    assert message.startswith("Unknown query parameter. Known parameters: ")
    known = message.removeprefix("Unknown query parameter. Known parameters: ").rstrip(".")
    # The list endpoints' own filters, then their page parameters, in order.
    assert known.split(", ") == sorted(known.split(", "))
    assert {"page", "page_size"} <= set(known.split(", "))


def test_a_single_valued_parameter_given_twice_is_a_400_but_a_repeatable_one_is_not(api):
    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    mine, theirs = published(party=russia), published(party=ukraine)
    published(stance=Stance.REJECTS)
    response = api.get("/api/v1/positions/?stance_score_min=0&stance_score_min=1")
    assert response.status_code == 400
    assert response.json()["errors"] == {"stance_score_min": ["Give this parameter only once."]}
    # Repeated, comma-separated or both: the same two parties.
    for query in ("party=russia&party=ukraine", "party=russia,ukraine", "party=russia, ,ukraine"):
        assert sorted(ids(api.get(f"/api/v1/positions/?{query}"))) == [mine.pk, theirs.pk]
    # Given twice, but once empty: given once.
    assert ids(api.get("/api/v1/positions/?stance_score_min=2&stance_score_min=")) == [
        mine.pk,
        theirs.pk,
    ]


def test_empty_parameters_are_as_if_left_out_and_format_is_always_allowed(api):
    everything = sorted([published().pk, published(stance=Stance.REJECTS).pk])
    for query in ("party=", "party=%20", "stance_score_min=", "format=json", "party=&topic="):
        assert sorted(ids(api.get(f"/api/v1/positions/?{query}"))) == everything, query


def test_the_positions_list_takes_its_cursor_and_page_size_but_no_page_number(api):
    published(), published()
    assert len(ids(api.get("/api/v1/positions/", {"page_size": 1}))) == 1
    response = api.get("/api/v1/positions/", {"page": 2})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["page"]


def test_an_impossible_day_in_a_moment_is_told_as_not_in_the_calendar(api):
    response = api.get("/api/v1/positions/", {"updated_since": "2025-02-30T00:00:00Z"})
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "updated_since": ["2025-02-30 is not a date in the calendar."]
    }


def test_a_source_id_that_is_not_a_number_is_refused_by_name(api):
    response = api.get("/api/v1/positions/", {"source": "12x"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"source": ["“12x” is not a valid id."]}


def test_a_source_id_of_the_most_digits_allowed_is_looked_up(api):
    # 18 digits: the longest id taken to the database (which has no such source).
    response = api.get("/api/v1/positions/", {"source": "9" * 18})
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "source": ["Select a valid choice. 999999999999999999 is not one of the available choices."]
    }


def test_a_moment_past_the_year_9999_in_utc_is_refused_by_name(api):
    response = api.get("/api/v1/positions/", {"updated_since": "9999-12-31T23:00:00-05:00"})
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "updated_since": ["Enter a moment between the years 1 and 9999."]
    }
