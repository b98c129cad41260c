"""Anonymous API reads come from the cache until the public record changes."""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from positions.editorial import services
from positions.models.choices import Stance, Status
from positions.reading.cache import API
from tests.factories import PositionFactory

pytestmark = pytest.mark.django_db

CACHED_HEADER = API.header
LIST = "/api/v1/positions/"


@pytest.fixture(autouse=True)
def api_cache_on(settings):
    settings.STANDPOINT_API_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def position():
    return PositionFactory(status=Status.PUBLISHED, summary="Talks may resume in spring.")


# (address, queries a cached answer costs: the record's stamp, which keys the answer, and
# the lookups that validate the parameters)
READS = [
    (LIST, 1),
    ("/api/v1/parties/", 1),
    ("/api/v1/timeline/?topic={topic}", 2),
    ("/api/v1/compare/", 1),
    ("/api/v1/compare/?from=2020-01-01&to=2030-01-01", 1),
]


@pytest.mark.parametrize(("path", "queries"), READS)
def test_a_second_anonymous_read_is_the_first_answer_from_the_cache(
    api, position, path, queries, django_assert_max_num_queries
):
    url = path.format(topic=position.topic.slug)
    first = api.get(url)
    with django_assert_max_num_queries(queries):
        second = api.get(url)

    assert first.status_code == second.status_code == 200
    assert (first[CACHED_HEADER], second[CACHED_HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] == "application/json"
    assert second["ETag"] == first["ETag"]
    assert second["Vary"] == first["Vary"]


def test_a_correction_shows_at_once(api, position, reviewer):
    api.get(LIST)
    services.position_correct(
        position=position,
        user=reviewer,
        changes={"summary": "Talks may resume in autumn."},
        note="The month was misread.",
        expected_version=position.version,
    )

    response = api.get(LIST)
    assert response[CACHED_HEADER] == "miss"
    assert response.json()["results"][0]["summary"] == "Talks may resume in autumn."


def test_a_new_publication_shows_at_once(api, position, reviewer):
    url = f"/api/v1/timeline/?topic={position.topic.slug}"
    draft = PositionFactory(
        party=position.party, topic=position.topic, status=Status.IN_REVIEW, stance=Stance.REJECTS
    )
    api.get(url)
    assert api.get(url)[CACHED_HEADER] == "hit"

    services.position_publish(position=draft, user=reviewer)

    response = api.get(url)
    assert response[CACHED_HEADER] == "miss"
    shown = [p["position"] for s in response.json()["series"] for p in s["points"]]
    assert draft.pk in shown


def test_signed_in_users_are_never_served_from_the_cache(position, editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    first, second = client.get(LIST), client.get(LIST)
    assert CACHED_HEADER not in first and CACHED_HEADER not in second


def test_the_browsable_api_and_errors_are_not_cached(api, position):
    for _ in range(2):
        page = api.get(LIST, HTTP_ACCEPT="text/html")
        error = api.get(LIST, {"stance": "furious"})
        assert page["Content-Type"].startswith("text/html")
        assert error.status_code == 400
        assert CACHED_HEADER not in page and CACHED_HEADER not in error


def test_answers_keep_the_host_their_links_were_written_for(api, position, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    here = api.get(LIST).json()["results"][0]["url"]
    there = api.get(LIST, HTTP_HOST="mirror.example.org")
    assert here.startswith("http://testserver/")
    assert there[CACHED_HEADER] == "miss"
    assert there.json()["results"][0]["url"].startswith("http://mirror.example.org/")


def test_throttles_count_answers_from_the_cache(api, position, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "anon_export": "2/minute"},
    }
    statuses = [api.get(LIST).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_the_cache_can_be_turned_off(api, position, settings):
    settings.STANDPOINT_API_CACHE_SECONDS = 0
    first, second = api.get(LIST), api.get(LIST)
    assert CACHED_HEADER not in first and CACHED_HEADER not in second
