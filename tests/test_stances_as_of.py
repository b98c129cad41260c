"""The stance in force on a date: read from each cell's copy, or probed for cells that
changed after that date; the same answer as reading every position."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from positions.editorial.timeline import recompute_timeline
from positions.models.choices import Status
from positions.reading.stances import StanceInForce, stances_as_of
from tests.factories import PartyFactory, PositionFactory, TopicFactory

pytestmark = pytest.mark.django_db

DAYS = [datetime.date(2024, 1, 1) + datetime.timedelta(days=30 * n) for n in range(6)]


@pytest.fixture
def record():
    parties, topics = PartyFactory.create_batch(3), TopicFactory.create_batch(3)
    for p, party in enumerate(parties):
        for t, topic in enumerate(topics):
            # Each cell speaks on some of the days, with a stance that moves.
            for d, day in enumerate(DAYS):
                if (p + t + d) % 3:
                    PositionFactory(
                        party=party, topic=topic, stated_on=day,
                        stance=(p + t + d) % 5 - 2, status=Status.PUBLISHED,
                    )  # fmt: skip
            PositionFactory(party=party, topic=topic, stated_on=DAYS[2], status=Status.DRAFT)
            recompute_timeline(party_id=party.id, topic_id=topic.id)
    return parties, topics


def in_force(as_of, parties, topics) -> dict:
    """What each cell held on ``as_of``, read the long way: every published position."""
    from positions.models import Position

    found = {}
    for position in Position.objects.filter(status=Status.PUBLISHED, stated_on__lte=as_of).order_by(
        "stated_on", "id"
    ):
        if position.party in parties and position.topic in topics:
            found[(position.party_id, position.topic_id)] = position.pk
    return found


@pytest.mark.parametrize("as_of", [DAYS[0] - datetime.timedelta(days=1), *DAYS])
def test_stance_in_force_on_every_date_is_the_latest_published_before_it(record, as_of):
    parties, topics = record
    read = stances_as_of(as_of=as_of)
    assert {key: row.id for key, row in read.items()} == in_force(as_of, parties, topics)
    assert all(isinstance(row, StanceInForce) for row in read.values())


def test_axes_limit_the_cells_read_on_a_past_date(record):
    parties, topics = record
    chosen_parties, chosen_topics = parties[:2], topics[1:]
    read = stances_as_of(
        as_of=DAYS[2],
        party_ids=[p.id for p in chosen_parties],
        topic_ids=[t.id for t in chosen_topics],
    )
    assert {key: row.id for key, row in read.items()} == in_force(
        DAYS[2], chosen_parties, chosen_topics
    )


def test_a_past_date_is_read_in_one_query(record):
    with CaptureQueriesContext(connection) as captured:
        stances_as_of(as_of=DAYS[1])
    assert len(captured.captured_queries) == 1


@pytest.mark.postgresql(reason="query plans of PostgreSQL")
def test_cells_changed_since_the_date_are_probed_once_each_on_postgresql(record):
    with CaptureQueriesContext(connection) as captured:
        stances_as_of(as_of=DAYS[1])
    [sql] = [query["sql"] for query in captured.captured_queries]
    with connection.cursor() as cursor:
        # Priced out, as a large record prices them: the plan shows which index serves it.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "position_timeline_idx" in plan, plan
    # A changed cell's row comes from its probe, not from a second lookup by key; the only
    # lookups by key fetch the conditions of the positions the unchanged cells copy.
    assert plan.count("positions_position_pkey") <= 1, plan


def test_a_party_page_lists_only_that_partys_current_stances(client):
    from tests.test_pages import page, publish

    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    ours = TopicFactory(proposition="Peacekeepers are deployed")
    theirs = TopicFactory(proposition="Elections are held first")
    publish(party=russia, topic=ours, stated_on=datetime.date(2025, 1, 1))
    publish(party=ukraine, topic=theirs, stated_on=datetime.date(2025, 1, 1))
    section = (
        page(client, "/parties/russia/").split('id="current-heading"')[1].split("</section>")[0]
    )
    assert "Peacekeepers are deployed" in section
    assert "Elections are held first" not in section


def test_a_party_page_shows_the_stance_in_force_today_not_one_dated_later(client):
    from django.utils import timezone

    from positions.models.choices import Stance
    from tests.test_pages import page, publish

    russia, topic = PartyFactory(slug="russia"), TopicFactory(proposition="Peacekeepers")
    today = timezone.localdate()
    before = publish(
        party=russia, topic=topic, stance=Stance.OPEN, stated_on=today - datetime.timedelta(1)
    )
    later = publish(
        party=russia, topic=topic, stance=Stance.REJECTS, stated_on=today + datetime.timedelta(1)
    )
    # Entered last but stated earlier: superseded by the one of yesterday.
    older = publish(
        party=russia, topic=topic, stance=Stance.OPPOSES, stated_on=today - datetime.timedelta(2)
    )
    section = (
        page(client, "/parties/russia/").split('id="current-heading"')[1].split("</section>")[0]
    )
    assert before.get_absolute_url() in section
    assert later.get_absolute_url() not in section
    assert older.get_absolute_url() not in section


def test_a_statement_entered_later_but_dated_earlier_does_not_displace_the_one_in_force(api):
    russia, nato = PartyFactory(slug="russia"), TopicFactory(slug="nato")
    # Entered in this order: March, then a January statement found later, then June.
    for stated_on, stance in (("2025-03-01", 1), ("2025-01-01", -2), ("2025-06-01", 2)):
        PositionFactory(
            party=russia, topic=nato, stated_on=stated_on, stance=stance, status=Status.PUBLISHED
        )
    recompute_timeline(party_id=russia.id, topic_id=nato.id)
    data = api.get("/api/v1/compare/", {"as_of": "2025-04-01"}).json()
    assert [(c["party"], c["stance"], c["stated_on"]) for c in data["cells"]] == [
        ("russia", "open", "2025-03-01")
    ]


@pytest.mark.parametrize("as_of", [DAYS[0] - datetime.timedelta(days=1), *DAYS])
def test_a_partys_current_stances_on_any_date_are_those_in_force_with_their_run_start(
    record, as_of
):
    from positions.models import Position
    from positions.reading.stances import current_stances

    parties, topics = record
    party = parties[1]
    read = {row.topic_id: row for row in current_stances(party=party, as_of=as_of)}
    expected = {t: pk for (p, t), pk in in_force(as_of, parties, topics).items() if p == party.id}
    assert {topic: row.id for topic, row in read.items()} == expected
    for topic_id, row in read.items():
        # The run in force began at the last move on or before the date, read the long way.
        history = Position.objects.filter(
            party=party, topic_id=topic_id, status=Status.PUBLISHED, stated_on__lte=as_of
        ).order_by("stated_on", "id")
        since, stance = None, None
        for position in history:
            if position.stance != stance:
                since, stance = position, position.stance
        assert (row.since_on, row.since_shift) == (since.stated_on, since.shift)
