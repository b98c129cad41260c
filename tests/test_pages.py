"""What readers see on each public page, and what they never see."""

import datetime

import pytest
from django.utils import timezone

from positions.editorial.timeline import recompute_timeline
from positions.models.choices import DatePrecision, Move, Stance, Status
from tests.factories import (
    EventFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert(1)</script> "><svg onload=alert(2)>'


def publish(**fields):
    """A published position, with its party's timeline on the topic recomputed."""
    fields.setdefault("published_at", timezone.now())
    position = PositionFactory(status=Status.PUBLISHED, **fields)
    recompute_timeline(party_id=position.party_id, topic_id=position.topic_id)
    position.refresh_from_db()
    return position


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content.decode()[:500]
    return response.content.decode()


# Home


def test_home_shows_latest_shift_in_words(client):
    russia = PartyFactory(short_name="Russia")
    topic = TopicFactory(proposition="Ukraine joins NATO")
    publish(party=russia, topic=topic, stance=Stance.OPPOSES, stated_on=datetime.date(2025, 1, 5))
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=datetime.date(2025, 3, 16))
    html = page(client, "/")
    assert "Russia moved towards rejection on “Ukraine joins NATO”" in html
    assert "16 March 2025" in html
    assert "from opposes to rejects" in html


def test_home_words_a_reversal_as_such(client):
    russia = PartyFactory(short_name="Russia")
    topic = TopicFactory(proposition="Ukraine joins NATO")
    publish(party=russia, topic=topic, stance=Stance.OPEN, stated_on=datetime.date(2025, 1, 5))
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=datetime.date(2025, 3, 16))
    assert "Russia reversed its stance on “Ukraine joins NATO”" in page(client, "/")


def test_home_counts_only_published_positions(client):
    topic = TopicFactory(name="Ceasefire lines")
    publish(topic=topic)
    PositionFactory(topic=topic, status=Status.DRAFT)
    PositionFactory(topic=topic, status=Status.IN_REVIEW)
    html = page(client, "/")
    assert 'Ceasefire lines</a> <span class="count">1 position</span>' in html


def test_home_lists_seeded_parties_and_positions(client, seeded):
    html = page(client, "/")
    assert "Russian Federation" in html
    assert "Ukraine joins NATO" in html
    assert 'role="search"' in html


# Topic


def test_topic_page_shows_proposition_chart_table_and_subtopics(client):
    parent = TopicFactory(name="Security guarantees")
    topic = TopicFactory(parent=parent, proposition="Ukraine joins NATO")
    child = TopicFactory(parent=topic, name="Membership timetable")
    publish(topic=topic, party=PartyFactory(short_name="Russia"), stance=Stance.REJECTS)
    publish(topic=child, party=PartyFactory(short_name="Ukraine"), stance=Stance.SUPPORTS)
    html = page(client, topic.get_absolute_url())
    assert "“Ukraine joins NATO”" in html
    assert 'id="standings-heading"' in html and 'class="lanes"' in html
    assert f'Part of <a href="{parent.get_absolute_url()}">Security guarantees</a>' in html
    assert "Membership timetable" in html and "Ukraine" in html


def test_topic_page_gives_each_partys_current_stance_on_each_subtopic(client):
    topic = TopicFactory(name="Security guarantees")
    child = TopicFactory(parent=topic, name="Observer mission")
    silent = TopicFactory(parent=topic, name="Peacekeepers")
    PositionFactory(topic=silent, status=Status.RETRACTED, retraction_reason="Misattributed.")
    russia, ukraine = PartyFactory(short_name="Russia"), PartyFactory(short_name="Ukraine")
    publish(topic=child, party=ukraine, stance=Stance.OPEN, stated_on=datetime.date(2025, 1, 5))
    now = publish(
        topic=child, party=ukraine, stance=Stance.SUPPORTS, stated_on=datetime.date(2025, 3, 5)
    )
    rejects = publish(topic=child, party=russia, stance=Stance.REJECTS)
    PositionFactory(topic=child, party=PartyFactory(short_name="Drafted"), status=Status.DRAFT)

    html = page(client, topic.get_absolute_url())
    subtopics = html.split('id="subtopics-heading"')[1].split("</section>")[0]
    observer, peacekeepers = subtopics.split("Peacekeepers")
    assert f'<a href="{rejects.get_absolute_url()}">Russia ' in observer
    assert f'<a href="{now.get_absolute_url()}">Ukraine ' in observer
    assert observer.index("Russia") < observer.index("Ukraine")
    assert "supports" in observer and "Drafted" not in observer
    assert "no known positions" in peacekeepers and silent.get_absolute_url() in subtopics
    # A sub-topic nothing published cites is not public.
    PositionFactory(topic=TopicFactory(parent=topic, name="Drafted topic"), status=Status.DRAFT)
    assert "Drafted topic" not in page(client, topic.get_absolute_url())


