"""More of the extraction's rules, each on a short constructed report (test texts, not real
articles): events over several days, Russian and Ukrainian reporting, agencies relaying a
statement, interviews' dates, and words between a speaker and the verb."""

import datetime

import pytest

from tests.extraction_drafts import drafts_of
from tests.factories import PartyFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    russia = PartyFactory(
        slug="russia", name="Russian Federation", short_name="Russia",
        other_names="Moscow\nthe Kremlin\nRussian\nРоссия\nМосква",
    )  # fmt: skip
    france = PartyFactory(slug="france", name="France", other_names="Paris\nFrench")
    zakharova = PersonFactory(name="Maria Zakharova", other_names="Мария Захарова\nЗахарова")
    RoleFactory(person=zakharova, party=russia, title="Foreign Ministry spokeswoman")
    peskov = PersonFactory(name="Dmitry Peskov", other_names="Дмитрий Песков\nПесков")
    RoleFactory(person=peskov, party=russia, title="Kremlin spokesman")
    macron = PersonFactory(name="Emmanuel Macron")
    RoleFactory(person=macron, party=france, title="President")
    return {"russia": russia, "zakharova": zakharova, "peskov": peskov, "macron": macron}


def drafts(text: str, published=datetime.date(2025, 12, 19), language="en"):
    return drafts_of(text, published, language)


# -- events over several days --


def test_a_statement_at_a_summit_of_two_days_with_no_day_of_its_own_stays_blank(record):
    # 19 December 2025 is a Friday.
    found = drafts(
        "BRUSSELS, Dec 19 (Example Wire) — EU leaders agreed at a summit that ended early on "
        "Friday to lend Ukraine money.\n\n"
        "French President Emmanuel Macron said the assets would stay frozen."
    )
    draft = found["the assets would stay frozen"]
    assert draft.stated_on is None
    assert draft.evidence["date"].startswith("Left blank: the summit")
    assert "more than one day" in draft.evidence["date"]


def test_the_same_event_dated_another_day_elsewhere_makes_it_span_days(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Leaders met at a summit in Paris on Friday.\n\n"
        "Macron said Europe needed a seat at the table.\n\n"
        "Zakharova, who spoke after the summit on Thursday evening, gave no view."
    )
    assert found["Europe needed a seat at the table"].stated_on is None


def test_a_one_day_summit_still_dates_its_statements(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Leaders met at a summit in Paris on Thursday.\n\n"
        "Macron said Europe needed a seat at the table."
    )
    assert found["Europe needed a seat at the table"].suggested("date") == datetime.date(
        2025, 12, 18
    )


# -- Russian and Ukrainian reports --


def test_a_russian_wire_attributes_the_sentence_before_об_этом_заявила(record):
    # 12 November 2025 is a Wednesday.
    found = drafts(
        "МОСКВА, 12 ноября. Россия не допустит размещения на Украине военных контингентов "
        "стран НАТО. Об этом заявила в среду официальный представитель МИД РФ Мария Захарова.\n\n"
        "По ее словам, разговоры о так называемой коалиции лишь затягивают конфликт.",
        published=datetime.date(2025, 11, 12),
        language="ru",
    )
    first = found["Россия не допустит размещения на Украине военных контингентов стран НАТО"]
    assert (
        first.suggested("speaker") == record["zakharova"]
        and first.suggested("party") == record["russia"]
    )
    assert first.suggested("date") == datetime.date(2025, 11, 12)
    assert "в среду" in first.evidence["date"]
    words = found["разговоры о так называемой коалиции лишь затягивают конфликт"]
    assert words.suggested("speaker") == record["zakharova"]


def test_об_этом_opening_the_next_paragraph_with_the_speaker_first_attributes_the_lead(record):
    # 12 November 2025 is a Wednesday.
    found = drafts(
        "МОСКВА, 12 ноября. Россия не допустит размещения на Украине военных контингентов "
        "стран НАТО.\n\n"
        "Об этом официальный представитель МИД РФ Мария Захарова заявила во вторник.\n\n"
        "«Любые контингенты будут для нас законной целью», — сказала дипломат.",
        published=datetime.date(2025, 11, 12),
        language="ru",
    )
    lead = found["Россия не допустит размещения на Украине военных контингентов стран НАТО"]
    assert lead.suggested("speaker") == record["zakharova"]
    assert lead.suggested("date") == datetime.date(2025, 11, 11)
    quote = found["Любые контингенты будут для нас законной целью"]
    assert quote.suggested("speaker") == record["zakharova"]
    assert quote.suggested("date") == datetime.date(2025, 11, 11)


def test_a_russian_verb_with_что_and_a_quote_with_сказала_are_attributed(record):
    found = drafts(
        "Пресс-секретарь президента России Дмитрий Песков ранее заявил журналистам, что "
        "вопрос о выборах является внутренним делом Украины.\n\n"
        "Захарова также заявила, что Москва готова продолжить обмен пленными. «Любые "
        "иностранные контингенты будут для нас законной целью», — сказала дипломат.",
        published=datetime.date(2025, 11, 12),
        language="ru",
    )
    peskov = found["вопрос о выборах является внутренним делом Украины"]
    assert peskov.speaker == record["peskov"]
    # "ранее", earlier: no day.
    assert peskov.stated_on is None and peskov.evidence["date"].startswith("Left blank")
    assert found["Москва готова продолжить обмен пленными"].speaker == record["zakharova"]
    quoted = found["Любые иностранные контингенты будут для нас законной целью"]
    assert quoted.speaker == record["zakharova"]


