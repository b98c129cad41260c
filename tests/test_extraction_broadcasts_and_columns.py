"""A broadcast's script, a column of the week's quotations and a Russian agency's wire: who
speaks in a correspondent's report, after a dash or a colon with no verb, and after a deed
and a gerund (constructed test texts, not real articles)."""

import datetime

import pytest

from tests.factories import PersonFactory, RoleFactory
from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import drafts, record  # noqa: F401

pytestmark = pytest.mark.django_db

# A Thursday: "в среду" is 14 November 2035.
THURSDAY = datetime.date(2035, 11, 15)


def offered(draft, field: str) -> str:
    return next((offer.label for offer in draft.offers if offer.field == field), "")


# -- a broadcast's script --


def test_a_correspondents_report_in_a_script_gives_the_words_to_whom_it_quotes(record):  # noqa: F811
    found = drafts(
        "ANCHOR (ELENA MARSH): Good evening. We begin in Kyiv.\n\n"
        'REPORTER (TOM AVERY, KYIV): Elena, the president was blunt. "Ukrainian soldiers will '
        'not leave Ukrainian land so that Russia can call it a peace," Zelenskyy said.',
        THURSDAY,
    )
    draft = only(found, "will not leave Ukrainian land")
    assert draft.speaker == record["zelenskyy"]
    assert draft.party == record["ukraine"]


def test_a_correspondent_addressing_the_anchor_by_name_leaves_the_person_described(more):  # noqa: F811
    found = drafts(
        "ANCHOR (ELENA MARSH): In Moscow, the answer came quickly.\n\n"
        "REPORTER (ANNA REINHOLT, MOSCOW): Elena, the foreign ministry's spokeswoman, Maria "
        'Zakharova, was in no mood for compromise. "We will not accept foreign troops in '
        'Ukraine under any flag," she said.',
        THURSDAY,
    )
    assert only(found, "foreign troops").speaker == more["zakharova"]


def test_a_reporters_question_in_a_transcript_is_still_no_statement(more):  # noqa: F811
    found = drafts(
        "REPORTER: Minister, Moscow said on Monday it would never accept foreign troops. Will "
        "you send them anyway?\n\n"
        "RUBIO: We are not talking about troops.",
        THURSDAY,
    )
    assert not [quote for quote in found if "foreign troops" in quote]


def test_a_spokesman_quoting_the_presidents_readiness_is_offered_not_filled_in(more):  # noqa: F811
    found = drafts(
        'Peskov also said President Putin "remains ready to meet Mr Zelenskyy at the final '
        'stage, to sign, not to negotiate."',
        THURSDAY,
    )
    draft = only(found, "remains ready to meet")
    assert draft.speaker is None
    assert offered(draft, "speaker") == "Dmitry Peskov"
    assert draft.party == more["russia"]


# -- a column of quotations --


def test_a_quotation_then_a_dash_and_a_name_is_that_persons(more):  # noqa: F811
    found = drafts(
        '"A thirty-day unconditional ceasefire is the test. If Moscow is serious, it can pass '
        'it." - Secretary of State Marco Rubio, to reporters at the State Department.',
        THURSDAY,
    )
    draft = only(found, "the test. If Moscow")
    assert draft.speaker == more["rubio"]
    assert draft.party == more["us"]


def test_a_name_with_a_title_then_a_colon_and_a_quotation_is_that_persons(more):  # noqa: F811
    found = drafts(
        'French President Emmanuel Macron, on X: "Europe must be at the table where its '
        'security is decided. We will not be on the menu."',
        THURSDAY,
    )
    assert only(found, "decided. We will not").speaker.name == "Emmanuel Macron"


def test_a_place_and_a_name_before_the_colon_give_the_name(more):  # noqa: F811
    found = drafts(
        'In Moscow, Kremlin spokesman Dmitry Peskov, after talks with reporters: "A pause '
        'that only helps Kyiv regroup is not something we will accept."',
        THURSDAY,
    )
    assert only(found, "helps Kyiv regroup").speaker == more["peskov"]


