"""Reading a whole article: which sentences carry statements, in which clauses, and whose
they are (the paragraph's subject, an interview's interviewee, a relayed speaker)."""

import dataclasses
import re

from positions.editorial import cyrillic
from positions.editorial.attribution import (
    FOR_ANOTHER,
    UNSURE_SHAPE,
    Context,
    NewSpeaker,
    Speaker,
    carried,
    resolve,
)
from positions.editorial.clauses import SAYING, Clause, strip_dateline
from positions.editorial.drafting import Proposal
from positions.editorial.names import TITLE_WORDS, tokens, words
from positions.editorial.relayed import READY, WANTING, read_sentence
from positions.editorial.reporting_verbs import PRONOUN, VERB
from positions.editorial.sentences import Sentence, split_sentences
from positions.editorial.statement_dates import TERMINAL, Found

_QUOTE_MARKS = re.compile(r"[\"“”«»]")
_MUST = re.compile(r"\bmust\b", re.IGNORECASE)
# A sentence without a verb of saying still states a position when it says what will, must or
# cannot be (interview answers, a quote's next sentence).
_STANCE_WORDS = re.compile(
    r"\b(?:will|would|must|cannot|can't|can|never|not|no|ready|need|needs|should|only|"
    r"impossible|unacceptable|demand|guarantee\w*)\b",
    re.IGNORECASE,
)


# "FIDAN: We have told …", "QUESTION (Example Television): …": a transcript's turns, each
# opening with its speaker's name in capitals.
_TURN = re.compile(
    # Capitals only, Latin or Cyrillic: "FIDAN", "ЗЕЛЕНСЬКИЙ", not "Щодо виборів президент".
    r"^(?P<label>[^\W\d_a-zа-яёіїєґ][^\W\da-zа-яёіїєґ]*(?:[ '’.-]+[^\W\da-zа-яёіїєґ]+){0,3})"
    r"(?:\s*\([^)]{0,80}\))?:\s+"
)
_QUESTION_LABELS = frozenset({"Q", "QUESTION", "REPORTER", "JOURNALIST", "INTERVIEWER", "HOST"})
# A broadcast script's "ANCHOR:" and "REPORTER (TOM AVERY, KYIV):" narrate: a turn of theirs
# that asks nothing is read as a report is, each sentence by its own attribution. A reporter
# without a byline in capitals ("REPORTER:", "REPORTER (Reuters):") asks, as at a briefing.
_NARRATORS = frozenset({"ANCHOR", "PRESENTER", "NEWSREADER"})
_BYLINED = re.compile(r"^(?:REPORTER|CORRESPONDENT)\s*\([A-Z'’.-]+\s[A-Z][^)a-z]*\):")
_NARRATOR_NAME = re.compile(r"^[A-Z]+\s*\((?P<first>[A-Z][A-Z'’-]+)\s[^)]*\):")
# A correspondent's first word to the anchor, by first name.
_VOCATIVE = re.compile(r"([A-Z][a-z]+),\s+")
# "Gao Wenqiang: We have noted …": a name in ordinary capitals labels a turn when it opens
# several paragraphs; a label opening only one, before a question ("Reuters: … ?"), asks.
_NAMED_TURN = re.compile(r"^(?P<label>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}):\s+")


def _recurring_labels(text: str) -> frozenset[str]:
    labels = [
        match.group("label")
        for line in text.split("\n")
        if (match := _NAMED_TURN.match(line.strip()))
    ]
    return frozenset(label for label in labels if labels.count(label) >= 2)


_FIRST_PERSON = frozenset({"i", "we"})


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


