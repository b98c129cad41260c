"""From an article to draft positions: which sentences carry attributed statements, and
what a draft for each would say (quote, date, speaker, party, topic, move, conditions).

Everything here is a suggestion shown to an editor, who checks and completes it.
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import cache

import dateparser
import pysbd
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from positions.models import Party, Person, Role, Source, Topic
from positions.models.choices import Move

REPORTING_VERBS = (
    "said|says|stated|demanded|demands|emphasized|emphasised|emphasizes|"
    "emphasises|added|adds|adding|reaffirmed|reiterated|noted|stressed|warned|insisted|"
    "told|argued|suggested|declared|announced|asserted|claimed|urged|called for|"
    "according to"
)
_VERB = re.compile(rf"\b(?:{REPORTING_VERBS})\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
_MUST = re.compile(r"\bmust\b", re.IGNORECASE)

# "MOSCOW - " or "KYIV, March 3 (Reuters) -- " at the start of a report.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'()0-9-]{1,60}?\s+[-–—]{1,2}\s+")
# ", Russian Deputy Foreign Minister Alexander Grushko said in an interview on Sunday."
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s*[^,\"“”]{{0,120}}?\b(?:{REPORTING_VERBS})\b[^\"“”]*$", re.IGNORECASE
)
# "He said (that) …", "As a possible alternative, he said that …", "He reaffirmed X's stance that …"
_LEADING_ATTRIBUTION = re.compile(
    rf"^(?:[^,\"“”]{{0,60}},\s*)?(?:(?i:he|she|they|it)|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,4}})"
    rf"\s+(?i:{REPORTING_VERBS})(?:(?:\s+[\w'’]+){{1,4}}?\s+that|\s+that)?\s+"
)
_QUOTED = re.compile(r"^\s*[\"“«](?P<inner>.+?)[\"”»]")
# 'The minister said: "We will not withdraw."'
_INNER_QUOTED = re.compile(r"[\"“«](?P<inner>[^\"“”«»]{12,})[\"”»]")
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_PHRASE = re.compile(
    rf"\b(?:(?:on|last)\s+)?(?:{_WEEKDAYS})\b|\byesterday\b"
    rf"|\b(?:on\s+)?(?:{_MONTHS})\s+\d{{1,2}}(?:,?\s+\d{{4}})?\b"
    rf"|\b(?:on\s+)?\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b"
)
_CONDITION = re.compile(
    r"\b(?P<only>only\s+(?:[\w-]+\s+){0,3}?)?(?P<word>if|after|unless|provided that)\s+"
    r"(?P<rest>[^,;]+)$",
    re.IGNORECASE,
)
# Each rule: a pattern in the quote, and the kind of move it suggests; first match wins.
_MOVE_RULES = (
    (re.compile(r"\balternative\b", re.IGNORECASE), Move.ALTERNATIVE),
    (re.compile(r"\bopen to\b|\bready to\b|\bwilling(?:ness)? to\b", re.IGNORECASE), Move.OPENNESS),
    (re.compile(r"\bdemand|\bmust\b|\binsist", re.IGNORECASE), Move.DEMAND),
    (re.compile(r"\bpropos", re.IGNORECASE), Move.PROPOSAL),
    (re.compile(r"\bonly\b.*\b(?:if|after|when)\b|\bnever\b|\bunacceptable", re.I), Move.RED_LINE),
)
_STOPWORDS = frozenset(
    re.split(
        r"\s+",
        "a an and are as at be by for from has have in into is it its of on or that the their "
        "these this to under was were will with would should could any all part",
    )
)


@dataclass
class Sentence:
    text: str
    start: int
    end: int


@dataclass
class NewSpeaker:
    """Someone the record does not know yet, as the article names and describes them."""

    name: str
    title: str = ""
    party: Party | None = None


@dataclass
class Draft:
    """One position a sentence may hold: the quote to offer and the fields suggested for it."""

    quote: str
    start: int
    speaker: Person | None = None
    new_speaker: NewSpeaker | None = None
    party: Party | None = None
    stated_on: datetime.date | None = None
    date_precision: str = ""
    topics: list[Topic] = field(default_factory=list)
    move: str = ""


@dataclass
class Proposal:
    """A sentence of the article and, when it carries an attributed statement, a draft."""

    sentence: Sentence
    markers: list[str]
    quote: str = ""
    # Shorter quotes when the statement quotes several sentences.
    part_quotes: list[str] = field(default_factory=list)
    stated_on: datetime.date | None = None
    date_phrase: str = ""
    speaker: Person | None = None
    role: object = None
    party: Party | None = None
    topics: list[Topic] = field(default_factory=list)
    move: str = ""
    conditions: str = ""

    @property
    def attributed(self) -> bool:
        return bool(self.markers)

    @property
    def drafts(self) -> list[Draft]:
        """The positions suggested for this sentence, one per quote it offers."""
        if not self.attributed:
            return []
        return [
            Draft(
                quote=quote,
                start=self.sentence.start + max(self.sentence.text.find(quote), 0),
                speaker=self.speaker,
                party=self.party,
                stated_on=self.stated_on,
                date_precision="day" if self.stated_on else "",
                topics=self.topics,
                move=suggest_move(quote) or suggest_move(self.sentence.text),
            )
            for quote in [self.quote, *self.part_quotes]
        ]

    def prefill(self, source: Source, quote: str | None = None, topic=None) -> dict[str, str]:
        """GET parameters that open the admin add form with this draft filled in."""
        quote = quote or self.quote
        topic = topic or (self.topics[0] if self.topics else None)
        values = {
            "source": source.pk,
            "quote": quote,
            "stated_on": self.stated_on.isoformat() if self.stated_on else "",
            "speaker": self.speaker.pk if self.speaker else "",
            "role": self.role.pk if self.role else "",
            "party": self.party.pk if self.party else "",
            "topic": topic.pk if topic else "",
            # The attribution may carry the move ("As a possible alternative, he said …").
            "move": suggest_move(quote) or suggest_move(self.sentence.text),
            "conditions": suggest_conditions(quote),
            # The quote's place in the text, in case the same words occur twice.
            "quote_near": self.sentence.start + max(self.sentence.text.find(quote), 0),
        }
        return {name: str(value) for name, value in values.items() if value not in ("", None)}


# Segmenters by a source's language; Ukrainian shares Russian's abbreviations and
# punctuation, and a language without rules of its own is split as English.
_SEGMENTER_LANGUAGES = {"en": "en", "ru": "ru", "uk": "ru"}


@cache
def _segmenter(language: str = "en") -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences with their offsets in ``text``; a paragraph never spans two sentences.

    ``language`` is the source's BCP 47 code ("ru", "uk-UA").
    """
    segmenter = _segmenter(_SEGMENTER_LANGUAGES.get(language.split("-")[0].lower(), "en"))
    sentences = []
    offset = 0
    for paragraph in text.split("\n"):
        cursor = 0
        if paragraph.strip():
            for span in segmenter.segment(paragraph):
                stripped = span.sent.strip()
                # Locate each sentence after the previous one, so repeated sentences and
                # any drift in the segmenter's own spans cannot misplace it.
                found = paragraph.find(stripped, cursor) if stripped else -1
                if found == -1:
                    continue
                cursor = found + len(stripped)
                start = offset + found
                sentences.append(Sentence(stripped, start, start + len(stripped)))
        offset += len(paragraph) + 1
    return sentences


