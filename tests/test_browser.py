"""A reader's walk through the seeded record in Chromium: home → topic → position → source.

Needs Debian's Chromium at /usr/bin/chromium, the ``playwright`` package and axe-core in
node_modules (``make test`` installs both). Without them the tests are skipped with the
reason; under CI (``CI=true``) that is a failure instead.

Playwright's synchronous API runs an asyncio event loop in the test's thread, where Django
refuses synchronous database access. So every database read happens in fixtures set up
before the browser starts; while it runs, only the live server's own thread touches the
database.
"""

import os
import re
from pathlib import Path

import pytest

from positions.models import Position, Topic

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BLOCKING_IMPACTS = {"serious", "critical"}

pytestmark = pytest.mark.browser


def missing_tools() -> list[str]:
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if not AXE.exists():
        missing.append(f"axe-core at {AXE.relative_to(REPO_ROOT)} (npm install)")
    return missing


def require_browser_tools() -> None:
    """Skip when a tool is missing, saying which; under CI fail instead."""
    missing = missing_tools()
    if missing:
        reason = "browser tests need " + "; ".join(missing)
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{reason} (CI=true: browser tests may not be skipped)")
        pytest.skip(reason)


@pytest.fixture
def expected(seeded) -> dict:
    """What the pages should show, read before the browser starts."""
    published = Position.objects.published()
    return {
        "parties": {
            t.slug: sorted(set(published.filter(topic=t).values_list("party__slug", flat=True)))
            for t in Topic.objects.all()
        },
        "walk_topic": Topic.objects.get(slug="nato-peacekeeping-role"),
        "party": published.first().party,
        "person": published.exclude(speaker=None).first().speaker,
    }


@pytest.fixture
def browser(transactional_db, live_server, expected):
    require_browser_tools()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Reader:
    """One browser tab that records console errors and checks each page it visits."""

    def __init__(self, browser, base_url: str, viewport: dict):
        self.page = browser.new_page(viewport=viewport)
        self.page.set_default_timeout(10_000)
        self.base_url = base_url
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str) -> None:
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, path

    def check(self, name: str) -> None:
        """Screenshot the page and run axe-core on it."""
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        # Evaluated through the browser's debugging protocol, which the page's
        # Content-Security-Policy does not govern; a <script> tag would be refused.
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate("async () => await axe.run(document)")
        blocking = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in result["violations"]
            if v["impact"] in BLOCKING_IMPACTS
        ]
        assert not blocking, f"{name}: " + "\n".join(blocking)
        assert not self.errors, f"{name}: console errors {self.errors}"


def chart_parties(page) -> list[str]:
    """The parties the topic chart draws a lane for."""
    lanes = page.locator("ol.lanes li.lane[data-party]")
    return sorted(lanes.nth(i).get_attribute("data-party") for i in range(lanes.count()))


def standing_parties(page) -> int:
    """How many parties the topic's “where each party stands now” table lists."""
    return page.locator("table.standings tbody tr").count()


def test_reader_walks_from_home_to_the_quote_in_its_article(browser, live_server, expected):
    reader = Reader(browser, live_server.url, {"width": 1280, "height": 900})
    page = reader.page
    reader.open("/")
    reader.check("home")

    topic = expected["walk_topic"]
    page.get_by_role("link", name=topic.name, exact=True).first.click()
    page.wait_for_url(f"**{topic.get_absolute_url()}")
    assert chart_parties(page) == expected["parties"][topic.slug]
    assert standing_parties(page) == len(expected["parties"][topic.slug]) >= 1
    reader.check("topic")

    page.locator("table.standings td a").first.click()
    page.wait_for_url(re.compile(r"/positions/\d+/$"))
    quote = page.locator("blockquote.quote").inner_text()
    assert "NATO and peacekeeping are entirely incompatible." in quote
    reader.check("position")

    page.locator("dl.facts a[href*='/sources/']").first.click()
    page.wait_for_url(re.compile(r"/sources/\d+/#quote-\d+$"))
    assert page.locator(".source-text mark", has_text="entirely incompatible").count() == 1
    reader.check("source")


def test_every_topic_chart_and_summary_shows_every_party_with_a_position(
    browser, live_server, expected
):
    reader = Reader(browser, live_server.url, {"width": 1280, "height": 900})
    for slug, parties in expected["parties"].items():
        reader.open(f"/topics/{slug}/")
        assert chart_parties(reader.page) == parties, slug
        assert standing_parties(reader.page) == len(parties), slug
    assert not reader.errors


def test_other_page_types_pass_axe_on_a_phone(browser, live_server, expected):
    reader = Reader(browser, live_server.url, {"width": 390, "height": 844})
    pages = {
        "compare": "/compare/",
        "what-changed": "/compare/?from=2025-03-01&to=2025-03-31",
        "party": expected["party"].get_absolute_url(),
        "person": expected["person"].get_absolute_url(),
        "timeline": "/timeline/",
        "search": "/search/?q=peacekeeping",
        "topic-phone": expected["walk_topic"].get_absolute_url(),
    }
    for name, path in pages.items():
        reader.open(path)
        reader.check(name)


def test_missing_chromium_skips_with_the_reason(monkeypatch):
    monkeypatch.setattr(f"{__name__}.CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium at /nonexistent/chromium"):
        require_browser_tools()


def test_missing_chromium_fails_under_ci(monkeypatch):
    monkeypatch.setattr(f"{__name__}.CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="may not be skipped"):
        require_browser_tools()