def test_a_ukrainian_report_reads_заявив_and_за_його_словами(record):
    # 14 November 2025 is a Friday; "у четвер" is the day before.
    found = drafts(
        "У четвер Дмитро Песков заявив, що Москва не змінила своєї позиції.\n\n"
        "За його словами, переговори можуть продовжитися найближчим часом.",
        published=datetime.date(2025, 11, 14),
        language="uk",
    )
    first = found["Москва не змінила своєї позиції"]
    # The Ukrainian spelling of his first name; the surname alone is his.
    assert first.suggested("speaker") == record["peskov"]
    assert first.suggested("date") == datetime.date(2025, 11, 13)
    assert found["переговори можуть продовжитися найближчим часом"].suggested(
        "date"
    ) == datetime.date(2025, 11, 13)


# -- who said it --


def test_a_speaker_an_agency_relays_is_the_speaker_and_the_agency_the_reporter(record):
    # 16 October 2025 is a Thursday.
    found = drafts(
        "Kremlin spokesman Dmitry Peskov said Moscow saw no point in a partial truce, the "
        "Example news agency reported on Thursday.",
        published=datetime.date(2025, 10, 16),
    )
    draft = found["Moscow saw no point in a partial truce"]
    assert (
        draft.suggested("speaker") == record["peskov"]
        and draft.suggested("party") == record["russia"]
    )
    assert draft.suggested("date") == datetime.date(2025, 10, 16)


def test_an_aside_between_the_speaker_and_the_verb_is_skipped(record):
    # 2 June 2025 is a Monday.
    found = drafts(
        "Foreign Ministry spokeswoman Maria Zakharova, quoted by a daily on Saturday, said "
        "Moscow would not accept foreign troops.\n\n"
        "French President Emmanuel Macron, whose country hosted the talks, said Europe must "
        "be at the table.",
        published=datetime.date(2025, 6, 2),
    )
    quoted = found["Moscow would not accept foreign troops"]
    assert quoted.speaker == record["zakharova"]
    assert quoted.stated_on == datetime.date(2025, 5, 31)
    assert found["Europe must be at the table"].speaker == record["macron"]


def test_words_one_person_told_another_are_the_first_persons_and_left_undated(record):
    # 5 December 2025 is a Friday: the day Peskov relayed them, not the day they were said.
    found = drafts(
        "MOSCOW, Dec 5 (Example Wire) — Russian President Vladimir Putin told U.S. envoy Steve "
        "Witkoff that Moscow would not sign the deal, Kremlin spokesman Dmitry Peskov told "
        "reporters on Friday.\n\n"
        "Putin had also said Russia was open to an exchange of prisoners, Peskov said.",
        published=datetime.date(2025, 12, 5),
    )
    first = found["Moscow would not sign the deal"]
    # Putin is not in this record: proposed as a new speaker.
    assert (
        first.suggested("speaker") is not None
        and first.suggested("speaker").name == "Vladimir Putin"
    )
    assert (
        first.suggested("date") is None
        and "dates Dmitry Peskov's account" in first.evidence["date"]
    )
    second = found["Russia was open to an exchange of prisoners"]
    assert (
        second.suggested("speaker") is not None
        and second.suggested("speaker").name == "Vladimir Putin"
    )


def test_a_speaker_an_outlet_relays_keeps_the_day_between_verb_and_that(record):
    found = drafts(
        "Kremlin spokesman Dmitry Peskov said on Thursday that Moscow had rejected the plan, "
        "the Example Daily reported.",
        published=datetime.date(2025, 12, 5),
    )
    draft = found["Moscow had rejected the plan"]
    assert draft.suggested("speaker") == record["peskov"]
    assert draft.suggested("date") == datetime.date(2025, 12, 4)


def test_who_was_told_something_is_not_who_said_it(record):
    found = drafts(
        "French officials were told that Russia would not accept the plan, two people familiar "
        "with the talks said.",
    )
    draft = found["Russia would not accept the plan"]
    assert draft.speaker is None and draft.party is None


# -- interviews --


def test_an_interviews_answers_take_the_day_the_outlet_spoke_to_the_interviewee(record):
    # 9 December 2025 is a Tuesday.
    found = drafts(
        "Macron on Europe's seat at the table\n\n"
        "PARIS — Emmanuel Macron has hosted two summits this year. We spoke to him in Paris on "
        "Monday.\n\n"
        "Q: Will Europe be at the table?\n\n"
        "A: Europe must have its own seat at any negotiating table on Ukraine.",
        published=datetime.date(2025, 12, 9),
    )
    draft = found["Europe must have its own seat at any negotiating table on Ukraine."]
    assert draft.suggested("speaker") == record["macron"]
    assert draft.suggested("date") == datetime.date(2025, 12, 8)
    assert "on Monday" in draft.evidence["date"]


def test_a_name_in_cyrillic_finds_the_person_the_record_spells_in_latin(record):
    ukraine = PartyFactory(slug="ukraine", name="Ukraine")
    zelenskyy = PersonFactory(name="Volodymyr Zelenskyy")
    RoleFactory(person=zelenskyy, party=ukraine, title="President")
    found = drafts(
        "Президент Володимир Зеленський у середу заявив, що Україна готова до обміну "
        "полоненими.\n\n"
        "Речник Кремля Дмитро Пєсков раніше заявив, що Москва не бачить сенсу у перемир'ї.",
        published=datetime.date(2025, 11, 20),
        language="uk",
    )
    first = found["Україна готова до обміну полоненими"]
    assert first.speaker == zelenskyy and first.party == ukraine
    assert first.stated_on == datetime.date(2025, 11, 19)
    # Ukrainian "Пєсков" for the record's Russian "Песков" and Latin "Peskov".
    assert found["Москва не бачить сенсу у перемир'ї"].speaker == record["peskov"]


# -- transcripts, relayed words and new subjects (constructed texts) --


def test_a_transcripts_label_names_the_speaker_of_its_turn_and_questions_state_nothing(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Excerpts from the news conference.\n\n"
        "QUESTION (Example Television): Will France send troops to Ukraine?\n\n"
        "MACRON: We are ready to lead a reassurance force after a ceasefire.\n\n"
        "PESKOV: European troops in Ukraine would be unacceptable to Moscow."
    )
    assert "Will France send troops to Ukraine?" not in found
    france = found["We are ready to lead a reassurance force after a ceasefire."]
    assert france.speaker == record["macron"] and france.party.slug == "france"
    assert "label “MACRON”" in france.evidence["speaker"]
    russia = found["European troops in Ukraine would be unacceptable to Moscow."]
    assert russia.speaker == record["peskov"]