def attribution_markers(sentence: str) -> list[str]:
    """Why a sentence looks like an attributed statement (empty when it does not)."""
    markers = []
    if verb := _VERB.search(sentence):
        markers.append(f"reporting verb “{verb.group().lower()}”")
    if _QUOTE_MARKS.search(sentence):
        markers.append("quotation marks")
    if _MUST.search(sentence):
        markers.append("modal “must”")
    return markers


def quote_of(sentence: str) -> str:
    """The statement itself: the sentence without dateline and attribution clause."""
    if quoted := _QUOTED.match(sentence):
        return quoted.group("inner").strip().rstrip(",").strip()
    inner = _INNER_QUOTED.search(sentence)
    if inner and _VERB.search(sentence[: inner.start()] + sentence[inner.end() :]):
        return inner.group("inner").strip().rstrip(",").strip()
    text = _DATELINE.sub("", sentence)
    text = _LEADING_ATTRIBUTION.sub("", text)
    text = _TRAILING_ATTRIBUTION.sub("", text)
    return text.strip().rstrip(".").strip()


def quote_parts(quote: str) -> list[str]:
    """The sentences of a multi-sentence quote, each a shorter quote an editor may prefer."""
    parts = [span.sent.strip().rstrip(",").strip() for span in _segmenter().segment(quote)]
    parts = [part for part in parts if part]
    return parts if len(parts) > 1 else []


def find_date(sentence: str, published: datetime.datetime | None):
    """The day a sentence names ("on Sunday", "March 11"), read relative to publication."""
    match = _DATE_PHRASE.search(sentence)
    if not match:
        return None, ""
    base = timezone.localtime(published).replace(tzinfo=None) if published else None
    parsed = dateparser.parse(
        match.group(),
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        if base
        else {"PREFER_DATES_FROM": "past"},
    )
    return (parsed.date() if parsed else None), match.group()


