"""Measure one database: server times, query counts, baselines. Prints JSON.

Run by ``bench/run.py`` once per database size, with ``DATABASE_URL`` set; every
request goes through Django's full handler in process (no network), so the figures
are server time.
"""

import argparse
import functools
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import setup_django, summary  # noqa: E402

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench import scenarios  # noqa: E402

client = Client()
DESK = reverse("admin:index")


@functools.cache
def desk_client() -> Client:
    """Signed in once per process, so that no timed request pays for the sign-in."""
    desk = Client()
    desk.force_login(scenarios.desk_account())
    return desk


def client_for(url: str) -> Client:
    """Readers are anonymous; the editors' desk is requested signed in."""
    return desk_client() if url.startswith(DESK) else client


def get(url: str) -> bytes:
    response = client_for(url).get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def stream(url: str) -> int:
    """Read a streamed response chunk by chunk, as a client would; return its size."""
    response = client.get(url)
    if response.status_code != 200 or not response.streaming:
        raise SystemExit(f"{url} answered {response.status_code}, streaming={response.streaming}")
    return sum(len(chunk) for chunk in response.streaming_content)


def timed(call, repeat: int, warmup: int = 2) -> dict:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return {**summary(samples), "samples": samples}


def timed_in_turns(calls: dict, repeat: int, warmup: int = 2) -> dict:
    """Several calls timed taking turns, one sample of each per round, so that a change in
    the machine's load during the measurement weighs on all of them alike."""
    for call in calls.values():
        for _ in range(warmup):
            call()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - started)
    return {name: {**summary(taken), "samples": taken} for name, taken in samples.items()}


def serve_growth() -> None:
    """Print the growth scenarios' names, then time one scenario per name read from standard
    input and print its server time: ``bench/run.py`` asks both sizes in turns, request by
    request."""
    urls = scenarios.urls()
    print(json.dumps(list(scenarios.GROWTH)), flush=True)
    for line in sys.stdin:
        url = urls[line.strip()]
        started = time.perf_counter()
        get(url)
        print(time.perf_counter() - started, flush=True)


def count_queries(url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(url)
    return len(captured.captured_queries)


def measure(repeat: int) -> dict:
    urls = scenarios.urls()
    # The growth scenarios' times are taken apart, both sizes in turns (``serve_growth``).
    results: dict = {"queries": {}, "times": {}, "bytes": {}}
    for name, url in urls.items():
        results["queries"][name] = count_queries(url)
    for name in scenarios.GROWTH:
        # How much the page shows: at the larger size a page may show more (a fuller
        # matrix, a longer chart), which costs time however the record is read.
        results["bytes"][name] = len(get(urls[name]))
    last_page = scenarios.last_page_url()
    results["deep_pages"] = timed_in_turns(
        {"first": lambda: get(urls["api_positions"]), "last": lambda: get(last_page)},
        repeat * 3,
    )
    results["api_serialisation"] = scenarios.serialisation(timed, get, repeat)
    results["export"] = scenarios.export(timed, stream, max(3, repeat // 3))
    return results


def export_memory() -> dict:
    """Peak resident memory of a process that serves the full CSV export."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = stream(scenarios.EXPORT_URL)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_rss_mb": after / 1024, "rss_before_mb": before / 1024, "bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--export-memory", action="store_true")
    parser.add_argument("--serve-growth", action="store_true")
    parser.add_argument("--capture", help="Write the SQL of the throughput URLs to this file.")
    args = parser.parse_args()
    if args.serve_growth:
        serve_growth()
        return
    if args.export_memory:
        result = export_memory()
    elif args.capture:
        result = scenarios.capture_sql(Path(args.capture))
    else:
        result = measure(args.repeat)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
