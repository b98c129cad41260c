"""Other names of parties and people: in the API as Popolo ``other_names``, and in search."""

import pytest

from positions.models.choices import Status
from tests.factories import PartyFactory, PersonFactory, PositionFactory
from tests.test_pages import page, publish

pytestmark = pytest.mark.django_db


def test_party_api_lists_its_other_names_one_per_line_without_blanks(api):
    russia = PartyFactory(slug="russia", other_names="Moscow\n\n  the   Kremlin \nMoscow\nRussian")
    # Parties and people are public once a published position cites them.
    PositionFactory(party=russia, status=Status.PUBLISHED)
    party = api.get("/api/v1/parties/russia/").json()
    assert party["other_names"] == [
        {"name": "Moscow"},
        {"name": "the Kremlin"},
        {"name": "Russian"},
    ]


def test_person_api_lists_other_spellings(api):
    zelenskyy = PersonFactory(slug="volodymyr-zelenskyy", other_names="Zelensky\nZelenskiy")
    PositionFactory(speaker=zelenskyy, status=Status.PUBLISHED)
    person = api.get("/api/v1/people/volodymyr-zelenskyy/").json()
    assert person["other_names"] == [{"name": "Zelensky"}, {"name": "Zelenskiy"}]


def test_a_party_without_other_names_has_an_empty_list(api):
    PositionFactory(party=PartyFactory(slug="ruritania"), status=Status.PUBLISHED)
    assert api.get("/api/v1/parties/ruritania/").json()["other_names"] == []


def test_search_finds_parties_and_speakers_by_their_other_names(client):
    russia = PartyFactory(name="Russian Federation", short_name="Russia", other_names="the Kremlin")
    zelenskyy = PersonFactory(name="Volodymyr Zelenskyy", other_names="Zelenskiy")
    publish(party=russia, speaker=zelenskyy)
    assert "Party: <a" in page(client, "/search/?q=kremlin")
    assert "Speaker: <a" in page(client, "/search/?q=zelenskiy")


def test_editors_find_a_party_by_its_other_name_on_the_desk(client, superuser):
    russia = PartyFactory(short_name="Russia", other_names="the Kremlin")
    PartyFactory(short_name="Ukraine", other_names="Kyiv")
    client.force_login(superuser)
    response = client.get("/admin/positions/party/", {"q": "kremlin"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [russia]
    form = client.get("/admin/positions/party/add/").content.decode()
    assert 'name="other_names"' in form
    assert 'name="other_names"' in client.get("/admin/positions/person/add/").content.decode()
