"""When a statement was made, read from the words of the article against its publication day.

Each finding carries the phrase it was read from and the reasoning, shown to the editor. A
phrase that names no day ("last week") is reported as such, so the date can stay blank with a
reason rather than be guessed.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES |= {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
} | {"sept": 9}


# Russian and Ukrainian months as a date takes them ("12 декабря", "11 листопада") and as "in"
# takes them ("в июне", "у червні"), each list from January on.
def _listed(*lines: str) -> tuple[list[str], ...]:
    return tuple(line.split() for line in lines)


_LOCAL_MONTHS = _listed(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
)
_LOCAL_IN_MONTHS = _listed(
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні",
)
_MONTH_NAMES |= {
    name: number
    for names in (*_LOCAL_MONTHS, *_LOCAL_IN_MONTHS)
    for number, name in enumerate(names, 1)
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = "|".join(WEEKDAYS)

_SAME_DAY = re.compile(
    r"\b(?:(?:on\s+)?(?:the|that)\s+same\s+day|later\s+that\s+day)\b", re.IGNORECASE
)
_PATTERNS = [
    # "Monday, August 25", "on Aug. 25, 2025", "March 7"
    (
        "explicit",
        re.compile(
            rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
        ),
    ),
    # "25 August 2025", "on Monday 25 August"
    (
        "explicit",
        re.compile(
            rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?\b"
        ),
    ),
    ("yesterday", re.compile(r"\byesterday\b", re.IGNORECASE)),
    ("today", re.compile(r"\b(?:today|this morning|this afternoon|tonight)\b", re.IGNORECASE)),
    (
        "day_before",
        re.compile(r"\b(?:a day earlier|the day before|the previous day)\b", re.IGNORECASE),
    ),
    # "The same day in Strasbourg, …": the day the report gave just before.
    ("same_day", _SAME_DAY),
    ("this_month", re.compile(r"\b(?:earlier|late|later)?\s*this month\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\blast month\b", re.IGNORECASE)),
    (
        "in_month",
        re.compile(
            rf"\b(?:in|during|early|late)\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?\b(?!\s+\d)"
        ),
    ),
    ("last_week", re.compile(r"\blast week\b|\bearlier this week\b", re.IGNORECASE)),
    (
        "vague",
        re.compile(
            r"\b(?:this|next) (?:week|weekend|year)\b|\blast (?:weekend|year)\b"
            r"|\bearlier this year\b"
            r"|\brecently\b|\bin recent (?:days|weeks)\b|\bsome time ago\b"
            r"|\blast (?:spring|summer|autumn|fall|winter)\b",
            re.IGNORECASE,
        ),
    ),
    # "on Sunday", "Friday's summit", "late on Friday"; "Thursday next week" is no past day.
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:late |early )?on\s+)?(?P<last>last\s+)?(?P<weekday>{_WEEKDAY})"
            rf"(?P<possessive>['’]s)?\b(?!\s+next\b)"
        ),
    ),
]
# Russian and Ukrainian weekdays as a day of speaking takes them: "в среду", "у середу".
_LOCAL_WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
    "воскресенье": 6, "понеділок": 0, "вівторок": 1, "середу": 2, "четвер": 3, "п'ятницю": 4,
    "п’ятницю": 4, "суботу": 5, "неділю": 6,
    # "минулої середи", "минулого четверга": the day's name after "last".
    "понеділка": 0, "вівторка": 1, "середи": 2, "четверга": 3, "п'ятниці": 4, "п’ятниці": 4,
    "суботи": 5, "неділі": 6,
}  # fmt: skip
_PATTERNS += [
    (
        "local_weekday",
        re.compile(
            rf"(?<![\w-])(?:в|во|у|в минувший|в минувшую|в прошлый|в прошлую|в прошлое|"
            rf"минулого|минулої)\s+"
            rf"(?P<weekday>{'|'.join(_LOCAL_WEEKDAYS)})(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "explicit",
        re.compile(
            rf"(?<![\w-])(?P<weekday>(?!))?(?P<day>\d{{1,2}})\s+"
            rf"(?P<month>{'|'.join(name for names in _LOCAL_MONTHS for name in names)})"
            rf"(?:\s+(?P<year>\d{{4}})(?:\s*(?:года|року|г\.|р\.))?)?(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "in_month",
        re.compile(
            rf"(?<![\w-])(?:в|во|у)\s+"
            rf"(?P<month>{'|'.join(name for names in _LOCAL_IN_MONTHS for name in names)})"
            rf"(?:\s+(?P<year>\d{{4}})(?:\s*(?:года|року|г\.|р\.))?)?(?![\w-])"
            # "в мае прошлого года": a month of another year, which the year read wrongly.
            r"(?!\s+(?:прошлого|минулого|позапрошлого|позаминулого)\b)",
            re.IGNORECASE,
        ),
    ),
    ("yesterday", re.compile(r"(?<![\w-])(?:вчера|вчора)(?![\w-])", re.IGNORECASE)),
    ("today", re.compile(r"(?<![\w-])(?:сегодня|сьогодні)(?![\w-])", re.IGNORECASE)),
    # "Накануне …": in a wire, the day before the one it is filed; not "накануне переговоров",
    # on the eve of something.
    (
        "yesterday",
        re.compile(
            # Opening the sentence, or before a verb, a name or a comma.
            r"(?<![\w-])(?:(?-i:Накануне|Напередодні)|(?:накануне|напередодні)"
            r"(?=\s*(?:[,.;]|$|(?-i:[А-ЯЁІЇЄҐ])|(?:заяв|сказа|сообщ|отмет|подчерк|напис|повідом|"
            r"наголос|зазнач|дода|указа|говор|завер|предуп|рассказ|розпов))))(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    ("vague", re.compile(r"(?<![\w-])(?:ранее|раніше|недавно|нещодавно)(?![\w-])", re.I)),
]
# Words that put a weekday in the future: it names a deadline or plan, not when one spoke.
_FUTURE_BEFORE = re.compile(r"\b(?:next|until|by|from|before|coming|following)\s*$", re.I)


@dataclass(frozen=True)
class DateFinding:
    """A date phrase of the text and what it says about the day."""

    phrase: str
    start: int
    end: int
    day: datetime.date | None
    precision: str  # "day", "month", or "" when the phrase gives no usable date
    reasoning: str


def _year_for(month: int, day: int, published: datetime.date) -> int:
    """Articles report the past: a day that would fall well after publication is last year's."""
    year = published.year
    try:
        if datetime.date(year, month, day) > published + datetime.timedelta(days=2):
            year -= 1
    except ValueError:
        pass
    return year


