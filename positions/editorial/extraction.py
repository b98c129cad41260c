"""From an article to draft positions: which sentences carry statements, and what a draft for
each statement would say (quote, speaker, party, date, topics, move), with the evidence.

Everything here is a suggestion shown to an editor, who checks and completes it. Where the rules
are unsure a field stays blank and the draft says why: a wrong date or party that looks right is
worse than a blank one. Reading an article costs time in proportion to its length.
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import cache

import pysbd
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from positions.editorial import cues, dating
from positions.editorial.attribution import Context, NewSpeaker, Speaker, resolve
from positions.editorial.clauses import WANTING, Clause, read_sentence, strip_dateline
from positions.editorial.names import NameIndex
from positions.editorial.reporting_verbs import VERB
from positions.editorial.statement_dates import (
    DAY,
    TERMINAL,
    Found,
    date_statements,
    occasion,
)
from positions.editorial.topic_suggestions import TopicSuggester, suggester_for
from positions.models import Party, Person, Role, Source, Topic
from positions.models.choices import MOVE_NAMES, Move

__all__ = ["NewSpeaker", "Draft", "Proposal", "propose", "split_sentences"]

_QUOTE_MARKS = re.compile(r"[\"“”«»]")
_MUST = re.compile(r"\bmust\b", re.IGNORECASE)
# A sentence without a verb of saying still states a position when it says what will, must or
# cannot be (interview answers, a quote's next sentence).
_STANCE_WORDS = re.compile(
    r"\b(?:will|would|must|cannot|can't|can|never|not|no|ready|need|needs|should|only|"
    r"impossible|unacceptable|demand|guarantee\w*)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?P<only>only\s+(?:[\w-]+\s+){0,3}?)?(?P<word>if|after|unless|provided that)\s+"
    r"(?P<rest>[^,;]+)$",
    re.IGNORECASE,
)


@dataclass
class Sentence:
    text: str
    start: int
    end: int


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
    if verb := VERB.search(sentence):
        markers.append(f"reporting verb “{verb.group('verb').lower()}”")
    if _QUOTE_MARKS.search(sentence):
        markers.append("quotation marks")
    if _MUST.search(sentence):
        markers.append("modal “must”")
    return markers


def quote_of(sentence: str) -> str:
    """The statement itself: the sentence without dateline and attribution clause."""
    clauses = read_sentence(sentence, 0)
    return clauses[0].quote if clauses else sentence.strip().rstrip(".")


def find_date(sentence: str, published: datetime.datetime | None):
    """The day a sentence names ("on Sunday", "March 11"), read relative to publication."""
    day = timezone.localtime(published).date() if published else None
    for finding in dating.find_dates(sentence, day):
        if finding.precision == DAY:
            return finding.day, finding.phrase
    return None, ""


def suggest_move(quote: str) -> str:
    cue = cues.move_cue(quote)
    return cue.value if cue else ""


def suggest_conditions(quote: str) -> str:
    """A condition the statement attaches, e.g. "Only if both parties deem it necessary."."""
    match = _CONDITION.search(quote)
    if not match:
        return ""
    word = match.group("word").lower()
    rest = match.group("rest").strip().rstrip(".")
    phrase = f"only {word} {rest}" if match.group("only") else f"{word} {rest}"
    return phrase[0].upper() + phrase[1:] + "."


def suggest_topics(quote: str, topics: list[Topic], limit: int = 3) -> list[Topic]:
    """Topics whose wording is closest to the quote (without the record's coded positions)."""
    return [scored.topic for scored in TopicSuggester(topics, []).suggest(quote, limit=limit)]


# -- reading a whole article --


def propose(source: Source) -> list[Proposal]:
    """Every sentence of the source's text, with drafts for the statements it carries."""
    text = source.text
    published = timezone.localtime(source.published_at).date() if source.published_at else None
    people = list(Person.objects.only("id", "name", "slug", "other_names"))
    index = NameIndex(people, list(Party.objects.all()))
    # Roles only of the people the article names: the record may hold thousands of people.
    named = list({hit.person for hit in index.find(text) if hit.person is not None})
    prefetch_related_objects(named, Prefetch("roles", Role.objects.select_related("party")))
    roles = {person.pk: list(person.roles.all()) for person in named}

    def party_of(person):
        role = _role_for(roles.get(person.pk, []), published)
        if role is None:
            return None, ""
        return role.party, f"{person.name}'s role: {role.title}, {role.party}"

    context = Context(index=index)
    proposals, found = _read(text, source.title, context, party_of, source.language or "en")
    date_statements(found, published, occasion(proposals, published, found))
    suggester = suggester_for(source)
    for item in found:
        _draft(item, roles, suggester)
    for proposal in proposals:
        proposal.drafts.sort(key=lambda draft: -draft.confidence)
    return proposals


def _role_for(roles: list[Role], on: datetime.date | None) -> Role | None:
    for role in roles:
        started = role.start_date is None or on is None or role.start_date <= on
        ongoing = role.end_date is None or on is None or on <= role.end_date
        if started and ongoing:
            return role
    return roles[0] if roles else None


def _read(
    text: str, title: str, context: Context, party_of, language: str = "en"
) -> tuple[list, list[Found]]:
    proposals: list[Proposal] = []
    found: list[Found] = []
    paragraph_number = -1
    interviewee: Speaker | None = None
    # Where each line starts, read once: a sentence's paragraph is found by walking forward.
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    line = -1
    body = question = answer = False
    for sentence in split_sentences(text, language):
        if line + 1 < len(line_starts) and line_starts[line + 1] <= sentence.start:
            while line + 1 < len(line_starts) and line_starts[line + 1] <= sentence.start:
                line += 1
            end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
            stripped = text[line_starts[line] : end].strip()
            # Headlines, bylines and captions state nothing by themselves.
            body = bool(TERMINAL.search(stripped)) and stripped != title.strip()
            question, answer = stripped.startswith("Q:"), stripped.startswith("A:")
            paragraph_number += 1
            context.new_paragraph()
        proposal = Proposal(
            sentence,
            attribution_markers(sentence.text),
            paragraph=paragraph_number,
            body=body and not (question or answer),
        )
        proposals.append(proposal)
        if not body or question:
            continue
        if interviewee is None and answer:
            interviewee = _interviewee(text[: line_starts[line]], context, party_of)
        offset = sentence.text.startswith("A:") and 2 or 0
        clauses = [] if answer else read_sentence(sentence.text[offset:], sentence.start + offset)
        clauses = [clause for clause in clauses if not _reaction(clause)]
        if not clauses:
            clause = _unattributed(proposal, found, answer, offset)
            if clause is None:
                _mention(sentence, context, party_of)
                continue
            clauses = [clause]
        before = proposals[-2] if len(proposals) > 1 else None
        around = sentence.text
        if before is not None and before.paragraph == proposal.paragraph:
            around = f"{before.sentence.text} {around}"
        for clause in clauses:
            item = _resolve(clause, proposal, context, party_of, answer and interviewee)
            item.context = around
            found.append(item)
            context.remember(item.speaker)
    return proposals, found


_REACTION = re.compile(
    r"^\S+(?:\s+\S+){0,4}?\s+(?:welcomed|dismissed|backed|rejected|condemned|praised)\s+"
    r"(?:the|its|his|her|their|this|these|those)\s+\w+(?:\s+\w+)?$|"
    r"^\S+(?:\s+\S+){0,4}?\s+(?:welcomed|dismissed|backed|condemned|praised)\s+[A-Z]\w+$"
)


def _reaction(clause: Clause) -> bool:
    """ "Moscow dismissed the discussion.", "Kyiv welcomed the US commitment.": a reaction to
    something named before, with no proposition of its own to record."""
    return clause.kind == "stance" and bool(_REACTION.match(clause.quote))


def _mention(sentence: Sentence, context: Context, party_of) -> None:
    """A sentence that opens with a person ("Erdogan spoke with Putin …") makes them the
    paragraph's subject, for a "He said" after it."""
    skip = strip_dateline(sentence.text)
    text = sentence.text[skip:]
    people = [hit for hit in context.index.find(text) if hit.person is not None]
    # The person must open the sentence, perhaps after a title: "Turkish President …".
    if people and all(word[0].isupper() for word in text[: people[0].start].split()):
        person = people[0].person
        if person is not None:
            party, why = party_of(person)
            context.mentioned = Speaker(
                person=person,
                party=party,
                evidence=f"{person.name}, whom the paragraph is about",
                party_evidence=why,
            )


def _interviewee(intro: str, context: Context, party_of) -> Speaker | None:
    """The person an interview is with: the first the introduction names."""
    for hit in context.index.find(intro):
        if hit.person is not None:
            party, why = party_of(hit.person)
            return Speaker(
                person=hit.person,
                party=party,
                evidence=f"the interview with {hit.person.name}",
                party_evidence=why,
            )
    return None


def _unattributed(
    proposal: Proposal, found: list[Found], answer: bool, offset: int
) -> Clause | None:
    """A sentence with no verb of saying: a statement if it follows one in its paragraph."""
    sentence = proposal.sentence
    words = sentence.text[offset:].strip()
    opening = re.match(r"^[«“\"](?P<inner>[^»”\"]{8,})[»”\"]", words)
    if opening and len(opening.group("inner").split()) >= 3:
        # Words in quotation marks open the sentence, whatever verb (or language) follows:
        # «НАТО и миротворчество абсолютно несовместимы», — заявил он.
        inner = opening.group("inner").rstrip(" ,")
        return Clause(inner, sentence.start + sentence.text.find(inner), kind="quoted")
    follows = found and found[-1].proposal.paragraph == proposal.paragraph
    if answer:
        # Short answers ("Absolutely.", "This is not going to happen.") react; they hold
        # no position of their own.
        if len(words.split()) < 7:
            return None
    elif not follows or len(words.split()) < 4 or not _STANCE_WORDS.search(words):
        return None
    quote = words.strip('“”"').rstrip()
    start = sentence.start + sentence.text.find(quote)
    return Clause(quote, start, kind="answer" if answer else "continuation")


def _resolve(clause: Clause, proposal: Proposal, context: Context, party_of, interviewee) -> Found:
    if interviewee:
        speaker = interviewee
    elif clause.kind in {"continuation"} or (clause.kind == "quoted" and not clause.subject):
        focus = context.focus()
        speaker = Speaker() if focus is None else Speaker(
            person=focus.person, new=focus.new, party=focus.party,
            evidence=f"continues the statement of {focus.name}",
            party_evidence=focus.party_evidence,
        )  # fmt: skip
    else:
        context.around = clause.around
        speaker = resolve(clause.subject, clause.subject_start, context, party_of)
        context.around = ""
    item = Found(clause, proposal, speaker)
    if clause.original:
        original = resolve(clause.original, clause.original_start, context, party_of)
        # A speaker saying what their own side does is not reporting someone else.
        own_side = not original.someone and original.party == speaker.party
        wanting = clause.original_verb in WANTING
        if wanting and (speaker.someone or speaker.party) and original.party == speaker.party:
            # "Lavrov said Putin was ready …": one side speaking for its own.
            pass
        elif wanting and speaker.someone and speaker.party is None:
            # A speaker of no known party: whose side "wants" it is, nothing tells.
            pass
        elif wanting and speaker.party is not None and (original.someone or original.party):
            # "Putin wants …, Witkoff added": the other side's demand relayed, or the
            # reporter's own reading of it; the rules cannot tell, so the editor decides.
            who = original.name or clause.original
            reporter = speaker.name or clause.subject
            why = (
                f"Left blank: {reporter} says what {who} wants; whether it is {who}'s "
                f"position or {reporter}'s reading of it, the editor decides."
            )
            item.reporter, item.speaker = speaker, Speaker(evidence=why, party_evidence=why)
        elif (original.someone or original.party) and not own_side:
            item.reporter, item.speaker = speaker, original
            reporter = speaker.name or clause.subject
            original.evidence = f"{original.evidence or clause.original}; reported by {reporter}"
    return item


# -- drafts --


def _draft(item: Found, roles: dict, suggester: TopicSuggester) -> None:
    clause, speaker = item.clause, item.speaker
    quotes = [(clause.quote, clause.start)] + clause.parts
    if clause.kind == "quoted":
        quotes += _sentences_of(clause.quote, clause.start)
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
        draft.speaker = speaker.person
        draft.new_speaker = speaker.new
        draft.evidence["speaker"] = speaker.evidence or "No speaker named: check."
        if speaker.person is not None:
            draft.role = _role_for(roles.get(speaker.person.pk, []), item.day)
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
        item.proposal.drafts.append(draft)


def _sentences_of(quote: str, start: int) -> list[tuple[str, int]]:
    """The sentences of a quote of several, each a shorter quote an editor may prefer."""
    parts = []
    for span in _segmenter().segment(quote):
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
