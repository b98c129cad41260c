"""Who made a statement, and for which party: the subject of its attribution, read with what
the article has said so far.

Pronouns ("He stressed …") and descriptions ("The Ukrainian leader said …") stand for a speaker
the article has already attributed statements to, not for whoever was named last. A speaker's
party comes from the speaker's own role in the record, else from their title or demonym
("Russian Foreign Minister …"), never from the first country a sentence mentions. People the
record does not know are proposed with the name, title and party the article gives.
"""

import re
from dataclasses import dataclass, field

from positions.editorial.names import (
    BODY_WORDS,
    POSSESSIVE,
    TITLE_WORDS,
    NameHit,
    NameIndex,
    tokens,
    words,
)
from positions.models import Party, Person

_PRONOUN = re.compile(r"^(?:he|she)(?:\s+(?:also|later|then|again|himself|herself))?$", re.I)
_CYRILLIC_WORD = re.compile(r"[А-ЯЁІЇЄҐа-яёіїєґ]")
# "вона в четвер у соцмережі X", "Тоді ж він": a Russian or Ukrainian pronoun for the speaker.
_CYRILLIC_PRONOUNS = {"он": "he", "він": "he", "она": "she", "вона": "she"}
_OPENING_ADVERBS = frozenset(words("тоді затем потом потім также також позже згодом окремо"))
# Posts as Russian and Ukrainian reports name them, in the record's English words.
_CYRILLIC_POSTS = [
    (r"пресс?-секретар\w*|речни\w*|официальн\w* представител\w*|офіційн\w* представни\w*",
     "spokesperson"),
    (r"(?:глав\w*|очільни\w*|керівни\w*) (?:мид|мзс)|министр\w* иностранных дел|"
     r"міністр\w* закордонних справ", "foreign minister"),
    (r"глав\w* (?:государства|держави)", "leader"),
    # Before "президент": "помощник президента" is the aide, not the president.
    (r"помощни\w* президента|помічни\w* президента", "aide"),
    (r"президент\w*", "president"),
    # Before "министр": "замминистра" is the deputy, not the minister.
    (r"замминистр\w*|(?:заместител\w*|заступни\w*) (?:министра|міністра)", "deputy minister"),
    (r"министр\w*|міністр\w*", "minister"),
    (r"канцлер\w*", "chancellor"),
    (r"лидер\w*|лідер\w*", "leader"),
    (r"секретар\w* (?:рнбо|снбо|ради національної безпеки і оборони|совета безопасности)",
     "secretary national security"),
]  # fmt: skip
# Descriptions that stand for a speaker already named: "the Russian leader", "the minister".
_DESCRIPTION = re.compile(
    r"\b(?:leader|president|minister|chancellor|premier|spokesman|spokeswoman|spokesperson|"
    r"envoy|aide|adviser|advisor|secretary|head|chief|diplomat|official)\b|"
    r"(?<![\w-])(?:пресс?-секретар|речни|президент|министр|міністр|глав|очільни|канцлер|"
    r"лидер|лідер|помощни|помічни|секретар|замминистр)",
    re.IGNORECASE,
)
# Speakers the article does not name: no one to propose, the party only.
_ANONYMOUS = re.compile(
    r"\b(?:source|sources|official|officials|diplomat|diplomats|people|person|analysts?|"
    r"leaders|governments?|allies|ministry|office|readout|statement|government|administration)\b",
    re.IGNORECASE,
)
# How far back a pronoun or a description looks for its speaker, in attributions.
RECENT = 30
_INSTITUTION_WORDS = frozenset(
    {"ministry", "office", "delegation", "embassy", "government", "administration", "service"}
)


@dataclass
class NewSpeaker:
    """Someone the record does not know yet, as the article names and describes them."""

    name: str
    title: str = ""
    party: Party | None = None
    # Only matched by surname to a full name the article gave in passing ("Mr Brereton").
    surname_only: bool = False


@dataclass
class Speaker:
    """Who an attribution names: a person of the record, someone new, or a party only."""

    person: Person | None = None
    new: NewSpeaker | None = None
    party: Party | None = None
    evidence: str = ""
    party_evidence: str = ""
    # Parties named in the subject itself ("Russian", "the Kremlin", "Ukraine's ministry").
    subject_parties: list[Party] = field(default_factory=list)
    # What kind of evidence named the speaker and the party (confidence.py ranks them).
    kind: str = ""
    party_kind: str = ""

    @property
    def someone(self) -> bool:
        return self.person is not None or self.new is not None

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.name
        return self.new.name if self.new else ""


