"""Reported speech: whose words a clause relays ("Putin has said that …, Witkoff told CNN",
"X said …, the agency reported"), and what another is said to want or to have done."""

import re

from positions.editorial.clauses import OUTLET_WORDS, Clause, read_clauses, splits, trim
from positions.editorial.names import TITLE_WORDS
from positions.editorial.reporting_verbs import SPEECH, STANCE, TO_TAKERS


def read_sentence(sentence: str, start: int) -> list[Clause]:
    """The statements a sentence attributes (empty when it attributes none), each with the
    speaker whose words it relays, if any."""
    clauses = read_clauses(sentence, start)
    for clause in clauses:
        _find_original(clause)
    return clauses


# "… were told that …": what was said, by someone the words before do not name.
_TOLD_PASSIVE = re.compile(r"^[^,“”\"]{0,80}?\b(?:was|were|been)\s+told\s+that\s+")
# "Witkoff had been told by Russian officials in Moscow last week that …": theirs, first.
_TOLD_BY = re.compile(
    r"^[^,“”\"]{0,80}?\b(?:was|were|been)\s+told\s+by\s+(?P<who>[^,“”\"]{2,60}?)\s+"
    r"(?:(?:in|at|during|on|last)\s+[^,“”\"]{1,40}?\s+)?that\s+"
)
# "said on Thursday that …": when, between the verb and its statement.
_WHEN = r"(?:(?:late\s+|early\s+)?(?:on|last)\s+\w+\s+)?"
# "had told him in January that …": when, after whom.
_WHEN_TOLD = r"(?:(?:in|on|last|during|at)\s+(?:[\w'’-]+\s+){1,4}?(?=that\s))?"
_ORIGINAL = re.compile(
    # "President Vladimir Putin, in their meeting last month, had indicated that …".
    rf"^(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})(?:,\s+[^,“”\"]{{1,60}},)?\s+"
    rf"(?:(?:has|had|have|also|once|again|repeatedly|long)\s+)*"
    # "officials were told that …": who was told is not who said it.
    # Not over "…, who": "Europe must act together and thanked Macron, who told him that …"
    # is no saying of Europe's.
    rf"(?:(?!who\b)[\w'’,-]+\s+){{0,8}}?(?<!was\s)(?<!were\s)(?<!been\s)(?P<verb>{SPEECH})\s+{_WHEN}"
    # "… that …", or "Putin had told him Moscow would …": a pronoun object, "that" left out;
    # "Putin told U.S. envoy Steve Witkoff (during their meeting last week) that …": whom he
    # told, perhaps when and where, then "that".
    rf"(?:that\s+|(?:him|her|them|us|me)\s+{_WHEN_TOLD}(?:that\s+)?|"
    rf"(?<=told\s)(?:[\w.'’-]+\s+){{1,14}}?that\s+)"
)


_ORIGINAL_STANCE = re.compile(
    # "the Americans had promised to …": a side named by its demonym.
    # "Türkiye and Ukraine supported …": two sides at once.
    rf"^(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}"
    rf"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})?)"
    rf"\s+(?:(?:has|had|have|also)\s+)*"
    rf"(?P<verb>{STANCE}|{TO_TAKERS}|promised(?=\s+to\b))\b"
)


# "Putin wants the whole of Donbas, Witkoff added": what another is said to want.
# "Putin, in their Monday meeting, was prepared to …": with an aside on when or where.
_ORIGINAL_WANT = re.compile(
    r"^(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:,\s+[^,“”\"]{1,60},)?\s+"
    # 'President Putin "remains ready …"': the quotation opening on the verb.
    r"[\"“]?(?:still\s+)?(?P<verb>wants|wanted|(?:is|was|remains|remained)\s+"
    r"(?:ready|prepared|open|willing))\b"
)
# "… was ready", "… remained open": what another is ready for.
READY = frozenset(
    {
        f"{verb} {state}"
        for verb in ("is", "was", "remains", "remained")
        for state in ("ready", "prepared", "open", "willing")
    }
    # "… ответил, что президент России по-прежнему готов к ней".
    | {"готов", "готова", "готовы", "готовий", "готові", "открыт", "відкритий"}
)
WANTING = READY | {"wants", "wanted", "хочет", "хоче", "по мнению"}


# "Kremlin aide Yuri Ushakov said Moscow …, the RIA news agency reported": an outlet relays
# a named speaker's words, "that" left out.
_RELAYED_BY_OUTLET = re.compile(
    r"^(?P<who>(?:[A-Z][\w'’.-]*\s+|[a-z]+\s+){0,6}?[A-Z][\w'’.-]*)\s+(?:(?:has|had|also)\s+)?"
    r"(?P<verb>said|says|added|stressed|warned|insisted|noted|argued|claimed|stated)\s+"
    rf"{_WHEN}(?:that\s+)?"
)
# "Putin had also said Russia was open …, Ushakov said": the pluperfect marks words relayed.
_RELAYED_EARLIER = re.compile(
    # "She said he had also told her that …": a pronoun for whoever she reports, when the one
    # told is the speaker, not the one telling.
    r"^(?:(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})|"
    r"(?P<pronoun>he(?=\s+had\s+(?:also\s+|already\s+)?told\s+(?:her|me|us)\b)|"
    r"she(?=\s+had\s+(?:also\s+|already\s+)?told\s+(?:him|me|us)\b)))\s+had\s+"
    r"(?:also\s+|already\s+)?"
    rf"(?P<verb>said|told\s+(?:him|her|them|us|me))\s+{_WHEN}(?:that\s+)?"
)


