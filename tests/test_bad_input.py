"""Input no view can store is refused with a clear 400, on pages, forms and the API."""

import pytest

PAGES = ["/", "/topics/ukraine-nato-membership/", "/parties/russia/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "%00=1", "q=\x00"])
def test_nul_in_the_query_string_is_a_400(client, path, query):
    # No database fixture: the request is refused before anything touches the database.
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert b"NUL character" in response.content


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("query", ["q=%ff", "q=%c3%28", "q=%ed%a0%80", "q=caf%e9"])
def test_invalid_utf8_in_the_query_string_is_a_400(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert b"not valid UTF-8" in response.content


def test_valid_unicode_in_the_query_string_is_accepted(client, seeded):
    # Right-to-left text, combining marks and emoji are ordinary input.
    response = client.get("/", {"q": "سلام e\u0301 \U0001f54a"})
    assert response.status_code == 200


def test_nul_in_a_posted_form_is_a_400_and_nothing_is_logged_in(client, superuser):
    response = client.post("/admin/login/", {"username": "admin\x00", "password": "x"})
    assert response.status_code == 400
    assert b"NUL character" in response.content
    response = client.post(
        "/admin/login/",
        "username=admin%00&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_invalid_utf8_in_a_url_encoded_form_is_a_400(client, db):
    response = client.post(
        "/admin/login/", "username=%ff&password=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_nul_in_a_json_body_gets_a_json_400_under_the_api(client, editor):
    client.force_login(editor)
    response = client.post(
        "/api/v1/positions/", {"summary": "a\u0000b"}, content_type="application/json"
    )
    assert response.status_code == 400
    # Refused before the view: its field errors ("party" is required) never show.
    assert "errors" not in response.json()
    assert "NUL character" in response.json()["detail"]


def test_a_json_body_without_nul_is_left_to_the_view(client, editor):
    client.force_login(editor)
    response = client.post("/api/v1/positions/", {"summary": "ab"}, content_type="application/json")
    # The view's own answer: the body lacks the fields a position needs.
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["party"] == ["This field is required."]
    assert "summary" not in errors


def test_nul_in_the_path_is_not_found_rather_than_an_error(client, seeded):
    assert client.get("/topics/nato%00membership/").status_code == 404


@pytest.mark.parametrize("path", PAGES)
def test_the_same_pages_answer_ordinary_requests(client, seeded, path):
    assert client.get(f"{path}?q=peace").status_code == 200


def test_a_one_megabyte_query_string_is_handled_without_error(client, seeded):
    # In production gunicorn refuses request lines over 4 KB first; Django must cope anyway.
    response = client.get("/", {"q": "x" * 1_000_000})
    assert response.status_code in (200, 400)


def test_a_form_body_over_the_upload_limit_is_a_400(client, db, settings):
    body = "username=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