@dataclass(frozen=True)
class Office:
    """A post held on the article's date by someone the article names, from ``named_at`` on."""

    person: Person
    title: str
    party: Party
    named_at: int


@dataclass
class Context:
    """What the article has attributed so far, to resolve pronouns and descriptions."""

    index: NameIndex
    history: list[Speaker] = field(default_factory=list)
    paragraph: list[Speaker] = field(default_factory=list)
    # The speakers of the paragraph before this one (headings and captions aside).
    previous: list[Speaker] = field(default_factory=list)
    # Whether the paragraph being read is of the report's body.
    in_body: bool = False
    new_people: dict[str, NewSpeaker] = field(default_factory=dict)
    # The words before the verb beyond the subject itself, for a new person's party.
    around: str = ""
    # A person a sentence without a statement is about ("Erdogan spoke with Putin …").
    mentioned: Speaker | None = None
    # The person the last paragraph was about, when it attributed nothing.
    last_mentioned: Speaker | None = None
    # The person the sentence being read opens with, for a pronoun after its colon: ahead of
    # the paragraph's speakers ("Sybiha framed it on Monday: a ceasefire first, he told …").
    opening: Speaker | None = None
    # Sentences of the paragraph read so far, this one included.
    sentences: int = 0
    # "he" or "she", for the people the article has called one of them, and only one.
    genders: dict[str, str] = field(default_factory=dict)
    # The people the article names, with the posts they hold on its date, for descriptions
    # by title ("the vice-president"): see ``offices``.
    offices: list["Office"] = field(default_factory=list)
    # The article's text, for a surname given in full earlier ("Alan Brereton … Mr Brereton").
    text: str = ""

    def learn(self, speaker: Speaker, pronoun: str) -> None:
        """That the article calls ``speaker`` ``pronoun`` ("he", "she")."""
        if speaker.someone and pronoun in {"he", "she"}:
            known = self.genders.setdefault(speaker.name, pronoun)
            if known != pronoun:
                # Called both: the article's pronouns cannot be relied on for them.
                self.genders[speaker.name] = "?"

    def new_paragraph(self, body: bool = True) -> None:
        # A heading or a caption between two paragraphs does not separate them; a paragraph
        # of the report that attributes nothing does.
        if self.in_body or self.paragraph:
            self.previous = self.paragraph
        self.in_body = body
        # "Mark Rutte … was asked about …" then, in a paragraph of its own, "“…,” he said".
        self.last_mentioned = None if self.paragraph else self.mentioned
        if self.last_mentioned is not None and self.last_mentioned.kind == "mentioned-new":
            # Someone new the paragraph above was about: too far back to offer them.
            self.last_mentioned = Speaker(evidence=self.last_mentioned.evidence, kind="stranger")
        self.paragraph = []
        self.sentences = 0
        self.mentioned = None

    def remember(self, speaker: Speaker) -> None:
        if speaker.someone or speaker.party:
            self.history.append(speaker)
            self.paragraph.append(speaker)

    def remember_statement(self, speaker: Speaker, reporter: Speaker | None) -> None:
        """A statement's speaker, and the reporter of relayed words: a pronoun after "Ushakov
        said Putin had told Witkoff …" stands for Ushakov, the sentence's subject."""
        if reporter is None or not (reporter.someone or reporter.party):
            self.remember(speaker)
            return
        if speaker.someone or speaker.party:
            self.history.append(speaker)
        self.remember(reporter)

    def focus(self) -> Speaker | None:
        """The speaker of the paragraph so far, else the article's last one."""
        return self.focus_and_origin()[0]

    def focus_and_origin(self) -> tuple[Speaker | None, str]:
        """The focus and where it was found: "paragraph" (its only speaker so far),
        "paragraph-several" (the last of several), "mentioned", "previous" (the only speaker
        of the last paragraph that had speakers), or "article"."""
        if self.opening is not None:
            return self.opening, "mentioned"
        speakers = [speaker for speaker in self.paragraph if speaker.someone]
        if speakers:
            names = {speaker.name for speaker in speakers}
            return speakers[-1], "paragraph" if len(names) == 1 else "paragraph-several"
        if self.mentioned is not None:
            # "mentioned-only": the only person a sentence names, not its opening subject.
            only = self.mentioned.kind == "mentioned-only"
            return self.mentioned, "mentioned-only" if only else "mentioned"
        if self.last_mentioned is not None:
            return self.last_mentioned, "mentioned-before"
        previous = {speaker.name for speaker in self.previous if speaker.someone}
        # Only a paragraph's first sentence continues the one above: "In an interview, the
        # US envoy gave his answer. …, he said." is about someone the paragraph introduced.
        opening = self.sentences <= 1
        for speaker in reversed(self.history[-RECENT:]):
            if speaker.someone:
                after = opening and previous == {speaker.name}
                return speaker, "previous" if after else "article"
        return None, ""


