"""Reports of a week's statements, and the wire shapes they use: who speaks after the words
with a post between commas, what a speaker did before "saying", and which day each statement
is of (constructed test texts, not real articles)."""

import datetime

import pytest

from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

# A Sunday: "on Monday" is 11 September 2034, "on Tuesday" the 12th.
SUNDAY = datetime.date(2034, 9, 17)
OPENING = (
    "It took the Group of Seven eleven drafts and a two-hour video call on Monday to agree a "
    "statement on Ukraine.\n\n"
)


def offered(draft, field: str) -> str:
    return next((offer.label for offer in draft.offers if offer.field == field), "")


# -- who speaks --


def test_a_name_with_its_post_between_commas_after_the_words_is_the_speaker(more):  # noqa: F811
    found = drafts(
        "Russia would not accept foreign troops in Ukraine, Dmitry Peskov, the Kremlin "
        "spokesman, told reporters in Moscow on Wednesday.",
        SUNDAY,
    )
    draft = found["Russia would not accept foreign troops in Ukraine"]
    assert draft.speaker == more["peskov"]
    assert draft.party == more["russia"]
    assert draft.stated_on == datetime.date(2034, 9, 13)


def test_someone_new_named_after_the_words_has_the_post_after_the_name_and_no_party_from_the_words(
    more,  # noqa: F811
):
    found = drafts(
        "Japan would not ease sanctions on Russia before a peace agreement is signed, Hiroshi "
        "Tanabe, the Japanese prime minister, told reporters in Tokyo on Wednesday.",
        SUNDAY,
    )
    draft = found["Japan would not ease sanctions on Russia before a peace agreement is signed"]
    assert draft.new_speaker.name == "Hiroshi Tanabe"
    assert draft.new_speaker.title == "Prime minister"
    # Russia is what the words are about; the record does not know Japan.
    assert draft.suggested("party") is None
    assert draft.stated_on == datetime.date(2034, 9, 13)


def test_what_a_speaker_did_then_saying_gives_the_speakers_words_and_day(more):  # noqa: F811
    found = drafts(
        "Foreign Ministry spokeswoman Maria Zakharova went further on Thursday, saying Moscow "
        "would answer any confiscation by seizing Western property in kind.",
        SUNDAY,
    )
    draft = found["Moscow would answer any confiscation by seizing Western property in kind"]
    assert draft.speaker == more["zakharova"]
    assert draft.stated_on == datetime.date(2034, 9, 14)


def test_someone_new_with_a_post_before_the_name_then_saying_is_proposed(more):  # noqa: F811
    found = drafts(
        "Canada's prime minister, Claire Tremblay, went further on Thursday, saying the assets "
        "should be transferred to a reconstruction fund.",
        SUNDAY,
    )
    draft = found["the assets should be transferred to a reconstruction fund"]
    assert draft.new_speaker.name == "Claire Tremblay"
    assert draft.stated_on == datetime.date(2034, 9, 14)


def test_something_happening_then_saying_is_no_ones_statement(more):  # noqa: F811
    found = drafts(
        "Russian forces struck the port of Odesa overnight, saying the strikes hit military "
        "targets only.",
        SUNDAY,
    )
    assert all(draft.suggested("speaker") is None for draft in found.values())


def test_a_spokesman_saying_the_president_is_ready_is_offered_with_the_party_filled_in(
    record,  # noqa: F811
):
    found = drafts(
        "Kremlin aide Yuri Ushakov said on Wednesday that President Vladimir Putin remained "
        "ready to order a 30-day halt to strikes on energy facilities. He added that the "
        "talks in Riyadh would go on.",
        SUNDAY,
    )
    relayed = only(found, "remained ready")
    # Putin's stance, or Ushakov's account of it: the editor decides.
    assert relayed.speaker is None
    assert offered(relayed, "speaker") == "Yuri Ushakov"
    assert "Vladimir Putin" in relayed.evidence["speaker"]
    assert relayed.party == record["russia"]
    assert relayed.stated_on == datetime.date(2034, 9, 13)
    # His own words after it are his, surely.
    assert only(found, "talks in Riyadh").speaker == record["ushakov"]