@pytest.mark.parametrize(
    "precision, shown",
    [
        (DatePrecision.DAY, "7 March 2025"),
        (DatePrecision.MONTH, "March 2025"),
        (DatePrecision.YEAR, "2025"),
    ],
)
def test_topic_dates_read_no_more_precisely_than_they_are_known(client, precision, shown):
    position = publish(stated_on=datetime.date(2025, 3, 7), stated_on_precision=precision)
    html = page(client, position.topic.get_absolute_url())
    # Since when and when last stated where the party stands now; in the list of statements.
    assert html.count(f'<time datetime="2025-03-07">{shown}</time>') == 3


def test_topic_statements_filter_by_party(client):
    topic = TopicFactory()
    publish(topic=topic, party=PartyFactory(slug="russia"), summary="Russian statement.")
    publish(topic=topic, party=PartyFactory(slug="ukraine"), summary="Ukrainian statement.")
    html = page(client, topic.get_absolute_url() + "?party=ukraine")
    statements = html.split('id="statements-heading"')[1]
    assert "Ukrainian statement." in statements
    assert "Russian statement." not in statements


def test_topic_unknown_party_filter_is_a_friendly_400(client):
    topic = TopicFactory()
    publish(topic=topic)
    html = page(client, topic.get_absolute_url() + "?party=atlantis", status=400)
    assert "No party “atlantis”" in html


def test_topic_page_marks_events_and_red_lines(client):
    topic = TopicFactory()
    publish(topic=topic, move=Move.RED_LINE, stance=Stance.REJECTS)
    event = EventFactory(title="Talks in Riyadh", date=datetime.date(2025, 3, 11))
    event.topics.add(topic)
    html = page(client, topic.get_absolute_url())
    standings = html.split('id="standings-heading"')[1].split("</section>")[0]
    assert 'class="badge badge-red-line">Red line' in standings
    assert "Talks in Riyadh" in html and 'class="chart-event"' in html


# Party


def test_party_page_shows_current_stances_red_lines_and_speakers(client):
    russia = PartyFactory(name="Russian Federation", short_name="Russia")
    topic = TopicFactory(proposition="Ukraine joins NATO")
    person = PersonFactory(name="Alexander Grushko")
    role = RoleFactory(person=person, party=russia, title="Deputy Foreign Minister")
    publish(party=russia, topic=topic, stance=Stance.OPPOSES, stated_on=datetime.date(2024, 6, 1))
    publish(
        party=russia,
        topic=topic,
        stance=Stance.REJECTS,
        move=Move.RED_LINE,
        speaker=person,
        role=role,
        summary="No NATO membership.",
        stated_on=datetime.date(2025, 3, 16),
    )
    html = page(client, russia.get_absolute_url())
    current = html.split("Current stance on each topic")[1].split("Red lines")[0]
    assert "rejects" in current and "16 March 2025" in current and "towards rejection" in current
    assert "opposes" not in current.split("<tbody>")[1]
    assert "No NATO membership." in html.split("Red lines")[1]
    assert "Alexander Grushko</a>, Deputy Foreign Minister" in html


def test_party_current_stance_ignores_later_drafts(client):
    party = PartyFactory()
    topic = TopicFactory()
    publish(party=party, topic=topic, stance=Stance.OPEN)
    PositionFactory(
        party=party, topic=topic, stance=Stance.REJECTS, stated_on=datetime.date(2025, 4, 1)
    )
    current = page(client, party.get_absolute_url()).split("Red lines")[0]
    assert "is open" not in current  # the stance word, not the verb, is shown in the table
    assert "stance-open" in current and "stance-rejects" not in current


