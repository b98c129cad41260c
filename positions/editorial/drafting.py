"""What a draft position offers for a statement found in an article: the quote and its
shorter parts, speaker, role, party, date, topics, move and conditions, each with its evidence,
and how confident the rules are."""

import datetime
import re
from dataclasses import dataclass, field

from positions.editorial import cues
from positions.editorial.attribution import NewSpeaker, Speaker
from positions.editorial.confidence import Offer, hold_back
from positions.editorial.sentences import Sentence, segmenter
from positions.editorial.statement_dates import DAY, Found
from positions.editorial.topic_suggestions import TopicSuggester
from positions.models import Party, Person, Role, Source, Topic
from positions.models.choices import MOVE_NAMES, Move

_CONDITION = re.compile(
    r"\b(?P<only>only\s+(?:[\w-]+\s+){0,3}?)?(?P<word>if|after|unless|provided that)\s+"
    r"(?P<rest>[^,;]+)$",
    re.IGNORECASE,
)


@dataclass
class Draft:
    """One position a sentence may hold: the quote to offer and what is suggested for it."""

    quote: str
    start: int
    speaker: Person | None = None
    new_speaker: NewSpeaker | None = None
    role: Role | None = None
    party: Party | None = None
    stated_on: datetime.date | None = None
    date_precision: str = ""
    topics: list[Topic] = field(default_factory=list)
    move: str = ""
    conditions: str = ""
    confidence: float = 0.0
    # What each suggestion was read from, or why it is blank; shown beside it.
    evidence: dict[str, str] = field(default_factory=dict)
    stance_cue: cues.Cue | None = None
    # The kind of evidence behind the speaker, party and date; and the suggestions the rules
    # are unsure of, offered instead of filled in (confidence.py).
    kinds: dict[str, str] = field(default_factory=dict)
    offers: list[Offer] = field(default_factory=list)

    def suggested(self, name: str):
        """The speaker (person or new person), party or date the rules found, whether filled
        in or only offered."""
        filled = {
            "speaker": self.speaker or self.new_speaker,
            "party": self.party,
            "date": self.stated_on,
        }[name]
        if filled is not None:
            return filled
        return next((offer.value for offer in self.offers if offer.field == name), None)

    def offered(self, name: str):
        return next((offer for offer in self.offers if offer.field == name), None)

    @property
    def move_label(self) -> str:
        return MOVE_NAMES.get(self.move, "")

    def prefill(self, source: Source, topic: Topic | None = None) -> dict[str, str]:
        """GET parameters that open the admin add form with this draft filled in."""
        topic = topic or (self.topics[0] if self.topics else None)
        values = {
            "source": source.pk,
            "quote": self.quote,
            "stated_on": self.stated_on.isoformat() if self.stated_on else "",
            "stated_on_precision": self.date_precision if self.stated_on else "",
            "speaker": self.speaker.pk if self.speaker else "",
            "role": self.role.pk if self.role else "",
            "party": self.party.pk if self.party else "",
            "topic": topic.pk if topic else "",
            "move": self.move,
            "conditions": self.conditions,
            # The quote's place in the text, in case the same words occur twice.
            "quote_near": self.start,
        }
        if values["stated_on_precision"] == DAY:
            values["stated_on_precision"] = ""
        return {name: str(value) for name, value in values.items() if value not in ("", None)}


@dataclass
class Proposal:
    """A sentence of the article and the drafts it offers, most confident first."""

    sentence: Sentence
    markers: list[str]
    drafts: list[Draft] = field(default_factory=list)
    paragraph: int = 0
    # Of the report's body: not a headline, byline, caption or interview question or answer.
    body: bool = False

    @property
    def attributed(self) -> bool:
        return bool(self.drafts)

    # The first (most confident) draft's suggestions, read as the sentence's own.
    @property
    def first(self) -> Draft | None:
        return self.drafts[0] if self.drafts else None

    @property
    def quote(self) -> str:
        return self.first.quote if self.first else ""

    @property
    def speaker(self) -> Person | None:
        return self.first.speaker if self.first else None

    @property
    def stated_on(self) -> datetime.date | None:
        return self.first.stated_on if self.first else None


def suggest_conditions(quote: str) -> str:
    """A condition the statement attaches, e.g. "Only if both parties deem it necessary."."""
    match = _CONDITION.search(quote)
    if not match:
        return ""
    word = match.group("word").lower()
    rest = match.group("rest").strip().rstrip(".")
    phrase = f"only {word} {rest}" if match.group("only") else f"{word} {rest}"
    return phrase[0].upper() + phrase[1:] + "."


