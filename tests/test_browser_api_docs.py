"""The API documentation renders in Chromium under the site's Content-Security-Policy."""

import pytest

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, require_browser_tools

pytestmark = pytest.mark.browser


def test_the_api_docs_render_every_endpoint_with_no_policy_violation(live_server, seeded):
    require_browser_tools()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = chromium.new_page()
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{live_server.url}/api/v1/docs/")
            page.wait_for_selector(".opblock-summary-path", timeout=20_000)
            paths = page.locator(".opblock-summary-path").all_inner_texts()
        finally:
            chromium.close()
    assert not errors, errors
    assert "/api/v1/positions/" in paths
    assert "/api/v1/deleted/" in paths
    assert "/api/v1/compare/" in paths
