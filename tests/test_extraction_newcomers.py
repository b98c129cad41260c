"""People the record lacks, named in full once and then by surname, and words a speaker
relays from a third person (constructed test texts, not real articles)."""

import datetime

import pytest

from positions.models import Party
from tests.extraction_drafts import drafts_of
from tests.test_extraction_guards import more, only  # noqa: F401
from tests.test_extraction_rules import record  # noqa: F401

pytestmark = pytest.mark.django_db

# 6 October 2032 is a Wednesday.
WEDNESDAY = datetime.date(2032, 10, 6)

QA_INTERVIEW = (
    "'Europe will not be a bystander': EU envoy Henrik Lund Sørensen on assets and troops\n\n"
    "Henrik Lund Sørensen, a Danish career diplomat who served as ambassador in Warsaw and "
    "Ankara, was appointed the European Union's Special Envoy for the Ukraine Settlement in "
    "August. He spoke to the Example Review on Wednesday. The conversation has been edited "
    "for length and clarity.\n\n"
    "Is Europe at the table yet?\n\n"
    "Not in the way it should be. Europe will not sign off on a deal it did not negotiate.\n\n"
    "And the frozen assets?\n\n"
    "There is no scenario in which those assets are handed back as a reward for a ceasefire.\n\n"
    "Would European troops deploy?\n\n"
    "What we will not do is deploy into an active war."
)


@pytest.fixture
def union(more):  # noqa: F811
    return Party.objects.create(slug="european-union", name="European Union", short_name="EU")


def test_an_unlabelled_interview_is_with_the_new_person_its_intro_and_headline_name(union):
    found = drafts_of(QA_INTERVIEW, WEDNESDAY)
    answer = only(found, "handed back as a reward")
    assert answer.new_speaker.name == "Henrik Lund Sørensen"
    # The party whose post the introduction gives, not a capital he once served in.
    assert answer.party == union
    assert answer.new_speaker.title == "Special Envoy"
    assert only(found, "deploy into an active war").new_speaker.name == "Henrik Lund Sørensen"


def test_an_intro_opening_with_someone_the_headline_does_not_name_gives_no_interviewee(union):
    found = drafts_of(
        QA_INTERVIEW.replace("EU envoy Henrik Lund Sørensen", "the EU's envoy"), WEDNESDAY
    )
    assert only(found, "handed back as a reward").suggested("speaker") is None


# 14 November 2032 is a Sunday.
SUNDAY = datetime.date(2032, 11, 14)

TALK_SHOW = (
    "Appearing one after the other on Sunday, Alan Brereton and Ambassador Nikolai Voronin "
    "gave different accounts of the talks.\n\n"
    'Mr Brereton, who returned from Kyiv on Thursday night, told the programme: "Britain is '
    'ready to lead a multinational force the day a ceasefire holds."\n\n'
    "He said he had spent an hour with President Volodymyr Zelenskyy on Thursday, and that "
    "the Ukrainian leader had told him Ukraine was ready for an unconditional 30-day "
    "ceasefire."
)


def test_mr_and_a_surname_offers_the_new_person_the_article_named_in_full(more):  # noqa: F811
    found = drafts_of(TALK_SHOW, SUNDAY)
    statement = only(found, "ready to lead a multinational force")
    # Offered, not filled in: "Mr Brereton" may be a relative of the one named in full.
    assert statement.new_speaker is None
    assert statement.suggested("speaker").name == "Alan Brereton"
    (offer,) = [offer for offer in statement.offers if offer.field == "speaker"]
    assert "named earlier as Alan Brereton" in offer.evidence


# The talk show without its first paragraph, which names Alan Brereton.
SHOW_WITHOUT_GUESTS = TALK_SHOW.split("\n\n", 1)[1]


@pytest.mark.parametrize(
    "before",
    [
        # Another person of that surname, or a relative, named as well as Alan Brereton.
        f"The plan was set out in a report by Joan Brereton, a historian.\n\n{TALK_SHOW}",
        f"The plan, first drafted by the late Tom Brereton, was revised.\n\n{TALK_SHOW}",
        # No first name at all: a month, a party's possessive.
        f"In June Brereton travelled to Kyiv.\n\n{SHOW_WITHOUT_GUESTS}",
        f"Labour's Brereton backed the plan.\n\n{SHOW_WITHOUT_GUESTS}",
    ],
)
def test_a_surname_another_mention_may_stand_for_is_offered_no_one(more, before):  # noqa: F811
    found = drafts_of(before, SUNDAY)
    statement = only(found, "ready to lead a multinational force")
    assert statement.suggested("speaker") is None


def test_what_a_third_person_told_the_speaker_is_not_the_speakers_own(more):  # noqa: F811
    found = drafts_of(TALK_SHOW, SUNDAY)
    relayed = [draft for quote, draft in found.items() if "unconditional 30-day" in quote]
    assert relayed
    for draft in relayed:
        assert draft.suggested("speaker") is None
        assert "another's words" in draft.evidence["speaker"]
    # The speaker's own part of the sentence is still his.
    own = found["he had spent an hour with President Volodymyr Zelenskyy on Thursday"]
    assert own.suggested("speaker").name == "Alan Brereton"


