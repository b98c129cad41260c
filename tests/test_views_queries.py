"""Every page runs a constant number of queries, whatever the number of rows.

Each page is measured on a record of one position and on one many times the seeds
(6 parties, 16 topics, 288 positions on a shared source text, events, speakers, drafts):
the counts must be equal and stay under a fixed budget.
"""

import datetime
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from positions.editorial.timeline import recompute_timeline
from positions.models import Position
from positions.models.choices import Move, Stance, Status
from tests.factories import (
    EventFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def build_record(*, parties: int, topics: int, per_cell: int) -> dict:
    party_rows = [PartyFactory() for _ in range(parties)]
    parents = [TopicFactory() for _ in range(max(1, topics // 4))]
    topic_rows = parents + [
        TopicFactory(parent=parents[i % len(parents)]) for i in range(topics - len(parents))
    ]
    people = [PersonFactory() for _ in party_rows]
    roles = [
        RoleFactory(person=p, party=party) for p, party in zip(people, party_rows, strict=True)
    ]
    cells = list(itertools.product(range(parties), range(len(topic_rows)), range(per_cell)))
    sentences = [f"Sentence {n} states position {n} in words." for n in range(len(cells))]
    source = SourceFactory(text=" ".join(sentences))
    source.refresh_from_db()
    offset, positions = 0, []
    stances = itertools.cycle(Stance.values)
    moves = itertools.cycle([Move.DEMAND, Move.RED_LINE, Move.OPENNESS])
    for (p, t, n), sentence in zip(cells, sentences, strict=True):
        positions.append(
            Position(
                party=party_rows[p],
                topic=topic_rows[t],
                speaker=people[p],
                role=roles[p],
                source=source,
                stated_on=datetime.date(2025, 1 + n * 3 % 12, 1 + t % 28),
                stance=next(stances),
                move=next(moves),
                summary=f"Summary {sentence}",
                quote=sentence,
                quote_start=offset,
                quote_end=offset + len(sentence),
                anchored_text_sha256=source.text_sha256,
                status=Status.PUBLISHED,
                published_at=timezone.now(),
            )
        )
        offset += len(sentence) + 1
    Position.objects.bulk_create(positions)
    for party, topic in itertools.product(party_rows, topic_rows):
        recompute_timeline(party_id=party.id, topic_id=topic.id)
    # Drafts and retractions must not change the count either.
    for party, topic in zip(party_rows, topic_rows, strict=False):
        PositionFactory(party=party, topic=topic, status=Status.DRAFT)
        PositionFactory(
            party=party, topic=topic, status=Status.RETRACTED, retraction_reason="Wrong."
        )
    for n in range(max(1, parties * 2)):
        event = EventFactory(date=datetime.date(2025, 1 + n % 12, 15))
        event.parties.add(*party_rows[:2])
        event.topics.add(*topic_rows[:3])
    return {
        "party": party_rows[0],
        "topic": topic_rows[0],
        "person": people[0],
        "source": source,
        "position": Position.objects.published().filter(party=party_rows[0]).latest("stated_on"),
    }


def urls(record: dict) -> dict[str, str]:
    return {
        "home": "/",
        "compare": "/compare/?as_of=2025-12-31",
        "what changed": "/compare/?from=2025-02-01&to=2025-12-31",
        "topic": record["topic"].get_absolute_url(),
        "party": record["party"].get_absolute_url(),
        "position": record["position"].get_absolute_url(),
        "source": record["source"].get_absolute_url(),
        "person": record["person"].get_absolute_url(),
        "timeline": "/timeline/?year=2025",
        "search": "/search/?q=sentence",
        "feed": "/feeds/positions/",
        "party feed": f"/feeds/parties/{record['party'].slug}/",
        "topic feed": f"/feeds/topics/{record['topic'].slug}/",
        "methodology": "/methodology/",
        "data": "/data/",
        "follow": f"/topics/{record['topic'].slug}/follow/",
    }


# The most queries any page may run; pages are measured against these.
BUDGET = {
    "home": 4,
    "compare": 6,
    "what changed": 6,
    "topic": 10,
    "party": 7,
    "position": 2,
    "source": 3,
    "person": 4,
    "timeline": 6,
    # On PostgreSQL, one more than elsewhere: the speakers, parties and topics naming a word.
    "search": 8,
    "feed": 1,
    "party feed": 2,
    "topic feed": 2,
    "methodology": 0,
    "data": 0,
    "follow": 1,
}


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_every_page_runs_constant_queries_whatever_the_rows(client, django_assert_max_num_queries):
    small = {
        page: count_queries(client, url)
        for page, url in urls(build_record(parties=1, topics=2, per_cell=1)).items()
    }
    Position.objects.all().delete()
    large_urls = urls(build_record(parties=6, topics=16, per_cell=3))
    assert Position.objects.published().count() == 6 * 16 * 3
    large = {}
    for page, url in large_urls.items():
        with django_assert_max_num_queries(BUDGET[page], info=page) as queries:
            response = client.get(url)
        assert response.status_code == 200, page
        large[page] = len(queries)
    assert large == small


# Pages that show stances, dates and summaries, never a quote or a source's text.
LIST_PAGES = ("home", "compare", "what changed", "topic", "party", "person", "timeline")


@pytest.mark.parametrize("page", LIST_PAGES)
def test_list_pages_read_only_the_opening_of_quotes_and_never_source_texts(client, page):
    # A quote may run to ten thousand characters and a source's text far longer: read for
    # every row of a list, they would cost more than everything the page shows.
    url = urls(build_record(parties=2, topics=4, per_cell=2))[page]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    read = " ".join(query["sql"] for query in queries)
    assert '"positions_source"."text"' not in read
    # A list shows a quote's first 300 characters (one more tells whether it goes on).
    read = re.sub(r'SUBSTR(ING)?\([^(),]*\."quote", 1, 301\)', "", read)
    # Under any alias: a join back to positions (a previous position, say) is named T2, T3…
    assert not re.search(r'\."quote"', read)
