"""Search across the public record.

On PostgreSQL positions are found by full-text search (English stemming) over their quote
and summary, stored parsed with each row and indexed by migration 0007; elsewhere every
word must occur somewhere in the quote or summary. Topics, parties and speakers whose names
match are listed beside the positions.

A common word matches a large share of the record, and ranking or counting every match
would cost in proportion to it. So only the newest ``CANDIDATES`` matches are read, and on
PostgreSQL ranked best match first (elsewhere shown newest first); the page says when
older matches were left out. A search costs about the same however large the record grows.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Expression, Q, QuerySet
from django.db.models.expressions import Col

from positions.models import Party, Person, Position, Topic

SEARCH_CONFIG = "english"
SEARCH_FIELDS = ("quote", "summary")
MAX_RELATED = 20
# How many of the newest matches are ranked and paged through.
CANDIDATES = 1000


def _words(query: str) -> list[str]:
    return [word for word in query.split() if word][:10]


def name_filter(words: list[str], *fields: str) -> Q:
    """Every word occurs in one of ``fields``."""
    condition = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


def ranks_matches() -> bool:
    return connection.vendor == "postgresql"


class StoredDocument(Expression):
    """The parsed words of a position's quote and summary, stored with the row by
    migration 0007 (PostgreSQL only, so not a model field)."""

    output_field = SearchVectorField()
    column = SearchVectorField()
    column.set_attributes_from_name("search_document")
    # Named as a column of the position table, so that queries can compare and hash it.
    column.model = Position

    def resolve_expression(self, query=None, *args, **kwargs):
        # A column of the position table, relabelled with it when this query nests in another.
        return Col(query.get_initial_alias(), self.column, output_field=self.output_field)


def _search_query(query: str) -> SearchQuery:
    return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)


def search_positions(query: str) -> QuerySet:
    """Public positions matching ``query``, in no particular order."""
    positions = Position.objects.public()
    if ranks_matches():
        return positions.alias(document=StoredDocument()).filter(document=_search_query(query))
    return positions.filter(name_filter(_words(query), *SEARCH_FIELDS))


class BestMatches(Sequence):
    """Ids of the chosen matches in the order shown; a slice loads its positions.

    Django's paginator counts it with ``len`` and reads a page as a slice, so a page
    costs one query for its rows.
    """

    def __init__(self, ids: list[int], *, limit: int, cut: bool):
        self.ids = ids
        # How many matches were read at most, and whether older ones were left out.
        self.limit = limit
        self.cut = cut

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return Position.objects.for_statement_list().get(pk=self.ids[index])
        ids = self.ids[index]
        found = {row.id: row for row in Position.objects.for_statement_list().filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


def best_matches(query: str, *, within: Q | None = None) -> BestMatches:
    """The newest ``CANDIDATES`` public positions matching ``query`` (and ``within``),
    best match first on PostgreSQL, newest first elsewhere (one query)."""
    matches = search_positions(query).filter(within or Q())
    # One more than kept says whether older matches were left out.
    newest = matches.order_by("-stated_on", "-id")[: CANDIDATES + 1]
    if ranks_matches():
        # Ranked in an outer query, so that only the candidates are ranked.
        rows = list(
            Position.objects.filter(pk__in=newest.values("pk"))
            .annotate(rank=SearchRank(StoredDocument(), _search_query(query)))
            .order_by("-rank", "-stated_on", "-id")
            .values_list("pk", "stated_on")
        )
    else:
        rows = list(newest.values_list("pk", "stated_on"))
    cut = len(rows) > CANDIDATES
    if cut:
        oldest = min(rows, key=lambda row: (row[1], row[0]))
        rows.remove(oldest)
    return BestMatches([pk for pk, _ in rows], limit=CANDIDATES, cut=cut)


@dataclass
class SearchResults:
    query: str
    positions: BestMatches
    ranked: bool
    topics: list[Topic]
    parties: list[Party]
    people: list[Person]


def search(query: str, *, within: Q | None = None) -> SearchResults:
    """Positions matching ``query`` (narrowed by ``within``), and matching names."""
    words = _words(query)
    return SearchResults(
        query=query,
        positions=best_matches(query, within=within),
        ranked=ranks_matches(),
        topics=list(Topic.objects.filter(name_filter(words, "name", "proposition"))[:MAX_RELATED]),
        parties=list(Party.objects.filter(name_filter(words, "name", "short_name"))[:MAX_RELATED]),
        people=list(Person.objects.filter(name_filter(words, "name"))[:MAX_RELATED]),
    )