# The kind of a speaker who speaks for another of their side ("Peskov said Putin was ready
# …"): whose position it is, the editor decides.
FOR_ANOTHER = "-for-another"
# The kind of a speaker named in an attribution of a doubtful shape: offered.
UNSURE_SHAPE = "-unsure"


def carried(focus: Speaker, kind: str, evidence: str) -> Speaker:
    """``focus`` as the speaker of a pronoun or a continuation, with the kind of evidence;
    the kind keeps the focus's own ("continuation-paragraph/named"), so that a pronoun for
    someone the rules were unsure of is no surer. Who the focus is, is sure even where it was
    unsure whose position its words held ("Lavrov said Putin was ready …. He added …")."""
    own = focus.kind.removesuffix(FOR_ANOTHER)
    return Speaker(
        person=focus.person,
        new=focus.new,
        party=focus.party,
        evidence=evidence,
        party_evidence=focus.party_evidence,
        kind=f"{kind}/{own}" if own else kind,
        party_kind=f"{kind}/{focus.party_kind}" if focus.party else "",
    )


def resolve(subject: str, subject_start: int, context: Context, party_of) -> Speaker:
    """The speaker a subject phrase names; ``party_of(person)`` gives a person's party."""
    words = subject.strip().strip(",")
    # "But he said …": the conjunction is no part of who.
    words = re.sub(r"^(?:But|And|Yet|So)\s+(?=(?:he|she|they)\b)", "", words)
    if not words:
        return Speaker()
    cyrillic_pronoun = _cyrillic_pronoun(words)
    if _PRONOUN.match(words) or cyrillic_pronoun:
        focus, origin = context.focus_and_origin()
        if focus is None:
            return Speaker(evidence=f"“{words}”: no speaker earlier in the article")
        pronoun = cyrillic_pronoun or words.split()[0].lower()
        if not focus.someone:
            return Speaker(evidence=f"Left blank: “{words}” is {focus.evidence}.")
        known = context.genders.get(focus.name) or _slavic_gender(focus.name) or pronoun
        if known in {"he", "she"} - {pronoun}:
            return _by_gender(words, pronoun, focus, context)
        speaker = carried(
            focus,
            f"pronoun-{origin}",
            f"“{words}”: the speaker the paragraph is about, {focus.name}",
        )
        if origin in {"paragraph", "mentioned", "previous"}:
            context.learn(focus, pronoun)
        return speaker
    hits = context.index.find(words, subject_start)
    parties = [hit.party for hit in hits if hit.party is not None]
    placed = [
        hit.party
        for hit in hits
        if hit.party is not None
        and not re.search(r"\b(?:in|at)\s+$", words[: max(0, hit.start - subject_start)])
    ]
    if placed and len(placed) < len(parties):
        # "Russia's embassy in London": whose embassy, not where it is.
        parties = placed
    people = [
        hit
        for hit in hits
        if hit.person is not None and not _possessive(subject, hit, subject_start)
    ]
    named_people = {hit.person for hit in people}
    if len(named_people) > 1 and re.search(r"\band\b|&", words):
        # "Putin and Trump had agreed to meet": both, so neither alone.
        names = " and ".join(sorted(person.name for person in named_people))
        return Speaker(evidence=f"Left blank: “{words}” speaks for {names} together.")
    if people:
        hit = people[-1]
        return _known(hit, parties, party_of)
    if new := _new_person(words, subject_start, hits, context, parties):
        return new
    if len(set(parties)) > 1 and re.search(r"\band\b|&", words):
        # "Türkiye and Ukraine supported …": a joint stance, one position for each party.
        names = " and ".join(str(party) for party in dict.fromkeys(parties))
        why = f"Left blank: “{words}” speaks for {names} together; record one position for each."
        return Speaker(evidence=why, party_evidence=why)
    demonym = parties[-1] if parties else None
    # "a Downing Street spokesman": someone not named, never a speaker named before.
    indefinite = words.lower().startswith(("a ", "an "))
    if _DESCRIPTION.search(words) and not _ANONYMOUS.search(words) and not indefinite:
        if holder := _by_title(words, subject_start, hits, demonym, context, party_of):
            return holder
        recent = context.history[-RECENT:]
        if context.mentioned is not None:
            # "Kaja Kallas does not believe … the EU's foreign policy chief said"
            recent = [*recent, context.mentioned]
        if demonym is None and _CYRILLIC_DEMONYM.search(words):
            # "Китайский министр": of a side the record has no Cyrillic name for, so not
            # necessarily the speaker named before.
            recent = []
        for earlier in reversed(recent):
            if earlier.someone and (demonym is None or earlier.party == demonym):
                return Speaker(
                    person=earlier.person,
                    new=earlier.new,
                    party=earlier.party,
                    evidence=f"“{words}”: the {earlier.party or 'same'} speaker named before, "
                    f"{earlier.name}",
                    party_evidence=earlier.party_evidence,
                    subject_parties=parties,
                    kind="description",
                    party_kind=f"description/{earlier.party_kind}" if earlier.party else "",
                )
    possessor = [hit for hit in hits if hit.person is not None]
    if demonym is None and possessor:
        # "Erdogan's office said …": the office speaks for its head's party.
        party, why = party_of(possessor[-1].person)
        if party is not None:
            return Speaker(party=party, party_evidence=f"“{words}”: {why}", party_kind="possessor")
    if demonym is not None:
        return Speaker(
            party=demonym,
            party_evidence=f"“{_hit_text(hits, demonym)}” in the subject “{words}”",
            subject_parties=parties,
            party_kind="subject",
        )
    return Speaker(evidence=f"“{words}” names no one the record knows")


