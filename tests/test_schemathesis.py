"""``schemathesis run --checks all`` over the published schema finds nothing: every answer
is documented, conforms to the schema, and no request breaks the server. Run at a bounded
example count (``SCHEMATHESIS_MAX_EXAMPLES``, default 5) against a live server holding the
seeds, once anonymous and once with a reviewer's token.

The coverage phase (some 2,500 boundary cases, minutes long) is left out by default; set
``SCHEMATHESIS_PHASES=examples,coverage,fuzzing,stateful`` to run it too."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
MAX_EXAMPLES = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "5")
PHASES = os.environ.get("SCHEMATHESIS_PHASES", "examples,fuzzing,stateful")


def schemathesis_run(live_server, *headers: str) -> subprocess.CompletedProcess:
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{live_server.url}/api/v1/schema/",
        "--checks",
        "all",
        "--max-examples",
        MAX_EXAMPLES,
        "--seed",
        "1",
        "--workers",
        "1",
        "--generation-deterministic",
        "--phases",
        PHASES,
    ]
    for header in headers:
        command += ["--header", header]
    # The configuration (schemathesis.toml) is read from the working directory.
    return subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture
def rates_unlimited(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "anon_export": "1000000/minute"},
    }


def test_schemathesis_finds_nothing_anonymous(live_server, seeded, rates_unlimited):
    result = schemathesis_run(live_server)
    assert result.returncode == 0, result.stdout[-6000:]


def test_schemathesis_finds_nothing_with_a_reviewers_token(
    live_server, seeded, reviewer, rates_unlimited
):
    token = Token.objects.create(user=reviewer).key
    result = schemathesis_run(live_server, f"Authorization: Token {token}")
    assert result.returncode == 0, result.stdout[-6000:]
