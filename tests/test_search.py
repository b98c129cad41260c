"""Search: full text on PostgreSQL, a word match elsewhere; drafts never found."""

import pytest
from django.db import connection

from positions.choices import Stance, Status
from positions.models import Position
from positions.search import search_positions
from tests.factories import PartyFactory, PersonFactory, PositionFactory, TopicFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)


def results_section(html: str) -> str:
    return html.split('id="results-heading"')[1]


def test_search_finds_words_in_quotes_and_summaries(client):
    by_quote = publish(quote="NATO and peacekeeping are entirely incompatible.")
    by_summary = publish(summary="Russia wants a neutral Ukraine.")
    publish(quote="Nothing relevant here.", summary="Unrelated.")
    assert f'href="{by_quote.get_absolute_url()}"' in page(client, "/search/?q=peacekeeping")
    html = page(client, "/search/?q=neutral+Ukraine")
    assert f'href="{by_summary.get_absolute_url()}"' in results_section(html)
    assert "1 position matching" in html


def test_search_never_finds_drafts(client):
    PositionFactory(quote="Secret draft about peacekeeping.", status=Status.DRAFT)
    PositionFactory(quote="Peacekeeping in review.", status=Status.IN_REVIEW)
    html = page(client, "/search/?q=peacekeeping")
    assert "0 positions matching" in html
    assert "Secret draft" not in html


def test_search_lists_matching_topics_parties_and_speakers(client):
    TopicFactory(name="Peacekeeping", proposition="Peacekeepers are deployed")
    PartyFactory(name="Russian Federation", short_name="Russia")
    PersonFactory(name="Alexander Grushko")
    assert "Topic: <a" in page(client, "/search/?q=peacekeeping")
    assert "Party: <a" in page(client, "/search/?q=russian")
    assert "Speaker: <a" in page(client, "/search/?q=grushko")


def test_search_filters_by_party_topic_and_stance(client):
    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    topic = TopicFactory(slug="guarantees")
    wanted = publish(party=russia, topic=topic, stance=Stance.SUPPORTS, quote="Guarantees now.")
    publish(party=ukraine, topic=topic, stance=Stance.SUPPORTS, quote="Guarantees now!")
    publish(party=russia, stance=Stance.SUPPORTS, quote="Guarantees later.")
    publish(party=russia, topic=topic, stance=Stance.REJECTS, quote="No guarantees.")
    html = page(client, "/search/?q=guarantees&party=russia&topic=guarantees&stance=2")
    assert "1 position matching" in html
    assert f'href="{wanted.get_absolute_url()}"' in results_section(html)


def test_empty_search_shows_the_form_only(client, db):
    html = page(client, "/search/")
    assert '<input id="q" type="search" name="q" value="">' in html
    assert "matching" not in html


def test_search_for_markup_is_escaped(client):
    publish(quote="<script>alert(1)</script> in a quote")
    html = page(client, "/search/?q=%3Cscript%3E")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


@on_postgresql
def test_postgresql_search_is_stemmed_and_ranked():
    strong = publish(quote="Negotiations on negotiations: negotiating is everything.")
    weak = publish(
        quote="A long statement in which negotiation is mentioned once among many words."
    )
    results = list(search_positions("negotiate"))
    assert results[:2] == [strong, weak]


@on_postgresql
def test_postgresql_search_uses_the_gin_index():
    template = publish(quote="Peacekeeping is premature.")
    rows = [
        Position(
            party_id=template.party_id,
            topic_id=template.topic_id,
            source_id=template.source_id,
            stated_on=template.stated_on,
            stance=Stance.OPEN,
            summary=f"Routine statement {n}.",
            quote=f"Routine words number {n} about ceasefire lines.",
            status=Status.PUBLISHED,
        )
        for n in range(3000)
    ]
    Position.objects.bulk_create(rows)
    sql, params = search_positions("peacekeeping").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE positions_position")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "position_search_idx" in plan
