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
from positions.editorial.clauses import SPEECH_VERB, VERB, Clause, read_sentence, strip_dateline
from positions.editorial.names import NameIndex
from positions.editorial.topic_suggestions import TopicSuggester, suggester_for
from positions.models import Party, Person, Role, Source, Topic

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
# Another occasion than the one the sentence before spoke of: its date is not carried.
_OTHER_OCCASION = re.compile(
    r"\b(?:separate interview|separately|previously|in a statement|wrote on|posted on|"
    r"on social media)\b|^(?:In|From) [A-Z][a-z]+,",
)
_EVENT = re.compile(
    r"\b(?:summit|talks|meeting|news conference|press conference|call|by phone|session|"
    r"visit|negotiations|interview)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?P<only>only\s+(?:[\w-]+\s+){0,3}?)?(?P<word>if|after|unless|provided that)\s+"
    r"(?P<rest>[^,;]+)$",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?][\"”’)]*\s*$|[\"”]\s*$")

DAY, MONTH = "day", "month"


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

    @property
    def attributed(self) -> bool:
        return bool(self.drafts)

    def __getattr__(self, name):
        # The first draft's fields read as the sentence's own (quote, speaker, party, …).
        if name in {"quote", "speaker", "party", "stated_on", "topics", "move", "role"}:
            drafts = self.__dict__.get("drafts") or []
            return getattr(drafts[0], name) if drafts else None
        raise AttributeError(name)


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets in ``text``; a paragraph never spans two sentences."""
    sentences = []
    offset = 0
    for paragraph in text.split("\n"):
        cursor = 0
        if paragraph.strip():
            for span in _segmenter().segment(paragraph):
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
    return [scored.topic for scored in TopicSuggester(topics, []).suggest(quote, limit)]


# -- reading a whole article --


@dataclass
class _Found:
    """A clause as read, while its date is worked out from its neighbours."""

    clause: Clause
    proposal: Proposal
    speaker: Speaker
    own: dating.DateFinding | None = None
    blocked: str = ""  # why no other statement's date may be carried to this one
    reporter: Speaker | None = None
    # The date of the reporter's own words, when the statement is reported speech.
    reporter_date: dating.DateFinding | None = None
    day: datetime.date | None = None
    precision: str = ""
    reasoning: str = ""


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
    proposals, found = _read(text, source.title, context, party_of)
    _date(found, published, _occasion(proposals, text, source.title, published))
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


def _read(text: str, title: str, context: Context, party_of) -> tuple[list, list[_Found]]:
    proposals: list[Proposal] = []
    found: list[_Found] = []
    paragraph_number = -1
    interviewee: Speaker | None = None
    previous_line = None
    for sentence in split_sentences(text):
        line_start = text.rfind("\n", 0, sentence.start) + 1
        line_end = text.find("\n", sentence.start)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        if line_start != previous_line:
            previous_line = line_start
            paragraph_number += 1
            context.new_paragraph()
        proposal = Proposal(sentence, attribution_markers(sentence.text), paragraph=paragraph_number)
        proposals.append(proposal)
        stripped = line.strip()
        # Headlines, bylines and captions state nothing by themselves.
        if not _TERMINAL.search(stripped) or stripped == title.strip() or stripped.startswith("Q:"):
            continue
        answer = stripped.startswith("A:")
        if interviewee is None and answer:
            interviewee = _interviewee(text[: line_start], context, party_of)
        offset = sentence.text.startswith("A:") and 2 or 0
        clauses = [] if answer else read_sentence(sentence.text[offset:], sentence.start + offset)
        if not clauses:
            clause = _unattributed(proposal, found, answer, offset)
            if clause is None:
                _mention(sentence, context, party_of)
                continue
            clauses = [clause]
        for clause in clauses:
            item = _resolve(clause, proposal, context, party_of, answer and interviewee)
            found.append(item)
            context.remember(item.speaker)
    return proposals, found


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
            context.mentioned = Speaker(person=person, party=party, evidence=f"{person.name}, whom the paragraph is about", party_evidence=why)


def _interviewee(intro: str, context: Context, party_of) -> Speaker | None:
    """The person an interview is with: the first the introduction names."""
    for hit in context.index.find(intro):
        if hit.person is not None:
            party, why = party_of(hit.person)
            return Speaker(person=hit.person, party=party, evidence=f"the interview with {hit.person.name}", party_evidence=why)
    return None


def _unattributed(proposal: Proposal, found: list[_Found], answer: bool, offset: int) -> Clause | None:
    """A sentence with no verb of saying: a statement if it follows one in its paragraph."""
    sentence = proposal.sentence
    words = sentence.text[offset:].strip()
    follows = found and found[-1].proposal.paragraph == proposal.paragraph
    if answer:
        if len(words.split()) < 5:
            return None
    elif not follows or len(words.split()) < 4 or not _STANCE_WORDS.search(words):
        return None
    quote = words.strip("“”\"").rstrip()
    start = sentence.start + sentence.text.find(quote)
    return Clause(quote, start, kind="answer" if answer else "continuation")


def _resolve(clause: Clause, proposal: Proposal, context: Context, party_of, interviewee) -> _Found:
    if interviewee:
        speaker = interviewee
    elif clause.kind in {"continuation"} or (clause.kind == "quoted" and not clause.subject):
        focus = context.focus()
        speaker = Speaker() if focus is None else Speaker(
            person=focus.person, new=focus.new, party=focus.party,
            evidence=f"continues the statement of {focus.name}", party_evidence=focus.party_evidence,
        )  # fmt: skip
    else:
        context.around = clause.around
        speaker = resolve(clause.subject, clause.subject_start, context, party_of)
        context.around = ""
    item = _Found(clause, proposal, speaker)
    if clause.original:
        original = resolve(clause.original, clause.original_start, context, party_of)
        # A speaker saying what their own side does is not reporting someone else.
        own_side = not original.someone and original.party == speaker.party
        if (original.someone or original.party) and not own_side:
            item.reporter, item.speaker = speaker, original
            reporter = speaker.name or clause.subject
            original.evidence = f"{original.evidence or clause.original}; reported by {reporter}"
    return item


# -- dates --


def _body(text: str, sentence: Sentence, title: str) -> bool:
    """Whether a sentence is of the report's body, not a headline, byline or caption."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.start)
    line = text[line_start : line_end if line_end != -1 else len(text)].strip()
    return bool(_TERMINAL.search(line)) and line != title.strip() and not line.startswith(("Q:", "A:"))


