"""When each statement of an article was made: its own date, else one carried from the same
speaker, paragraph or occasion, else blank with the reason. The reasoning is kept with each."""

import bisect
import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from positions.editorial import cyrillic, dating
from positions.editorial.attribution import FOR_ANOTHER, Speaker
from positions.editorial.clauses import Clause, strip_dateline
from positions.editorial.names import words
from positions.editorial.relayed import WANTING
from positions.editorial.reporting_verbs import SPEECH_VERB, VERB

DAY, MONTH, APPROXIMATE = "day", "month", "approximate"
# Precisions that give a date to suggest; any other finding explains a blank.
DATED = (DAY, MONTH, APPROXIMATE)
# Another occasion than the one the sentence before spoke of: its date is not carried.
_OTHER_OCCASION = re.compile(
    r"\b(?:separate interview|separately|previously|in a statement|wrote on|posted on|in a post|"
    r"on social media)\b|^(?:In|From) [A-Z][a-z]+,|"
    # "The ministers spoke a day after Lavrov said …": his words came before the occasion.
    r"(?i:\b(?:a|one|two|three|\d+)\s+(?:day|days|week|weeks)\s+(?:after|before)\b|"
    r"\bhours\s+(?:after|before)\b|\bthe\s+day\s+before\b)|"
    # "…, a Downing Street spokesman said later": after the occasion, on a day not given.
    r"\b(?:said|added|told\s+\w+)\s+later\b|\blater\s+(?:said|added|told)\b",
)
_OWN_CHANNEL = re.compile(
    # "in his nightly video address", not "… address NATO's expansion".
    r"\b(?:(?:his|her|their|an?|the|nightly|evening|video|televised|weekly|daily)\s+"
    r"(?:[\w-]+\s+){0,2}address|post|posts|statement|wrote|posted|written|on Telegram|on X|"
    r"on social media)\b"
    # "в своём Telegram-канале", "у своєму телеграм-каналі": the speaker's own; not "на допис
    # Медведєва в соцмережах".
    r"|(?i:(?<![\w-])(?:в|у)\s+(?:своём|своем|своєму)\s+(?:telegram|телеграм)-канал\w*"
    # "в беседе со «Столичным курьером»": words given to an outlet, on a day not given.
    r"|(?<![\w-])(?:в беседе|в комментарии|у коментарі|у розмові)\s+(?:с|со|для|з|зі|із)?\s*«)"
)
_EVENT = re.compile(
    r"\b(?:summit|talks|meeting|news conference|press conference|call|by phone|session|"
    r"visit|negotiations|interview|interviewed|debate|hearing|briefing|forum|panel|"
    r"conference|dinner|lunch|breakfast|reception|(?<!land )(?<!territorial )swap|"
    # "questions from the Commons Foreign Affairs Committee on Tuesday": a hearing, not the
    # committee as a speaker ("the International Committee of the Red Cross said").
    r"(?:before|told|from|addressed|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}committee|"
    # "на спільній пресконференції", "на брифинге", "во время переговоров".
    r"(?:пресконференц|прес-конференц|пресс-конференц|брифінг|брифинг|переговор|саміт|"
    r"саммит|зустрі|встреч|встрет|засідан|заседан|совещани|нарад|візит|визит|інтерв|интервью|"
    r"дебат)\w*|"
    # "told a packed hall at the Centre … on Tuesday": an audience one speaks to.
    r"(?:told|addressed|spoke to|speaking to)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:hall|audience)|"
    # "We spoke to him in Ankara on Monday": the outlet's own interview.
    r"(?:we|I)\s+(?:spoke|talked|met))\b",
    re.IGNORECASE,
)
# How many words may lie between an event and its date ("a news conference with Ukrainian
# President Volodymyr Zelenskiy in Kyiv on Thursday"), and between the event and another day.
_NEAR = 12
_NEAR_OTHER = 8
# A line that ends as a sentence does; headlines, bylines and captions do not.
TERMINAL = re.compile(r"[.!?][\"”’)]*\s*$|[\"”]\s*$")


@dataclass
class Found:
    """A clause as read, while its date is worked out from its neighbours."""

    clause: Clause
    proposal: object  # the sentence's Proposal
    speaker: Speaker
    own: dating.DateFinding | None = None
    blocked: str = ""  # why no other statement's date may be carried to this one
    reporter: Speaker | None = None
    # The sentence around the quote and the one before it in the paragraph, for topics.
    context: str = ""
    # The date of the reporter's own words, when the statement is reported speech.
    reporter_date: dating.DateFinding | None = None
    day: datetime.date | None = None
    precision: str = ""
    reasoning: str = ""
    # What kind of evidence gave the day (confidence.py ranks them).
    date_kind: str = ""
    # The sentence that attributes the statement, when not its own ("Об этом заявила …").
    told_in: object = None
    # Whether its own day is that of something the speaker recalls ("said he had spoken …").
    recalled: bool = False
    # The day carried to it from another sentence, when not from another statement.
    mentioned: dating.DateFinding | None = None


