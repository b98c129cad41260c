"""Atom feeds of newly published positions: valid, public only, escaped."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from positions.models.choices import Status
from tests.factories import PartyFactory, PositionFactory, TopicFactory
from tests.test_pages import HOSTILE, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def fetch_feed(client, url) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    # Elements RFC 4287 requires of a feed and of every entry.
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    return root


def entry_links(root: ET.Element) -> list[str]:
    return [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]


def test_overall_feed_lists_published_positions_newest_first(client):
    now = timezone.now()
    older = publish(published_at=now - datetime.timedelta(days=2))
    newer = publish(published_at=now)
    PositionFactory(status=Status.DRAFT)
    PositionFactory(
        status=Status.RETRACTED, retraction_reason="Wrong.", published_at=now, retracted_at=now
    )
    links = entry_links(fetch_feed(client, "/feeds/positions/"))
    assert [link.removeprefix("http://testserver") for link in links] == [
        newer.get_absolute_url(),
        older.get_absolute_url(),
    ]


def test_party_and_topic_feeds_hold_only_their_positions(client):
    party, topic = PartyFactory(slug="russia"), TopicFactory(slug="peacekeeping")
    mine = publish(party=party, topic=topic)
    publish()
    for url in ("/feeds/parties/russia/", "/feeds/topics/peacekeeping/"):
        links = entry_links(fetch_feed(client, url))
        assert links == [f"http://testserver{mine.get_absolute_url()}"]


@pytest.mark.parametrize("url", ["/feeds/parties/russia/", "/feeds/topics/peacekeeping/"])
def test_party_and_topic_feeds_never_show_drafts_reviews_or_retractions(client, url):
    party, topic = PartyFactory(slug="russia"), TopicFactory(slug="peacekeeping")
    now = timezone.now()
    mine = publish(party=party, topic=topic, published_at=now - datetime.timedelta(days=1))
    # Each newer than the published one, on the same party and topic: a feed that let any
    # of them through would list it first.
    PositionFactory(party=party, topic=topic, status=Status.DRAFT, quote="Draft words.")
    PositionFactory(party=party, topic=topic, status=Status.IN_REVIEW, quote="Words in review.")
    PositionFactory(
        party=party,
        topic=topic,
        status=Status.RETRACTED,
        retraction_reason="Misattributed.",
        published_at=now,
        retracted_at=now,
        quote="Retracted words.",
    )
    response = client.get(url)
    assert entry_links(fetch_feed(client, url)) == [f"http://testserver{mine.get_absolute_url()}"]
    for words in ("Draft words.", "Words in review.", "Retracted words."):
        assert words not in response.content.decode()


def test_feed_entries_read_as_sentences(client):
    publish(party=PartyFactory(short_name="Russia"), topic=TopicFactory(proposition="X happens"))
    entry = fetch_feed(client, "/feeds/positions/").find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Russia supports “X happens”"


def test_user_text_in_feeds_is_text_not_markup(client):
    publish(
        party=PartyFactory(short_name=HOSTILE, slug="hostile"),
        topic=TopicFactory(proposition=HOSTILE),
        quote=HOSTILE,
        summary=HOSTILE,
    )
    root = fetch_feed(client, "/feeds/parties/hostile/")
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text.startswith(HOSTILE)  # plain text, XML-escaped
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # Feed readers render this as HTML: the hostile text must arrive escaped once more.
    assert "<script>" not in summary.text and "<svg onload" not in summary.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary.text
    assert "<blockquote>" in summary.text


def test_feeds_list_by_publication_then_statement_date_then_entry(client):
    party = PartyFactory(slug="russia")
    now = timezone.now()
    stated_late_published_early = publish(
        party=party, stated_on=datetime.date(2025, 3, 1), published_at=now - datetime.timedelta(1)
    )
    same_moment = [
        publish(party=party, stated_on=datetime.date(2025, 2, 1), published_at=now)
        for _ in range(2)
    ]
    # Entered last, so only its earlier statement date puts it after the two above.
    stated_early_published_late = publish(
        party=party, stated_on=datetime.date(2025, 1, 1), published_at=now
    )
    expected = [
        same_moment[1],
        same_moment[0],
        stated_early_published_late,
        stated_late_published_early,
    ]
    for url in ("/feeds/positions/", "/feeds/parties/russia/"):
        links = entry_links(fetch_feed(client, url))
        assert links == [f"http://testserver{p.get_absolute_url()}" for p in expected], url