# Words of a description that name no post: "the", "country's".
_NOT_TITLE = frozenset(words("the of a an and for its his her their country's country’s s"))
# One post by its several names.
_SAME_POST = {"spokeswoman": "spokesperson", "spokesman": "spokesperson", "premier": "prime"}
# Words that make another post of a title: "the president" is not the vice-president.
_RANKS = frozenset(words("vice deputy assistant under acting first"))
# "The Russian leader": whoever heads a state or a government.
_LEADERS = frozenset({("president",), ("prime", "minister"), ("chancellor",)})


def _post_words(text: str) -> tuple[str, ...]:
    text = text.lower()
    for cyrillic, english in _CYRILLIC_POSTS:
        text = re.sub(rf"(?<![\w-])(?:{cyrillic})(?![\w-])", english, text)
    found = re.findall(r"[^\W\d_]+(?:['’]s)?", text.lower())
    return tuple(_SAME_POST.get(word, word) for word in found if word not in _NOT_TITLE)


def _holds(office: Office, post: tuple[str, ...]) -> bool:
    title = _post_words(office.title)
    if post == ("leader",):
        return title in _LEADERS
    return bool(post) and set(post) <= set(title) and set(title) & _RANKS <= set(post)


def _by_title(words: str, offset: int, hits, demonym, context: Context, party_of):
    """The one person the article has named who holds the post a description gives ("the
    vice-president", "the US secretary of state", "Vladimir Putin's spokesman")."""
    post_text = words
    for hit in sorted(hits, key=lambda hit: -hit.start):
        start, end = hit.start - offset, hit.end - offset
        post_text = post_text[:start] + " " + post_text[end:]
    post = _post_words(post_text)
    side = demonym
    owners = [hit.person for hit in hits if hit.person is not None]
    if side is None and owners:
        # "Vladimir Putin's spokesman": a post on the side of the one who holds it.
        side, _ = party_of(owners[-1])
    for earlier in reversed(context.history[-RECENT:]):
        if (
            earlier.new is not None
            and _holds(Office(None, earlier.new.title, None, 0), post)
            and (side is None or earlier.new.party == side)
        ):
            # "Polish Foreign Minister Radosław Sikorski said … The minister added …": someone
            # new holds the post too, named since.
            return None
    holders = [
        office
        for office in context.offices
        if office.named_at < offset
        and _holds(office, post)
        and (side is None or office.party == side)
        and office.person not in owners
    ]
    kind = "title"
    if len({office.person for office in holders}) > 1 and side is None:
        # "the president" in a report about Washington: of the side the paragraph is about.
        focus = context.focus()
        holders = [office for office in holders if focus and office.party == focus.party]
        kind = "title-focus"
    if len({office.person for office in holders}) != 1:
        return None
    office = holders[0]
    party, why = party_of(office.person)
    return Speaker(
        person=office.person,
        party=party,
        evidence=f"“{words}”: {office.person.name}, {office.title}, {office.party}, "
        "named earlier in the article",
        party_evidence=why,
        subject_parties=[side] if side else [],
        kind=kind,
        party_kind=f"{kind}/role" if party else "",
    )


