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
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
