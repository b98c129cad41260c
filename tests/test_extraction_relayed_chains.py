"""Words relayed through two people, and the days such reports give (constructed test texts,
not real articles)."""

import datetime

import pytest

from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

# 10 September 2031 is a Wednesday.
WEDNESDAY = datetime.date(2031, 9, 10)


def test_what_an_envoy_told_the_speaker_a_leader_is_prepared_to_do_is_left_to_the_editor(
    more,  # noqa: F811
):
    found = drafts(
        "Secretary of State Marco Rubio told reporters on Tuesday that Witkoff had called him "
        "from Moscow and told him that Putin, in their Monday meeting at the Kremlin, was "
        "prepared to halt strikes on the power grid for the winter.",
        WEDNESDAY,
    )
    # One statement, not Rubio's words split in two at “and told him that”.
    (draft,) = found.values()
    assert "halt strikes on the power grid" in draft.quote
    # Neither Rubio's nor Witkoff's position: whose it is, the editor decides.
    assert draft.speaker is None and draft.party is None
    assert "Putin" in draft.evidence["speaker"]


def test_what_the_envoy_says_an_unnamed_leader_said_is_no_ones_for_sure(more):  # noqa: F811
    found = drafts(
        "But Rubio said Witkoff had also told him that the Russian leader said at the same "
        "meeting he still saw no point in sitting down with Zelenskyy.",
        WEDNESDAY,
    )
    assert all(draft.speaker != more["witkoff"] for draft in found.values())
    assert all(draft.speaker != more["rubio"] for draft in found.values())


def test_someone_who_told_the_speaker_his_own_side_is_ready_is_still_the_speaker(
    more,  # noqa: F811
):
    found = drafts(
        "Rubio said he had spoken by phone on Monday with Dmitry Peskov, who told him that "
        "Moscow was ready for a new round of talks in Istanbul.",
        WEDNESDAY,
    )
    assert only(found, "Moscow was ready").speaker == more["peskov"]


def test_said_two_things_to_reporters_is_still_two_statements(more):  # noqa: F811
    found = drafts(
        "Lavrov said that Russia would not accept troops in Ukraine and told reporters that "
        "any force would be a legitimate target.",
        WEDNESDAY,
    )
    assert only(found, "would not accept troops").speaker == more["lavrov"]
    assert only(found, "legitimate target").speaker == more["lavrov"]


def test_on_a_weekday_he_told_is_when_then_who_and_no_new_person(more):  # noqa: F811
    found = drafts(
        "Donald Trump wants a quick deal. On Wednesday he told reporters at the White House "
        "that Ukraine would probably have to give up some land.",
        datetime.date(2031, 7, 12),
    )
    draft = only(found, "give up some land")
    assert draft.new_speaker is None
    assert draft.stated_on == datetime.date(2031, 7, 9)


def test_the_eve_of_a_hearing_with_its_date_is_that_date_not_yesterday(more):  # noqa: F811
    found = drafts(
        "Напередодні слухань, у понеділок, 2 червня, Зеленський в ефірі телемарафону заявив, "
        "що Київ не погодиться на обмеження чисельності армії.",
        datetime.date(2031, 6, 4),
    )
    assert only(found, "обмеження чисельності").stated_on == datetime.date(2031, 6, 2)


def test_leaders_arriving_for_a_two_day_summit_speak_on_the_day_they_arrive(more):  # noqa: F811
    found = drafts(
        "BRUSSELS — European Union leaders arriving for a two-day summit on Thursday lined up "
        "behind a loan for Ukraine.\n\n"
        '"No sanctions will be lifted while a single Russian soldier stands on Ukrainian soil," '
        "Emmanuel Macron told reporters at the entrance.",
        datetime.date(2031, 6, 26),
    )
    assert only(found, "No sanctions will be lifted").stated_on == datetime.date(2031, 6, 26)


def test_a_summit_that_ended_on_a_day_still_spans_days(more):  # noqa: F811
    found = drafts(
        "BRUSSELS — European Union leaders ended a two-day summit on Friday.\n\n"
        '"No sanctions will be lifted while a single Russian soldier stands on Ukrainian soil," '
        "Emmanuel Macron told reporters.",
        datetime.date(2031, 6, 27),
    )
    assert only(found, "No sanctions will be lifted").stated_on is None


def test_russian_words_of_a_diplomat_are_the_paragraphs_speaker_on_her_day(more):  # noqa: F811
    found = drafts(
        "Официальный представитель МИДа Мария Захарова на еженедельном брифинге в среду "
        "высказалась жестче.\n\n"
        "«Никаких сил заверения там не будет», — подчеркнула госпожа Захарова. По словам "
        "дипломата, Россия по-прежнему настаивает на признании новых регионов.",
        datetime.date(2031, 5, 23),
    )
    assert only(found, "Никаких сил заверения").stated_on == datetime.date(2031, 5, 21)
    assert only(found, "Россия по-прежнему настаивает").speaker == more["zakharova"]


def test_a_russian_statement_after_что_and_an_aside_is_read(more):  # noqa: F811
    found = drafts(
        "Мария Захарова также напомнила, что, по мнению Москвы, подписывать с Киевом "
        "окончательный договор «юридически невозможно» без новых выборов.",
        datetime.date(2031, 5, 23),
    )
    assert only(found, "юридически невозможно").speaker == more["zakharova"]


def test_quotation_marks_in_a_gerunds_clause_leave_the_stance_its_subject(more):  # noqa: F811
    found = drafts(
        "Отвечая на вопрос корреспондента «Вестника» о замороженных активах, Дмитрий Песков "
        "назвал любые попытки направить эти средства Киеву «воровством».",
        datetime.date(2031, 5, 23),
    )
    assert only(found, "назвал любые попытки").speaker == more["peskov"]
