"""A reader's search of positions: every word of the search box must occur in the quote or
summary, or in the name of the speaker, the party or the topic (its proposition too). Words
are matched by their stem, so that “peacekeeping” finds “peacekeepers”.

On PostgreSQL the quote and summary are read from the stored search document
(``Position.search_document``, GIN-indexed, English stemming), and the names are looked up
first in their own small tables and matched by key, so that the planner can answer each word
from indexes. Other databases get the plain ORM answer: each word's stem as a substring of
any of those fields.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q, QuerySet, Value

from positions.models import Party, Person, Position, Topic
from positions.models.querysets import every_word_in
from positions.postgres import in_use
from positions.postgres.document import SEARCH_CONFIG, SEARCH_FIELDS

MAX_WORDS = 10
# Beyond this many matching rows of one kind, keys are matched by subquery, not by list.
MAX_KEYS = 1000
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Words too common to narrow a search; the full-text configuration leaves them out too.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "with",
    ]
)
# Endings taken off a word to find its stem, longest first; a stem keeps at least 4 letters.
SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "ies", "er", "es", "ed", "ly", "s")
MIN_STEM = 4
# Where else than the quote and summary a word may occur: the position's column, and the
# related row's fields.
RELATED = {
    "speaker": (Person, ("name", "other_names")),
    "party": (Party, ("name", "short_name", "other_names")),
    "topic": (Topic, ("name", "proposition")),
}
RELATED_FIELDS = tuple(f"{kind}__{name}" for kind, (_, names) in RELATED.items() for name in names)


def query_words(query: str) -> list[str]:
    """The words of a search box that narrow the search: lower-cased, without punctuation
    and very common words, each once."""
    words = (word.lower().replace("’", "'") for word in WORD.findall(query))
    kept = [w.removesuffix("'s") for w in words if w not in STOP_WORDS and len(w) > 1]
    return list(dict.fromkeys(kept))[:MAX_WORDS]


def stem(word: str) -> str:
    """The word without a common English ending: peacekeepers, peacekeeping → peacekeep."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def query_stems(query: str) -> list[str]:
    return list(dict.fromkeys(stem(word) for word in query_words(query)))


def _search_query(query: str) -> SearchQuery:
    return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)


def ranks_matches(using: str = "default") -> bool:
    """Whether ``best_first`` orders matches by rank (else it leaves them as given)."""
    return in_use(using)


def _related_keys(stems: list[str]) -> dict[tuple[str, int], list[int] | QuerySet]:
    """For each kind of related row and each stem, the keys of the rows whose names hold
    it, in one query; more than ``MAX_KEYS`` are given as a subquery instead."""
    sources = {
        (kind, index): model.objects.filter(every_word_in([word], *fields))
        for kind, (model, fields) in RELATED.items()
        for index, word in enumerate(stems)
    }
    parts = [
        rows.order_by()
        .annotate(matched_kind=Value(kind), matched_word=Value(index))
        .values_list("matched_kind", "matched_word", "pk")[: MAX_KEYS + 1]
        for (kind, index), rows in sources.items()
    ]
    found: dict[tuple[str, int], list[int]] = {key: [] for key in sources}
    for kind, index, pk in parts[0].union(*parts[1:], all=True):
        found[kind, index].append(pk)
    return {
        key: sources[key].values("pk") if len(keys) > MAX_KEYS else keys
        for key, keys in found.items()
    }


def matching(positions: QuerySet, query: str) -> QuerySet:
    """``positions`` with every word of ``query`` in their text or related names, in no
    particular order; none when the query has no word to look for."""
    words = query_words(query)
    if not words:
        return positions.none()
    stems = [stem(word) for word in words]
    if not in_use(positions.db):
        condition = Q()
        for word in dict.fromkeys(stems):
            condition &= every_word_in([word], *SEARCH_FIELDS, *RELATED_FIELDS)
        return positions.filter(condition)
    keys = _related_keys(stems)
    condition = Q()
    for index, word in enumerate(words):
        # The document is stemmed by the database; names by the stem worked out here.
        anywhere = Q(search_document=SearchQuery(word, search_type="plain", config=SEARCH_CONFIG))
        for kind in RELATED:
            anywhere |= Q(**{f"{kind}__in": keys[kind, index]})
        condition &= anywhere
    return positions.filter(condition)


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
