"""Stored hostile text comes out as text everywhere: pages, charts, feeds, desk, API, exports.

Every user-editable field of one published position (and its party, topic, speaker, role,
source and event) holds markup, attribute break-outs, template syntax, a right-to-left
override and combining characters. Each surface is then read back and parsed: no element or
attribute the text could have introduced may exist, and the text itself must still be there.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from positions.admin.forms import SourceAdminForm
from positions.models import Source
from positions.models.choices import Status
from positions.templatetags.standpoint import web_url
from tests.factories import PositionFactory, SourceFactory
from tests.hostile import (
    COMBINING,
    FORMULA_START,
    HOSTILE_URLS,
    MARK,
    PLAIN_NUMBER,
    RTL,
    SCRIPT,
    assert_no_injected_markup,
    assert_shown_as_text,
    hostile_record,
    public_pages,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(db):
    return hostile_record()


def test_hostile_text_is_escaped_on_every_public_page(client, record):
    for url in public_pages(record):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_no_injected_markup(html, url)
        if not url.startswith("/search/?q=%3C"):
            assert_shown_as_text(html, url)


def test_template_syntax_and_bidirectional_text_come_out_verbatim(client, record):
    for url in (record.get_absolute_url(), record.source.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "{{ 7|add:7 }}{% now &#x27;Y&#x27; %}" in html, url
        # Evaluated, the text would read "14" then this year; ids may contain "14" anyway.
        assert f"14{timezone.localdate().year}" not in html, url
        assert RTL in html and COMBINING in html, url


def test_the_topic_chart_escapes_its_caption_lanes_and_events(client, record):
    html = client.get(record.topic.get_absolute_url()).content.decode()
    chart = re.search(r"<figure class=\"chart\".*?</figure>", html, re.S).group(0)
    caption = re.search(r"<figcaption id=\"chart-caption\">(.*?)</figcaption>", chart, re.S)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in caption.group(1)
    labels = re.findall(r'<svg class="lane-strip"[^>]*aria-label="([^"]*)"', chart)
    assert labels and all("<" not in label and "&lt;" in label for label in labels)
    heads = re.findall(r'<p class="lane-head">(.*?)</p>', chart, re.S)
    assert heads and all("&lt;" in head for head in heads)
    events = re.findall(r'<ol class="chart-events">(.*?)</ol>', chart, re.S)
    assert events and "&lt;script&gt;" in events[0]
    assert_no_injected_markup(chart, "chart")


def test_the_source_page_highlights_the_quote_as_text(client, record):
    html = client.get(record.source.get_absolute_url()).content.decode()
    marks = re.findall(r"<mark[^>]*>(.*?)</mark>", html, re.S)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in m for m in marks), marks


def feed_urls(position) -> list[str]:
    return [
        "/feeds/positions/",
        f"/feeds/parties/{position.party.slug}/",
        f"/feeds/topics/{position.topic.slug}/",
    ]


ATOM = "{http://www.w3.org/2005/Atom}"


def test_feeds_are_well_formed_and_their_html_is_escaped(client, record):
    for url in feed_urls(record):
        response = client.get(url)
        assert response.status_code == 200, url
        feed = ElementTree.fromstring(response.content)  # well-formed despite the text
        entries = feed.findall(f"{ATOM}entry")
        assert entries, url
        for entry in entries:
            # Titles are plain text: the reader shows these characters, markup and all.
            assert SCRIPT in entry.findtext(f"{ATOM}title"), url
            summary = entry.find(f"{ATOM}summary")
            assert summary.get("type") == "html", url
            # The HTML a reader renders: the user's markup is in it only as escaped text.
            assert_no_injected_markup(summary.text, url)
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary.text, url
        assert b"<script>" not in response.content and b"<svg onload" not in response.content


@pytest.fixture
def desk(client, superuser):
    superuser.save()  # UserFactory leaves the password it set unsaved.
    client.force_login(superuser)
    return client


def admin_pages(position) -> list[str]:
    source = position.source
    return [
        "/admin/",
        "/admin/positions/position/",
        f"/admin/positions/position/?q={MARK}",
        f"/admin/positions/position/{position.pk}/change/",
        f"/admin/positions/position/{position.pk}/history/",
        "/admin/positions/source/",
        f"/admin/positions/source/{source.pk}/change/",
        f"/admin/positions/source/{source.pk}/history/",
        f"/admin/positions/source/{source.pk}/extract/",
        "/admin/positions/party/",
        f"/admin/positions/party/{position.party.pk}/change/",
        "/admin/positions/topic/",
        "/admin/positions/person/",
        "/admin/positions/role/",
        "/admin/positions/event/",
    ]


def test_hostile_text_is_escaped_on_the_desk(desk, record):
    for url in admin_pages(record):
        response = desk.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_no_injected_markup(html, url)
        if url != "/admin/":
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


def test_history_diffs_show_both_versions_escaped(desk, record):
    history = record.history.order_by("history_id")
    first, last = history.first(), history.last()
    response = desk.get(f"/admin/positions/position/{record.pk}/history/")
    html = response.content.decode()
    assert "summary, corrected" in html
    assert_no_injected_markup(html, "history")
    for version in (first, last):
        url = f"/admin/positions/position/{record.pk}/history/{version.history_id}/"
        page = desk.get(url)
        assert page.status_code == 200, url
        assert_no_injected_markup(page.content.decode(), url)


def test_the_api_returns_hostile_text_as_json_data(client, record):
    response = client.get(f"/api/v1/positions/{record.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    data = response.json()
    assert data["summary"] == record.summary
    assert data["quote"] == record.quote
    assert data["conditions"] == record.conditions
    listing = client.get("/api/v1/positions/", {"q": MARK})
    assert listing.status_code == 200
    assert record.summary in {p["summary"] for p in listing.json()["results"]}


@pytest.mark.parametrize(
    "path",
    ["/api/v1/positions/{pk}/", "/api/v1/positions/", "/api/v1/parties/", "/api/v1/sources/"],
)
def test_the_browsable_api_escapes_hostile_text(client, record, path):
    response = client.get(path.format(pk=record.pk), HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert_no_injected_markup(html, path)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path


def test_the_csv_export_neutralises_formulas_and_keeps_the_text(client, record):
    response = client.get("/api/v1/positions/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["X-Content-Type-Options"] == "nosniff"
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    ours = next(row for row in rows if row["id"] == str(record.pk))
    assert ours["conditions"] == "'" + record.conditions
    assert ours["summary"] == record.summary  # markup kept verbatim: CSV is not HTML
    unsafe = [
        cell
        for row in rows
        for cell in row.values()
        if cell.startswith(FORMULA_START) and not PLAIN_NUMBER.match(cell)
    ]
    assert unsafe == []


def test_the_jsonl_export_carries_the_text_verbatim(client, record):
    response = client.get("/api/v1/positions/export.jsonl")
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    ours = next(r for r in map(json.loads, lines) if r["id"] == record.pk)
    assert ours["conditions"] == record.conditions and ours["quote"] == record.quote


def test_the_dataset_csv_neutralises_formulas(record, tmp_path):
    from django.core.management import call_command

    call_command("export_dataset", str(tmp_path / "release"), verbosity=0)
    with open(tmp_path / "release" / "positions.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    cells = [cell for row in rows for cell in row.values()]
    assert "'" + record.conditions in cells
    assert not [c for c in cells if c.startswith(FORMULA_START) and not PLAIN_NUMBER.match(c)]


# URLs with a scheme that runs code


@pytest.mark.parametrize("url", HOSTILE_URLS)
@pytest.mark.parametrize("field", ["url", "archived_url"])
def test_the_model_refuses_urls_that_run_code(field, url):
    source = SourceFactory.build(**{field: url})
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    assert field in refused.value.message_dict


@pytest.mark.parametrize("url", HOSTILE_URLS)
@pytest.mark.parametrize("field", ["url", "archived_url"])
def test_the_source_form_refuses_urls_that_run_code(field, url):
    form = SourceAdminForm(
        data={"title": "Report", "kind": "news_report", "language": "en", field: url}
    )
    assert not form.is_valid()
    assert field in form.errors


def test_the_desk_refuses_a_javascript_url_and_saves_nothing(desk):
    before = Source.objects.count()
    response = desk.post(
        "/admin/positions/source/add/",
        {
            "title": "Report",
            "kind": "news_report",
            "language": "en",
            "url": "javascript:alert(1)",
            "positions-TOTAL_FORMS": "0",
            "positions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert Source.objects.count() == before


def test_the_api_offers_no_way_to_write_a_source(client, reviewer):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=reviewer)
    before = Source.objects.count()
    response = client.post(
        "/api/v1/sources/",
        {"title": "Report", "url": "javascript:alert(1)"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert response.status_code == 405
    assert Source.objects.count() == before


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_stored_url_that_runs_code_is_never_linked(client, url):
    """A row that bypassed validation (a dataset import, the shell) still gets no link."""
    source = SourceFactory(url=url, archived_url=url)
    position = PositionFactory(source=source, status=Status.PUBLISHED, published_at=timezone.now())
    for page in (source.get_absolute_url(), position.get_absolute_url()):
        html = client.get(page).content.decode()
        assert_no_injected_markup(html, page)
    assert web_url(url) == ""


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=1", "http://example.org/", "HTTPS://EXAMPLE.ORG/"]
)
def test_web_urls_are_linked(url):
    assert web_url(url) == url
