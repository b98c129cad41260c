"""A speaker the attribution describes by post ("the vice-president", "the German chancellor",
"Vladimir Putin's spokesman") is the one person the article has named who holds that post on
its date; when none or several do, the speaker stays blank. Constructed test texts, not real
articles."""

import datetime

import pytest

from tests.extraction_drafts import drafts_of, people_in_posts
from tests.factories import PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    us = PartyFactory(slug="united-states", name="United States", other_names="US\nAmerican")
    russia = PartyFactory(slug="russia", name="Russia", other_names="Russian\nthe Kremlin")
    germany = PartyFactory(slug="germany", name="Germany", other_names="German\nBerlin")
    return people_in_posts(
        [
            ("Donald Trump", us, "President"),
            ("JD Vance", us, "Vice President"),
            ("Marco Rubio", us, "Secretary of State"),
            ("Vladimir Putin", russia, "President"),
            ("Dmitry Peskov", russia, "Kremlin spokesman"),
            ("Friedrich Merz", germany, "Chancellor"),
        ]
    )


def drafts(text: str):
    return drafts_of(text, datetime.date(2026, 3, 14))


def test_the_vice_president_is_the_vice_president_named_earlier_not_the_last_speaker(record):
    found = drafts(
        "Donald Trump and JD Vance met European leaders in Rome on Friday.\n\n"
        "Friedrich Merz said Europe would pay for its own air defence.\n\n"
        "The vice-president said Washington would not send ground troops."
    )
    draft = found["Washington would not send ground troops"]
    assert draft.speaker == record["JD Vance"]
    assert draft.party.slug == "united-states"
    assert "Vice President" in draft.evidence["speaker"]


def test_the_president_is_not_the_vice_president(record):
    found = drafts(
        "JD Vance met European leaders in Rome on Friday.\n\nThe president said a deal was close."
    )
    assert found["a deal was close"].speaker is None


def test_a_post_with_a_demonym_picks_that_sides_holder(record):
    found = drafts(
        "Vladimir Putin and Donald Trump spoke by phone on Friday.\n\n"
        "The Russian president said the talks had been useful.\n\n"
        "The US president said sanctions would stay."
    )
    assert found["the talks had been useful"].speaker == record["Vladimir Putin"]
    assert found["sanctions would stay"].speaker == record["Donald Trump"]


def test_a_post_two_people_named_in_the_article_hold_is_left_blank(record):
    found = drafts(
        "Vladimir Putin and Donald Trump spoke by phone on Friday.\n\n"
        "The president said the talks had been useful."
    )
    assert found["the talks had been useful"].speaker is None


def test_someones_spokesman_is_the_spokesman_of_that_persons_side(record):
    found = drafts(
        "Vladimir Putin received the envoy on Thursday. Dmitry Peskov was present.\n\n"
        "Friedrich Merz said Berlin would wait.\n\n"
        "Vladimir Putin's spokesman said Moscow saw no reason to hurry."
    )
    assert found["Moscow saw no reason to hurry"].speaker == record["Dmitry Peskov"]


def test_a_post_holder_not_yet_named_in_the_article_is_not_guessed(record):
    found = drafts(
        "Friedrich Merz said Berlin would wait.\n\n"
        "The secretary of state said talks would resume.\n\n"
        "Marco Rubio flew to Geneva on Saturday."
    )
    assert found["talks would resume"].speaker is None


def test_an_according_to_aside_between_speaker_and_verb_keeps_the_speaker(record):
    found = drafts(
        "Secretary of State Marco Rubio, according to two officials briefed on the call, "
        "told European counterparts on Friday that the United States would not provide troops."
    )
    draft = found["the United States would not provide troops"]
    assert draft.speaker == record["Marco Rubio"]
    assert draft.stated_on == datetime.date(2026, 3, 13)


def test_a_new_persons_honorific_is_not_part_of_the_name(record):
    found = drafts(
        "The shadow foreign secretary, Sir Julian Pryce, said the Conservatives would back "
        "a deployment."
    )
    draft = found["the Conservatives would back a deployment"]
    assert draft.new_speaker.name == "Julian Pryce"


def test_a_country_a_new_person_speaks_about_is_not_their_party(record):
    found = drafts(
        "Opening the debate on a motion reaffirming support for Germany, Foreign Secretary "
        "Helen Marchbank told MPs that Britain would not support any such settlement."
    )
    draft = found["Britain would not support any such settlement"]
    assert draft.new_speaker.name == "Helen Marchbank"
    assert draft.party is None


def test_the_delegation_a_new_person_heads_gives_their_party(record):
    found = drafts(
        "After the talks, the head of the Russian delegation, presidential aide Vladimir "
        "Medinsky, said the talks had been useful."
    )
    draft = found["the talks had been useful"]
    assert draft.party.slug == "russia"
