"""Whom a pronoun or a quotation standing alone belongs to across paragraphs, and words a
sentence relays from the author of remarks another answers. Constructed test texts, not real
articles."""

import datetime

import pytest

from tests.extraction_drafts import drafts_of, people_in_posts
from tests.factories import PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    russia = PartyFactory(slug="russia", name="Russia", other_names="Russian\nMoscow")
    nato = PartyFactory(slug="nato", name="NATO", other_names="Nato")
    us = PartyFactory(slug="united-states", name="United States", other_names="US\nWashington")
    eu = PartyFactory(slug="european-union", name="European Union", other_names="EU")
    return people_in_posts(
        [
            ("Kirill Dmitriev", russia, "Special envoy"),
            ("Mark Rutte", nato, "Secretary General"),
            ("JD Vance", us, "Vice President"),
            ("Kaja Kallas", eu, "High Representative"),
        ]
    )


def drafts(text: str):
    # 12 August 2026 is a Wednesday.
    return drafts_of(text, datetime.date(2026, 8, 12))


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


def test_a_pronoun_later_in_a_paragraph_that_introduced_someone_is_only_offered(record):
    found = drafts(
        "JD Vance said on Tuesday that Washington would back a European force.\n\n"
        "The question is what Europe would add. In an interview, the envoy gave his answer. "
        "Europe would have to supply the troops, he said."
    )
    assert found["Europe would have to supply the troops"].speaker is None


def test_a_quotation_of_what_he_told_me_is_not_the_speakers_own(record):
    found = drafts(
        "Kaja Kallas said on Tuesday that sanctions would stay.\n\n"
        "“He told me, and I repeat it with his permission: we will not withdraw.”"
    )
    draft = found["He told me, and I repeat it with his permission: we will not withdraw."]
    assert draft.speaker is None
    assert "someone the speaker reports" in draft.evidence["speaker"]


def test_what_she_says_he_told_her_is_not_hers(record):
    found = drafts(
        "Kaja Kallas said on Tuesday that sanctions would stay. She said he had also told her "
        "that he was ready to meet anywhere except Moscow."
    )
    draft = found["he was ready to meet anywhere except Moscow"]
    assert draft.speaker is None
    assert draft.party is None


def test_a_statement_before_an_inserted_attribution_goes_on_in_its_quotation(record):
    found = drafts(
        "Europe would use the full value of the frozen assets to fund Ukraine's defence, "
        "Kaja Kallas said, “starting this quarter, not after another round of talks”."
    )
    draft = found["Europe would use the full value of the frozen assets to fund Ukraine's defence"]
    assert draft.speaker == record["Kaja Kallas"]


def test_a_day_carried_from_a_speaker_the_rules_are_unsure_of_is_only_offered(record):
    found = drafts(
        "Kaja Kallas said on Monday that sanctions would stay.\n\n"
        "JD Vance spoke to reporters.\n\n"
        "The question is what Europe would add. She said Europe would pay for the force."
    )
    draft = found["Europe would pay for the force"]
    assert draft.speaker is None and draft.stated_on is None


def test_a_briefing_transcript_with_names_as_labels_gives_each_turn_its_speaker(record):
    found = drafts(
        "BEIJING, Aug 12 (Example Wire) — The ministry held its regular press conference on "
        "Wednesday.\n\n"
        "Reuters: Talks open in Geneva next week. Will China send anyone?\n\n"
        "Gao Wenqiang: We have noted the reports. China is willing to attend any meeting "
        "that both sides accept.\n\n"
        "AFP: Would China send troops?\n\n"
        "Gao Wenqiang: China will not send military personnel to any force formed outside "
        "the United Nations.\n\n"
        "The next press conference is scheduled for Friday."
    )
    draft = found[
        "China will not send military personnel to any force formed outside the United Nations."
    ]
    # Someone the record lacks: offered as a new person, with the day of the briefing.
    offer = next(offer for offer in draft.offers if offer.field == "speaker")
    assert offer.label == "new person: Gao Wenqiang"
    assert draft.stated_on == datetime.date(2026, 8, 12)
    assert not any("Talks open in Geneva" in quote for quote in found)