# "he had spoken by phone with Russian Foreign Minister Sergey Lavrov, who told him that …":
# words relayed from the person a relative clause names, in a conversation with the reporter.
_RELAYED_RELATIVE = re.compile(
    r"\b(?:spoke|spoken|talked|met|meeting|call|phone|conversation)\b[^,“”\"]*?"
    r"\b(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}),\s+who\s+(?:had\s+)?"
    # '…, who "confirmed that France is ready …"': in the relative clause's own words.
    r"[\"“]?(?P<verb>told\s+(?:him|her|them|us|me)|confirmed|assured\s+(?:him|her|them))\s+"
    r"(?:that\s+)?"
)


# "She dismissed remarks by Kirill Dmitriev, the Kremlin's envoy, who said in an interview on
# Sunday that …": the words are the remarks' author's, whoever answers them.
_REMARKS_BY = re.compile(
    r"\b(?:remarks|comments|words|claims|statements?|suggestions?)\s+(?:by|of|from)\s+"
    r"(?:[a-z]+\s+){0,3}?(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})(?:,\s+[^,“”\"]{1,80})?"
    r",\s+who\s+(?:had\s+|has\s+)?(?P<verb>said|argued|claimed|wrote|told\s+[\w.'’-]+)\s+"
    r"(?:[\w'’-]+\s+){0,6}?that\s+"
)


# "Ukrainian forces, Peskov said Putin had told the American envoy, would first have to …":
# an aside relaying whose words the rest of the sentence gives.
_RELAYED_ASIDE = re.compile(
    r"^(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:had\s+)?"
    r"(?P<verb>told(?:\s+[\w.'’-]+){0,5}|said),\s+"
    r"(?=(?:would|will|must|could|should|had|has|was|were|is|are|did|does|can)\b)"
)


_DEEPER_SAID = re.compile(
    r"^(?P<who>(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)\s+(?:had\s+)?(?P<verb>said|told)\b"
)


def _relayed_by_outlet(clause: Clause) -> re.Match | None:
    outlet = clause.verb == "reported" or bool(
        {word.lower() for word in clause.subject.split()} & OUTLET_WORDS
    )
    return _RELAYED_BY_OUTLET.match(clause.quote) if outlet else None


def _find_original(clause: Clause) -> None:
    """Reported speech: "Putin has said that …" inside what another reports; or a reported
    stance, "Russia agreed at Friday's summit to …", whose words stay the quote."""
    if clause.kind not in {"reported", "stance"}:
        return
    if told := _TOLD_BY.match(clause.quote):
        clause.original = told.group("who")
        clause.original_start = clause.start + told.start("who")
        clause.original_verb = "told"
        clause.quote, clause.start = trim(clause.quote[told.end() :], clause.start + told.end())
        return
    if told := _TOLD_PASSIVE.match(clause.quote):
        inner, at = trim(clause.quote[told.end() :], clause.start + told.end())
        clause.quote, clause.start = inner, at
        return
    match = (
        _ORIGINAL.match(clause.quote)
        or _relayed_by_outlet(clause)
        or _RELAYED_EARLIER.match(clause.quote)
        or _RELAYED_ASIDE.match(clause.quote)
        or (clause.kind == "reported" and _RELAYED_RELATIVE.search(clause.quote))
        or _REMARKS_BY.search(clause.quote)
    )
    if not match:
        stance = None
        if clause.kind == "reported":
            stance = _ORIGINAL_STANCE.match(clause.quote) or _ORIGINAL_WANT.match(clause.quote)
        if stance:
            clause.original = stance.group("who")
            clause.original_start = clause.start + stance.start("who")
            clause.original_verb = stance.group("verb")
        return
    who = "pronoun" if match.groupdict().get("pronoun") else "who"
    clause.original = _whole_subject(clause.quote[: match.start("verb")]) or match.group(who)
    clause.original_start = clause.start + match.start(who)
    clause.original_verb = match.group("verb").split()[0]
    inner, at = trim(clause.quote[match.end() :], clause.start + match.end())
    clause.quote, clause.start = inner, at
    clause.parts = splits(clause) + [p for p in clause.parts if p[1] >= at + len(inner)]
    if deeper := _ORIGINAL.match(inner):
        # "Witkoff had told him that Putin had said that …": the first to say it, two deep.
        clause.original = _whole_subject(inner[: deeper.start("verb")]) or deeper.group("who")
        clause.original_start = at + deeper.start("who")
        clause.original_verb = deeper.group("verb").split()[0]
        clause.quote, clause.start = trim(inner[deeper.end() :], at + deeper.end())
        clause.parts = splits(clause)
    elif deeper := _DEEPER_SAID.match(inner):
        # "Witkoff had told him that the Russian leader said …": a third person's words,
        # whoever they are.
        clause.original = deeper.group("who")
        clause.original_start = at
        clause.original_verb = deeper.group("verb")
    elif wanting := _ORIGINAL_WANT.match(inner):
        # "Trump had told him Zelenskyy was open to …": whose stance, if another person's,
        # reading.py decides.
        clause.deeper = (wanting.group("who"), at + wanting.start("who"), wanting.group("verb"))


def _whole_subject(head: str) -> str:
    """ "Kremlin spokesman Dmitry Peskov (has) said …": the subject with its title, when the
    words before the verb are only that (names and title words)."""
    head = re.sub(r"(?:\s+(?:has|had|have|also|once|again|repeatedly|long))+\s*$", "", head)
    words = head.split()
    if not words or len(words) > 8 or not words[0][0].isupper():
        return ""
    ok = all(w[0].isupper() or w.lower() in TITLE_WORDS | {"of"} for w in words)
    return head.strip() if ok else ""