def occasion(proposals: list, published, found: list[Found] = ()) -> dating.DateFinding | None:
    """The dated event the report's first paragraph describes ("talks … on Friday"), if any."""
    if published is None:
        return None
    # An event a statement speaks of ("said on Thursday that a new meeting …") is no occasion.
    spoken = [
        (item.clause.start, item.clause.start + len(item.clause.quote))
        for item in found
        if item.clause.kind in {"reported", "quoted"}
    ]
    body = [p for p in proposals if p.body]
    if not body:
        return None
    if sum(1 for p in proposals if _TIMESTAMP.match(p.sentence.text)) >= 2:
        why = (
            f"an entry of a live page published {published:%a} {published.day} "
            f"{published:%b %Y}: its entries are of that day unless they say otherwise"
        )
        return dating.DateFinding(LIVE_PAGE, 0, 0, published, DAY, why)
    first = [p for p in body if p.paragraph == body[0].paragraph]
    opening = [item for item in found if item.proposal.paragraph == body[0].paragraph]
    if opening and opening[0].reporter is not None:
        # A report opening with relayed words ("…, Witkoff said") dates those, not an occasion.
        return None
    for proposal in first:
        sentence = proposal.sentence.text
        skip = strip_dateline(sentence)
        text = sentence[skip:]
        at = proposal.sentence.start + skip

        def side(offset, at=at):
            # Which statement's words an offset is in, if any: a date and an event on either
            # side of a quote's edge are not one ("said on Thursday that a meeting …").
            return next((n for n, (s, e) in enumerate(spoken) if s <= at + offset < e), None)

        # "ahead of talks on Friday", "напередодні нового раунду переговорів": still to come.
        events = [
            event.start()
            for event in _EVENT.finditer(text)
            if not _AHEAD.search(text[max(0, event.start() - 40) : event.start()])
            # "are expected to carry out a swap on Friday", "a swap planned for Sunday was
            # postponed": not what happened.
            and not (
                event.group().lower() == "swap"
                and _NOT_HELD.search(text[max(0, event.start() - 40) : event.end() + 40])
            )
        ]
        for finding in dating.find_dates(text, published):
            if _SINCE.search(text[: finding.start]):
                # "three interviews given since last Sunday": a span's start, not a day.
                continue
            # The date must be the event's ("talks … on Friday", "at a summit on Monday"),
            # not that of a statement that merely mentions talks.
            near = any(
                (
                    len(text[min(at, finding.start) : max(at, finding.start)].split()) <= _NEAR
                    or _SPEAKING_AT.search(text[:at])
                )
                and side(at) == side(finding.start)
                for at in events
            )
            if finding.precision == DAY and near:
                nearest = min(events, key=lambda at, f=finding: abs(at - f.start))
                event = _EVENT.match(text, nearest).group().lower()
                if spans := _other_days(event, text, finding, body, published):
                    # A summit that "ended on Friday" after a Thursday session: a statement
                    # with no day of its own may be of either, so none is carried.
                    why = (
                        f"Left blank: the {event} the report opens with ran over more than one "
                        f"day ({spans}), and the statement gives no day of its own."
                    )
                    return dataclass_replace(finding, day=None, precision="", reasoning=why)
                if other := _another_saying_day(first, finding, published):
                    # "Путин в четверг провёл совещание … Подробности журналистам в пятницу
                    # сообщил Песков": what was said may be of either day.
                    why = (
                        f"Left blank: the report opens with two days (“{finding.phrase}” and "
                        f"“{other.phrase}”), and the statement gives no day of its own."
                    )
                    return dataclass_replace(finding, day=None, precision="", reasoning=why)
                return dataclass_replace(
                    finding, reasoning=f"the occasion the report opens with: {finding.reasoning}"
                )
    return _dateline_day(first, published, body) if opening else None


# "МОСКВА, 21 февраля. /ТАСС/. …", "КИЇВ, 19 грудня —": a Russian or Ukrainian agency's dateline.
_CYRILLIC_DATELINE = re.compile(
    r"^[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐа-яёіїєґ .'’-]{1,40}[,.]\s*\d{1,2}\s+[а-яёіїєґ]+"
)
# Times a Russian or Ukrainian report gives without a day: this or last week, a weekend, a
# month, "earlier", "repeatedly".
_VAGUE_TIME = re.compile(
    r"(?i)(?<![\w-])(?:на (?:этой|прошлой|минувшей) неделе|в минувшие выходные|на выходных|"
    r"(?:цього|минулого) тижня|на вихідних|ранее|раніше|недавно|нещодавно|неоднократно|"
    r"неодноразово|не раз|(?:в|у)\s+(?:январе|феврале|марте|апреле|мае|июне|июле|августе|"
    r"сентябре|октябре|ноябре|декабре|січні|лютому|березні|квітні|травні|червні|липні|"
    r"серпні|вересні|жовтні|листопаді|грудні))(?![\w-])|"
    r"(?<![\w-])(?:заявлял|говорил|подчеркивал|отмечал|заявляв|говорив|казав|наголошував|"
    r"підкреслював|зазначав)\w*"
)
_TO_REPORTERS = re.compile(r"\bжурналист|\bжурналіст", re.IGNORECASE)


def _dateline_day(first: list, published, body: list) -> dating.DateFinding | None:
    """A Russian or Ukrainian agency report gives no day for what it reports of its dateline's
    day ("МОСКВА, 21 февраля. /ТАСС/. … Об этом заявил Лавров на пресс-конференции"): the
    occasion its first paragraph names is of that day, when the paragraph names no other."""
    opening = first[0].sentence.text
    skip = strip_dateline(opening)
    dateline = _CYRILLIC_DATELINE.match(opening[:skip])
    if not dateline:
        return None
    days = dating.find_dates(dateline.group(), published)
    if not days or days[0].day != published or days[0].precision != DAY:
        return None
    paragraph = " ".join(p.sentence.text for p in first)[skip:]
    after = [p for p in body if p.paragraph == first[0].paragraph + 1]
    if after and cyrillic.ABOUT_THIS.match(after[0].sentence.text):
        # "Київ, 14 травня. … ¶ Про це Зеленський заявив під час пресконференції …": the
        # paragraph that attributes the lead names its occasion.
        paragraph += " " + after[0].sentence.text
    if dating.find_dates(paragraph, published) or _VAGUE_TIME.search(paragraph):
        # "… на переговорах в Эр-Рияде на этой неделе": some other day the report leaves open.
        return None
    # An event still to come ("накануне переговоров") is not the report's occasion.
    events = [
        event
        for event in _EVENT.finditer(paragraph)
        if not _AHEAD.search(paragraph[max(0, event.start() - 40) : event.start()])
    ]
    if not (events or _TO_REPORTERS.search(paragraph)):
        return None
    return dataclass_replace(
        days[0],
        reasoning=(
            f"the dateline “{dateline.group()}”: an agency report that gives no other day is "
            f"of its dateline's, {published:%a} {published.day} {published:%b %Y}"
        ),
    )


# "Rubio said on Wednesday that …, speaking at a joint news conference with …": the event of
# the attribution, however long the words between.
_SPEAKING_AT = re.compile(r"\b(?:speaking|addressing|appearing)\s+(?:[\w-]+\s+){0,3}$")


# "17:55 — Zelenskyy: …": the entries of a live page, each under its time of day.
_TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\b")
# The phrase of the occasion a live page gives its entries.
LIVE_PAGE = "(live page)"


# An event named as lasting, or as ending on the day given: it had other days too.
_LASTING = re.compile(
    r"\b(?:two|three|four|\d)-day\b|\b(?:ended|ending|closed|concluded|wrapped up|began|"
    r"started|opened|continued|resumed)\b",
    re.IGNORECASE,
)


