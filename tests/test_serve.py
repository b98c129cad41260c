"""`make serve`: refuses to start half-configured, and its gunicorn configuration loads."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_serve(**env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in ("DATABASE_URL", "MAKEFLAGS", "MFLAGS")
    }
    environment.update(env)
    return subprocess.run(
        ["make", "--no-print-directory", "serve-check"],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


@needs_make
@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "make serve runs on PostgreSQL"),
        ({"DATABASE_URL": "sqlite:///db.sqlite3"}, "make serve runs on PostgreSQL"),
        ({"DATABASE_URL": "postgres://db/standpoint"}, "make serve needs DJANGO_SECRET_KEY"),
        (
            {"DATABASE_URL": "postgres://db/standpoint", "DJANGO_SECRET_KEY": "k" * 50},
            "make serve needs DJANGO_ALLOWED_HOSTS",
        ),
    ],
)
def test_serve_refuses_to_start_without_its_settings(env, message):
    result = make_serve(**env)
    assert result.returncode != 0
    assert message in result.stderr


@needs_make
def test_serve_starts_when_everything_is_set():
    result = make_serve(
        DATABASE_URL="postgresql://db/standpoint",
        DJANGO_SECRET_KEY="k" * 50,
        DJANGO_ALLOWED_HOSTS="standpoint.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_gunicorn_configuration_loads_the_application():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="k" * 50,
        DJANGO_ALLOWED_HOSTS="standpoint.example.org",
        GUNICORN_WORKERS="3",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--check-config",
            "--print-config",
            "--config",
            "gunicorn.conf.py",
            "tracker.wsgi",
        ],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    config = {
        name.strip(): value.strip()
        for name, _, value in (line.partition("=") for line in result.stdout.splitlines())
    }
    assert config["workers"] == "3"
    assert config["accesslog"] == "-"
    assert config["preload_app"] == "True"