def suggest_move(quote: str) -> str:
    for pattern, move in _MOVE_RULES:
        if pattern.search(quote):
            return move
    return ""


def suggest_conditions(quote: str) -> str:
    """A condition the statement attaches, e.g. "Only if both parties deem it necessary."."""
    match = _CONDITION.search(quote)
    if not match:
        return ""
    word = match.group("word").lower()
    rest = match.group("rest").strip().rstrip(".")
    phrase = f"only {word} {rest}" if match.group("only") else f"{word} {rest}"
    return phrase[0].upper() + phrase[1:] + "."


def _words(text: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z]+(?:['’]s)?", text.lower()):
        word = re.sub(r"['’]s$", "", word)
        if word in _STOPWORDS or len(word) < 3:
            continue
        words.add(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return words


def suggest_topics(quote: str, topics: list[Topic], limit: int = 3) -> list[Topic]:
    """Topics whose name and proposition share the most words with the quote."""
    quote_words = _words(quote)
    scored = []
    for topic in topics:
        topic_words = _words(f"{topic.name} {topic.proposition}")
        shared = len(quote_words & topic_words)
        if shared:
            # More shared words first; among equals, the more specific topic.
            scored.append((-shared, -shared / len(topic_words), topic.name, topic))
    return [row[-1] for row in sorted(scored, key=lambda row: row[:3])[:limit]]


def _surnames(people: list[Person]) -> list[tuple[Person, str]]:
    return [(person, person.name.split()[-1]) for person in people]


def _named(sentence: str, people: list[tuple[Person, str]]) -> Person | None:
    """The first person (with their surname) whose name or surname the sentence gives."""
    for person, surname in people:
        # The surname is part of the name: where it is not in the sentence, neither is.
        # Checked first, so that a record of thousands of people costs no regex for most.
        if surname in sentence and re.search(
            rf"\b{re.escape(person.name)}\b|\b{re.escape(surname)}\b", sentence
        ):
            return person
    return None


def _role_for(person: Person, on: datetime.date | None):
    roles = list(person.roles.all())
    for role in roles:
        started = role.start_date is None or on is None or role.start_date <= on
        ongoing = role.end_date is None or on is None or on <= role.end_date
        if started and ongoing:
            return role
    return roles[0] if roles else None


def _party_named(sentence: str, parties: list[Party]) -> Party | None:
    for party in parties:
        if (party.name in sentence or party.short_name in sentence) and re.search(
            rf"\b(?:{re.escape(party.name)}|{re.escape(party.short_name)})\b", sentence
        ):
            return party
    return None


def propose(source: Source) -> list[Proposal]:
    """Every sentence of the source's text, with a draft for each attributed one."""
    people = _surnames(list(Person.objects.all()))
    parties = list(Party.objects.all())
    topics = list(Topic.objects.all())
    sentences = split_sentences(source.text, source.language or "en")
    proposals = [Proposal(s, attribution_markers(s.text)) for s in sentences]

    # The day the report's lead gives for the statements applies to the rest of it.
    article_date, article_phrase = None, ""
    for proposal in proposals:
        if proposal.attributed:
            article_date, article_phrase = find_date(proposal.sentence.text, source.published_at)
            if article_date:
                break
    fallback_date = timezone.localtime(source.published_at).date() if source.published_at else None

    last_named = None
    for proposal in proposals:
        text = proposal.sentence.text
        named = _named(text, people)
        if not proposal.attributed:
            last_named = named or last_named
            continue
        proposal.quote = quote_of(text)
        proposal.part_quotes = quote_parts(proposal.quote)
        stated_on, phrase = find_date(text, source.published_at)
        if stated_on is None:
            stated_on, phrase = (article_date, article_phrase) if article_date else (None, "")
        proposal.stated_on, proposal.date_phrase = stated_on or fallback_date, phrase
        if named is None and _PRONOUN_SUBJECT.search(text):
            named = last_named
        proposal.speaker = named
        last_named = named or last_named
        proposal.topics = suggest_topics(proposal.quote, topics)
        proposal.move = suggest_move(proposal.quote)
        proposal.conditions = suggest_conditions(proposal.quote)

    # Roles only of the people named: the record may hold thousands of people.
    attributed = [proposal for proposal in proposals if proposal.attributed]
    speakers = list({proposal.speaker for proposal in attributed if proposal.speaker})
    prefetch_related_objects(speakers, Prefetch("roles", Role.objects.select_related("party")))
    for proposal in attributed:
        if proposal.speaker:
            proposal.role = _role_for(proposal.speaker, proposal.stated_on)
        proposal.party = (
            proposal.role.party if proposal.role else _party_named(proposal.sentence.text, parties)
        )
    return proposals