def test_words_an_aide_says_his_leader_told_someone_are_the_leaders(record):
    putin = PersonFactory(name="Vladimir Putin")
    RoleFactory(person=putin, party=record["russia"], title="President")
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Kremlin spokesman Dmitry Peskov told reporters that "
        "Vladimir Putin had told the French envoy during their meeting in the Kremlin last "
        "week that Russia would not accept European troops in Ukraine. He added that talks "
        "could resume in January."
    )
    relayed = found["Russia would not accept European troops in Ukraine"]
    # The original speaker is filled in; the day he told the envoy is not given.
    assert relayed.speaker == putin and relayed.kinds["speaker"] == "relayed-named"
    assert relayed.party == record["russia"] and relayed.stated_on is None
    # "He" is the aide who spoke, not the leader whose words he relayed.
    assert found["talks could resume in January"].speaker == record["peskov"]


def test_a_continued_statement_is_not_carried_over_a_person_named_in_apposition(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Macron said on Friday that Europe would act.\n\n"
        "Macron said France was ready. His foreign minister, Jean-Noel Barrot, went further, "
        "telling a newspaper that troops without a U.S. backstop would be irresponsible."
    )
    draft = next(d for q, d in found.items() if "backstop" in q)
    assert draft.speaker is None
    assert "Jean-Noel Barrot" in draft.evidence["speaker"]


def test_the_second_speaker_of_a_sentence_after_and_on_a_weekday_has_the_second_claim(record):
    zakharova = record["zakharova"]
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Maria Zakharova said on Wednesday that Western "
        "troops would be targets, and on Friday Dmitry Peskov repeated that the Kremlin saw "
        "no place for a European contingent."
    )
    assert found["Western troops would be targets"].speaker == zakharova
    assert found["the Kremlin saw no place for a European contingent"].speaker == record["peskov"]


def test_a_side_named_by_its_plural_demonym_is_the_original_of_relayed_words(record):
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Peskov said the French had promised to keep talking."
    )
    draft = found["the French had promised to keep talking"]
    assert draft.speaker is None
    assert draft.party.slug == "france" and draft.kinds["party"] == "relayed-subject"


def test_a_day_the_same_speaker_gave_just_above_is_filled_in_with_its_reason(record):
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Dmitry Peskov said on Wednesday that talks would "
        "resume in January.\n\n"
        "Peskov said Moscow would not accept a freeze of the front line."
    )
    draft = found["Moscow would not accept a freeze of the front line"]
    assert draft.stated_on == datetime.date(2025, 12, 17)
    assert draft.kinds["date"] == "speaker-above" and not draft.offers


def test_the_day_of_the_talks_the_report_opens_with_is_filled_in_for_statements_at_them(record):
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Russia and France held talks in Moscow on Thursday.\n\n"
        "Peskov said Moscow would not accept a freeze of the front line.\n\n"
        "The talks came a day after Zakharova said Russia would respond to any seizure of "
        "its assets."
    )
    at_the_talks = found["Moscow would not accept a freeze of the front line"]
    assert at_the_talks.stated_on == datetime.date(2025, 12, 18)
    assert at_the_talks.kinds["date"] == "occasion" and not at_the_talks.offers
    assert "the occasion the report opens with" in at_the_talks.evidence["date"]
    # Said the day before the talks: not their day, and no other day is given.
    before = found["Russia would respond to any seizure of its assets"]
    assert before.speaker == record["zakharova"]
    assert before.stated_on is None and not before.offers
    assert "another occasion" in before.evidence["date"]


def test_an_interview_is_with_the_person_its_introduction_opens_with_not_one_it_mentions(record):
    putin = PersonFactory(name="Vladimir Putin")
    RoleFactory(person=putin, party=record["russia"], title="President")
    found = drafts(
        "Barrot: “Europe will not be a spectator”\n\n"
        "France's foreign minister on the reassurance force and what Putin told Macron\n\n"
        "PARIS — Jean-Noël Barrot has been France's foreign minister for two years. We spoke "
        "to him on Friday.\n\n"
        "Q: Is Europe being left out?\n\n"
        "A: Europe will not be a spectator at its own peace, and Europeans must be at the "
        "table.\n\n"
        "Q: What did President Macron hear in August?\n\n"
        "A: On the phone on August 21, Putin told Macron that Russia would never accept "
        "European soldiers in Ukraine. France is ready to lead the reassurance force after a "
        "ceasefire."
    )
    own = found[
        "Europe will not be a spectator at its own peace, and Europeans must be at the table."
    ]
    # Someone the record lacks, named in the introduction and the headline: a new person,
    # with the party of the introduction.
    assert own.speaker is None
    assert (own.new_speaker.name, own.new_speaker.title) == ("Jean-Noël Barrot", "Foreign Minister")
    assert own.party.slug == "france"
    # An answer that names whose words it gives is theirs, dated as it says.
    told = found["Russia would never accept European soldiers in Ukraine"]
    assert told.speaker == putin and told.stated_on == datetime.date(2025, 8, 21)
    ready = found["France is ready to lead the reassurance force after a ceasefire."]
    assert ready.speaker is None and ready.new_speaker.name == "Jean-Noël Barrot"


def test_whom_a_speaker_told_is_skipped_up_to_that_and_the_day_between_kept(record):
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Dmitry Peskov told a business forum in St Petersburg "
        "on Wednesday that American companies were ready to return to Russia."
    )
    draft = found["American companies were ready to return to Russia"]
    assert draft.speaker == record["peskov"]
    assert draft.stated_on == datetime.date(2025, 12, 17)


