"""What readers see, in Chromium, on every page type at a desktop and a phone width: on the
seeded record, and on a generated SYNTHETIC record of 20,000 positions with retractions (41
parties, 200 topics), where the comparison, lists and search are at the scale they are
built for. Every page passes axe-core (no serious or critical violation) and nothing makes
the page scroll sideways at 390 px; wide tables scroll in their own box.

As in ``test_browser``, every database read happens in fixtures before the browser starts.
"""

import datetime

import pytest

from positions.editorial.services import position_retract
from positions.editorial.synthetic import generate
from positions.models import Party, Person, Position, Source, Topic
from positions.models.choices import Status
from tests.test_browser import (
    ARTIFACTS,
    AXE,
    BLOCKING_IMPACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    Reader,
    require_browser_tools,
)

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SYNTHETIC_POSITIONS = 20_000


def page_types(
    *, topic, party, person, position, retracted, source, search, changes
) -> dict[str, str]:
    """One address per page type readers can reach."""
    return {
        "home": "/",
        "compare": "/compare/",
        "compare-divides": "/compare/?show=divides&hide_empty=1",
        "what-changed": changes,
        "topic": topic.get_absolute_url(),
        "party": party.get_absolute_url(),
        "person": person.get_absolute_url(),
        "position": position.get_absolute_url(),
        "retracted": retracted.get_absolute_url(),
        "source": source.get_absolute_url(),
        "timeline": "/timeline/",
        "search": search,
        "methodology": "/methodology/",
        "data": "/data/",
        "follow": f"{topic.get_absolute_url()}follow/",
    }


def overflow(page) -> list[str]:
    """Elements reaching past the right edge of the window, outside a scrolling box."""
    return page.evaluate(
        """() => {
            const edge = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= edge) return [];
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > edge + 1)
                .filter(e => !e.closest('.table-scroll, .chart'))
                .slice(0, 5)
                .map(e => `${e.tagName}.${e.className}: ${e.getBoundingClientRect().right}`);
        }"""
    )


# Rows of a large matrix or list past these are written by the same code as those before
# them: axe checks the page with the first ones, at a cost that does not grow with the record.
AXE_SAMPLE = [
    [".matrix tbody tr:nth-child(n+41)"],
    [".changes-table tbody tr:nth-child(n+41)"],
    [".statements > li:nth-child(n+41)"],
    [".counted > li:nth-child(n+41)"],
]


def check(page, name: str) -> None:
    """Screenshot the window and run axe-core on the page."""
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    # Evaluated through the browser's debugging protocol, which the page's
    # Content-Security-Policy does not govern; a <script> tag would be refused.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (exclude) => await axe.run({exclude}, {resultTypes: ['violations']})", AXE_SAMPLE
    )
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert not blocking, f"{name}: " + "\n".join(blocking)


def walk(browser, base_url: str, pages: dict[str, str], prefix: str) -> None:
    for viewport in (DESKTOP, PHONE):
        reader = Reader(browser, base_url, viewport)
        reader.page.set_default_timeout(60_000)
        for name, path in pages.items():
            reader.open(path)
            check(reader.page, f"{prefix}-{name}-{viewport['width']}")
            if viewport is PHONE:
                assert not overflow(reader.page), (name, overflow(reader.page))
        assert not reader.errors, f"{prefix}: console errors {reader.errors}"
        reader.page.close()


@pytest.fixture
def seed_pages(seeded, reviewer) -> dict[str, str]:
    grushko = Person.objects.get(slug="alexander-grushko")
    position = Position.objects.published().get(quote__contains="entirely incompatible")
    # The seed retracts nothing: one of its positions is retracted here, as an editor would.
    retracted = Position.objects.published().exclude(pk=position.pk).first()
    position_retract(position=retracted, user=reviewer, reason="Misattributed.")
    return page_types(
        topic=Topic.objects.get(slug="peacekeepers-in-ukraine"),
        party=Party.objects.get(slug="russia"),
        person=grushko,
        position=position,
        retracted=retracted,
        source=position.source,
        search="/search/?q=Grushko",
        changes="/compare/?from=2025-02-14&to=2025-03-16",
    )


@pytest.fixture
def synthetic_pages(transactional_db) -> dict[str, str]:
    """A SYNTHETIC record, generated for this test and flushed after it."""
    generate(positions=SYNTHETIC_POSITIONS, seed=7)
    published = Position.objects.published()
    busiest = Topic.objects.filter(parent__isnull=False).order_by("id").first()
    position = published.exclude(speaker=None).order_by("-stated_on", "-id").first()
    retracted = Position.objects.filter(status=Status.RETRACTED).order_by("-stated_on").first()
    assert retracted is not None, "the synthetic record should hold retractions"
    latest = published.order_by("-stated_on").values_list("stated_on", flat=True).first()
    return page_types(
        topic=busiest,
        party=position.party,
        person=position.speaker,
        position=position,
        retracted=retracted,
        source=Source.objects.get(pk=position.source_id),
        search="/search/?q=synthetic",
        changes=f"/compare/?from={latest - datetime.timedelta(days=30)}&to={latest}",
    )


@pytest.fixture
def browser(live_server):
    require_browser_tools()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def test_every_page_type_of_the_seed_reads_at_both_widths(seed_pages, browser, live_server):
    walk(browser, live_server.url, seed_pages, "seed")


@pytest.mark.slow
def test_every_page_type_reads_at_both_widths_on_20k_synthetic_positions(
    synthetic_pages, browser, live_server
):
    walk(browser, live_server.url, synthetic_pages, "synthetic")
