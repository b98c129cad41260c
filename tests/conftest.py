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


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    from positions.roles import EDITOR
    from tests.factories import UserFactory

    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def reviewer(db):
    from django.contrib.auth.models import Group

    from positions.roles import REVIEWER
    from tests.factories import UserFactory

    user = UserFactory(username="reviewer", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWER))
    return user


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The production hasher is slow on purpose; tests create and sign in users by the dozen."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