def test_a_date_a_statement_speaks_of_or_a_relative_clause_recalls_is_not_its_own(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Macron also proposed a halt to strikes on energy "
        "infrastructure from January 1.\n\n"
        "Maria Zakharova, who announced on December 2 that Moscow would respond, told a "
        "briefing on Thursday that the assets were untouchable."
    )
    proposed = next(draft for quote, draft in found.items() if "a halt to strikes" in quote)
    assert proposed.stated_on is None
    briefing = found["the assets were untouchable"]
    assert briefing.stated_on == datetime.date(2025, 12, 18)


def test_words_relayed_from_the_person_a_relative_clause_names_are_that_persons(record):
    lavrov = PersonFactory(name="Sergei Lavrov", other_names="Sergey Lavrov")
    RoleFactory(person=lavrov, party=record["russia"], title="Foreign Minister")
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Macron said he had spoken by phone on Monday with "
        "Russian Foreign Minister Sergey Lavrov, who told him that Moscow was ready for talks "
        "in Istanbul."
    )
    draft = found["Moscow was ready for talks in Istanbul"]
    assert draft.speaker == lavrov and draft.kinds["speaker"] == "relayed-named"
    assert draft.party == record["russia"]
    # When Lavrov said it, the article dates only through Macron's account: left blank.
    assert draft.stated_on is None


# -- Russian and Ukrainian reports: stances, relayed words, names in other alphabets --


def test_a_russian_об_этом_with_a_day_and_whom_before_the_verb_is_attributed(record):
    found = drafts(
        "МОСКВА, 18 декабря. /Пример-Новости/. Кремль не видит смысла в прекращении огня без "
        "решения вопроса о территориях. Об этом в четверг заявил журналистам пресс-секретарь "
        "президента России Дмитрий Песков.",
        language="ru",
    )
    (draft,) = found.values()
    assert draft.quote.startswith("Кремль не видит смысла")
    assert draft.speaker == record["peskov"]
    assert draft.stated_on == datetime.date(2025, 12, 18)


def test_russian_stances_are_each_a_statement_from_its_verb(record):
    found = drafts(
        "МОСКВА, 19 декабря. /Пример-Новости/. Официальный представитель МИД России Мария "
        "Захарова назвала планы Брюсселя по использованию замороженных активов «воровством» и "
        "пообещала «жесткий ответ».",
        language="ru",
    )
    called = found["назвала планы Брюсселя по использованию замороженных активов «воровством»"]
    assert called.speaker == record["zakharova"] and called.party == record["russia"]
    assert found["пообещала «жесткий ответ»"].speaker == record["zakharova"]


def test_words_an_aide_relays_in_russian_are_the_named_speakers_or_left_blank(record):
    ushakov = PersonFactory(name="Yuri Ushakov")
    RoleFactory(person=ushakov, party=record["russia"], title="Presidential aide")
    us = PartyFactory(slug="united-states", name="United States", other_names="Washington")
    trump = PersonFactory(name="Donald Trump")
    RoleFactory(person=trump, party=us, title="President")
    found = drafts(
        "МОСКВА, 19 декабря. /Пример-Новости/. Российский лидер также предложил провести новый "
        "обмен пленными по формуле «тысяча на тысячу», добавил Ушаков.\n\n"
        "По словам Ушакова, Трамп в ходе беседы заявил, что Вашингтон не будет навязывать "
        "сторонам сроки урегулирования.",
        language="ru",
    )
    # "The Russian leader", described, not named: not the aide's words, and no one is guessed.
    described = next(d for q, d in found.items() if "обмен пленными" in q)
    assert described.speaker is None and not described.offers
    assert "Российский лидер" in described.evidence["speaker"]
    # "Трамп" is the Donald Trump of the record; Ushakov only relays his words.
    relayed = found["Вашингтон не будет навязывать сторонам сроки урегулирования"]
    assert relayed.speaker == trump and relayed.kinds["speaker"] == "relayed-named"
    assert relayed.party == us


def test_a_ukrainian_spokesman_relaying_the_presidents_words_is_not_their_speaker(record):
    ukraine = PartyFactory(slug="ukraine", name="Ukraine", other_names="Київ\nУкраїна")
    zelenskyy = PersonFactory(name="Volodymyr Zelenskyy", other_names="Volodymyr Zelensky")
    RoleFactory(person=zelenskyy, party=ukraine, title="President")
    found = drafts(
        "КИЇВ, 19 грудня. /Вісті-Приклад/. Президент України Володимир Зеленський готовий "
        "зустрітися з Путіним у будь-якому форматі. Про це у п'ятницю повідомив речник "
        "президента Сергій Никифоров, переказавши слова глави держави.",
        language="uk",
    )
    (draft,) = found.values()
    assert draft.speaker == zelenskyy and draft.party == ukraine
    assert draft.kinds["speaker"] == "relayed-named"


def test_an_aside_relaying_a_leaders_words_gives_them_to_the_leader(record):
    putin = PersonFactory(name="Vladimir Putin")
    RoleFactory(person=putin, party=record["russia"], title="President")
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Ukrainian forces, Peskov said Putin had told the "
        "American envoy, would first have to leave the parts of Donbas they still hold."
    )
    draft = next(d for q, d in found.items() if "leave the parts of Donbas" in q)
    assert draft.speaker == putin and draft.kinds["speaker"] == "relayed-named"


# -- asides, datelines and new names --


def test_he_in_a_transcripts_turn_is_the_person_just_named_never_the_turns_speaker(record):
    putin = PersonFactory(name="Vladimir Putin")
    RoleFactory(person=putin, party=record["russia"], title="President")
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Excerpts from the interview.\n\n"
        "QUESTION: Will sanctions be lifted?\n\n"
        "MACRON: Some of them, in phases. Putin raised that. He told me the banking "
        "restrictions had to go in the first phase.\n\n"
        "QUESTION: And Kyiv?\n\n"
        "MACRON: Nothing yet. He told me nothing about the talks would change soon."
    )
    relayed = found["the banking restrictions had to go in the first phase"]
    assert relayed.speaker == putin and relayed.kinds["speaker"] == "pronoun-mentioned/named"
    # No one named just before: "he" is someone else, whom the editor names.
    unnamed = found["nothing about the talks would change soon"]
    assert unnamed.speaker is None and unnamed.party is None
    assert "someone else" in unnamed.evidence["speaker"]


