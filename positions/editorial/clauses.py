"""Reading one sentence of a news report: who is said to have said what.

A sentence yields clauses, each the words of one statement (offered as the quote) and the words
that attribute it (whose subject names the speaker, and whose adjuncts may date it). This module
reads text only; whom the subject names is worked out in ``attribution``.
"""

import re
from dataclasses import dataclass, field

from positions.editorial.names import TITLE_WORDS, words
from positions.editorial.reporting_verbs import (
    FINITE,
    PRONOUN,
    SPEECH,
    VERB,
    adjuncts_only,
    content_after,
    told_whom,
)

_OPEN, _CLOSE = '“"«', '”"»'
# A word of a name: capitalised, or an Arabic article joined to it ("al-Hameli").
_NAME_WORD = r"(?:[A-Z]|(?:al|el|ad|as|ash|at|ibn|bin|abu)-[A-Z])[\w'’.-]*"
# "MOSCOW - ", "KYIV, Aug 20 (Example Wire) - ", "BEIJING, March 7 (Xinhua) -- ", "KYIV — "
DATELINE = re.compile(
    r"^[A-Z][A-Z .'’/-]{1,40}(?:,[^()\n]{1,30}?)?(?:\s*\([^)]{1,40}\))?\s*(?:--|[-–—])\s+"
    # "КИЇВ, 19 грудня — ": in Cyrillic only with a date, not "НАТО — это угроза".
    r"|^[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ .'’-]{1,40},[^()\n]{1,30}?\s*(?:--|[-–—])\s+"
    # "МОСКВА, 5 июня. /ТАСС/. ": a Russian or Ukrainian agency's dateline.
    r"|^[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ .'’-]{1,40},\s*\d{1,2}\s+[а-яёіїєґ]+\.\s*(?:/[^/\n]{1,40}/\.?\s*)?"
    # "Київ, 14 травня. Укрвісник. ": a city in ordinary capitals, the date, the agency.
    r"|^[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]{2,20},\s*\d{1,2}\s+[а-яёіїєґ]+\.\s*(?:[А-ЯЁІЇЄҐ][\w-]{2,20}\.\s+)?"
    # "ИА «Северный телеграф» — …": the agency, named after a dateline of its own.
    r"|^(?:ИА|РИА|АН|ИАА|ИД|ІА|АГ)\s+«[^»\n]{1,40}»\s*[—–-]\s+"
)
# The opening words a sentence may carry before its subject ("Speaking to reporters, ").
_PREAMBLE = re.compile(r"^(?:(?:[^,“”\"]{1,90}),\s+)+")
# Where a participle adds a second statement: ", adding that …", ", calling on …".
_TAIL = re.compile(
    r",\s+(?P<participle>adding|saying|arguing|insisting|stressing|noting|warning|explaining|"
    r"calling on|calling for|urging|demanding)\b(?:\s+that)?\s+(?P<rest>.+)$"
)
# An aside on the statement, not part of it: ", calling such plans a “direct threat”".
_ASIDE = re.compile(
    r",\s+(?:calling|describing|rejecting|accusing|citing|referring|dismissing|welcoming)\b"
)
# The participles that give words of a speaker's ("…, adding that …", "…, saying …").
SAYING = frozenset(
    {"adding", "saying", "arguing", "insisting", "stressing", "noting", "warning", "explaining"}
)
# Circumstances after a statement that are not part of it.
_TRAILING_CIRCUMSTANCE = re.compile(
    r"(?:,\s*(?:in|at|during|after)\s+(?:his|her|their|its|a|an|the)\b[^,]*"
    r"(?:conference|interview|address|speech|statement|meeting|call|summit|talks|session|briefing)[^,]*"
    r"|\s+at\s+(?:a|an|the)\s+[^,]*?(?:summit|meeting|conference|talks)\b[^,]*"
    r"|,\s*according to\b.*"
    r"|,\s*an? (?:position|view|stance|point|claim|line|phrase|term|formula)\b.*"
    # ", as he arrived in Berlin for talks": when it was said, not what
    r"|,\s+(?:as|while|when|before)\s+(?:he|she|they)\s+\w+ed\b[^,]*"
    # ", as foreign ministers met in Brussels", ", in an apparent reference to …"
    r"|,\s+as\s+(?:\w+\s+){1,3}(?:met|gathered|arrived|began|ended|opened|closed)\b[^,]*"
    r"|,\s*in (?:an? )?(?:apparent |veiled |thinly veiled )?reference\b.*"
    # ", speaking at a joint news conference …", ", his spokeswoman said on Tuesday"
    r"|,\s+speaking\s+(?:at|to|during|after|before|alongside|in|on\s+the\s+sidelines)\b.*"
    r"|,\s+(?:his|her|their|the)\s+(?:\w+\s+){0,2}(?:spokesman|spokeswoman|spokesperson|"
    r"office|ministry)\s+(?:said|added|told)\b.*)$",
    re.IGNORECASE,
)
_SPLIT_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+|,\s+but\s+(?!that\b)")
_LIST_VERB = re.compile(
    r"\b(?:includes|include|included|would include|envisages|provides for|calls for)\s+"
)


