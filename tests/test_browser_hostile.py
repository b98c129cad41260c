"""Hostile stored text in a real browser: no dialog opens and the Content-Security-Policy
reports no violation, on the public pages and the desk.

Same tools and skip rules as tests/test_browser.py. Every database read happens in fixtures
before the browser starts (see that module's docstring).
"""

import pytest
from django.conf import settings

from tests.hostile import hostile_record, public_pages
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, require_browser_tools

pytestmark = pytest.mark.browser

# Injected through the debugging protocol, which the page's policy does not govern.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def hostile_site(transactional_db, client, superuser):
    position = hostile_record()
    superuser.save()  # UserFactory leaves the password it set unsaved.
    client.force_login(superuser)
    source = position.source
    return {
        "public": public_pages(position),
        "desk": [
            "/admin/positions/position/",
            f"/admin/positions/position/{position.pk}/change/",
            f"/admin/positions/position/{position.pk}/history/",
            f"/admin/positions/source/{source.pk}/change/",
            f"/admin/positions/source/{source.pk}/extract/",
            "/admin/positions/party/",
        ],
        "api": [f"/api/v1/positions/{position.pk}/?format=api"],
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
    }


@pytest.fixture
def chromium(hostile_site, live_server):
    require_browser_tools()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Watcher:
    """A tab that records dialogs, CSP violations and script errors."""

    def __init__(self, context):
        self.page = context.new_page()
        self.page.set_default_timeout(10_000)
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.add_init_script(REPORT_VIOLATIONS)
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message):
        # The desk links no icon, so Chromium asks for /favicon.ico; that 404 is no fault here.
        favicon = message.location.get("url", "").endswith("/favicon.ico")
        if message.type == "error" and not favicon:
            self.errors.append(message.text)

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def visit(self, url: str) -> None:
        response = self.page.goto(url)
        assert response.status == 200, url
        # Hover and focus everything the text might have turned into a handler.
        for element in self.page.locator("a, mark, blockquote, td, li").all()[:200]:
            element.dispatch_event("mouseover")
        self.page.wait_for_timeout(50)


def test_hostile_pages_open_no_dialog_and_break_no_policy(chromium, live_server, hostile_site):
    context = chromium.new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": hostile_site["session"],
                "url": live_server.url,
            }
        ]
    )
    watcher = Watcher(context)
    visited = []
    for path in hostile_site["public"] + hostile_site["desk"]:
        watcher.visit(live_server.url + path)
        visited.append(path)
        assert not watcher.dialogs, f"{path}: {watcher.dialogs}"
        assert not watcher.errors, f"{path}: {watcher.errors}"
    assert len(visited) > 15
    # DRF's browsable API styles itself inline, which the policy blocks (cosmetic only);
    # what matters here is that no script runs.
    for path in hostile_site["api"]:
        watcher.visit(live_server.url + path)
        assert not watcher.dialogs, f"{path}: {watcher.dialogs}"
        style = ("CSP violation: style-src", "Applying inline style violates")
        others = [e for e in watcher.errors if not e.startswith(style)]
        assert not others, f"{path}: {others}"
    context.close()


def test_the_watcher_sees_a_policy_violation(chromium, live_server, hostile_site):
    """Markup that did get in would be caught: the listener reports what the policy blocks."""
    watcher = Watcher(chromium.new_context())
    watcher.visit(live_server.url + "/")
    watcher.page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(1)>')"
    )
    watcher.page.wait_for_timeout(300)
    assert not watcher.dialogs
    assert any("CSP violation" in error for error in watcher.errors), watcher.errors
