from pathlib import Path

import pytest
from django.core.management import call_command

from positions.models import Source

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE_KEY = ("Xinhua", "Russia seeks security guarantees in Ukraine peace deal")


@pytest.fixture
def seeded(db):
    """The database as ``make run`` leaves it: every seed file loaded."""
    call_command("load_seeds", verbosity=0)


@pytest.fixture
def seed_article(seeded) -> Source:
    outlet, title = SEED_ARTICLE_KEY
    return Source.objects.get(outlet=outlet, title=title)