def role_held(role: Role, on: datetime.date | None) -> bool:
    started = role.start_date is None or on is None or role.start_date <= on
    ongoing = role.end_date is None or on is None or on <= role.end_date
    return started and ongoing


def role_for(roles: list[Role], on: datetime.date | None) -> Role | None:
    return next((role for role in roles if role_held(role, on)), roles[0] if roles else None)


# A part of a statement that relays a third person: "the Ukrainian leader had told him …".
_RELAYED_PART = re.compile(
    # Someone described by post, or named in full; not "he", "Moscow" or "history".
    r"^(?:the\s+(?:[\w'’.-]+\s+){0,2}?(?:leader|president|minister|chancellor|premier|envoy|"
    r"secretary|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|ambassador|"
    r"negotiator|king|emir|prince)|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\s+"
    r"(?:had\s+)?(?:told|said to|assured)\s+(?:him|her|me|us|them)\b"
)


def draft(item: Found, roles: dict, suggester: TopicSuggester) -> None:
    clause = item.clause
    quotes = [(clause.quote, clause.start)] + clause.parts
    if clause.kind == "quoted":
        quotes += _sentences_of(clause.quote, clause.start)
    # The first part that relays a third person; the whole statement holds it too.
    relayed = next(filter(None, (_RELAYED_PART.match(part) for part, _ in clause.parts)), None)
    seen = set()
    for number, (quote, start) in enumerate(quotes):
        if quote in seen or len(quote.split()) < 2:
            continue
        seen.add(quote)
        draft = Draft(
            quote=quote,
            start=start,
            stated_on=item.day,
            date_precision=item.precision if item.day else "",
        )
        draft.evidence["date"] = item.reasoning
        relaying = _RELAYED_PART.match(quote) if number else relayed
        if relaying is not None:
            # "He said he had met Zelenskyy, and that the Ukrainian leader had told him …":
            # another's words, as the speaker reports them.
            speaker = Speaker(
                evidence=f"Left blank: “{relaying.group()}” gives another's words, "
                "as the speaker reports them."
            )
        else:
            speaker = item.speaker
        draft.speaker = speaker.person
        draft.new_speaker = speaker.new
        draft.evidence["speaker"] = speaker.evidence or "No speaker named: check."
        if speaker.person is not None:
            draft.role = role_for(roles.get(speaker.person.pk, []), item.day)
        draft.party = draft.role.party if draft.role else speaker.party
        draft.evidence["party"] = (
            f"{speaker.person.name}'s role: {draft.role.title}, {draft.role.party}"
            if draft.role
            else speaker.party_evidence or "Left blank: nothing in the attribution names the party."
        )
        scored = suggester.suggest(quote, item.context)
        draft.topics = [score.topic for score in scored]
        draft.evidence["topics"] = "; ".join(
            f"{s.topic}: {s.evidence} ({s.score:.2f})" for s in scored
        )
        move = cues.move_cue(quote, clause.verb if number == 0 else "")
        if move is None and number and clause.listed:
            move = cues.Cue(Move.PROPOSAL, "an item of what the plan includes")
        draft.move = move.value if move else ""
        draft.evidence["move"] = (
            move.evidence if move else "Left blank: no word in the quote marks a move."
        )
        draft.stance_cue = cues.stance_cue(quote, clause.verb if number == 0 else "")
        draft.conditions = suggest_conditions(quote)
        draft.confidence = _confidence(item, draft, number)
        draft.kinds = {
            "speaker": speaker.kind,
            "party": speaker.party_kind if draft.party is not None else "",
            "date": item.date_kind,
        }
        hold_back(draft)
        item.proposal.drafts.append(draft)


def _sentences_of(quote: str, start: int) -> list[tuple[str, int]]:
    """The sentences of a quote of several, each a shorter quote an editor may prefer."""
    parts = []
    for span in segmenter().segment(quote):
        part = span.sent.strip().rstrip(",").strip()
        if part:
            parts.append((part, start + quote.find(part)))
    return parts if len(parts) > 1 else []


_BASE = {"quoted": 0.85, "reported": 0.8, "stance": 0.65, "answer": 0.6, "continuation": 0.5}


def _confidence(item: Found, draft: Draft, number: int) -> float:
    score = _BASE.get(item.clause.kind, 0.5) - 0.05 * min(number, 2)
    if item.speaker.someone:
        score += 0.1
    if not (item.speaker.someone or item.speaker.party):
        score -= 0.25
    if draft.topics:
        score += 0.05
    return round(max(0.05, min(score, 1.0)), 2)
