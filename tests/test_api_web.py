"""The API follows the web's conventions: CORS for anonymous reads, compressed data,
rate-limit headers, and conditional requests that a wrong clock cannot fool."""

import gzip
import json

import pytest
from django.utils.http import http_date

from positions.models.choices import Status
from tests.factories import PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    for _ in range(30):
        PositionFactory(status=Status.PUBLISHED)


def test_anonymous_reads_may_come_from_any_origin(client, record):
    response = client.get("/api/v1/positions/", HTTP_ORIGIN="https://notebook.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    exposed = response["Access-Control-Expose-Headers"].lower()
    assert {"etag", "ratelimit", "ratelimit-policy", "retry-after"} <= set(exposed.split(", "))


def test_a_preflight_allows_reads_only(client, db):
    response = client.options(
        "/api/v1/positions/",
        HTTP_ORIGIN="https://notebook.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 200
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "authorization" not in response["Access-Control-Allow-Headers"]


def test_pages_send_no_cors_headers(client, db):
    response = client.get("/", HTTP_ORIGIN="https://notebook.example")
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize(
    "path", ["/api/v1/positions/?page_size=30", "/api/v1/positions/export.csv", "/api/v1/parties/"]
)
def test_api_data_is_compressed_when_the_client_accepts_gzip(client, record, path):
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    plain = client.get(path)
    plain_body = b"".join(plain.streaming_content) if plain.streaming else plain.content
    assert gzip.decompress(body) == plain_body


def test_errors_are_compressed_too_but_pages_never(client, record):
    error = client.get("/api/v1/positions/?party=" + "x" * 300, HTTP_ACCEPT_ENCODING="gzip")
    assert error["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(error.content))["status"] == 400
    page = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in page


def test_anonymous_answers_carry_rate_limit_headers(client, settings, db):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "anon_export": "3/minute"},
    }
    answers = [client.get("/api/v1/parties/") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[0]["RateLimit-Policy"] == '"anon";q=3;w=60'
    assert answers[0]["RateLimit"] == '"anon";r=2;t=60'
    assert answers[2]["RateLimit"] == '"anon";r=0;t=60'
    assert answers[3]["RateLimit"].startswith('"anon";r=0;t=')
    assert answers[3]["Retry-After"]


def test_if_modified_since_in_the_future_is_ignored(client, record):
    first = client.get("/api/v1/positions/")
    assert (
        client.get("/api/v1/positions/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code
        == 304
    )
    future = http_date(4102444800)  # 2100-01-01
    assert client.get("/api/v1/positions/", HTTP_IF_MODIFIED_SINCE=future).status_code == 200


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    ("query", "headers"),
    [({"format": "csv"}, {}), ({}, {"HTTP_ACCEPT": "text/csv"})],
)
def test_the_positions_list_in_csv_is_the_export(client, record, query, headers):
    filters = {"stance": "rejects,supports", **query}
    listed = client.get("/api/v1/positions/", filters, **headers)
    assert listed.status_code == 200
    assert listed["Content-Type"] == "text/csv; charset=utf-8"
    exported = client.get("/api/v1/positions/export.csv", {"stance": "rejects,supports"})
    assert body_of(listed) == body_of(exported)


def test_a_bad_filter_on_the_csv_list_is_still_a_json_problem(client, record):
    response = client.get("/api/v1/positions/", {"format": "csv", "party": "nope"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("path", ["/api/v1/positions/export.csv", "/api/v1/positions/export.jsonl"])
def test_exports_carry_validators_and_answer_304(client, record, path):
    first = client.get(path)
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    PositionFactory(status=Status.PUBLISHED)
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