def _slavic_gender(name: str) -> str:
    """ "she" for "Maria Zakharova", "he" for "Dmitry Peskov": what a Russian or Ukrainian
    surname's ending says; empty for any other name."""
    surname = name.split()[-1].lower() if name.split() else ""
    if surname.endswith(("ova", "eva", "yova", "ina", "skaya", "ова", "ева", "іна", "ина", "ська")):
        return "she"
    if surname.endswith(
        ("ov", "ev", "yov", "in", "sky", "skyy", "skyi", "skiy", "ов", "ев", "ін", "ин", "ський")
    ):
        return "he"
    return ""


def _cyrillic_pronoun(words: str) -> str:
    """ "he" or "she" for a Russian or Ukrainian subject that is a pronoun with words of when
    and where ("вона в четвер у соцмережі X"), else ""."""
    found = [_CYRILLIC_PRONOUNS[w] for w in words.lower().split() if w in _CYRILLIC_PRONOUNS]
    # "Тоді ж у своєму Telegram-каналі він": an adverb may open it; "Лавров перед тем как он
    # улетел" names Lavrov.
    names = [
        w
        for w in words.split()
        if w[:1].isupper() and w.lower() not in BODY_WORDS | _OPENING_ADVERBS
    ]
    return found[0] if len(found) == 1 and not names else ""


def _by_gender(words: str, pronoun: str, focus: Speaker, context: Context) -> Speaker:
    """ "She disagreed" after "he said": not the speaker the paragraph is about, whom the
    article calls otherwise, but the last one it has called "she", if any."""
    called = context.genders.get(focus.name)
    surname = "a woman's" if _slavic_gender(focus.name) == "she" else "a man's"
    why = f"whom the article calls “{called}”" if called else f"whose surname is {surname}"
    for earlier in reversed(context.history[-RECENT:]):
        if earlier.someone and context.genders.get(earlier.name) == pronoun:
            return carried(
                earlier,
                "pronoun-gender",
                f"“{words}”: not {focus.name}, {why}, but {earlier.name}, the last one it "
                f"called “{pronoun}”",
            )
    return Speaker(evidence=f"Left blank: “{words}” cannot be {focus.name}, {why}.")


def _possessive(subject: str, hit: NameHit, offset: int) -> bool:
    """Whether the subject names the person only as whose someone is: "Putin's envoy",
    "Dariia Levchenko, a spokeswoman for Zelenskyy"."""
    after = subject[hit.end - offset : hit.end - offset + 2]
    before = subject[: max(0, hit.start - offset)]
    # "Пресс-секретарь Зеленского", not "Пресс-секретарь Дмитрий Песков": the genitive.
    genitive = (
        hit.person is not None
        and _GENITIVE.search(hit.text)
        and hit.text not in hit.person.other_names_list()
    )
    return (
        after in {"'s", "’s"}
        or bool(_WHOSE.search(before))
        or bool(genitive and _CYRILLIC_WHOSE.search(before))
    )