# Position


def test_position_page_shows_every_fact_of_the_record(client):
    original = SourceFactory(title="Interview with Izvestia", outlet="Izvestia")
    report = SourceFactory(title="Russia seeks guarantees", outlet="Xinhua", original=original)
    person = PersonFactory(name="Alexander Grushko")
    party = PartyFactory(short_name="Russia")
    role = RoleFactory(person=person, party=party, title="Deputy Foreign Minister")
    topic = TopicFactory(proposition="Peacekeepers are deployed in Ukraine")
    first = publish(
        party=party, topic=topic, stance=Stance.REJECTS, stated_on=datetime.date(2025, 1, 1)
    )
    position = publish(
        party=party,
        topic=topic,
        source=report,
        speaker=person,
        role=role,
        stance=Stance.OPEN,
        move=Move.ALTERNATIVE,
        conditions="Only if both parties deem it necessary.",
        quote="would only be feasible if both parties deem it necessary",
        summary="Russia considers peacekeepers feasible on conditions.",
        stated_on=datetime.date(2025, 3, 1),
        stated_on_precision=DatePrecision.MONTH,
    )
    later = publish(party=party, topic=topic, stance=Stance.SUPPORTS)
    html = page(client, position.get_absolute_url())
    assert "<blockquote" in html and "would only be feasible if both parties" in html
    assert "Russia considers peacekeepers feasible on conditions." in html
    assert "Acceptable alternative" in html
    assert "Only if both parties deem it necessary." in html
    assert "Alexander Grushko</a>, Deputy Foreign Minister (at the time)" in html
    assert "March 2025" in html and "1 March 2025" not in html
    assert "Xinhua" in html and "Interview with Izvestia" in html
    assert first.get_absolute_url() in html and later.get_absolute_url() in html
    assert "reversal" in html
    assert "Cite this" in html and f"http://testserver{position.get_absolute_url()}" in html


def test_retracted_position_is_shown_marked_with_its_reason(client):
    position = PositionFactory(
        status=Status.RETRACTED,
        retraction_reason="The quote was misattributed.",
        retracted_at=timezone.now(),
    )
    html = page(client, position.get_absolute_url())
    assert "Retracted" in html and "The quote was misattributed." in html


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_unpublished_position_is_not_found(client, status):
    position = PositionFactory(status=status)
    html = page(client, position.get_absolute_url(), status=404)
    assert "Not found" in html


# Source


def test_source_page_highlights_each_quote_and_links_it(client, seed_article):
    html = page(client, seed_article.get_absolute_url())
    published = seed_article.positions.published()
    assert html.count("<mark>") >= 8
    for position in published:
        assert f'href="{position.get_absolute_url()}"' in html
        assert f'id="quote-{position.pk}"' in html
    assert "<mark>NATO and peacekeeping are entirely incompatible.</mark>" in html


def test_source_page_does_not_highlight_drafts(client):
    source = SourceFactory(text="Alpha says yes. Beta says no.")
    draft = PositionFactory(source=source, quote="Beta says no.", status=Status.DRAFT)
    from positions.editorial.services import anchor_quote

    anchor_quote(draft)
    draft.save()
    publish(source=source, quote="Alpha says yes.", quote_start=0, quote_end=15,
            anchored_text_sha256=source.text_sha256)  # fmt: skip
    html = page(client, source.get_absolute_url())
    assert "<mark>Alpha says yes.</mark>" in html
    assert "<mark>Beta says no.</mark>" not in html
    assert draft.get_absolute_url() not in html


def test_source_page_does_not_trust_offsets_into_an_older_text(client):
    source = SourceFactory(text="Completely rewritten text.")
    publish(source=source, quote="Old words", quote_start=0, quote_end=9,
            anchored_text_sha256="0" * 64)  # fmt: skip
    html = page(client, source.get_absolute_url())
    assert "<mark>" not in html
    assert "quote not located in the stored text" in html


# Person, timeline


