"""The compare page: the stance matrix as of a date, and what changed between two dates."""

import datetime

import pytest

from positions.models.choices import Move, Stance, Status
from tests.factories import PartyFactory, PositionFactory, TopicFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db


def cells_of(html: str, topic) -> str:
    """The matrix row of one topic."""
    return html.split(f'href="{topic.get_absolute_url()}"')[1].split("</tr>")[0]


@pytest.fixture
def change_over_time():
    russia = PartyFactory(short_name="Russia", slug="russia")
    ukraine = PartyFactory(short_name="Ukraine", slug="ukraine")
    topic = TopicFactory(slug="peacekeepers", proposition="Peacekeepers are deployed")
    before = publish(
        party=russia,
        topic=topic,
        stance=Stance.REJECTS,
        summary="Russia rejects peacekeepers.",
        stated_on=datetime.date(2025, 1, 10),
    )
    after = publish(
        party=russia,
        topic=topic,
        stance=Stance.OPEN,
        summary="Russia is open to peacekeepers on conditions.",
        stated_on=datetime.date(2025, 3, 16),
    )
    publish(party=ukraine, topic=topic, stance=Stance.SUPPORTS, stated_on=datetime.date(2025, 1, 1))
    return russia, ukraine, topic, before, after


def test_matrix_shows_latest_stance_as_of_the_chosen_date(client, change_over_time):
    russia, ukraine, topic, before, after = change_over_time
    earlier = cells_of(page(client, "/compare/?as_of=2025-02-01"), topic)
    assert before.get_absolute_url() in earlier and "rejects" in earlier
    assert after.get_absolute_url() not in earlier
    assert "since 10 January 2025" in earlier
    later = cells_of(page(client, "/compare/?as_of=2025-03-16"), topic)
    assert after.get_absolute_url() in later and "rejects" not in later
    assert "since 16 March 2025" in later and "since 10 January 2025" not in later


def test_matrix_defaults_to_today(client, change_over_time):
    *_, topic, before, after = change_over_time
    html = page(client, "/compare/")
    assert after.get_absolute_url() in cells_of(html, topic)
    assert datetime.date.today().strftime("%Y-%m-%d") in html


def test_matrix_says_since_when_as_precisely_as_the_run_began(client):
    russia = PartyFactory(slug="russia")
    topic = TopicFactory(slug="truce")
    # Known to the month only when the stance was taken, restated later on a known day.
    publish(
        party=russia,
        topic=topic,
        stance=Stance.REJECTS,
        stated_on=datetime.date(2025, 3, 1),
        stated_on_precision="month",
    )
    publish(party=russia, topic=topic, stance=Stance.REJECTS, stated_on=datetime.date(2025, 5, 20))
    row = cells_of(page(client, "/compare/?as_of=2025-06-01"), topic)
    assert "since March 2025" in row and "since 1 March 2025" not in row


def test_matrix_tells_no_known_position_from_ambiguous(client):
    russia, ukraine = PartyFactory(short_name="Russia"), PartyFactory(short_name="Ukraine")
    topic = TopicFactory()
    publish(party=russia, topic=topic, stance=Stance.AMBIGUOUS)
    publish(party=ukraine, topic=TopicFactory(), stance=Stance.SUPPORTS)
    row = cells_of(page(client, "/compare/"), topic)
    assert 'class="stance-ambiguous"' in row and "ambiguous" in row
    assert 'class="stance-none"' in row and "no known position" in row


def test_matrix_cells_ignore_drafts(client, change_over_time):
    russia, _, topic, *_ = change_over_time
    PositionFactory(
        party=russia,
        topic=topic,
        stance=Stance.AMBIGUOUS,
        status=Status.DRAFT,
        stated_on=datetime.date(2025, 3, 20),
    )
    row = cells_of(page(client, "/compare/?as_of=2025-04-01"), topic)
    assert "ambiguous" not in row


