"""Finding the record's people and parties in an article by any of their names.

Names are looked up token by token in one dictionary, so reading an article costs time in
proportion to its length, whatever the size of the record.
"""

import re
from dataclasses import dataclass

from positions.models import Party, Person

# Longest name looked up, in words ("Recep Tayyip Erdogan", "North Atlantic Treaty Organization").
MAX_WORDS = 5
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žА-Яа-яЁёІіЇїЄєҐґ0-9][\w.'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def words(text: str) -> list[str]:
    """The words of a list written as text, one space apart."""
    return text.split()


# Words that start a capitalised run but are no part of a name.
TITLE_WORDS = frozenset(
    words(
        """
    president vice prime minister deputy foreign defence defense secretary general
    chancellor spokesman spokeswoman spokesperson ambassador envoy special treasury state
    head chief presidential adviser advisor aide senior leader premier king queen chairman
    chair commissioner representative high affairs policy security national council interior
    finance economy energy justice lieutenant colonel commander army navy foreign-policy the
    a an mr mrs ms dr sen senator rep
    """
    )
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        """The word without a possessive ending or a final full stop of a sentence."""
        word = _POSSESSIVE.sub("", self.text)
        return word[:-1] if word.endswith(".") and word.count(".") == 1 else word


@dataclass(frozen=True)
class NameHit:
    """A name found in the text, and whom or what it names."""

    start: int
    end: int
    text: str
    person: Person | None = None
    party: Party | None = None


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(name: str) -> tuple[str, ...]:
    words = [Token(word, 0, 0).bare for word in name.split()]
    if words and words[0].lower() == "the":
        words = words[1:]
    return tuple(words)


class NameIndex:
    """Every name, other name and (when unambiguous) surname of the record's people and
    parties, matched case-sensitively so that "US" is not "us"."""

    def __init__(self, people: list[Person], parties: list[Party]):
        self.names: dict[tuple[str, ...], Person | Party | None] = {}
        surnames: dict[tuple[str, ...], set] = {}
        for party in parties:
            for name in [party.name, party.short_name, *party.other_names_list()]:
                self._add(_key(name), party)
        for person in people:
            for name in [person.name, *person.other_names_list()]:
                key = _key(name)
                self._add(key, person)
                # A surname alone names a person only if it looks like one ("Grushko").
                if len(key) > 1 and re.fullmatch(r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]{2,}", key[-1]):
                    surnames.setdefault(key[-1:], set()).add(person)
        for key, owners in surnames.items():
            # A surname two people share names neither of them.
            if len(owners) == 1 and key not in self.names:
                self.names[key] = next(iter(owners))

    def _add(self, key: tuple[str, ...], owner) -> None:
        if not key or len(key) > MAX_WORDS:
            return
        current = self.names.get(key, owner)
        self.names[key] = owner if current == owner else None

    def find(self, text: str, offset: int = 0) -> list[NameHit]:
        """Names in ``text``, longest first at each place, left to right."""
        words = tokens(text)
        hits = []
        index = 0
        while index < len(words):
            for size in range(min(MAX_WORDS, len(words) - index), 0, -1):
                span = words[index : index + size]
                owner = self.names.get(tuple(token.bare for token in span))
                if owner is not None:
                    start, end = span[0].start, span[-1].start + len(span[-1].bare)
                    hits.append(
                        NameHit(
                            start=offset + start,
                            end=offset + end,
                            text=text[start:end],
                            person=owner if isinstance(owner, Person) else None,
                            party=owner if isinstance(owner, Party) else None,
                        )
                    )
                    index += size
                    break
            else:
                index += 1
        return hits