# What an unnamed outlet is called when it reports ("…, the newspaper said").
OUTLET_WORDS = frozenset(words("newspaper paper daily agency broadcaster channel outlet magazine"))


# Lower-case words a speaker's description may hold ("ministry spokesman", "the head of").
_SPEAKER_WORDS = (
    TITLE_WORDS
    | OUTLET_WORDS
    | frozenset(
        words(
            """
    ministry office delegation of for and the a an daily newspaper agency news state
    official source spokesman spokeswoman aide envoy foreign policy he she they
    diplomat diplomats officials sources negotiator negotiators
    """
        )
    )
)


@dataclass
class Clause:
    """One statement in a sentence, and the words that attribute it."""

    quote: str
    start: int  # offset of the quote in the source text
    subject: str = ""  # e.g. "Russian Foreign Minister Sergei Lavrov", "He", "The Kremlin"
    subject_start: int = 0
    verb: str = ""
    kind: str = "reported"  # reported, quoted, stance, continuation, answer
    # Text spans that attribute the statement (subject, verb, adjuncts): where its date is.
    attribution: list[tuple[int, int]] = field(default_factory=list)
    # Reported speech: who is said to have said it ("Putin has said that …, Witkoff told CNN").
    original: str = ""
    original_start: int = 0
    original_verb: str = ""
    # Who the original speaker's words say wants something, with where and the verb:
    # "Trump had told him Zelenskyy was open to …".
    deeper: tuple[str, int, str] | None = None
    # The words before the verb around the subject ("the head of the Russian delegation, …").
    around: str = ""
    # Whether the parts are the items of a list ("The plan includes A, B and C").
    listed: bool = False
    # Other quotes the editor may prefer: the statement's parts.
    parts: list[tuple[str, int]] = field(default_factory=list)
    # Where the clause's own words and attribution are, when a sentence joins two speakers'
    # statements ("…, while von der Leyen wrote on Tuesday that …"): dates outside are not its.
    span: tuple[int, int] | None = None
    # An attribution of a doubtful shape ("Zelenskyy was mocked by Vance, saying …"): whose
    # words they are, the editor decides.
    unsure: bool = False


def strip_dateline(sentence: str) -> int:
    """How many characters of dateline open the sentence."""
    match = DATELINE.match(sentence)
    return match.end() if match else 0


def trim(text: str, start: int, keep_stop: bool = False) -> tuple[str, int]:
    """Text without surrounding blanks and end punctuation, and its new start; a quoted
    sentence keeps its full stop."""
    stripped = text.lstrip(" ,;:")
    start += len(text) - len(stripped)
    stripped = stripped.rstrip(" ,;:" if keep_stop else " ,;:.")
    # A closing quotation mark without its opening one is left off, and the reverse.
    if stripped and stripped[-1] in _CLOSE and not any(c in stripped[:-1] for c in _OPEN):
        stripped = stripped[:-1].rstrip(" ,;:.")
    if stripped and stripped[0] in _OPEN and not any(c in stripped[1:] for c in _CLOSE):
        stripped = stripped[1:]
        start += 1
    return stripped, start


def _subject_before(text: str, end: int) -> tuple[str, int]:
    """The subject phrase that ends at ``end``: after any opening phrase, without appositions."""
    head = text[:end]
    relative = re.search(r",\s+who\s+(?:[a-z]+\s+)?$", head)
    if relative:
        # "… spokeswoman Maria Zakharova, who said …": the name the relative clause follows;
        # "Rustem Umerov, secretary of the Security Council, who said …": before its post.
        before = head[: relative.start()]
        post = re.search(r",\s+(?:the\s+)?(?P<post>[a-z][\w-]*)[^,]*$", before)
        if (
            post
            and post["post"] in TITLE_WORDS
            and re.search(r"[A-Z][\w'’.-]*\s*$", before[: post.start()])
        ):
            before = before[: post.start()]
        named = re.search(r"((?:[A-Z][\w'’.-]*\s+){0,6}[A-Z][\w'’.-]*)\s*$", before)
        if named:
            return named.group(1), named.start(1)
    # ", who …, said", ", whose country …, said", ", quoted by Izvestia …, said" and
    # ", speaking …, said": the subject is before the apposition.
    apposition = re.search(
        r",\s+(?:who|whose|which|speaking|writing|asked|answering|responding|quoted|cited|"
        r"interviewed|addressing|visiting|in|on|at|during|described|dubbed|branded|known)\b"
        r"[^,]*,\s*$",
        head,
    )
    if apposition:
        head = head[: apposition.start()]
    # "Starmer, for his part, announced …": an aside on the speaker's turn.
    if aside := _TURN_ASIDE.search(head):
        head = head[: aside.start()]
    stripped = head.rstrip()
    if stripped.endswith(","):
        head = stripped[:-1]
    start = 0
    # "Speaking to NBC …, Lavrov said", "In Kyiv, Zelenskiy said": the last comma part.
    if (preamble := _PREAMBLE.match(head)) and head[preamble.end() :].strip():
        start = preamble.end()
    subject = head[start:].strip()
    at = start + (len(head[start:]) - len(head[start:].lstrip()))
    # "On Wednesday he told reporters …": when, then who.
    if when := _OPENING_DAY.match(subject):
        subject, at = subject[when.end() :], at + when.end()
    # "It began in Washington, where Secretary of State Marco Rubio told …": who, not where.
    if start and (where := re.match(r"^(?:where|when)\s+(?=[A-Z])", subject)):
        subject, at = subject[where.end() :], at + where.end()
    # "Kirill Dmitriev, the Kremlin's envoy …, said": the name and its apposition.
    described = start and re.match(r"^(?:the|a|an)\s|^\S+['’]s\s", subject)
    before = head[:start].rstrip(", ")
    name = re.search(rf"(?:^|,\s+)((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})$", before)
    if described and name:
        return head[name.start(1) :].strip(), name.start(1)
    return subject, at


