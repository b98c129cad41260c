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


def test_mr_and_a_surname_is_the_new_person_the_article_named_in_full(more):  # noqa: F811
    found = drafts_of(TALK_SHOW, SUNDAY)
    statement = only(found, "ready to lead a multinational force")
    assert statement.new_speaker.name == "Alan Brereton"
    assert "named earlier as Alan Brereton" in statement.evidence["speaker"]


def test_a_surname_two_people_of_the_article_share_names_no_one(more):  # noqa: F811
    found = drafts_of(
        TALK_SHOW.replace("on Sunday,", "on Sunday after a report by Joan Brereton,"), SUNDAY
    )
    assert only(found, "ready to lead a multinational force").suggested("speaker") is None


def test_what_a_third_person_told_the_speaker_is_not_the_speakers_own(more):  # noqa: F811
    found = drafts_of(TALK_SHOW, SUNDAY)
    relayed = [draft for quote, draft in found.items() if "unconditional 30-day" in quote]
    assert relayed
    for draft in relayed:
        assert draft.suggested("speaker") is None
        assert "another's words" in draft.evidence["speaker"]
    # The speaker's own part of the sentence is still his.
    own = found["he had spent an hour with President Volodymyr Zelenskyy on Thursday"]
    assert own.new_speaker.name == "Alan Brereton"


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
