"""Search across the public record.

Positions are matched by ``positions.postgres.search``: every word, by its stem, in the quote
or summary or in the speaker's, party's or topic's names (full text with English stemming
on PostgreSQL). Topics, parties and speakers whose names match are listed beside the
positions.

A common word matches a large share of the record, and ranking or counting every match
would cost in proportion to it. So only the newest ``CANDIDATES`` matches are read, and on
PostgreSQL ranked best match first (elsewhere shown newest first); the page says when
older matches were left out. A search costs about the same however large the record grows.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from positions.models import Party, Person, Position, Topic
from positions.models.querysets import every_word_in
from positions.postgres import search as full_text

MAX_RELATED = 20
# How many of the newest matches are ranked and paged through.
CANDIDATES = 1000


def search_positions(query: str) -> QuerySet:
    """Public positions matching ``query``, in no particular order."""
    return full_text.matching(Position.objects.public(), query)


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
    rows = list(full_text.best_first(newest, query).values_list("pk", "stated_on"))
    cut = len(rows) > CANDIDATES
    if cut:
        oldest = min(rows, key=lambda row: (row[1], row[0]))
        rows.remove(oldest)
    return BestMatches([pk for pk, _ in rows], limit=CANDIDATES, cut=cut)


def _named(model, stems: list[str], *fields: str) -> list:
    if not stems:
        return []
    return list(model.objects.public().filter(every_word_in(stems, *fields))[:MAX_RELATED])


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
    stems = full_text.query_stems(query)
    return SearchResults(
        query=query,
        positions=best_matches(query, within=within),
        ranked=full_text.ranks_matches(),
        topics=_named(Topic, stems, "name", "proposition"),
        parties=_named(Party, stems, "name", "short_name", "other_names"),
        people=_named(Person, stems, "name", "other_names"),
    )
