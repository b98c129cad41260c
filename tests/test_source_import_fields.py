"""Which fields an import fills from a pasted article: the headline (not a caption or a
sub-headline), the outlet from the page, its address or its dateline, the byline, a date
without a time, the language; and saving leads straight to the extraction.

The articles here are constructed test texts, not real reports.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse

from positions.editorial import source_import
from positions.models import Source
from tests.desk import form_errors, page_form_data

FIXTURES = Path(__file__).parent / "fixtures"
CAPTION_PAGE = (FIXTURES / "constructed-caption-before-headline.html").read_text(encoding="utf-8")
IMPORT_URL = "/admin/positions/source/import/"

WIRE_TEXT = """Europe
Ukrainian soldiers at a training ground near Kharkiv. Photo: Example Agency
Russia rejects European peacekeepers in Ukraine
Moscow says any foreign troops would be a legitimate target, as talks on guarantees continue.
By Anna Example
Wednesday, 20 August 2025

MOSCOW, Aug 20 (Xinhua) — Russia will not accept European peacekeepers in Ukraine, \
Foreign Minister Sergei Lavrov said on Wednesday.
"""
MIDNIGHT_20_AUGUST = datetime.datetime(2025, 8, 20, 0, 0, tzinfo=datetime.UTC)


def test_pasted_text_skips_section_label_caption_and_sub_headline():
    found = source_import.from_pasted(WIRE_TEXT)
    assert found.title == "Russia rejects European peacekeepers in Ukraine"


def test_pasted_text_takes_outlet_from_the_dateline_and_a_date_without_time():
    found = source_import.from_pasted(WIRE_TEXT)
    assert found.outlet == "Xinhua"
    assert found.byline == "Anna Example"
    assert found.published_at == MIDNIGHT_20_AUGUST
    assert not found.published_time_known


def test_a_printed_time_is_known():
    found = source_import.from_pasted("Published: 10:35, March 17, 2025\nTalks resume\n\nText.")
    assert found.published_at == datetime.datetime(2025, 3, 17, 10, 35, tzinfo=datetime.UTC)
    assert found.published_time_known


def test_page_furniture_copied_with_the_article_is_no_headline():
    pasted = (
        "Skip to main content\nAdvertisement\nListen to this article · 4 min\n"
        "Updated 3 hours ago\nNATO allies split over troops for Ukraine\n\n"
        "BRUSSELS (Reuters) - Allies disagreed on Thursday."
    )
    found = source_import.from_pasted(pasted)
    assert found.title == "NATO allies split over troops for Ukraine"
    assert found.outlet == "Reuters"


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("MOSCOW, March 17 (Xinhua) -- Russia said", "Xinhua"),
        ("KYIV (Reuters) - Ukraine said", "Reuters"),
        ("BRUSSELS, 3 March (AFP) — NATO said", "AFP"),
        ("WASHINGTON, Aug. 18 (AP) — The president said", "AP"),
    ],
)
def test_dateline_agency_is_the_outlet_of_an_unaddressed_paste(dateline, agency):
    found = source_import.from_pasted(f"Talks resume in Geneva\n\n{dateline} talks resumed.")
    assert found.outlet == agency
    assert found.title == "Talks resume in Geneva"


def test_page_without_metadata_gives_its_headline_not_the_caption():
    found = source_import.from_pasted(CAPTION_PAGE, "https://kyivdaily.example/news/nato")
    assert found.title == "Zelenskyy offers to drop NATO bid in exchange for security guarantees"
    assert found.outlet == "kyivdaily.example", "named by its address"
    assert found.byline == "Olena Example"
    assert found.published_at == MIDNIGHT_20_AUGUST


def test_a_site_name_in_the_header_is_no_headline():
    page = CAPTION_PAGE.replace(
        '<nav><a href="/">Home</a></nav>',
        '<header><h1 class="logo">Kyiv Daily Example</h1></header><nav><a href="/">Home</a></nav>',
    )
    assert page != CAPTION_PAGE
    found = source_import.from_pasted(page)
    assert found.title == "Zelenskyy offers to drop NATO bid in exchange for security guarantees"


def test_known_site_is_named_and_its_address_dates_the_article():
    url = "https://www.reuters.com/world/europe/2025-08-20/zelenskyy-nato/"
    found = source_import.from_pasted("Zelenskyy offers to drop NATO bid\n\nKyiv said.", url)
    assert found.outlet == "Reuters"
    assert found.published_at == MIDNIGHT_20_AUGUST


def test_a_site_republishing_a_wire_report_keeps_the_agency_as_byline():
    page = CAPTION_PAGE.replace("By Olena Example", "")
    found = source_import.from_pasted(page, "https://kyivdaily.example/news/nato")
    assert found.outlet == "kyivdaily.example"
    assert found.byline == "Reuters", "from “KYIV, Aug 20 (Reuters) —”"


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("МОСКВА, 17 марта. /ТАСС/. Россия потребует гарантий.", "TASS"),
        ("КИЕВ, 3 марта (РИА Новости) — Киев заявил.", "RIA Novosti"),
        ("КИЇВ, 20 серпня /Укрінформ/. Президент заявив.", "Ukrinform"),
        ("МИНСК, 5 мая /БЕЛТА/. Минск заявил.", "БЕЛТА"),
    ],
)
def test_a_cyrillic_dateline_names_its_agency(dateline, agency):
    found = source_import.from_pasted(f"Заголовок статьи о переговорах\n\n{dateline}")
    assert found.outlet == agency
    assert found.title == "Заголовок статьи о переговорах"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Лавров: Россия не примет миротворцев\n\nМОСКВА, 20 августа. Министр заявил.", "ru"),
        ("Зеленський: Україна готова до переговорів\n\nКИЇВ, 20 серпня. Президент заявив.", "uk"),
        ("Talks resume in Geneva\n\nGENEVA - Talks resumed.", ""),
    ],
)
def test_language_of_a_cyrillic_paste_is_recognised(text, language):
    assert source_import.from_pasted(text).language == language


@pytest.mark.django_db
def test_a_date_without_a_time_is_accepted_on_the_source_form(client, editor):
    client.force_login(editor)
    url = reverse("admin:positions_source_add")
    data = page_form_data(client.get(url)) | {
        "title": "Minister on talks",
        "published_at_0": "2025-08-20",
        "published_at_1": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert Source.objects.get().published_at == MIDNIGHT_20_AUGUST


@pytest.mark.django_db
def test_a_time_without_a_date_is_refused_and_the_input_kept(client, editor):
    client.force_login(editor)
    url = reverse("admin:positions_source_add")
    data = page_form_data(client.get(url)) | {
        "title": "Minister on talks",
        "published_at_0": "",
        "published_at_1": "10:35",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Enter a complete value" in form_errors(response)
    assert "Minister on talks" in response.content.decode()


@pytest.mark.django_db
def test_saving_a_pasted_article_goes_straight_to_its_extraction(client, editor):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"pasted": WIRE_TEXT})
    form_page = client.get(response["Location"])
    form = form_page.context["adminform"].form
    assert form.initial["title"] == "Russia rejects European peacekeepers in Ukraine"
    assert form.initial["outlet"] == "Xinhua"
    page = form_page.content.decode()
    assert 'name="published_at_0" value="2025-08-20"' in page
    assert re.search(r'<input type="text" name="published_at_1" [^>]*>', page)
    assert 'name="published_at_1" value=' not in page, "no time shown where none was printed"

    response = client.post(response["Location"], page_form_data(form_page))
    source = Source.objects.get()
    assert response.status_code == 302, form_errors(response)
    assert response["Location"] == reverse("admin:positions_source_extract", args=[source.pk])
    assert (source.outlet, source.byline) == ("Xinhua", "Anna Example")
    assert source.published_at == MIDNIGHT_20_AUGUST


@pytest.mark.django_db
def test_a_source_without_text_goes_back_to_the_list(client, editor):
    client.force_login(editor)
    url = reverse("admin:positions_source_add")
    data = page_form_data(client.get(url)) | {"title": "A statement not yet pasted"}
    response = client.post(url, data)
    assert response["Location"] == reverse("admin:positions_source_changelist")