def _published(published: datetime.date) -> str:
    return f"{published:%a} {published.day} {published:%b %Y}"


def find_dates(text: str, published: datetime.date | None, offset: int = 0) -> list[DateFinding]:
    """Every date phrase in ``text``, read against the publication day, left to right."""
    findings: list[DateFinding] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            finding = _read(kind, match, text, published)
            if finding is None:
                continue
            taken.append((match.start(), match.end()))
            findings.append(
                DateFinding(
                    phrase=finding[0],
                    start=offset + match.start(),
                    end=offset + match.end(),
                    day=finding[1],
                    precision=finding[2],
                    reasoning=finding[3],
                )
            )
    return sorted(findings, key=lambda finding: finding.start)


def _read(kind: str, match: re.Match, text: str, published: datetime.date | None):
    phrase = match.group().strip()
    if published is None:
        return (
            phrase,
            None,
            "",
            f"“{phrase}”: the source has no publication date to read it against",
        )
    against = f"read against the publication date, {_published(published)}"
    if kind == "explicit":
        month = _MONTH_NAMES[match.group("month").rstrip(".").lower()]
        day_number = int(match.group("day"))
        year = int(match.group("year")) if match.group("year") else None
        year = year or _year_for(month, day_number, published)
        try:
            day = datetime.date(year, month, day_number)
        except ValueError:
            return None
        note = f"“{phrase}”, an explicit date"
        weekday = match.group("weekday")
        if weekday and WEEKDAYS[day.weekday()] != weekday:
            note += f" (the text's “{weekday}” does not match it: check)"
        return phrase, day, "day", note
    if kind == "yesterday":
        return phrase, published - datetime.timedelta(days=1), "day", f"“{phrase}”, {against}"
    if kind == "today":
        return phrase, published, "day", f"“{phrase}”, {against}"
    if kind in {"day_before", "same_day"}:
        # Read against the day the article is about, which the caller knows; see ``relative``.
        return phrase, None, "relative", f"“{phrase}”"
    if kind == "this_month":
        return phrase, published.replace(day=1), "month", f"“{phrase}”, {against}: a month, no day"
    if kind == "last_month":
        first = (published.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        return phrase, first, "month", f"“{phrase}”, {against}: a month, no day"
    if kind == "in_month":
        month = _MONTH_NAMES[match.group("month").rstrip(".").lower()]
        year = int(match.group("year")) if match.group("year") else _year_for(month, 1, published)
        return phrase, datetime.date(year, month, 1), "month", f"“{phrase}”: a month, no day"
    if kind == "last_week":
        monday = published - datetime.timedelta(days=published.weekday())
        if phrase.lower() == "last week":
            # The middle of the week before: about right, whichever day it was.
            day = monday - datetime.timedelta(days=5)
        elif monday < published:
            day = monday
        else:
            return phrase, None, "", f"“{phrase}” gives no day"
        return (
            phrase,
            day,
            "approximate",
            f"“{phrase}”, {against}: about {day:%a} {day.day} {day:%b}",
        )
    if kind == "vague":
        return phrase, None, "", f"“{phrase}” gives no day"
    # A weekday: the latest such day on or before publication, so that "on Wednesday" in an
    # article of Wednesday is that very day.
    # "By Tuesday, Starmer had attached a condition": that day or before, gone by.
    by_then = re.fullmatch(r"\s*By\s+", text[: match.start()]) and re.match(
        r"[^.;]{0,60}?\bhad\b", text[match.end() :]
    )
    if _FUTURE_BEFORE.search(text[: match.start()]) and not by_then:
        return None
    if kind == "local_weekday":
        weekday = _LOCAL_WEEKDAYS[match.group("weekday").lower()]
    else:
        weekday = WEEKDAYS.index(match.group("weekday"))
    back = (published.weekday() - weekday) % 7
    if kind == "weekday" and match.group("last") and back == 0:
        back = 7
    day = published - datetime.timedelta(days=back)
    same = " (the same day)" if back == 0 else ""
    if by_then:
        return phrase, day, "approximate", f"“By {phrase}”, {against}{same}: that day or before"
    return phrase, day, "day", f"“{phrase}”, {against}{same}"


def same_day(finding: DateFinding) -> bool:
    """Whether the finding is "the same day", which names no day of its own."""
    return bool(_SAME_DAY.fullmatch(finding.phrase))


def relative(finding: DateFinding, anchor: datetime.date | None, anchor_note: str) -> DateFinding:
    """A "day before" phrase read against the day the article is about."""
    if finding.precision != "relative":
        return finding
    if anchor is None:
        return DateFinding(
            finding.phrase, finding.start, finding.end, None, "",
            f"{finding.reasoning}: no earlier day in the article to count from",
        )  # fmt: skip
    back = 0 if _SAME_DAY.fullmatch(finding.phrase) else 1
    return DateFinding(
        finding.phrase, finding.start, finding.end, anchor - datetime.timedelta(days=back), "day",
        f"{finding.reasoning}, counted from {anchor_note}",
    )  # fmt: skip
