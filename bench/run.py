"""Run every benchmark in one run on the same data and report ratios.

    python bench/run.py                 # 10k and 1M positions
    python bench/run.py --smoke         # 1k and 10k: checks the benchmarks run

Creates two scratch PostgreSQL databases next to the one ``DATABASE_URL`` names (or on
the local server), ``<name>_bench_small`` and ``<name>_bench_large`` (``_bench_smoke_``
with --smoke), fills them with synthetic data, measures, writes bench/results.json and
prints a table, then drops the scratch databases, also when stopped by SIGTERM. A unique
name in ``DATABASE_URL`` keeps two runs on one server apart.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import (  # noqa: E402
    DEFAULT_SERVER,
    REPO,
    database_name,
    ratio,
    summary,
    with_database,
)

PYTHON = sys.executable
RESULTS = REPO / "bench" / "results.json"
TARGETS = {
    "api_serialisation": ("<=", 2.0),
    "throughput_api_positions": (">=", 0.5),
    "throughput_topic": (">=", 0.5),
    "throughput_api_positions_cached": (">=", 0.5),
    "throughput_topic_cached": (">=", 0.5),
    "deep_pages": ("<=", 1.3),
    "growth_compare": ("<=", 1.5),
    "growth_topic": ("<=", 1.5),
    "growth_topic_busy": ("<=", 1.5),
    "growth_party": ("<=", 1.5),
    "growth_api_timeline": ("<=", 1.5),
    "growth_api_timeline_window": ("<=", 1.5),
    "export_time": ("<=", 3.0),
    "export_memory_mb": ("<", 150.0),
    "export_memory_growth": ("<=", 1.2),
}


def growth_runs(repeat: int) -> int:
    """Requests timed per growth scenario and size: 31 for the default 7 repeats."""
    return 4 * repeat + 3


def growth_in_turns(urls: dict, runs: int) -> dict:
    """Server times of every growth scenario at each size, the sizes taking turns request by
    request (small then large, then large then small, ...), each size served by its own
    process: a change in the machine's speed, over seconds or minutes, weighs on both alike."""
    with contextlib.ExitStack() as stack:
        logs = {scale: stack.enter_context(tempfile.TemporaryFile("w+")) for scale in urls}
        servers = {
            scale: stack.enter_context(
                subprocess.Popen(
                    [PYTHON, "bench/measure.py", "--serve-growth"],
                    cwd=REPO,
                    env=django_env(url),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=logs[scale],
                    text=True,
                )
            )
            for scale, url in urls.items()
        }

        def answer(scale: str, name: str) -> str:
            line = servers[scale].stdout.readline()
            if not line:
                logs[scale].seek(0)
                sys.exit(
                    f"bench/measure.py --serve-growth ({scale}) stopped at {name}:\n"
                    f"{logs[scale].read()[-4000:]}"
                )
            return line

        def timed(scale: str, name: str) -> float:
            servers[scale].stdin.write(name + "\n")
            servers[scale].stdin.flush()
            return float(answer(scale, name))

        order = list(urls)
        names = [json.loads(answer(scale, "start")) for scale in order][0]
        samples: dict = {scale: {name: [] for name in names} for scale in order}
        for name in names:
            for scale in order:
                timed(scale, name)
                timed(scale, name)
        for run in range(runs):
            for name in names:
                for scale in order if run % 2 == 0 else order[::-1]:
                    samples[scale][name].append(timed(scale, name))
        for server in servers.values():
            server.stdin.close()
    return {
        scale: {name: {**summary(taken), "samples": taken} for name, taken in times.items()}
        for scale, times in samples.items()
    }


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def admin_connection(server: str):
    return psycopg.connect(with_database(server, "postgres"), autocommit=True)


