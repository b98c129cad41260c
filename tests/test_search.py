"""Search: full text on PostgreSQL, a word match elsewhere; drafts never found."""

import datetime
import re

import pytest
from django.db import connection

from positions.models import Position
from positions.models.choices import Stance, Status
from positions.reading import search as search_module
from positions.reading.search import search_positions
from tests.factories import PartyFactory, PersonFactory, PositionFactory, TopicFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.postgresql(reason="full-text search needs PostgreSQL")


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
    publish(
        topic=TopicFactory(name="Peacekeeping", proposition="Peacekeepers are deployed"),
        party=PartyFactory(name="Russian Federation", short_name="Russia"),
        speaker=PersonFactory(name="Alexander Grushko"),
    )
    assert "Topic: <a" in page(client, "/search/?q=peacekeeping")
    assert "Party: <a" in page(client, "/search/?q=russian")
    assert "Speaker: <a" in page(client, "/search/?q=grushko")


def test_search_lists_no_name_that_nothing_published_cites(client):
    TopicFactory(name="Peacekeeping", proposition="Peacekeepers are deployed")
    PartyFactory(name="Russian Federation", short_name="Russia")
    PositionFactory(speaker=PersonFactory(name="Alexander Grushko"), status=Status.IN_REVIEW)
    assert "Topic: <a" not in page(client, "/search/?q=peacekeeping")
    assert "Party: <a" not in page(client, "/search/?q=russian")
    assert "Speaker: <a" not in page(client, "/search/?q=grushko")


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
def test_postgresql_search_is_stemmed_and_ranked(client):
    weak = publish(
        quote="A long statement in which negotiation is mentioned once among many words.",
        stated_on=datetime.date(2025, 3, 2),
    )
    strong = publish(
        quote="Negotiations on negotiations: negotiating is everything.",
        stated_on=datetime.date(2025, 3, 1),
    )
    html = results_section(page(client, "/search/?q=negotiate"))
    assert "Best match first." in html
    assert html.index(strong.get_absolute_url()) < html.index(weak.get_absolute_url())


@on_postgresql
def test_postgresql_search_finds_the_words_of_a_corrected_quote(client):
    position = publish(quote="We discussed the ceasefire.")
    Position.objects.filter(pk=position.pk).update(quote="We discussed demilitarisation.")
    assert "0 positions matching" in page(client, "/search/?q=ceasefire")
    assert f'href="{position.get_absolute_url()}"' in page(client, "/search/?q=demilitarisation")


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
    newest = search_positions("peacekeeping").order_by("-stated_on", "-id")[:1000]
    sql, params = newest.query.sql_with_params()
    with connection.cursor() as cursor:
        # What autovacuum does in time: new rows wait in the index's pending list until then.
        cursor.execute("SELECT gin_clean_pending_list('position_document_idx'::regclass)")
        cursor.execute("ANALYZE positions_position")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "position_document_idx" in plan


def publish_many(count: int, *, words: str, first_day=datetime.date(2024, 1, 1), **fields):
    """``count`` published positions saying ``words``, one a day from ``first_day``."""
    template = publish(quote=f"{words} (template).", stated_on=first_day, **fields)
    Position.objects.bulk_create(
        Position(
            party_id=template.party_id,
            topic_id=template.topic_id,
            source_id=template.source_id,
            stated_on=first_day + datetime.timedelta(days=n),
            stance=template.stance,
            summary=f"Statement {n}.",
            quote=f"{words}, said for the {n}th time.",
            status=Status.PUBLISHED,
        )
        for n in range(1, count)
    )
    return list(
        Position.objects.filter(party_id=template.party_id, topic_id=template.topic_id).order_by(
            "-stated_on", "-id"
        )
    )


def linked_ids(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'href="/positions/(\d+)/"', results_section(html))}


def test_a_common_word_shows_the_newest_matches_and_says_older_ones_were_left_out(
    client, monkeypatch
):
    monkeypatch.setattr(search_module, "CANDIDATES", 5)
    positions = publish_many(8, words="Security guarantees first")
    html = page(client, "/search/?q=guarantees")
    assert "More than 5 positions matching" in html
    ranked = connection.vendor == "postgresql"
    assert (
        "Showing the best matches among the newest 5" if ranked else "Showing the newest 5."
    ) in html
    assert linked_ids(html) == {p.id for p in positions[:5]}


def test_narrowing_a_common_word_reaches_older_statements(client, monkeypatch):
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    older = publish_many(2, words="Guarantees", first_day=datetime.date(2020, 1, 1))
    publish_many(6, words="Guarantees again", first_day=datetime.date(2025, 1, 1))
    html = page(client, "/search/?q=guarantees")
    assert "More than" in html
    assert not linked_ids(html) & {p.id for p in older}
    narrowed = page(client, f"/search/?q=guarantees&party={older[0].party.slug}")
    assert "2 positions matching" in narrowed
    assert linked_ids(narrowed) == {p.id for p in older}


def test_pages_of_a_cut_search_show_each_candidate_once(client, monkeypatch):
    monkeypatch.setattr(search_module, "CANDIDATES", 45)
    positions = publish_many(50, words="Withdrawal of forces")
    seen = []
    for number in (1, 2, 3):
        seen += sorted(linked_ids(page(client, f"/search/?q=withdrawal&page={number}")))
    assert sorted(seen) == sorted(p.id for p in positions[:45])
    # Ranked pages are not in date order, so their links do not say older or newer.
    following = "Next" if connection.vendor == "postgresql" else "Older"
    assert f'rel="next">{following}</a>' in page(client, "/search/?q=withdrawal")


@pytest.mark.parametrize("count", [3, 30, 120])
def test_search_runs_the_same_queries_however_many_match(
    client, monkeypatch, django_assert_max_num_queries, count
):
    monkeypatch.setattr(search_module, "CANDIDATES", 25)
    publish_many(count, words="Sanctions relief")
    # On PostgreSQL one more: the speakers, parties and topics naming the word.
    with django_assert_max_num_queries(8):
        html = page(client, "/search/?q=sanctions&page=2")
    assert ("More than" in html) is (count > 25)


@on_postgresql
def test_the_search_document_declared_on_the_model_is_the_one_the_database_keeps():
    field = Position._meta.get_field("search_document")
    with connection.schema_editor() as editor:
        declared, params = editor.column_sql(Position, field)
    expression = (
        "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a "
        "ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
        "WHERE d.adrelid = %s::regclass AND a.attname = 'search_document'"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE declared (quote text, summary varchar(500), "
            f"search_document {declared})",
            params,
        )
        cursor.execute(expression, ["declared"])
        wanted = cursor.fetchone()
        cursor.execute(expression, [Position._meta.db_table])
        assert cursor.fetchone() == wanted


def test_positions_are_read_without_their_search_document(django_assert_num_queries):
    publish(quote="Peacekeeping first.")
    with django_assert_num_queries(1) as captured:
        positions = list(Position.objects.public())
    assert "search_document" not in captured.captured_queries[0]["sql"]
    assert positions[0].quote == "Peacekeeping first."
