"""Cues for a statement's move and stance, each with the words it was read from.

They are suggestions: the move is prefilled for the editor to check, the stance cue is only
shown, and nothing is saved without the editor's choice. A word that merely mentions someone
else's move ("the proposed limits", "American proposals") is no cue.
"""

import re
from dataclasses import dataclass

from positions.models.choices import Move

# First match wins; a refusal outranks the words it refuses ("We cannot agree to this").
_MOVE_RULES = (
    (Move.ALTERNATIVE, re.compile(r"\b(?:alternative|instead of|rather than)\b", re.I)),
    (
        Move.RED_LINE,
        re.compile(
            r"\b(?:never|cannot|can't|can not|must not|"
            # "will not accept", not "will not derail" (a forecast, no refusal)
            r"(?:will|would|won't|wouldn't|do|does|did)(?: not)? (?:accept|agree|allow|"
            r"tolerate|give up|withdraw|leave|recognise|recognize|sign|cede|trade|do it|"
            r"work)\b|not (?:accept|agree|allow|tolerate|give up)|no veto|unacceptable|red line|"
            r"ruled? out|rules out|categorically|not on the table|"
            r"only\b[^,;.]{0,40}?\b(?:if|after|once|when)\b|"
            r"but only|no (?:\w+ )?boots|impossible|legitimate target)",
            re.I,
        ),
    ),
    (
        Move.OPENNESS,
        re.compile(
            r"\b(?:open to|ready to|ready for|willing(?:ness)? to|prepared to|stood ready|"
            r"stands ready|could be considered|would consider|does not rule out|"
            r"could form the basis)\b",
            re.I,
        ),
    ),
    (
        Move.DEMAND,
        re.compile(
            r"\b(?:must|demand(?:s|ed)?|insist(?:s|ed)?|has to|have to|had to|needs? to|"
            r"we need|should|calls? (?:on|for)|calling (?:on|for)|urged?|expects?|expected)\b",
            re.I,
        ),
    ),
    (
        Move.PROPOSAL,
        re.compile(
            r"\b(?:we propose|proposes|offered to|offers to|suggests?|would contribute|"
            r"would lead|includes? a|would help|plan (?:includes|would))\b",
            re.I,
        ),
    ),
)
_AGAINST = re.compile(
    r"\b(?:never|cannot|will not|won't|would not|not accept|reject\w*|ruled? out|unacceptable|"
    r"oppos\w+|no veto|impossible|not on the table|dismiss\w*|not (?:going to )?happen)\b",
    re.I,
)
_FOR = re.compile(
    r"\b(?:supports?|ready to|open to|willing to|must|demand\w*|insist\w*|welcome\w*|"
    r"backs?|in favour|wants?|need)\b",
    re.I,
)


@dataclass(frozen=True)
class Cue:
    value: str
    evidence: str


def move_cue(quote: str, verb: str = "") -> Cue | None:
    """The move a statement's words suggest, and the words; None when none stands out."""
    for move, pattern in _MOVE_RULES:
        if match := pattern.search(quote):
            return Cue(move, f"“{match.group()}” in the quote")
    if re.match(r"^(?:rejected|rejects|ruled out|rules out|refused|refuses)$", verb):
        return Cue(Move.RED_LINE, f"the verb “{verb}”")
    if re.match(r"^(?:offered|offers|proposed|proposes)$", verb):
        return Cue(Move.PROPOSAL, f"the verb “{verb}”")
    if re.match(
        r"^(?:demanded|demands|insisted|insists|urged|urges|called for|pressed for)$", verb
    ):
        return Cue(Move.DEMAND, f"the verb “{verb}”")
    return None


def stance_cue(quote: str, verb: str = "") -> Cue | None:
    """Whether the words lean for or against what they are about; the editor decides."""
    text = f"{verb} {quote}"
    against, support = _AGAINST.search(text), _FOR.search(text)
    if against and not (support and support.start() < against.start()):
        return Cue("against", f"“{against.group()}”: check which proposition it is against")
    if support:
        return Cue("for", f"“{support.group()}”: check which proposition it is for")
    return None
