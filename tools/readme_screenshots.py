"""Take the README's screenshots from a running Standpoint with the seeds loaded.

    make run                                    # in one terminal
    .venv/bin/python tools/readme_screenshots.py http://127.0.0.1:8000

Needs Chromium at /usr/bin/chromium and the playwright package (the dev extra).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent.parent / "docs"
DESKTOP, PHONE = 1100, 390
TALLEST = 1600  # px: a long page is shown by its beginning
# File → (path, window width, the element the picture ends with).
SHOTS = {
    "compare.png": ("/compare/?as_of=2025-03-31", DESKTOP, "main"),
    "topic-chart.png": ("/topics/nato-european-forces-in-ukraine/", DESKTOP, "figure.chart"),
    "what-changed.png": ("/compare/?from=2025-02-14&to=2025-03-16", DESKTOP, "main"),
    "search.png": ("/search/?q=Grushko", DESKTOP, "main"),
    "position.png": ("/positions/4/", DESKTOP, "main"),
    "topic-phone.png": ("/topics/peacekeepers-in-ukraine/", PHONE, "figure.chart"),
    "what-changed-phone.png": ("/compare/?from=2025-03-01&to=2025-03-31", PHONE, "main"),
    "follow.png": ("/topics/peacekeepers-in-ukraine/follow/", DESKTOP, "main"),
}


def main(base_url: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for name, (path, width, last) in SHOTS.items():
            page = browser.new_page(viewport={"width": width, "height": 800})
            page.goto(base_url.rstrip("/") + path)
            main = page.locator("main").bounding_box()
            end = page.locator(last).first.bounding_box()
            height = min(end["y"] + end["height"] - main["y"], TALLEST)
            page.screenshot(
                path=str(DOCS / name),
                clip={"x": main["x"], "y": main["y"], "width": main["width"], "height": height},
                full_page=True,
            )
            page.close()
            print(f"saved docs/{name}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
