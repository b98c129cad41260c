"""What the extraction's rules must not do: each rule widened for one pattern keeps away from
the ordinary sentences next to it (constructed test texts, not real articles)."""

import datetime

import pytest

from tests.factories import PartyFactory, PersonFactory, RoleFactory
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def more(record):  # noqa: F811 (the fixture imported above)
    nato = PartyFactory(slug="nato", name="NATO", other_names="the alliance")
    france = PartyFactory(slug="france", name="France", other_names="Paris\nFrench")
    peskov = PersonFactory(name="Dmitry Peskov", other_names="Дмитрий Песков\nПесков")
    RoleFactory(person=peskov, party=record["russia"], title="Kremlin spokesman")
    zakharova = PersonFactory(name="Maria Zakharova", other_names="Мария Захарова")
    RoleFactory(person=zakharova, party=record["russia"], title="Foreign Ministry spokeswoman")
    rubio = PersonFactory(name="Marco Rubio")
    RoleFactory(person=rubio, party=record["us"], title="Secretary of State")
    macron = PersonFactory(name="Emmanuel Macron")
    RoleFactory(person=macron, party=france, title="President")
    return record | {"nato": nato, "peskov": peskov, "zakharova": zakharova, "rubio": rubio}


def only(found: dict, words: str):
    (draft,) = [draft for quote, draft in found.items() if words in quote]
    return draft


def test_common_cyrillic_words_are_no_party_by_their_consonants(more):
    found = drafts(
        "МОСКВА, 20 августа. Песков заявил, что нет никаких оснований для перемирия.\n\n"
        "КИЇВ, 20 серпня. Усі сторони підтвердили готовність до переговорів у Стамбулі."
    )
    assert only(found, "нет никаких оснований").party == more["russia"]
    assert all(draft.party != more["us"] for draft in found.values())


def test_a_lower_case_word_before_a_verb_is_not_who_said_it_first(more):
    found = drafts(
        "МОСКВА, 20 августа. Песков заявил, что переговоры подтвердили готовность сторон к "
        "компромиссу."
    )
    assert only(found, "готовность сторон").speaker == more["peskov"]


def test_a_stance_naming_someone_in_a_transcripts_turn_is_theirs(more):
    found = drafts(
        "WASHINGTON, Aug 20 (Example Wire) — Excerpts.\n\n"
        "QUESTION: What happened?\n\n"
        "RUBIO: Putin rejected the ceasefire proposal outright."
    )
    assert only(found, "ceasefire proposal").speaker == more["putin"]


def test_initials_stay_in_a_new_persons_name(more):
    found = drafts("Former national security adviser H.R. McMaster said Russia would not stop.")
    assert only(found, "Russia would not stop").new_speaker.name == "H.R. McMaster"


def test_ukrainian_titles_with_з_and_russian_names_ending_in_я_keep_their_subject(more):
    found = drafts(
        "КИЇВ, 20 серпня. Уповноважений з прав людини Дмитро Лубінець заявив, що обмін "
        "полоненими відбудеться найближчим часом.\n\n"
        "МОСКВА, 20 августа. Мария Захарова, отвечая на вопрос журналистов, также заявила, что "
        "Москва не примет европейских военных."
    )
    # Offered, not filled in: names in Cyrillic are read by weaker rules.
    assert only(found, "обмін полоненими").suggested("speaker").name == "Дмитро Лубінець"
    assert only(found, "Москва не примет").speaker == more["zakharova"]


def test_a_russian_stance_after_a_gerund_clause_is_the_named_speakers(more):
    found = drafts(
        "МОСКВА, 20 августа. Комментируя заявления Киева, Песков назвал их попыткой сорвать "
        "переговоры."
    )
    draft = only(found, "назвал их попыткой")
    assert draft.speaker == more["peskov"] and draft.party == more["russia"]


