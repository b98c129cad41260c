"""The pages that say how the record is made and reused, the feed's rendering in a browser,
and what every page tells a link preview."""

import datetime
import re

import pytest

from positions.models.choices import Status
from tests.factories import PartyFactory, PositionFactory, TopicFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db


def test_methodology_explains_the_scale_moves_conditions_dates_review_and_retraction(client):
    html = page(client, "/methodology/")
    for anchor in ("stances", "moves", "conditions", "dates", "coding", "corrections", "divides"):
        assert f'id="{anchor}"' in html
    assert "Refuses it outright" in html and "Would accept it, or accepts it on conditions" in html
    assert "the smaller side holds at least a third of the parties taking a side" in html
    assert "at least three quarters of the parties with a known stance" in html


def test_every_stance_legend_links_to_the_methodology(client):
    publish()
    html = page(client, "/compare/")
    legend = html.split('<span class="legend">')[1].split("</span>")[0]
    assert 'href="/methodology/#stances"' in legend


def test_data_page_links_exports_api_docs_and_gives_licence_and_citations(client):
    html = page(client, "/data/")
    for address in (
        "/api/v1/positions/export.csv",
        "/api/v1/positions/export.jsonl",
        "/api/v1/docs/",
        "/api/v1/schema/",
    ):
        assert f'href="{address}' in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html
    assert "SHA-256" in html
    for kind in ("A position", "A topic", "A comparison", "The dataset"):
        assert f"<dt>{kind}</dt>" in html


def test_follow_pages_give_the_feed_of_a_topic_and_of_a_party(client):
    topic = TopicFactory(slug="peacekeeping", name="Peacekeeping")
    party = PartyFactory(slug="russia", name="Russian Federation")
    publish(party=party, topic=topic)
    html = page(client, "/topics/peacekeeping/follow/")
    assert 'value="http://testserver/feeds/topics/peacekeeping/" readonly' in html
    assert topic.name in html
    html = page(client, "/parties/russia/follow/")
    assert 'value="http://testserver/feeds/parties/russia/" readonly' in html
    assert party.name in html
    page(client, "/topics/atlantis/follow/", status=404)
    # Nothing public names it: no page.
    TopicFactory(slug="unpublished")
    page(client, "/topics/unpublished/follow/", status=404)


def test_a_feed_names_its_stylesheet_which_renders_it_as_a_page(client):
    publish(summary="Russia rejects peacekeepers.")
    feed = client.get("/feeds/positions/").content.decode()
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet')
    assert 'href="/feeds/feed.xsl" media="screen" type="text/xsl"' in feed.split("<feed")[0]
    response = client.get("/feeds/feed.xsl")
    assert response["Content-Type"].startswith("text/xsl")
    xsl = response.content.decode()
    assert xsl.startswith('<?xml version="1.0"')
    assert "This is a feed" in xsl and 'href="/data/#follow"' in xsl


@pytest.mark.parametrize(
    "address", ["/", "/compare/", "/search/?q=peace", "/methodology/", "/data/", "/timeline/"]
)
def test_every_page_has_a_description_and_open_graph_tags(client, address):
    publish()
    html = page(client, address)
    head = html.split("</head>")[0]
    title = re.search(r"<title>(.*?)</title>", head).group(1)
    assert f'<meta property="og:title" content="{title}">' in head
    description = re.search(r'<meta name="description" content="([^"]+)">', head).group(1)
    assert f'<meta property="og:description" content="{description}">' in head
    assert '<meta property="og:url" content="http://testserver/' in head


def test_a_description_escapes_what_editors_typed(client):
    topic = TopicFactory(slug="t", name='<b>"Bold"</b>')
    publish(topic=topic)
    html = page(client, "/topics/t/follow/")
    head = html.split("</head>")[0]
    assert "<b>" not in head
    assert 'content="Follow the topic &lt;b&gt;&quot;Bold&quot;&lt;/b&gt; · Standpoint"' in head
    assert topic


@pytest.mark.parametrize("address", ["/methodology/", "/data/", "/topics/t/follow/"])
def test_the_pages_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries, address):
    publish(topic=TopicFactory(slug="t"))
    with django_assert_max_num_queries(1):
        page(client, address)


def test_a_retracted_positions_citation_says_it_was_retracted(client):
    position = PositionFactory(
        status=Status.RETRACTED,
        retraction_reason="Misattributed.",
        retracted_at=datetime.datetime(2025, 4, 2, 9, 0, tzinfo=datetime.UTC),
    )
    html = page(client, position.get_absolute_url())
    citation = html.split('<p class="citation">')[1].split("</p>")[0]
    assert f"Retracted on {position.retracted_at:%-d %B %Y}: Misattributed." in citation


def test_a_browser_opening_a_feed_gets_it_as_xml_a_feed_reader_as_atom(client, settings):
    settings.STANDPOINT_PAGE_CACHE_SECONDS = 300
    publish()
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    reader = "application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1"
    for _ in range(2):  # the second time from the page cache, each its own
        response = client.get("/feeds/positions/", headers={"Accept": browser})
        assert response["Content-Type"] == "application/xml; charset=utf-8"
        response = client.get("/feeds/positions/", headers={"Accept": reader})
        assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
        assert response["Vary"].count("Accept") == 1
    assert client.get("/feeds/positions/")["Content-Type"].startswith("application/atom+xml")


def test_a_positions_description_says_who_stands_where_and_if_it_was_retracted(client):
    position = publish(summary="Russia rejects it.")
    head = page(client, position.get_absolute_url()).split("</head>")[0]
    assert f"{position.party.short_name} supports “{position.topic.proposition}”" in head
    assert "Summary: Russia rejects it." in head
    retracted = PositionFactory(status=Status.RETRACTED, retraction_reason="Wrong.")
    head = page(client, retracted.get_absolute_url()).split("</head>")[0]
    assert '<meta name="description" content="Retracted. ' in head


def test_the_topic_charts_legend_links_to_the_methodology(client):
    topic = TopicFactory(slug="t")
    publish(topic=topic)
    figure = page(client, "/topics/t/").split('<figure class="chart"')[1].split("</figcaption>")[0]
    assert '<a href="/methodology/#stances">What the stances mean</a>' in figure