def test_a_spokesman_saying_what_his_side_will_do_is_still_the_speaker(record):  # noqa: F811
    found = drafts("Yuri Ushakov said on Wednesday that Russia was ready to talk.", SUNDAY)
    assert only(found, "Russia was ready to talk").speaker == record["ushakov"]


# -- which day --


def test_the_same_day_is_offered_as_the_day_the_text_gave_just_before(more):  # noqa: F811
    found = drafts(
        OPENING + "Moscow's answer came on Tuesday, in a statement of the defence ministry.\n\n"
        "Dmitry Peskov told reporters the same day that Russia saw no need for foreign "
        "inspectors. He said monitors were not needed.",
        SUNDAY,
    )
    draft = only(found, "Russia saw no need for foreign inspectors")
    # The day given last may be another event's: offered, not filled in.
    assert draft.stated_on is None
    assert draft.suggested("date") == datetime.date(2034, 9, 12)
    assert "“on Tuesday”" in draft.evidence["date"]
    assert only(found, "monitors were not needed").stated_on is None


@pytest.mark.parametrize(
    "text",
    [
        # A day in a quotation is no day the text gave.
        OPENING + '"We were attacked again on Tuesday," Zelenskyy told the leaders.\n\n'
        "Later that day, Dmitry Peskov said Russia saw no need for foreign inspectors.",
        # Not the day given before: another day, or the words' own.
        OPENING + "Moscow's answer came on Tuesday.\n\n"
        "Dmitry Peskov, speaking the same day as the Alaska summit, said Russia saw no need for "
        "foreign inspectors.",
        OPENING + "Moscow's answer came on Tuesday.\n\n"
        "A year ago on the same day, Dmitry Peskov said Russia saw no need for foreign "
        "inspectors.",
    ],
)
def test_the_same_day_offers_no_day_that_is_not_the_one_given_just_before(more, text):  # noqa: F811
    draft = only(drafts(text, SUNDAY), "Russia saw no need for foreign inspectors")
    assert draft.suggested("date") != datetime.date(2034, 9, 12)


def test_the_occasion_is_not_carried_into_a_paragraph_that_has_moved_on_to_another_day(
    record,  # noqa: F811
):
    found = drafts(
        OPENING + "By Tuesday, Volodymyr Zelenskyy had attached a condition of his own. "
        "Ukraine would sign, the president told parliament, but only with a clear American "
        "backstop.",
        SUNDAY,
    )
    draft = only(found, "Ukraine would sign")
    assert draft.stated_on != datetime.date(2034, 9, 11)
    assert draft.speaker == record["zelenskyy"]


def test_the_occasion_still_dates_a_paragraph_that_gives_no_other_day(record):  # noqa: F811
    found = drafts(
        OPENING + "Volodymyr Zelenskyy told parliament that Ukraine would sign only with a clear "
        "American backstop.",
        SUNDAY,
    )
    assert only(found, "Ukraine would sign").stated_on == datetime.date(2034, 9, 11)


def test_a_day_in_a_relative_clause_yields_to_the_day_of_the_verb(record):  # noqa: F811
    found = drafts(
        OPENING + "Volodymyr Zelenskyy, who joined the last half-hour of Monday's call, had "
        'welcomed the statement on Tuesday as "a real step". But in the same remarks he was '
        'clear that guarantees "as strong as Article 5" remained Ukraine\'s bottom line.',
        SUNDAY,
    )
    assert only(found, "bottom line").stated_on == datetime.date(2034, 9, 12)


def test_a_day_in_a_relative_clause_alone_is_still_offered(record):  # noqa: F811
    found = drafts(
        "Volodymyr Zelenskyy, who addressed the summit on Thursday, urged the leaders to decide "
        "on the assets without delay.",
        SUNDAY,
    )
    draft = only(found, "decide on the assets")
    assert draft.suggested("date") == datetime.date(2034, 9, 14)