def test_a_day_after_at_the_start_of_a_sentence_keeps_the_occasions_day_away(more):
    found = drafts(
        "MOSCOW, Aug 20 (Example Wire) — Russia and the United States held talks in Moscow on "
        "Tuesday.\n\n"
        "A day after Lavrov spoke, Dmitry Peskov said Moscow would not accept a freeze."
    )
    assert only(found, "Moscow would not accept a freeze").stated_on is None


def test_a_noun_that_qualifies_is_not_whom_the_speaker_told(more):
    found = drafts(
        "WASHINGTON, Aug 20 (Example Wire) — Rubio told reporters the deal that Putin offered "
        "was not good enough."
    )
    draft = only(found, "Putin offered")
    assert draft.speaker == more["rubio"]
    assert draft.quote.startswith("the deal that Putin offered")


def test_a_relative_clause_after_another_statement_does_not_take_it_over(more):
    found = drafts(
        "KYIV, Aug 20 (Example Wire) — Zelensky said Europe must act together and thanked "
        "Macron, who told him that France would send troops."
    )
    draft = only(found, "Europe must act together")
    assert draft.speaker == more["zelenskyy"]


def test_narration_before_a_colon_is_no_speaker(more):
    found = drafts(
        "KYIV, Aug 20 (Example Wire) — The stakes are high: Ukraine's “survival” depends on the "
        "talks.\n\n"
        "But the mood soured quickly: the “peace plan” was dead by the evening."
    )
    assert not any("survival" in quote or "peace plan" in quote for quote in found)


def test_speaking_with_one_voice_is_part_of_the_statement(more):
    found = drafts(
        "KYIV, Aug 20 (Example Wire) — Zelensky said on Wednesday that Europe must stay united, "
        "speaking with one voice on sanctions."
    )
    draft = only(found, "Europe must stay united")
    assert draft.quote.endswith("speaking with one voice on sanctions")
    assert draft.stated_on == datetime.date(2025, 8, 20)


def test_a_relative_clause_after_a_quote_and_its_attribution_dates_only_an_offer(more):
    found = drafts(
        "KYIV, Aug 20 (Example Wire) — “We are ready for talks,” said Zelensky, who returned "
        "from Geneva on Tuesday."
    )
    draft = only(found, "We are ready for talks")
    assert draft.stated_on is None
    assert [o.kind for o in draft.offers if o.field == "date"] == ["own-relative"]


def test_whom_i_told_is_not_part_of_what_i_told_them(more):
    found = drafts(
        "WASHINGTON, Aug 20 (Example Wire) — Excerpts.\n\n"
        "QUESTION: What did you say?\n\n"
        "RUBIO: I told him that's not how this works."
    )
    assert "that's not how this works" in found


# -- what a review of the widened rules found --


def test_a_quote_the_kremlin_or_experts_said_is_not_carried_to_the_paragraphs_speaker(more):
    found = drafts(
        "МОСКВА, 20 августа. Песков заявил во вторник, что Россия готова к переговорам. "
        "«Это предложение для нас неприемлемо», — заявили в Кремле.\n\n"
        "Песков заявил, что Москва ждет ответа. Санкции будут сняты не скоро, считают эксперты."
    )
    assert only(found, "Это предложение для нас неприемлемо").speaker is None
    assert only(found, "Санкции будут сняты не скоро").speaker is None


def test_a_post_someone_new_holds_is_not_given_to_the_holder_named_earlier(more):
    found = drafts(
        "Marco Rubio spoke to reporters on Monday.\n\n"
        "Polish Foreign Secretary Jan Nowak said Warsaw would host the talks. The secretary "
        "added that Poland would keep supporting Kyiv."
    )
    assert only(found, "Poland would keep supporting Kyiv").speaker != more["rubio"]


def test_an_opening_word_before_a_colon_and_a_quotation_keeps_the_statement(more):
    found = drafts('Meanwhile, Peskov said: "Russia is ready for talks without preconditions."')
    assert only(found, "Russia is ready for talks").speaker == more["peskov"]


