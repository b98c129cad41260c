"""How the day a report's dateline gives dates what it reports (constructed test texts, not real
articles)."""

import datetime

import pytest

from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

# 21 August 2025 is a Thursday.
THURSDAY = datetime.date(2025, 8, 21)

LAVROV_AT_A_PRESS_CONFERENCE = (
    "МОСКВА, 21 августа. /Пример-Информ/. Россия не согласится на размещение на Украине "
    "контингентов стран НАТО. Об этом заявил министр иностранных дел РФ Сергей Лавров на "
    "пресс-конференции по итогам переговоров с Ван И.\n\n"
    "«Любые иностранные военные на украинской территории будут для нас законной целью», — "
    "сказал Лавров.\n\n"
    "По его словам, Москва готова продолжать прямые переговоры с Киевом."
)


def test_a_russian_agency_lead_without_a_day_is_of_its_datelines_day(more):  # noqa: F811
    found = drafts(LAVROV_AT_A_PRESS_CONFERENCE, THURSDAY)
    lead = only(found, "Россия не согласится")
    assert lead.stated_on == THURSDAY
    assert "dateline" in lead.evidence["date"]
    # The press conference the lead names dates what the report gives of it below.
    assert only(found, "законной целью").stated_on == THURSDAY
    assert only(found, "прямые переговоры").stated_on == THURSDAY


def test_a_dateline_of_another_day_than_the_reports_dates_nothing(more):  # noqa: F811
    found = drafts(LAVROV_AT_A_PRESS_CONFERENCE, THURSDAY + datetime.timedelta(days=1))
    assert only(found, "Россия не согласится").stated_on is None
    assert only(found, "законной целью").stated_on is None


def test_a_digest_whose_first_paragraph_reports_no_statement_is_not_dated_by_its_dateline(
    more,  # noqa: F811
):
    found = drafts(
        "МОСКВА, 21 августа. Главное о переговорах по украинскому урегулированию за неделю.\n\n"
        "«Мы готовы к обмену всех на всех», — заявил помощник президента Юрий Ушаков.",
        THURSDAY,
    )
    assert only(found, "обмену всех на всех").stated_on is None


def test_a_russian_lead_naming_its_own_day_keeps_it_over_the_datelines(more):  # noqa: F811
    found = drafts(
        "МОСКВА, 21 августа. /Пример-Информ/. Кремль не видит смысла в перемирии. Об этом во "
        "вторник заявил журналистам Песков.",
        THURSDAY,
    )
    assert only(found, "не видит смысла").stated_on == datetime.date(2025, 8, 19)


def test_an_english_wire_without_a_day_is_not_dated_by_its_dateline(more):  # noqa: F811
    found = drafts(
        "MOSCOW, Aug 21 (Example Wire) — Russia will not accept NATO troops in Ukraine, Foreign "
        "Minister Sergei Lavrov told a news conference.",
        THURSDAY,
    )
    assert only(found, "NATO troops").stated_on is None


def test_a_ukrainian_agency_dateline_dates_the_lead_its_next_paragraph_attributes(
    more,  # noqa: F811
):
    found = drafts(
        "Київ, 21 серпня. Укрвісник. Україна розраховує, що гарантії безпеки будуть "
        "юридично зобов’язувальними.\n\n"
        "Про це Президент України Володимир Зеленський заявив під час спільної пресконференції "
        "з канцлером Німеччини у Києві.\n\n"
        "«Нам потрібні не обіцянки, а гарантії», – сказав Зеленський.",
        THURSDAY,
    )
    lead = only(found, "гарантії безпеки будуть")
    assert lead.speaker == more["zelenskyy"]
    assert lead.stated_on == THURSDAY
    assert only(found, "Нам потрібні не обіцянки").stated_on == THURSDAY


@pytest.mark.parametrize(
    "recalled, month",
    [
        ("Ещё в июне президент Владимир Путин назвал", "2025-06-01"),
        ("Ще у червні президент Володимир Путін назвав", "2025-06-01"),
    ],
)
def test_a_month_recalled_in_russian_or_ukrainian_is_not_the_occasions_day(
    more,  # noqa: F811
    recalled,
    month,
):
    found = drafts(
        f"{LAVROV_AT_A_PRESS_CONFERENCE}\n\n{recalled} отказ Киева от планов вступления в НАТО "
        "обязательным условием любого урегулирования.",
        THURSDAY,
    )
    draft = only(found, "отказ Киева от планов")
    assert draft.stated_on is None
    assert draft.suggested("date").isoformat() == month
