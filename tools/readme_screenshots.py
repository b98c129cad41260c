"""Take the README's screenshots from a running Standpoint with the seeds loaded.

    make run                                    # in one terminal
    .venv/bin/python tools/readme_screenshots.py http://127.0.0.1:8000

Needs Chromium at /usr/bin/chromium and the playwright package (the dev extra).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent.parent / "docs"
SHOTS = {
    "compare.png": "/compare/?as_of=2025-03-31",
    "topic-chart.png": "/topics/nato-european-forces-in-ukraine/",
    "what-changed.png": "/compare/?from=2025-02-14&to=2025-03-16",
    "search.png": "/search/?q=Grushko",
}


def main(base_url: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        for name, path in SHOTS.items():
            page.goto(base_url.rstrip("/") + path)
            main = page.locator("main").bounding_box()
            end = page.locator("figure.chart" if "chart" in name else "main").bounding_box()
            height = end["y"] + end["height"] - main["y"]
            page.screenshot(
                path=str(DOCS / name),
                clip={"x": main["x"], "y": main["y"], "width": main["width"], "height": height},
                full_page=True,
            )
            print(f"saved docs/{name}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
