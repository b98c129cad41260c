"""Mutation testing of the record's rules (``make mutate``; see docs/mutation-testing.md).

Runs mutmut (configured in pyproject.toml) on the rule functions listed in ``RULES``, each
mutant against the tests that run its function, then prints the score of each module.

    .venv/bin/python tools/mutate.py               # run, then report
    .venv/bin/python tools/mutate.py --report      # report the last run only
    .venv/bin/python tools/mutate.py --untried     # go on with an interrupted run
    .venv/bin/python tools/mutate.py --max-children 1 'positions.editorial.timeline*'
"""

import argparse
import fnmatch
import os
import resource
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).with_name("mutmut")

# Module → the mutant names (globs) of its rule functions. Page addresses, feed titles,
# eager loading and the browsable API's widgets are left out: they state no rule. So are
# functions that run only while a module is imported (the filtersets' field builders: mutmut
# switches mutants per call, after the import) and the CSV export's COPY path (the mutants
# run on SQLite; tests/test_export_copy.py pins that path on PostgreSQL).
RULES = {
    "positions.editorial.services": ["positions.editorial.services.*"],
    "positions.editorial.timeline": ["positions.editorial.timeline.*"],
    "positions.editorial.anchoring": ["positions.editorial.anchoring.*"],
    "positions.reading.stances": [
        "positions.reading.stances.x__cells_on_axes__*",
        "positions.reading.stances.x__found_before__*",
        "positions.reading.stances.x__latest_ids__*",
        "positions.reading.stances.x_stances_as_of__*",
        "positions.reading.stances.x_tally__*",
        "positions.reading.stances.x__parties_and_topics__*",
        "positions.reading.stances.x_stance_matrix__*",
        "positions.reading.stances.x_stance_changes__*",
        "positions.reading.stances.xǁStanceMatrixǁ*",
    ],
    "positions.models.querysets": [
        "positions.models.querysets.xǁPositionQuerySetǁpublished__*",
        "positions.models.querysets.xǁPositionQuerySetǁpublic__*",
        "positions.models.querysets.xǁPositionQuerySetǁrefresh_orphaned_quotes__*",
    ],
    "positions.views.feeds": [
        "positions.views.feeds.xǁPositionFeedǁitems__*",
        "positions.views.feeds.xǁPartyPositionFeedǁ*",
        "positions.views.feeds.xǁTopicPositionFeedǁ*",
    ],
    "positions.api.export": [
        "positions.api.export.x_neutralise__*",
        "positions.api.export.x__records__*",
        "positions.api.export.x_python_csv_rows__*",
        "positions.api.export.x_csv_rows__*",
        "positions.api.export.x_jsonl_rows__*",
        "positions.api.export.xǁ_Linesǁ*",
    ],
    "positions.api.filters": ["positions.api.filters.*"],
    "positions.api.filtersets": [
        "positions.api.filtersets.xǁIdsFieldǁ*",
        "positions.api.filtersets.xǁUtcDateTimeFieldǁ*",
        "positions.api.filtersets.xǁPositionFilterSetǁ*",
        "positions.api.filtersets.xǁPersonFilterSetǁ*",
        "positions.api.filtersets.xǁRepeatableTextInputǁvalue_from_datadict__*",
    ],
}
# "segfault" is mutmut's name for tests killed by a signal (-9 or -11): a mutant that loops
# forever filling memory ends so, its tests never passing.
DETECTED = {"killed", "timeout", "segfault"}
# Memory each test process may map: a mutant that loops forever appending fails on it at
# once, instead of growing to the machine's whole memory before it is killed.
MEMORY_LIMIT = 4 * 2**30


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def results() -> dict[str, str]:
    listing = subprocess.run(
        [MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            found[name] = status
    return found


def module_of(name: str) -> str | None:
    for module, patterns in RULES.items():
        if any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
            return module
    return None


def report() -> bool:
    """Print each module's score among the mutants tried; True when each reaches 90%."""
    by_module: dict[str, Counter] = {module: Counter() for module in RULES}
    undetected = []
    for name, status in sorted(results().items()):
        module = module_of(name)
        if module is None:
            continue
        by_module[module][status] += 1
        if status not in DETECTED | {"not checked"}:
            undetected.append(f"{name}: {status}")
    print(
        f"\n{'module':30} {'mutants':>7} {'tried':>5} {'killed':>6} {'timeout':>7} "
        f"{'survived':>8} {'no test':>7}  score"
    )
    passing = True
    for module, counts in by_module.items():
        total = sum(counts.values())
        tried = total - counts["not checked"]
        detected = sum(counts[status] for status in DETECTED)
        score = detected / tried if tried else 0.0
        passing &= score >= 0.9 and tried == total
        ended = counts["timeout"] + counts["segfault"]
        print(
            f"{module:30} {total:7} {tried:5} {counts['killed']:6} {ended:7} "
            f"{counts['survived']:8} {counts['no tests']:7}  {score:6.1%}"
        )
    print("\nNot detected (see docs/mutation-testing.md; `mutmut show NAME` shows one):")
    print("\n".join(f"  {line}" for line in undetected) or "  none")
    return passing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="mutant names or globs (default: RULES)")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--report", action="store_true", help="only report the last run")
    parser.add_argument(
        "--untried", action="store_true", help="only the rule mutants not tried yet"
    )
    options = parser.parse_args()
    if not options.report:
        # Test databases migrated once for the whole run, one per mutant tried at a time,
        # reused by every mutant's tests (tests/conftest.py); made afresh each run so that
        # they have every migration.
        database = ROOT / "mutants" / "test-database.sqlite3"
        database.parent.mkdir(exist_ok=True)
        for old in database.parent.glob(f"{database.name}*"):
            old.unlink()
        # Named mutants are always tried again, so a plain run tries every rule mutant.
        names = options.names or [p for patterns in RULES.values() for p in patterns]
        if options.untried:
            names = [n for n, s in results().items() if module_of(n) and s == "not checked"]
            if not names:
                return 0 if report() else 1
        subprocess.run(
            [MUTMUT, "run", "--max-children", str(options.max_children), *names],
            cwd=ROOT,
            env={**os.environ, "STANDPOINT_TEST_SQLITE_FILE": str(database)},
            preexec_fn=limit_memory,
            check=True,
        )
    return 0 if report() else 1


if __name__ == "__main__":
    sys.exit(main())