# "Пресс-секретарь Зеленского", "советник главы офиса Зеленского", "Речник Сибіги", "Жена
# Зеленского": the person in the genitive after a post or a relation is whose they are.
_CYRILLIC_WHOSE = re.compile(
    r"(?i)(?<![\w-])(?:пресс?-секретар\w*|советни\w*|радни\w*|речни\w*|помощни\w*|"
    r"помічни\w*|представител\w*|представни\w*|офиса|офісу|администрации|адміністрації|"
    r"жена|жены|дружина|дружини|муж|чоловік|сын|син|дочь|донька|охран\w*|посланни\w*|"
    r"спикер\w*|спікер\w*)\s+$"
)
_GENITIVE = re.compile(r"(?:а|я|ого|ої|ы|и|і|ой)$")
# ", a spokeswoman for …", ", an aide to …": the person after is whom the subject serves.
_WHOSE = re.compile(r"^[A-Z][^,]*,\s+(?:an?|the)\s+[\w -]{1,40}?\s+(?:for|to|of)\s+$")


def _hit_text(hits: list[NameHit], party: Party) -> str:
    return next((hit.text for hit in reversed(hits) if hit.party == party), str(party))


def _known(hit: NameHit, parties: list[Party], party_of) -> Speaker:
    person = hit.person
    evidence = f"“{hit.text}”"
    if hit.text != person.name:
        evidence += f", another name of {person.name}"
    party, why = party_of(person)
    party_kind = "role" if party is not None else ""
    if party is None and parties:
        party, why, party_kind = parties[-1], "from the title the article gives", "title"
    return Speaker(
        person=person,
        party=party,
        evidence=evidence,
        party_evidence=why,
        subject_parties=parties,
        kind="named",
        party_kind=party_kind,
    )


