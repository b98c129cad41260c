"""Finding the record's people and parties in an article by any of their names.

Names are looked up token by token in one dictionary, so reading an article costs time in
proportion to its length, whatever the size of the record.
"""

import re
import unicodedata
from dataclasses import dataclass

from positions.models import Party, Person

# Longest name looked up, in words ("Recep Tayyip Erdogan", "North Atlantic Treaty Organization").
MAX_WORDS = 5
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žА-Яа-яЁёІіЇїЄєҐґ0-9][\w.'’-]*")
POSSESSIVE = re.compile(r"['’]s?$")


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
    a an mr mrs ms dr sen senator rep exchequer sir dame lord baroness
    господин госпожа пан пані
    президент міністр министр речник пресс-секретарь прес-секретар глава голова посол
    заступник заместитель помічник помощник радник советник представник представитель
    спікер спикер прем'єр-міністр премьер-министр прем’єр-міністр канцлер генсек
    """
    )
)
# Bodies a described speaker belongs to ("представитель Кремля", "керівник Офісу
# Президента"): capitalised, but no one's name.
BODY_WORDS = frozenset(
    words(
        """
    кремля кремль кремлі кремле офісу офиса офіс офис білого белого дому дома госдепа
    держдепу президента президент уряду правительства міністерства министерства
    совет совета совету ради комитет комитета комітет комітету думы госдумы оон оон
    безопасности безпеки
    """
    )
)
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
# Cyrillic letters as Latin ones, for matching a name across scripts and spellings
# ("Зеленський" / "Zelenskyy", "Пєсков" / "Peskov", "Сибіга" / "Sybiha").
_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя", [
            "a", "b", "v", "g", "g", "d", "e", "ie", "e", "zh", "z", "i", "i", "i", "i", "k",
            "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "shch", "",
            "i", "", "e", "iu", "ia",
        ], strict=True)),
        "'": "",
        "’": "",
    }
)  # fmt: skip


def _capitalised(span) -> bool:
    return span[0].text[:1].isupper() and span[-1].text[:1].isupper()


_CASE_ENDING = re.compile(r"([сц]ь?к)(?:ого|ому)$")


def skeleton(word: str) -> str:
    """A lossy key of a name that most transliterations and spellings share: "Zelenskyy",
    "Zelensky", "Зеленський" and "Зеленский" are one, and so are "Trump" and "Трамп"."""
    if _CYRILLIC.search(word) and len(word) > 5:
        # "Зеленського", "Зеленскому": an adjective-like surname's case ending is no part of
        # the name. (The instrumental, "з Мерцом", names whom the subject was with.)
        word = _CASE_ENDING.sub(r"\1", word.lower())
    word = unicodedata.normalize("NFKD", word.lower().translate(_TO_LATIN))
    word = "".join(c for c in word if not unicodedata.combining(c))
    # "Merz" / "Мерц": the German z is the Cyrillic ц.
    word = word.replace("ts", "z").replace("tz", "z")
    word = word.replace("kh", "h").replace("h", "g").replace("y", "i").replace("j", "i")
    word = re.sub(r"[^a-z]", "", word.replace("w", "v"))
    word = re.sub(r"c(?!h)", "k", word.replace("f", "v"))
    word = re.sub(r"(.)\1+", r"\1", word)
    # Vowels are where transliterations and case endings differ most ("Trump" / "Трамп",
    # "Leyen" / "Ляйен", "Ушакова"): the consonants after the first letter are the key.
    return word[:1] + re.sub(r"[aeiou]", "", word[1:])


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        """The word without a possessive ending or a final full stop of a sentence."""
        word = POSSESSIVE.sub("", self.text)
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
        # The same names by their skeletons, for names written in Cyrillic.
        self.skeletons: dict[tuple[str, ...], Person | Party | None] = {}
        for key, owner in self.names.items():
            if owner is None:
                continue
            folded = tuple(skeleton(word) for word in key)
            if all(len(word) < 3 for word in folded):
                # "NATO" and "EU" fold to "nt" and "e", as "нет" and "ее" do: too short a name.
                continue
            current = self.skeletons.get(folded, owner)
            self.skeletons[folded] = owner if current == owner else None

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
                # A name in Cyrillic, by its skeleton: capitalised, as names are.
                if owner is None and _CYRILLIC.search(span[0].text) and _capitalised(span):
                    owner = self.skeletons.get(tuple(skeleton(token.bare) for token in span))
                if owner is None and size == 1 and span[0].bare.endswith("s"):
                    # "the Americans", "the Russians": a party's demonym in the plural.
                    singular = self.names.get((span[0].bare[:-1],))
                    owner = singular if isinstance(singular, Party) else None
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
