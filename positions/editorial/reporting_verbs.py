"""The words of attribution: verbs of saying and of taking a stance, and the adjuncts
("on Sunday", "told reporters after the meeting") between a verb and the statement it
introduces."""

import re

from positions.editorial.names import words

# Verbs of saying: what follows them (after "that") is the statement.
SPEECH = (
    r"said|says|say|told|tells|tell|stated|states|added|adds|stressed|stresses|emphasi[sz]ed|"
    r"emphasi[sz]es|noted|notes|warned|warns|insisted|insists|argued|argues|declared|declares|"
    r"announced|announces|asserted|asserts|claimed|claims|reiterated|reiterates|repeated|"
    r"explained|acknowledged|admitted|conceded|confirmed|denied|indicated|wrote|writes|posted|"
    r"repeats|recalls|"
    r"tweeted|responded|replied|answered|reported|suggested|suggests|demanded|demands|"
    r"affirmed|reaffirmed|reaffirms|maintained|maintains|predicted|promised|cautioned|"
    r"assured|assures|"
    r"complained|observed|remarked|recalled|signalled|signaled|signals|hinted|countered|"
    r"believes|thinks|made clear|made it clear"
)
# Verbs of taking a stance on something named: the whole clause is the statement.
STANCE = (
    r"rejected|rejects|ruled out|rules out|dismissed|dismisses|pressed for|presses for|"
    r"backed|backs|welcomed|welcomes|condemned|condemns|accused|accuses|called for|calls for|"
    r"called on|calls on|urged|urges|opposed|opposes|supported|supports|endorsed|endorses|"
    r"proposed|proposes|sought|seeks|questioned|stuck to|sticks to|upheld|restated|"
    r"described|describes|"
    # "She also renewed her call for the EU to use the assets …".
    r"(?:renewed|renews|repeated|repeats|reiterated|reiterates)\s+(?:his|her|their|its)\s+"
    r"calls?\s+(?:for|on)|"
    r"(?<!-)called"
)
# Verbs followed by what the speaker would do: the statement starts after "to".
TO_TAKERS = (
    r"offered|offers|agreed|agrees|pledged|pledges|vowed|vows|refused|refuses|threatened|"
    r"threatens|declined|declines"
)
# "described the plan as …" takes a stance; "Zelensky, described by Trump as …" and "described
# how" do not.
_NOT_DESCRIBING = (
    r"(?!(?:described|describes)\b(?!\s+(?!by\b)[^,.]{1,80}?\sas\b))"
    r"(?<!, (?=described))(?<!was (?=described))(?<!were (?=described))"
)
_VERBS = rf"(?:{SPEECH}|{_NOT_DESCRIBING}(?:{STANCE})|{TO_TAKERS})"
_AUX = (
    r"(?:(?:has|had|have|also|later|then|again|once again|himself|herself|repeatedly|"
    r"previously|publicly|on\s+\w+|late\s+on\s+\w+|early\s+on\s+\w+)\s+)*"
)
VERB = re.compile(rf"\b{_AUX}(?P<verb>{_VERBS})\b")
SPEECH_VERB = re.compile(rf"^(?:{SPEECH})$")
STANCE_VERB = re.compile(rf"^(?:{STANCE})$")
TO_VERB = re.compile(rf"^(?:{TO_TAKERS})$")
PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)

_THAT_NOUN = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,4}?(?:condition|demand|stance|position|view|insistence|call|"
    r"warning|pledge|promise|offer|proposal|argument|assurance)s?\s+that\s+",
    re.IGNORECASE,
)
_DATE_ADJUNCT = re.compile(
    r"^(?:\s*(?:here|again|also|publicly|separately|later|earlier|late|early|on|in|at|last|"
    r"this|after|before|during|to|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"[A-Z][a-z]{2}\.?|\d{1,2},?|\d{4},?|yesterday|today|night|morning|evening|week|month|"
    r"year|a|an|the|day|earlier|interview|statement|news|conference|briefing|meeting|talks|"
    r"summit|call|video|address|speech|reporters|journalists|media|television|state|local|"
    r"with|[A-Z][\w'’.-]*)\b,?)*\s*(?:that\b(?!['’])|:)?\s*"
)