def test_she_after_he_is_not_the_man_the_article_calls_he(record):
    found = drafts(
        "JD Vance and Kaja Kallas joined the programme on Sunday.\n\n"
        "The host asked JD Vance about a ceasefire. He said it was close. “We want the line "
        "frozen first,” he told the host.\n\n"
        "Asked whether she agreed, Kaja Kallas said: “A ceasefire is welcome if it is "
        "verifiable.” She added that Europe would not accept a pause.\n\n"
        "The host turned back to him. “Some relief has to be on the table,” he said.\n\n"
        "She disagreed. European sanctions would stay until Russia paid, she said."
    )
    relief = found["Some relief has to be on the table"]
    assert relief.speaker is None
    offer = next(offer for offer in relief.offers if offer.field == "speaker")
    assert offer.value == record["JD Vance"]
    sanctions = found["European sanctions would stay until Russia paid"]
    assert sanctions.speaker is None
    offer = next(offer for offer in sanctions.offers if offer.field == "speaker")
    assert offer.value == record["Kaja Kallas"]


def test_an_opinion_pieces_own_sentences_are_its_authors_dated_the_day_it_appeared(record):
    found = drafts(
        "Opinion | By Kaja Kallas\n\n"
        "Any agreement that touches Europe's security must be negotiated with Europe.\n\n"
        "JD Vance said on Monday that Washington would ease some sanctions. I respect him, "
        "but European sanctions will not be traded away.\n\n"
        "The writer is the EU's High Representative."
    )
    own = found["Any agreement that touches Europe's security must be negotiated with Europe"]
    offer = next(offer for offer in own.offers if offer.field == "speaker")
    assert offer.value == record["Kaja Kallas"]
    assert next(o for o in own.offers if o.field == "date").value == datetime.date(2026, 8, 12)
    quoted = found["Washington would ease some sanctions"]
    assert quoted.speaker == record["JD Vance"]


def test_two_sides_supporting_something_together_get_no_single_party(record):
    found = drafts(
        "The joint statement said Russia and the United States supported an exchange of all "
        "prisoners for all prisoners."
    )
    draft = found[
        "Russia and the United States supported an exchange of all prisoners for all prisoners"
    ]
    assert draft.party is None
    assert "together" in draft.evidence["party"]


def test_words_after_he_said_are_whom_he_quotes_when_a_when_clause_opens(record):
    found = drafts(
        "When the two met in Antalya on Tuesday, he said, Kirill Dmitriev told him that Moscow "
        "was prepared to guarantee safe passage for grain ships."
    )
    draft = found["Moscow was prepared to guarantee safe passage for grain ships"]
    assert draft.speaker == record["Kirill Dmitriev"]
    assert not any(quote.endswith("he said") for quote in found)


def test_a_pronoun_after_someone_the_record_lacks_is_not_the_speaker_named_before(record):
    found = drafts(
        "Kirill Dmitriev said on Tuesday that sanctions must go.\n\n"
        "Deputy Foreign Minister Ivan Petrovsky, speaking at a conference, went further. "
        "Binding guarantees were the only basis for a deal, he said."
    )
    draft = found["Binding guarantees were the only basis for a deal"]
    assert draft.speaker is None
    assert "Ivan Petrovsky" in draft.evidence["speaker"]


def test_a_quote_someone_gave_then_is_of_the_day_given_before_not_the_occasions(record):
    found = drafts(
        "ROME, Aug 12 (Example Wire) - Leaders met at a summit in Rome on Wednesday.\n\n"
        "Mark Rutte had set out his line at a dinner on Monday evening.\n\n"
        "“Ukraine's future in NATO is for the allies to decide,” Rutte said then."
    )
    draft = found["Ukraine's future in NATO is for the allies to decide"]
    assert draft.stated_on == datetime.date(2026, 8, 10)
    assert "just before" in draft.evidence["date"]