def test_a_russian_minister_saying_the_president_is_ready_is_offered(record):  # noqa: F811
    found = drafts(
        "Сергей Лавров ответил, что президент России по-прежнему готов к встрече с Владимиром "
        "Зеленским, но лишь на финальном этапе.",
        SUNDAY,
    )
    draft = only(found, "готов к встрече")
    # The president's stance, or the minister's account of it: not filled in as his.
    assert draft.speaker is None
    assert draft.suggested("speaker") != record["lavrov"] or offered(draft, "speaker")


def test_a_russian_minister_saying_his_country_is_ready_is_still_the_speaker(record):  # noqa: F811
    found = drafts("Сергей Лавров ответил, что Россия готова к новому раунду переговоров.", SUNDAY)
    assert only(found, "готова к новому раунду").speaker == record["lavrov"]


def test_words_posted_in_a_telegram_channel_are_not_of_the_reports_occasion(more):  # noqa: F811
    found = drafts(
        "Сергей Лавров в четверг дал интервью телеканалу и заявил, что Москва готова к "
        "переговорам.\n\n"
        "Глава комитета Госдумы Леонид Слуцкий в своём Telegram-канале призвал Вашингтон "
        "обсуждать снятие санкций напрямую с Москвой.",
        datetime.date(2034, 6, 16),
    )
    draft = only(found, "обсуждать снятие санкций")
    assert draft.stated_on is None
    assert draft.suggested("speaker").name == "Леонид Слуцкий"


def test_a_transcripts_surname_label_is_the_new_person_named_in_full_before(more):  # noqa: F811
    found = drafts(
        "WASHINGTON — The spokesman, Daniel Whitford, told reporters on Monday that the "
        "United States would lead a monitoring mission.\n\n"
        "Q: Would that mean American personnel on the ground?\n\n"
        "MR. WHITFORD: No. There will be no U.S. troops in Ukraine.",
        datetime.date(2034, 10, 10),
    )
    assert only(found, "no U.S. troops").new_speaker.name == "Daniel Whitford"


def test_a_council_in_the_genitive_is_no_new_persons_name(more):  # noqa: F811
    found = drafts(
        "«Гарантии должны быть взаимными», — сказал Сергей Лавров, добавив, что гарантами "
        "могли бы выступить постоянные члены Совета Безопасности ООН.",
        SUNDAY,
    )
    assert all(
        draft.new_speaker is None or "Совета" not in draft.new_speaker.name
        for draft in found.values()
    )


# -- guards from a read-only review of these rules --


@pytest.mark.parametrize(
    "text",
    [
        # An outlet and its description are no person and no side.
        "Washington wants Ukraine to cede the rest of Donbas, Fox News, the U.S. broadcaster, "
        "reported on Wednesday.",
        "Russia will not accept European troops, Die Welt, the German daily, reported on Friday.",
        # A group, a newspaper or a theatre doing something, then "saying": no side speaks.
        "Russia's Baltic neighbours were alarmed on Friday, saying a ceasefire would only let "
        "Moscow rearm.",
        "Many Ukrainians are wary of the peace plan, saying it rewards Russia for its aggression.",
        "The Washington Post obtained a copy of the plan, saying it would require Ukraine to "
        "cede the rest of Donbas.",
        "Moscow's Bolshoi Theatre cancelled a tour of Europe on Monday, saying the peace talks "
        "had made travel impossible.",
    ],
)
def test_no_side_is_filled_in_for_an_outlet_or_a_group(more, text):  # noqa: F811
    assert all(draft.suggested("party") is None for draft in drafts(text, SUNDAY).values())


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyy was mocked by Vance on Friday, saying Ukraine had been ungrateful for "
        "American help.",
        "Zelenskyy flew to Berlin on Monday after Trump criticised him, saying Ukraine would "
        "have to accept the plan.",
    ],
)
def test_saying_after_anothers_deed_is_not_the_subjects(record, text):  # noqa: F811
    found = drafts(text, SUNDAY)
    assert all(draft.speaker != record["zelenskyy"] for draft in found.values())


def test_a_new_persons_description_that_is_no_post_gives_no_title(more):  # noqa: F811
    found = drafts(
        "Mykola Bielieskov, an analyst who previously advised the national security council, "
        "said on Friday that a ceasefire would favour Russia.",
        SUNDAY,
    )
    assert only(found, "a ceasefire would favour Russia").new_speaker.title == ""


