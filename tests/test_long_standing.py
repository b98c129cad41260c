"""A stance the source describes as held all along ("its long-standing NATO bid") recorded
before the statement that changes it, with an approximate date, so that the shift shows.

The article here is a constructed test text, not a real report.
"""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from positions.editorial import services
from positions.models import Position
from positions.models.choices import DatePrecision, Shift, Stance, Status
from tests.desk import form_errors, page_form_data
from tests.factories import PartyFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "KYIV - President Volodymyr Zelenskyy said on Wednesday Ukraine could drop its long-standing "
    "bid to join NATO in exchange for security guarantees.\n"
    "He said talks would continue."
)


@pytest.fixture
def source():
    return SourceFactory(
        text=TEXT, published_at=datetime.datetime(2025, 8, 20, 9, 0, tzinfo=datetime.UTC)
    )


def earlier_links(client, source) -> list[str]:
    page = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    return [row["earlier"] for row in page.context["rows"] if row["earlier"]]


def test_a_sentence_naming_a_long_standing_stance_offers_to_record_it(client, editor, source):
    client.force_login(editor)
    (link,) = earlier_links(client, source)
    query = {name: values[0] for name, values in parse_qs(urlsplit(link).query).items()}
    assert query["long_standing"] == "1"
    assert query["stated_on_precision"] == "approximate"
    assert query["stated_on"] == "2025-08-19", "the day before the statement"
    assert "move" not in query
    assert query["quote"].startswith("Ukraine could drop its long-standing bid")


def test_the_earlier_stance_form_comes_prefilled_and_saves_in_one_submission(
    client, editor, source
):
    client.force_login(editor)
    (link,) = earlier_links(client, source)
    page = client.get(link)
    form = page.context["adminform"].form
    assert form["long_standing"].value() and form["stated_on_precision"].value() == "approximate"
    data = page_form_data(page) | {
        "party": PartyFactory().pk,
        "topic": TopicFactory().pk,
        "stance": Stance.SUPPORTS,
        "move": "demand",
        "summary": "Ukraine long sought NATO membership.",
    }
    response = client.post(link, data)
    assert response.status_code == 302, form_errors(response)
    assert response["Location"] == reverse("admin:positions_source_extract", args=[source.pk])
    position = Position.objects.get()
    assert position.long_standing
    assert position.stated_on == datetime.date(2025, 8, 19)
    assert position.stated_on_precision == DatePrecision.APPROXIMATE


def test_a_sentence_without_such_wording_offers_no_earlier_stance(client, editor):
    plain = SourceFactory(text="KYIV - Ukraine said talks would continue in Geneva.")
    client.force_login(editor)
    assert earlier_links(client, plain) == []


def _record(reviewer, source, party, topic, **fields) -> Position:
    position = services.position_create(
        user=reviewer,
        source=source,
        party=party,
        topic=topic,
        quote="Ukraine could drop its long-standing bid to join NATO",
        summary="Summary.",
        move="assessment",
        **fields,
    )
    position = services.position_submit(position=position, user=reviewer)
    return services.position_publish(position=position, user=reviewer)


@pytest.fixture
def both_stances(reviewer, source):
    party, topic = PartyFactory(short_name="Ukraine"), TopicFactory(name="NATO membership")
    # Recorded after the new stance, as an editor reading the article would.
    new = _record(
        reviewer, source, party, topic, stated_on=datetime.date(2025, 8, 20), stance=Stance.OPEN
    )
    earlier = _record(
        reviewer,
        source,
        party,
        topic,
        stated_on=datetime.date(2025, 8, 19),
        stated_on_precision=DatePrecision.APPROXIMATE,
        long_standing=True,
        stance=Stance.SUPPORTS,
    )
    new.refresh_from_db()
    earlier.refresh_from_db()
    return earlier, new


def test_the_shift_from_the_long_standing_stance_is_detected(both_stances):
    earlier, new = both_stances
    assert (earlier.shift, earlier.previous) == (Shift.FIRST, None)
    assert (new.shift, new.previous) == (Shift.TOWARDS_REJECTION, earlier)


def test_readers_see_the_stance_is_long_standing_and_its_date_approximate(client, both_stances):
    earlier, new = both_stances
    html = client.get(earlier.get_absolute_url()).content.decode()
    assert '<time datetime="2025-08-19">about August 2025</time>' in html
    assert "(approximate date)" in html
    assert "a long-standing stance, held since before then" in html
    new_html = client.get(new.get_absolute_url()).content.decode()
    assert "a long-standing stance" not in new_html
    assert "towards rejection" in new_html


def test_api_gives_precision_and_long_standing(api, both_stances):
    earlier, new = both_stances
    data = api.get(f"/api/v1/positions/{earlier.pk}/").json()
    assert (data["stated_on"], data["stated_on_precision"], data["long_standing"]) == (
        "2025-08-19",
        "approximate",
        True,
    )
    data = api.get(f"/api/v1/positions/{new.pk}/").json()
    assert (data["stated_on_precision"], data["long_standing"]) == ("day", False)
    assert (data["shift"], data["previous"]) == ("towards_rejection", earlier.pk)
    assert data["status"] == Status.PUBLISHED


def test_a_long_standing_stance_dated_on_the_sources_day_is_refused(client, editor, source):
    client.force_login(editor)
    (link,) = earlier_links(client, source)
    page = client.get(link)
    data = page_form_data(page) | {
        "party": PartyFactory().pk,
        "topic": TopicFactory().pk,
        "stance": Stance.SUPPORTS,
        "move": "demand",
        "summary": "Ukraine long sought NATO membership.",
        "stated_on": "2025-08-20",
    }
    response = client.post(link, data)
    assert response.status_code == 200
    assert "A long-standing stance is dated before the source appeared (20 Aug 2025)" in (
        form_errors(response)
    )
    assert 'value="Ukraine long sought NATO membership."' in response.content.decode()
    assert not Position.objects.exists()
