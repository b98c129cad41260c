"""Readers' pages come from the cache until the public record changes."""

import pytest
from django.core.cache import cache

from positions.editorial import services
from positions.models.choices import Stance, Status
from positions.reading.cache import PAGES
from tests.factories import PositionFactory

pytestmark = pytest.mark.django_db

CACHED_HEADER = PAGES.header


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.STANDPOINT_PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def position():
    return PositionFactory(status=Status.PUBLISHED, summary="Talks may resume in spring.")


def test_a_second_anonymous_visit_is_served_from_the_cache_in_one_query(
    client, position, django_assert_max_num_queries
):
    url = position.topic.get_absolute_url()
    first = client.get(url)
    with django_assert_max_num_queries(1):
        second = client.get(url)

    assert (first[CACHED_HEADER], second[CACHED_HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_correction_shows_at_once(client, position, reviewer):
    url = position.get_absolute_url()
    assert "Talks may resume in spring." in client.get(url).content.decode()

    services.position_correct(
        position=position,
        user=reviewer,
        changes={"summary": "Talks may resume in autumn."},
        note="The month was misread.",
        expected_version=position.version,
    )

    response = client.get(url)
    assert response[CACHED_HEADER] == "miss"
    assert "Talks may resume in autumn." in response.content.decode()


def test_a_new_publication_shows_at_once_on_the_pages_that_list_it(client, position, reviewer):
    url = position.party.get_absolute_url()
    client.get(url)
    draft = PositionFactory(
        party=position.party, status=Status.IN_REVIEW, stance=Stance.REJECTS, summary="No talks."
    )

    services.position_publish(position=draft, user=reviewer)

    assert "No talks." in client.get(url).content.decode()


def test_signed_in_editors_always_get_a_freshly_rendered_page(client, position, editor):
    client.force_login(editor)
    client.get("/")

    response = client.get("/")

    assert CACHED_HEADER not in response


def test_error_pages_are_not_cached(client):
    client.get("/parties/nobody/")
    client.get("/compare/?as_of=2025-02-30")

    assert client.get("/parties/nobody/").status_code == 404
    response = client.get("/compare/?as_of=2025-02-30")
    assert response.status_code == 400
    assert CACHED_HEADER not in response


def test_the_page_cache_can_be_turned_off(client, position, settings):
    settings.STANDPOINT_PAGE_CACHE_SECONDS = 0
    client.get("/")

    assert CACHED_HEADER not in client.get("/")
