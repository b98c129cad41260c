"""Positions matching every term typed in a search box: the desk's and the API's ``q``.

Each term (a word, or a "quoted phrase") must match one of the fields in
``TERM_SEARCH_FIELDS``: the quote, summary and conditions, the speaker's name, the party's
names, the topic's name and proposition, and the source's title and outlet. How the
database answers it is ``positions.postgres.term_search``'s concern.
"""

from django.db.models import QuerySet
from django.utils.text import smart_split, unescape_string_literal

from positions.postgres import term_search
from positions.postgres.term_search import TERM_SEARCH_FIELDS

__all__ = ["TERM_SEARCH_FIELDS", "matching_every_term", "search_terms"]

# Terms beyond these are left out: each costs a lookup query.
MAX_TERMS = 10


def search_terms(search_term: str) -> list[str]:
    """The terms as the admin splits them: by spaces, "quoted phrases" kept whole."""
    terms = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        if bit:
            terms.append(bit)
    return terms[:MAX_TERMS]


def matching_every_term(queryset: QuerySet, search_term: str) -> QuerySet:
    """``queryset`` narrowed to positions matching every term of ``search_term``."""
    terms = search_terms(search_term)
    if not terms:
        return queryset
    return term_search.matching_every_term(queryset, terms)