# The occasion a statement's own sentence names: an interview, an address, a post.
_NAMED_OCCASION = re.compile(
    r"\b(?:in|during)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:interview|statement|"
    r"post|podcast|broadcast|address)\b|\b(?:wrote|posted|on Telegram)\b|"
    r"(?<![\w-])(?:в|у)\s+(?:[\w-]+\s+){0,2}(?:інтерв\w*|интервью|звернен\w*|обращени\w*)",
    re.IGNORECASE,
)
_ENDED = re.compile(r"\b(?:ended|closed|concluded|wrapped up|into)\b", re.IGNORECASE)
_ARRIVING = re.compile(r"\b(?:arriving|arrived|on arrival)\b", re.IGNORECASE)
_AHEAD = re.compile(
    r"\b(?:ahead of|before|on the eve of|напередодні|накануне|перед)\b(?:\s+\S+){0,4}\s*$",
    re.IGNORECASE,
)
_OPENING = re.compile(r"(?:began|started|opened)$", re.IGNORECASE)
_ONE_DAY = frozenset({"call", "by phone", "interview", "interviewed", "news conference",
                      "press conference", "briefing", "debate", "hearing"})  # fmt: skip
# "The next press conference is scheduled for Friday": another event, still to come.
_NOT_HELD = re.compile(
    r"\b(?:will|would|expected|planned|scheduled|due to|postponed|called off|cancelled|"
    r"canceled|set to|last)\b",
    re.IGNORECASE,
)
# The kind of a date read from "the same day": unsure, as the day given last may be another's.
SAME_DAY = "-same-day"
_NOT_THAT_DAY = re.compile(r"\s+as\b")
_YEARS_AGO = re.compile(r"\b(?:ago|years?|anniversary)\b", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:next|scheduled|planned|due|will)\b", re.IGNORECASE)


_SINCE = re.compile(r"\b(?:since|until|till|from|начиная с|с тех пор как|з|із)\s*$", re.I)


def _another_saying_day(first: list, finding, published) -> dating.DateFinding | None:
    """Another past day the first paragraph gives for telling something ("Подробности
    журналистам в пятницу сообщил Песков", "told reporters on Friday"), if any."""
    for proposal in first:
        sentence = proposal.sentence.text[strip_dateline(proposal.sentence.text) :]
        for other in dating.find_dates(sentence, published):
            # The day of a saying: its verb at most three words before or after it ("told
            # reporters on Friday", "в пятницу сообщил"), not "arrived on Sunday".
            before = " ".join(sentence[: other.start].split()[-4:])
            after = " ".join(sentence[other.end :].split()[:3])
            said = any(
                verbs.search(part) for verbs in (VERB, cyrillic.VERB) for part in (before, after)
            )
            near = sentence[max(0, other.start - 40) : other.end + 40]
            if (
                other.precision == DAY
                and other.day != finding.day
                and other.day <= published
                and said
                and not _PLANNED.search(near)
            ):
                return other
    return None


def _other_days(event: str, text: str, finding, body: list, published) -> str:
    """What shows an event to span days: the words around its date ("a summit that ended
    on Friday"), or the same event dated another day elsewhere ("addressed the summit on
    Thursday"). Empty when nothing does."""
    around = text[max(0, finding.start - 60) : finding.end]
    lasting = _LASTING.search(around)
    if _ARRIVING.search(around):
        # "Leaders arriving for a two-day summit on Thursday": the day they arrived and spoke,
        # unless the report says when it ended ("… and the talks ran late into Friday").
        lasting = _ENDED.search(text)
    # "talks opened on Tuesday" in a report of that Tuesday: the only day so far.
    only_day = lasting and _OPENING.match(lasting.group()) and finding.day == published
    if lasting and event in around.lower() and not only_day:
        return f"“{lasting.group()} {finding.phrase}”"
    if event in _ONE_DAY:
        # A call or an interview is of one day; another call on another day is another one.
        return ""
    word = re.compile(rf"\b{re.escape(event)}\b", re.IGNORECASE)
    for proposal in body:
        # A dateline's date is the report's, not another day of the event.
        sentence = proposal.sentence.text[strip_dateline(proposal.sentence.text) :]
        for mention in word.finditer(sentence):
            for other in dating.find_dates(sentence, published):
                close = sentence[min(mention.start(), other.start) : max(mention.end(), other.end)]
                if (
                    other.precision == DAY
                    and other.day != finding.day
                    and len(close.split()) <= _NEAR_OTHER
                    and not _PLANNED.search(sentence[max(0, mention.start() - 30) : other.end])
                ):
                    return f"“{finding.phrase}” and “{other.phrase}”"
    return ""


