"""Every free-text field is bounded, and text over its bound is refused with a message that
gives the limit: a source's text (1,000,000 characters), a paste (5,000,000), conditions,
comments and reasons (5,000), descriptions (10,000)."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from positions.admin.sources import IMPORT_SESSION_KEY
from positions.editorial import services
from positions.models import Source
from positions.models.choices import Status
from tests.desk import form_errors, page_form_data
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/positions/source/import/"
SENTENCE = "The minister said the talks would go on. "  # 42 characters


def test_a_ten_megabyte_paste_is_refused_with_the_limit(client, editor):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"pasted": "x" * 10_000_000, "url": ""})
    assert response.status_code == 200
    assert "The paste can be at most 5,000,000 characters (it has 10000000)" in (
        response.content.decode()
    )
    assert Source.objects.count() == 0


def test_an_article_over_a_million_characters_is_refused_at_import(client, editor):
    client.force_login(editor)
    pasted = SENTENCE * 25_000  # 1,050,000 characters of plain text
    response = client.post(IMPORT_URL, {"pasted": pasted, "url": ""})
    assert response.status_code == 200
    assert "a source holds at most 1,000,000" in response.content.decode()


def test_the_source_form_refuses_text_over_a_million_characters(client, editor):
    client.force_login(editor)
    add_url = reverse("admin:positions_source_add")
    data = page_form_data(client.get(add_url)) | {
        "title": "Long",
        "kind": "news_report",
        "language": "en",
        "text": "y" * 1_000_001,
    }
    response = client.post(add_url, data)
    assert response.status_code == 200
    assert "A source's text can be at most 1,000,000 characters (it has 1000001)" in form_errors(
        response
    )
    assert Source.objects.count() == 0


def test_the_import_keeps_the_article_out_of_the_session(client, editor):
    client.force_login(editor)
    pasted = "Talks resume\n\n" + SENTENCE * 100
    response = client.post(IMPORT_URL, {"pasted": pasted, "url": ""})
    assert response.status_code == 302
    stored = dict(client.session.items())
    assert len(str(stored)) < 1_000
    assert len(stored[IMPORT_SESSION_KEY]) < 40
    form_page = client.get(response["Location"])
    assert SENTENCE.strip() in form_page.context["adminform"].form.initial["text"]


@pytest.fixture
def token_api(api, editor):
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return api


def test_the_api_refuses_conditions_over_five_thousand_characters(token_api):
    body = {
        "party": PartyFactory().slug,
        "topic": TopicFactory().slug,
        "source": SourceFactory().pk,
        "stated_on": "2025-03-16",
        "stance": "rejects",
        "summary": "Rejects it.",
        "quote": "No.",
    }
    for length in (5_001, 5_000_000):
        response = token_api.post(
            "/api/v1/positions/", body | {"conditions": "c" * length}, format="json"
        )
        assert response.status_code == 400
        assert "conditions: This text can be at most 5,000 characters" in str(response.json())
    accepted = token_api.post("/api/v1/positions/", body | {"conditions": "c" * 5_000})
    assert accepted.status_code == 201


def test_the_services_refuse_a_reason_or_comment_over_the_bound(reviewer):
    from django.core.exceptions import ValidationError

    position = PositionFactory(status=Status.IN_REVIEW)
    with pytest.raises(ValidationError, match="at most 5,000 characters"):
        services.position_send_back(position=position, user=reviewer, comment="c" * 5_001)
    published = PositionFactory(status=Status.PUBLISHED)
    with pytest.raises(ValidationError, match="at most 5,000 characters"):
        services.position_retract(position=published, user=reviewer, reason="r" * 5_001)


def test_a_correction_note_over_five_thousand_characters_is_refused(reviewer):
    from django.core.exceptions import ValidationError

    published = PositionFactory(status=Status.PUBLISHED)
    with pytest.raises(ValidationError, match="A note can be at most 5,000 characters"):
        services.position_correct(
            position=published,
            user=reviewer,
            changes={"summary": "Fixed."},
            note="n" * 5_001,
            expected_version=published.version,
        )


def test_a_paste_over_the_request_limit_says_why_it_was_refused(client, editor):
    client.force_login(editor)
    client.raise_request_exception = False
    response = client.post(IMPORT_URL, {"pasted": "x" * 11_000_000, "url": ""})
    assert response.status_code == 400
    assert "The request is larger than the 10 MB a request may carry." in (
        response.content.decode()
    )
    assert Source.objects.count() == 0
