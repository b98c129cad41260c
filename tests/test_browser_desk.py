"""An editor's walk through the desk in Chromium: paste a page's HTML → check the source →
extract → record each statement (one by a speaker not yet in the record) → submit; a
reviewer publishes. Every form submission is counted: recording takes at most one per
position, pop-ups included.

Same tools and skip rules as tests/test_browser.py; every database write and read happens in
fixtures before the browser starts (see that module's docstring). The article is a
constructed test page (tests/fixtures/constructed-desk-walk.html), its people invented.
"""

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import PartyFactory, PersonFactory, RoleFactory, TopicFactory
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, require_browser_tools

pytestmark = pytest.mark.browser

ARTICLE = Path(__file__).parent / "fixtures" / "constructed-desk-walk.html"
ARTICLE_URL = "https://wire.example.org/world/2025/08/20/guarantees-troops"


def _session(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def desk(transactional_db, live_server):
    """The record the article refers to, and an editor's and a reviewer's sessions."""
    from django.contrib.auth.models import Group

    from positions.editorial.roles import EDITOR, REVIEWER
    from tests.factories import UserFactory

    ukraine = PartyFactory(name="Ukraine", short_name="Ukraine", slug="ukraine")
    PartyFactory(name="Russian Federation", short_name="Russia", slug="russia")
    RoleFactory(
        person=PersonFactory(name="Oksana Example", slug="oksana-example"),
        party=ukraine,
        title="Foreign Minister",
    )
    TopicFactory(
        slug="guarantees", name="Security guarantees", proposition="Ukraine receives guarantees"
    )
    TopicFactory(
        slug="european-troops", name="European troops", proposition="European troops deploy"
    )
    editor = UserFactory(username="walk-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    reviewer = UserFactory(username="walk-reviewer", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWER))
    return {"editor": _session(editor), "reviewer": _session(reviewer)}


@pytest.fixture
def chromium(desk):
    require_browser_tools()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class DeskTab:
    """A signed-in tab that counts the forms it submits, by the desk page they go to."""

    def __init__(self, browser, base_url: str, session: str):
        self.context = browser.new_context(viewport={"width": 1366, "height": 900})
        host = urlsplit(base_url).hostname
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "domain": host}
        self.context.add_cookies([{**cookie, "path": "/"}])
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.base_url = base_url
        self.submissions: Counter = Counter()
        self.errors: list[str] = []
        self.context.on("request", self._count)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _count(self, request):
        if request.method == "POST" and request.is_navigation_request():
            path = urlsplit(request.url).path
            self.submissions[re.sub(r"/\d+/", "/<id>/", path)] += 1

    def open(self, path: str):
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, path

    def choose(self, field_id: str, text: str, page=None):
        """Pick ``text`` in an autocomplete field, as an editor does: open, type, click."""
        page = page or self.page
        page.locator(f"#{field_id} + .select2").click()
        page.locator(".select2-search__field").fill(text)
        page.locator(".select2-results__option", has_text=text).first.click()

    def ensure(self, field_id: str, text: str):
        """Keep a suggested value; pick ``text`` where nothing was suggested."""
        if not self.page.locator(f"#{field_id}").input_value():
            self.choose(field_id, text)

    def save_position(self, *, stance: str, summary: str, topic: str, party: str):
        page = self.page
        self.ensure("id_party", party)
        self.ensure("id_topic", topic)
        if not page.locator("#id_stated_on").input_value():
            page.fill("#id_stated_on", "2025-08-19")  # "on Tuesday", in an article of Wednesday
        page.select_option("#id_stance", stance)
        page.fill("#id_summary", summary)
        page.locator("input[name=_save]").click()
        page.wait_for_load_state()
        if not page.url.endswith("/extract/"):
            errors = page.locator(".errornote, .errorlist").all_inner_texts()
            errors += [row.get_attribute("class") for row in page.locator(".form-row.errors").all()]
            raise AssertionError(f"not saved: {errors}")


def test_an_article_becomes_published_positions_in_one_submission_each(chromium, live_server, desk):
    from playwright.sync_api import expect

    editor = DeskTab(chromium, live_server.url, desk["editor"])
    page = editor.page

    # Paste the page's HTML; the source form comes back filled in; saving goes to the extraction.
    editor.open("/admin/positions/source/import/")
    page.fill("#id_url", ARTICLE_URL)
    page.fill("#id_pasted", ARTICLE.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Read the article").click()
    page.wait_for_url(re.compile(r"/source/add/\?_import=1$"))
    title = "Kyiv ready to discuss guarantees as Moscow rejects European troops"
    assert page.locator("#id_title").input_value() == title
    assert page.locator("#id_outlet").input_value() == "Example Wire"
    assert page.locator("#id_published_at_0").input_value() == "2025-08-20"
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r"/source/\d+/extract/$"))
    source_id = re.search(r"/source/(\d+)/extract/", page.url).group(1)
    editor.page.screenshot(path=str(ARTIFACTS / "desk-extract.png"), full_page=True)

    # A statement by someone the record knows: speaker, role and party come suggested.
    sentence = page.locator(".extract-sentence", has_text="Oksana Example")
    sentence.locator("a.extract-link").first.click()
    page.wait_for_url(re.compile(r"/position/add/"))
    assert page.locator("#id_speaker").input_value() != ""
    editor.save_position(
        stance="1",
        summary="Ukraine is ready to discuss security guarantees.",
        topic="Security guarantees",
        party="Ukraine",
    )

    # A statement by someone new: named on the position's own form, no pop-up.
    sentence = page.locator(".extract-sentence", has_text="Pavel Testov")
    sentence.locator("a.extract-link").first.click()
    page.wait_for_url(re.compile(r"/position/add/"))
    page.fill("#id_new_speaker", "Pavel Testov")
    page.fill("#id_new_speaker_role", "Deputy Foreign Minister")
    editor.page.screenshot(path=str(ARTIFACTS / "desk-new-speaker.png"), full_page=True)
    editor.save_position(
        stance="-2",
        summary="Russia rejects European troops in Ukraine.",
        topic="European troops",
        party="Russia",
    )
    assert page.locator(".extract-sentence.recorded").count() == 2

    # Submit both drafts at once from the list.
    editor.open("/admin/positions/position/?status__exact=draft")
    page.locator("#action-toggle").check()
    page.select_option("select[name=action]", "submit_selected")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("Submit for review: done for 2")

    # The reviewer publishes them.
    reviewer = DeskTab(chromium, live_server.url, desk["reviewer"])
    reviewer.open("/admin/positions/position/?status__exact=in_review")
    reviewer.page.locator("#action-toggle").check()
    reviewer.page.select_option("select[name=action]", "publish_selected")
    reviewer.page.locator("button[name=index]").click()
    expect(reviewer.page.locator(".messagelist")).to_contain_text("Publish: done for 2")

    # Readers see both quotes in the article, and the new speaker with the role entered.
    reviewer.open(f"/sources/{source_id}/")
    assert reviewer.page.locator(".source-text mark").count() == 2
    reviewer.open("/people/pavel-testov/")
    assert "Deputy Foreign Minister" in reviewer.page.locator("main").inner_text()

    recording = {
        path: count
        for path, count in editor.submissions.items()
        if path.startswith(("/admin/positions/position/add/", "/admin/positions/person/add/"))
    }
    assert sum(recording.values()) == 2, f"one per position, pop-ups included: {recording}"
    assert editor.submissions["/admin/positions/source/import/"] == 1
    assert editor.submissions["/admin/positions/source/add/"] == 1
    assert editor.submissions["/admin/positions/position/"] == 1, "one to submit them all"
    assert reviewer.submissions["/admin/positions/position/"] == 1, "one to publish them all"
    assert not editor.errors and not reviewer.errors
    print(
        f"\nDesk walk, 2 positions (1 new speaker): {sum(recording.values())} recording "
        f"submissions; all editor submissions {dict(editor.submissions)}, "
        f"reviewer {dict(reviewer.submissions)}"
    )


