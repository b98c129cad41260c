"""Whom a pronoun or a quotation standing alone belongs to across paragraphs, and words a
sentence relays from the author of remarks another answers. Constructed test texts, not real
articles."""

import datetime

import pytest

from positions.editorial import extraction
from tests.factories import PartyFactory, PersonFactory, RoleFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    russia = PartyFactory(slug="russia", name="Russia", other_names="Russian\nMoscow")
    nato = PartyFactory(slug="nato", name="NATO", other_names="Nato")
    us = PartyFactory(slug="united-states", name="United States", other_names="US\nWashington")
    eu = PartyFactory(slug="european-union", name="European Union", other_names="EU")
    people = {}
    for name, party, title in [
        ("Kirill Dmitriev", russia, "Special envoy"),
        ("Mark Rutte", nato, "Secretary General"),
        ("JD Vance", us, "Vice President"),
        ("Kaja Kallas", eu, "High Representative"),
    ]:
        people[name] = PersonFactory(name=name)
        RoleFactory(person=people[name], party=party, title=title)
    return people


def drafts(text: str):
    # 12 August 2026 is a Wednesday.
    source = SourceFactory(
        text=text, published_at=datetime.datetime(2026, 8, 12, 9, tzinfo=datetime.UTC)
    )
    return {d.quote: d for p in extraction.propose(source) for d in p.drafts}


def test_a_pronoun_opening_a_paragraph_is_the_last_paragraphs_only_speaker(record):
    found = drafts(
        "JD Vance said on Tuesday that Washington would back a European force.\n\n"
        "He said there would be no American troops on the ground."
    )
    draft = found["there would be no American troops on the ground"]
    assert draft.speaker == record["JD Vance"]
    assert draft.party.slug == "united-states"


def test_a_quotation_in_a_paragraph_of_its_own_continues_the_colon_before_it(record):
    found = drafts(
        "Mark Rutte arrived on Tuesday. The secretary general said allies were united, "
        "but one question remained open:\n\n"
        "“Allies will not accept any ceiling on Ukraine's army. Ukraine decides.”"
    )
    draft = found["Allies will not accept any ceiling on Ukraine's army."]
    assert draft.speaker == record["Mark Rutte"]


def test_a_pronoun_after_a_paragraph_that_only_mentions_someone_is_only_offered(record):
    found = drafts(
        "JD Vance said on Tuesday that Washington would back a European force.\n\n"
        "Nato's secretary general, Mark Rutte, arriving at the villa, was asked about limits "
        "on Ukraine's army.\n\n"
        "“Allies will not accept any ceiling on Ukraine's army,” he said."
    )
    draft = found["Allies will not accept any ceiling on Ukraine's army"]
    assert draft.speaker is None
    offer = next(offer for offer in draft.offers if offer.field == "speaker")
    assert offer.value == record["Mark Rutte"]


def test_remarks_answered_by_another_are_their_authors_with_the_authors_day_offered(record):
    found = drafts(
        "Kaja Kallas said sanctions would stay.\n\n"
        "She dismissed remarks by Kirill Dmitriev, the Kremlin's envoy, who said in an "
        "interview on Sunday that Russia expected sanctions to be lifted step by step."
    )
    draft = found["Russia expected sanctions to be lifted step by step"]
    assert draft.speaker == record["Kirill Dmitriev"]
    assert draft.stated_on is None
    offer = next(offer for offer in draft.offers if offer.field == "date")
    assert offer.value == datetime.date(2026, 8, 9)
