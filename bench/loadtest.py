"""A bounded load test: gunicorn with production settings on PostgreSQL, driven by wrk.

    python bench/loadtest.py                          # 100k positions, 60 s at 32 connections
    python bench/loadtest.py --positions 20000 --seconds 30

Creates a scratch PostgreSQL database (``<name>_loadtest`` next to the one ``DATABASE_URL``
names, or on the local server), fills it with synthetic data, starts gunicorn from
gunicorn.conf.py on 127.0.0.1 only, warms it up, then runs wrk with bench/loadtest.lua over
a mix of pages and API calls. Reports requests/s, latency percentiles, status counts and the
workers' memory (RSS from /proc) before and after; writes bench/loadtest.json and drops the
scratch database. Targets (issue 7): no 5xx, p95 under 250 ms, memory growth under 10%.

With ``--hung-cache`` the site's Redis is a listener that accepts connections and never
answers, the fault a circuit breaker must survive (tracker/cache.py): the targets are then
no 5xx and p95 under 1 s.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import DEFAULT_SERVER, REPO, database_name, with_database  # noqa: E402
from bench.run import drop, free_port, log, recreate, stop, wait_for  # noqa: E402

PYTHON = sys.executable
RESULTS = REPO / "bench" / "loadtest.json"
LUA = REPO / "bench" / "loadtest.lua"
TARGETS = {"status_5xx": 0, "p95_ms": 250.0, "memory_growth": 0.10}
HUNG_CACHE_P95_MS = 1000.0

PARTIES = ",".join(f"synthetic-party-{n:02d}" for n in range(1, 9))
TOPICS = ",".join(f"synthetic-topic-{n:02d}" for n in range(1, 21))
# Fixed paths: synthetic slugs exist at every size (positions.editorial.synthetic).
FIXED_PATHS = [
    "/",
    f"/compare/?parties={PARTIES}&topics={TOPICS}",
    f"/compare/?parties={PARTIES}&topics={TOPICS}&from=2019-01-01&to=2024-01-01",
    "/topics/synthetic-topic-01-1/",
    "/topics/synthetic-topic-02/",
    "/parties/synthetic-party-01/",
    "/parties/synthetic-party-05/?page=3",
    "/people/synthetic-speaker-0001/",
    "/timeline/",
    "/search/?q=adopted",
    "/feeds/positions/",
    "/api/v1/positions/?page_size=50",
    "/api/v1/positions/?party=synthetic-party-02&ordering=-stated_on",
    "/api/v1/parties/",
    "/api/v1/topics/",
    "/api/v1/sources/",
    "/api/v1/timeline/?topic=synthetic-topic-01-1",
    f"/api/v1/compare/?parties={PARTIES}&topics={TOPICS}",
    "/healthz",
]


def black_hole() -> int:
    """A TCP listener on loopback that accepts every connection and never sends a byte."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(512)
    held = []

    def accept():
        while True:
            held.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    return listener.getsockname()[1]


def production_env(url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DATABASE_URL=url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_LOG_LEVEL="WARNING",
        STANDPOINT_API_ANON_RATE="100000000/second",
        STANDPOINT_API_ANON_EXPORT_RATE="100000000/second",
        # No worker recycling during the run, so that memory growth shows rather than resets.
        GUNICORN_MAX_REQUESTS="0",
        PYTHONPATH=str(REPO),
    )
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL
    )


def record_paths(url: str) -> list[str]:
    """The fixed mix plus a spread of individual positions and their sources."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT id, source_id FROM positions_position "
            "WHERE status IN ('published', 'retracted') ORDER BY id"
        ).fetchall()
    picked = rows[:: max(1, len(rows) // 20)][:20]
    return [
        *FIXED_PATHS,
        *(f"/positions/{pk}/" for pk, _ in picked),
        *(f"/sources/{source}/" for _, source in picked[:10]),
    ]


def worker_rss(master_pid: int) -> dict[int, int]:
    """Resident memory in KiB of each gunicorn worker (the master's children)."""
    rss = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            found = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            if found:
                rss[int(status.parent.name)] = int(found.group(1))
    return rss


def run_wrk(base: str, paths_file: Path, seconds: int, connections: int, threads: int) -> dict:
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
        + ["-s", str(LUA), base],
        env={**os.environ, "LOADTEST_PATHS": str(paths_file)},
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("LOADTEST "))
    report = json.loads(line.removeprefix("LOADTEST "))
    report["requests_per_second"] = report["requests"] / (report["duration_us"] / 1e6)
    return report


def probe(base: str, paths: list[str]) -> list[dict]:
    """Each path once, alone: its status and time, to tell which pages the mix waits on."""
    timings = []
    for path in paths:
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError as error:
            status = f"error: {error}"
        timings.append(
            {"path": path, "status": status, "ms": round((time.perf_counter() - started) * 1000)}
        )
    return timings


