"""Suggestions the rules are unsure of are offered on the extract page, never filled in: the
field stays blank, the offer shows its evidence, and one link records the statement with it."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from positions.models import Person
from tests.factories import PartyFactory, PersonFactory, RoleFactory, SourceFactory

pytestmark = pytest.mark.django_db

# Constructed test text. Published on Wednesday 20 August 2025: the lead gives no day of its
# own, and the Tuesday of the same speaker's statement below is only offered for it.
TEXT = (
    "MOSCOW, Aug 20 (Example Wire) — Kremlin aide Yuri Ushakov said Moscow would not accept "
    "a freeze of the front line.\n\n"
    "Ushakov also said on Tuesday that talks with Washington would resume."
)


@pytest.fixture
def source():
    russia = PartyFactory(name="Russian Federation", short_name="Russia")
    ushakov = PersonFactory(name="Yuri Ushakov")
    RoleFactory(person=ushakov, party=russia, title="Presidential aide")
    published = datetime.datetime(2025, 8, 20, 9, tzinfo=datetime.UTC)
    return SourceFactory(text=TEXT, published_at=published)


def offers_of(page, quote):
    (offer,) = [row for row in page.context["rows"] for row in row["offers"] if row[0] == quote]
    _, url, _, _, possible = offer
    return url, possible


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def test_a_date_carried_from_another_statement_is_offered_and_left_blank(client, editor, source):
    client.force_login(editor)
    page = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    html = page.content.decode()

    url, possible = offers_of(page, "Moscow would not accept a freeze of the front line")
    # The date field of the add form stays blank: the link carries no date.
    assert "stated_on" not in query_of(url)
    # The speaker, named in the attribution, is sure and filled in.
    assert query_of(url)["speaker"] == str(Person.objects.get(name="Yuri Ushakov").pk)
    ((offer, accept),) = possible
    assert (offer.field, offer.label) == ("date", "Tue 19 Aug 2025")
    assert "Possible date: <strong>Tue 19 Aug 2025</strong>" in html
    # With its evidence, and a link that accepts it.
    assert "the lead sums up the occasion reported below" in offer.evidence
    assert "the lead sums up the occasion reported below" in html
    assert 'class="extract-accept-link">Record with this date</a>' in html

    # A statement's own day is sure: filled in, nothing offered.
    own_url, own_possible = offers_of(page, "talks with Washington would resume")
    assert query_of(own_url)["stated_on"] == "2025-08-19" and own_possible == []


def test_accepting_an_offer_fills_the_add_form_with_it(client, editor, source):
    client.force_login(editor)
    page = client.get(reverse("admin:positions_source_extract", args=[source.pk]))
    url, [(offer, accept)] = offers_of(page, "Moscow would not accept a freeze of the front line")

    blank = client.get(url).context["adminform"].form
    assert blank["stated_on"].value() in (None, "")
    form = client.get(accept).context["adminform"].form
    assert str(form["stated_on"].value()) == "2025-08-19"
    # The rest of the prefill is kept.
    assert form["quote"].value() == "Moscow would not accept a freeze of the front line"
    assert str(form["speaker"].value()) == query_of(url)["speaker"]