def test_said_according_to_a_newspaper_that_reads_the_words_after_that(record):
    putin = PersonFactory(name="Vladimir Putin")
    RoleFactory(person=putin, party=record["russia"], title="President")
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Macron also said, according to the FT, that Putin had "
        "told him in January that he could accept international monitors in such a zone."
    )
    draft = found["he could accept international monitors in such a zone"]
    assert draft.speaker == putin and draft.kinds["speaker"] == "relayed-named"


def test_the_day_of_a_relative_clause_the_statement_is_not_in_is_only_offered(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Maria Zakharova, who said on Tuesday that talks were "
        "frozen, told a briefing that Europe had no role in them.\n\n"
        "Dmitry Peskov, who returned from Geneva on Thursday, told reporters that a deal was "
        "still far off."
    )
    # Her own words in the relative clause: that day is theirs.
    assert found["talks were frozen"].stated_on == datetime.date(2025, 12, 16)
    returned = found["a deal was still far off"]
    assert returned.stated_on is None
    (offer,) = [offer for offer in returned.offers if offer.field == "date"]
    assert offer.value == datetime.date(2025, 12, 18) and offer.kind.endswith("-relative")


def test_another_official_of_the_same_party_does_not_take_the_partys_date_above(record):
    found = drafts(
        "MOSCOW/KYIV, Dec. 19 — Russia's Foreign Ministry said on Thursday that European troops "
        "would be a threat.\n\n"
        "A senior Russian diplomat told the Monitor that Moscow could accept unarmed observers."
    )
    ministry = found["European troops would be a threat"]
    assert ministry.stated_on == datetime.date(2025, 12, 18)
    diplomat = found["Moscow could accept unarmed observers"]
    assert diplomat.stated_on is None
    assert [offer.kind for offer in diplomat.offers if offer.field == "date"] == ["party-above"]


def test_a_dateline_naming_two_cities_is_no_date_of_a_statement(record):
    found = drafts(
        "MOSCOW/KYIV, Dec. 19 — Russia's Foreign Ministry said European troops would be a threat."
    )
    assert found["European troops would be a threat"].stated_on is None


def test_a_new_persons_name_stops_before_a_possessive_and_an_acronym(record):
    found = drafts(
        "WARSAW, Dec 19 (Example Wire) — Radosław Sikorski, Poland's foreign minister, said on "
        "Friday that Europe should have a seat at any talks.\n\n"
        "Речник МЗС Георгій Тихий у п'ятницю повідомив, що Україна очікує рішення ЄС до "
        "кінця півріччя."
    )
    assert found["Europe should have a seat at any talks"].new_speaker.name == "Radosław Sikorski"
    ukrainian = found["Україна очікує рішення ЄС до кінця півріччя"]
    # Offered, not filled in: names in Cyrillic are read by weaker rules.
    assert ukrainian.new_speaker is None
    assert ukrainian.suggested("speaker").name == "Георгій Тихий"


def test_a_news_conference_named_at_length_before_its_day_is_the_occasion_but_later_is_not(
    record,
):
    found = drafts(
        "KYIV, Dec 19 (Example Wire) — Emmanuel Macron said at a joint news conference with the "
        "Ukrainian president in Kyiv on Thursday that Europe must be at the table.\n\n"
        "Maria Zakharova said Moscow would not accept European troops.\n\n"
        "France would keep up its deliveries, an Elysee spokesman said later."
    )
    at_it = found["Moscow would not accept European troops"]
    assert at_it.stated_on == datetime.date(2025, 12, 18) and at_it.kinds["date"] == "occasion"
    later = found["France would keep up its deliveries"]
    assert later.stated_on is None and not [o for o in later.offers if o.field == "date"]


def test_a_transcripts_broadcast_dates_its_speakers_own_words_not_what_others_told_them(record):
    found = drafts(
        "Transcript: President Emmanuel Macron on Example Sunday, Dec. 14\n\n"
        "The following is a transcript of an interview with President Emmanuel Macron that "
        "aired Sunday, Dec. 14, 2025, on “Example Sunday.” It may contain errors.\n\n"
        "HOST: What did the Kremlin tell you?\n\n"
        "MACRON: We have told both sides that Paris is ready to host the talks. Peskov told me "
        "that Moscow would send a delegation.",
        published=datetime.date(2025, 12, 14),
    )
    own = found["Paris is ready to host the talks"]
    assert own.speaker == record["macron"]
    assert own.stated_on == datetime.date(2025, 12, 14) and own.kinds["date"] == "occasion"
    told = found["Moscow would send a delegation"]
    assert told.speaker == record["peskov"] and told.stated_on is None


def test_a_news_conference_the_lead_speaks_at_after_its_words_is_the_occasion(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Emmanuel Macron said on Thursday that Europe would "
        "lead a reassurance force once a ceasefire had held for ninety days, speaking at a "
        "joint news conference with the Ukrainian president.\n\n"
        "Maria Zakharova said Moscow would not accept European troops."
    )
    at_it = found["Moscow would not accept European troops"]
    assert at_it.stated_on == datetime.date(2025, 12, 18) and at_it.kinds["date"] == "occasion"