BRIEFING = (
    "МОСКВА, 18 августа. /Пример-Пресс/. Россия не согласится на размещение на Украине "
    "военных контингентов стран НАТО, под каким бы флагом они ни появились, заявила "
    "официальный представитель МИД РФ Мария Захарова на еженедельном брифинге в среду.\n\n"
    "«Мы говорили это много раз и повторим снова: любые иностранные войска будут законной "
    "целью», — сказала дипломат.\n\n"
    "Россия, подчеркнула Захарова, рассчитывает на юридически обязывающие гарантии "
    "собственной безопасности."
)


def test_a_long_trailing_attribution_with_post_and_occasion_names_the_speaker(more):  # noqa: F811
    found = drafts_of(BRIEFING, datetime.date(2032, 8, 18), "ru")
    lead = only(found, "Россия не согласится")
    assert lead.speaker == more["zakharova"]
    assert lead.stated_on == datetime.date(2032, 8, 18)


def test_we_in_a_speakers_quotation_is_the_speaker_not_someone_relayed(more):  # noqa: F811
    found = drafts_of(BRIEFING, datetime.date(2032, 8, 18), "ru")
    assert only(found, "законной целью").suggested("speaker") == more["zakharova"]


def test_an_attribution_between_commas_gives_the_words_after_it(more):  # noqa: F811
    found = drafts_of(BRIEFING, datetime.date(2032, 8, 18), "ru")
    draft = only(found, "рассчитывает на юридически")
    assert draft.quote.startswith("рассчитывает на юридически обязывающие гарантии")
    assert draft.speaker == more["zakharova"]


# Guards from a read-only review of the rules above.


@pytest.mark.parametrize(
    "headline, intro",
    [
        # The introduction's first person asks the questions.
        (
            "Anna Kowalczyk on Europe's envoy",
            "Anna Kowalczyk, our Brussels correspondent, sat down with the EU's new envoy.",
        ),
        # The headline is about the person, not with them.
        (
            "'We knew him well': Ukrainians on Henrik Lund Sørensen",
            "Henrik Lund Sørensen, a Danish career diplomat, was appointed the European "
            "Union's Special Envoy in August.",
        ),
        # Someone the record knows is in the headline: the interview may be theirs.
        (
            "Interview: Kaja Kallas on the envoy Henrik Lund Sørensen",
            "Henrik Lund Sørensen, a Danish career diplomat, was appointed in August.",
        ),
        # No person opens the introduction.
        (
            "Ukraine Peace Talks on the week's news",
            "Ukraine Peace Talks, a podcast hosted by two reporters, returns this week.",
        ),
    ],
)
def test_an_unlabelled_interview_names_no_one_it_cannot_tell_is_answering(union, headline, intro):
    found = drafts_of(
        QA_INTERVIEW.replace(QA_INTERVIEW.split("\n\n")[0], headline).replace(
            QA_INTERVIEW.split("\n\n")[1].split(" He spoke")[0], intro
        ),
        WEDNESDAY,
    )
    assert only(found, "handed back as a reward").suggested("speaker") is None


def test_a_new_interviewees_party_is_the_one_their_post_belongs_to(union):  # noqa: F811
    found = drafts_of(
        QA_INTERVIEW.replace(
            "was appointed the European Union's Special Envoy",
            "who once advised Britain's foreign secretary, was appointed the envoy",
        ),
        WEDNESDAY,
    )
    answer = only(found, "handed back as a reward")
    assert answer.new_speaker.name == "Henrik Lund Sørensen"
    assert answer.party is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Macron said the force was ready, and that he had told them it would not wait.",
        "Zelenskyy said Ukraine needed guarantees, and that history had told us to be wary.",
        "Lavrov said talks could resume, and that Moscow had told them so repeatedly.",
    ],
)
def test_a_part_the_speaker_or_no_person_told_stays_the_speakers(more, sentence):  # noqa: F811
    found = drafts_of(sentence, SUNDAY)
    assert all(draft.suggested("speaker") is not None for draft in found.values())


@pytest.mark.parametrize(
    "sentence, words, who",
    [
        # The words before a gerund's clause are the statement.
        (
            "Москва не доверяет обещаниям Запада, заявил Песков, комментируя слова президента "
            "Франции о войсках.",
            "Москва не доверяет",
            "peskov",
        ),
        # An occasion after the name is not the speaker.
        (
            "Москва готова к переговорам, заявил журналистам пресс-секретарь президента "
            "Дмитрий Песков в ответ на вопрос о словах Эммануэля Макрона.",
            "Москва готова к переговорам",
            "peskov",
        ),
    ],
)
def test_a_russian_attribution_after_the_words_keeps_them_its_speakers(
    more,  # noqa: F811
    sentence,
    words,
    who,
):
    assert only(drafts_of(sentence, SUNDAY, "ru"), words).speaker == more[who]


@pytest.mark.parametrize(
    "sentence",
    [
        # Lavrov's words, as Peskov recalls them.
        "Лавров, напомнил Песков, ещё в июне говорил о готовности к переговорам в Стамбуле.",
        # Another's next deed, joined on after the aside.
        "Путин встретился с Уиткоффом в Кремле, сообщил Ушаков, и обсудил с ним условия перемирия.",
    ],
)
def test_an_aside_between_commas_gives_no_one_anothers_words(more, sentence):  # noqa: F811
    found = drafts_of(sentence, SUNDAY, "ru")
    assert all(draft.speaker != more["peskov"] for draft in found.values())
    assert all(draft.speaker != more["ushakov"] for draft in found.values())
