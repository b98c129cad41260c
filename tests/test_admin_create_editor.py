import pytest
from django.core.management import CommandError, call_command

from positions.editorial.roles import EDITOR, REVIEWER

pytestmark = pytest.mark.django_db


def groups(user):
    return sorted(user.groups.values_list("name", flat=True))


def test_create_editor_makes_a_staff_account_in_the_role(django_user_model, client):
    call_command("create_editor", "ana", role="reviewer", password="a long passphrase 42")
    user = django_user_model.objects.get(username="ana")
    assert user.is_staff and not user.is_superuser
    assert groups(user) == [REVIEWER]
    assert user.has_perm("positions.publish_position")
    assert client.login(username="ana", password="a long passphrase 42")
    assert client.get("/admin/positions/position/").status_code == 200


def test_create_editor_is_idempotent_and_switches_role(django_user_model):
    call_command("create_editor", "ben", role="reviewer", password="a long passphrase 42")
    call_command("create_editor", "ben", role="editor")
    user = django_user_model.objects.get(username="ben")
    assert django_user_model.objects.filter(username="ben").count() == 1
    assert groups(user) == [EDITOR]
    assert not user.has_perm("positions.publish_position")
    assert user.check_password("a long passphrase 42"), "password kept when none is given"


def test_create_editor_reads_the_password_from_the_environment(django_user_model, monkeypatch):
    monkeypatch.setenv("STANDPOINT_EDITOR_PASSWORD", "another long passphrase")
    call_command("create_editor", "cat", role="editor")
    assert django_user_model.objects.get(username="cat").check_password("another long passphrase")


def test_create_editor_refuses_a_weak_password_or_none(django_user_model, monkeypatch):
    with pytest.raises(CommandError, match="too short|too common"):
        call_command("create_editor", "dan", role="editor", password="abc")
    monkeypatch.delenv("STANDPOINT_EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="--password"):
        call_command("create_editor", "dan", role="editor")
    assert not django_user_model.objects.filter(username="dan").exists()