def test_a_live_pages_entries_offer_its_day_for_statements_that_give_none(record):
    found = drafts(
        "Ukraine war live: talks in Geneva\n\n"
        "18:40\nWe're closing this live page for today.\n\n"
        "17:55 — Peskov speaks\nDmitry Peskov told reporters that the talks had been "
        "“substantive”.\n\n"
        "17:10 — Zakharova\nMaria Zakharova said on Monday that Moscow's position had not "
        "changed."
    )
    entry = found["the talks had been “substantive”"]
    assert entry.stated_on is None
    ((offer),) = [offer for offer in entry.offers if offer.field == "date"]
    assert offer.value == datetime.date(2025, 12, 19) and offer.kind == "live-page"
    assert "an entry of a live page" in offer.evidence
    # A day the entry gives is its own.
    assert found["Moscow's position had not changed"].stated_on == datetime.date(2025, 12, 15)


def test_an_interview_whose_questions_are_paragraphs_of_their_own_gives_the_answers(record):
    lavrov = PersonFactory(name="Sergei Lavrov")
    RoleFactory(person=lavrov, party=record["russia"], title="Foreign Minister")
    found = drafts(
        "Macron: “Europe will not be a spectator”\n\n"
        "PARIS — Emmanuel Macron receives visitors in a quiet office. We spoke on Thursday. The "
        "conversation has been condensed and lightly edited.\n\n"
        "What is blocking a ceasefire?\n\n"
        "Russia. We have put a simple offer on the table and Moscow answers with demands.\n\n"
        "What does Moscow want?\n\n"
        "Mr Lavrov repeats in every interview that Ukraine must accept the realities on the "
        "ground.\n\n"
        "Will Europe send troops?\n\n"
        "France is ready to lead a reassurance force after a ceasefire.\n\n"
        "Macron flies to Brussels next week for a meeting of the European Council."
    )
    assert "What is blocking a ceasefire?" not in found
    answer = found["France is ready to lead a reassurance force after a ceasefire."]
    assert answer.speaker == record["macron"] and answer.kinds["speaker"] == "interviewee"
    assert answer.stated_on == datetime.date(2025, 12, 18)
    relayed = found["Ukraine must accept the realities on the ground"]
    assert relayed.speaker == lavrov
    # The closing note speaks of him: no answer of his.
    assert not any("flies to Brussels" in quote for quote in found)


def test_a_title_with_of_the_is_no_part_of_a_new_persons_name(record):
    found = drafts(
        "LONDON, Dec 19 (Example Wire) — Chancellor of the Exchequer Rachel Reeves said on "
        "Friday that the UK would begin lending to Kyiv."
    )
    assert found["the UK would begin lending to Kyiv"].new_speaker.name == "Rachel Reeves"


def test_a_russian_gerund_clause_and_a_ukrainian_conversation_partner_are_not_the_subject(
    record,
):
    ukraine = PartyFactory(slug="ukraine", name="Ukraine", other_names="Україна\nУкраину")
    turkey = PartyFactory(slug="turkey", name="Turkey", other_names="Анкара")
    fidan = PersonFactory(name="Hakan Fidan")
    RoleFactory(person=fidan, party=turkey, title="Foreign Minister")
    sybiha = PersonFactory(name="Andrii Sybiha")
    RoleFactory(person=sybiha, party=ukraine, title="Foreign Minister")
    russian = drafts(
        "МОСКВА, 19 декабря. /Пример-Новости/. Дмитрий Песков заявил, что переговоры "
        "продолжатся.\n\n"
        "Комментируя заявления европейских столиц о готовности направить на Украину войска, "
        "пресс-секретарь подчеркнул: «Любое присутствие военных НАТО для нас неприемлемо»."
    )
    troops = russian["Любое присутствие военных НАТО для нас неприемлемо"]
    assert troops.party != ukraine
    assert troops.speaker in (None, record["peskov"])
    ukrainian = drafts(
        "КИЇВ, 19 грудня. Міністр закордонних справ Туреччини Хакан Фідан під час телефонної "
        "розмови з Андрієм Сибігою підтвердив, що Анкара готова прийняти зустріч лідерів."
    )
    (hosting,) = [d for q, d in ukrainian.items() if "Анкара готова" in q]
    assert hosting.speaker == fidan


def test_a_newsletters_colon_and_american_quotes_attribute_the_words(record):
    found = drafts(
        "Good Friday morning.\n\n"
        'Peskov was blunter on sanctions: relief "comes after signatures, not before."\n\n'
        "Any deal on Ukraine's forces \"is a deal on Europe's security, so Europe signs it "
        'too," Zakharova told reporters in Moscow on Thursday.'
    )
    colon = found['relief "comes after signatures, not before."']
    assert colon.speaker == record["peskov"]
    american = next(d for q, d in found.items() if q.startswith("Any deal on Ukraine's forces"))
    assert american.speaker == record["zakharova"]
    assert american.stated_on == datetime.date(2025, 12, 18)


def test_an_approximate_day_carried_from_the_same_speaker_is_only_offered(record):
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Dmitry Peskov said late last week that talks would "
        "resume.\n\n"
        "Peskov said Moscow would not accept a freeze of the front line."
    )
    draft = found["Moscow would not accept a freeze of the front line"]
    assert draft.stated_on is None
    assert [o.kind for o in draft.offers if o.field == "date"] == ["speaker-above-approximate"]


def test_circumstances_after_a_statement_are_left_out_of_its_quote(record):
    found = drafts(
        "MOSCOW, Dec 19 (Example Wire) — Dmitry Peskov said on Friday that any settlement "
        "must remove the root causes of the war, a phrase the Kremlin uses for NATO's "
        "expansion.\n\n"
        "Maria Zakharova said on Friday that talks would resume in January, as foreign "
        "ministers met in Brussels.\n\n"
        "Emmanuel Macron said on Friday that the sanctions would stay, speaking at a joint "
        "news conference in Paris."
    )
    assert "any settlement must remove the root causes of the war" in found
    assert "talks would resume in January" in found
    assert "the sanctions would stay" in found