def content_after(text: str, verb_end: int, verb: str) -> int:
    """Where the statement starts after the attribution verb."""
    rest = text[verb_end:]
    if _TOLD.match(verb) and (whom := re.match(r"^\s*(?:me|him|us|them)\b(?!\s+that\s)", rest)):
        # "He told me the banking restrictions …": whom, then the words, "that" left out.
        verb_end += whom.end()
        rest = text[verb_end:]
    if TO_VERB.match(verb):
        to = re.match(r"^(?:[^“\"]{0,40}?)\bto\s+", rest)
        return verb_end + (to.end() if to else 0)
    if STANCE_VERB.match(verb):
        if noun := _THAT_NOUN.match(rest):
            return verb_end + noun.end()
        return -1  # the whole clause is the statement
    that = re.match(r"^(?P<between>[^“\"]{0,90}?)\bthat\s+", rest)
    if that and adjuncts_only(that.group("between")):
        return verb_end + that.end()
    if that and _TOLD.match(verb) and _recipient(that.group("between")):
        # "told a business forum in St Petersburg on Wednesday that …": whom, then "that".
        return verb_end + that.end()
    if noun := _THAT_NOUN.match(rest):
        # "reaffirmed Russia's stance that …"
        return verb_end + noun.end()
    if re.match(r"^\s*:", rest):
        return verb_end + len(re.match(r"^\s*:\s*", rest).group())
    if NP_OBJECT_VERB.match(verb):
        return -1
    adjunct = _DATE_ADJUNCT.match(rest)
    # The adjunct reader is greedy about capitalised words: stop at the statement's subject.
    position = adjunct.end() if adjunct else 0
    words = list(re.finditer(r"\S+", rest[:position]))
    for word in words:
        token = word.group().rstrip(",:")
        if token.lower() in {
            "on",
            "in",
            "at",
            "after",
            "before",
            "during",
            "to",
            "with",
            "last",
            "this",
            "here",
            "late",
            "early",
            "again",
            "also",
            "publicly",
            "separately",
            "later",
            "earlier",
            "that",
        }:
            continue
        if re.match(
            r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d.*|[A-Z][a-z]{2}\.?|January|February|March|April|May|June|July|August|September|October|November|December|yesterday|today)$",
            token,
        ):
            continue
        if (
            word.start() > 0
            and rest[word.start() - 1 : word.start()] == " "
            and _is_adjunct_noun(rest, word)
        ):
            continue
        return verb_end + word.start()
    return verb_end + position


ADJUNCT_WORDS = frozenset(
    words(
        """
    on in at after before during to with of for from by over via a an the his her their its
    day night morning evening afternoon week month year hours minutes earlier later late
    early yesterday today again also separately publicly repeatedly here there last this
    previously once twice interview statement conference news briefing meeting talks summit
    call video address speech television broadcast reporters journalists media lawmakers
    parliament chat message messages post session press separate local state joint televised
    weekly daily annual brief one two three four five six several long lengthy first second
    phone however though nonetheless nevertheless now still recently reportedly privately
    openly firmly broadcaster broadcasters channel radio network newspaper agency programme
    program show podcast aired published released recorded broadcast final closing opening
    sidelines plenary according citing
    """
    )
)
# Verbs of saying that, with no "that" after them, take what they name as the statement.
NP_OBJECT_VERB = re.compile(
    r"^(?:signalled|signaled|signals|hinted|demanded|demands|announced|announces|reiterated|"
    r"reiterates|repeated|confirmed|denied|promised|reaffirmed|reaffirms|suggested|suggests)$"
)