_ASKED_FIRST = re.compile(
    r"^(?:Asked|Pressed|Questioned)\b[^“”\"]*,\s+(?=(?:he|she|they|[A-Z])[\w'’.-]*(?:\s|$))"
)
_OPENING_DAY = re.compile(
    r"^(?:(?:On|Late on|Early on|Last)\s+)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=[a-zA-Z])"
)
_TURN_ASIDE = re.compile(
    r",\s+(?:for\s+(?:his|her|their|its)\s+part|in\s+turn|in\s+response|however|meanwhile|"
    r"too|though|in\s+reply)\s*,\s*$"
)
_PREPOSITIONS = frozenset(words("in on at after before during from with by for under"))
# ", the ministry described …": a body speaking, named by what it is.
_BODIES = frozenset(words("ministry government office embassy delegation administration"))
_DETERMINERS = frozenset(words("a an the this that his her its their"))
_PARTICLES = frozenset(words("von van de der den al bin da di du le la"))
_CIRCUMSTANTIAL = frozenset(words("asked pressed questioned speaking responding answering"))


def _plausible_subject(subject: str, trailing: bool = False) -> bool:
    words = subject.split()
    # "Oleksandra Hnatiuk, a spokeswoman for Ukraine's Coordination Headquarters for the
    # Treatment of Prisoners of War": a name and a long apposition.
    if not words or len(words) > (20 if "," in subject else 14):
        return False
    if trailing and _UNNAMED_SOURCES.match(subject):
        return True
    first = words[0]
    if first.lower() in _PREPOSITIONS and len(words) > 1 and words[1].lower() in _DETERMINERS:
        # "In a statement posted on …, the ministry …": a circumstance, not who spoke.
        return False
    if first.lower() in _CIRCUMSTANTIAL:
        # "Asked whether she agreed, von der Leyen said …": what the speaker was asked.
        return False
    # ", ministry spokesman Heorhiy Tykhyi told journalists", not ", a position Putin …".
    lower = [word.strip(",").lower() for word in words if word[0].islower()]
    named = any(word[0].isupper() for word in words) or PRONOUN.match(first) is not None
    if named and all(word in _SPEAKER_WORDS for word in lower):
        return True
    # ", the president said": a title alone names a speaker the paragraph has named.
    if lower and lower[0] in {"the", "a"} and all(word in _SPEAKER_WORDS for word in lower[1:]):
        # ", the newspaper said": an outlet reporting, a speaker the record need not know.
        if len(lower) == 2 and lower[1] in OUTLET_WORDS | _BODIES:
            return True
        return any(word in TITLE_WORDS - {"the", "a", "an"} for word in lower[1:])
    if trailing:
        return False
    return (
        first[0].isupper()
        # "von der Leyen said": a name that opens with a particle.
        or (first in _PARTICLES and any(word[0].isupper() for word in words[1:]))
        or first[0] in _OPEN
        or PRONOUN.match(first) is not None
        or first.lower() in {"the", "a", "an"}
    )


_ACCORDING_ASIDE = re.compile(
    rf"(?<=[\w.]),\s*according to\b[^,{_OPEN}{_CLOSE}]{{1,80}},"
    # "The same day, according to two diplomats, U.S. envoy Steve Witkoff told …": also
    # before the subject.
    rf"(?=\s+(?:[A-Z][\w'’.-]*\s+(?:[\w'’.-]+\s+){{0,6}}?)?(?:(?:has|had|also)\s+)?"
    rf"(?:{SPEECH})\b)"
)


def _blanked(aside: re.Match) -> str:
    """An "according to" aside as spaces; before the subject, its comma stays, to end what
    opens the sentence ("The same day, …, Witkoff told")."""
    before_subject = aside.string[aside.end() :].lstrip()[:1].isupper()
    if before_subject:
        return " " * (len(aside.group()) - 1) + ","
    return " " * len(aside.group())


def read_clauses(sentence: str, start: int) -> list[Clause]:
    """The statements a sentence attributes, as its attribution puts them (empty when it
    attributes none); ``relayed.read_sentence`` adds whose words each relays."""
    skip = strip_dateline(sentence)
    # "Rubio, according to two officials, told …": the aside read as spaces, so that the
    # subject meets its verb and every offset still holds.
    text = _ACCORDING_ASIDE.sub(_blanked, sentence[skip:])
    base = start + skip
    clauses = (
        _quoted(text, base)
        or _interpolated(text, base)
        or _attributed(text, base)
        or _saying(text, base)
        or _after_colon(text, base)
    )
    return [part for clause in clauses for part in _and_another(clause)]