def test_как_сообщил_names_the_speaker_of_the_words_after_the_comma(record):
    # 19 December 2025 is a Friday; "в среду" is two days before.
    found = drafts(
        "Как сообщил в среду пресс-секретарь президента Дмитрий Песков в программе "
        "«Москва. Кремль. Путин», позиция Москвы остается неизменной.",
        language="ru",
    )
    draft = found["позиция Москвы остается неизменной"]
    assert draft.suggested("speaker") == record["peskov"]
    assert draft.suggested("date") == datetime.date(2025, 12, 17)


def test_a_german_z_is_the_cyrillic_ц_in_a_name(record):
    merz = PersonFactory(name="Friedrich Merz", other_names="Merz")
    RoleFactory(person=merz, party=PartyFactory(slug="germany", name="Germany"), title="Chancellor")
    found = drafts("«Жодного рішення про Україну без України», — підкреслив Мерц.", language="uk")
    assert found["Жодного рішення про Україну без України"].suggested("speaker") == merz


def test_a_ukrainian_press_conference_on_a_day_dates_the_quotes_reported_from_it(record):
    # 19 December 2025 is a Friday.
    found = drafts(
        "КИЇВ, 19 грудня — Марія Захарова на спільній пресконференції у четвер заявила, що "
        "Москва не погодиться на перемир'я.\n\n"
        "Гості провели переговори віч-на-віч.\n\n"
        "«Жодних іноземних військ на Україні не буде», — сказала дипломат журналістам.",
        language="uk",
    )
    draft = found["Жодних іноземних військ на Україні не буде"]
    assert draft.suggested("date") == datetime.date(2025, 12, 18)


def test_накануне_in_a_wire_is_the_day_before_it_was_filed(record):
    found = drafts(
        "МОСКВА, 19 декабря. Накануне Мария Захарова написала в соцсетях, что Москва готова "
        "к обмену пленными.",
        language="ru",
    )
    draft = found["Москва готова к обмену пленными"]
    assert draft.suggested("speaker") == record["zakharova"]
    assert draft.suggested("date") == datetime.date(2025, 12, 18)


def test_a_speaker_described_by_post_and_an_acronym_continues_the_paragraphs(record):
    found = drafts(
        "Марія Захарова у середу заявила, що Москва не змінила позиції. «Україна не отримає "
        "жодних гарантій від НАТО», — наголосила очільниця МЗС.",
        language="uk",
    )
    draft = found["Україна не отримає жодних гарантій від НАТО"]
    assert draft.suggested("speaker") == record["zakharova"]


@pytest.mark.parametrize(
    "sentence, quote",
    [
        (
            "Macron told reporters outside his hotel that the quickest way out was a freeze.",
            "the quickest way out was a freeze",
        ),
        (
            "Macron told French reporters in Paris this morning, before flying to Rome, that "
            "France would serve as the hub for the force.",
            "France would serve as the hub for the force",
        ),
        (
            "Macron said outside the hotel that the talks had been substantive.",
            "the talks had been substantive",
        ),
        (
            "French ships could escort commercial shipping once a truce was agreed, Macron "
            "added — an offer that officials say has been raised with both sides.",
            "French ships could escort commercial shipping once a truce was agreed",
        ),
    ],
)
def test_where_and_when_between_the_verb_and_that_are_not_the_statement(record, sentence, quote):
    draft = drafts(sentence)[quote]
    assert draft.suggested("speaker") == record["macron"]


def test_a_body_after_an_opening_circumstance_is_the_subject_not_the_circumstance(record):
    found = drafts(
        "In a statement posted on its website shortly before midnight, the ministry described "
        "the French plan as a thinly disguised occupation."
    )
    assert "the ministry described the French plan as a thinly disguised occupation" in found


def test_russian_statements_before_a_dash_or_считает_and_after_a_colon_are_read(record):
    # 19 December 2025 is a Friday.
    found = drafts(
        "Перемирие без контроля лишь даст Киеву передышку, и Россия на это не пойдет, — "
        "заявил пресс-секретарь президента Дмитрий Песков журналистам в четверг.\n\n"
        "Любые западные гарантии Киеву неприемлемы, считает пресс-секретарь.\n\n"
        "Мария Захарова в среду написала в своем Telegram-канале: «Любые западные миротворцы "
        "станут законной целью».",
        language="ru",
    )
    truce = found["Перемирие без контроля лишь даст Киеву передышку, и Россия на это не пойдет"]
    assert truce.suggested("speaker") == record["peskov"]
    assert truce.suggested("date") == datetime.date(2025, 12, 18)
    assert (
        found["Любые западные гарантии Киеву неприемлемы"].suggested("speaker") == record["peskov"]
    )
    target = found["Любые западные миротворцы станут законной целью"]
    assert target.suggested("speaker") == record["zakharova"]


def test_the_head_of_the_presidents_office_is_no_new_person_called_офісу_президента(record):
    found = drafts(
        "У тому ж дописі керівник Офісу Президента наголосив, що заморожені активи мають "
        "бути спрямовані на відбудову.",
        language="uk",
    )
    draft = found["заморожені активи мають бути спрямовані на відбудову"]
    assert draft.new_speaker is None


def test_talks_still_to_come_are_not_the_occasion_of_the_report(record):
    # 19 December 2025 is a Friday.
    found = drafts(
        "PARIS, Dec 19 (Example Wire) — Macron set out France's terms on Thursday evening, "
        "ahead of a new round of talks.\n\n"
        "Maria Zakharova said Moscow would not accept foreign troops."
    )
    assert found["Moscow would not accept foreign troops"].stated_on is None


def test_russian_and_ukrainian_dates_with_month_names_and_last_weekdays_are_read(record):
    # 19 December 2025 is a Friday; "минулої середи" is 17 December.
    found = drafts(
        "Нагадаємо, 12 грудня Дмитро Песков заявив, що Москва не змінила своєї позиції.\n\n"
        "Марія Захарова минулої середи заявила, що Україна не отримає гарантій.\n\n"
        "Захарова також закликала з 25 грудня запровадити «енергетичну тишу».",
        language="uk",
    )
    assert found["Москва не змінила своєї позиції"].suggested("date") == datetime.date(2025, 12, 12)
    assert found["Україна не отримає гарантій"].suggested("date") == datetime.date(2025, 12, 17)
    # A date the words speak of ("from 25 December") is not the day they were said.
    truce = found["закликала з 25 грудня запровадити «енергетичну тишу»"]
    assert truce.suggested("date") == datetime.date(2025, 12, 17)


