"""Positions matching every term typed in a search box: the desk's and the API's ``q``.

Each term (a word, or a "quoted phrase") must match one of ten fields of five tables: the
quote, summary and conditions, the speaker's name, the party's names, the topic's name and
proposition, and the source's title and outlet. Looked for with ``ILIKE`` in every column
at once, no index can answer that: every search read every position, seconds at a million.

On PostgreSQL each term is answered from the positions table alone, as an OR the planner
builds from indexes:

- words of the quote and summary from the stored search document (``positions.reading.search``),
  each word matching as a prefix (“Grush” finds “Grushko”), a quoted phrase word by word;
- speakers, parties, topics and sources by substring of their names and titles, looked up
  first in their own tables and matched by key;
- conditions by substring, among the positions that have any (a partial index).

Other databases match every field by substring.
"""

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q, QuerySet, Value
from django.utils.text import smart_split, unescape_string_literal

from positions.models import Party, Person, Position, Source, Topic
from positions.reading.search import SEARCH_CONFIG, SEARCH_FIELDS, StoredDocument, name_filter

# Beyond this many matching rows of one kind, keys are matched by subquery, not by list.
MAX_KEYS = 1000
# Terms beyond these are left out: each costs a lookup query.
MAX_TERMS = 10
# Letters and digits: what the document holds of a term, and safe to pass to to_tsquery.
WORD = re.compile(r"[^\W_]+")


def search_terms(search_term: str) -> list[str]:
    """The terms as the admin splits them: by spaces, "quoted phrases" kept whole."""
    terms = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        if bit:
            terms.append(bit)
    return terms[:MAX_TERMS]


def _words_query(term: str) -> SearchQuery | None:
    words = WORD.findall(term)
    if not words:
        return None
    return SearchQuery(
        " <-> ".join(f"{word}:*" for word in words), search_type="raw", config=SEARCH_CONFIG
    )


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
        kind: model.objects.filter(name_filter([term], *fields))
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
    if (words := _words_query(term)) is not None:
        condition |= Q(document=words)
    return condition


def matching_every_term(queryset: QuerySet, search_term: str) -> QuerySet:
    """``queryset`` narrowed to positions matching every term of ``search_term``."""
    terms = search_terms(search_term)
    if not terms:
        return queryset
    if connection.vendor != "postgresql":
        return queryset.filter(name_filter(terms, *TERM_SEARCH_FIELDS))
    queryset = queryset.alias(document=StoredDocument())
    for term in terms:
        queryset = queryset.filter(_term_condition(term))
    return queryset