def test_matrix_marks_common_ground_and_divides(client):
    a, b = PartyFactory(), PartyFactory()
    agreed, split, unknown = TopicFactory(), TopicFactory(), TopicFactory()
    publish(party=a, topic=agreed, stance=Stance.OPEN)
    publish(party=b, topic=agreed, stance=Stance.SUPPORTS)
    publish(party=a, topic=split, stance=Stance.SUPPORTS)
    publish(party=b, topic=split, stance=Stance.REJECTS)
    publish(party=a, topic=unknown, stance=Stance.SUPPORTS)
    html = page(client, "/compare/")
    assert "Common ground" in cells_of(html, agreed) and "Divide" not in cells_of(html, agreed)
    assert "Divide" in cells_of(html, split) and "Common ground" not in cells_of(html, split)
    # One party silent: not common ground, whatever the other says.
    assert "Common ground" not in cells_of(html, unknown)


def test_matrix_counts_each_proposition_for_against_ambiguous_and_unknown(client):
    # Open and supports are for, opposes and rejects against; a compared party that said
    # nothing on the proposition has no known position.
    topic, elsewhere = TopicFactory(), TopicFactory()
    stances = (Stance.SUPPORTS, Stance.OPEN, Stance.REJECTS, Stance.AMBIGUOUS, Stance.AMBIGUOUS)
    for stance in stances:
        publish(party=PartyFactory(), topic=topic, stance=stance)
    for _ in range(2):
        publish(party=PartyFactory(), topic=elsewhere, stance=Stance.OPPOSES)
    row = cells_of(page(client, "/compare/"), topic)
    assert '<span class="tally">2 for · 1 against · 2 ambiguous · 2 unknown</span>' in row


def test_matrix_marks_red_lines(client):
    topic = TopicFactory()
    publish(topic=topic, stance=Stance.REJECTS, move=Move.RED_LINE)
    assert "Red line" in cells_of(page(client, "/compare/"), topic)


def test_matrix_narrows_to_chosen_parties_and_topics(client, change_over_time):
    russia, ukraine, topic, *_ = change_over_time
    other = TopicFactory(slug="other", proposition="Something else entirely")
    publish(party=ukraine, topic=other)
    html = page(client, "/compare/?parties=ukraine&topics=peacekeepers,other")
    table = html.split('<table class="matrix">')[1]
    assert "Russia" not in table and "Ukraine" in table
    assert "Something else entirely" in table
    assert (
        "Peacekeepers are deployed"
        not in page(client, "/compare/?topics=other").split('<table class="matrix">')[1]
    )


def test_an_unknown_slug_is_a_400_naming_it_with_the_readers_choices_kept(client, change_over_time):
    html = page(client, "/compare/?parties=russia&topics=other&topics=atlantis", status=400)
    assert "Unknown slug: other, atlantis." in html
    assert '<table class="matrix">' not in html
    assert 'name="parties" value="russia" checked' in html


def test_what_changed_lists_both_positions_side_by_side(client, change_over_time):
    russia, ukraine, topic, before, after = change_over_time
    html = page(client, "/compare/?from=2025-02-01&to=2025-03-31")
    assert "Shifts: 1 stance changed" in html
    table = html.split('<table class="changes-table">')[1]
    row = table.split("<tbody>")[1]
    assert "Russia" in row and "Ukraine" not in row
    assert row.index(before.get_absolute_url()) < row.index(after.get_absolute_url())
    assert "Russia rejects peacekeepers." in row
    assert "Russia is open to peacekeepers on conditions." in row


def test_what_changed_lists_first_statements_apart_as_newly_stated(client, change_over_time):
    html = page(client, "/compare/?from=2024-12-01&to=2025-01-05")
    assert "Shifts: 0 stances changed" in html
    assert "No party changed a stance it already held between these dates." in html
    newly = html.split('id="new-heading"')[1]
    assert "Newly stated: 1 first stance" in newly
    row = newly.split("<tbody>")[1].split("</tbody>")[0]
    assert "Ukraine" in row and "supports" in row and "no known position" not in row


def test_what_changed_names_the_direction_of_each_shift(client, change_over_time):
    html = page(client, "/compare/?from=2025-02-01&to=2025-03-31")
    row = html.split('id="shifts-heading"')[1].split("<tbody>")[1].split("</tr>")[0]
    # Russia went from rejects (−2) to open (+1): across the proposition.
    assert '<span aria-hidden="true">⇅</span> reversal' in row


def test_what_changed_with_no_change_says_so(client, change_over_time):
    html = page(client, "/compare/?from=2025-03-17&to=2025-03-31")
    assert "No party changed a stance it already held between these dates." in html
    assert "No party stated a stance for the first time between these dates." in html