# "German Chancellor Friedrich Merz was more guarded on the assets, saying Berlin …": what
# the speaker did, in words no verb of saying, then what they said. The subject is a name,
# perhaps with its post, or a pronoun; then a deed of a few words without quotation marks.
_SPEAKER_WORD = "|".join(sorted(_SPEAKER_WORDS, key=len, reverse=True))
_WORDS_OF_SPEAKER = rf"(?:(?:{_NAME_WORD}|(?:{_SPEAKER_WORD}))\s+){{0,6}}"
_SAYING = re.compile(
    rf"^(?P<subject>(?:{_WORDS_OF_SPEAKER}(?:{_NAME_WORD}|(?:{_SPEAKER_WORD})),\s+)?"
    rf"{_WORDS_OF_SPEAKER}{_NAME_WORD}"
    rf"(?:,\s+{_WORDS_OF_SPEAKER}(?:{_NAME_WORD}|(?:{_SPEAKER_WORD})),)?|He|She|They)"
    rf",?\s+(?P<deed>(?!(?:{_SPEAKER_WORD})\b)[a-z][^,“”\"«»]{{2,80}}?),\s+"
    rf"(?P<participle>{'|'.join(sorted(SAYING))})\s+"
    r"(?:only\s+)?(?:that\s+)?(?=\S)"
)


# The deed opens with a verb ("went further", "was more guarded", "also struck"), not a noun
# of a group ("Russia's Baltic neighbours were alarmed").
_DEED_VERB = re.compile(
    r"^(?:(?:also|later|then|again|quickly|publicly|swiftly|initially|at first)\s+)?"
    r"(?:[a-z]+ed|was|were|went|struck|took|hit|sounded|gave|made|set|came|broke|stood|held|"
    r"kept|drew|put|met|spoke|sent|fought|did|had|has|is|are|seemed|sought|chose|shrugged)\b"
)
# "was mocked by Vance", "after Trump criticised him", "while European ministers gathered":
# another's deed, whose "saying" is not the subject's.
_ANOTHERS_DEED = re.compile(
    r"\bby\s+(?:[A-Z]|the\b)|\b(?:after|as|while|when|because|before|since|until|whereas)\s+"
    r"(?:[A-Z]|the\b|his\b|her\b)"
)


def _saying(text: str, base: int) -> list[Clause]:
    said = _SAYING.match(text)
    if not said or VERB.search(said["deed"]):
        return []
    # Not a deed the subject did, or another's: the subject only offered, not the speaker
    # before the sentence.
    unsure = not _DEED_VERB.match(said["deed"]) or bool(_ANOTHERS_DEED.search(said["deed"]))
    subject = said["subject"]
    words, at = trim(text[said.end() :], base + said.end())
    if len(words.split()) < 3:
        return []
    clause = Clause(
        words,
        at,
        subject=subject,
        subject_start=base,
        around=subject,
        verb=said["participle"],
        attribution=[(base, base + said.end())],
        unsure=unsure,
    )
    clause.parts = splits(clause)
    return [clause]


# "…, while European Commission President Ursula von der Leyen wrote on Tuesday that …":
# a second speaker's statement joined to the first's.
_WHILE_ANOTHER = re.compile(
    rf",\s+(?:while|whereas)\s+(?=(?:[\w'’.-]+\s+){{0,4}}[A-Z][\w'’.-]*\s+"
    rf"(?:[\w'’.-]+\s+){{0,8}}?(?:{SPEECH})\b)"
)


def _and_another(clause: Clause) -> list[Clause]:
    joined = _WHILE_ANOTHER.search(clause.quote) if clause.kind == "reported" else None
    if not joined:
        return [clause]
    rest_at = clause.start + joined.end()
    others = [
        other
        for other in _attributed(clause.quote[joined.end() :], rest_at)
        # A person named, with a title or a first name ("European Commission President Ursula
        # von der Leyen"), saying words of their own: not "Washington said one thing and did
        # another", nor "Ukrainian officials said the opposite".
        if other.kind == "reported"
        and len(re.findall(r"\b[A-Z][\w'’.-]*", other.subject)) >= 2
        and not other.original
        and len(other.quote.split()) >= 4
    ]
    if not others:
        return [clause]
    clause.quote, clause.start = trim(clause.quote[: joined.start()], clause.start)
    clause.parts = [part for part in clause.parts if part[1] < rest_at]
    clause.span = (0, rest_at)
    for other in others:
        other.span = (rest_at, other.start + len(other.quote) + 1)
    return [clause, *others]


# "Rubio was blunter on sanctions: relief “comes after signatures, not before.”": a named
# speaker, or a pronoun for one, then a colon and words in quotation marks.
_COLON_STATEMENT = re.compile(
    rf"^(?!(?:The|A|An|But|And|So|Yet|Then|On|In|At|For|By|After|Before|This|That|It|There|"
    rf"What|When|Now|Still|Here)\b)"
    rf"(?P<subject>(?:[A-Z][\w'’.-]*\s+){{0,5}}[A-Z][\w'’.-]*)\s+"
    rf"(?P<between>[^:{_OPEN}{_CLOSE}]{{3,90}}):\s+(?P<content>[^{_OPEN}]*[{_OPEN}].+)$"
)


