"""The extraction's rules, each on a short constructed report (test texts, not real articles):
attribution, dates, quotes, topics and cues, and how the extract page offers them."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from positions.editorial import extraction
from positions.models.choices import Move
from tests.extraction_drafts import drafts_of
from tests.factories import (
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    russia = PartyFactory(
        slug="russia", name="Russian Federation", short_name="Russia",
        other_names="Moscow\nthe Kremlin\nRussian",
    )  # fmt: skip
    ukraine = PartyFactory(slug="ukraine", name="Ukraine", other_names="Kyiv\nUkrainian")
    us = PartyFactory(
        slug="united-states", name="United States of America", short_name="United States",
        other_names="U.S.\nWashington\nthe White House",
    )  # fmt: skip
    zelenskyy = PersonFactory(name="Volodymyr Zelenskyy", other_names="Zelensky\nZelenskiy")
    RoleFactory(person=zelenskyy, party=ukraine, title="President")
    ushakov = PersonFactory(name="Yuri Ushakov")
    RoleFactory(person=ushakov, party=russia, title="Presidential aide")
    witkoff = PersonFactory(name="Steve Witkoff")
    RoleFactory(person=witkoff, party=us, title="Special Envoy")
    putin = PersonFactory(name="Vladimir Putin")
    RoleFactory(person=putin, party=russia, title="President")
    # Known to the record, but without a role: the party must come from the article.
    lavrov = PersonFactory(name="Sergei Lavrov", other_names="Sergey Lavrov")
    return {
        "russia": russia, "ukraine": ukraine, "us": us, "zelenskyy": zelenskyy,
        "ushakov": ushakov, "witkoff": witkoff, "putin": putin, "lavrov": lavrov,
    }  # fmt: skip


def drafts(text: str, published=datetime.date(2025, 8, 20)) -> dict[str, extraction.Draft]:
    return drafts_of(text, published)


# -- dates --


def test_a_weekday_equal_to_the_publication_day_is_that_day(record):
    # 20 August 2025 is a Wednesday.
    found = drafts("KYIV - Zelensky said on Wednesday that Kyiv would not leave Donbas.")
    draft = found["Kyiv would not leave Donbas"]
    assert draft.stated_on == datetime.date(2025, 8, 20)
    assert "the same day" in draft.evidence["date"]


def test_an_explicit_date_wins_over_its_weekday(record):
    found = drafts(
        "Speaking in an interview aired on Monday, August 25, Sergey Lavrov said Russia wanted "
        "guarantees.",
        published=datetime.date(2025, 8, 26),
    )
    assert found["Russia wanted guarantees"].stated_on == datetime.date(2025, 8, 25)


def test_a_date_given_once_carries_to_the_paragraphs_next_statements(record):
    found = drafts(
        "Ushakov said on Sunday that the talks had been useful. He stressed that Moscow would "
        "not give up its claim to Donbas.",
        published=datetime.date(2025, 8, 20),
    )
    draft = found["Moscow would not give up its claim to Donbas"]
    assert draft.suggested("date") == datetime.date(2025, 8, 17)
    assert "given earlier in the paragraph" in draft.evidence["date"]


def test_a_reports_own_date_dates_the_claim_it_reports(record):
    found = drafts(
        "Washington has signalled that sanctions relief would come only after a ceasefire, the "
        "Daily Example reported on August 23.",
        published=datetime.date(2025, 8, 25),
    )
    draft = found["sanctions relief would come only after a ceasefire"]
    assert draft.suggested("date") == datetime.date(2025, 8, 23)
    assert draft.suggested("party") == record["us"] and draft.suggested("speaker") is None


def test_an_undated_statement_stays_blank_and_says_why(record):
    found = drafts("Russia will never accept foreign troops in Ukraine, Lavrov said.")
    draft = found["Russia will never accept foreign troops in Ukraine"]
    assert draft.stated_on is None
    assert draft.evidence["date"].startswith("Left blank")
    assert "stated_on" not in draft.prefill(SourceFactory())


def test_last_week_is_approximate_recently_is_blank_and_earlier_this_month_a_month(record):
    # 4 November 2025 is a Tuesday; the week before ran from Monday 27 October.
    found = drafts(
        "Zelensky said last week that Ukraine needed air defence.\n\n"
        "Sergey Lavrov said recently that Russia wanted talks.\n\n"
        "Earlier this month, Ushakov said Russia would not accept a freeze.",
        published=datetime.date(2025, 11, 4),
    )
    approximate = found["Ukraine needed air defence"]
    assert (approximate.suggested("date"), approximate.offered("date").precision) == (
        datetime.date(2025, 10, 29),
        "approximate",
    )
    vague = found["Russia wanted talks"]
    assert vague.suggested("date") is None and "“recently” gives no day" in vague.evidence["date"]
    month = found["Russia would not accept a freeze"]
    assert (month.suggested("date"), month.offered("date").precision) == (
        datetime.date(2025, 11, 1),
        "month",
    )


# -- attribution --


def test_he_stands_for_the_paragraphs_speaker_not_the_last_person_named(record):
    found = drafts(
        "Ushakov said the talks with Witkoff had been useful. He stressed that Moscow would not "
        "give up its claim to Donbas."
    )
    draft = found["Moscow would not give up its claim to Donbas"]
    assert draft.speaker == record["ushakov"]
    assert draft.party == record["russia"]


def test_reported_speech_suggests_the_original_speaker_and_names_the_reporter(record):
    found = drafts(
        "Putin has said that Ukraine's NATO membership is a red line, Witkoff told CNN last month."
    )
    draft = found["Ukraine's NATO membership is a red line"]
    assert (
        draft.suggested("speaker") == record["putin"]
        and draft.suggested("party") == record["russia"]
    )
    assert "reported by Steve Witkoff" in draft.evidence["speaker"]
    assert draft.suggested("date") is None
    assert "does not say when" in draft.evidence["date"]


def test_the_party_is_the_speakers_own_demonym_not_the_first_country_named(record):
    found = drafts("Russian Foreign Minister Sergey Lavrov said Ukraine must stay neutral.")
    draft = found["Ukraine must stay neutral"]
    assert draft.speaker == record["lavrov"]
    assert draft.party == record["russia"]


def test_capitals_and_metonyms_name_their_party(record):
    found = drafts("The Kremlin said on Wednesday that talks with Kyiv would resume.")
    draft = found["talks with Kyiv would resume"]
    assert draft.party == record["russia"] and draft.speaker is None


def test_a_speaker_is_found_by_another_spelling_of_the_name(record):
    found = drafts("Zelenskiy said on Wednesday that Ukraine would not cede land.")
    assert found["Ukraine would not cede land"].speaker == record["zelenskyy"]


def test_someone_the_record_lacks_is_proposed_with_name_title_and_party(record, client, editor):
    text = "U.S. Treasury Secretary Scott Bessent said on Wednesday that sanctions would stay."
    draft = drafts(text)["sanctions would stay"]
    assert draft.speaker is None
    assert (draft.new_speaker.name, draft.new_speaker.title) == (
        "Scott Bessent",
        "Treasury Secretary",
    )
    assert draft.party == record["us"] and not draft.offers

    source = SourceFactory(text=text)
    client.force_login(editor)
    page = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    # The new person, title and party are carried into the add form by the statement's link.
    [url] = [url for row in page.context["rows"] for _, url, _ in row["links"]]
    query = {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}
    assert query["new_speaker"] == "Scott Bessent"
    assert query["new_speaker_role"] == "Treasury Secretary"
    assert query["party"] == str(record["us"].pk)


# -- statements and quotes --


def test_statements_without_a_verb_of_saying_are_found(record):
    found = drafts(
        "Ukraine ruled out ceding territory.\n\n"
        "The claim that Kyiv walked away from the talks is not true, ministry spokesman Heorhiy "
        "Tykhyi told journalists."
    )
    assert found["Ukraine ruled out ceding territory"].party == record["ukraine"]
    assert found["Ukraine ruled out ceding territory"].move == Move.RED_LINE
    assert "The claim that Kyiv walked away from the talks is not true" in found


def test_a_lead_sentence_holding_three_statements_offers_each(record):
    found = drafts(
        "WASHINGTON, Aug 19 (Example Wire) - European leaders pressed for a ceasefire, Ukraine "
        "ruled out ceding territory and President Donald Trump signalled support for security "
        "guarantees at a White House summit on Monday."
    )
    assert {
        "European leaders pressed for a ceasefire",
        "Ukraine ruled out ceding territory",
        "President Donald Trump signalled support for security guarantees",
    } <= set(found)
    assert found["Ukraine ruled out ceding territory"].stated_on == datetime.date(2025, 8, 18)


def test_the_quote_is_the_statement_not_the_attribution_or_a_scare_quoted_fragment(record):
    found = drafts(
        "Lavrov said on Tuesday that Russia would not accept European troops, calling such plans "
        "a “direct threat”.\n\n"
        "Speaking to reporters in audio messages shared by his office, Ushakov said a summit had "
        "been postponed."
    )
    assert "Russia would not accept European troops" in found
    assert "a summit had been postponed" in found
    assert not any(quote.startswith(("direct threat", "Speaking to")) for quote in found)


def test_a_listing_sentence_offers_each_item_as_a_proposal(record):
    found = drafts(
        "The plan includes a cap on Ukraine's army, a commitment that Ukraine will never join "
        "NATO, and a freeze of the front line, according to a draft seen by Example Wire."
    )
    items = [
        "a cap on Ukraine's army",
        "a commitment that Ukraine will never join NATO",
        "a freeze of the front line",
    ]
    assert set(items) <= set(found)
    assert found["a cap on Ukraine's army"].move == Move.PROPOSAL


def test_a_refusal_is_no_proposal_though_a_proposal_is_named(record):
    found = drafts(
        "“We cannot agree to this. This will not work,” Zelenskiy said, referring to the "
        "proposed limits on the army."
    )
    draft = found["We cannot agree to this. This will not work"]
    assert draft.move == Move.RED_LINE
    assert "“cannot”" in draft.evidence["move"]


# -- topics --


def test_topics_are_learned_from_positions_editors_have_coded(record):
    guarantees = TopicFactory(name="Guarantees", proposition="Ukraine receives guarantees")
    backstop = TopicFactory(name="Backstop", proposition="A backstop supports a force")
    PositionFactory(
        topic=backstop,
        quote="American air power would protect European peacekeepers in Ukraine",
    )
    found = drafts("Witkoff said on Wednesday that American air power would protect the force.")
    topics = found["American air power would protect the force"].topics
    assert topics[0] == backstop
    assert guarantees not in topics[:1]


def test_topics_are_suggested_for_russian_and_ukrainian_statements_from_english_wording(record):
    exchange = TopicFactory(name="Prisoner exchange", proposition="All prisoners are exchanged")
    assets = TopicFactory(name="Frozen assets", proposition="Frozen assets fund Ukraine")
    found = drafts(
        "МОСКВА, 20 августа. Лавров заявил, что Россия готова к обмену военнопленными.\n\n"
        "Сибіга заявив, що заморожені російські активи мають піти на відбудову України."
    )
    russian = found["Россия готова к обмену военнопленными"]
    assert russian.topics[0] == exchange
    ukrainian = found["заморожені російські активи мають піти на відбудову України"]
    assert ukrainian.topics[0] == assets


# -- the extract page --


def test_every_sentence_can_start_a_position_and_no_stance_is_filled_in(record, client, editor):
    source = SourceFactory(
        text="Fighting continued overnight near Sumy.\n\nZelensky said on Monday that Ukraine "
        "would never recognise Crimea as Russian."
    )
    client.force_login(editor)
    page = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    rows = page.context["rows"]
    assert all(row["sentence_link"] for row in rows)
    first = parse_qs(urlsplit(rows[0]["sentence_link"]).query)
    assert first["quote"] == ["Fighting continued overnight near Sumy."]
    assert "stated_on" not in first, "no date without evidence for it"
    [(_, url, _)] = [link for row in rows for link in row["links"]]
    assert "stance" not in parse_qs(urlsplit(url).query)
    html = page.content.decode()
    assert "Record a position from this sentence" in html
    assert "not filled in, the stance is yours to choose" in html
    assert "Statements, most likely first" in html
