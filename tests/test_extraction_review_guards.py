"""Guards found by read-only reviews of the rules widened for the fifteenth to eighteenth and
for the twentieth rounds: ordinary sentences next to each new pattern that it must leave alone
(constructed test texts, not real articles)."""

import datetime

import pytest

from tests.factories import PersonFactory, RoleFactory
from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

# 18 August 2025 is a Monday.
MONDAY = datetime.date(2025, 8, 18)


def test_an_arrival_the_day_before_does_not_date_words_at_the_occasion(more):  # noqa: F811
    found = drafts(
        "WASHINGTON, Aug 18 (Example Wire) - Zelenskyy met Witkoff at the White House on "
        "Monday.\n\n"
        "Zelenskyy arrived in Washington on Sunday evening after a stop in Brussels.\n\n"
        '"We need a real peace, not a pause," Zelenskyy told reporters.',
        MONDAY,
    )
    # Not Sunday, when he arrived: the report says when he met Witkoff, not when he spoke.
    assert only(found, "We need a real peace").stated_on in {None, MONDAY}


def test_a_day_given_for_someone_is_not_carried_to_his_nightly_address(more):  # noqa: F811
    found = drafts(
        "Analysis: a week of talks\n\n"
        "Zelenskyy met European leaders in Berlin on Wednesday.\n\n"
        '"Ukraine will not give up its land," Zelenskyy said in his nightly video address.',
        datetime.date(2025, 8, 17),
    )
    assert only(found, "will not give up its land").stated_on is None


def test_what_a_speaker_recalls_of_another_day_does_not_date_what_he_adds(more):  # noqa: F811
    found = drafts(
        "Analysis: a week of talks\n\n"
        "Rubio said he had spoken to Witkoff on Sunday and had told him that Europe would "
        "provide a reassurance force.\n\n"
        "He added that Washington would not accept a deal imposed on Ukraine.",
        MONDAY,
    )
    assert only(found, "would not accept a deal").stated_on is None


def test_a_russian_lead_said_this_week_is_not_of_the_datelines_day(more):  # noqa: F811
    found = drafts(
        "МОСКВА, 21 августа. /Пример-Информ/. Россия не согласится на размещение войск НАТО на "
        "Украине. Об этом заявил Сергей Лавров на переговорах в Эр-Рияде на этой неделе.",
        datetime.date(2025, 8, 21),
    )
    assert only(found, "Россия не согласится").stated_on is None


def test_what_someone_said_repeatedly_in_russian_gets_no_day(more):  # noqa: F811
    found = drafts(
        "МОСКВА, 21 августа. /Пример-Информ/. Песков провел брифинг для журналистов.\n\n"
        "Песков неоднократно говорил, что Россия открыта к переговорам.\n\n"
        "Зеленський неодноразово заявляв, що Україна не віддасть своїх земель.",
        datetime.date(2025, 8, 21),
    )
    assert only(found, "Россия открыта к переговорам").stated_on is None
    assert only(found, "Україна не віддасть").stated_on is None


def test_the_words_of_an_american_diplomat_are_not_the_paragraphs_speaker(more):  # noqa: F811
    found = drafts(
        "МОСКВА, 21 августа. Сергей Лавров заявил на пресс-конференции, что Россия готова к "
        "переговорам. По словам американского дипломата, Вашингтон не будет снимать санкции.",
        datetime.date(2025, 8, 21),
    )
    draft = only(found, "Вашингтон не будет снимать санкции")
    assert draft.speaker is None and draft.party != more["russia"]


def test_a_spokesman_of_someone_in_the_genitive_is_not_them(more):  # noqa: F811
    found = drafts(
        "Пресс-секретарь Зеленского, отвечая на вопросы журналистов, заявил, что Киев не "
        "согласится на уступки.\n\n"
        "Речник Сибіги Георгій Тихий, коментуючи заяву Захарової, сказав, що Київ не піде на "
        "поступки.",
        datetime.date(2025, 8, 21),
    )
    sybiha = PersonFactory(name="Andrii Sybiha", other_names="Андрій Сибіга")
    RoleFactory(person=sybiha, party=more["ukraine"], title="Foreign Minister")
    assert only(found, "Киев не согласится").speaker != more["zelenskyy"]
    assert only(found, "Київ не піде").speaker is None