def _after_colon(text: str, base: int) -> list[Clause]:
    match = _COLON_STATEMENT.match(text)
    if not match or not _plausible_subject(match.group("subject")):
        return []
    content, at = trim(match.group("content"), base + match.start("content"))
    if len(content.split()) < 3:
        return []
    return [
        Clause(
            content,
            at,
            subject=match.group("subject"),
            subject_start=base,
            kind="reported",
            attribution=[(base, base + match.start("content"))],
        )
    ]


_INSERTED = re.compile(
    r"(?<=\w),\s+(?P<subject>he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+\S+$"
)


# "Asked whether …, he said, “…”": what he was asked, not what he said.
_CIRCUMSTANCE_FIRST = re.compile(
    r"^(?:Asked|Pressed|Questioned|Speaking|Responding|Answering|Told|When|While|If|As|After|"
    r"Before|Of|On|In)\b"
)


_QUOTE_ACCORDING = re.compile(r"^,?\s*according to\s+(?P<who>[^,.;]{2,80})")


def _given_to(
    inner: str, at: int, who: str, who_at: int, verb: str, attribution: tuple[int, int]
) -> list[Clause]:
    """A quotation given to whom the words beside it name, without a verb of saying."""
    return [
        Clause(
            *trim(inner, at, keep_stop=True),
            subject=who,
            subject_start=who_at,
            verb=verb,
            kind="quoted",
            attribution=[attribution],
        )
    ]


def _quoted(text: str, base: int) -> list[Clause]:
    """'“We will not withdraw,” he said.' and 'The minister said: “We will not withdraw.”'"""
    leading = re.match(rf"^[{_OPEN}](?P<inner>.+?)[{_CLOSE}]\s*(?P<attribution>.*)$", text)
    if leading:
        inner = leading.group("inner")
        inner_start = base + leading.start("inner")
        attribution = leading.group("attribution")
        if not attribution.strip(" .,"):
            return [Clause(leading.group("inner").rstrip(" ,"), inner_start, kind="quoted")]
        dash = _DASH.match(attribution)
        who = dash and next(_name_parts(attribution, dash.end()), None)
        if who and who[1] == dash.end() and _quoted_statement(inner, attribution, who[0]):
            # '"…" - Prime Minister Keir Starmer, at a joint news conference.'
            at = base + leading.start("attribution")
            return _given_to(inner, inner_start, who[0], at + who[1], "—", (at, base + len(text)))
        verb = VERB.search(attribution)
        according = _QUOTE_ACCORDING.match(attribution)
        if according and not (verb and verb.start() < according.end()):
            # '"…," according to a French diplomatic source, who requested anonymity.'
            at = base + leading.start("attribution")
            who_at = at + according.start("who")
            attributed = (at, base + len(text))
            return _given_to(
                inner, inner_start, according["who"], who_at, "according to", attributed
            )
        if verb and len(attribution[: verb.start()].split()) <= 8:
            clause = Clause(
                *trim(leading.group("inner"), inner_start, keep_stop=True),
                kind="quoted",
                verb=verb.group("verb"),
            )
            subject, subject_at = _subject_or_inverted(attribution, verb)
            clause.subject, clause.subject_start = (
                subject,
                base + leading.start("attribution") + subject_at,
            )
            clause.attribution = [(base + leading.start("attribution"), base + len(text))]
            clause.parts = _tails(attribution, base + leading.start("attribution"))
            return [clause]
    trailing = re.match(
        rf"^(?P<attribution>[^{_OPEN}]+?)[:,]?\s+[{_OPEN}](?P<inner>[^{_CLOSE}]+)[{_CLOSE}]\.?$",
        text,
    )
    if trailing:
        attribution = trailing.group("attribution")
        verb = VERB.search(attribution)
        colon = text[trailing.end("attribution") :].startswith(":")
        if not verb and colon and (who := _column_speaker(attribution)):
            # 'French President Emmanuel Macron, on X: "…"': a name and a colon, no verb.
            inner_start = base + trailing.start("inner")
            attributed = (base, base + trailing.end("attribution") + 1)
            return _given_to(trailing["inner"], inner_start, who[0], base + who[1], ":", attributed)
        if (
            verb
            and len(trailing.group("inner").split()) >= 4
            and not attribution[verb.end() :].strip(" ,:")
        ):
            subject, subject_at = _subject_before(attribution, verb.start())
            if asked := _ASKED_FIRST.match(subject):
                # 'Asked whether the assets could be handed back …, she said: "…"': who
                # answered, not what was asked.
                subject, subject_at = subject[asked.end() :], subject_at + asked.end()
            inserted = _INSERTED.search(attribution[: verb.end()])
            before = attribution[: inserted.start()] if inserted else ""
            # Only after a clause of its own, going on in lower case: not "Meanwhile, Peskov
            # said: “Russia …”".
            goes_on = trailing.group("inner")[:1].islower()
            clause_before = len(before.split()) >= 3 and FINITE.search(before)
            if inserted and goes_on and clause_before and not _CIRCUMSTANCE_FIRST.match(before):
                # "Europe would pay for it, he said, “starting this quarter”": the words
                # before the attribution are the statement; the quotation goes on with it.
                clause = Clause(
                    *trim(attribution[: inserted.start()], base),
                    subject=inserted.group("subject"),
                    subject_start=base + inserted.start("subject"),
                    verb=verb.group("verb"),
                    kind="reported",
                    attribution=[(base + inserted.start(), base + trailing.end("attribution"))],
                )
                return [clause]
            clause = Clause(
                *trim(trailing.group("inner"), base + trailing.start("inner"), keep_stop=True),
                subject=subject,
                subject_start=base + subject_at,
                verb=verb.group("verb"),
                kind="quoted",
                attribution=[(base, base + trailing.end("attribution"))],
            )
            return [clause]
    return []