def test_an_anonymous_official_is_not_dated_by_the_occasion(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) - Talks opened in Paris on Friday.\n\n"
        "An EU official, speaking on condition of anonymity, said the bloc would not release "
        "the frozen assets."
    )
    assert found["the bloc would not release the frozen assets"].stated_on is None


def test_a_paragraph_between_keeps_a_quote_from_the_speaker_two_paragraphs_up(record):
    found = drafts(
        "“The status of Crimea is not for discussion,” Dmitry Peskov told reporters.\n\n"
        "Behind the show of resolve, French officials acknowledge that the plan hinges on "
        "Washington.\n\n"
        "“Without an American backstop, this force would be a bluff,” according to a French "
        "diplomatic source, who requested anonymity."
    )
    draft = found["Without an American backstop, this force would be a bluff"]
    assert draft.speaker is None
    assert draft.party.slug == "france"


def test_a_name_of_one_letter_is_not_proposed_as_someone_new(record):
    found = drafts(
        "Министр иностранных дел КНР Ван И заявил, что Китай готов к посредничеству.",
        language="ru",
    )
    assert found["Китай готов к посредничеству"].new_speaker is None


def test_a_russian_or_ukrainian_post_names_the_one_holder_the_article_has_named(record):
    lavrov = PersonFactory(name="Sergei Lavrov", other_names="Сергей Лавров\nЛавров")
    RoleFactory(person=lavrov, party=record["russia"], title="Foreign Minister")
    found = drafts(
        "Сергей Лавров провел переговоры в Москве.\n\n"
        "Мария Захарова заявила, что Москва ждет ответа.\n\n"
        "Министр также отметил, что Россия готова к обмену пленными.",
        language="ru",
    )
    draft = found["Россия готова к обмену пленными"]
    assert draft.suggested("speaker") == lavrov
    assert "Foreign Minister" in draft.evidence["speaker"]


def test_a_ukrainian_pronoun_with_when_and_where_is_the_paragraphs_speaker(record):
    found = drafts(
        "Марія Захарова у середу заявила, що Москва не змінила позиції. «Це не предмет для "
        "торгу», — написала вона в четвер у соцмережі X.",
        language="uk",
    )
    assert found["Це не предмет для торгу"].suggested("speaker") == record["zakharova"]


def test_a_country_in_the_genitive_and_an_honorific_are_not_part_of_a_new_name(record):
    found = drafts(
        "Міністр закордонних справ Угорщини Золтан Керестеш заявив, що Будапешт не підтримає "
        "нових санкцій.\n\n"
        "Господин Керестеш также заявил, что Европа должна вести переговоры.",
        language="uk",
    )
    draft = found["Будапешт не підтримає нових санкцій"]
    assert draft.suggested("speaker").name == "Золтан Керестеш"


def test_a_quote_carried_from_a_speaker_only_offered_is_only_offered_too(record):
    found = drafts(
        "Заступник міністра Іван Петренко заявив, що Київ не змінить позиції. «Жодних "
        "поступок щодо територій не буде», — сказав він.",
        language="uk",
    )
    first = found["Київ не змінить позиції"]
    carried = found["Жодних поступок щодо територій не буде"]
    for draft in (first, carried):
        assert draft.new_speaker is None
        assert draft.suggested("speaker").name == "Іван Петренко"


def test_talks_that_opened_on_the_day_of_the_report_date_what_was_said_at_them(record):
    # 19 December 2025 is a Friday.
    found = drafts(
        "ISTANBUL, Dec 19 (Example Wire) - Negotiators opened a new round of talks in "
        "Istanbul on Friday.\n\n"
        "Maria Zakharova told the delegates that Moscow would accept a ceasefire first."
    )
    assert found["Moscow would accept a ceasefire first"].stated_on == datetime.date(2025, 12, 19)


def test_a_phone_call_is_of_one_day_whatever_other_calls_the_report_mentions(record):
    found = drafts(
        "PARIS, Dec 19 (Example Wire) - Macron and Putin spoke by phone on Thursday.\n\n"
        "Macron said Europe would not be left out.\n\n"
        "Macron had held a call with Zelenskiy on Monday."
    )
    assert found["Europe would not be left out"].stated_on == datetime.date(2025, 12, 18)


def test_a_kremlin_readout_relayed_by_its_spokesman_is_the_presidents_words(record):
    putin = PersonFactory(name="Vladimir Putin", other_names="Владимир Путин\nПутин")
    RoleFactory(person=putin, party=record["russia"], title="President")
    found = drafts(
        "Москва. 19 декабря. ИА «Пример» — Президент России Владимир Путин в четверг заявил, "
        "что Москва не согласится на перемирие, сообщил в пятницу Дмитрий Песков.",
        language="ru",
    )
    draft = found["Москва не согласится на перемирие"]
    assert draft.suggested("speaker") == putin
    assert draft.suggested("date") == datetime.date(2025, 12, 18)


def test_a_day_a_sentence_gives_before_a_quotation_outweighs_the_occasion(record):
    # 19 December 2025 is a Friday.
    found = drafts(
        "КИЇВ — Марія Захарова у четвер зустрілася з журналістами на брифінгу.\n\n"
        "У Кремлі візит прокоментували в п'ятницю. «Поява військ НАТО для нас неприйнятна», "
        "— сказав Дмитро Песков.",
        language="uk",
    )
    draft = found["Поява військ НАТО для нас неприйнятна"]
    assert draft.stated_on is None
    assert draft.suggested("date") == datetime.date(2025, 12, 19)