def test_by_a_weekday_is_offered_as_that_day_or_before(record):  # noqa: F811
    found = drafts(
        "By Friday, Zelenskyy had said Ukraine would not accept the plan in its current form.",
        SUNDAY,
    )
    draft = only(found, "would not accept the plan")
    assert draft.stated_on is None
    assert draft.suggested("date") == datetime.date(2034, 9, 15)


def test_a_day_in_the_objects_own_clause_does_not_displace_the_relative_clauses(record):  # noqa: F811
    found = drafts(
        "Zelenskyy, who spoke to reporters in Kyiv on Tuesday, rejected the 28-point plan that "
        "Witkoff presented on Monday.",
        SUNDAY,
    )
    draft = only(found, "rejected the 28-point plan")
    assert draft.suggested("date") == datetime.date(2034, 9, 12)


def test_what_a_side_nobody_knows_remains_ready_for_is_still_the_speakers_words(more):  # noqa: F811
    found = drafts(
        "Emmanuel Macron said on Monday that Europe remained ready to deploy a reassurance "
        "force after a ceasefire.",
        SUNDAY,
    )
    assert only(found, "Europe remained ready").speaker.name == "Emmanuel Macron"


# -- the twenty-fourth round's rules, and a second review's guards --


def test_a_pronoun_after_a_colon_is_the_person_the_sentence_opens_with_not_the_paragraphs(
    record,  # noqa: F811
):
    found = drafts(
        "Kyiv. On 29 March Volodymyr Zelensky proposed a mutual halt to strikes on power "
        "plants. Sergei Lavrov framed it as a trap on Monday: a ceasefire first, he told "
        "Polish radio, and only then talks about territory.",
        SUNDAY,
    )
    draft = only(found, "a ceasefire first")
    assert draft.speaker == record["lavrov"]
    assert draft.stated_on == datetime.date(2034, 9, 11)


def test_what_a_speaker_did_then_insisting_gives_the_speakers_words(more):  # noqa: F811
    found = drafts(
        "Emmanuel Macron went further on Friday, insisting that the EU must have a seat at any "
        "table where sanctions are discussed.",
        SUNDAY,
    )
    draft = only(found, "must have a seat")
    assert draft.speaker.name == "Emmanuel Macron"
    assert draft.stated_on == datetime.date(2034, 9, 15)


def test_a_deputy_talking_to_the_newspaper_is_proposed_and_not_dated_by_the_occasion(more):  # noqa: F811
    found = drafts(
        "Президент Владимир Путин в пятницу провёл совещание с членами Совета Безопасности.\n\n"
        "Депутат Госдумы Вадим Селезнёв в беседе со «Столичным курьером» заявил, что выборы на "
        "Украине должны пройти до подписания мирного договора.\n\n"
        "Вместе с тем Селезнёв заявил, что Россия могла бы согласиться на наблюдательную миссию.",
        SUNDAY,
    )
    first = only(found, "выборы на Украине")
    assert first.suggested("speaker").name == "Вадим Селезнёв"
    assert first.stated_on is None
    assert only(found, "наблюдательную миссию").stated_on is None


def test_a_spokesman_quoting_what_the_president_needs_is_offered(record):  # noqa: F811
    record["putin"].other_names = "Владимир Путин"
    record["putin"].save()
    found = drafts(
        "Президент Владимир Путин провёл совещание. «Встреча ради встречи президенту не нужна», "
        "— сказал Юрий Ушаков.",
        SUNDAY,
    )
    draft = only(found, "Встреча ради встречи")
    assert draft.speaker is None
    assert offered(draft, "speaker") == "Yuri Ushakov"


@pytest.mark.parametrize(
    "text",
    [
        "Источник в Кремле сообщил, что Владимир Путин готов встретиться с Зеленским.",
        "Американский чиновник сообщил, что Владимир Путин готов к перемирию.",
    ],
)
def test_an_unnamed_source_on_what_a_leader_is_ready_for_fills_in_no_one(record, text):  # noqa: F811
    found = drafts(text, SUNDAY)
    assert all(draft.speaker is None for draft in found.values())


