"""Search across the public record.

On PostgreSQL positions are found by full-text search (English stemming, ranked) over
their quote and summary, using the GIN index of migration 0003; elsewhere every word
must occur somewhere in the quote or summary. Topics, parties and speakers whose names
match are listed beside the positions.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

from positions.models import Party, Person, Position, Topic

SEARCH_CONFIG = "english"
# The same expression as the index in migration 0003, so PostgreSQL can use it.
SEARCH_FIELDS = ("quote", "summary")
MAX_RELATED = 20


@dataclass
class SearchResults:
    query: str
    positions: QuerySet
    topics: list[Topic]
    parties: list[Party]
    people: list[Person]


def _words(query: str) -> list[str]:
    return [word for word in query.split() if word][:10]


def _name_filter(words: list[str], *fields: str) -> Q:
    """Every word occurs in one of ``fields``."""
    condition = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


def search_positions(query: str) -> QuerySet:
    """Public positions matching ``query``, best match first."""
    positions = Position.objects.public()
    if connection.vendor == "postgresql":
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        vector = SearchVector(*SEARCH_FIELDS, config=SEARCH_CONFIG)
        return (
            positions.annotate(document=vector)
            .filter(document=search_query)
            .annotate(rank=SearchRank(vector, search_query))
            .order_by("-rank", "-stated_on", "-id")
        )
    return positions.filter(_name_filter(_words(query), *SEARCH_FIELDS)).order_by(
        "-stated_on", "-id"
    )


def search(query: str) -> SearchResults:
    words = _words(query)
    return SearchResults(
        query=query,
        positions=search_positions(query),
        topics=list(Topic.objects.filter(_name_filter(words, "name", "proposition"))[:MAX_RELATED]),
        parties=list(Party.objects.filter(_name_filter(words, "name", "short_name"))[:MAX_RELATED]),
        people=list(Person.objects.filter(_name_filter(words, "name"))[:MAX_RELATED]),
    )