def date_statements(
    found: list[Found], published: datetime.date | None, occasion, proposals=()
) -> None:
    """Each statement's date: its own, else one carried from the same speaker or occasion."""
    if published is None:
        for item in found:
            item.reasoning = "The source has no publication date to read dates against."
        return
    lead = None
    latest = None
    days = _days_given(proposals, published)
    # "The same day, …": the day the text gave last before the sentence, found by bisection.
    sure_days = [(at, finding) for _, at, finding in days if finding.precision == DAY]
    sure_starts = [at for at, _ in sure_days]
    by_paragraph = defaultdict(list)
    for paragraph, at, finding in days:
        by_paragraph[paragraph].append((at, finding))
    for number, item in enumerate(found):
        before = bisect.bisect_left(sure_starts, item.proposal.sentence.start)
        last = sure_days[before - 1][1] if before else None
        _own_date(item, published, latest, last)
        if item.own is not None and item.own.day is not None:
            lead = number if lead is None else lead
            latest = item
    index = _Dated(found)
    interview = _interview_day(found, proposals, published) if index.voiced else None
    # Where the sentences that hold statements start: drafts are made after dating.
    stated = {item.proposal.sentence.start for item in found}
    texts = {proposal.sentence.start: proposal.sentence.text for proposal in proposals}
    # Who spoke above on an occasion of their own (a post, words to an outlet): the report's
    # occasion is not carried to their other words.
    elsewhere: set = set()
    for number, item in enumerate(found):
        sentence = item.proposal.sentence
        if _key(item.speaker) is not None and _OWN_CHANNEL.search(
            _outside(sentence.text, item.clause, sentence.start)
        ):
            elsewhere.add(_key(item.speaker))
        if item.own is not None:
            if item.own.day is None and item.reporter is not None and not item.reasoning:
                item.reasoning = item.own.reasoning
            continue
        if item.blocked:
            item.reasoning = item.blocked
            continue
        if item.speaker.kind == "author" and item.clause.kind in {"answer", "continuation"}:
            # An opinion piece says what its author holds on the day it is published.
            item.day, item.precision, item.date_kind = published, DAY, "author"
            item.reasoning = (
                f"the author's own words, published {published:%a} {published.day} "
                f"{published:%b %Y}"
            )
            continue
        if (blank := _blank_before(found, number)) is not None:
            # "Sybiha said … He urged …": one occasion, so no other statement's date either.
            item.reasoning = blank.reasoning
            continue
        # An interview's answers are of the day its introduction says it was held.
        voiced = interview is not None and item.speaker.kind in VOICES
        source = _carried(found, number, index, lead, interview if voiced else occasion)
        if source is not None and source[1] == "occasion" and _key(item.speaker) in elsewhere:
            item.reasoning = (
                f"Left blank: {item.speaker.name or item.speaker.party} spoke above on an "
                "occasion of their own, and the statement gives no day of its own."
            )
            continue
        if (source is None or source[1] == "occasion" or source[1].startswith("the day of")) and (
            mentioned := _mentioned_day(item, proposals, published, stated, occasion)
            or _mentioned_before(found, number)
        ):
            # "Zakharova had already rejected the proposal at her briefing on Wednesday. /
            # “…,” Zakharova said.": the day given for her just before, not the occasion's;
            # only offered when the statement names an occasion of its own ("…, Lindholm said
            # in a telephone interview"), which may be of another day.
            sentence = item.proposal.sentence
            outside = _outside(sentence.text, item.clause, sentence.start)
            own = _NAMED_OCCASION.search(outside) or _EVENT.search(outside)
            source = (mentioned, "speaker-mentioned-occasion" if own else "speaker-mentioned")
        if (
            source is not None
            and source[1] in {"occasion", "live-page"}
            and (told := _told_before(item, proposals, published, stated))
        ):
            # "У Кремлі візит прокоментували в середу. «…»": the day the paragraph gave just
            # before, not the occasion's.
            source = (told, "paragraph-sentence")
        if (
            source is not None
            and source[1] == "occasion"
            and not voiced
            and (other := _other_day_before(item, by_paragraph, source[0]))
        ):
            # "By Tuesday, Starmer had attached a condition. Britain would …, the prime
            # minister told MPs": the paragraph has moved on from the occasion's day.
            item.reasoning = (
                f"Left blank: the paragraph gives another day than the occasion's "
                f"(“{other.phrase}”), and the statement gives no day of its own."
            )
            continue
        if (
            source is not None
            and source[1] == "occasion"
            and not voiced
            and (later := _later_day_before(item, days, source[0], stated, texts))
        ):
            # "The response from Moscow came on Friday. …/ Lavrov, speaking in Minsk, said …":
            # the report has moved on from the occasion's day.
            item.reasoning = (
                f"Left blank: the report has moved on to a later day than the occasion's "
                f"(“{later.phrase}”), and the statement gives no day of its own."
            )
            continue
        if (
            source is not None
            and item.speaker.kind.endswith(FOR_ANOTHER)
            and (own_day := _day_words_open_with(item, published, source[0]))
        ):
            # "За словами Сибіги, у вівторок президент доручив …": the president's words
            # are of the day they give, the minister's account of another.
            item.reasoning = (
                f"Left blank: the words give a day of their own (“{own_day.phrase}”), and "
                f"whether they are {item.speaker.name}'s or another's, the editor decides."
            )
            continue
        if source is not None:
            carried, why = source
            if isinstance(carried, dating.DateFinding) and carried.day is None:
                item.reasoning = carried.reasoning
                continue
            if isinstance(carried, dating.DateFinding):
                item.day, item.precision, item.date_kind = carried.day, DAY, why
                item.mentioned = carried
                item.reasoning = (
                    f"the day {item.speaker.name} spoke of it above: {carried.reasoning}"
                    if why == "reporter"
                    else carried.reasoning
                )
                continue
            item.day, item.precision = carried.day, carried.precision
            # A party's statements above may be another official's, on another day.
            above = "speaker-above" if item.speaker.someone else "party-above"
            item.date_kind = _CARRIED_KIND.get(why) or (
                above if why.startswith("the date of") else "lead-party"
            )
            if carried.precision != DAY:
                # "about Wed 11 Aug" carried stays as unsure as it was.
                item.date_kind += f"-{carried.precision}"
            if SAME_DAY in carried.date_kind:
                item.date_kind += SAME_DAY
            item.reasoning = f"{why}: {carried.own.reasoning if carried.own else carried.reasoning}"
            if (
                item.date_kind == "speaker-above"
                and occasion is not None
                and occasion.day == carried.day
                and occasion.precision == DAY
            ):
                # The occasion the report opens with gives the same day: however sure the
                # speaker is, the day is the occasion's.
                item.date_kind, item.reasoning = "occasion", occasion.reasoning
        else:
            item.reasoning = (
                f"Left blank: no date in the sentence or its paragraph, and the report "
                f"(published {published:%a} {published.day} {published:%b %Y}) "
                "may be of a later day."
            )


# Where a carried date came from, by the reason ``_carried`` gives.
_CARRIED_KIND = {
    "given earlier in the paragraph": "paragraph-earlier",
    "given later in the paragraph, for the same speaker": "paragraph-later",
    "occasion": "occasion",
    "live-page": "live-page",
    "the lead sums up the occasion reported below": "lead-sums-up",
}