def load_average() -> list[float]:
    return [float(n) for n in Path("/proc/loadavg").read_text().split()[:3]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=10, help="Seconds of warm-up first.")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: its config).")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PREFIX",
        help="Leave paths starting with PREFIX out of the mix (repeatable).",
    )
    parser.add_argument(
        "--hung-cache",
        action="store_true",
        help="Point the site at a Redis that accepts connections and never answers.",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian package 'wrk').")

    server = os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    if not server.startswith(("postgres://", "postgresql://")):
        server = DEFAULT_SERVER
    name = f"{database_name(server) or 'standpoint'}_loadtest"
    url = with_database(server, name)
    env = production_env(url)
    if args.workers:
        env["GUNICORN_WORKERS"] = str(args.workers)
    if args.hung_cache:
        env["REDIS_URL"] = f"redis://127.0.0.1:{black_hole()}/0"

    log(f"scratch database {name}: {args.positions} synthetic positions")
    recreate(server, name)
    gunicorn = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        started = time.perf_counter()
        manage(env, "generate_synthetic", "--positions", str(args.positions))
        generated_in = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as tmp:
            static_root = Path(tmp) / "static"
            env["DJANGO_STATIC_ROOT"] = str(static_root)
            manage(env, "collectstatic", "--noinput", "--verbosity", "0")
            paths_file = Path(tmp) / "paths.txt"
            paths = [p for p in record_paths(url) if not p.startswith(tuple(args.exclude))]
            paths_file.write_text("\n".join(paths) + "\n")

            port = free_port()
            env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
            log(f"gunicorn on 127.0.0.1:{port}")
            gunicorn = subprocess.Popen(
                [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "tracker.wsgi"],
                cwd=REPO,
                env={**env, "GUNICORN_CMD_ARGS": "--access-logfile=/dev/null"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            wait_for(port)
            base = f"http://127.0.0.1:{port}"
            log("probing each path alone")
            single = probe(base, paths)
            log(f"warm-up {args.warmup} s")
            warmup = run_wrk(base, paths_file, args.warmup, args.connections, args.threads)
            before = worker_rss(gunicorn.pid)
            load_before = load_average()
            log(f"load: {args.seconds} s at {args.connections} connections over {len(paths)} paths")
            measured = run_wrk(base, paths_file, args.seconds, args.connections, args.threads)
            after = worker_rss(gunicorn.pid)
            load_after = load_average()
    finally:
        if gunicorn is not None:
            stop(gunicorn)
        drop(server, name)

    same_workers = sorted(before) == sorted(after)
    growth = sum(after.values()) / sum(before.values()) - 1
    report = {
        "positions": args.positions,
        "generated_in_seconds": round(generated_in, 1),
        "seconds": args.seconds,
        "connections": args.connections,
        "wrk_threads": args.threads,
        "gunicorn_workers": len(before),
        "excluded": args.exclude,
        "paths": paths,
        "single_request_ms": single,
        "cpu_count": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": load_after,
        "warmup": {k: warmup[k] for k in ("requests", "status_5xx", "non_2xx_3xx")},
        "requests": measured["requests"],
        "requests_per_second": round(measured["requests_per_second"], 1),
        "latency_ms": measured["latency_ms"],
        "status_5xx": measured["status_5xx"],
        "status_4xx": measured["status_4xx"],
        "non_2xx_3xx": measured["non_2xx_3xx"],
        "socket_errors": measured["socket_errors"],
        "page_cache_seconds": env.get("STANDPOINT_PAGE_CACHE_SECONDS", "default (300)"),
        "api_cache_seconds": env.get("STANDPOINT_API_CACHE_SECONDS", "default (300)"),
        "cache_hits": measured["cache_hits"],
        "worker_rss_kib_before": before,
        "worker_rss_kib_after": after,
        "same_workers_throughout": same_workers,
        "memory_growth": round(growth, 4),
        "hung_cache": args.hung_cache,
    }
    if args.hung_cache:
        report["targets_met"] = {
            "no_5xx": report["status_5xx"] == 0,
            "p95_under_1_s": report["latency_ms"]["p95"] < HUNG_CACHE_P95_MS,
        }
    else:
        report["targets_met"] = {
            "no_5xx": report["status_5xx"] == 0,
            "p95_under_250_ms": report["latency_ms"]["p95"] < TARGETS["p95_ms"],
            "memory_growth_under_10_percent": same_workers and growth < TARGETS["memory_growth"],
        }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    latency = report["latency_ms"]
    slowest = sorted(single, key=lambda t: -t["ms"])[:5]
    print("slowest paths requested alone:")
    for timing in slowest:
        print(f"  {timing['ms']:>6} ms  {timing['status']}  {timing['path'][:90]}")
    print(
        f"{report['requests_per_second']} requests/s over {args.seconds} s "
        f"({report['requests']} requests, {args.connections} connections, "
        f"{report['gunicorn_workers']} workers, {args.positions} positions)\n"
        f"latency p50 {latency['p50']:.1f} ms, p95 {latency['p95']:.1f} ms, "
        f"p99 {latency['p99']:.1f} ms, max {latency['max']:.1f} ms\n"
        f"5xx {report['status_5xx']}, 4xx {report['status_4xx']}, "
        f"socket errors {report['socket_errors']}\n"
        f"page cache {report['page_cache_seconds']} s, API cache {report['api_cache_seconds']} s: "
        f"{report['cache_hits']} hits, "
        f"{report['cache_hits'] / max(1, report['requests']):.0%} of responses\n"
        f"worker memory {sum(before.values()) // 1024} MiB -> {sum(after.values()) // 1024} MiB "
        f"({growth:+.1%}{'' if same_workers else ', workers changed during the run'})\n"
        f"load average before {load_before}, after {load_after} on {os.cpu_count()} CPUs\n"
        f"targets met: {report['targets_met']}\n"
        f"written to {RESULTS.relative_to(REPO)}"
    )


if __name__ == "__main__":
    main()