def test_matrix_heads_subtopics_with_their_parent(client):
    parent = TopicFactory(name="Peacekeeping")
    child = TopicFactory(parent=parent, proposition="Peacekeepers are deployed")
    publish(topic=child)
    table = page(client, "/compare/").split('<table class="matrix">')[1]
    assert table.index(">Peacekeeping</a></th></tr>") < table.index("Peacekeepers are deployed")


def test_choosing_a_topic_brings_its_subtopics(client):
    parent = TopicFactory(slug="peacekeeping", name="Peacekeeping")
    child = TopicFactory(parent=parent, proposition="Peacekeepers are deployed")
    grandchild = TopicFactory(parent=child, proposition="Observers are unarmed")
    elsewhere = TopicFactory(proposition="Sanctions are lifted")
    for topic in (child, grandchild, elsewhere):
        publish(topic=topic)
    table = page(client, "/compare/?topics=peacekeeping").split('<table class="matrix">')[1]
    assert "Peacekeepers are deployed" in table and "Observers are unarmed" in table
    assert "Sanctions are lifted" not in table


@pytest.mark.parametrize("address", ["/compare/", "/compare/?from=2025-01-01&to=2025-04-01"])
def test_compare_form_offers_every_party_and_topic_ticking_the_chosen_ones(
    client, change_over_time, address
):
    russia, ukraine, topic, _, _ = change_over_time
    hostile = PartyFactory(short_name="<b>Bloc</b> & co", slug="bloc")
    publish(party=hostile, topic=topic)
    PartyFactory(short_name="Unpublished", slug="unpublished")
    chosen = f"{address}{'&' if '?' in address else '?'}parties=russia&topics=peacekeepers"
    html = page(client, chosen)
    assert (
        '<label><input type="checkbox" name="parties" value="russia" checked> Russia</label>'
        in html
    )
    assert '<input type="checkbox" name="parties" value="ukraine"> Ukraine</label>' in html
    assert (
        '<input type="checkbox" name="parties" value="bloc"> &lt;b&gt;Bloc&lt;/b&gt; &amp; co'
        in html
    )
    assert hostile.short_name not in html
    assert (
        f'<input type="checkbox" name="topics" value="peacekeepers" checked> {topic.name}</label>'
        in html
    )
    assert "Unpublished" not in html


def test_matrix_cells_show_each_stance_its_date_and_red_line(db):
    """Each cell links its position, shows its stance badge and date, and marks a red line."""
    from django.utils.html import format_html as django_format_html

    from positions.models.choices import DatePrecision
    from positions.reading.stances import StanceInForce
    from positions.templatetags.standpoint import (
        matrix_cells,
        precise_date,
        stance_badge,
        stance_class,
    )

    def expected(cell):
        if cell is None:
            return django_format_html(
                '\n      <td class="{}">{}</td>\n      ', stance_class(None), stance_badge(None)
            )
        red = (
            django_format_html(' <span class="badge badge-red-line">{}</span>', "Red line")
            if cell.move == Move.RED_LINE
            else ""
        )
        conditions = (
            django_format_html(
                '\n        <span class="cell-conditions">Conditions: {}</span>', cell.conditions
            )
            if cell.conditions
            else ""
        )
        inner = django_format_html(
            '<a href="{}">{}</a>\n        <span class="cell-date">since {}</span>{}{}\n        ',
            cell.get_absolute_url(),
            stance_badge(cell.stance),
            precise_date(cell.stated_on, cell.stated_on_precision),
            red,
            conditions,
        )
        return django_format_html(
            '\n      <td class="{}">{}</td>\n      ', stance_class(cell.stance), inner
        )

    day = datetime.date(2025, 3, 16)
    cells = [None] + [
        StanceInForce(
            n, 1, 2, stance, day, precision, move, "<b>not shown</b>", "" if n % 2 else "<i>If</i>"
        )
        for n, (stance, precision, move) in enumerate(
            [(s, p, m) for s in Stance.values for p in DatePrecision.values for m in Move.values],
            start=1,
        )
    ]
    assert matrix_cells(cells) == "".join(expected(cell) for cell in cells)


def test_compare_page_with_nothing_published_yet(client, db):
    PositionFactory(status=Status.DRAFT)
    html = page(client, "/compare/")
    assert '<table class="matrix">' not in html
    assert "The latest statement shown" not in html