def test_a_russian_subject_stops_before_whom_the_speaker_met(more):
    trump = PersonFactory(name="Donald Trump", other_names="Трамп")
    RoleFactory(person=trump, party=more["us"], title="President")
    found = drafts(
        "Как заявил Песков после встречи с Трампом, Россия не откажется от своих целей.\n\n"
        "Украина готова к обмену. Об этом в беседе с Трампом заявила Мария Захарова."
    )
    assert only(found, "Россия не откажется").suggested("speaker") == more["peskov"]
    assert only(found, "Украина готова к обмену").suggested("speaker") == more["zakharova"]


def test_накануне_before_a_noun_is_the_eve_of_something_not_yesterday(more):
    found = drafts(
        "МОСКВА, 20 августа. Песков накануне переговоров в Стамбуле заявил, что Москва "
        "готова к обмену."
    )
    assert only(found, "Москва готова к обмену").stated_on is None


def test_a_sports_hall_struck_on_sunday_is_no_occasion(more):
    found = drafts(
        "KYIV, Aug 20 (Example Wire) - A missile struck a sports hall in Sumy on Sunday, "
        "killing 12.\n\n"
        "Peskov said Russia strikes only military targets."
    )
    assert only(found, "Russia strikes only military targets").stated_on is None


def test_a_subordinate_clause_before_a_closing_attribution_keeps_the_statement(more):
    found = drafts(
        "Although talks continue, Russia has shown no sign that it wants peace, Rubio told "
        "reporters on Tuesday."
    )
    assert only(found, "Russia has shown no sign").speaker == more["rubio"]


def test_a_short_russian_quotation_is_no_agency_dateline(more):
    found = drafts("«Мы готовы!» — заявил Песков журналистам в среду.")
    assert only(found, "Мы готовы").speaker == more["peskov"]


def test_what_a_speaker_says_he_had_said_is_his_own(more):
    found = drafts(
        "Rubio said on Tuesday he had already told them that Washington would not lift sanctions."
    )
    assert only(found, "Washington would not lift sanctions").speaker == more["rubio"]


def test_a_name_before_a_russian_pronoun_is_who_said_it(more):
    found = drafts(
        "Песков заявил во вторник, что Москва ждет ответа. «Мы не торопимся», — заявила "
        "Мария Захарова перед тем как она улетела."
    )
    assert only(found, "Мы не торопимся").suggested("speaker") == more["zakharova"]


def test_a_person_described_by_another_says_only_what_follows_the_verb(more):
    found = drafts(
        "Macron, described by Peskov as a warmonger, said on Friday that France would send "
        "instructors."
    )
    assert list(found) == ["France would send instructors"]


def test_a_day_due_to_come_is_not_the_day_a_quotation_was_given(more):
    found = drafts(
        "GENEVA, Aug 20 (Example Wire) - Talks were held in Geneva on Tuesday.\n\n"
        "The truce is due to start on September 1. “We are ready for it,” Rubio said."
    )
    assert only(found, "We are ready for it").stated_on == datetime.date(2025, 8, 19)


def test_two_people_agreeing_together_are_neither_alone(more):
    found = drafts("Peskov said Putin and Macron had agreed to meet in Budapest.")
    draft = only(found, "to meet in Budapest")
    assert draft.speaker is None


def test_a_new_persons_name_before_a_comma_is_theirs_not_the_posts_words_after(more):
    found = drafts(
        "Saeed Al Hameli, the UAE's Minister of State for International Cooperation, who "
        "chaired the meeting, said afterwards that the UAE stands ready to mediate."
    )
    assert only(found, "the UAE stands ready to mediate").new_speaker.name == "Saeed Al Hameli"


def test_who_answered_a_question_about_others_is_the_speaker_not_them(more):
    putin = PersonFactory(name="Vladimir Putin", other_names="Владимир Путин")
    RoleFactory(person=putin, party=more["russia"], title="President")
    found = drafts(
        "Песков заявил во вторник, что Москва ждет ответа.\n\n"
        "На вопрос о возможной встрече Владимира Путина представитель Кремля ответил, что "
        "«встреча возможна, но только в конце работы»."
    )
    draft = only(found, "встреча возможна")
    assert draft.suggested("speaker") != putin