def test_a_russian_speaker_saying_a_leader_does_not_want_war_is_still_the_speaker(record):  # noqa: F811
    found = drafts("Сергей Лавров заявил, что Путин не хочет заканчивать войну.", SUNDAY)
    assert only(found, "не хочет").speaker == record["lavrov"]


def test_saying_after_anothers_deed_offers_the_subject_not_the_speaker_before(record):  # noqa: F811
    found = drafts(
        "Volodymyr Zelenskyy said on Monday that Ukraine would not cede Donbas. Vladimir Putin "
        "spoke after the Security Council meeting on Tuesday, saying Russia would take Donbas.",
        SUNDAY,
    )
    draft = only(found, "Russia would take Donbas")
    assert draft.speaker is None
    assert draft.suggested("speaker") != record["zelenskyy"]


def test_a_surname_label_two_people_share_is_no_one(more):  # noqa: F811
    found = drafts(
        "The spokesman, Daniel Whitford, told reporters on Monday that the United States would "
        "lead a monitoring mission. His wife, Laura Whitford, a former diplomat, said the plan "
        "was sound.\n\n"
        "Q: Would that mean American personnel on the ground?\n\n"
        "MR. WHITFORD: No. There will be no U.S. troops in Ukraine.",
        SUNDAY,
    )
    assert only(found, "no U.S. troops").new_speaker is None


def test_the_head_of_an_agency_named_after_the_words_is_the_speaker(more):  # noqa: F811
    found = drafts(
        "The plant must be run by one operator, Rafael Grossi, the head of the International "
        "Atomic Energy Agency, told reporters on Wednesday.",
        SUNDAY,
    )
    assert only(found, "run by one operator").new_speaker.name == "Rafael Grossi"


# -- the twenty-fifth round's rules --


def test_what_the_president_indicated_in_a_meeting_told_to_a_committee_is_his(record):  # noqa: F811
    found = drafts(
        "He also told the committee that President Vladimir Putin, in their meeting last month, "
        "had indicated that Russia could accept an unarmed observer mission.",
        SUNDAY,
    )
    assert only(found, "unarmed observer mission").speaker == record["putin"]


def test_a_post_on_x_ends_its_sentence(record):  # noqa: F811
    found = drafts(
        '"Ukraine will not hand over land it controls," Yuri Ushakov wrote on X. Vladimir '
        "Putin, he added, was ready to meet Zelenskyy in any format.",
        SUNDAY,
    )
    draft = only(found, "ready to meet Zelenskyy")
    # The president's readiness in his aide's words: offered, not filled in.
    assert draft.speaker is None
    assert offered(draft, "speaker") == "Yuri Ushakov"


def test_the_presidents_aide_named_by_his_post_is_still_the_speaker(record):  # noqa: F811
    found = drafts(
        "Putin's foreign policy aide, Yuri Ushakov, said after Monday's meeting that Russia's "
        "demand for a withdrawal from Donbas remained unchanged.",
        SUNDAY,
    )
    assert only(found, "remained unchanged").speaker == record["ushakov"]


def test_a_russian_comment_on_anothers_words_is_the_commenters(more):  # noqa: F811
    found = drafts(
        "Во вторник Кая Каллас заявила, что активы должны работать на Украину. «Чужие деньги — "
        "не ресурс Брюсселя», — прокомментировала ее слова Мария Захарова.",
        SUNDAY,
    )
    assert only(found, "Чужие деньги").speaker == more["zakharova"]


def test_she_recalled_that_the_minister_confirmed_gives_the_minister(more):  # noqa: F811
    found = drafts(
        "Мария Захарова заявила, что Москва ждёт ответа.\n\n"
        "Она напомнила, что министр иностранных дел Сергей Лавров на прошлой неделе подтвердил "
        "готовность России провести новый раунд переговоров в Стамбуле.",
        SUNDAY,
    )
    assert only(found, "новый раунд переговоров").speaker == more["lavrov"]