def test_who_said_after_a_list_of_people_is_the_last_one(more):  # noqa: F811
    found = drafts(
        "Trump spoke first with Putin, and afterwards with Zelenskyy, who said Kyiv would never "
        "recognise Crimea as Russian.",
        MONDAY,
    )
    assert only(found, "never recognise Crimea").speaker == more["zelenskyy"]


def test_she_after_a_sentence_that_only_mentions_a_man_is_only_offered(more):  # noqa: F811
    found = drafts(
        "Kaja Kallas said on Sunday that sanctions would stay.\n\n"
        "The meeting was chaired by Rubio. She said Europe would not accept a deal made over "
        "its head.",
        MONDAY,
    )
    assert only(found, "would not accept a deal").speaker != more["rubio"]


def test_an_interviews_day_is_not_one_the_introduction_counts_from(more):  # noqa: F811
    found = drafts(
        "Kallas: “Europe will not be a spectator”\n\n"
        "Maria Zakharova spoke to us in Moscow, a day after her phone conversation with Rubio "
        "on Thursday.\n\n"
        "Q: Will Russia accept European troops?\n\n"
        "A: Russia will never accept European troops in Ukraine under any flag.",
        datetime.date(2025, 8, 23),
    )
    assert only(found, "never accept European troops").stated_on is None


def test_leaders_arriving_for_a_summit_that_ran_into_another_day_give_no_day(more):  # noqa: F811
    found = drafts(
        "BRUSSELS — EU leaders arriving for a two-day summit on Thursday were split, and the "
        "talks ran late into Friday.\n\n"
        '"No sanctions will be lifted," Emmanuel Macron told a news conference after the '
        "summit closed.",
        datetime.date(2025, 8, 23),
    )
    assert only(found, "No sanctions will be lifted").stated_on is None


def test_the_other_sides_view_relayed_by_a_speaker_is_not_his(more):  # noqa: F811
    found = drafts(
        "Сергей Лавров заявил, что, по мнению американской стороны, Украина должна отказаться "
        "от членства в НАТО.",
        datetime.date(2025, 8, 21),
    )
    draft = only(found, "Украина должна отказаться")
    assert draft.speaker is None and draft.party != more["russia"]


# -- the twentieth round's rules --

PESKOV_SAID = "Дмитрий Песков заявил, что Москва готова к переговорам. "


@pytest.mark.parametrize(
    "text, words, not_who",
    [
        # Words of someone the speaker names, then ", he said": the paragraph's speaker's.
        (
            "Dmitry Peskov said on Monday that the Kremlin was open to talks.\n\n"
            "Zelenskyy must first withdraw his troops, he said, before any meeting.",
            "Zelenskyy must first withdraw",
            "zelenskyy",
        ),
        # "Putin's envoy, …: … he said": not Putin.
        (
            "Putin's envoy, Steve Witkoff, has spent the month pitching the opposite: on "
            'Wednesday he said lifting sanctions "would show good faith".',
            "would show good faith",
            "putin",
        ),
    ],
)
def test_a_pronoun_is_not_someone_the_sentence_only_mentions(more, text, words, not_who):  # noqa: F811
    assert only(drafts(text, MONDAY), words).speaker != more[not_who]


@pytest.mark.parametrize(
    "text, words",
    [
        # She, not the Peskov who spoke before.
        (
            PESKOV_SAID + "Мария Захарова в четверг провела брифинг. Переговоры, заявила она, "
            "зашли в тупик из-за позиции Киева.",
            "зашли в тупик",
        ),
        (
            PESKOV_SAID + "Запорожская АЭС, по её словам, «находится под российским контролем».",
            "находится под российским контролем",
        ),
        (PESKOV_SAID + "Ответ Киева она назвала «запоздалым и неконкретным».", "запоздалым"),
        # A post the paragraph's speaker does not hold.
        (
            PESKOV_SAID + "Встреча, сказал представитель Белого дома, пока не назначена на "
            "конкретную дату.",
            "пока не назначена",
        ),
        (
            PESKOV_SAID + "После встречи с Трампом президент заявил, что переговоры будут "
            "продолжены в Стамбуле.",
            "переговоры будут продолжены",
        ),
    ],
)
def test_a_russian_pronoun_or_post_is_not_filled_as_the_paragraphs_speaker(more, text, words):  # noqa: F811
    assert only(drafts(text, MONDAY), words).speaker != more["peskov"]