def test_a_colon_after_a_name_without_any_title_names_no_speaker(more):  # noqa: F811
    found = drafts(
        'Notes from Kyiv, Sunday Edition: "Ukraine will not give up the Donbas for a ceasefire."',
        THURSDAY,
    )
    assert all(draft.speaker is None for draft in found.values())


# -- a Russian agency's wire --


def test_words_in_an_interview_published_on_a_day_are_the_speakers_and_of_that_day(record):  # noqa: F811
    grushko = PersonFactory(name="Alexander Grushko", other_names="Александр Грушко\nГрушко")
    RoleFactory(person=grushko, party=record["russia"], title="Deputy Foreign Minister")
    found = drafts(
        "МОСКВА, 15 ноя. Захарова на брифинге в четверг заявила, что Москва не примет заморозку."
        "\n\n"
        "Накануне заместитель министра иностранных дел Александр Грушко в интервью газете "
        "«Известия», опубликованном в среду, заявил, что нейтральный статус Украины остается "
        "основой любой договоренности.\n\n"
        "«Без отказа Киева от членства в НАТО никакие гарантии работать не будут», — сказал "
        "замминистра.",
        THURSDAY,
    )
    lead = only(found, "нейтральный статус")
    assert lead.speaker == grushko
    assert lead.stated_on == datetime.date(2035, 11, 14)
    # The deputy minister, by his post, in the next paragraph: his words of that day, not the
    # briefing's.
    after = only(found, "Без отказа Киева")
    assert after.speaker == grushko
    assert after.stated_on == datetime.date(2035, 11, 14)


def test_an_aside_on_when_between_the_speaker_and_the_verb_is_left_out(more):  # noqa: F811
    found = drafts(
        "Дмитрий Песков в среду вечером, после разговора с Сергеем Лавровым, сообщил журналистам,"
        " что Россия готова вновь направить делегацию в Стамбул.",
        THURSDAY,
    )
    draft = only(found, "направить делегацию")
    assert draft.speaker == more["peskov"]
    assert draft.stated_on == datetime.date(2035, 11, 14)


def test_a_deed_then_a_gerund_of_saying_gives_the_words_to_the_doer(more):  # noqa: F811
    found = drafts(
        "Мария Захарова заявила в четверг, что Москва не примет заморозку конфликта.\n\n"
        "Она вновь поставила под сомнение легитимность украинского руководства, заявив, что "
        "итоговые документы должны подписывать власти, избранные на новых выборах.",
        THURSDAY,
    )
    assert only(found, "итоговые документы").speaker == more["zakharova"]


def test_a_body_doing_a_deed_then_a_gerund_of_saying_is_no_ones(more):  # noqa: F811
    found = drafts(
        "Украинская делегация покинула зал, заявив, что переговоры зашли в тупик.", THURSDAY
    )
    assert all(draft.speaker is None for draft in found.values())


def test_she_after_a_quotation_is_the_woman_the_sentence_before_was_about(more):  # noqa: F811
    found = drafts(
        "Захарова также прокомментировала заявления европейских столиц. «Любые иностранные "
        "контингенты на Украине будут рассматриваться нами как законные цели», — подчеркнула "
        "она.",
        THURSDAY,
    )
    assert only(found, "законные цели").speaker == more["zakharova"]


def test_a_state_department_spokesman_new_to_the_record_is_of_the_united_states(seeded):
    found = drafts(
        "In Washington, State Department spokesman Daniel Okafor said the United States stood "
        "ready to support a monitoring mechanism with satellite imagery.",
        THURSDAY,
    )
    draft = only(found, "monitoring mechanism")
    assert draft.new_speaker.name == "Daniel Okafor"
    assert draft.new_speaker.party.slug == "united-states"