def read(
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
    turn: Speaker | None = None
    # An interview whose questions are paragraphs of their own, with no "Q:" or "A:".
    recurring = _recurring_labels(text)
    # An opinion piece: its author's words are the ones it does not attribute.
    author = _author(text, context, party_of)
    unlabelled = not recurring and _unlabelled_interview(text)

    def _named(line: str) -> re.Match | None:
        named = _NAMED_TURN.match(line)
        return named if named and named.group("label") in recurring else None

    answering = False
    # The first names of a broadcast's anchors, as their turns' labels give them.
    anchors: set[str] = set()
    for sentence in split_sentences(text, language):
        if line + 1 < len(line_starts) and line_starts[line + 1] <= sentence.start:
            while line + 1 < len(line_starts) and line_starts[line + 1] <= sentence.start:
                line += 1
            end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
            stripped = text[line_starts[line] : end].strip()
            # Headlines, bylines and captions state nothing by themselves; nor does an opening
            # line labelled with a name ("Macron: “Europe will not be a spectator”").
            # A sentence ending in a colon introduces the quotation below it: "The prime
            # minister said the plans were ready, but the missing piece was the US:".
            ends = TERMINAL.search(stripped) or _INTRODUCING.search(stripped)
            body = bool(ends) and stripped != title.strip()
            body = body and not (line == 0 and _LABELLED_HEADLINE.match(stripped))
            question, answer = stripped.startswith("Q:"), stripped.startswith("A:")
            if unlabelled and body and not (question or answer):
                if _ASKED.search(stripped):
                    question = answering = True
                elif answering and not _about(stripped, interviewee):
                    answer = True
                else:
                    # "Sybiha flies to Brussels next week …": the closing note.
                    answering = False
            label = _TURN.match(stripped)
            named = _NAMED_TURN.match(stripped) if recurring and not label else None
            if named and named.group("label") in recurring:
                label = named
            elif named and stripped.endswith("?"):
                question = True
            turn = None
            narrating = False
            if label and not answer:
                if named_by := _NARRATOR_NAME.match(stripped):
                    # "ANCHOR (ELENA MARSH):": "Elena, …" is then said to her.
                    anchors.add(named_by.group("first").title())
                narrator = label.group("label").strip(" .") in _NARRATORS
                if (narrator or _BYLINED.match(stripped)) and "?" not in stripped:
                    narrating = True
                elif label.group("label").strip(" .") in _QUESTION_LABELS:
                    question = True
                else:
                    intro = text[: line_starts[line]]
                    turn = _turn_speaker(label.group("label"), context, party_of, intro)
            paragraph_number += 1
            context.new_paragraph(body)
        proposal = Proposal(
            sentence,
            attribution_markers(sentence.text),
            paragraph=paragraph_number,
            body=body and not (question or answer),
        )
        proposals.append(proposal)
        if not body or question:
            continue
        context.sentences += 1
        if interviewee is None and answer:
            interviewee = _interviewee(text[: line_starts[line]], context, party_of)
        offset = sentence.text.startswith("A:") and 2 or 0
        if (turn is not None or narrating) and (
            label := _TURN.match(sentence.text) or _named(sentence.text)
        ):
            offset = label.end()
            vocative = narrating and _VOCATIVE.match(sentence.text, offset)
            if vocative and vocative.group(1) in anchors:
                # "REPORTER (…): Elena, the EU's foreign policy chief, Kaja Kallas, …"
                offset = vocative.end()
        if cyrillic.CYRILLIC.search(sentence.text):
            if not answer and (item := _about_this(proposals, found, context, party_of)):
                found.append(item)
                context.remember(item.speaker)
                continue
            clauses = cyrillic.read_sentence(sentence.text[offset:], sentence.start + offset)
        else:
            clauses = read_sentence(sentence.text[offset:], sentence.start + offset)
        clauses = [clause for clause in clauses if not _reaction(clause)]
        if not clauses:
            clause = _unattributed(proposal, found, answer or turn is not None, offset)
            if clause is None and author is not None:
                clause = _authors_own(proposal)
            if clause is None:
                _mention(
                    Sentence(sentence.text[offset:], sentence.start + offset, sentence.end),
                    context,
                    party_of,
                )
                continue
            clauses = [clause]
        before = proposals[-2] if len(proposals) > 1 else None
        around = sentence.text
        if before is not None and before.paragraph == proposal.paragraph:
            around = f"{before.sentence.text} {around}"
        for clause in clauses:
            # An answer or a turn is its speaker's own words, unless it names whose they are
            # ("Putin told Macron that …").
            speaking = None
            voice = turn if turn is not None else (answer and interviewee) or author
            if _own_words(clause, context) or (
                # An opinion piece's sentences of its own are its author's, whoever it
                # quoted just before.
                author is not None and voice is author and not clause.subject
            ):
                speaking = voice
            elif voice and PRONOUN.match(clause.subject.strip()):
                speaking = _spoken_of(clause.subject.strip(), voice, context)
            elif PRONOUN.match(clause.subject.strip()) and clause is clauses[0]:
                # "Kirill Dmitriev, Moscow's envoy, has spent the month pitching the
                # opposite: on Wednesday he said …": the person the sentence opens with.
                prefix = sentence.text[: clause.subject_start - sentence.start]
                _opening_person(prefix, sentence.start, context, party_of)
            item = _resolve(clause, proposal, context, party_of, speaking)
            context.opening = None
            item.context = around
            found.append(item)
            context.remember_statement(item.speaker, item.reporter)
    return proposals, found


# What says an interview's questions are paragraphs of their own: its introduction, and
# questions ending paragraphs.
_INTERVIEW_NOTE = re.compile(
    r"\b(?:[Ww]e spoke|spoke (?:to|with) (?:him|her)|(?:interview|conversation) has been "
    r"(?:condensed|edited)|edited for (?:length|clarity)|condensed and (?:lightly )?edited)\b"
)
# A question: a paragraph ending with "?", or addressing the interviewee ("You sound …").
_ASKED = re.compile(r"\?[\"”’)]*$|^(?:You|Your)\b(?!(?:\S+\s+){25})")


def _unlabelled_interview(text: str) -> bool:
    if not _INTERVIEW_NOTE.search(text[:2000]):
        return False
    asked = sum(1 for line in text.splitlines() if line.strip().endswith("?"))
    return asked >= 3


def _about(line: str, interviewee: Speaker | None) -> bool:
    """Whether a paragraph speaks of the interviewee in the third person ("Sybiha flies …")."""
    if interviewee is None or not interviewee.name:
        return False
    return line.startswith((interviewee.name, interviewee.name.split()[-1]))


def _spoken_of(pronoun: str, voice: Speaker, context: Context) -> Speaker:
    """ "He told me …" in a turn or an answer: someone its speaker speaks of, never the
    speaker: the person the paragraph has just named, else no one."""
    mentioned = context.mentioned
    if mentioned is not None and mentioned.someone and mentioned.person != voice.person:
        return carried(
            mentioned, "pronoun-mentioned", f"“{pronoun}”: {mentioned.name}, named just before"
        )
    return Speaker(
        evidence=f"Left blank: “{pronoun}” in {voice.name}'s words is someone else, not named."
    )


def _about_this(proposals: list, found: list[Found], context: Context, party_of) -> Found | None:
    """ "Об этом заявила …": the statement is the sentence before, in the paragraph or
    closing the one above, unless a statement was already read from it."""
    proposal = proposals[-1]
    before = proposals[-2] if len(proposals) > 1 else None
    if before is None or not before.body:
        return None
    if found and found[-1].proposal is before:
        return None
    clause = cyrillic.about_this(before.sentence, proposal.sentence)
    if clause is None:
        return None
    item = _resolve(clause, before, context, party_of, None)
    item.told_in = proposal.sentence
    item.context = f"{before.sentence.text} {proposal.sentence.text}"
    return item


_REACTION = re.compile(
    r"^\S+(?:\s+\S+){0,4}?\s+(?:welcomed|dismissed|backed|rejected|condemned|praised)\s+"
    r"(?:the|its|his|her|their|this|these|those)\s+\w+(?:\s+\w+)?$|"
    r"^\S+(?:\s+\S+){0,4}?\s+(?:welcomed|dismissed|backed|condemned|praised)\s+[A-Z]\w+$"
)


_INTRODUCING = re.compile(r"^(?:\S+\s+){5,}\S*\w:$")


# "Opinion | By Kaja Kallas", and "The writer is …" at the foot.
_OPINION = re.compile(r"^(?:Opinion|Op-ed|Comment|Commentary|Guest essay)\b", re.IGNORECASE)
_BYLINE = re.compile(r"\bBy\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*$")
_WRITER = re.compile(r"^The (?:writer|author) is\b")


def _author(text: str, context: Context, party_of) -> Speaker | None:
    """The author of an opinion piece, from its byline, when the record knows them."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    opinion = any(_OPINION.match(line) for line in lines[:3]) or any(
        _WRITER.match(line) for line in lines[-2:]
    )
    byline = next((m for line in lines[:3] if (m := _BYLINE.search(line))), None)
    if not (opinion and byline):
        return None
    people = {hit.person for hit in context.index.find(byline["name"]) if hit.person is not None}
    if len(people) != 1:
        return None
    person = people.pop()
    return _of_person(person, party_of, "author", f"the opinion piece's author, {person.name}")


def _authors_own(proposal: Proposal) -> Clause | None:
    """A sentence of an opinion piece that takes a position in the author's own voice."""
    words = proposal.sentence.text.strip()
    if len(words.split()) < 5 or not _STANCE_WORDS.search(words):
        return None
    quote = words.strip('“”"').rstrip(".")
    return Clause(quote, proposal.sentence.start + words.find(quote), kind="answer")


def _reaction(clause: Clause) -> bool:
    """ "Moscow dismissed the discussion.", "Kyiv welcomed the US commitment.": a reaction to
    something named before, with no proposition of its own to record."""
    return clause.kind == "stance" and bool(_REACTION.match(clause.quote))


_WHEN_FIRST = re.compile(
    r"^(?:On|Late on|Early on|By|Last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|night)\b,?\s*"
)


def _opening_person(prefix: str, start: int, context: Context, party_of) -> None:
    """The person of the record a sentence opens with, perhaps after a title, before a
    pronoun that is its subject later on: whom the pronoun stands for."""
    people = [hit for hit in context.index.find(prefix) if hit.person is not None]
    after_colon = re.search(r"[:;]\s+(?:[^,:;]{0,40},\s+)*$", prefix)
    if (
        people
        and after_colon
        and all(word[:1].isupper() for word in prefix[: people[0].start].split())
        and prefix[people[0].end : people[0].end + 2] not in {"'s", "’s"}
    ):
        # Only a pronoun after a colon: "…, he said" after words of someone's is the
        # paragraph's speaker's, and "Putin's envoy" is not Putin.
        person = people[0].person
        context.mentioned = context.opening = _of_person(
            person, party_of, "named", f"{person.name}, whom the sentence opens with"
        )
    elif not people and context.focus() is None and _stranger(prefix, context):
        # "PARIS — Hélène Marchetti keeps a map …, a gift, she says, …": someone new the
        # article opens with, offered for the pronoun.
        _mention(Sentence(prefix, start, start + len(prefix)), context, party_of)


def _mention(sentence: Sentence, context: Context, party_of) -> None:
    """A sentence that opens with a person ("Erdogan spoke with Putin …") makes them the
    paragraph's subject, for a "He said" after it."""
    skip = strip_dateline(sentence.text)
    text = sentence.text[skip:]
    people = [hit for hit in context.index.find(text) if hit.person is not None]
    stranger = _stranger(text, context)
    if stranger and people and text.find(stranger.split()[-1]) > people[0].start:
        stranger = ""
    # The person must open the sentence, perhaps after a title: "Turkish President …", or
    # after a description in apposition: "Russia's economic envoy, Kirill Dmitriev, …".
    # "On Wednesday, Secretary of State Marco Rubio …": when, then the title.
    opening = _WHEN_FIRST.sub("", text[: people[0].start]) if people else ""
    described = re.fullmatch(r"(?:[\w'’-]+\s+){0,6}[\w'’-]+,\s*", opening)
    if (
        people
        and not stranger
        and (
            all(word[0].isupper() or word in {"of", "for"} for word in opening.split())
            or (described and not VERB.search(opening))
        )
    ):
        person = people[0].person
        context.mentioned = _of_person(
            person, party_of, "named", f"{person.name}, whom the paragraph is about"
        )
    elif (
        not stranger
        and len({hit.person for hit in people}) == 1
        and not any(text[hit.end : hit.end + 2] in {"'s", "’s"} for hit in people)
    ):
        # "Ukraine's delegation is led by Rustem Umerov, …": the one person it names.
        person = people[0].person
        context.mentioned = _of_person(
            person, party_of, "mentioned-only", f"{person.name}, the only person named before"
        )
    elif stranger:
        # "Заместитель министра Сергей Рябков, выступая 3 июля …, был ещё конкретнее.": someone
        # the record lacks is who the paragraph is about now; a pronoun after it is not the
        # speaker named before, but this new person, offered with the post named with them.
        last = text.find(stranger.split()[-1])
        named = resolve(
            text[: last + len(stranger.split()[-1])], sentence.start + skip, context, party_of
        )
        if last >= 0 and named.new is not None and named.new.name == stranger:
            named.kind = "mentioned-new"
            named.party_kind = "mentioned-new" if named.party else ""
            named.evidence = f"“{stranger}”, whom the record lacks, named just before: a new person"
            context.mentioned = named
        else:
            context.mentioned = Speaker(
                evidence=f"“{stranger}”, whom the record lacks, named just before",
                kind="stranger",
            )


_NOT_NAMES = frozenset(
    words(
        """
    in on at after before during from with by for under last this next but and as when while
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december white house
    earlier later then meanwhile however instead afterwards separately also since until
    tory labour conservative liberal green republican democrat admiral general colonel
    """
    )
)


def _stranger(text: str, context: Context) -> str:
    """The full name a sentence opens with, after its title ("Deputy Foreign Minister Jane
    Doe, …"), when it is no one's the record knows; empty otherwise."""
    parties = context.index.find(text[:120])
    opening = tokens(text)[:1]
    if opening and opening[0].bare.lower() in _NOT_NAMES:
        # "On Tuesday …", "In Geneva …": when or where, not who.
        return ""
    name = []
    for token in tokens(text)[:10]:
        title = token.bare.lower() in TITLE_WORDS or not token.text[:1].isupper()
        title = title or token.bare.lower() in _NOT_NAMES
        title = title or any(hit.start <= token.start < hit.end for hit in parties)
        if title and not name:
            continue
        if title and len(name) == 1 and token.bare.lower() in TITLE_WORDS:
            # "Italian Prime Minister Lorenzo Bellandi": a demonym the record lacks, then the
            # post, then the name.
            name = []
            continue
        if title:
            break
        name.append(token.bare)
        if text[token.end : token.end + 1] == ",":
            break
    return " ".join(name) if len(name) >= 2 else ""


def _interviewee(intro: str, context: Context, party_of) -> Speaker | None:
    """The person an interview is with: the one its introduction opens with ("PARIS — Jean-Noël
    Barrot has been …"), else the one the headline's label names ("Barrot: “…”"). Someone
    else the introduction mentions ("what Putin told Macron") is not. A name the record lacks
    is offered as a new person when the headline's label agrees with it."""
    headline = intro.strip().split("\n", 1)[0]
    label = _HEADLINE_LABEL.match(headline)
    opening = _intro_opening(intro)
    people = [hit for hit in context.index.find(opening) if hit.person is not None]
    if people and all(word[:1].isupper() for word in opening[: people[0].start].split()):
        person = people[0].person
        return _of_person(person, party_of, "interviewee", f"the interview with {person.name}")
    if label:
        named = {hit.person for hit in context.index.find(label["name"]) if hit.person}
        if len(named) == 1:
            person = named.pop()
            evidence = f"the interview with {person.name}, named in the headline"
            return _of_person(person, party_of, "interviewee", evidence)
    if label and (new := _introduced(opening, label["name"].strip(), context)):
        return new
    if not label and not any(hit.person for hit in context.index.find(headline)):
        return _headlined(headline, opening, context)
    return None


def _headlined(headline: str, opening: str, context: Context) -> Speaker | None:
    """The person the record lacks whom both the headline ("EU envoy Henrik Lund Sørensen on
    assets") and the introduction's first sentence ("Henrik Lund Sørensen, a Danish career
    diplomat …, was appointed the European Union's Special Envoy …") open with, of the party
    whose post that sentence gives them."""
    first = re.split(r"(?<=[.!?])\s+", opening, maxsplit=1)[0]
    new = _NEW_INTERVIEWEE.match(first) or _NEW_INTERVIEWEE_ASIDE.match(first)
    if not new or _INTERVIEWING.search(first):
        # "Anna Kowalczyk, our correspondent, sat down with …": who asks, not who answers.
        return None
    name = re.escape(new["name"])
    if not re.search(rf"(?<!\bon )(?<![\w-]){name}(?:\s+(?:on|says|talks|speaks)\b|:)", headline):
        # "Ukrainians on Henrik Lund Sørensen": the headline is about them, not with them.
        return None
    posts = [
        (hit.party, post["post"].strip())
        for hit in context.index.find(first)
        if hit.party
        and (post := _PARTY_POST.match(first[hit.end :]))
        and _HOLDING.search(first[new.end() : hit.start])
    ]
    party, title = posts[0] if len({party for party, _ in posts}) == 1 else (None, "")
    speaker = context.new_people.setdefault(new["name"], NewSpeaker(name=new["name"]))
    speaker.title = speaker.title or title
    speaker.party = speaker.party or party
    return Speaker(
        new=speaker,
        party=party,
        evidence=f"the interview with “{new['name']}”, whom the record lacks and the headline "
        "names: a new person",
        party_evidence=f"“{title}” of {party}" if party else "",
        kind="interviewee-new",
        party_kind="interviewee-new" if party else "",
    )


def _introduced(opening: str, label: str, context: Context) -> Speaker | None:
    """The person the record lacks whom an interview's introduction opens with ("Claire
    Duvernois has been France's foreign minister …"), when ``label``, the headline's or the
    turns' ("Duvernois: …"), is their surname."""
    new = _NEW_INTERVIEWEE.match(opening)
    if not new or new["name"].split()[-1] != label:
        return None
    parties = {hit.party for hit in context.index.find(opening[: new.end() + 60]) if hit.party}
    party = parties.pop() if len(parties) == 1 else None
    title = (new["title"] or "").strip().title()
    speaker = context.new_people.setdefault(new["name"], NewSpeaker(name=new["name"]))
    # Named before without their post, as the introduction's subject: now with it.
    speaker.title = speaker.title or title
    speaker.party = speaker.party or party
    evidence = f"the interview with “{new['name']}”, whom the record lacks: a new person"
    return Speaker(
        new=speaker,
        party=party,
        evidence=evidence,
        party_evidence=f"“{new.group()}”" if party else "",
        kind="interviewee-new",
        party_kind="interviewee-new" if party else "",
    )


def _intro_opening(intro: str) -> str:
    """The first sentence-like line after the headline, without its dateline."""
    lines = [line.strip() for line in intro.split("\n") if line.strip()]
    opening = next((line for line in lines[1:] if TERMINAL.search(line)), "")
    return opening[strip_dateline(opening) :]


# An opening line that is a name, a colon and a quotation: a headline.
_LABELLED_HEADLINE = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?:\s+[“\"‘].*[”\"’]$")
# "Kallas: “If he wanted peace …”": the headline of an interview, labelled with the name.
_HEADLINE_LABEL = re.compile(r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?):\s")
# "Jean-Noël Barrot has been France's foreign minister": the opening of its introduction.
_NEW_INTERVIEWEE = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}) (?:is|has been|was)\b"
    r"(?: (?:\w+['’]s|the|an?))?(?P<title> (?:[a-z]+ ){0,2}(?:minister|president|chancellor|"
    r"secretary|envoy|spokesman|spokeswoman|chief|adviser|advisor|ambassador))?"
)


