import pytest

from positions.models.choices import Status
from tests.factories import PositionFactory


@pytest.mark.django_db
def test_home_lists_seeded_parties_and_positions(client, seeded):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Russian Federation" in content
    assert "Ukraine joins NATO" in content


@pytest.mark.django_db
def test_home_never_shows_drafts(client):
    PositionFactory(summary="Secret draft summary.", status=Status.DRAFT)
    assert "Secret draft summary." not in client.get("/").content.decode()


@pytest.mark.django_db
def test_position_page_shows_quote_and_hides_drafts(client):
    published = PositionFactory(status=Status.PUBLISHED, quote="Published words.")
    draft = PositionFactory(status=Status.DRAFT)
    assert "Published words." in client.get(published.get_absolute_url()).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