def test_a_deputy_ministers_post_opening_the_sentence_is_the_paragraphs_speaker(record):  # noqa: F811
    grushko = PersonFactory(name="Alexander Grushko", other_names="Александр Грушко\nГрушко")
    RoleFactory(person=grushko, party=record["russia"], title="Deputy Foreign Minister")
    found = drafts(
        "Заместитель министра иностранных дел Александр Грушко заявил в среду, что Москва "
        "готова обсуждать невооруженную миссию наблюдателей. Замминистра также подчеркнул, что "
        "Россия не примет вооруженных миротворцев из стран НАТО.",
        THURSDAY,
    )
    assert only(found, "вооруженных миротворцев").speaker == grushko


# -- guards from a review of these rules --


def test_a_premise_in_a_reporters_question_at_a_briefing_is_no_statement(more):  # noqa: F811
    found = drafts(
        "REPORTER: Dmitry Sergeyevich, President Zelensky said today that Ukraine will never "
        "recognise Crimea as Russian. Your comment, please.\n\n"
        "PESKOV: We have heard this many times.",
        THURSDAY,
    )
    assert not [quote for quote in found if "recognise Crimea" in quote]


def test_a_title_or_a_term_before_a_dash_and_a_name_is_no_ones_statement(record):  # noqa: F811
    found = drafts(
        '"Special military operation" - Vladimir Putin, February 24, 2022.\n\n'
        '"Nothing about Ukraine will be decided without Ukraine" - President Zelenskyy and '
        "Prime Minister Starmer, in a joint statement.",
        THURSDAY,
    )
    assert all(draft.speaker is None for draft in found.values())


def test_the_person_a_colon_column_addresses_is_not_the_speaker(record):  # noqa: F811
    found = drafts(
        "Trump's reply to President Zelenskyy, in the Oval Office: \"You do not have the cards "
        'right now, and you will not get them."',
        THURSDAY,
    )
    assert all(draft.speaker != record["zelenskyy"] for draft in found.values())


def test_a_name_before_the_verb_in_the_object_first_order_is_not_the_doer(record):  # noqa: F811
    found = drafts(
        "Путина поблагодарил Уиткофф, подчеркнув, что встреча в Кремле была продуктивной.",
        THURSDAY,
    )
    assert all(draft.speaker != record["putin"] for draft in found.values())


def test_a_gerund_after_a_relative_clause_is_not_the_first_subjects(more):  # noqa: F811
    found = drafts(
        "Лавров встретился с Фиданом, который затем выступил перед журналистами, заявив, что "
        "Турция готова принять новый раунд переговоров.",
        THURSDAY,
    )
    assert all(draft.speaker != more["lavrov"] for draft in found.values())


def test_the_subject_after_but_and_an_aside_is_the_speaker(more):  # noqa: F811
    found = drafts(
        "Зеленский встретился с Рубио, а Песков, в ходе брифинга, заявил, что Москва не примет "
        "европейских миротворцев.",
        THURSDAY,
    )
    assert only(found, "европейских миротворцев").speaker == more["peskov"]


def test_she_after_a_russian_leader_is_not_him(record):  # noqa: F811
    found = drafts(
        "EU foreign policy chief Kaja Kallas met Ukrainian officials in Kyiv on Monday, a day "
        "after Russian President Vladimir Putin said Russia would not accept European troops. "
        "She said Europe would never recognise Crimea as Russian.",
        THURSDAY,
    )
    assert only(found, "never recognise Crimea").speaker != record["putin"]


def test_a_deputys_words_after_the_ministers_are_not_the_ministers(more):  # noqa: F811
    found = drafts(
        "Лавров заявил, что Москва готова к новому раунду переговоров. Его заместитель Сергей "
        "Рябков был резче. «Никакого перемирия без учета наших условий не будет», — заявил "
        "замминистра.",
        THURSDAY,
    )
    assert only(found, "Никакого перемирия").speaker != more["lavrov"]


# -- the twenty-seventh round's rules --

# A Saturday: "on Thursday" is 21 August 2036, "on Friday" the 22nd.
SATURDAY = datetime.date(2036, 8, 23)