# "Henrik Lund Sørensen, a Danish career diplomat who …, was appointed …": the name, then an
# aside, opening an interview's introduction.
_NEW_INTERVIEWEE_ASIDE = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}),\s"
    # "Ukraine Peace Talks, a podcast hosted by …": no person.
    r"(?!(?:an?|the|our)\s+(?:[\w-]+\s+)?(?:podcast|programme|program|show|series|newsletter|"
    r"documentary|film|book|report|channel)\b)(?!hosted\b)"
)
# "sat down with", "spoke to": the introduction's first person asks the questions.
_INTERVIEWING = re.compile(
    r"\b(?:sat down with|spoke (?:to|with)|talked (?:to|with)|interviewed|put (?:the|our) "
    r"questions)\b"
)
# "…, was appointed the ", "… is the ": the words that give someone a post, before its party.
_HOLDING = re.compile(
    r"\b(?:is|was|has been|was appointed|was named|became|serves as|now serves as)\s+"
    r"(?:the\s+)?$"
)
# "…'s Special Envoy for …", " foreign minister": a post right after a party's name.
_PARTY_POST = re.compile(
    r"^(?:['’]s)?\s+(?P<post>(?:[A-Za-z]+\s+){0,2}?(?i:minister|president|chancellor|"
    r"secretary|envoy|spokesman|spokeswoman|chief|adviser|advisor|ambassador|"
    r"representative|commissioner))\b"
)