def _own_date(
    item: Found, published: datetime.date, lead: Found | None, last: dating.DateFinding | None
) -> None:
    """The date the statement's own attribution gives, or why it gives none."""
    clause, sentence = item.clause, item.told_in or item.proposal.sentence
    # "Russia agreed at Friday's summit to …": a stance relayed is dated inside its words;
    # not what another "wants" ("Putin wanted …, and the talks on Tuesday …").
    inside = clause.kind == "stance" or (
        item.reporter is not None
        and not SPEECH_VERB.match(clause.original_verb)
        and not cyrillic.VERB.fullmatch(clause.original_verb)
        and clause.original_verb not in WANTING
    )
    quotes = [] if inside else [(clause.start, clause.start + len(clause.quote))]
    # A dateline's date is when the report was filed, not when anyone spoke.
    skip = strip_dateline(sentence.text)
    text = sentence.text[skip:]
    quote_end = clause.start + len(clause.quote)
    findings = [
        finding
        for finding in dating.find_dates(text, published, sentence.start + skip)
        if not any(start <= finding.start < end for start, end in quotes)
        and not _SPOKEN_OF.search(text[: finding.start - sentence.start - skip][-20:])
        # "…, a position Putin repeated late on Friday": another's words, another date.
        and not (
            finding.start >= quote_end
            and clause.attribution
            and clause.attribution[0][1] <= clause.start
            and VERB.search(
                sentence.text[quote_end - sentence.start : finding.start - sentence.start]
            )
        )
    ]
    if clause.span is not None:
        findings = [f for f in findings if clause.span[0] <= f.start < clause.span[1]]
    findings, relative = _outside_relative(findings, text, sentence.start + skip, clause)
    if any(finding.precision == DAY and not _EVE.match(finding.phrase) for finding in findings):
        # "Напередодні слухань, у понеділок, 2 червня, …": the eve of something, dated.
        findings = [finding for finding in findings if not _EVE.match(finding.phrase)]
    if item.reporter is not None:
        told = [
            f
            for f in findings
            if f.precision == DAY and not clause.start <= f.start < clause.start + len(clause.quote)
        ]
        item.reporter_date = told[-1] if told else None
    if item.reporter is not None and inside:
        dated = [f for f in findings if clause.start <= f.start and f.precision in DATED]
        if dated:
            item.own, item.day, item.precision = dated[0], dated[0].day, dated[0].precision
            item.reasoning = dated[0].reasoning
            item.date_kind = "relayed-inside"
            return
    if item.reporter is not None and clause.original:
        # "Dmitriev, who said in an interview on Sunday that …", "Putin had told him on
        # Tuesday that …": a day between whoever said it first and their words is theirs.
        theirs = [
            f
            for f in findings
            if clause.original_start < f.start < clause.start and f.precision == DAY
        ]
        if theirs:
            item.own, item.day, item.precision = theirs[-1], theirs[-1].day, theirs[-1].precision
            item.reasoning = theirs[-1].reasoning
            item.date_kind = "relayed-own"
            return
    if item.reporter is not None:
        who = item.speaker.name or clause.original
        outlet = not (item.reporter.someone or item.reporter.party)
        dated = [f for f in findings if f.precision in DATED]
        if outlet and dated:
            finding = dated[0]
            item.own = dataclass_replace(
                finding, reasoning=f"the report's own date: {finding.reasoning}"
            )
            item.day, item.precision = finding.day, finding.precision
            item.date_kind = "report-date"
        else:
            item.blocked = (
                f"Left blank: the article does not say when {who} said it"
                + (
                    f"; “{findings[0].phrase}” dates {item.reporter.name or 'the report'}'s account"
                    if findings
                    else ""
                )
                + "."
            )
            item.own = dating.DateFinding("", 0, 0, None, "", item.blocked)
            item.reasoning = item.blocked
        return
    anchor_day = lead.day if lead else published
    for finding in findings:
        same = dating.same_day(finding)
        if same and (
            _NOT_THAT_DAY.match(sentence.text[finding.end - sentence.start :])
            or _YEARS_AGO.search(sentence.text[: finding.start - sentence.start][-30:])
            or clause.start <= finding.start < clause.start + len(clause.quote)
            # No day given before it: the occasion's, if any, is carried instead.
            or last is None
        ):
            # "the same day as the summit", "a year ago on the same day", "proposed holding
            # both votes on the same day": no day the text gave before.
            continue
        if same:
            finding = dating.relative(
                finding, last.day, f"the day given just before, “{last.phrase}”"
            )
        finding = dating.relative(
            finding, anchor_day, "the day reported just before" if lead else "publication"
        )
        if finding.precision in DATED:
            item.own, item.day, item.precision = finding, finding.day, finding.precision
            item.reasoning = finding.reasoning
            # "Starmer said he had spoken to Trump on Sunday and had told him …": the day of
            # what he recalls, not of his saying so; his other words are not dated by it.
            item.recalled = bool(_RECALLED.search(text[: finding.start - sentence.start - skip]))
            # "Umerov, who returned on Thursday, told …": maybe not the day he said it.
            # "The same day, …": the day given last may be another event's; offered.
            item.date_kind = (
                ("own-after-lead" if lead else "own")
                + ("-relative" if relative else "")
                + ("" if finding.precision == DAY else f"-{finding.precision}")
                + (SAME_DAY if same else "")
            )
            return
        if finding.precision == "":
            item.blocked = f"Left blank: {finding.reasoning}."
    perfect = re.search(
        rf"\b(?:has|have)\s+(?:also\s+|long\s+|repeatedly\s+)?{clause.verb}\b", text
    ) or _IMPERFECTIVE.fullmatch(clause.verb.lower())
    # "We have told both sides …" in a speaker's own words is said on the occasion.
    own_words = clause.subject.strip().lower() in {"i", "we"}
    if not item.blocked and clause.verb and perfect and not own_words:
        # "Kyiv has said …": said at some time before, on no occasion the article names.
        item.blocked = f"Left blank: “{perfect.group()}” names no occasion or date."
    if not item.blocked and _OTHER_OCCASION.search(_outside(text, clause, sentence.start)):
        item.blocked = (
            "Left blank: another occasion than the one reported above, and no date is given."
        )


