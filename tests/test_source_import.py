"""Reading an article's fields from pasted HTML or text, and from a URL served locally."""

import datetime
import functools
import http.server
import threading
from pathlib import Path

import pytest

from positions.editorial import source_import
from tests.factories import SourceFactory

FIXTURES = Path(__file__).parent / "fixtures"
XINHUA_PAGE = (FIXTURES / "xinhua-grushko-2025-03-17.html").read_text(encoding="utf-8")
STATEMENT_PAGE = (FIXTURES / "statement-with-jsonld.html").read_text(encoding="utf-8")


def test_news_page_html_gives_title_outlet_byline_date_and_clean_text():
    found = source_import.from_pasted(XINHUA_PAGE)
    assert found.title == "Russia seeks security guarantees in Ukraine peace deal"
    assert found.outlet == "Xinhua"
    assert found.byline == "Xinhua"
    assert found.language == "en"
    assert found.url == "https://news.example.org/world/2025-03/17/grushko-guarantees.html"
    assert found.published_at == datetime.datetime(2025, 3, 17, 2, 35, tzinfo=datetime.UTC)
    assert "NATO and peacekeeping are entirely incompatible." in found.text
    assert found.text.rstrip().endswith('as part of a broader guarantee mechanism," he added.')
    for boilerplate in ("Related stories", "Privacy policy", "Copyright 2025", "Business"):
        assert boilerplate not in found.text


def test_statement_page_metadata_comes_from_json_ld():
    found = source_import.from_pasted(STATEMENT_PAGE)
    assert found.title == "Statement on the ceasefire monitoring proposal"
    assert found.outlet == "Ministry of Examples"
    assert found.byline == "Jana Example"
    assert found.published_at == datetime.datetime(2025, 4, 2, 7, 0, tzinfo=datetime.UTC)
    assert "Monitors must have full access" in found.text
    assert "Imprint" not in found.text


def test_pasted_plain_text_gives_title_byline_and_publication_time():
    pasted = (
        "Published: 10:35, March 17, 2025 | Updated: 14:09, March 17, 2025\r\n"
        "Russia seeks security guarantees in Ukraine peace deal\r\n"
        "By Xinhua\r\n\r\n\r\n\r\n"
        "MOSCOW - Russia will demand concrete security guarantees, Grushko said.\r\n"
    )
    found = source_import.from_pasted(pasted)
    assert found.title == "Russia seeks security guarantees in Ukraine peace deal"
    assert found.byline == "Xinhua"
    assert found.published_at == datetime.datetime(2025, 3, 17, 10, 35, tzinfo=datetime.UTC)
    assert "\r" not in found.text and "\n\n\n" not in found.text
    assert found.initial()["title"] == found.title
    assert "outlet" not in found.initial(), "only what was found is proposed"


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.news.example.org/world/report-7/",
        "https://news.example.org/world/report-7?utm_source=feed&utm_medium=rss",
        "HTTPS://News.Example.org/world/report-7#comments",
    ],
)
def test_duplicate_url_is_found_however_it_is_decorated(db, variant):
    existing = SourceFactory(url="https://news.example.org/world/report-7")
    assert source_import.find_duplicate(variant) == existing
    assert source_import.find_duplicate(variant, exclude_pk=existing.pk) is None
    assert source_import.find_duplicate("https://news.example.org/world/report-8") is None


@pytest.fixture
def local_site():
    """The fixtures folder served over HTTP on this machine only."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetching_a_url_reads_the_page_where_fetching_is_allowed(settings, local_site):
    settings.STANDPOINT_FETCH_SOURCES = True
    url = f"{local_site}/xinhua-grushko-2025-03-17.html"
    html = source_import.fetch(url, allow_private_addresses=True)
    found = source_import.from_html(html, url)
    assert found.title == "Russia seeks security guarantees in Ukraine peace deal"
    assert found.url == url
    assert "entirely incompatible" in found.text


def test_fetching_is_refused_where_the_deployment_has_no_internet(settings, local_site):
    settings.STANDPOINT_FETCH_SOURCES = False
    with pytest.raises(source_import.FetchError, match="switched off"):
        source_import.fetch(f"{local_site}/xinhua-grushko-2025-03-17.html")


def test_a_url_that_cannot_be_fetched_says_so(settings, local_site):
    settings.STANDPOINT_FETCH_SOURCES = True
    with pytest.raises(source_import.FetchError, match="Could not fetch"):
        source_import.fetch(f"{local_site}/missing.html", allow_private_addresses=True)


def test_fetching_refuses_addresses_on_the_servers_own_network(settings, local_site):
    settings.STANDPOINT_FETCH_SOURCES = True
    with pytest.raises(source_import.FetchError, match="Could not fetch"):
        source_import.fetch(f"{local_site}/xinhua-grushko-2025-03-17.html")