def test_a_quotation_right_after_another_is_a_sentence_of_its_own(more):  # noqa: F811
    found = drafts(
        "In Moscow, Foreign Ministry spokeswoman Maria Zakharova wrote on Telegram on Friday "
        'that the testimony showed Washington still saw Ukraine as "an anti-Russian '
        'bridgehead." "Without a neutral Ukraine there will be no agreement," she wrote.',
        SATURDAY,
    )
    draft = found["Without a neutral Ukraine there will be no agreement"]
    assert draft.speaker == more["zakharova"]
    assert draft.stated_on == datetime.date(2036, 8, 22)


def test_what_someone_was_told_by_officials_is_the_officials(record):  # noqa: F811
    found = drafts(
        "Rubio also told senators that Special Envoy Steve Witkoff had been told by Russian "
        "officials in Moscow last week that Russia would accept an unarmed monitoring mission.",
        SATURDAY,
    )
    draft = only(found, "unarmed monitoring mission")
    assert draft.quote.startswith("Russia would accept")
    assert draft.speaker is None and draft.new_speaker is None
    assert draft.party == record["russia"]


def test_a_russian_speaker_with_a_long_phrase_before_the_verb_said_it_first(record):  # noqa: F811
    found = drafts(
        "Ведущий Глеб Ракитин напомнил, что в среду Владимир Путин на встрече с выпускниками "
        "военных вузов заявил, что Россия готова прекратить огонь, если Киев выведет войска.",
        SATURDAY,
    )
    assert only(found, "прекратить огонь").speaker == record["putin"]


def test_the_day_in_words_that_may_be_the_presidents_is_not_the_occasions(record):  # noqa: F811
    sybiha = PersonFactory(name="Andrii Sybiha", other_names="Андрій Сибіга\nСибіга")
    RoleFactory(person=sybiha, party=record["ukraine"], title="Foreign Minister")
    found = drafts(
        "КИЇВ, 22 травня. Міністр закордонних справ Андрій Сибіга в четвер виступив у Верховній "
        "Раді з доповіддю про хід переговорів.\n\n"
        "За словами Сибіги, у вівторок президент Володимир Зеленський доручив наполягати на "
        "тому, щоб обмін полоненими відбувся ще до підписання угоди.",
        datetime.date(2036, 5, 22),
    )
    draft = only(found, "обмін полоненими")
    assert draft.stated_on is None
    assert "у вівторок" in draft.evidence["date"]


def test_her_words_in_his_account_are_not_his(record):  # noqa: F811
    sybiha = PersonFactory(name="Andrii Sybiha", other_names="Андрій Сибіга\nСибіга")
    RoleFactory(person=sybiha, party=record["ukraine"], title="Foreign Minister")
    found = drafts(
        "Андрій Сибіга розповів, що в середу мав телефонну розмову з Каєю Каллас. За його "
        "словами, вона запевнила, що санкції проти Росії не буде послаблено до повного виконання "
        "угоди.",
        datetime.date(2036, 5, 22),
    )
    draft = only(found, "санкції проти Росії")
    assert draft.speaker is None and draft.party is None


def test_words_after_the_report_has_moved_on_to_a_later_day_are_not_the_occasions(more):  # noqa: F811
    found = drafts(
        "VILNIUS - Five leaders met in the Lithuanian capital on Thursday for a one-day meeting "
        "on Ukraine.\n\n"
        "Zelenskyy said Ukraine was ready to stop firing on the current line.\n\n"
        "The response from Moscow came on Friday. Kremlin spokesman Dmitry Peskov told reporters "
        'that what was said in Vilnius was "a provocation".\n\n'
        "Foreign Minister Sergei Lavrov, speaking in Minsk, said Moscow would regard any use of "
        "its frozen assets as theft.",
        SATURDAY,
    )
    assert only(found, "ready to stop firing").stated_on == datetime.date(2036, 8, 21)
    assert only(found, "as theft").stated_on is None


# -- guards from a review of the twenty-seventh round's rules --

