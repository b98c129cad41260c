"""A Russian or Ukrainian source: split and anchored in its language; its positions keep the
original quote with an English translation, both shown to readers and in the API.

The articles here are constructed test texts, not real reports.
"""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from positions.editorial import extraction
from positions.editorial.timeline import recompute_timeline
from positions.models import Position
from positions.models.choices import Stance, Status
from tests.desk import form_errors, position_form_data
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

# Constructed test text.
RUSSIAN_TEXT = (
    "МОСКВА, 16 марта. Замминистра иностранных дел РФ А. Грушко дал интервью.\n"
    "«НАТО и миротворчество абсолютно несовместимы», — заявил он. "
    "Он добавил, что Россия потребует гарантий."
)
UKRAINIAN_TEXT = (
    "КИЇВ, 20 серпня. Президент В. Зеленський заявив: «Україна готова до переговорів». "
    "Він додав, що це не означає капітуляції."
)


def test_russian_text_is_split_into_sentences_in_russian():
    sentences = extraction.split_sentences(RUSSIAN_TEXT, "ru")
    assert [s.text for s in sentences] == [
        "МОСКВА, 16 марта.",
        "Замминистра иностранных дел РФ А. Грушко дал интервью.",
        "«НАТО и миротворчество абсолютно несовместимы», — заявил он.",
        "Он добавил, что Россия потребует гарантий.",
    ]
    assert all(RUSSIAN_TEXT[s.start : s.end] == s.text for s in sentences)


def test_ukrainian_text_keeps_an_initial_inside_its_sentence():
    sentences = extraction.split_sentences(UKRAINIAN_TEXT, "uk-UA")
    assert [s.text for s in sentences] == [
        "КИЇВ, 20 серпня.",
        "Президент В. Зеленський заявив: «Україна готова до переговорів».",
        "Він додав, що це не означає капітуляції.",
    ]


def test_extract_page_of_a_russian_source_offers_each_of_its_sentences(client, editor):
    source = SourceFactory(language="ru", text=RUSSIAN_TEXT)
    client.force_login(editor)
    page = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    rows = page.context["rows"]
    assert [row["proposal"].sentence.text for row in rows] == [
        "МОСКВА, 16 марта.",
        "Замминистра иностранных дел РФ А. Грушко дал интервью.",
        "«НАТО и миротворчество абсолютно несовместимы», — заявил он.",
        "Он добавил, что Россия потребует гарантий.",
    ]
    query = parse_qs(urlsplit(rows[2]["sentence_link"]).query)
    assert query["quote"] == ["«НАТО и миротворчество абсолютно несовместимы», — заявил он."]
    assert query["source"] == [str(source.pk)]


def _add_form(source, **typed) -> dict:
    data = position_form_data(
        Position(source=source),
        party=PartyFactory().pk,
        topic=TopicFactory().pk,
        stated_on="2025-03-16",
        stance=Stance.REJECTS,
        move="red_line",
        summary="Russia rejects NATO peacekeepers.",
        **typed,
    )
    data["source"] = source.pk
    return data


def test_a_quote_in_russian_needs_its_english_translation(client, editor):
    source = SourceFactory(language="ru", text=RUSSIAN_TEXT)
    client.force_login(editor)
    url = reverse("admin:positions_position_add")
    response = client.post(
        url, _add_form(source, quote="НАТО и миротворчество абсолютно несовместимы")
    )
    assert response.status_code == 200
    assert "give its English translation" in form_errors(response)
    assert "НАТО и миротворчество абсолютно несовместимы" in response.content.decode()
    assert not Position.objects.exists()


def test_a_russian_quote_is_anchored_in_the_russian_text_with_its_translation(client, editor):
    source = SourceFactory(language="ru", text=RUSSIAN_TEXT)
    client.force_login(editor)
    response = client.post(
        reverse("admin:positions_position_add"),
        _add_form(
            source,
            # Straight quotes and a hyphen where the text has « » and an em dash.
            quote='"НАТО и миротворчество абсолютно несовместимы", - заявил он',
            quote_translation="NATO and peacekeeping are entirely incompatible.",
        ),
    )
    assert response.status_code == 302, form_errors(response)
    position = Position.objects.get()
    anchored = RUSSIAN_TEXT[position.quote_start : position.quote_end]
    assert anchored == "«НАТО и миротворчество абсолютно несовместимы», — заявил он"
    assert position.quote_translation == "NATO and peacekeeping are entirely incompatible."


def published(**fields) -> Position:
    position = PositionFactory(
        status=Status.PUBLISHED, published_at=datetime.datetime.now(datetime.UTC), **fields
    )
    recompute_timeline(party_id=position.party_id, topic_id=position.topic_id)
    position.refresh_from_db()
    return position


def test_readers_see_the_original_quote_and_its_translation(client):
    position = published(
        source=SourceFactory(language="ru", text=""),
        quote="НАТО и миротворчество абсолютно несовместимы",
        quote_translation="NATO and peacekeeping are entirely incompatible.",
    )
    html = client.get(position.get_absolute_url()).content.decode()
    assert 'lang="ru"><p>НАТО и миротворчество абсолютно несовместимы</p></blockquote>' in html
    assert "In English (Standpoint's translation):</span> “NATO and peacekeeping" in html


def test_an_english_quote_shows_no_translation_line(client):
    position = published(quote="We will not withdraw.")
    html = client.get(position.get_absolute_url()).content.decode()
    assert "Standpoint's translation" not in html
    assert 'lang="' not in html.split('class="quote"')[1].split(">")[0]


def test_api_gives_the_original_quote_and_its_translation(api):
    position = published(
        source=SourceFactory(language="uk"),
        quote="Україна готова до переговорів",
        quote_translation="Ukraine is ready for negotiations.",
    )
    data = api.get(f"/api/v1/positions/{position.pk}/").json()
    assert data["quote"] == "Україна готова до переговорів"
    assert data["quote_translation"] == "Ukraine is ready for negotiations."
    listed = api.get("/api/v1/positions/").json()["results"][0]
    assert listed["quote_translation"] == "Ukraine is ready for negotiations."
