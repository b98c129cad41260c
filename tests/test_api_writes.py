"""Writing through the API: token auth, the admin's permissions, optimistic locking."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from positions.models import Position
from positions.models.choices import Status
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = 'The minister said: "We will never accept it." He added that talks may continue.'


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def draft_body():
    PartyFactory(slug="russia")
    TopicFactory(slug="nato")
    source = SourceFactory(text=TEXT)
    return {
        "party": "russia",
        "topic": "nato",
        "source": source.pk,
        "stated_on": "2025-03-16",
        "stance": "rejects",
        "summary": "Rejects it.",
        "quote": "We will never accept it.",
    }


def test_editor_creates_a_draft_that_anonymous_clients_cannot_see(editor, draft_body):
    response = client_for(editor).post("/api/v1/positions/", draft_body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "draft"
    assert data["stance_score"] == -2
    assert data["version"] == 1
    assert APIClient().get(f"/api/v1/positions/{data['id']}/").status_code == 404
    assert client_for(editor).get(f"/api/v1/positions/{data['id']}/").status_code == 200


def test_anonymous_writes_are_refused_with_401(draft_body):
    response = APIClient().post("/api/v1/positions/", draft_body, format="json")
    assert response.status_code == 401
    assert Position.objects.count() == 0


def test_user_without_a_role_is_refused_with_403(draft_body):
    response = client_for(UserFactory()).post("/api/v1/positions/", draft_body, format="json")
    assert response.status_code == 403
    assert Position.objects.count() == 0


def test_invalid_data_names_the_field(editor, draft_body):
    response = client_for(editor).post(
        "/api/v1/positions/", draft_body | {"stance": "hates", "party": "atlantis"}, format="json"
    )
    assert response.status_code == 400
    assert {"stance", "party"} <= set(response.json()["errors"])


def test_quote_missing_from_the_source_is_a_400_from_the_service(editor, draft_body):
    response = client_for(editor).post(
        "/api/v1/positions/", draft_body | {"quote": "We will accept it."}, format="json"
    )
    assert response.status_code == 400
    assert "quote" in response.json()["errors"]


def test_full_workflow_with_roles(editor, reviewer, draft_body):
    as_editor, as_reviewer = client_for(editor), client_for(reviewer)
    created = as_editor.post("/api/v1/positions/", draft_body, format="json").json()
    url = f"/api/v1/positions/{created['id']}/"

    edited = as_editor.patch(url, {"summary": "Rejects it outright.", "version": 1}, format="json")
    assert edited.status_code == 200, edited.content
    assert edited.json()["version"] == 2

    submitted = as_editor.post(url + "submit/", {}, format="json", HTTP_IF_MATCH='"2"')
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "in_review"

    refused = as_editor.post(url + "publish/", {"version": 3}, format="json")
    assert refused.status_code == 403

    sent_back = as_reviewer.post(url + "send-back/", {"version": 3, "comment": ""}, format="json")
    assert sent_back.status_code == 400
    assert "comment" in sent_back.json()["errors"]

    published = as_reviewer.post(url + "publish/", {"version": 3}, format="json")
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert APIClient().get(url).status_code == 200

    no_note = as_reviewer.patch(url, {"summary": "x", "version": 4}, format="json")
    assert no_note.status_code == 400
    assert "note" in no_note.json()["errors"]
    corrected = as_reviewer.patch(
        url, {"summary": "Rejects it, firmly.", "note": "Wording.", "version": 4}, format="json"
    )
    assert corrected.status_code == 200
    assert corrected.json()["summary"] == "Rejects it, firmly."

    cannot_retract = as_editor.post(url + "retract/", {"version": 5, "reason": "x"}, format="json")
    assert cannot_retract.status_code == 403
    retracted = as_reviewer.post(url + "retract/", {"version": 5, "reason": "Dup."}, format="json")
    assert retracted.status_code == 200
    assert retracted.json()["status"] == "retracted"


def test_stale_if_match_is_412_and_stale_body_version_is_409(editor, draft_body):
    client = client_for(editor)
    created = client.post("/api/v1/positions/", draft_body, format="json").json()
    url = f"/api/v1/positions/{created['id']}/"
    assert client.patch(url, {"summary": "First.", "version": 1}, format="json").status_code == 200

    stale_header = client.patch(url, {"summary": "Second."}, format="json", HTTP_IF_MATCH='"1"')
    assert stale_header.status_code == 412
    assert stale_header.json()["current_version"] == 2

    stale_body = client.patch(url, {"summary": "Second.", "version": 1}, format="json")
    assert stale_body.status_code == 409
    assert Position.objects.get().summary == "First."


def test_etag_from_a_get_is_accepted_as_if_match(editor, draft_body):
    client = client_for(editor)
    created = client.post("/api/v1/positions/", draft_body, format="json").json()
    url = f"/api/v1/positions/{created['id']}/"
    etag = client.get(url)["ETag"]
    response = client.patch(url, {"summary": "Changed."}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert (
        client.patch(url, {"summary": "Again."}, format="json", HTTP_IF_MATCH=etag).status_code
        == 412
    )


def test_writes_without_a_version_are_428(editor, draft_body):
    client = client_for(editor)
    created = client.post("/api/v1/positions/", draft_body, format="json").json()
    url = f"/api/v1/positions/{created['id']}/"
    assert client.patch(url, {"summary": "x"}, format="json").status_code == 428
    assert client.post(url + "submit/", {}, format="json").status_code == 428
    assert (
        client.patch(url, {"summary": "x"}, format="json", HTTP_IF_MATCH="nonsense").status_code
        == 400
    )


def test_editor_deletes_a_draft_but_never_a_published_position(editor, draft_body):
    client = client_for(editor)
    created = client.post("/api/v1/positions/", draft_body, format="json").json()
    assert client.delete(f"/api/v1/positions/{created['id']}/").status_code == 204
    published = PositionFactory(status=Status.PUBLISHED)
    refused = client.delete(f"/api/v1/positions/{published.pk}/")
    assert refused.status_code == 409
    assert refused.json()["detail"] == "A published position is never deleted: retract it instead."
    assert Position.objects.filter(pk=published.pk).exists()


def test_editor_lists_drafts_and_anonymous_clients_list_only_public_positions(editor, draft_body):
    created = client_for(editor).post("/api/v1/positions/", draft_body, format="json").json()
    # Alternating clients: each list is read from its own copy of the query, drafts or not.
    for _ in range(2):
        staff = [
            row["id"] for row in client_for(editor).get("/api/v1/positions/").json()["results"]
        ]
        public = [row["id"] for row in APIClient().get("/api/v1/positions/").json()["results"]]
        assert created["id"] in staff
        assert created["id"] not in public


# Constructed test text: a Russian source quoted in the original.
RUSSIAN_TEXT = "Он сказал: «НАТО и миротворчество абсолютно несовместимы». Переговоры продолжатся."
NOT_IN_ENGLISH = (
    "The quote is not in English: give its English translation; the original stays as "
    "printed in the source."
)
# The source of ``draft_body`` appeared on 17 March 2025 (UTC).
NOT_BEFORE_THE_SOURCE = (
    "A long-standing stance is dated before the source appeared (17 Mar 2025): give the "
    "latest day it was surely held, e.g. the day before the statement that changed it, with "
    "an approximate precision."
)


def test_a_cyrillic_quote_without_translation_is_refused_as_the_desk_refuses_it(editor, draft_body):
    source = SourceFactory(language="ru", text=RUSSIAN_TEXT)
    body = draft_body | {
        "source": source.pk,
        "quote": "НАТО и миротворчество абсолютно несовместимы",
    }
    response = client_for(editor).post("/api/v1/positions/", body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"quote_translation": [NOT_IN_ENGLISH]}
    assert not Position.objects.exists()


def test_a_cyrillic_quote_is_recorded_with_its_translation(editor, draft_body):
    source = SourceFactory(language="ru", text=RUSSIAN_TEXT)
    body = draft_body | {
        "source": source.pk,
        "quote": "НАТО и миротворчество абсолютно несовместимы",
        "quote_translation": "NATO and peacekeeping are entirely incompatible.",
    }
    client = client_for(editor)
    response = client.post("/api/v1/positions/", body, format="json")
    assert response.status_code == 201, response.content
    data = client.get(f"/api/v1/positions/{response.json()['id']}/").json()
    assert data["quote"] == "НАТО и миротворчество абсолютно несовместимы"
    assert data["quote_translation"] == "NATO and peacekeeping are entirely incompatible."


def test_removing_the_translation_of_a_cyrillic_quote_is_refused(editor, draft_body):
    source = SourceFactory(language="ru", text=RUSSIAN_TEXT)
    body = draft_body | {
        "source": source.pk,
        "quote": "НАТО и миротворчество абсолютно несовместимы",
        "quote_translation": "NATO and peacekeeping are entirely incompatible.",
    }
    client = client_for(editor)
    created = client.post("/api/v1/positions/", body, format="json").json()
    url = f"/api/v1/positions/{created['id']}/"
    response = client.patch(url, {"quote_translation": " ", "version": 1}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"quote_translation": [NOT_IN_ENGLISH]}
    assert Position.objects.get().quote_translation == (
        "NATO and peacekeeping are entirely incompatible."
    )


def test_a_long_standing_stance_dated_before_its_source_is_recorded(editor, draft_body):
    body = draft_body | {
        "long_standing": True,
        "stated_on": "2025-03-16",
        "stated_on_precision": "approximate",
    }
    response = client_for(editor).post("/api/v1/positions/", body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["long_standing"], data["stated_on"], data["stated_on_precision"]) == (
        True,
        "2025-03-16",
        "approximate",
    )


def test_a_long_standing_stance_dated_on_its_sources_day_is_refused(editor, draft_body):
    body = draft_body | {"long_standing": True, "stated_on": "2025-03-17"}
    response = client_for(editor).post("/api/v1/positions/", body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"stated_on": [NOT_BEFORE_THE_SOURCE]}
    assert not Position.objects.exists()


def test_marking_a_draft_long_standing_checks_its_date(editor, draft_body):
    client = client_for(editor)
    created = client.post(
        "/api/v1/positions/", draft_body | {"stated_on": "2025-03-18"}, format="json"
    ).json()
    url = f"/api/v1/positions/{created['id']}/"
    refused = client.patch(url, {"long_standing": True, "version": 1}, format="json")
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"stated_on": [NOT_BEFORE_THE_SOURCE]}
    assert not Position.objects.get().long_standing

    done = client.patch(
        url, {"long_standing": True, "stated_on": "2025-03-01", "version": 1}, format="json"
    )
    assert done.status_code == 200, done.content
    assert (done.json()["long_standing"], done.json()["stated_on"]) == (True, "2025-03-01")


def test_a_query_parameter_on_a_write_is_refused_saying_none_is_known(editor, draft_body):
    response = client_for(editor).post("/api/v1/positions/?dry_run=1", draft_body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "dry_run": ["Unknown query parameter. Known parameters: none."]
    }