FRIDAY = datetime.date(2025, 5, 16)
ISTANBUL = (
    "ISTANBUL, May 16 - Russian and Ukrainian negotiators held their first direct peace talks "
    "in three years in Istanbul on Thursday, but failed to agree on a ceasefire.\n\n"
)


def test_a_name_of_someone_spoken_of_before_a_far_verb_did_not_say_it_first(more):  # noqa: F811
    found = drafts(
        "Песков напомнил, что после телефонного разговора Путина с американским коллегой "
        "российская сторона заявила о готовности работать над меморандумом.\n\n"
        "Лавров заявил, что Зеленского в украинском обществе все меньше людей считает законным "
        "лидером.",
        FRIDAY,
    )
    assert all(draft.speaker not in {more["putin"], more["zelenskyy"]} for draft in found.values())


def test_russia_as_she_in_the_spokesmans_words_is_still_his_statement(more):  # noqa: F811
    found = drafts(
        "Песков отметил, что Россия открыта к диалогу с Украиной. По его словам, она готова "
        "продолжать переговоры в Стамбуле.",
        FRIDAY,
    )
    assert only(found, "продолжать переговоры").speaker == more["peskov"]


def test_a_day_to_come_in_a_spokesmans_words_keeps_the_occasions_day(more):  # noqa: F811
    found = drafts(
        ISTANBUL + "Peskov said Putin was ready to meet Zelenskiy in Istanbul on Monday if the "
        "delegations agreed a text.",
        FRIDAY,
    )
    assert only(found, "ready to meet").stated_on == datetime.date(2025, 5, 15)


def test_a_strike_a_meeting_or_a_day_to_come_after_the_occasion_leaves_its_day(record):  # noqa: F811
    umerov = PersonFactory(name="Rustem Umerov")
    RoleFactory(person=umerov, party=record["ukraine"], title="Defence Minister")
    for later in (
        "On Friday, Russian drones struck a bus in the Sumy region, killing nine people.",
        "The delegations are expected to reconvene on Friday.",
        "Turkish Foreign Minister Hakan Fidan hosts NATO counterparts in Antalya on Friday.",
    ):
        found = drafts(
            ISTANBUL + later + "\n\nUmerov said the Ukrainian delegation would not accept "
            "ultimatums.",
            FRIDAY,
        )
        assert only(found, "ultimatums").stated_on == datetime.date(2025, 5, 15), later


# -- the twenty-eighth round's rules --


def test_what_the_president_spoken_to_confirmed_in_his_own_words_is_his(more):  # noqa: F811
    found = drafts(
        "In a second post later on Sunday, Zelenskyy said he had spoken to French President "
        'Emmanuel Macron, who "confirmed that France is ready to bring forward the deployment '
        'of the reassurance force."',
        FRIDAY,
    )
    assert only(found, "bring forward the deployment").speaker.name == "Emmanuel Macron"


def test_a_place_in_the_question_before_she_said_is_not_her_side(more):  # noqa: F811
    found = drafts(
        "Kaja Kallas spoke after the summit. Asked whether the assets could be handed back as "
        'part of a peace deal brokered by Washington, she said: "Sanctions stay until Russia '
        'pays, and no side deal in any other capital will change that."',
        FRIDAY,
    )
    assert only(found, "Sanctions stay until Russia pays").party != more["us"]


def test_someone_new_named_in_a_list_of_speakers_is_offered_with_the_post_and_side_given(record):  # noqa: F811
    found = drafts(
        "The speakers were Oksana Verbytska, Ukraine's Deputy Minister of Foreign Affairs; and "
        "Katrin Albers, a State Secretary.\n\n"
        "Verbytska said Ukraine was not asking for a treaty label but for substance.",
        FRIDAY,
    )
    draft = only(found, "treaty label")
    assert draft.speaker is None and draft.party is None
    assert offered(draft, "speaker") == (
        "new person: Oksana Verbytska, Deputy Minister of Foreign Affairs"
    )
    assert offered(draft, "party") == "Ukraine"