_CIRCUMSTANCE = re.compile(
    r"^\s*(?:in|at|on|after|before|during|to|via|through|with|late|early|later|earlier|"
    r"outside|inside|near|while|from|ahead\s+of)\b",
    re.IGNORECASE,
)
FINITE = re.compile(
    r"\b(?:is|are|was|were|would|will|had|has|have|could|can|must|should|that)\b", re.I
)


_TOLD = re.compile(r"^(?:told|tells|tell)$")


# "told the delegates that …": whom one tells, not a noun "that" qualifies.
_AUDIENCES = (
    r"delegates|delegations|leaders|journalists|reporters|ministers|counterparts|lawmakers|"
    r"senators|audience|conference|summit|forum|chamber|parliament|house|media|press|nation|"
    r"public|allies|partners|guests|students|diplomats|crowd|committee|panel|commission|"
    r"hearing|congress|senate|council|assembly|cabinet|meeting|briefing"
)
_PLACE_BEFORE = re.compile(r"\b(?:outside|inside|in|at|near|from|on)\s+$", re.IGNORECASE)


def told_whom(verb: str, words: str) -> bool:
    """Whether ``words`` after "told" say only whom, when and where ("told a packed hall at
    the Centre on Tuesday")."""
    return bool(_TOLD.match(verb)) and _recipient(words)


def _recipient(words: str) -> bool:
    """Whether the words between "told" and "that" can be whom the speaker told, with when
    and where: a short phrase with no verb of its own, not ending in a noun "that" qualifies
    ("told reporters the deal that Putin offered …")."""
    # "told Polish reporters in Warsaw, before flying to Rome, that …": an aside of when.
    words = re.sub(r",\s*(?:before|after|while|when)\s+\w+ing\b[^,]*,", " ", words)
    if len(words.split()) > 12 or FINITE.search(words) or "," in words:
        return False
    # "told reporters outside his hotel that …": a place; "told reporters the deal that …" is
    # a noun "that" qualifies.
    noun = re.search(r"\b(?:the|a|an|this|his|her|their|its)\s+[a-z][\w'’-]*\s*$", words)
    time = re.search(r"\b(?:morning|afternoon|evening|night|week|weekend|month|year)\s*$", words)
    audience = re.search(rf"\b(?:{_AUDIENCES})\s*$", words)
    return not noun or bool(time or audience or _PLACE_BEFORE.search(words[: noun.start()]))


def adjuncts_only(words: str) -> bool:
    """Whether the words between a verb and "that" only say when, where or to whom: known
    adjunct words, or a short phrase opening with a preposition ("in his nightly address")."""
    if _CIRCUMSTANCE.match(words) and len(words.split()) <= 16 and not FINITE.search(words):
        return True
    for word in re.findall(r"\w[\w'’.-]*", words):
        word = word.rstrip(".")
        if word.lower() in ADJUNCT_WORDS or word[0].isupper() or word[0].isdigit():
            continue
        return False
    return True


def _is_adjunct_noun(rest: str, word: re.Match) -> bool:
    """Words of "in an interview with local media", "told reporters": not the statement."""
    before = rest[: word.start()].split()
    token = word.group().rstrip(",:").lower()
    if token in {
        "reporters",
        "journalists",
        "media",
        "lawmakers",
        "parliament",
        "cnn",
        "nbc",
        "cbs",
    }:
        return True
    return (
        bool(before)
        and before[-1].lower()
        in {"in", "at", "after", "to", "with", "during", "a", "an", "the", "local", "state"}
        and token
        in {
            "interview",
            "statement",
            "conference",
            "news",
            "briefing",
            "meeting",
            "talks",
            "summit",
            "call",
            "video",
            "address",
            "speech",
            "television",
            "media",
            "a",
            "an",
            "the",
            "local",
            "state",
            "reporters",
            "journalists",
        }
    )
