"""Sources on the desk: pasting an article, duplicates, positions inline, refused deletion."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from positions.models import Party, Position, Source
from positions.models.choices import Stance, Status
from tests.desk import form_errors, page_form_data
from tests.factories import PartyFactory, PositionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
IMPORT_URL = "/admin/positions/source/import/"


def test_pasting_a_page_prefills_the_source_form_for_correction(client, editor):
    client.force_login(editor)
    html = (FIXTURES / "xinhua-grushko-2025-03-17.html").read_text(encoding="utf-8")
    response = client.post(IMPORT_URL, {"pasted": html, "url": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:positions_source_add") + "?_import=1"

    form_page = client.get(response["Location"])
    form = form_page.context["adminform"].form
    assert form.initial["title"] == "Russia seeks security guarantees in Ukraine peace deal"
    assert form.initial["outlet"] == "Xinhua"
    assert "entirely incompatible" in form.initial["text"]
    assert "Check what was found and correct it" in form_page.content.decode()

    data = page_form_data(form_page) | {"outlet": "Xinhua News Agency"}  # a correction
    response = client.post(response["Location"], data)
    assert response.status_code == 302, form_errors(response)
    source = Source.objects.get()
    assert source.outlet == "Xinhua News Agency"
    assert source.url == "https://news.example.org/world/2025-03/17/grushko-guarantees.html"
    assert source.published_at.isoformat() == "2025-03-17T02:35:00+00:00"
    assert source.history.get().history_user == editor


def test_pasting_a_page_already_recorded_links_to_the_existing_source(client, editor):
    existing = SourceFactory(
        url="https://news.example.org/world/2025-03/17/grushko-guarantees.html"
    )
    client.force_login(editor)
    html = (FIXTURES / "xinhua-grushko-2025-03-17.html").read_text(encoding="utf-8")
    response = client.post(IMPORT_URL, {"pasted": html})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This URL is already recorded as" in page
    assert reverse("admin:positions_source_change", args=[existing.pk]) in page
    assert Source.objects.count() == 1


def test_empty_paste_is_refused_with_a_message(client, editor):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"pasted": "  ", "url": ""})
    assert response.status_code == 200
    assert "Paste the article&#x27;s text or HTML." in response.content.decode()


def test_fetch_option_is_offered_only_where_fetching_is_allowed(client, editor, settings):
    client.force_login(editor)
    settings.STANDPOINT_FETCH_SOURCES = False
    assert 'name="fetch"' not in client.get(IMPORT_URL).content.decode()
    settings.STANDPOINT_FETCH_SOURCES = True
    assert 'name="fetch"' in client.get(IMPORT_URL).content.decode()


def test_source_form_refuses_a_duplicate_url_with_a_link(client, editor):
    existing = SourceFactory(url="https://news.example.org/a-report")
    client.force_login(editor)
    page = client.get(reverse("admin:positions_source_add"))
    data = page_form_data(page) | {
        "title": "Same report",
        "url": "https://news.example.org/a-report/?utm_source=x",
    }
    response = client.post(reverse("admin:positions_source_add"), data)
    assert response.status_code == 200
    assert reverse("admin:positions_source_change", args=[existing.pk]) in (
        response.content.decode()
    )
    assert "Same report" in response.content.decode()


def test_positions_are_entered_on_the_source_page(client, editor):
    source = SourceFactory(text="He said: we will consider a ceasefire in May.")
    party, topic = PartyFactory(), TopicFactory()
    client.force_login(editor)
    url = reverse("admin:positions_source_change", args=[source.pk])
    page = client.get(url)
    data = page_form_data(page)
    draft = {
        "quote": "we will consider a ceasefire",
        "party": party.pk,
        "topic": topic.pk,
        "stance": Stance.OPEN,
        "move": "openness",
        "summary": "Open to a ceasefire in May.",
    }
    data |= {f"positions-2-0-{name}": value for name, value in draft.items()}
    assert data["positions-2-0-stated_on"] == "2025-03-17", "date prefilled from the source"
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    position = Position.objects.get()
    assert (position.status, position.source, position.created_by) == (
        Status.DRAFT,
        source,
        editor,
    )
    assert position.anchored_text_sha256 == source.text_sha256
    assert position.summary in client.get(url).content.decode(), "listed among its positions"


def test_inline_position_with_a_quote_not_in_the_text_keeps_the_input(client, editor):
    source = SourceFactory(text="He said: we will consider a ceasefire in May.")
    client.force_login(editor)
    url = reverse("admin:positions_source_change", args=[source.pk])
    data = page_form_data(client.get(url))
    data |= {
        "positions-2-0-quote": "we will consider a truce in May",
        "positions-2-0-party": PartyFactory().pk,
        "positions-2-0-topic": TopicFactory().pk,
        "positions-2-0-stance": Stance.OPEN,
        "positions-2-0-move": "openness",
        "positions-2-0-summary": "Open to a truce.",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "does not occur in the source text" in page
    assert "Did you mean: “" in page and "consider a ceasefire in May" in page
    assert "Open to a truce." in page
    assert not Position.objects.exists()


def test_deleting_a_cited_source_or_party_is_refused_with_the_reason(client, reviewer):
    position = PositionFactory(status=Status.PUBLISHED)
    client.force_login(reviewer)
    for obj, name in [(position.source, "source"), (position.party, "party")]:
        url = reverse(f"admin:positions_{name}_delete", args=[obj.pk])
        response = client.post(url, {"post": "yes"}, follow=True)
        page = response.content.decode()
        assert "cannot be deleted: 1 position refer to it" in page
        assert type(obj).objects.filter(pk=obj.pk).exists()


def test_an_uncited_party_can_be_deleted_by_a_superuser(client, superuser):
    party = PartyFactory()
    client.force_login(superuser)
    url = reverse("admin:positions_party_delete", args=[party.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Party.objects.filter(pk=party.pk).exists()


def test_source_list_runs_a_constant_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    for _ in range(30):
        PositionFactory()
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:positions_source_changelist"))
    assert response.context["cl"].result_count == 30


def test_source_page_with_many_positions_runs_a_constant_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    source = SourceFactory(text="Several statements were made.")
    for _ in range(30):
        PositionFactory(source=source)
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("admin:positions_source_change", args=[source.pk]))
    assert response.content.decode().count('class="badge stance-') == 30


@pytest.mark.parametrize("name", ["party", "person", "topic", "role", "event"])
def test_other_desk_lists_run_a_constant_number_of_queries(
    client, editor, django_assert_max_num_queries, name
):
    from tests import factories

    factory = getattr(factories, f"{name.capitalize()}Factory")
    for _ in range(30):
        factory()
    PositionFactory.create_batch(5)
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse(f"admin:positions_{name}_changelist"))
    assert response.status_code == 200


def test_a_new_source_and_its_first_position_are_saved_in_one_submission(client, editor):
    client.force_login(editor)
    url = reverse("admin:positions_source_add")
    data = page_form_data(client.get(url)) | {
        "title": "Minister on talks",
        "text": "The minister said talks could resume in April.",
        "positions-2-0-quote": "talks could resume in April",
        "positions-2-0-party": PartyFactory().pk,
        "positions-2-0-topic": TopicFactory().pk,
        "positions-2-0-stated_on": "2025-03-20",
        "positions-2-0-stance": Stance.OPEN,
        "positions-2-0-move": "openness",
        "positions-2-0-summary": "Talks could resume in April.",
    }
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    source = Source.objects.get()
    position = source.positions.get()
    assert position.status == Status.DRAFT and not position.needs_anchoring
    assert source.text[position.quote_start : position.quote_end] == "talks could resume in April"


def test_desk_forms_carry_their_csrf_token(editor, reviewer):
    """The import page and the workflow steps work with CSRF checks on, as in a browser."""

    def token(page):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    page = browser.get(IMPORT_URL).content.decode()
    html = (FIXTURES / "statement-with-jsonld.html").read_text(encoding="utf-8")
    response = browser.post(IMPORT_URL, {"pasted": html, "csrfmiddlewaretoken": token(page)})
    assert response.status_code == 302

    position = PositionFactory(status=Status.IN_REVIEW)
    browser.force_login(reviewer)
    url = reverse("admin:positions_position_step", args=[position.pk, "publish"])
    page = browser.get(url).content.decode()
    data = {"expected_version": position.version, "csrfmiddlewaretoken": token(page)}
    assert browser.post(url, data).status_code == 302
    position.refresh_from_db()
    assert position.status == Status.PUBLISHED


def filter_choices(html: str, title: str) -> list[str]:
    """The choices of the desk filter headed ``By <title>``, "All" first."""
    block = re.search(rf"By {title}.*?</ul>", html, re.S).group(0)
    return [choice.strip() for choice in re.findall(r'<a href="[^"]*">([^<]*)</a>', block)]


def test_source_list_filters_offer_each_outlet_and_language_once_in_order(client, editor):
    SourceFactory(outlet="Xinhua", language="en")
    SourceFactory(outlet="TASS", language="ru")
    SourceFactory(outlet="Xinhua", language="en")
    SourceFactory(outlet="", language="uk")
    client.force_login(editor)
    url = reverse("admin:positions_source_changelist")

    html = client.get(url).content.decode()
    assert filter_choices(html, "outlet") == ["All", "", "TASS", "Xinhua"]
    assert filter_choices(html, "language") == ["All", "en", "ru", "uk"]
    listed = client.get(url, {"outlet": "Xinhua"}).context["cl"].result_list
    assert {source.outlet for source in listed} == {"Xinhua"} and len(listed) == 2


@pytest.mark.postgresql(reason="the index is skipped on PostgreSQL")
def test_source_list_filters_read_their_values_by_skipping_through_indexes(client, editor):
    SourceFactory.create_batch(3, outlet="Xinhua")
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("admin:positions_source_changelist"))
    statements = [query["sql"] for query in queries.captured_queries]
    assert not any("SELECT DISTINCT" in sql and '"outlet"' in sql for sql in statements)
    assert not any("SELECT DISTINCT" in sql and '"language"' in sql for sql in statements)
    skips = [sql for sql in statements if sql.startswith("WITH RECURSIVE found")]
    assert any('"outlet"' in sql for sql in skips)
    assert any('"language"' in sql for sql in skips)