def _occasion(proposals: list[Proposal], text: str, title: str, published) -> dating.DateFinding | None:
    """The dated event the report's first paragraph describes ("talks … on Friday"), if any."""
    if published is None:
        return None
    body = [p for p in proposals if _body(text, p.sentence, title)]
    if not body:
        return None
    first = [p for p in body if p.paragraph == body[0].paragraph]
    for proposal in first:
        sentence = proposal.sentence.text
        if not _EVENT.search(sentence):
            continue
        skip = strip_dateline(sentence)
        for finding in dating.find_dates(sentence[skip:], published):
            if finding.precision == DAY:
                return dataclass_replace(finding, reasoning=f"the occasion the report opens with: {finding.reasoning}")
    return None


def _date(found: list[_Found], published: datetime.date | None, occasion) -> None:
    """Each statement's date: its own, else one carried from the same speaker or occasion."""
    if published is None:
        for item in found:
            item.reasoning = "The source has no publication date to read dates against."
        return
    lead = None
    latest = None
    for item in found:
        _own_date(item, published, latest)
        if item.own is not None and item.own.day is not None:
            lead = lead or item
            latest = item
    for number, item in enumerate(found):
        if item.own is not None:
            if item.own.day is None and item.reporter is not None and not item.reasoning:
                item.reasoning = item.own.reasoning
            continue
        if item.blocked:
            item.reasoning = item.blocked
            continue
        source = _carried(found, number, lead, occasion)
        if source is not None:
            carried, why = source
            if isinstance(carried, dating.DateFinding):
                item.day, item.precision = carried.day, DAY
                item.reasoning = (
                    f"the day {item.speaker.name} spoke of it above: {carried.reasoning}"
                    if why == "reporter"
                    else carried.reasoning
                )
                continue
            item.day, item.precision = carried.day, carried.precision
            item.reasoning = f"{why}: {carried.own.reasoning if carried.own else carried.reasoning}"
        else:
            item.reasoning = (
                f"Left blank: no date in the sentence or its paragraph, and the report "
                f"(published {published:%a} {published.day} {published:%b %Y}) may be of a later day."
            )


def _own_date(item: _Found, published: datetime.date, lead: _Found | None) -> None:
    """The date the statement's own attribution gives, or why it gives none."""
    clause, sentence = item.clause, item.proposal.sentence
    inside = clause.kind == "stance" or (
        item.reporter is not None and not SPEECH_VERB.match(clause.original_verb)
    )
    quotes = [] if inside else [(clause.start, clause.start + len(clause.quote))]
    # A dateline's date is when the report was filed, not when anyone spoke.
    skip = strip_dateline(sentence.text)
    text = sentence.text[skip:]
    findings = [
        finding
        for finding in dating.find_dates(text, published, sentence.start + skip)
        if not any(start <= finding.start < end for start, end in quotes)
    ]
    if item.reporter is not None:
        told = [f for f in findings if f.precision == DAY and not clause.start <= f.start < clause.start + len(clause.quote)]
        item.reporter_date = told[-1] if told else None
    if item.reporter is not None and inside:
        dated = [f for f in findings if clause.start <= f.start and f.precision in (DAY, MONTH)]
        if dated:
            item.own, item.day, item.precision = dated[0], dated[0].day, dated[0].precision
            item.reasoning = dated[0].reasoning
            return
    if item.reporter is not None:
        who = item.speaker.name or clause.original
        outlet = not (item.reporter.someone or item.reporter.party)
        dated = [f for f in findings if f.precision in (DAY, MONTH)]
        if outlet and dated:
            finding = dated[0]
            item.own = dataclass_replace(finding, reasoning=f"the report's own date: {finding.reasoning}")
            item.day, item.precision = finding.day, finding.precision
        else:
            item.blocked = (
                f"Left blank: the article does not say when {who} said it"
                + (f"; “{findings[0].phrase}” dates {item.reporter.name or 'the report'}'s account" if findings else "")
                + "."
            )
            item.own = dating.DateFinding("", 0, 0, None, "", item.blocked)
            item.reasoning = item.blocked
        return
    anchor_day = lead.day if lead else published
    for finding in findings:
        finding = dating.relative(finding, anchor_day, "the day reported just before" if lead else "publication")
        if finding.precision in (DAY, MONTH):
            item.own, item.day, item.precision = finding, finding.day, finding.precision
            item.reasoning = finding.reasoning
            return
        if finding.precision == "":
            item.blocked = f"Left blank: {finding.reasoning}."
    if not item.blocked and _OTHER_OCCASION.search(_outside(text, clause, sentence.start)):
        item.blocked = "Left blank: another occasion than the one reported above, and no date is given."


