import pytest
from django.test import RequestFactory

from tracker.login_protection import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unguessable passphrase"


@pytest.fixture
def superuser(fast_password_hashing, superuser):
    superuser.set_password(PASSWORD)
    superuser.save()
    return superuser


def admin_login(client, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "admin", "password": password},
        REMOTE_ADDR=address,
    )


def test_editor_signs_in_to_the_admin_with_the_right_password(client, superuser):
    response = admin_login(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_repeated_wrong_passwords_lock_the_account_out_from_that_address(
    client, superuser, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "guess").status_code == 200  # the form again, with an error
    assert admin_login(client, "guess").status_code == 429
    # Even the right password is refused now, so guessing further is pointless.
    locked = admin_login(client, PASSWORD)
    assert locked.status_code == 429
    assert b"too many login attempts" in locked.content
    assert "_auth_user_id" not in client.session
    # A colleague at another address is not locked out by it.
    assert admin_login(client, PASSWORD, address="198.51.100.4").status_code == 302


def test_test_client_login_still_works_without_a_request(client, superuser):
    assert client.login(username="admin", password=PASSWORD)
    assert not client.login(username="admin", password="wrong")


def test_client_address_comes_from_the_trusted_proxy_and_cannot_be_forged(settings):
    import ipaddress

    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8")]

    def seen(peer, forwarded=None):
        extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
        return client_ip(RequestFactory().get("/", REMOTE_ADDR=peer, **extra))

    assert seen("10.0.0.2", "6.6.6.6, 203.0.113.7") == "203.0.113.7"
    # Two proxies in a row: the client is the first address that is not one.
    assert seen("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.5") == "203.0.113.7"
    # A peer that is not a proxy is the client, whatever it claims.
    assert seen("198.51.100.9", "6.6.6.6, 203.0.113.7") == "198.51.100.9"
    assert seen("10.0.0.2", "not an address") == "10.0.0.2"
    assert seen("10.0.0.2") == "10.0.0.2"
    settings.TRUSTED_PROXIES = []
    assert seen("10.0.0.2", "6.6.6.6, 203.0.113.7") == "10.0.0.2"


def test_a_fresh_forwarded_for_per_try_does_not_dodge_the_lockout(client, superuser, settings):
    settings.TRUSTED_PROXIES = []
    statuses = [
        client.post(
            "/admin/login/?next=/admin/",
            {"username": "admin", "password": "guess"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}",
        ).status_code
        for attempt in range(settings.AXES_FAILURE_LIMIT + 2)
    ]
    assert statuses[-1] == 429
    assert statuses.count(429) == 3


def test_trusted_proxies_come_from_the_environment(tmp_path):
    import subprocess
    import sys

    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print([str(net) for net in settings.TRUSTED_PROXIES])"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "tracker.settings"}
    default = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert default.stdout.decode().strip() == "[]"
    env["DJANGO_TRUSTED_PROXIES"] = "10.0.0.5, 192.168.0.0/16"
    given = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert given.stdout.decode().strip() == "['10.0.0.5/32', '192.168.0.0/16']"
    env["DJANGO_TRUSTED_PROXIES"] = "proxy.internal"
    wrong = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert wrong.returncode != 0 and b"DJANGO_TRUSTED_PROXIES" in wrong.stderr