def _new_person(words: str, offset: int, hits, context: Context, parties) -> Speaker | None:
    """A name the record lacks: the last run of capitalised words that is no title or party."""
    run: list = []
    runs = []
    # "Saeed Al Hameli, the UAE's Minister of State for International Cooperation": the name
    # before the comma, not the capitalised words of the post after it.
    named_first = None
    for token in tokens(words):
        start = offset + token.start
        in_hit = any(hit.start <= start < hit.end for hit in hits)
        capitalised = (
            token.text[0].isupper()
            or token.text in {"de", "von", "van", "der", "bin", "al"}
            # "Saeed al-Hameli": an Arabic article joined to the name.
            or bool(re.match(r"(?:al|el|ad|as|ash|at|ibn|bin|abu)-[A-Z]", token.text))
        )
        # "Poland's" owns what follows and "МЗС", "NATO" are bodies: neither is in a name.
        possessive = bool(POSSESSIVE.search(token.text))
        acronym = len(token.bare) >= 2 and token.bare.isalpha() and token.bare.isupper()
        if capitalised and not in_hit and token.bare.lower() not in TITLE_WORDS:
            if not (possessive or acronym):
                run.append(token)
                # "Radosław Sikorski, Poland's foreign minister": a comma ends the name.
                if words[token.end : token.end + 1] != ",":
                    continue
                if named_first is None and not runs and len(run) > 1:
                    named_first = list(run)
            if run:
                runs.append(run)
            run = []
            continue
        if run:
            runs.append(run)
        run = [] if not (in_hit or token.bare.lower() in TITLE_WORDS) else []
    if run:
        runs.append(run)
    if not runs:
        return None
    name_tokens = named_first or runs[-1]
    if len(name_tokens) > 2 and re.search(r"\b(?:for|of)\s+$", words[: name_tokens[0].start]):
        # "Deputy Prime Minister for Restoration Taras Kovalchuk": the portfolio, then the name.
        name_tokens = name_tokens[-2:]
    if _CYRILLIC_WORD.match(name_tokens[0].text) and len(name_tokens) > 2:
        # "Міністр закордонних справ Угорщини Золтан Керестеш": a country in the genitive
        # before the name; a name is two words, or three with a patronymic.
        patronymic = re.search(r"(?:ович|евич|івна|ївна|овна|евна)$", name_tokens[-2].text)
        name_tokens = name_tokens[-3:] if patronymic else name_tokens[-2:]
    if any(token.bare.lower() in BODY_WORDS for token in name_tokens):
        # "керівник Офісу Президента": a body, not a person's name.
        return None
    if any(len(token.text) == 1 for token in name_tokens):
        # "Ван И": a name transliterated so short that the record's spelling of it cannot be
        # told apart from someone new.
        return None
    name = " ".join(token.bare for token in name_tokens)
    if len(name_tokens) == 1:
        known = context.new_people.get(name)
        if known is None and (full := _named_in_full(name, offset + name_tokens[0].start, context)):
            # "Mr Brereton, who returned from Kyiv, told …" after "Alan Brereton and
            # Ambassador Nikolai Voronin offered …": the one person the article gave that name,
            # offered, as "Mr" may be a relative or someone else of that name.
            title, side = _described_after(full, context)
            known = context.new_people.setdefault(
                full, NewSpeaker(name=full, title=title, party=side, surname_only=True)
            )
            context.new_people[name] = known
        if known is None:
            return None
        kind = "new-named-earlier" if known.surname_only else "new-again"
        return Speaker(
            new=known,
            party=known.party,
            evidence=f"“{name}”, named earlier as {known.name}",
            party_evidence="as given where first named" if known.party else "",
            kind=_new_kind(kind, known.name),
            party_kind=kind if known.party else "",
        )
    if words.lower().startswith(("a ", "an ")):
        return None
    before_name = words[: name_tokens[0].start].lower().split()
    if before_name[:1] == ["the"] and not set(before_name[1:]) & TITLE_WORDS - {"the"}:
        # "the Daily Example reported": an outlet or a body, not a person.
        return None
    for known_key, known in context.new_people.items():
        # "De Wever said" after "Belgian Prime Minister Bart De Wever": the same person.
        if " " not in known_key and known_key == name_tokens[-1].bare and known.name.endswith(name):
            return Speaker(
                new=known,
                party=known.party,
                evidence=f"“{name}”, named earlier as {known.name}",
                party_evidence="as given where first named" if known.party else "",
                kind=_new_kind("new-again", known.name),
                party_kind="new-again" if known.party else "",
            )
    title_words = words[: name_tokens[0].start].strip(" ,")
    title = _title(title_words, hits, offset)
    after_name = words[name_tokens[-1].end :]
    if not title and after_name.startswith(","):
        # "Hiroshi Tanabe, the Japanese prime minister, told …": the post after the name; not
        # "an analyst who advised …", "a former adviser on Russia", "the wife of …".
        post = _POST_END.split(after_name[1:].split(",")[0], maxsplit=1)[0].split()
        if post and post[-1].lower() in TITLE_WORDS - {"the", "a", "an"}:
            title = _title(" ".join(post), hits, offset)
    party = parties[-1] if parties else None
    why = f"“{_hit_text(hits, party)}” in the title the article gives" if party else ""
    party_kind = "new-title" if party else ""
    if party is None:
        party, why = _institution_party(title, context)
        party_kind = "new-institution" if party else ""
    if party is None and context.around:
        # "the head of the Russian delegation, presidential aide Vladimir Medinsky, said"
        around = {
            hit.party
            for hit in context.index.find(context.around)
            if hit.party and not _object_of_preposition(context.around, hit)
        }
        if len(around) == 1:
            party = around.pop()
            why = f"the only party named in “{context.around.strip(' ,')}”"
            party_kind = "new-around"
    new = NewSpeaker(name=name, title=title, party=party)
    context.new_people[name_tokens[-1].bare] = new
    context.new_people[name] = new
    return Speaker(
        new=new,
        party=party,
        evidence=f"“{name}” is not in the record: a new person, “{title or 'no title given'}”",
        party_evidence=why,
        subject_parties=parties,
        kind=_new_kind("new", name),
        party_kind=party_kind,
    )


_POST_END = re.compile(r"\s(?:who|whose|which|that|and|at|on|to|for|of|in|with|from)\s")


def _named_in_full(surname: str, at: int, context: Context) -> str:
    """The one full name ending in ``surname`` that the article gives before ``at``, of
    someone the record lacks; empty when it gives none or several."""
    names = set()
    for match in re.finditer(
        rf"(?<![\w'’-])(?P<first>[A-Z][\w'’-]+)\s+{re.escape(surname)}(?:['’]s)?(?![\w'’-])",
        context.text[:at],
    ):
        first = match["first"]
        if first.lower() in TITLE_WORDS or first.lower() in _NOT_FIRST_NAMES:
            continue
        if re.search(r"(?:^|[.!?:\n“\"‘—–-])\s*$", context.text[: match.start()]):
            # "Earlier Brereton …", "Meanwhile Brereton …": a sentence's first word may be no
            # name; someone named in full there is known from that sentence already.
            continue
        if POSSESSIVE.search(first) or _KIN.search(context.text[max(0, match.start() - 30) : at]):
            # "Labour's Healey"; "the widow of Alan Brereton", "Mr Brereton, her husband":
            # someone else of that name may be meant.
            return ""
        names.add(f"{first} {surname}")
    if len(names) != 1:
        return ""
    full = names.pop()
    return "" if context.index.find(full) else full