def dataclass_replace(finding: dating.DateFinding, **changes) -> dating.DateFinding:
    values = {**finding.__dict__, **changes}
    return dating.DateFinding(**values)


def _outside(text: str, clause: Clause, offset: int) -> str:
    start = clause.start - offset
    if clause.kind == "stance" or start < 0:
        return text
    return text[:start] + text[start + len(clause.quote) :]


def _same(one: Speaker, other: Speaker) -> bool:
    if one.someone or other.someone:
        return (one.person is not None and one.person == other.person) or (
            one.new is not None and one.new is other.new
        )
    return one.party is not None and one.party == other.party


def _carried(found: list[_Found], number: int, lead: _Found | None, occasion):
    item = found[number]
    paragraph = item.proposal.paragraph
    dated = [
        (other_number, other)
        for other_number, other in enumerate(found)
        if other.day is not None and other.own is not None and other_number != number
    ]
    for other_number, other in reversed(dated):
        if other_number < number and other.proposal.paragraph == paragraph and (
            _same(other.speaker, item.speaker)
            or (item.speaker.party is not None and item.speaker.party == other.speaker.party)
        ):
            return other, "given earlier in the paragraph"
    for other_number, other in dated:
        if other_number > number and other.proposal.paragraph == paragraph and _same(other.speaker, item.speaker):
            return other, "given later in the paragraph, for the same speaker"
    for other_number, other in reversed(dated):
        if other_number < number and _same(other.speaker, item.speaker):
            return other, f"the date of {item.speaker.name or item.speaker.party}'s statements above"
    for other in reversed(found[:number]):
        if other.reporter is not None and other.reporter_date and _same(other.reporter, item.speaker):
            return other.reporter_date, "reporter"
    # A relayed statement ("…, Witkoff said") does not set the report's occasion.
    relayed = bool(found) and found[0].reporter is not None
    if occasion is not None and not relayed:
        return occasion, "occasion"
    if lead is not None and lead.own is not None and lead.reporter is None and found.index(lead) < number:
        if item.speaker.party is not None and lead.speaker.party == item.speaker.party:
            return lead, f"the day of {item.speaker.party}'s statements in the lead"
    if item.proposal.paragraph == found[0].proposal.paragraph:
        for other_number, other in dated:
            if other_number > number and _same(other.speaker, item.speaker):
                if re.match(r"^\s*Earlier\b", other.proposal.sentence.text):
                    break
                return other, "the lead sums up the occasion reported below"
    return None


# -- drafts --


def _draft(item: _Found, roles: dict, suggester: TopicSuggester) -> None:
    clause, speaker = item.clause, item.speaker
    quotes = [(clause.quote, clause.start)] + clause.parts
    seen = set()
    for number, (quote, start) in enumerate(quotes):
        if quote in seen or len(quote.split()) < 2:
            continue
        seen.add(quote)
        draft = Draft(quote=quote, start=start, stated_on=item.day, date_precision=item.precision if item.day else "")
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
        scored = suggester.suggest(quote)
        draft.topics = [score.topic for score in scored]
        draft.evidence["topics"] = "; ".join(f"{s.topic}: {s.evidence} ({s.score:.2f})" for s in scored)
        move = cues.move_cue(quote, clause.verb if number == 0 else "")
        draft.move = move.value if move else ""
        draft.evidence["move"] = move.evidence if move else "Left blank: no word in the quote marks a move."
        draft.stance_cue = cues.stance_cue(quote, clause.verb if number == 0 else "")
        draft.conditions = suggest_conditions(quote)
        draft.confidence = _confidence(item, draft, number)
        item.proposal.drafts.append(draft)


_BASE = {"quoted": 0.85, "reported": 0.8, "stance": 0.65, "answer": 0.6, "continuation": 0.5}


def _confidence(item: _Found, draft: Draft, number: int) -> float:
    score = _BASE.get(item.clause.kind, 0.5) - 0.05 * min(number, 2)
    if item.speaker.someone:
        score += 0.1
    if not (item.speaker.someone or item.speaker.party):
        score -= 0.25
    if draft.topics:
        score += 0.05
    return round(max(0.05, min(score, 1.0)), 2)