def recreate(server: str, name: str) -> None:
    with admin_connection(server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop(server: str, name: str) -> None:
    with admin_connection(server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def positions_in(url: str) -> int | None:
    try:
        with psycopg.connect(url) as conn:
            return conn.execute("SELECT count(*) FROM positions_position").fetchone()[0]
    except psycopg.Error:
        return None


REDIS_URL = "redis://127.0.0.1:6379/14"


def redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def django_env(url: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-only-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_CONN_MAX_AGE="60",
        STANDPOINT_API_ANON_RATE="100000000/second",
        STANDPOINT_API_ANON_EXPORT_RATE="100000000/second",
        # Server times measure the work; the caches are measured on their own (throughput).
        STANDPOINT_PAGE_CACHE_SECONDS="0",
        STANDPOINT_API_CACHE_SECONDS="0",
        PYTHONPATH=str(REPO),
    )
    if redis_available():
        # As the deployment guide recommends: throttles counted in Redis, shared by workers.
        env["REDIS_URL"] = REDIS_URL
        # Runs at the same time share the Redis database; each keeps to its own keys.
        env["STANDPOINT_CACHE_PREFIX"] = url.rsplit("/", 1)[-1]
    env.update(extra)
    return env


def manage(url: str, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=django_env(url), check=True)


def measure(url: str, *args: str) -> dict:
    result = subprocess.run(
        [PYTHON, "bench/measure.py", *args],
        cwd=REPO,
        env=django_env(url),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"bench/measure.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listening on port {port}")


def wrk(url: str, duration: int) -> dict:
    out = subprocess.run(
        # wrk's default 2 s timeout would count slow answers as errors, not as slow answers.
        ["wrk", "-t1", "-c16", f"-d{duration}s", "--timeout", "30s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return {"requests_per_second": requests, "errors": errors}


def serve(args: list[str], env: dict):
    return subprocess.Popen(
        args,
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def throughput(url: str, duration: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        queries = Path(tmp) / "queries.json"
        measure(url, "--capture", str(queries))
        captured = json.loads(queries.read_text())
        results = {}
        gunicorn = [PYTHON, "-m", "gunicorn", f"--workers={workers}", "--log-level=warning"]
        django_port, cached_port, bare_port = free_port(), free_port(), free_port()
        env = django_env(url, DJANGO_ALLOWED_HOSTS="127.0.0.1")
        django = serve([*gunicorn, f"--bind=127.0.0.1:{django_port}", "tracker.wsgi"], env)
        # As deployed: readers' pages and anonymous API reads kept in the cache until the
        # record changes.
        cached = serve(
            [*gunicorn, f"--bind=127.0.0.1:{cached_port}", "tracker.wsgi"],
            dict(env, STANDPOINT_PAGE_CACHE_SECONDS="300", STANDPOINT_API_CACHE_SECONDS="300"),
        )
        bare_env = dict(env, BENCH_BARE_QUERIES=str(queries), BENCH_BARE_DSN=url)
        bare = serve(
            [*gunicorn, f"--bind=127.0.0.1:{bare_port}", "--chdir=bench", "bare_app:application"],
            bare_env,
        )
        try:
            for port in (django_port, cached_port, bare_port):
                wait_for(port)
            for name, path in zip(("api_positions", "topic"), captured, strict=True):
                results[name] = {
                    "django": wrk(f"http://127.0.0.1:{django_port}{path}", duration),
                    "django_cached": wrk(f"http://127.0.0.1:{cached_port}{path}", duration),
                    "bare": wrk(f"http://127.0.0.1:{bare_port}{path}", duration),
                }
        finally:
            for process in (django, cached, bare):
                stop(process)
        return results


def check(value: float, target) -> bool:
    op, limit = target
    return {"<=": value <= limit, ">=": value >= limit, "<": value < limit}[op]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="1k and 10k rows, short runs.")
    parser.add_argument("--small", type=int)
    parser.add_argument("--large", type=int)
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--wrk-seconds", type=int)
    parser.add_argument("--keep", action="store_true", help="Keep the scratch databases.")
    parser.add_argument(
        "--reuse", action="store_true", help="Reuse kept scratch databases of the right size."
    )
    args = parser.parse_args()
    small = args.small or (1_000 if args.smoke else 10_000)
    large = args.large or (10_000 if args.smoke else 1_000_000)
    repeat = args.repeat or (3 if args.smoke else 7)
    wrk_seconds = args.wrk_seconds or (3 if args.smoke else 15)
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian package 'wrk').")

    server = os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    if not server.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must name a PostgreSQL server for benchmarks.")
    base = database_name(server) or "standpoint"
    scales = {"small": small, "large": large}
    kind = "bench_smoke" if args.smoke else "bench"
    urls = {scale: with_database(server, f"{base}_{kind}_{scale}") for scale in scales}

    # A stopped CI job sends SIGTERM: leave through the finally below, which drops the
    # scratch databases.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.monotonic()
    measured = {}
    # Pages run as in production (debug off): hashed static files must exist.
    manage(server, "collectstatic", "--noinput", "-v0")
    try:
        for scale, count in scales.items():
            if args.reuse and positions_in(urls[scale]) == count:
                log(f"{scale}: reusing {count:,} synthetic positions")
                manage(urls[scale], "migrate", "--noinput", "-v0")
                manage(urls[scale], "createcachetable")
            else:
                log(f"{scale}: creating {count:,} synthetic positions")
                recreate(server, database_name(urls[scale]))
                manage(urls[scale], "migrate", "--noinput", "-v0")
                manage(urls[scale], "createcachetable")
                manage(urls[scale], "generate_synthetic", f"--positions={count}")
        for scale in scales:
            log(f"{scale}: measuring")
            measured[scale] = measure(urls[scale], f"--repeat={repeat}")
            measured[scale]["export_memory"] = measure(urls[scale], "--export-memory")
        log(f"growth: {growth_runs(repeat)} requests per page and size, the sizes taking turns")
        for scale, times in growth_in_turns(urls, growth_runs(repeat)).items():
            measured[scale]["times"].update(times)
        log("throughput: gunicorn vs bare WSGI app (wrk)")
        workers = os.cpu_count() or 2
        measured["throughput"] = throughput(urls["large"], wrk_seconds, workers)
    finally:
        if not args.keep:
            for url in urls.values():
                drop(server, database_name(url))

    report = build_report(measured, scales, repeat, time.monotonic() - started)
    RESULTS.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print_table(report)
    problems = well_formed(report)
    if problems:
        sys.exit("Malformed results: " + "; ".join(problems))


def build_report(measured: dict, scales: dict, repeat: int, elapsed: float) -> dict:
    small, large = measured["small"], measured["large"]
    figures = {
        "api_serialisation": ratio(
            large["api_serialisation"]["api"], large["api_serialisation"]["raw"]
        ),
        "deep_pages": ratio(large["deep_pages"]["last"], large["deep_pages"]["first"]),
        "export_time": ratio(large["export"]["export"], large["export"]["copy"]),
        "export_memory_mb": large["export_memory"]["peak_rss_mb"],
        "export_memory_growth": large["export_memory"]["peak_rss_mb"]
        / small["export_memory"]["peak_rss_mb"],
    }
    for name in large["times"]:
        figures[f"growth_{name}"] = ratio(large["times"][name], small["times"][name])
    for name, sides in measured["throughput"].items():
        bare = sides["bare"]["requests_per_second"]
        figures[f"throughput_{name}"] = sides["django"]["requests_per_second"] / bare
        figures[f"throughput_{name}_cached"] = sides["django_cached"]["requests_per_second"] / bare
    query_counts = {
        name: {"small": small["queries"][name], "large": large["queries"][name]}
        for name in large["queries"]
    }
    answer_growth = {
        f"growth_{name}": large["bytes"][name] / small["bytes"][name] for name in large["bytes"]
    }
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "sizes": scales,
        "repeat": repeat,
        "growth_runs": growth_runs(repeat),
        "elapsed_seconds": round(elapsed, 1),
        "figures": {
            name: {
                "value": round(value, 3),
                "target": f"{TARGETS[name][0]} {TARGETS[name][1]}" if name in TARGETS else None,
                "met": check(value, TARGETS[name]) if name in TARGETS else None,
                **(
                    {"response_size_ratio": round(answer_growth[name], 2)}
                    if name in answer_growth
                    else {}
                ),
            }
            for name, value in figures.items()
        },
        "query_counts": query_counts,
        "query_counts_equal": all(v["small"] == v["large"] for v in query_counts.values()),
        "throughput_errors": sum(
            side["errors"] for pair in measured["throughput"].values() for side in pair.values()
        ),
        "measurements": measured,
    }


def print_table(report: dict) -> None:
    sizes = report["sizes"]
    print(f"\nStandpoint benchmarks: {sizes['small']:,} vs {sizes['large']:,} synthetic positions,")
    print(
        f"{report['machine']['cpus']} CPUs, medians of {report['repeat']} runs "
        f"(growth: {report['growth_runs']} requests per page, the sizes taking turns)\n"
    )
    print(f"{'figure':<32} {'ratio':>9}  {'target':<8} met  response size")
    for name, figure in report["figures"].items():
        met = {True: "yes", False: "NO", None: "-"}[figure["met"]]
        line = f"{name:<32} {figure['value']:>9.3f}  {figure['target'] or '':<8} {met:<4}"
        if "response_size_ratio" in figure:
            line += f" {figure['response_size_ratio']:.2f}× as large"
        print(line.rstrip())
    print(f"\nquery counts equal at both sizes: {report['query_counts_equal']}")
    for name, counts in report["query_counts"].items():
        print(f"  {name:<24} {counts['small']:>3} {counts['large']:>3}")
    print(f"throughput errors: {report['throughput_errors']}")
    print(f"api serialisation byte-identical: "
          f"{report['measurements']['large']['api_serialisation']['identical']}")  # fmt: skip


def well_formed(report: dict) -> list[str]:
    problems = []
    for name in TARGETS:
        value = report["figures"].get(name, {}).get("value")
        if not isinstance(value, int | float) or value != value or value < 0:
            problems.append(f"{name} missing or negative")
    if not report["measurements"]["large"]["api_serialisation"]["identical"]:
        problems.append("API and raw serialisation differ")
    return problems


if __name__ == "__main__":
    main()