def test_person_page_lists_roles_and_statements(client):
    person = PersonFactory(name="Kaja Kallas")
    role = RoleFactory(person=person, title="High Representative")
    publish(speaker=person, party=role.party, summary="EU backs guarantees.")
    PositionFactory(speaker=person, summary="Unpublished words.")
    html = page(client, person.get_absolute_url())
    assert "High Representative" in html and "EU backs guarantees." in html
    assert "Unpublished words." not in html


def test_timeline_places_events_among_positions_in_date_order(client):
    before = publish(stated_on=datetime.date(2025, 3, 1))
    after = publish(stated_on=datetime.date(2025, 3, 20))
    draft = PositionFactory(stated_on=datetime.date(2025, 3, 21))
    EventFactory(title="Talks in Jeddah", date=datetime.date(2025, 3, 11), location="Jeddah")
    html = page(client, "/timeline/?year=2025")
    assert html.index(before.topic.proposition) < html.index("Talks in Jeddah")
    assert html.index("Talks in Jeddah") < html.index(after.topic.proposition)
    assert draft.topic.proposition not in html


def test_timeline_defaults_to_latest_year(client):
    EventFactory(title="Old talks", date=datetime.date(2022, 3, 29))
    EventFactory(title="New talks", date=datetime.date(2025, 5, 16))
    html = page(client, "/timeline/")
    assert "New talks" in html and "Old talks" not in html
    assert '<a href="?year=2022">2022</a>' in html


# Bad input


@pytest.mark.parametrize(
    "url",
    [
        "/compare/?as_of=yesterday",
        "/compare/?as_of=2025-02-30",
        "/compare/?as_of=2025-3-1",
        "/compare/?from=2025-13-01",
        "/compare/?from=2025-03-20&to=2025-03-01",
        "/timeline/?year=twenty",
        "/search/?q=nato&stance=9",
    ],
)
def test_bad_parameters_give_a_friendly_400(client, url):
    html = page(client, url, status=400)
    assert "This page cannot be shown with these settings" in html
    assert '<a href="/">home page</a>' in html


@pytest.mark.parametrize(
    "url",
    [
        "/parties/atlantis/",
        "/topics/atlantis/",
        "/people/nobody/",
        "/sources/999999/",
        "/positions/999999/",
        "/feeds/parties/atlantis/",
        "/feeds/topics/atlantis/",
    ],
)
def test_unknown_records_give_a_friendly_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "There is no public record at this address" in response.content.decode()


# Escaping


def hostile_position():
    party = PartyFactory(name=HOSTILE, short_name=HOSTILE)
    topic = TopicFactory(name=HOSTILE, proposition=HOSTILE)
    person = PersonFactory(name=HOSTILE)
    source = SourceFactory(title=HOSTILE, outlet=HOSTILE, text=f"Before. {HOSTILE} After.")
    return publish(
        party=party,
        topic=topic,
        speaker=person,
        source=source,
        quote=HOSTILE,
        summary=HOSTILE,
        conditions=HOSTILE,
        quote_start=8,
        quote_end=8 + len(HOSTILE),
        anchored_text_sha256=source.text_sha256,
    )


def test_user_text_is_escaped_on_every_page(client):
    position = hostile_position()
    EventFactory(title=HOSTILE, date=position.stated_on).topics.add(position.topic)
    urls = [
        "/",
        "/compare/",
        "/compare/?from=2025-01-01&to=2025-12-31",
        position.get_absolute_url(),
        position.party.get_absolute_url(),
        position.topic.get_absolute_url(),
        position.speaker.get_absolute_url(),
        position.source.get_absolute_url(),
        "/timeline/?year=2025",
        "/search/?q=script",
        "/search/?q=" + "%3Cscript%3E",
    ]
    for url in urls:
        html = page(client, url)
        assert "<script>alert" not in html, url
        assert "<svg onload" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


