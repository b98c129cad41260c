"""Lists that grow with the record read their rows from an index in the order they show them.

A page's list of statements stops after a page of rows; read from an index in date order, it
costs a page of rows however many statements there are. Without one, PostgreSQL walks the whole
record by date, skipping other parties' and people's statements, or sorts all of them.
Each test explains the query the page ran, with sequential scans and sorts priced out, so
the plan says which index can serve it.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from positions.models.choices import Status
from tests.factories import PartyFactory, PersonFactory, PositionFactory, SourceFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgresql(reason="query plans of PostgreSQL"),
]


def plan_of_page_query(client, url: str, is_the_query) -> str:
    """The plan of the one query of ``url``'s page for which ``is_the_query(sql)`` holds."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    [sql] = [query["sql"] for query in captured.captured_queries if is_the_query(query["sql"])]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def plan_of_statement_list(client, url: str, column: str) -> str:
    return plan_of_page_query(
        client,
        url,
        lambda sql: (
            sql.startswith('SELECT "positions_position"."id"')
            and f'WHERE ("positions_position"."{column}" = ' in sql
            and re.search(r" LIMIT \d+$", sql)
        ),
    )


def test_party_page_reads_its_newest_statements_from_the_party_index(client):
    party = PartyFactory()
    PositionFactory.create_batch(3, party=party, status=Status.PUBLISHED)
    plan = plan_of_statement_list(client, party.get_absolute_url(), "party_id")
    assert "position_party_public_idx" in plan, plan


def test_person_page_reads_their_newest_statements_from_the_speaker_index(client):
    person = PersonFactory()
    PositionFactory.create_batch(3, speaker=person, status=Status.PUBLISHED)
    plan = plan_of_statement_list(client, person.get_absolute_url(), "speaker_id")
    assert "position_speaker_public_idx" in plan, plan


def test_party_page_finds_its_speakers_by_skipping_through_the_party_speaker_index(client):
    party = PartyFactory()
    for person in PersonFactory.create_batch(3):
        PositionFactory.create_batch(2, party=party, speaker=person, status=Status.PUBLISHED)
    # Other parties' statements, counted: the planner weighs the indexes by the statistics of
    # the rows it sees, not by what earlier tests left in them.
    PositionFactory.create_batch(20, status=Status.PUBLISHED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE positions_position")
    plan = plan_of_page_query(client, party.get_absolute_url(), lambda sql: "WITH RECURSIVE" in sql)
    assert "position_party_speaker_idx" in plan, plan


def test_source_picker_finds_sources_from_their_trigram_indexes(client, superuser):
    SourceFactory(title="Moscow sets terms", outlet="Xinhua")
    client.force_login(superuser)
    url = (
        "/admin/autocomplete/?app_label=positions&model_name=position&field_name=source&term=moscow"
    )
    # Its count of matches; the page itself may walk the date index and filter.
    plan = plan_of_page_query(
        client,
        url,
        lambda sql: sql.startswith('SELECT COUNT(*) AS "__count" FROM "positions_source"'),
    )
    for column in ("title", "outlet", "byline", "url"):
        assert f"source_{column}_trgm_idx" in plan, plan


def test_desk_search_looks_sources_up_from_their_trigram_indexes(client, superuser):
    PositionFactory(source=SourceFactory(title="Moscow sets terms", outlet="Xinhua"))
    client.force_login(superuser)
    plan = plan_of_page_query(
        client,
        "/admin/positions/position/?q=moscow",
        lambda sql: sql.startswith("(SELECT 'speaker'"),
    )
    assert "source_title_trgm_idx" in plan, plan
    assert "source_outlet_trgm_idx" in plan, plan


def test_desk_date_links_and_value_filters_probe_their_indexes(client, superuser):
    PositionFactory(source=SourceFactory(outlet="Xinhua", language="en"))
    client.force_login(superuser)

    def skipping(column):
        return lambda sql: sql.startswith("WITH RECURSIVE found") and f'"{column}"' in sql

    plans = [
        plan_of_page_query(client, "/admin/positions/position/", skipping("stated_on")),
        plan_of_page_query(client, "/admin/positions/source/", skipping("outlet")),
        plan_of_page_query(client, "/admin/positions/source/", skipping("language")),
    ]
    for plan, index in zip(
        plans, ["position_date_idx", "source_outlet_idx", "source_language_idx"], strict=True
    ):
        assert index in plan, plan