def test_a_relative_clauses_verbs_leave_the_subject_whole(more):  # noqa: F811
    found = drafts(
        "Песков прокомментировал слова Зеленского, который накануне выступил в Раде и заявил, "
        "что Киев не пойдёт ни на какие территориальные уступки.",
        MONDAY,
    )
    assert only(found, "Киев не пойдёт").speaker != more["peskov"]


@pytest.mark.parametrize(
    "lead",
    [
        "KYIV - Russia and Ukraine are expected to carry out a prisoner swap on Friday.",
        "KYIV - A prisoner swap planned for Sunday was postponed.",
        "KYIV - The International Committee of the Red Cross said on Monday it was ready.",
        "KYIV - The Senate Foreign Relations Committee will meet on Tuesday.",
    ],
)
def test_a_swap_or_committee_that_did_not_host_the_words_dates_nothing(more, lead):  # noqa: F811
    found = drafts(
        f"{lead}\n\nZelenskyy said Ukraine was ready to exchange all for all.",
        datetime.date(2025, 8, 20),
    )
    assert only(found, "ready to exchange all").stated_on is None


def test_having_no_doubts_is_nothing_recalled(more):  # noqa: F811
    found = drafts(
        "ISTANBUL - Russian and Ukrainian delegations held talks in Istanbul on Monday.\n\n"
        "Witkoff said he was optimistic and had no doubts about a deal, speaking to reporters "
        "on Thursday.\n\n"
        '"The Russians want peace," Witkoff said.',
        datetime.date(2025, 8, 22),
    )
    assert only(found, "The Russians want peace").stated_on != MONDAY


def test_a_russian_ministers_demonym_of_the_speakers_side_still_offers_him(more):  # noqa: F811
    found = drafts(
        "Сергей Лавров заявил, что Москва готова к переговорам. Российский министр также "
        "подчеркнул, что Москва не примет никаких ультиматумов.",
        MONDAY,
    )
    assert only(found, "не примет никаких").suggested("speaker") == more["lavrov"]


# -- the twenty-first and twenty-second rounds' rules --


@pytest.mark.parametrize(
    "text, words",
    [
        # Two presidents named: "Президент" is neither filled in.
        (
            "Зеленский провёл переговоры с Путиным в Стамбуле.\n\n"
            "Президент заявил, что его страна готова к дальнейшим переговорам.",
            "готова к дальнейшим переговорам",
        ),
        # The president's stance, as his spokesman relays it.
        (
            "Дмитрий Песков рассказал журналистам о совещании. Президент, по его словам, готов "
            "встретиться с Зеленским в Стамбуле.",
            "готов встретиться",
        ),
    ],
)
def test_a_russian_post_is_not_filled_as_someone_it_may_not_be(more, text, words):  # noqa: F811
    found = [draft for quote, draft in drafts(text, MONDAY).items() if words in quote]
    assert all(draft.speaker not in {more["zelenskyy"], more["peskov"]} for draft in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sergei Lavrov said Russia had always been open to dialogue, while Washington said one "
        "thing and did another.",
        "Marco Rubio said the talks were useful, while Ukraine's allies said on Tuesday they "
        "would provide air defence.",
        "Marco Rubio said the talks were useful, while Ukrainian officials said the opposite.",
    ],
)
def test_while_a_side_or_officials_said_joins_no_second_statement(more, sentence):  # noqa: F811
    found = drafts(sentence, MONDAY)
    assert all(draft.party in {None, more["russia"], more["us"]} for draft in found.values())
    assert len(found) == 1