# '"…" - Foreign Minister Andrii Sybiha, in an interview …': a quotation, a dash, who said it.
_DASH = re.compile(r"^\s*(?:--|[-–—])\s*")
# The words a name and its title are made of: "Secretary of State Marco Rubio", "Kremlin
# spokesman Dmitry Peskov", "European Commission President Ursula von der Leyen".
_NAME_WORDS = _PARTICLES | {"of", "for", "the"} | {word for word in TITLE_WORDS if word.isascii()}


def _name_parts(attribution: str, start: int = 0):
    """The parts of an attribution between commas that are a name, perhaps with its title, as
    (text, where it starts): never a name inside a part ("Trump's reply to President Zelensky",
    whom it is addressed to)."""
    at = start
    for part in attribution[start:].split(","):
        text = part.strip()
        found = attribution.find(text, at) if text else -1
        at += len(part) + 1
        tokens = text.split()
        capitalised = [token for token in tokens if token[0].isupper()]
        if (
            len(capitalised) >= 2
            and tokens[-1][0].isupper()
            and all(token[0].isupper() or token in _NAME_WORDS for token in tokens)
            and tokens[0].lower() not in _PREPOSITIONS | {"and", "but", "so"}
        ):
            yield text, found


# '"…" - Timothy Snyder, 2018.': a citation, with its year.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "… and Prime Minister Starmer, in a joint statement": several speakers, or one of them.
_SEVERAL = re.compile(
    r"\band\s+(?:[a-z]+\s+){0,2}[A-Z]|"
    r"\bjoint\s+(?:statement|declaration|communiqu\w+|letter|note|article|op-ed)"
)


def _quoted_statement(quotation: str, attribution: str, who: str) -> bool:
    """Whether a quotation a dash attributes to ``who`` is a statement of theirs: a sentence,
    not a title, a term or a question, and not a citation or a joint statement."""
    return (
        _plausible_subject(who)
        and len(quotation.split()) >= 4
        and FINITE.search(quotation) is not None
        and not quotation.rstrip().endswith("?")
        and not _YEAR.search(attribution)
        and not _SEVERAL.search(attribution)
    )


def _column_speaker(attribution: str) -> tuple[str, int] | None:
    """Who a column's 'Yuri Ushakov, the Kremlin's foreign policy aide, on state television:'
    names: a name with a title in it or beside it, and no verb anywhere around it."""
    if FINITE.search(attribution) or any(mark in attribution for mark in _OPEN + _CLOSE):
        return None
    if _SEVERAL.search(attribution):
        return None
    titled = {word.lower() for word in words(attribution)} & (TITLE_WORDS - _DETERMINERS)
    if not titled:
        return None
    return next((part for part in _name_parts(attribution) if _plausible_subject(part[0])), None)


_INTERPOLATED = re.compile(
    rf"^(?P<before>[^,“”\"]+),\s+(?P<subject>he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+"
    rf"(?P<verb>{SPEECH})\s*,\s+(?P<after>.+)$"
)


def _interpolated(text: str, base: int) -> list[Clause]:
    """ "Any ceasefire, she said, would have to be monitored …": the sentence is the statement."""
    match = _INTERPOLATED.match(text)
    if not match or len(match.group("after").split()) < 3:
        return []
    # What comes before the attribution is the statement's subject, not a clause of its own.
    if len(match.group("before").split()) > 6 or FINITE.search(match.group("before")):
        return []
    quote, at = trim(text, base)
    return [
        Clause(
            quote,
            at,
            subject=match.group("subject"),
            subject_start=base + match.start("subject"),
            verb=match.group("verb"),
            attribution=[(base + match.start("subject"), base + match.end("verb"))],
        )
    ]


def _subject_or_inverted(attribution: str, verb: re.Match) -> tuple[str, int]:
    """The subject before the verb, or after it ("…, said Grushko in an interview")."""
    before = attribution[: verb.start()].strip(" ,")
    if before:
        subject, at = _subject_before(attribution, verb.start())
        return subject, at
    after = attribution[verb.end() :]
    name = re.match(r"^\s*((?:[A-Z][\w'’.-]*\s*){1,5})", after)
    if name:
        return name.group(1).strip(), verb.end() + name.start(1)
    return "", 0


