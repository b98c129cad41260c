"""How sure the rules are of a suggested speaker, party or date, by the kind of evidence that
gave it, and what happens to the suggestions they are unsure of.

Editors trust what the form holds, so only sure suggestions fill it in. The others are offered
beside the statement ("possible: …", with the evidence) for the editor to accept in one click,
and the field stays blank. A kind of evidence is sure when the rules it stands for were
essentially never wrong on the evaluation set and the held-out articles (README, "Extraction
accuracy"); every kind not listed here is unsure, so a new rule starts out as an offer.
"""

import datetime
from dataclasses import dataclass

SURE, UNSURE = "sure", "unsure"

# The speaker named in the attribution and found in the record; a pronoun or a statement
# continued in a paragraph that has had one speaker so far, or that opened with one person,
# or that opens a paragraph after one whose only speaker it is ("previous");
# an interview's interviewee; a transcript's speaker, named by the label of the turn
# ("FIDAN: …"); a person the record lacks, proposed from the full name the attribution
# gives, and that name again; the original speaker of relayed words ("Ushakov said Putin had
# told Witkoff that …"); the one person the article has named who holds the post a
# description gives ("the vice-president", "the German chancellor"). Unsure: a pronoun
# reaching back further or over several speakers, or to someone only mentioned before; a
# description no post matches.
SURE_SPEAKERS = frozenset(
    {
        "named",
        "pronoun-paragraph",
        "pronoun-mentioned",
        "continuation-paragraph",
        "pronoun-previous",
        "continuation-previous",
        "interviewee",
        "turn",
        "new",
        "new-again",
        "relayed-named",
        "title",
        # "Claire Duvernois has been France's foreign minister …" opening an interview whose
        # headline or turns ("Duvernois: …") give her surname: someone new, named twice.
        "interviewee-new",
    }
)
# Where a party comes from, when sure: the role in the record of a speaker named surely, or
# the title or demonym of the speaker's own attribution ("Russian Foreign Minister …",
# "the Kremlin said", "British Defence Secretary John Healey"), also for a new person (as
# first named, the institution of the title, the only party around the name) and for the
# original speaker of relayed words.
SURE_PARTY_SOURCES = frozenset(
    {
        "role",
        "title",
        "subject",
        "new-title",
        "new-again",
        "new-institution",
        "new-around",
        "relayed-role",
        "relayed-subject",
        "interviewee-new",
    }
)
# A day the statement's own sentence gives ("on Wednesday", "March 11"), that the same
# speaker's statement above it or an earlier sentence of its paragraph gives, or the day of
# the occasion the report opens with ("talks in Moscow on Tuesday"), unless the statement
# was made on another ("a day after Lavrov said …"); the day a sentence about the speaker just
# before gives ("Dmitriev picked up the thread on Friday. In an interview, he said …").
# Unsure: a day carried from another speaker; the report's own date for a claim it relays;
# approximate and month dates.
SURE_DATES = frozenset(
    {"own", "own-after-lead", "speaker-above", "paragraph-earlier", "occasion", "speaker-mentioned"}
)


def tier(field: str, kind: str) -> str:
    """SURE or UNSURE for a suggestion of ``field`` whose evidence is of ``kind``."""
    if field == "speaker":
        # "continuation-paragraph/named": carried from a speaker named outright.
        sure = all(part in SURE_SPEAKERS for part in kind.split("/"))
    elif field == "party":
        # "pronoun-paragraph/role": the party of the speaker a pronoun stands for.
        *speakers, source = kind.split("/")
        sure = source in SURE_PARTY_SOURCES and all(k in SURE_SPEAKERS for k in speakers)
    else:
        sure = kind in SURE_DATES
    return SURE if sure else UNSURE


@dataclass
class Offer:
    """A suggestion the rules are unsure of: shown with its evidence, not filled in."""

    field: str  # "speaker", "party" or "date"
    label: str  # what is offered, as the editor reads it
    evidence: str
    kind: str
    # GET parameters that fill the field in on the add form.
    values: dict[str, str]
    # The value itself, for the evaluation to judge.
    value: object = None
    precision: str = ""


def hold_back(draft) -> None:
    """Move every unsure speaker, party and date of ``draft`` from its fields to its offers."""
    kinds = draft.kinds
    if kinds["date"] in {"speaker-above", "speaker-mentioned"} and (
        tier("speaker", kinds["speaker"]) == UNSURE
    ):
        # The day the same speaker spoke above, or was named with, is as sure as who the
        # speaker is.
        kinds["date"] += "-unsure"
    if (draft.speaker or draft.new_speaker) and tier("speaker", kinds["speaker"]) == UNSURE:
        draft.offers.append(_speaker_offer(draft))
        draft.speaker = draft.new_speaker = draft.role = None
    if draft.party is not None and tier("party", kinds["party"]) == UNSURE:
        party = draft.party
        draft.offers.append(
            Offer(
                "party",
                str(party),
                draft.evidence.get("party", ""),
                kinds["party"],
                {"party": str(party.pk)},
                value=party,
            )
        )
        draft.party = draft.role = None
    if draft.stated_on is not None and tier("date", kinds["date"]) == UNSURE:
        day, precision = draft.stated_on, draft.date_precision
        values = {"stated_on": day.isoformat()}
        if precision and precision != "day":
            values["stated_on_precision"] = precision
        draft.offers.append(
            Offer(
                "date",
                _day_label(day, precision),
                draft.evidence.get("date", ""),
                kinds["date"],
                values,
                value=day,
                precision=precision,
            )
        )
        draft.stated_on, draft.date_precision = None, ""


def _speaker_offer(draft) -> Offer:
    evidence = draft.evidence.get("speaker", "")
    if draft.speaker is not None:
        values = {"speaker": str(draft.speaker.pk)}
        if draft.role is not None:
            values["role"] = str(draft.role.pk)
        return Offer(
            "speaker", draft.speaker.name, evidence, draft.kinds["speaker"], values, draft.speaker
        )
    new = draft.new_speaker
    label = f"new person: {new.name}" + (f", {new.title}" if new.title else "")
    values = {"new_speaker": new.name, "new_speaker_role": new.title}
    return Offer("speaker", label, evidence, draft.kinds["speaker"], values, new)


def _day_label(day: datetime.date, precision: str) -> str:
    if precision == "month":
        return day.strftime("%B %Y") + " (month)"
    if precision == "approximate":
        return f"about {day:%a} {day.day} {day:%b %Y} (approximate)"
    return f"{day:%a} {day.day} {day:%b %Y}"
