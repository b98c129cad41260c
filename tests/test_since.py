"""“Since” is when a party took the stance it holds, not when it last restated it."""

import datetime

import pytest

from positions.models.choices import Stance
from tests.factories import PartyFactory, TopicFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def russia_rejects_since_february():
    russia = PartyFactory(short_name="Russia", slug="russia")
    topic = TopicFactory(proposition="Foreign peacekeepers are deployed", slug="peacekeepers")
    publish(party=russia, topic=topic, stance=Stance.OPEN, stated_on=D(2024, 10, 1))
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=D(2025, 2, 19))
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=D(2025, 8, 20))
    return russia, topic


def test_compare_cell_says_since_the_stance_was_taken(client, russia_rejects_since_february):
    html = page(client, "/compare/?parties=russia&topics=peacekeepers&as_of=2025-12-01")
    assert "since 19 February 2025" in html
    assert "since 20 August 2025" not in html


def test_compare_cell_as_of_an_earlier_date_says_since_then(client, russia_rejects_since_february):
    html = page(client, "/compare/?parties=russia&topics=peacekeepers&as_of=2025-01-31")
    assert "since 1 October 2024" in html


def test_party_page_since_is_the_start_of_the_run(client, russia_rejects_since_february):
    russia, _ = russia_rejects_since_february
    html = page(client, russia.get_absolute_url())
    current = html.split('id="current-heading"')[1].split("</section>")[0]
    row = current.split("<tbody>")[1]
    assert '<time datetime="2025-02-19">19 February 2025</time>' in row
    assert '<time datetime="2025-08-20">20 August 2025</time>' in row  # last stated
    assert "reversal" in row


def test_a_same_day_restatement_does_not_hide_a_reversal(client):
    russia = PartyFactory(short_name="Russia")
    topic = TopicFactory()
    publish(party=russia, topic=topic, stance=Stance.OPEN, stated_on=D(2025, 1, 5))
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=D(2025, 3, 16))
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=D(2025, 3, 16))
    row = page(client, russia.get_absolute_url()).split('id="current-heading"')[1]
    row = row.split("<tbody>")[1].split("</tbody>")[0]
    assert "reversal" in row
    assert "unchanged" not in row


def test_retracting_the_move_that_began_a_run_moves_since_back(client, reviewer):
    from positions.editorial import services

    russia = PartyFactory(short_name="Russia", slug="russia")
    topic = TopicFactory(slug="peacekeepers")
    publish(party=russia, topic=topic, stance=Stance.OPEN, stated_on=D(2025, 1, 10))
    detour = publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=D(2025, 2, 10))
    publish(party=russia, topic=topic, stance=Stance.OPEN, stated_on=D(2025, 3, 10))
    url = "/compare/?parties=russia&topics=peacekeepers&as_of=2025-12-01"
    assert "since 10 March 2025" in page(client, url)

    services.position_retract(position=detour, user=reviewer, reason="Misattributed.")

    assert "since 10 January 2025" in page(client, url)
    standings = page(client, topic.get_absolute_url()).split('id="standings-heading"')[1]
    since = standings.split('data-label="Since">')[1].split("</td>")[0]
    assert '<time datetime="2025-01-10">10 January 2025</time>' in since


def test_since_kept_write_by_write_equals_since_rebuilt_from_scratch(editor, reviewer):
    import random

    from positions.editorial.stance_cells import rebuild_cells
    from positions.models import StanceCell
    from tests.test_stance_cells import _random_walk

    def since() -> dict:
        return {
            (c.party_id, c.topic_id): (c.since_stated_on, c.since_stated_on_precision)
            for c in StanceCell.objects.all()
        }

    _random_walk(random.Random(11), editor, reviewer, steps=120)
    kept = since()
    rebuild_cells()
    assert kept and since() == kept
    assert any(day is not None for day, _ in kept.values())
