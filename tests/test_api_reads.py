"""API lists read what they show and let the database use its indexes: no source texts,
no DISTINCT over every match of a filter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def sql_of(api, url: str) -> str:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200, response.content
    return "\n".join(query["sql"] for query in queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/positions/?party=russia",
        "/api/v1/positions/?party=russia&party=ukraine&ordering=-stated_on",
        "/api/v1/positions/?speaker=alexander-grushko",
    ],
)
def test_filtering_positions_by_party_or_speaker_reads_no_distinct_rows(api, seeded, url):
    from positions.models import Party
    from positions.models.choices import Status
    from tests.factories import PositionFactory

    # A party is named only once a public position cites it; the seeds quote Russia alone.
    PositionFactory(status=Status.PUBLISHED, party=Party.objects.get(slug="ukraine"))
    # DISTINCT over whole rows would sort every match before the page could be cut.
    assert "DISTINCT" not in sql_of(api, url)


@pytest.mark.parametrize("url", ["/api/v1/sources/", "/api/v1/sources/{id}/"])
def test_the_sources_api_never_reads_source_texts(api, seed_article, url):
    read = sql_of(api, url.format(id=seed_article.id))
    assert '"positions_source"."text"' not in read


def test_people_filtered_by_party_are_those_who_held_a_role_for_it(api):
    from positions.models.choices import Status
    from tests.factories import PartyFactory, PositionFactory, RoleFactory

    russia, ukraine = PartyFactory(slug="russia"), PartyFactory(slug="ukraine")
    grushko = RoleFactory(party=russia).person
    kuleba = RoleFactory(party=ukraine).person
    unattached = RoleFactory(party=PartyFactory()).person
    # People are public once a published position quotes them.
    for person in (grushko, kuleba, unattached):
        PositionFactory(speaker=person, status=Status.PUBLISHED)

    def slugs(**params):
        return sorted(p["slug"] for p in api.get("/api/v1/people/", params).json()["results"])

    assert slugs(party="russia") == [grushko.slug]
    assert slugs(party="russia,ukraine") == sorted([grushko.slug, kuleba.slug])
    assert len(slugs()) == 3