def _described_after(full: str, context: Context) -> tuple[str, Party | None]:
    """The post and the side an apposition gives someone named in passing ("The speakers were
    Oksana Verbytska, Ukraine's Deputy Minister of Foreign Affairs; …"), if it names a post."""
    match = re.search(rf"{re.escape(full)},\s+(?P<post>[^,;.\n]{{3,80}})", context.text)
    if match is None or not set(words(match["post"].lower())) & (TITLE_WORDS - {"the", "a", "an"}):
        return "", None
    hits = context.index.find(match["post"], match.start("post"))
    sides = {hit.party for hit in hits if hit.party is not None and hit.person is None}
    return _title(match["post"], hits, match.start("post")), sides.pop() if len(
        sides
    ) == 1 else None


# Capitalised words before a surname that are no first name: "Appearing Brereton".
_NOT_FIRST_NAMES = frozenset(
    words(
        """
    the a an and but on in at as with for of to by from after before when while since until
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """
    )
)


# A capitalised Russian or Ukrainian adjective of a country: "Китайский", "Турецький".
_CYRILLIC_DEMONYM = re.compile(
    # Not the adjectives of the sides the record always holds, nor "Президентский".
    r"(?<![\w-])(?!(?:Российск|Русск|Украинск|Українськ|Американск|Американськ|Турецк|Турецьк|"
    r"Президентск|Президентськ|Кремлевск|Кремлівськ)\w*)"
    r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:ский|ський|цкий|цький)(?![\w-])"
)
# Family around a name: another person of the same surname may be meant.
_KIN = re.compile(
    r"\b(?:father|mother|son|daughter|widow|widower|wife|husband|brother|sister|late|"
    r"grandfather|grandmother|uncle|aunt|cousin|family)\b",
    re.IGNORECASE,
)


_PREPOSITION = re.compile(
    r"\b(?:for|to|with|on|in|against|from|of|about|over|into|towards?|at|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _object_of_preposition(text: str, hit: NameHit) -> bool:
    """ "support for Ukraine": a party the words are about, not the speaker's own; "of the
    Russian delegation" and "of Russia's delegation" are still the speaker's."""
    modifies = re.match(r"(?:['’]s)?\s+[a-z]", text[hit.end :])
    return not modifies and bool(_PREPOSITION.search(text[: hit.start]))


def _new_kind(kind: str, name: str) -> str:
    """A new person's kind of evidence: one named in Cyrillic is read by weaker rules (cases,
    titles in the genitive), so the rules are unsure of them."""
    return f"{kind}-cyrillic" if _CYRILLIC_WORD.search(name) else kind


def _title(words: str, hits, offset: int) -> str:
    """The title before a new person's name: "Belgian Prime Minister" → "Prime Minister"."""
    words = words.split(",")[-1].strip()
    for hit in hits:
        words = (
            words.replace(hit.text + "'s", "").replace(hit.text + "’s", "").replace(hit.text, "")
        )
    title = " ".join(word for word in words.split() if word.lower() not in {"the", "a", "an"})
    if title and title.split()[0][0].isupper() and title.split()[0].lower() not in TITLE_WORDS:
        # A demonym the record does not know ("Belgian"): not part of the title.
        title = " ".join(title.split()[1:])
    return title[:1].upper() + title[1:]


def _institution_party(title: str, context: Context) -> tuple[Party | None, str]:
    """ "ministry spokesman" after "Ukraine's Foreign Ministry said …": that ministry's party."""
    institution = {word.lower() for word in title.split()} & _INSTITUTION_WORDS
    if not institution:
        return None, ""
    for earlier in reversed(context.history):
        if (
            earlier.party
            and not earlier.someone
            and earlier.party_evidence
            and any(word in earlier.party_evidence.lower() for word in institution)
        ):
            return earlier.party, f"the {next(iter(institution))} named before, of {earlier.party}"
    return None, ""