_SUBORDINATE = re.compile(r"^(?:When|While|If|Although|Though|Because|Once)\b")
_ATTRIBUTION_COMMA = re.compile(r",[\"”’]? ")
# A name, then its post between commas, ending where the verb's comma is.
_NAMED_APPOSITIVE = re.compile(
    rf"(?P<comma>,[\"”’]? )(?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD},\s+"
    r"(?:(?:the|a|an)\s+|[A-Z][\w'’.-]*['’]s\s+)[^,“”\"«»]{2,80}$"
)


def _post_head(post: str) -> str:
    """The word a post is of: "the U.S. broadcaster" → "broadcaster", "the head of …" →
    "head"."""
    words = post.split(" of ")[0].split()
    return words[-1].lower() if words else ""


def _attributed(text: str, base: int) -> list[Clause]:
    verbs = list(VERB.finditer(text))
    # Trailing attribution: ", Witkoff told CNN last month." or ", said Grushko."
    for verb in reversed(verbs):
        # ', said Grushko' or, American style, 'so Europe signs it too," she told reporters'.
        commas = list(_ATTRIBUTION_COMMA.finditer(text, 0, verb.start()))
        if not commas:
            continue
        comma, after = commas[-1].start(), commas[-1].end()
        if (
            (named := _NAMED_APPOSITIVE.search(text, 0, comma))
            and not text[after : verb.start()].strip()
            # "…, Fox News, the U.S. broadcaster, reported": an outlet, not a person; not "the
            # head of the International Atomic Energy Agency".
            and _post_head(named.group().rsplit(",", 1)[-1]) not in OUTLET_WORDS
        ):
            # ", Hiroshi Tanabe, the Japanese prime minister, told reporters": the name and
            # its post, then the verb.
            comma, after = named.start(), named.end("comma")
        attribution = text[after:]
        tail = _TAIL.search(attribution)
        own = attribution[: tail.start()] if tail else attribution
        # ", … said on Friday, after Washington proposed …": the circumstance is not its own.
        after_verb = own.find(", ", verb.end() - after)
        if after_verb != -1:
            own = own[:after_verb]
        # "…, the minister added — an offer that officials say …": the dash ends it too.
        if (dash := own.find(" — ", verb.end() - after)) != -1:
            own = own[:dash]
        if len(own.split()) > 24 or any(c in own for c in _OPEN + _CLOSE):
            continue
        own_verb = VERB.search(own) or verb
        subject, subject_at = _subject_or_inverted(own, own_verb)
        if not subject or not _plausible_subject(subject, trailing=True):
            continue
        rest = own[own_verb.end() :].replace(subject, "", 1)
        if not (adjuncts_only(rest) or told_whom(own_verb.group("verb"), rest)):
            continue
        if _SUBORDINATE.match(text) and after_verb != -1:
            # "When the two met on April 13, he said, Lavrov told him that …": the words before
            # the attribution say when, the statement comes after it.
            continue
        content, content_start = trim(_cut_circumstance(text[:comma]), base)
        if PRONOUN.match(subject) and (colon := content.find(": ")) != -1:
            # "Sybiha framed it as a first step on Monday: a ceasefire first, he told Polish
            # radio, …": the words after the colon; what opens the sentence frames them.
            content, content_start = trim(content[colon + 1 :], content_start + colon + 1)
        if len(content.split()) < 3:
            continue
        clause = Clause(
            content,
            content_start,
            subject=subject,
            subject_start=base + after + subject_at,
            verb=verb.group("verb"),
            attribution=[(base + after, base + after + len(own))],
        )
        clause.parts = splits(clause) + _tails(attribution, base + after)
        return [clause]
    # Not "said, according to the FT, that …": an aside between the verb and its words.
    according = re.search(r",\s*according to\b(?![^,]*,\s*that\b)", text)
    clauses = _leading(text, base, verbs, according.start() if according else len(text))
    if according and not clauses:
        # "The White House is prepared …, according to officials": the whole claim.
        content, at = trim(text[: according.start()], base)
        words = content.split()
        if len(words) >= 4:
            clause = Clause(
                content,
                at,
                subject=" ".join(words[:3]),
                subject_start=at,
                verb="according to",
                kind="stance",
                attribution=[(base + according.start(), base + len(text))],
            )
            clause.parts = splits(clause)
            clauses.append(clause)
    return clauses


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$")
# ", two people familiar with the talks said": sources the report does not name.
_UNNAMED_SOURCES = re.compile(
    r"^(?:two|three|four|several|some|other|\d+)\s+(?:people|sources|officials|diplomats)\b"
)


_LEADING_WHEN = re.compile(
    r"^(?:(?:on|last|early|late|later|earlier)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening|today|"
    r"yesterday)?,?\s*(?=[A-Z])"
)


# What a verb of saying introduces, opening with someone else doing something: "(that)
# Witkoff had called him".
_EMBEDDED = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,6}?(?:that\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:had|has|was|would)\b"
)
_EMBEDDED_THAT = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,6}?that\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:,[^,]{0,60})?$"
)
_TO_REPORTER = re.compile(r"^\s+(?:him|her|me|us)\b")


