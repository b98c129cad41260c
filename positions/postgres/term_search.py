"""Positions matching every term of a search box, answered from indexes on PostgreSQL.

Each term (a word, or a quoted phrase) must match one of ten fields of five tables
(``TERM_SEARCH_FIELDS``). Looked for with ``ILIKE`` in every column at once, no index can
answer that: every search would read every position. So on PostgreSQL each term is answered
from the positions table alone, as an OR the planner builds from indexes:

- words of the quote and summary from the stored search document, each word matching as a
  prefix, a quoted phrase word by word;
- speakers, parties, topics and sources by substring of their names and titles, looked up
  first in their own tables and matched by key;
- conditions by substring, among the positions that have any (a partial index).

Other databases match every field by substring.
"""

import re

from django.db.models import Q, QuerySet, Value

from positions.models import Party, Person, Position, Source, Topic
from positions.models.querysets import every_word_in
from positions.postgres import in_use
from positions.postgres.document import SEARCH_FIELDS
from positions.postgres.search import words_as_prefixes

# Beyond this many matching rows of one kind, keys are matched by subquery, not by list.
MAX_KEYS = 1000
# Letters and digits: what the document holds of a term, and safe to pass to to_tsquery.
WORD = re.compile(r"[^\W_]+")

# Which position column each kind of related row is matched by, and where its text is.
RELATED = {
    "speaker": (Person, ("name",)),
    "party": (Party, ("name", "short_name")),
    "topic": (Topic, ("name", "proposition")),
    "source": (Source, ("title", "outlet")),
}
# Every field a term is looked for in, as the admin names them (its search box lists them).
TERM_SEARCH_FIELDS = [
    *SEARCH_FIELDS,
    "conditions",
    *(f"{kind}__{name}" for kind, (_, names) in RELATED.items() for name in names),
]


def _with_conditions(term) -> QuerySet:
    # Written as the partial index's predicate, so that only positions with conditions are read.
    return Position.objects.exclude(conditions="").filter(conditions__icontains=term)


def _matching_keys(term: str) -> dict[str, list[int] | QuerySet]:
    """Keys of each kind of row that matches ``term``, in one query.

    A kind with more than ``MAX_KEYS`` matches is given as a subquery instead.
    """
    sources = {
        kind: model.objects.filter(every_word_in([term], *fields))
        for kind, (model, fields) in RELATED.items()
    }
    sources["conditions"] = _with_conditions(term)
    parts = [
        rows.order_by().annotate(matched=Value(kind)).values_list("matched", "pk")[: MAX_KEYS + 1]
        for kind, rows in sources.items()
    ]
    found: dict[str, list[int]] = {kind: [] for kind in sources}
    for kind, pk in parts[0].union(*parts[1:], all=True):
        found[kind].append(pk)
    return {
        kind: sources[kind].values("pk") if len(keys) > MAX_KEYS else keys
        for kind, keys in found.items()
    }


def _term_condition(term: str) -> Q:
    keys = _matching_keys(term)
    # Each kind in RELATED by its foreign key, so that a kind added there is searched here.
    condition = Q(pk__in=keys["conditions"])
    for kind in RELATED:
        condition |= Q(**{f"{kind}__in": keys[kind]})
    if words := WORD.findall(term):
        condition |= words_as_prefixes(words)
    return condition


def matching_every_term(queryset: QuerySet, terms: list[str]) -> QuerySet:
    """``queryset`` (of positions) narrowed to those matching every one of ``terms``."""
    if not in_use(queryset.db):
        return queryset.filter(every_word_in(terms, *TERM_SEARCH_FIELDS))
    for term in terms:
        queryset = queryset.filter(_term_condition(term))
    return queryset