# A person described by office, not named: "the Russian leader", "Российский лидер".
_DESCRIBED = re.compile(
    r"(?i)\b(?:leader|president|minister|chancellor|premier|envoy|aide|spokes\w+|"
    r"лидер|президент|министр|глава|помощник|канцлер|премьер|лідер|міністр|голова|речник|"
    r"прем'єр)\b"
)


# ", Johann Wadephul, …": a person named in apposition, whom the record may not know.
_APPOSITION = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:von|van|de|der)?\s*[A-Z][\w'’-]+)+),")


# "He told me, and I repeat it: '…'": another's words, quoted by the speaker.
_TOLD_ME = re.compile(r"^(?:He|She|They)\s+(?:had\s+|has\s+)?(?:told|said to)\s+(?:me|us)\b")


def _someone_else(sentence: str, clause: Clause, focus: Speaker | None, context: Context) -> str:
    """The name of a person, other than ``focus``, the sentence names before the words a
    continuation would carry to ``focus`` (or in apposition anywhere); empty when none."""
    before = sentence[: max(0, sentence.find(clause.quote))]
    for hit in context.index.find(before):
        if hit.person is not None and (focus is None or hit.person != focus.person):
            return hit.person.name
    # Someone introduced in apposition is the sentence's subject, wherever the quote starts.
    if (named := _APPOSITION.search(sentence)) and (focus is None or focus.name not in named[0]):
        return named.group("name")
    return ""


_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")


def _turn_speaker(label: str, context: Context, party_of, intro: str = "") -> Speaker:
    """Whose turn a transcript's label ("FIDAN", "SYBIHA") opens: the person of the record
    that name stands for, or the new person the introduction opens with ("Duvernois");
    no one, with the reason, when the record has none or several."""
    words = " ".join(word.capitalize() for word in label.split())
    people = {hit.person for hit in context.index.find(words) if hit.person is not None}
    if not people and (introduced := _introduced(_intro_opening(intro), words, context)):
        return introduced
    surname = re.sub(r"^(?:Mr|Ms|Mrs|Dr|Sir|Dame)\.?\s+", "", words).lower()
    named = {
        id(new): new
        for new in context.new_people.values()
        if " " not in surname and new.name.split()[-1].lower() == surname
    }
    if not people and len(named) == 1:
        # "MR. WHITFORD:" after "The spokesman, Daniel Whitford, told reporters …"; not when
        # the article named two of that surname.
        (known,) = named.values()
        kind = "new-named-earlier" if known.surname_only else "new-again"
        if _CYRILLIC.search(known.name):
            kind += "-cyrillic"
        return Speaker(
            new=known,
            party=known.party,
            evidence=f"the transcript's label “{label}”: {known.name}, named earlier",
            party_evidence="as given where first named" if known.party else "",
            kind=kind,
            party_kind=kind if known.party else "",
        )
    if not people and len(label.split()) > 1 and not label.isupper():
        # "Gao Wenqiang: …": someone the record lacks, named in full.
        new = context.new_people.setdefault(label, NewSpeaker(name=label))
        return Speaker(
            new=new,
            party=new.party,
            evidence=f"the transcript's label “{label}”: not in the record, a new person",
            kind="turn-new",
        )
    if len(people) != 1:
        return Speaker(evidence=f"the transcript's label “{label}” names no one the record knows")
    person = people.pop()
    return _of_person(person, party_of, "turn", f"the transcript's label “{label}”: {person.name}")


def _of_person(person, party_of, kind: str, evidence: str) -> Speaker:
    """``person`` as a speaker, with the party of their role in the record."""
    party, why = party_of(person)
    return Speaker(
        person=person,
        party=party,
        evidence=evidence,
        party_evidence=why,
        kind=kind,
        party_kind=("role" if kind == "named" else f"{kind}/role") if party else "",
    )


def _own_words(clause: Clause, context: Context) -> bool:
    """A clause a transcript's speaker says in their own name: no one else's attribution."""
    subject = clause.subject.strip().lower()
    if clause.kind == "stance":
        # "France is ready to lead …" in the speaker's turn is theirs; "Putin rejected the
        # proposal" is Putin's.
        return not any(hit.person for hit in context.index.find(clause.subject))
    # "What I can tell you is that …": the speaker's own words, framed in the first person.
    framed = _FIRST_PERSON_FRAME.match(subject)
    return (
        clause.kind in {"answer", "continuation"}
        or not subject
        or subject in _FIRST_PERSON
        or bool(framed)
    )


_FIRST_PERSON_FRAME = re.compile(r"^(?:what|all|and|but|so)\s+(?:i|we)(?:\s+\w+)?$")


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


# Kinds of speaker named outright, and a pronoun beside the name that stands for them.
_NAMING = frozenset({"named", "new", "new-again", "title"})
_OWN_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)


