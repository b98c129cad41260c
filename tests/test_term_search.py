"""The search box over positions, the desk's and the API's `q`: what it finds, on every
database, and its cost on PostgreSQL, where it reads indexes rather than every position."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    PartyFactory,
    PersonFactory,
    PositionFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("admin:positions_position_changelist")
postgresql_only = pytest.mark.postgresql(reason="the indexed search is PostgreSQL's")


@pytest.fixture
def record():
    """Three positions that differ in every searchable field."""
    return {
        "guarantees": PositionFactory(
            quote="Security guarantees must come first.",
            summary="Wants guarantees before any deal.",
            speaker=PersonFactory(name="Alexander Grushko"),
            party=PartyFactory(name="Russian Federation", short_name="Russia"),
            topic=TopicFactory(name="Security guarantees"),
            source=SourceFactory(title="Moscow sets terms", outlet="Xinhua"),
            conditions="only if Western troops stay out",
        ),
        "neutrality": PositionFactory(
            quote="Neutrality is negotiable.",
            summary="Open to neutrality.",
            speaker=PersonFactory(name="Andrii Sybiha"),
            party=PartyFactory(name="Ukraine", short_name="Ukraine"),
            topic=TopicFactory(name="Neutral status"),
            source=SourceFactory(title="Kyiv weighs options", outlet="Ukrinform"),
        ),
        "observers": PositionFactory(
            quote="Observers should be unarmed.",
            summary="Backs an observer mission.",
            speaker=None,
            party=PartyFactory(name="European Union", short_name="EU"),
            topic=TopicFactory(name="Observer mission"),
            source=SourceFactory(title="Brussels plans a mission", outlet="Reuters"),
        ),
    }


def found(client, term) -> set[str]:
    response = client.get(URL, {"q": term})
    assert response.status_code == 200
    return {position.summary for position in response.context["cl"].result_list}


def summaries(record, *names) -> set[str]:
    return {record[name].summary for name in names}


FINDS = [
    ("negotiable", ["neutrality"]),  # a word of the quote
    ("observer mission", ["observers"]),  # words of the summary
    ("Grush", ["guarantees"]),  # the start of a speaker's name
    ("Sybiha", ["neutrality"]),  # a speaker's name
    ("Russia", ["guarantees"]),  # a party's short name
    ("Federation", ["guarantees"]),  # a party's name
    ("Neutral status", ["neutrality"]),  # a topic's name, every word
    ("Xinhua", ["guarantees"]),  # a source's outlet
    ("Brussels", ["observers"]),  # a source's title
    ("Western troops", ["guarantees"]),  # the conditions
    ('"guarantees must come"', ["guarantees"]),  # a quoted phrase
    ("security Ukraine", []),  # every term must match
    ("unknownword", []),
]
PUNCTUATION = ["--", "'", '"', "a & b | !c", "secur:* <->", "(", "\\", "%_"]


@pytest.mark.parametrize("term, expected", FINDS)
def test_desk_search_finds_positions_by_every_searchable_field(
    client, superuser, record, term, expected
):
    client.force_login(superuser)
    assert found(client, term) == summaries(record, *expected)


@pytest.mark.parametrize("term", PUNCTUATION)
def test_desk_search_takes_any_punctuation_without_error(client, superuser, record, term):
    client.force_login(superuser)
    found(client, term)


def api_found(api, term) -> set[str]:
    response = api.get("/api/v1/positions/", {"q": term})
    assert response.status_code == 200, response.content
    return {position["summary"] for position in response.json()["results"]}


@pytest.mark.parametrize("term, expected", FINDS)
def test_api_search_finds_positions_by_every_searchable_field(api, editor, record, term, expected):
    api.force_authenticate(editor)  # the record's positions are drafts
    assert api_found(api, term) == summaries(record, *expected)


@pytest.mark.parametrize("term", PUNCTUATION)
def test_api_search_takes_any_punctuation_without_error(api, editor, record, term):
    api.force_authenticate(editor)
    api_found(api, term)


@postgresql_only
def test_api_search_reads_the_stored_document_not_every_quote(api, editor, record):
    api.force_authenticate(editor)
    with CaptureQueriesContext(connection) as queries:
        assert api_found(api, "negotiable") == summaries(record, "neutrality")
    [page] = [
        q["sql"] for q in queries.captured_queries if '"positions_position"."quote"' in q["sql"]
    ]
    assert "search_document" in page
    assert 'UPPER("positions_position"."quote"' not in page


def test_date_links_are_left_out_while_searching_unless_a_year_is_picked(client, superuser, record):
    client.force_login(superuser)
    assert client.get(URL).context["cl"].date_hierarchy == "stated_on"
    assert client.get(URL, {"q": "guarantees"}).context["cl"].date_hierarchy is None
    picked = client.get(URL, {"q": "guarantees", "stated_on__year": "2025"})
    assert picked.context["cl"].date_hierarchy == "stated_on"
    # The date filter beside the list is not a picked year.
    filtered = client.get(
        URL, {"q": "guarantees", "stated_on__gte": "2025-01-01", "stated_on__lt": "2026-01-01"}
    )
    assert filtered.context["cl"].date_hierarchy is None
    assert {p.summary for p in picked.context["cl"].result_list} == summaries(record, "guarantees")


@postgresql_only
def test_desk_search_counts_matches_without_joining_other_tables(client, superuser, record):
    client.force_login(superuser)
    with CaptureQueriesContext(connection) as captured:
        assert found(client, "Grushko guarantees") == summaries(record, "guarantees")
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]
    assert counts
    for sql in counts:
        assert "JOIN" not in sql and "positions_person" not in sql, sql


@postgresql_only
def test_desk_search_costs_one_lookup_query_per_term(client, superuser, record):
    client.force_login(superuser)
    client.get(URL)
    with CaptureQueriesContext(connection) as listing:
        client.get(URL)
    with CaptureQueriesContext(connection) as one_term:
        found(client, "guarantees")
    with CaptureQueriesContext(connection) as two_terms:
        found(client, "guarantees Grushko")
    # The date links' queries leave, each term's lookup of names and titles comes.
    assert len(two_terms) == len(one_term) + 1
    assert len(one_term) <= len(listing) + 1


@postgresql_only
def test_desk_search_matches_many_names_by_subquery(client, superuser, record, monkeypatch):
    from positions.postgres import term_search

    monkeypatch.setattr(term_search, "MAX_KEYS", 1)
    # More sources and speakers match than are matched by key; only one is cited.
    SourceFactory(title="Kyiv weighs nothing new")
    PersonFactory(name="Sybiha's adviser")
    client.force_login(superuser)
    assert found(client, "weighs") == summaries(record, "neutrality")
    assert found(client, "Sybiha") == summaries(record, "neutrality")