def _leading(text: str, base: int, verbs: list, limit: int) -> list[Clause]:
    """Clauses that open with their attribution: "Lavrov said (on Monday) (that) …", and
    several in one sentence ("…, Ukraine ruled out … and Trump signalled …")."""
    heads = []  # (verb, subject, subject start, where the clause starts)
    for verb in verbs:
        if verb.start() >= limit:
            break
        if _PASSIVE.search(text[: verb.start()]):
            # "Ukrainian officials were told …": the subject heard it, someone else said it.
            continue
        head = text[: verb.start()]
        if not heads:
            subject, at = _subject_before(text, verb.start())
            if _plausible_subject(subject):
                heads.append((verb, subject, at, 0))
            continue
        previous = heads[-1][0]
        boundary = max(head.rfind(", "), head.rfind(" and "), head.rfind(" but "))
        if boundary < previous.end():
            continue
        between = head[previous.end() : boundary].strip()
        if head[boundary:].lstrip().startswith("and") and re.fullmatch(
            r"(?:that\s+)?(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}", between
        ):
            # "said Türkiye and Ukraine supported …": one subject of two names, not two clauses.
            continue
        tail = re.sub(r"^(?:,\s*)?(?:\s*(?:and|but)\s+)?", "", head[boundary:]).strip()
        # "…, and on Friday Dmitry Peskov repeated that …": when, then the next speaker.
        tail = _LEADING_WHEN.sub("", tail)
        if not tail:
            if _EMBEDDED_THAT.match(text[previous.end() : boundary]):
                # "He told the committee that Putin, in their meeting last month, had indicated
                # that …": a saying inside what he told, not a second statement of his.
                continue
            if _EMBEDDED.match(text[previous.end() : boundary]) and _TO_REPORTER.match(
                text[verb.end() :]
            ):
                # "Rubio said Witkoff had called him and told him that …": Witkoff told him,
                # within what Rubio said.
                continue
            heads.append((verb, heads[-1][1], heads[-1][2], boundary))
        elif len(tail.split()) <= 6 and tail[0].isupper() and _plausible_subject(tail):
            heads.append((verb, tail, verb.start() - len(head) + head.rindex(tail), boundary))
    clauses = []
    for number, (verb, subject, subject_at, clause_start) in enumerate(heads):
        end = heads[number + 1][3] if number + 1 < len(heads) else limit
        content_at = content_after(text, verb.end(), verb.group("verb"))
        tail = _TAIL.search(text[verb.end() : end]) or _ASIDE.search(text[verb.end() : end])
        body_end = verb.end() + tail.start() if tail else end
        shared = clause_start and subject_at < clause_start
        if content_at == -1 or content_at >= body_end:
            whole_from = verb.start() if shared else subject_at
            words, at = trim(_cut_circumstance(text[whole_from:body_end]), base + whole_from)
            kind = "stance"
        else:
            words, at = trim(_cut_circumstance(text[content_at:body_end]), base + content_at)
            kind = "reported"
        if len(words.split()) < 2 or (kind == "stance" and words.endswith(verb.group("verb"))):
            # "…, he said, Lavrov told him that …": an attribution with nothing of its own.
            continue
        clause = Clause(
            words,
            at,
            subject=subject,
            subject_start=base + subject_at,
            around=text[clause_start : verb.start()],
            verb=verb.group("verb"),
            kind=kind,
            attribution=[
                (base + (0 if number == 0 else clause_start), base + max(content_at, verb.end()))
            ],
        )
        clause.parts = splits(clause) + _tails(text[verb.end() : end], base + verb.end())
        clauses.append(clause)
    return clauses


def _cut_circumstance(text: str) -> str:
    return _TRAILING_CIRCUMSTANCE.sub("", text)


def splits(clause: Clause) -> list[tuple[str, int]]:
    """The parts of a statement joined by "and that", or listed after "includes"."""
    parts = []
    pieces = _SPLIT_THAT.split(clause.quote)
    if len(pieces) > 1:
        cursor = 0
        for piece in pieces:
            at = clause.quote.find(piece, cursor)
            cursor = at + len(piece)
            trimmed, trimmed_at = trim(piece, clause.start + at)
            if len(trimmed.split()) >= 3:
                parts.append((trimmed, trimmed_at))
    if listed := _LIST_VERB.search(clause.quote):
        items_start = listed.end()
        items = re.split(r",\s+(?:and\s+)?", clause.quote[items_start:])
        if len(items) > 1:
            clause.listed = True
            cursor = items_start
            for item in items:
                at = clause.quote.find(item, cursor)
                cursor = at + len(item)
                trimmed, trimmed_at = trim(item, clause.start + at)
                if len(trimmed.split()) >= 2:
                    parts.append((trimmed, trimmed_at))
    return parts


def _tails(attribution: str, base: int) -> list[tuple[str, int]]:
    tail = _TAIL.search(attribution)
    if not tail:
        return []
    if tail.group("participle") in SAYING:
        text, at = tail.group("rest"), base + tail.start("rest")
    else:
        text, at = attribution[tail.start("participle") :], base + tail.start("participle")
    trimmed, trimmed_at = trim(_cut_circumstance(text), at)
    return [(trimmed, trimmed_at)] if len(trimmed.split()) >= 3 else []
