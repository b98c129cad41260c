"""One error shape under /api/: RFC 9457 problem details for every 4xx and 5xx, the same
message for the same mistake on every endpoint, and the same rules for empty and
several-valued parameters everywhere."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from positions.editorial import services
from positions.models import Position
from positions.models.choices import Status
from tests.factories import EventFactory, PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

PROBLEM_KEYS = {"type", "title", "status", "detail"}
UNKNOWN = "Unknown slug: nope."
IMPOSSIBLE = "2025-02-30 is not a date in the calendar."

# (path, query, status, the parameter named in ``errors`` or None)
BAD_REQUESTS = [
    ("/api/v1/positions/", {"party": "nope"}, 400, "party"),
    ("/api/v1/positions/", {"colour": "red"}, 400, "colour"),
    ("/api/v1/positions/", {"source": "%"}, 400, "source"),
    ("/api/v1/positions/", {"source": "%d%s"}, 400, "source"),
    ("/api/v1/positions/", {"stance_score_min": "9"}, 400, "stance_score_min"),
    ("/api/v1/positions/", {"cursor": "garbage"}, 400, "cursor"),
    ("/api/v1/positions/", {"page_size": "0"}, 400, "page_size"),
    ("/api/v1/positions/", {"ordering": ["stated_on", "updated_at"]}, 400, "ordering"),
    ("/api/v1/positions/999999/", {}, 404, None),
    ("/api/v1/positions/1/", {"x": "1"}, 400, "x"),
    ("/api/v1/positions/999999/history/", {}, 404, None),
    ("/api/v1/positions/export.csv", {"stated_after": "2025-13-01"}, 400, "stated_after"),
    ("/api/v1/positions/export.jsonl", {"cursor": "x"}, 400, "cursor"),
    ("/api/v1/parties/", {"classification": "empire"}, 400, "classification"),
    ("/api/v1/parties/", {"page": "0"}, 400, "page"),
    ("/api/v1/parties/", {"page": "99"}, 404, None),
    ("/api/v1/parties/nope/", {}, 404, None),
    ("/api/v1/people/", {"party": "nope"}, 400, "party"),
    ("/api/v1/topics/", {"parent": "nope"}, 400, "parent"),
    ("/api/v1/sources/", {"kind": "rumour"}, 400, "kind"),
    ("/api/v1/sources/abc/", {}, 404, None),
    ("/api/v1/events/", {"start_date_after": "2025-02-30"}, 400, "start_date_after"),
    ("/api/v1/deleted/", {"since": "yesterday"}, 400, "since"),
    ("/api/v1/timeline/", {}, 400, "topic"),
    ("/api/v1/compare/", {"as_of": "2025-02-30"}, 400, "as_of"),
    ("/api/v1/nonexistent/", {}, 404, None),
    ("/api/v1/positions/abc/", {}, 404, None),
    ("/api/v2/positions/", {}, 404, None),
]


@pytest.fixture
def record():
    PositionFactory(status=Status.PUBLISHED)


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_problem(response, status, extensions=()):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_KEYS <= set(body) <= PROBLEM_KEYS | {"errors", *extensions}
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["detail"]
    return body


@pytest.mark.parametrize(("path", "query", "status", "name"), BAD_REQUESTS)
def test_every_bad_request_is_answered_as_problem_details(api, record, path, query, status, name):
    body = assert_problem(api.get(path, query, HTTP_ACCEPT="application/json"), status)
    if name is None:
        assert "errors" not in body
    else:
        assert list(body["errors"]) == [name]
        assert all(isinstance(message, str) for message in body["errors"][name])


@pytest.mark.parametrize(
    "path", ["/api/v1/nonexistent/", "/api/v1/positions/abc/", "/api/anything"]
)
def test_unrouted_api_addresses_are_json_404s_with_debug_off(client, settings, db, path):
    settings.DEBUG = False
    body = assert_problem(client.get(path), 404)
    assert body["title"] == "Not Found"


def test_an_address_missing_its_final_slash_is_sent_to_it(client, db):
    response = client.get("/api/v1/positions?page_size=2")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/positions/?page_size=2"


def test_a_server_error_under_the_api_is_a_problem_too(rf):
    from tracker import outage

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = outage.server_error(rf.get("/api/v1/positions/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert "boom" not in response.content.decode()


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/positions/", {"party": "nope"}),
        ("/api/v1/positions/", {"topic": "nope"}),
        ("/api/v1/positions/", {"speaker": "nope"}),
        ("/api/v1/people/", {"party": "nope"}),
        ("/api/v1/topics/", {"parent": "nope"}),
        ("/api/v1/events/", {"party": "nope"}),
        ("/api/v1/events/", {"topic": "nope"}),
        ("/api/v1/positions/export.csv", {"party": "nope"}),
        ("/api/v1/timeline/", {"topic": "nope"}),
        ("/api/v1/compare/", {"parties": "nope"}),
        ("/api/v1/compare/", {"topics": "nope"}),
    ],
)
def test_an_unknown_slug_is_told_in_the_same_words_everywhere(api, record, path, query):
    body = assert_problem(api.get(path, query), 400)
    [name] = query
    assert body["errors"] == {name: [UNKNOWN]}


def test_an_unknown_slug_in_a_written_position_is_told_in_the_same_words(editor):
    TopicFactory(slug="nato")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    body = {"party": "nope", "topic": "nato", "source": SourceFactory(text="").pk}
    response = client.post("/api/v1/positions/", body, format="json")
    assert assert_problem(response, 400)["errors"]["party"] == [UNKNOWN]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v1/positions/", "stated_after"),
        ("/api/v1/positions/", "updated_since"),
        ("/api/v1/events/", "start_date_before"),
        ("/api/v1/deleted/", "since"),
        ("/api/v1/compare/", "as_of"),
    ],
)
def test_an_impossible_date_is_told_apart_from_a_malformed_one(api, record, path, name):
    body = assert_problem(api.get(path, {name: "2025-02-30"}), 400)
    assert body["errors"] == {name: [IMPOSSIBLE]}


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v1/positions/", name)
        for name in [
            "party",
            "topic",
            "speaker",
            "source",
            "stance",
            "stance_score_min",
            "stated_after",
            "updated_since",
            "move",
            "status",
            "q",
            "ordering",
            "cursor",
            "page_size",
        ]
    ]
    + [("/api/v1/parties/", "page"), ("/api/v1/parties/", "classification")]
    + [("/api/v1/topics/", "parent"), ("/api/v1/deleted/", "since")]
    + [("/api/v1/positions/export.csv", "party"), ("/api/v1/compare/", "parties")]
    + [("/api/v1/compare/", "as_of"), ("/api/v1/events/", "start_date_after")],
)
def test_an_empty_parameter_is_as_if_left_out(api, record, path, name):
    assert content(api.get(path, {name: ""})) == content(api.get(path))


@pytest.mark.parametrize(
    ("path", "name", "first", "second"),
    [
        ("/api/v1/positions/", "party", "ruritania", "freedonia"),
        ("/api/v1/positions/", "stance", "rejects", "supports"),
        ("/api/v1/positions/export.csv", "party", "ruritania", "freedonia"),
        ("/api/v1/compare/", "parties", "ruritania", "freedonia"),
        ("/api/v1/events/", "party", "ruritania", "freedonia"),
    ],
)
def test_several_values_may_be_repeated_or_comma_separated_alike(api, path, name, first, second):
    for slug in ("ruritania", "freedonia", "atlantis"):
        party = PartyFactory(slug=slug)
        PositionFactory(party=party, status=Status.PUBLISHED)
        EventFactory().parties.add(party)
    repeated = api.get(path, {name: [first, second]})
    assert repeated.status_code == 200
    assert content(api.get(path, {name: f"{first},{second}"})) == content(repeated)
    assert content(api.get(path, {name: f"{first}"})) != content(repeated)


def test_a_stale_version_names_the_fields_changed_since(editor, reviewer):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    position = PositionFactory(status=Status.DRAFT, summary="First.")
    services.position_update(
        position=position, user=editor, changes={"summary": "Second."}, expected_version=1
    )
    url = f"/api/v1/positions/{position.pk}/"
    by_header = client.patch(url, {"conditions": "x"}, format="json", HTTP_IF_MATCH='"1"')
    conflict = ("current_version", "changed_fields")
    body = assert_problem(by_header, 412, conflict)
    assert body["current_version"] == 2
    assert body["changed_fields"] == ["summary"]
    by_field = client.patch(url, {"conditions": "x", "version": 1}, format="json")
    assert assert_problem(by_field, 409, conflict)["changed_fields"] == ["summary"]
    assert Position.objects.get(pk=position.pk).conditions == ""


def test_a_published_position_is_never_deleted_and_says_so_with_409(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    position = PositionFactory(status=Status.PUBLISHED)
    body = assert_problem(client.delete(f"/api/v1/positions/{position.pk}/"), 409)
    assert "retract" in body["detail"]
    assert Position.objects.filter(pk=position.pk).exists()


def test_writes_without_credentials_are_problems_too(api, record):
    assert_problem(api.post("/api/v1/positions/", {}, format="json"), 401)