@pytest.mark.parametrize(
    "url",
    [
        "/compare/?as_of=0001-01-01",
        "/compare/?as_of=9999-12-31",
        "/compare/?from=0001-01-01&to=9999-12-31",
        "/timeline/?year=9999",
        "/topics/peacekeeping/?page=99999999999999999999",
    ],
)
def test_odd_but_valid_parameters_still_give_a_page(client, seeded, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/compare/?parties=%00&topics=a%00b",
        "/search/?q=%00peace&party=%00&topic=%00",
        "/parties/russia/?page=%00",
        "/topics/peacekeeping/?party=%00x",
    ],
)
def test_nul_in_a_parameter_is_a_friendly_400(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode() or "null" in response.content.decode().lower()


def test_party_speakers_and_topic_filters_leave_out_draft_only_people_and_parties(client):
    party, topic = PartyFactory(), TopicFactory()
    publish(party=party, topic=topic)
    hidden_speaker = PersonFactory(name="Unpublished Speaker")
    hidden_party = PartyFactory(short_name="Unpublished Party")
    PositionFactory(party=party, topic=topic, speaker=hidden_speaker, status=Status.IN_REVIEW)
    PositionFactory(party=hidden_party, topic=topic, status=Status.DRAFT)
    assert "Unpublished Speaker" not in page(client, party.get_absolute_url())
    assert "Unpublished Party" not in page(client, topic.get_absolute_url())


def test_party_page_lists_each_public_speaker_once_by_name(client):
    party, other_party, topic = PartyFactory(), PartyFactory(), TopicFactory()
    zoe, adam, retracted_only = (
        PersonFactory(name="Zoe Speaker"),
        PersonFactory(name="Adam Speaker"),
        PersonFactory(name="Retracted Speaker"),
    )
    for _ in range(3):
        publish(party=party, topic=topic, speaker=zoe)
    publish(party=party, topic=topic, speaker=adam)
    publish(party=party, topic=topic, speaker=None)
    PositionFactory(
        party=party,
        topic=topic,
        speaker=retracted_only,
        status=Status.RETRACTED,
        retraction_reason="Misattributed.",
    )
    publish(party=other_party, topic=topic, speaker=PersonFactory(name="Other Party Speaker"))
    speakers = page(client, party.get_absolute_url()).split('id="speakers-heading"')[1]
    speakers = speakers.split("</section>")[0]
    assert "Other Party Speaker" not in speakers
    assert speakers.count("Zoe Speaker") == 1
    assert speakers.index("Adam Speaker") < speakers.index("Retracted Speaker")
    assert speakers.index("Retracted Speaker") < speakers.index("Zoe Speaker")


def test_statement_lists_read_named_rows_that_link_to_each_position(client):
    from positions.models import Position

    first = publish(summary="First.")
    publish(summary="Second.")
    rows = Position.objects.public().for_statement_list().order_by("id")
    one = rows.get(pk=first.pk)
    assert (one.summary, one.party_slug, one.topic_proposition) == (
        "First.",
        first.party.slug,
        first.topic.proposition,
    )
    page = client.get(first.party.get_absolute_url()).content.decode()
    assert f'href="{first.get_absolute_url()}"' in page


def test_templates_hold_no_inline_script_or_style_and_never_mark_text_safe():
    import re
    from pathlib import Path

    # The content security policy allows scripts from the site's own static files only.
    static_script = re.compile(r"""<script src="\{% static '[^']+' %\}"></script>""")
    root = Path(__file__).resolve().parent.parent / "templates"
    for template in root.rglob("*.html"):
        text = static_script.sub("", template.read_text())
        for forbidden in ("<script", "<style", "style=", "|safe", "autoescape off"):
            assert forbidden not in text, f"{template.name}: {forbidden}"


def test_home_lists_topics_with_subtopics_under_their_parent(client):
    parent = TopicFactory(name="Peacekeeping")
    publish(topic=TopicFactory(name="Another topic"))
    publish(topic=TopicFactory(name="Observer mission", parent=parent))
    TopicFactory(name="Drafted topic")
    html = page(client, "/").split('id="topics-heading"')[1]
    assert html.index(">Another topic<") < html.index(">Peacekeeping<")
    assert html.index(">Peacekeeping<") < html.index(">Observer mission<")
    assert ">Drafted topic<" not in html


def test_timeline_of_a_month_shows_that_month_only(client):
    publish(topic=TopicFactory(proposition="February idea"), stated_on=datetime.date(2025, 2, 27))
    publish(topic=TopicFactory(proposition="March idea"), stated_on=datetime.date(2025, 3, 4))
    publish(topic=TopicFactory(proposition="April idea"), stated_on=datetime.date(2025, 4, 1))
    EventFactory(title="March talks", date=datetime.date(2025, 3, 11))
    EventFactory(title="April talks", date=datetime.date(2025, 4, 2))
    html = page(client, "/timeline/?year=2025&month=3")
    assert "<h1>Timeline of March 2025</h1>" in html
    assert "March idea" in html and "March talks" in html
    assert "February idea" not in html and "April idea" not in html
    assert "April talks" not in html
    assert '<strong aria-current="page">Mar</strong>' in html
    assert '<a href="?year=2025&amp;month=4">Apr</a>' in html


def test_timeline_pages_reach_every_statement_and_event_of_a_year_once(client, monkeypatch):
    import importlib

    # The package exports the view under the module's name, so fetch the module itself.
    timeline_module = importlib.import_module("positions.views.timeline")
    monkeypatch.setattr(timeline_module, "TIMELINE_PAGE", 2)
    days = [(1, 5), (3, 1), (3, 1), (6, 30), (12, 31)]
    for number, (month, day) in enumerate(days, start=1):
        publish(
            topic=TopicFactory(proposition=f"Idea number {number}"),
            stated_on=datetime.date(2025, month, day),
        )
    for title, month, day in (
        ("New year talks", 1, 1),
        ("Spring talks", 3, 1),
        ("Late talks", 9, 9),
    ):
        EventFactory(title=title, date=datetime.date(2025, month, day))
    pages = [page(client, f"/timeline/?year=2025&page={n}") for n in (1, 2, 3)]
    assert "Statements 1 to 2 of 5 statements made in 2025" in pages[0]
    assert 'rel="next">Later</a>' in pages[0] and 'rel="prev">Earlier</a>' in pages[1]
    seen = [sum(p.count(f"Idea number {n}”") for p in pages) for n in range(1, 6)]
    assert seen == [1] * 5
    for title in ("New year talks", "Spring talks", "Late talks"):
        assert sum(p.count(title) for p in pages) == 1, title
    # The talks of 1 March stand before the first statement of that day, on its page.
    assert "Spring talks" in pages[0] and "Late talks" in pages[2]


def test_timeline_month_must_be_a_month(client):
    html = page(client, "/timeline/?year=2025&month=13", status=400)
    assert "“month” must be a month number from 1 (January) to 12 (December)." in html


def test_a_matrix_row_writes_each_unknown_stance_where_it_falls():
    from positions.reading.stances import StanceInForce
    from positions.templatetags.standpoint import matrix_cells

    day = datetime.date(2025, 3, 16)
    moves = [(Stance.OPEN, Move.RED_LINE), (Stance.REJECTS, Move.DEMAND), (Stance.OPEN, "")]
    known = [
        StanceInForce(n, n, 1, stance, day, DatePrecision.DAY, move, "", "")
        for n, (stance, move) in enumerate(moves, start=1)
    ]
    cells = [None, None, known[0], None, known[1], known[2], None, None]
    row = matrix_cells(cells)
    assert row == "".join(matrix_cells([cell]) for cell in cells)
    assert row.count("<td ") == len(cells)
    assert row.count('class="stance-none"') == 5


def test_templates_are_compiled_once_per_process():
    from django.template import engines
    from django.template.loaders.cached import Loader

    loaders = engines["django"].engine.template_loaders
    assert loaders and all(isinstance(loader, Loader) for loader in loaders)


def test_home_counts_a_parent_topics_positions_with_its_subtopics(client):
    parent = TopicFactory(name="Security guarantees")
    child = TopicFactory(parent=parent, name="Peacekeepers")
    grandchild = TopicFactory(parent=child, name="Observers")
    publish(topic=parent)
    publish(topic=child)
    publish(topic=grandchild)
    publish(topic=grandchild)
    html = page(client, "/").split('id="topics-heading"')[1].split("</section>")[0]
    assert 'Security guarantees</a> <span class="count">4 positions with its sub-topics' in html
    assert 'Peacekeepers</a> <span class="count">3 positions with its sub-topics' in html
    assert 'Observers</a> <span class="count">2 positions</span>' in html