_RECALLED = re.compile(
    r"\b(?:said|told\s+\w+|added|recalled)\s+(?:that\s+)?(?:he|she|they|we|I)\s+"
    # "said she was confident of a backstop and had discussed it with Rubio last week"; not
    # "and had no doubts".
    r"(?:(?:[^,.;“”\"]{0,60}?\s+and\s+)?had\s+(?:\w+ed|spoken|told|met|seen|given|written|"
    r"taken|made|held|won|sent|said)\b|had\s+\w+)"
)
# "Путин неоднократно говорил, что …", "Зеленський заявляв": said before, perhaps often.
_IMPERFECTIVE = re.compile(
    r"(?:заявлял|говорил|подчеркивал|отмечал)(?:а|и)?|"
    r"(?:заявля|говори|наголошува|підкреслюва|зазнача|каза)(?:в|ла|ли)"
)
_EVE = re.compile(r"(?i:накануне|напередодні)$")
_THEN = re.compile(r"\b(?:said|added|told|stated|wrote|declared|insisted)\s+then\b")
_ANONYMOUS_SOURCE = re.compile(
    r"\b(?:condition of anonymity|requested anonymity|asked not to be (?:named|identified)|"
    r"not authori[sz]ed to speak|declined to be (?:named|identified))\b",
    re.IGNORECASE,
)
# "a halt to strikes from September 1": a date the statement speaks of, not when it was made.
# "з 15 вересня запровадити …", "с 1 сентября", "до 20 листопада": the same in Russian and
# Ukrainian.
_SPOKEN_OF = re.compile(
    # Not "By Tuesday, Starmer had …", a sentence's opening: a day gone by.
    r"(?<![\w-])(?:from|until|till|(?-i:by)|starting|beginning|since|з|із|зі|від|до|с|со|по|"
    r"починаючи з|начиная с)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "von der Leyen, who announced on October 2 that …, told the summit on Tuesday": the date of
# what a relative clause recalls.
_RELATIVE = re.compile(r",\s+who\s+[^,]*$")


_NOT_OF_VERB = frozenset(
    words(
        "that which who whom before after until when while since made given held sent put set "
        "done seen taken shown written"
    )
)


def _outside_relative(findings: list, text: str, offset: int, clause: Clause):
    """The findings, less those in a relative clause the statement is not in ("Umerov, who
    returned on Thursday, told …", "“We are ready,” said Umerov, who returned on Thursday")
    when the sentence gives another date; and whether those left are in one. "Zakharova, who
    said on Friday that …" dates its own words."""
    quote_at, quote_end = clause.start, clause.start + len(clause.quote)

    def aside(finding, to_verb: bool = False) -> bool:
        relative = _RELATIVE.search(text[: finding.start - offset])
        if not relative:
            return False
        end = max(finding.end, quote_at)
        if to_verb and quote_at <= offset + relative.start() and clause.verb:
            # "Zelenskyy, who joined Monday's call, had welcomed it on Tuesday": a stance's
            # words start at its subject; the relative clause ends before the verb.
            verb_at = text.find(clause.verb, finding.end - offset)
            end = offset + verb_at if verb_at != -1 else end
        between = text[finding.end - offset : end - offset]
        return "," in between or quote_end <= offset + relative.start()

    def of_verb(finding) -> bool:
        # "had welcomed the statement on Tuesday"; not "rejected the plan that Witkoff
        # presented on Monday", "the plan agreed on Monday", "before the summit on Thursday".
        verb_at = text.find(clause.verb) if clause.verb else -1
        if verb_at == -1 or finding.start - offset < verb_at:
            return False
        between = text[verb_at + len(clause.verb) : finding.start - offset].lower().split()
        return len(between) <= 6 and not any(
            word in _NOT_OF_VERB or word.endswith("ed") for word in between
        )

    outside = [f for f in findings if not aside(f, to_verb=True)]
    if len(outside) < len(findings) and any(of_verb(f) for f in outside):
        return outside, False
    outside = [f for f in findings if not aside(f)]
    return (outside, False) if outside or not findings else (findings, True)


def _blank_before(found: list[Found], number: int) -> Found | None:
    """The same speaker's statement just before in the paragraph, if its date was left blank."""
    item = found[number]
    for other in reversed(found[:number]):
        if other.proposal.paragraph != item.proposal.paragraph:
            return None
        if _same(other.speaker, item.speaker) and (other.speaker.someone or other.speaker.party):
            return other if other.day is None and other.reasoning else None
    return None


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


def _key(speaker: Speaker):
    """Who a statement is by, as the rules compare it: the person, else the party alone."""
    if speaker.person is not None:
        return ("person", speaker.person.pk)
    if speaker.new is not None:
        return ("new", id(speaker.new))
    return ("party", speaker.party.pk) if speaker.party is not None else None


# The speakers of a transcript's turns and an interview's answers.
VOICES = frozenset({"turn", "turn-new", "interviewee", "interviewee-new"})


class _Dated:
    """The statements that give their own date, indexed by paragraph and by speaker, so that
    finding one to carry costs no pass over the whole article."""

    def __init__(self, found: list[Found]):
        # Whether the article gives turns or answers: a transcript or an interview.
        self.voiced = any(item.speaker.kind in VOICES for item in found)
        self.by_paragraph: dict[int, list[int]] = defaultdict(list)
        self.by_speaker: dict[tuple, list[int]] = defaultdict(list)
        self.told: dict[tuple, list[int]] = defaultdict(list)
        for number, item in enumerate(found):
            if item.day is not None and item.own is not None and not item.recalled:
                self.by_paragraph[item.proposal.paragraph].append(number)
                if (key := _key(item.speaker)) is not None:
                    self.by_speaker[key].append(number)
            told = item.reporter is not None and item.reporter_date is not None
            if told and (key := _key(item.reporter)) is not None:
                self.told[key].append(number)

    @staticmethod
    def before(numbers: list[int], number: int) -> int | None:
        at = bisect.bisect_left(numbers, number)
        return numbers[at - 1] if at else None

    @staticmethod
    def after(numbers: list[int], number: int) -> int | None:
        at = bisect.bisect_right(numbers, number)
        return numbers[at] if at < len(numbers) else None


# "The interview, conducted in English and French on Friday", "we sat down with her on Monday".
_INTERVIEW = re.compile(
    r"\b(?:interview|interviewed|sat down with|spoke (?:to|with) us|we spoke|"
    r"we talked|інтерв|интервью)\w*",
    re.IGNORECASE,
)


def _interview_day(found: list[Found], proposals, published) -> dating.DateFinding | None:
    """The day an interview's introduction, above its first answer, gives for it; none when it
    gives none or several."""
    first = next((item for item in found if item.speaker.kind in VOICES), None)
    if first is None:
        return None
    days = {}
    for proposal in proposals:
        if proposal.sentence.start >= first.proposal.sentence.start:
            break
        text = proposal.sentence.text
        for mention in _INTERVIEW.finditer(text):
            for finding in dating.find_dates(text, published):
                close = text[min(mention.start(), finding.start) : max(mention.end(), finding.end)]
                if (
                    finding.precision == DAY
                    and finding.day <= published
                    and len(close.split()) <= _NEAR
                    and not _PLANNED.search(text)
                    # "a day after her phone call with … on Thursday": another event's day.
                    and not re.search(r"\b(?:after|before|since)\b", close)
                ):
                    days.setdefault(finding.day, finding)
    if len(days) != 1:
        return None
    (finding,) = days.values()
    return dataclass_replace(
        finding, reasoning=f"the day the interview's introduction gives: {finding.reasoning}"
    )


# How far a sentence about the speaker may run from their name to its day ("Maria Zakharova,
# had already rejected the proposal at her weekly briefing in Moscow on Wednesday").
_NEAR_MENTION = 20
_WHO = re.compile(r",\s+(?:who|whose|which)\b")
# "went the other way", "picked up the thread", "struck a harder note": taking a turn in a
# debate the report follows.
_TURN = re.compile(
    r"\b(?:went (?:further|the other way)|picked up the thread|struck an? \w+ note|weighed in|"
    r"hit back|took (?:a|the) \w+ line|was (?:more )?blunt(?:er)?|went a step further)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")


def _mentioned_before(found: list[Found], number: int) -> dating.DateFinding | None:
    """The day given for the speaker just before their statement above, when that statement,
    in this paragraph or the one above, was dated by it: "She added …" goes with it."""
    item = found[number]
    for other in reversed(found[:number]):
        if other.proposal.paragraph < item.proposal.paragraph - 1:
            return None
        if _same(other.speaker, item.speaker):
            return other.mentioned if other.date_kind == "speaker-mentioned" else None
    return None


def _surname(speaker: Speaker) -> re.Pattern:
    """The speaker's surname in any of their names, Russian and Ukrainian ones in any case
    ("Захарова", "Захаровой")."""
    names = [speaker.name]
    if speaker.person is not None:
        names += speaker.person.other_names.splitlines()
    stems = set()
    for name in names:
        if not name.strip():
            continue
        last = name.split()[-1]
        cyrillic_name = cyrillic.CYRILLIC.search(last) and len(last) > 5
        stems.add(re.escape(last[:-1]) + r"\w{0,3}" if cyrillic_name else re.escape(last))
    return re.compile(rf"\b(?:{'|'.join(sorted(stems))})\b")


def _mentioned_day(
    item: Found, proposals, published, stated: set[int], occasion
) -> dating.DateFinding | None:
    """The day a sentence without statements just before, in the statement's paragraph or the
    one above, gives next to the speaker's surname ("Kirill Dmitriev picked up the thread on
    Friday. In an interview …, he said …"). ``stated`` holds where the sentences with
    statements start. Only a sentence that names an event, a saying or a turn in the debate
    counts ("had already rejected the proposal at her briefing on Wednesday"), not one of
    arrivals and decrees."""
    if not item.speaker.someone or not item.speaker.name:
        return None
    surname = _surname(item.speaker)
    paragraph = item.proposal.paragraph
    before = [
        proposal
        for proposal in proposals
        if paragraph - 1 <= proposal.paragraph <= paragraph
        and proposal.body
        and proposal.sentence.start < item.proposal.sentence.start
    ]
    for proposal in reversed(before):
        text = proposal.sentence.text[strip_dateline(proposal.sentence.text) :]
        if proposal.sentence.start in stated:
            # Another statement in between: the day is carried from statements, if at all.
            return None
        named = surname.search(text)
        if not named:
            continue
        if not (_EVENT.search(text) or VERB.search(text) or _TURN.search(text)):
            # "Zelenskyy arrived in Washington on Sunday evening": no saying, nor an occasion
            # to say anything at.
            return None
        quoted = [match.span() for match in _QUOTED.finditer(text)]
        days = [
            finding
            for finding in dating.find_dates(text, published)
            if finding.precision == DAY
            and finding.day <= published
            # "where the armies are today": a day in someone's words, not theirs.
            and not any(start <= finding.start < end for start, end in quoted)
            and not _PLANNED.search(text)
            and not _SPOKEN_OF.search(text[: finding.start][-20:])
            and len(
                between := text[
                    min(named.end(), finding.start) : max(named.start(), finding.end)
                ].split()
            )
            <= _NEAR_MENTION
            # "Tykhyi was responding to Zakharova, who said on Friday …": hers, not his.
            and not _WHO.search(" ".join(between))
        ]
        if len({finding.day for finding in days}) != 1:
            return None
        return dataclass_replace(
            days[0],
            reasoning=f"the day given for {item.speaker.name} just before: {days[0].reasoning}",
        )
    return None


def _told_before(item: Found, proposals, published, stated: set[int]) -> dating.DateFinding | None:
    """The day an earlier sentence of the statement's paragraph gives, if one does."""
    sentence = item.proposal.sentence
    days = []
    for proposal in proposals:
        if (
            proposal.paragraph != item.proposal.paragraph
            or proposal.sentence.start >= sentence.start
            or proposal.sentence.start in stated
        ):
            continue
        # A dateline's date is the report's, not a day the paragraph gives.
        text = proposal.sentence.text[strip_dateline(proposal.sentence.text) :]
        days += [
            finding
            for finding in dating.find_dates(text, published)
            # A day gone by, not one to come ("due to start on March 20", "from Monday").
            if finding.precision == DAY
            and finding.day <= published
            and not _PLANNED.search(text)
            and not _SPOKEN_OF.search(text[: finding.start][-20:])
        ]
    return days[-1] if days else None


def _days_given(proposals, published) -> list[tuple[int, int, dating.DateFinding]]:
    """Every day of the past the text gives, with its paragraph and where its sentence starts;
    not a dateline's, nor one a statement speaks of ("from September 1")."""
    days = []
    for proposal in proposals:
        text = proposal.sentence.text
        skip = strip_dateline(text)
        at = proposal.sentence.start
        for finding in dating.find_dates(text[skip:], published, at + skip):
            before = text[: finding.start - at]
            if (
                # "By Tuesday, … had": that day or before; not "last week".
                (finding.precision == DAY or before.endswith("By "))
                and finding.day <= published
                # "The truce is due to start on September 1": a day to come.
                and not _PLANNED.search(text)
                and not _SPOKEN_OF.search(before[-20:])
                # "“On Saturday we were attacked,” he said": a day someone speaks of.
                and not _in_quotation(before)
            ):
                days.append((proposal.paragraph, proposal.sentence.start, finding))
    return days


def _in_quotation(before: str) -> bool:
    """Whether text that ``before`` ends is inside quotation marks it opens."""
    opened = sum(before.count(mark) for mark in "“«") - sum(before.count(mark) for mark in "”»")
    return opened > 0 or before.count('"') % 2 == 1


def _day_words_open_with(item: Found, published, carried) -> dating.DateFinding | None:
    """A past day the statement's words open with, before whoever they speak for, other than
    the day carried to them: when the one spoken for said or did it."""
    clause = item.clause
    for finding in dating.find_dates(clause.quote[:30], published, clause.start):
        if (
            finding.precision == DAY
            and finding.start - clause.start < 12
            and finding.day is not None
            and finding.day < published
            and finding.day != getattr(carried, "day", None)
        ):
            return finding
    return None


def _later_day_before(
    item: Found, days: list, occasion, stated: set[int], texts: dict[int, str]
) -> dating.DateFinding | None:
    """A day after the occasion's that a sentence of the report's own gives for what was said
    since, in a paragraph before the statement's, other than the paragraph that gives the
    occasion ("The response from Moscow came on Friday"). Not a strike or a meeting that day,
    a day a statement speaks of ("Macron said the coalition would meet on Tuesday"), a day to
    come ("The delegations are expected to reconvene on Friday"), a caption's or an update's;
    nor for a statement that names its occasion ("Speaking after the talks, Umerov said …")."""
    sentence = item.proposal.sentence
    outside = _outside(sentence.text, item.clause, sentence.start)
    if occasion.day is None or _NAMED_OCCASION.search(outside) or _EVENT.search(outside):
        return None
    start = item.proposal.sentence.start
    opening = next((paragraph for paragraph, _, found in days if found.day == occasion.day), None)
    for paragraph, at, finding in days:
        if at >= start or paragraph == item.proposal.paragraph:
            break
        if (
            opening is not None
            and paragraph > opening
            and at not in stated
            and finding.precision == DAY
            and finding.day > occasion.day
            and _RESPONSE.search(texts.get(at, ""))
            and not _TO_COME.search(texts.get(at, ""))
            and not strip_dateline(texts.get(at, ""))
        ):
            return finding
    return None


# A sentence on what was said on a later day: a response, a reaction, a statement.
_RESPONSE = re.compile(
    r"\b(?:respon\w*|react\w*|repl\w*|answer\w*|comment\w*|statements?|hit\s+back)\b|"
    r"(?<![\w-])(?:ответ\w*|відповід\w*|реакц\w*|реагу\w*|отреагир\w*|відреагув\w*|"
    r"коммент\w*|комент\w*)(?![\w-])",
    re.IGNORECASE,
)
# Words of a day still to come, or of a page's housekeeping: "expected to reconvene on Friday",
# "Консультації продовжаться у п'ятницю", "REUTERS/Murad Sezer", "Updated on Friday".
_TO_COME = re.compile(
    r"\b(?:will|would|expected|set\s+(?:to|for)|scheduled|due|is\s+to|are\s+to|was\s+to|"
    r"were\s+to|plans?|planned|resumes?|continues?|to\s+be|upcoming|next)\b|"
    r"(?<![\w-])(?:ожида\w*|продолж\w*|продовж\w*|планир\w*|заплан\w*|намечен\w*|"
    r"состоится|состоятся|відбудеться|відбудуться|будет|будут|буде|будуть|очікує\w*)(?![\w-])|"
    r"REUTERS/|/AP\b|\bPhoto\b|^Updated\b|^UPDATE",
    re.IGNORECASE,
)


def _other_day_before(item: Found, by_paragraph: dict, occasion) -> dating.DateFinding | None:
    """A day other than the occasion's that the statement's paragraph gives before it."""
    sentence, clause = item.proposal.sentence, item.clause
    quote = (clause.start, clause.start + len(clause.quote))
    given = [
        finding
        for start, finding in by_paragraph.get(item.proposal.paragraph, [])
        if start <= sentence.start
        # Not a day in the statement's own words.
        and not (start == sentence.start and quote[0] <= finding.start < quote[1])
    ]
    # A paragraph that gives the occasion's day too (the opening's) is of the occasion.
    if any(finding.day == occasion.day for finding in given):
        return None
    return given[0] if given else None


def _carried(found: list[Found], number: int, index: _Dated, lead: int | None, occasion):
    item = found[number]
    paragraph = item.proposal.paragraph
    key = _key(item.speaker)
    in_paragraph = index.by_paragraph.get(paragraph, [])
    for other_number in reversed(in_paragraph):
        other = found[other_number]
        if other_number < number and (
            _same(other.speaker, item.speaker)
            or (item.speaker.party is not None and item.speaker.party == other.speaker.party)
        ):
            return other, "given earlier in the paragraph"
    for other_number in in_paragraph:
        if other_number > number and _same(found[other_number].speaker, item.speaker):
            return found[other_number], "given later in the paragraph, for the same speaker"
    if key is not None:
        if (earlier := index.before(index.by_speaker.get(key, []), number)) is not None:
            who = item.speaker.name or item.speaker.party
            return found[earlier], f"the date of {who}'s statements above"
        if (told := index.before(index.told.get(key, []), number)) is not None:
            return found[told].reporter_date, "reporter"
    # "…, he said in his nightly video address": his own channel, not the reported event.
    sentence = item.proposal.sentence
    own_channel = _OWN_CHANNEL.search(_outside(sentence.text, item.clause, sentence.start))
    # In a transcript or an interview, the occasion dates the speaker's own words only, not
    # what others told them ("He told me …").
    spoken_of = index.voiced and item.speaker.kind not in VOICES
    # "An EU official, speaking on condition of anonymity, said …": not said at the occasion
    # for all the report shows.
    anonymous = _ANONYMOUS_SOURCE.search(sentence.text)
    if _THEN.search(sentence.text):
        # "“…,” Rutte said then": at the time the sentence before gives, not the occasion.
        item.reasoning = "Left blank: “then” is a time given before, not the occasion's day."
        return None
    if occasion is not None and not own_channel and not spoken_of and not anonymous:
        return occasion, "live-page" if occasion.phrase == LIVE_PAGE else "occasion"
    if lead is not None and lead < number and found[lead].reporter is None and not own_channel:
        party = item.speaker.party
        if party is not None and found[lead].speaker.party == party:
            return found[lead], f"the day of {party}'s statements in the lead"
    # A lead naming a person sums up what that person said on the occasion reported below.
    if item.speaker.someone and paragraph == found[0].proposal.paragraph:
        later = index.after(index.by_speaker.get(key, []), number)
        if later is not None and not re.match(
            r"^\s*Earlier\b", found[later].proposal.sentence.text
        ):
            return found[later], "the lead sums up the occasion reported below"
    return None
