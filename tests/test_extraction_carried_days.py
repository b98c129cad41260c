"""Which day a statement without one of its own takes from the sentences around it
(constructed test texts, not real articles)."""

import datetime

import pytest

from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

# 24 October 2030 is a Thursday.
THURSDAY = datetime.date(2030, 10, 24)
WEDNESDAY = datetime.date(2030, 10, 23)

TALKS = (
    "ISTANBUL, Oct 24 (Example Wire) - Ukraine and Russia blamed each other on Thursday for "
    "the failure of talks in Istanbul.\n\n"
)


def test_a_quote_below_a_sentence_giving_the_speakers_day_is_of_that_day(more):  # noqa: F811
    found = drafts(
        TALKS + "Russia's foreign ministry spokeswoman, Maria Zakharova, had already rejected "
        "the proposal at her weekly briefing in Moscow on Wednesday.\n\n"
        '"Any armed contingent from alliance countries will be a legitimate target," '
        "Zakharova said.\n\n"
        'Moscow could consider "a small civilian mission, agreed by both sides", she added, '
        "but only once the root causes of the conflict had been addressed in a comprehensive "
        "agreement.",
        THURSDAY,
    )
    quote = only(found, "legitimate target")
    # Not the day of the talks the report opens with.
    assert quote.stated_on == WEDNESDAY
    assert "the day given for Maria Zakharova just before" in quote.evidence["date"]
    assert only(found, "small civilian mission").stated_on == WEDNESDAY


def test_a_paragraph_opening_with_the_speakers_day_dates_what_they_say_in_it(more):  # noqa: F811
    found = drafts(
        "Analysis: a week of crossed wires\n\n"
        "On Wednesday, Secretary of State Marco Rubio went the other way. Addressing "
        "senators, he said the administration would ease restrictions only in stages.",
        datetime.date(2030, 10, 26),
    )
    assert only(found, "ease restrictions").stated_on == WEDNESDAY


def test_a_day_in_a_relative_clause_about_someone_else_is_not_the_speakers(more):  # noqa: F811
    found = drafts(
        TALKS + "Rubio was responding to Maria Zakharova, who said on Wednesday that Kyiv "
        "had walked away.\n\n"
        '"The claim is not true," Rubio told reporters.',
        THURSDAY,
    )
    assert only(found, "claim is not true").stated_on == THURSDAY


def test_today_in_someones_words_is_no_day_for_the_speaker(more):  # noqa: F811
    found = drafts(
        "Analysis: a week of crossed wires\n\n"
        'Rubio wants a line "where the armies are today", aides say.\n\n'
        '"Everything else gets negotiated from there," Rubio said.',
        datetime.date(2030, 10, 26),
    )
    assert only(found, "negotiated from there").stated_on is None


def test_what_a_speaker_recalls_on_another_day_does_not_date_his_later_words(more):  # noqa: F811
    found = drafts(
        "LONDON - Britain will put troops in Ukraine, Rubio said on Tuesday at a joint press "
        "conference in Downing Street.\n\n"
        "Asked about the Americans, Rubio said he had spoken to the president by phone on "
        'Sunday and had told him a backstop was "essential".\n\n'
        '"European boots on the ground need American support," Rubio said.',
        datetime.date(2031, 3, 12),
    )
    assert only(found, "backstop was").stated_on == datetime.date(2031, 3, 9)
    assert only(found, "European boots").stated_on == datetime.date(2031, 3, 11)


def test_a_person_a_sentence_of_the_paragraph_is_about_says_what_he_says_next(more):  # noqa: F811
    found = drafts(
        "Analysis: a week of crossed wires\n\n"
        "Russia's economic envoy, Yuri Ushakov, picked up the thread on Friday. In an interview "
        "with a Gulf broadcaster, he said restoring direct flights could be a first step.",
        datetime.date(2030, 10, 26),
    )
    draft = only(found, "restoring direct flights")
    assert draft.speaker == more["ushakov"]
    # An interview may be of another day than the one the sentence before gives: offered.
    assert draft.stated_on is None
    assert draft.suggested("date") == datetime.date(2030, 10, 25)


def test_a_day_given_for_someone_is_only_offered_for_words_of_an_interview(more):  # noqa: F811
    found = drafts(
        "Analysis: the monitors\n\n"
        "Its head, Maria Zakharova, gave a briefing at the substation on Wednesday.\n\n"
        '"A truce without verification is a truce on paper," Zakharova said in a telephone '
        "interview.",
        datetime.date(2030, 10, 26),
    )
    draft = only(found, "truce on paper")
    assert draft.stated_on is None
    assert draft.suggested("date") == WEDNESDAY


def test_what_a_speaker_recalls_after_and_does_not_date_his_later_words(more):  # noqa: F811
    found = drafts(
        "LONDON - Rubio faced questions from the Commons Foreign Affairs Committee on Tuesday.\n\n"
        "Rubio said he was confident of a backstop and had discussed it with the president "
        "last week.\n\n"
        '"European boots on the ground need American support," Rubio said.',
        datetime.date(2031, 3, 12),
    )
    # Not last week, which he recalled, but the hearing's day.
    assert only(found, "European boots").stated_on == datetime.date(2031, 3, 11)


def test_a_prisoner_swap_the_report_opens_with_is_its_occasion(more):  # noqa: F811
    found = drafts(
        "ABU DHABI, Oct 24 (Example Wire) - Russia and Ukraine exchanged 390 prisoners each on "
        "Thursday in a swap brokered by the United Arab Emirates.\n\n"
        "Maria Zakharova told reporters in Moscow that Moscow was ready to keep exchanging "
        "prisoners.",
        THURSDAY,
    )
    assert only(found, "ready to keep exchanging").stated_on == THURSDAY


def test_a_day_carried_from_an_unsure_speaker_is_sure_when_the_occasion_gives_it(more):  # noqa: F811
    found = drafts(
        TALKS + "Zakharova told reporters on Thursday that Moscow would not return to Istanbul.\n\n"
        'Separately, the diplomat spoke of the Black Sea. "Shipping must be safe for all," '
        "she said.",
        THURSDAY,
    )
    draft = only(found, "Shipping must be safe")
    assert draft.stated_on == THURSDAY
    assert "the occasion the report opens with" in draft.evidence["date"]


def test_a_report_opening_with_two_days_dates_no_statement_by_the_first(more):  # noqa: F811
    found = drafts(
        "МОСКВА, 24 октября. Президент Владимир Путин в среду провёл совещание с членами Совета "
        "безопасности. Подробности журналистам в четверг сообщил Дмитрий Песков.\n\n"
        "Peskov also said the Zaporizhzhia plant would stay under Russian control.",
        THURSDAY,
    )
    # Not Wednesday's meeting: he may have said it on either day.
    assert only(found, "plant would stay").stated_on != WEDNESDAY


def test_since_a_day_is_no_occasions_day(more):  # noqa: F811
    found = drafts(
        "LONDON — It has been a week of leaders talking to cameras. Read side by side, three "
        "long interviews given since last Sunday say more about the state of the Ukraine talks "
        "than any communique.\n\n"
        "Zelenskyy, speaking to the BBC, was blunt. Ukraine would never recognise Crimea as "
        "Russian, he said.",
        THURSDAY,
    )
    assert only(found, "never recognise Crimea").stated_on != datetime.date(2030, 10, 20)
