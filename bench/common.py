"""Helpers shared by the benchmark scripts: statistics, database URLs, Django set-up."""

import os
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/standpoint"


def summary(samples: list[float]) -> dict:
    """Median and spread of repeated measurements, in seconds."""
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "runs": len(samples),
    }


def ratio(measured: dict, baseline: dict) -> float:
    return measured["median"] / baseline["median"]


# PostgreSQL cuts longer names to this many bytes, which could make two scratch names one.
MAX_DATABASE_NAME_BYTES = 63


def with_database(url: str, name: str) -> str:
    if len(name.encode()) > MAX_DATABASE_NAME_BYTES:
        raise ValueError(
            f"database name {name!r} is longer than PostgreSQL's {MAX_DATABASE_NAME_BYTES} bytes"
        )
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def setup_django() -> None:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