def test_the_new_person_pop_up_sets_speaker_role_and_party_on_the_form(chromium, live_server, desk):
    editor = DeskTab(chromium, live_server.url, desk["editor"])
    page = editor.page
    editor.open("/admin/positions/position/add/")
    with page.expect_popup() as opened:
        page.locator("#add_id_speaker").click()
    popup = opened.value
    popup.wait_for_load_state()
    assert popup.locator("#id_roles-0-title").count() == 1, "a role row is ready"
    popup.fill("#id_name", "Pavel Testov")
    popup.fill("#id_roles-0-title", "Deputy Foreign Minister")
    editor.choose("id_roles-0-party", "Russia", page=popup)
    popup.locator("input[name=_save]").click()
    popup.wait_for_event("close")

    from playwright.sync_api import expect

    expect(page.locator("#id_role option:checked")).to_have_count(1)
    selected = {
        name: page.locator(f"#id_{name} option:checked").inner_text()
        for name in ("speaker", "role", "party")
    }
    assert selected == {
        "speaker": "Pavel Testov",
        "role": "Pavel Testov — Deputy Foreign Minister, Russia",
        "party": "Russia",
    }
    page.screenshot(path=str(ARTIFACTS / "desk-after-pop-up.png"), full_page=True)
    assert sum(editor.submissions.values()) == 1, "the pop-up's one submission"
    assert not editor.errors
