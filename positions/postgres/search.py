"""Full-text search of positions' quotes and summaries, read from their stored search
document (``Position.search_document``, GIN-indexed) on PostgreSQL. Other databases get a
plain ORM answer from each function: every word somewhere in the quote or summary."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q, QuerySet

from positions.models import Position
from positions.models.querysets import every_word_in
from positions.postgres import in_use
from positions.postgres.document import SEARCH_CONFIG, SEARCH_FIELDS


def query_words(query: str) -> list[str]:
    """The words of a search box, as the portable search matches them."""
    return [word for word in query.split() if word][:10]


def _search_query(query: str) -> SearchQuery:
    return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)


def ranks_matches(using: str = "default") -> bool:
    """Whether ``best_first`` orders matches by rank (else it leaves them as given)."""
    return in_use(using)


def matching(positions: QuerySet, query: str) -> QuerySet:
    """``positions`` matching ``query``, in no particular order."""
    if not in_use(positions.db):
        return positions.filter(every_word_in(query_words(query), *SEARCH_FIELDS))
    return positions.filter(search_document=_search_query(query))


def best_first(candidates: QuerySet, query: str) -> QuerySet:
    """``candidates`` (a sliced queryset of positions) best match for ``query`` first,
    then newest first; elsewhere than PostgreSQL, as given."""
    if not ranks_matches(candidates.db):
        return candidates
    # Ranked in an outer query, so that only the candidates are ranked.
    return (
        Position.objects.filter(pk__in=candidates.values("pk"))
        .annotate(rank=SearchRank(F("search_document"), _search_query(query)))
        .order_by("-rank", "-stated_on", "-id")
    )


def words_as_prefixes(words: list[str]) -> Q:
    """Positions whose document has ``words`` in a row, each as a prefix of a word there
    (“Grush” finds “Grushko”). For PostgreSQL only: ``words`` are passed to ``to_tsquery``
    and must be letters and digits."""
    prefixes = " <-> ".join(f"{word}:*" for word in words)
    return Q(search_document=SearchQuery(prefixes, search_type="raw", config=SEARCH_CONFIG))