def _opening(clause: Clause, proposal: Proposal) -> str:
    """The words a pronoun beside the speaker's name may be in: the start of the statement
    ("said she would …"), else an opening phrase before the name ("Asked whether she …")."""
    sentence = proposal.sentence
    before = sentence.text[: max(0, clause.subject_start - sentence.start)]
    if re.match(r"(?i)\s*(?:he|she)\b", clause.quote):
        return clause.quote[:4]
    if re.match(r"^(?:Asked|Pressed|Questioned)\b[^.]*,\s*$", before):
        return before
    return ""


def _resolve(clause: Clause, proposal: Proposal, context: Context, party_of, interviewee) -> Found:
    if interviewee:
        speaker = interviewee
    elif clause.kind in {"continuation"} or (clause.kind == "quoted" and not clause.subject):
        focus, origin = context.focus_and_origin()
        other = _someone_else(proposal.sentence.text, clause, focus, context)
        if told := _TOLD_ME.match(clause.quote):
            speaker = Speaker(
                evidence=f"Left blank: “{told.group()}” gives the words of someone the "
                "speaker reports, not the speaker's own."
            )
        elif other:
            speaker = Speaker(evidence=f"the sentence names {other}: whose words these are, "
                              "the editor decides")  # fmt: skip
        elif focus is None:
            speaker = Speaker()
        elif not focus.someone:
            speaker = Speaker(evidence=f"Left blank: the words of {focus.evidence}.")
        elif clause.unsure:
            # "За його словами, вона запевнила, що …": someone else's words in his account.
            speaker = Speaker(
                evidence=f"Left blank: the words are another's, in {focus.name}'s account; "
                "whose, the editor decides."
            )
        else:
            speaker = carried(
                focus, f"continuation-{origin}", f"continues the statement of {focus.name}"
            )
    else:
        context.around = clause.around
        speaker = resolve(clause.subject, clause.subject_start, context, party_of)
        context.around = ""
        if clause.verb in SAYING and not (
            speaker.person or (speaker.new and speaker.new.title) or speaker.kind.startswith("pron")
        ):
            # "Many Ukrainians were sceptical, saying …", "Moscow's Bolshoi Theatre cancelled a
            # tour, saying …": a deed, then words no one of a side is named for.
            speaker = Speaker(
                evidence=f"Left blank: “{clause.subject}” names no one who speaks for a side."
            )
        elif clause.unsure and speaker.someone:
            speaker = dataclasses.replace(
                speaker,
                kind=speaker.kind + UNSURE_SHAPE,
                evidence=f"{speaker.evidence}; whether the words after “{clause.verb}” are "
                f"theirs or another's the sentence names, the editor decides",
            )
        if speaker.kind in _NAMING and (own := _OWN_PRONOUN.search(_opening(clause, proposal))):
            # "Kallas said she would …", "Asked whether she agreed, Kallas said …".
            context.learn(speaker, own.group(1).lower())
    item = Found(clause, proposal, speaker)
    if clause.original:
        original = resolve(clause.original, clause.original_start, context, party_of)
        if (
            PRONOUN.match(clause.original.strip())
            and original.someone
            and (original.person == speaker.person and original.new is speaker.new)
        ):
            # "She said he had told her that …": "he" is someone she reports, not herself.
            original = Speaker(evidence=f"“{clause.original}” is someone {speaker.name} reports")
        wanting = clause.original_verb in WANTING
        if clause.deeper and original.someone:
            deeper = resolve(clause.deeper[0], clause.deeper[1], context, party_of)
            if deeper.someone and deeper.name != original.name:
                # "Witkoff told him that Putin was prepared to …": what a third person wants,
                # two deep.
                original, wanting = deeper, True
        # A speaker saying what their own side does is not reporting someone else.
        own_side = not original.someone and original.party == speaker.party
        if not original.someone and _DESCRIBED.search(clause.original):
            # "Российский лидер также предложил …, добавил Ушаков": someone described, not
            # named, said it first; whom the description stands for, the editor decides.
            reporter = speaker.name or clause.subject
            why = (
                f"Left blank: “{clause.original}” said it first, as {reporter} reports; "
                "whom the description stands for, the editor decides."
            )
            item.reporter = speaker
            item.speaker = Speaker(
                party=original.party,
                evidence=why,
                party_evidence=original.party_evidence,
                kind="",
                party_kind="relayed-subject" if original.party else "",
            )
        elif original.evidence.startswith("Left blank:"):
            # "The joint statement said Türkiye and Ukraine supported …": why, as resolved.
            item.reporter, item.speaker = speaker, original
        elif not (original.someone or original.party) and clause.original_verb not in READY:
            # Someone the record does not know said it first: not the reporter's words. Not
            # "Macron said Europe remained ready to …": his words, on what others would do.
            reporter = speaker.name or clause.subject
            why = (
                f"Left blank: “{clause.original}” said it first, as {reporter} reports, and "
                "the record knows no one by that name."
            )
            item.reporter, item.speaker = speaker, Speaker(evidence=why, party_evidence=why)
        elif wanting and original.someone and not (speaker.someone or speaker.party):
            # "Источник в Кремле сообщил, что Путин готов …": what a source nobody names says
            # another is ready for is not that person's stance on record.
            who = original.name or clause.original
            why = f"Left blank: a source the article does not name says what {who} is ready for."
            item.reporter, item.speaker = speaker, Speaker(evidence=why, party_evidence=why)
        elif wanting and (speaker.someone or speaker.party) and original.party == speaker.party:
            # "Lavrov said Putin was ready …": one side speaking for its own. When it speaks
            # for another person of that side, whose position to record (the spokesman's
            # account or the president's stance) the editor decides: the speaker is offered.
            # "Лавров ответил, что президент России готов …": a post is another's, whoever
            # the rules took it for.
            another = original.name != speaker.name or _DESCRIBED.search(clause.original)
            if original.someone and speaker.someone and another:
                item.speaker = dataclasses.replace(
                    speaker,
                    kind=speaker.kind + FOR_ANOTHER,
                    evidence=f"{speaker.evidence}, speaking for “{clause.original}” "
                    f"(“{clause.original_verb}”): whether it is their position or "
                    f"{speaker.name}'s account of it, the editor decides",
                )
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
            if speaker.someone or speaker.party:
                # Words relayed by another speaker, not an outlet's "…, RIA reported".
                original.kind = f"relayed-{original.kind}" if original.someone else ""
                original.party_kind = f"relayed-{original.party_kind}" if original.party else ""
            reporter = speaker.name or clause.subject
            original.evidence = f"{original.evidence or clause.original}; reported by {reporter}"
    if (
        item.reporter is None
        and item.speaker.person is not None
        and not item.speaker.kind.endswith(FOR_ANOTHER)
        and (president := _president_of(item.speaker, context)) is not None
        and (
            _PRESIDENT_FIRST.match(clause.quote)
            # "Zelenskiy, he added, was ready to meet Putin …": the president named first,
            # then the speaker's aside.
            or any(
                hit.person == president
                and hit.start - proposal.sentence.start < 3
                and _ASIDE_AFTER_NAME.match(
                    proposal.sentence.text[hit.end - proposal.sentence.start :]
                )
                for hit in context.index.find(proposal.sentence.text[:60], proposal.sentence.start)
            )
        )
    ):
        # "«Встреча ради встречи президенту не нужна», — сказал Песков": the president's
        # stance in his spokesman's words, or the spokesman's account; the editor decides.
        item.speaker = dataclasses.replace(
            item.speaker,
            kind=item.speaker.kind + FOR_ANOTHER,
            evidence=f"{item.speaker.evidence}, speaking of the president, {president.name}: "
            f"whether it is his position or {item.speaker.name}'s account, the editor decides",
        )
    return item


# Words that open with the president ("президент России не исключает …", "Встреча ради
# встречи президенту не нужна", "The president's position has not changed").
_PRESIDENT_FIRST = re.compile(
    r"^(?:\S+\s+){0,4}?(?:(?:российский|український|украинский)\s+)?"
    r"(?:президент\w*|глав[аиуы] (?:государства|держави)|[Tt]he president(?:'s|’s)?)(?![\w-])"
)


_ASIDE_AFTER_NAME = re.compile(r",\s+(?:he|she|they)\s+\w+,")


def _president_of(speaker: Speaker, context: Context):
    """The president of the speaker's side the article names, if that is someone else."""
    presidents = {
        office.person
        for office in context.offices
        if office.party == speaker.party and re.match(r"(?i)president\b", office.title)
    }
    if len(presidents) == 1 and speaker.person not in presidents:
        return presidents.pop()
    return None


# -- drafts --
