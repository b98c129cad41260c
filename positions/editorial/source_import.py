"""Turning a pasted article (text or a page's HTML) or a URL into a source's fields.

The editor sees the result on the source form and corrects it before anything is saved.
"""

import datetime
import re
from dataclasses import asdict, dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import dateparser
import lxml.html
import trafilatura
from django.conf import settings
from django.utils import timezone

from positions.editorial.fetching import FetchError, fetch_page
from positions.models import Source

# Tracking parameters that do not change which article a URL points at.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ocid|cmpid|mc_\w+)$", re.IGNORECASE)
_HTML = re.compile(r"<\s*(html|body|article|p|div|head|!doctype)\b", re.IGNORECASE)
# "Published: 10:35, March 17, 2025" and similar lines at the top of pasted text.
_PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|posted|updated|date)\s*(?:on|at)?\s*:?\s*(?P<when>.+?)\s*(?:\||$)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*by\s+(?P<name>[^\n]{2,100})$", re.IGNORECASE)
# "MOSCOW, March 17 (Xinhua) -- " or "KYIV (Reuters) - ": the agency that filed the report.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{1,40}"
    r"(?:,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9}))?"
    r"\s*\((?P<agency>[A-Z][\w.&’' -]{0,38}[\w.])\)\s*(?:[-–—]{1,2}|:)"
)
# "МОСКВА, 17 марта. /ТАСС/." or "КИЕВ, 3 марта (РИА Новости) —": a Russian-language wire.
_CYRILLIC_DATELINE = re.compile(
    r"^\s*[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ .'’-]{1,40},\s*\d{1,2}\s+[а-яёіїєґ]+\.?\s*"
    r"[/(](?P<agency>[А-ЯЁІЇЄҐA-Z][\w .-]{1,30}?)[/)]"
)
# Agencies by the names their Russian and Ukrainian datelines give them.
_AGENCY_NAMES = {
    "ТАСС": "TASS",
    "РИА Новости": "RIA Novosti",
    "Интерфакс": "Interfax",
    "Інтерфакс-Україна": "Interfax-Ukraine",
    "Укрінформ": "Ukrinform",
    "УНІАН": "UNIAN",
}
# A photo caption or credit above the headline, which is no title.
_CAPTION = re.compile(
    r"\b(?:photo|photograph|file photo|image|picture|pictured|credit|getty images|afp via)\b"
    r"|\((?:photo|file)\b|/\s*(?:reuters|afp|ap)\b",
    re.IGNORECASE,
)
# Page furniture copied along with an article: never its headline.
_FURNITURE = re.compile(
    r"^(?:skip to (?:main )?content|advertisement|listen to (?:this )?article.*|share(?: this)?"
    r"|subscribe.*|sign in|log in|menu|search|\d+ min(?:ute)?s? read|updated .* ago|.* ago)$",
    re.IGNORECASE,
)
# A date alone on a line: "20 August 2025", "August 20, 2025 10:35", "2025-08-20".
_DATE_LINE = re.compile(
    r"^\s*(?:\w+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b[\d:., APMapmUTCGMT+-]*$"
)
# "/2025/08/20/" or "/2025-08-20-" in an article's address.
_URL_DATE = re.compile(r"/(?P<year>20\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:[/-]|$)")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_LATIN = re.compile(r"[A-Za-z]")
# Sites whose name is not their address; any other site is named by its address.
_SITE_NAMES = {
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "afp.com": "AFP",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "ria.ru": "RIA Novosti",
    "interfax.ru": "Interfax",
    "iz.ru": "Izvestia",
    "ukrinform.net": "Ukrinform",
    "ukrinform.ua": "Ukrinform",
    "unian.net": "UNIAN",
    "kyivindependent.com": "The Kyiv Independent",
    "pravda.com.ua": "Ukrainska Pravda",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "theguardian.com": "The Guardian",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "cnn.com": "CNN",
    "aljazeera.com": "Al Jazeera",
    "politico.eu": "Politico Europe",
    "dw.com": "DW",
    "kremlin.ru": "Kremlin",
    "president.gov.ua": "Office of the President of Ukraine",
    "mid.ru": "Russian Foreign Ministry",
}


@dataclass
class ImportedSource:
    """Fields found in an article, for the editor to check."""

    title: str = ""
    outlet: str = ""
    byline: str = ""
    url: str = ""
    published_at: datetime.datetime | None = None
    # Whether the source gave the time of day, or only the date (then shown without one).
    published_time_known: bool = False
    language: str = ""
    text: str = ""

    def initial(self) -> dict:
        """Initial data for the source form: only what was found."""
        return {name: value for name, value in asdict(self).items() if value}


def looks_like_html(pasted: str) -> bool:
    return bool(_HTML.search(pasted[:5000]))


def from_html(html: str, url: str = "") -> ImportedSource:
    document = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True},
    )
    if document is None:
        return ImportedSource(url=url)
    tree = lxml.html.fromstring(html.encode("utf-8"))
    # The page's own metadata, when present, is more exact than what is inferred from layout.
    published = _meta(tree, "article:published_time", "datePublished") or document.date
    text = _tidy(document.text or "")
    found = ImportedSource(
        title=_headline(tree) or (document.title or "").strip(),
        # A known site's own name before the name trafilatura makes of an address.
        outlet=(_meta(tree, "og:site_name") or known_site(url) or document.sitename or "").strip(),
        byline=(_meta(tree, "author") or document.author or "").strip(),
        url=url or (document.url or ""),
        published_at=_parse_date(published),
        published_time_known=_has_time(published),
        language=(tree.get("lang") or document.language or "")[:20],
        text=text,
    )
    return _completed(found)


def _headline(tree) -> str:
    """The page's headline: its declared title, else its first top-level heading.

    Never a caption: trafilatura may fall back on the first prominent text, which on many
    news pages is the lead photo's caption.
    """
    declared = _meta(tree, "og:title", "twitter:title", "headline")
    if declared:
        return declared
    # The article's own heading first: a site may set its name in an <h1> in the header.
    for path in (
        "//article//h1|//main//h1",
        "//h1[not(ancestor::header) and not(ancestor::nav)]",
    ):
        for heading in tree.xpath(path):
            if heading.xpath("ancestor::figure"):
                continue
            text = " ".join(heading.text_content().split())
            if text and not _CAPTION.search(text):
                return text
    return ""


def _meta(tree, *names: str) -> str:
    for name in names:
        for value in tree.xpath(
            "//meta[@property=$name or @name=$name or @itemprop=$name]/@content", name=name
        ):
            if value.strip():
                return value.strip()
    return ""


def from_text(pasted: str, url: str = "") -> ImportedSource:
    """Plain text: the headline is the first line that is not page furniture, a section
    label, a photo caption, a date or a byline (a sub-headline comes after it); "Published:"
    and "By" lines and a date alone on a line are read."""
    text = _tidy(pasted)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    found = ImportedSource(url=url, text=text)
    labels = []
    for line in lines[:8]:
        if _dateline_agency(line):
            break  # the report itself has begun
        if found.published_at is None and (match := _PUBLISHED_LINE.match(line)):
            found.published_at = _parse_date(match.group("when"))
            found.published_time_known = _has_time(match.group("when"))
        elif found.published_at is None and _DATE_LINE.match(line):
            found.published_at = _parse_date(line)
            found.published_time_known = _has_time(line)
        elif not found.byline and (match := _BYLINE.match(line)):
            found.byline = match.group("name").strip()
        elif _CAPTION.search(line) or _FURNITURE.match(line) or len(line) > 300:
            continue
        elif len(line.split()) <= 3 and not line.endswith((".", "?", "!")):
            labels.append(line)  # "World", "War in Ukraine": a section, not the headline
        elif not found.title:
            found.title = line
    found.title = found.title or (labels[0] if labels else "")
    return _completed(found)


def _completed(found: ImportedSource) -> ImportedSource:
    """What the page's metadata left out, from the address and the report's dateline."""
    agency = next(
        (name for line in found.text.split("\n")[:12] if (name := _dateline_agency(line))), ""
    )
    if not found.outlet:
        found.outlet = site_name(found.url) or agency
    elif agency and not found.byline:
        found.byline = agency
    if found.published_at is None:
        found.published_at = _date_in_address(found.url)
    if not found.language:
        found.language = guess_language(found.text)
    return found


def _dateline_agency(line: str) -> str:
    """The agency a report's dateline names, e.g. "Xinhua" or "TASS" (for "/ТАСС/")."""
    match = _DATELINE.match(line) or _CYRILLIC_DATELINE.match(line)
    if match is None:
        return ""
    agency = match.group("agency").strip()
    return _AGENCY_NAMES.get(agency, agency)


def _host(url: str) -> str:
    return urlsplit(url.strip()).netloc.lower().split(":")[0].removeprefix("www.")


def known_site(url: str) -> str:
    """The name of the outlet at a known address (any subdomain), else empty."""
    labels = _host(url).split(".")
    for start in range(len(labels) - 1):
        if (name := _SITE_NAMES.get(".".join(labels[start:]))) is not None:
            return name
    return ""


def site_name(url: str) -> str:
    """The outlet an address belongs to: its known name, else the site's address."""
    return known_site(url) or _host(url)


def _date_in_address(url: str) -> datetime.datetime | None:
    """The day an article's address gives ("/2025/08/20/"), at midnight: the time is unknown."""
    in_url = _URL_DATE.search(urlsplit(url).path) if url else None
    if in_url is not None:
        try:
            day = datetime.date(*(int(in_url.group(n)) for n in ("year", "month", "day")))
        except ValueError:
            return None
        return datetime.datetime.combine(day, datetime.time(0), tzinfo=datetime.UTC)
    return None


def guess_language(text: str) -> str:
    """Russian or Ukrainian from the alphabet (Ukrainian has letters Russian lacks); other
    languages are left to the editor."""
    if len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)):
        return "uk" if _UKRAINIAN_LETTERS.search(text) else "ru"
    return ""


def from_pasted(pasted: str, url: str = "") -> ImportedSource:
    return from_html(pasted, url) if looks_like_html(pasted) else from_text(pasted, url)


def fetch(url: str, *, allow_private_addresses: bool = False) -> str:
    """The page at ``url``; only where the deployment allows fetching (it needs internet).

    Addresses on the server's own network are refused, so the desk cannot be used to reach
    internal services; ``allow_private_addresses`` exists for tests against a local server.
    """
    if not settings.STANDPOINT_FETCH_SOURCES:
        raise FetchError("Fetching URLs is switched off here; paste the page instead.")
    if allow_private_addresses:
        return fetch_page(url, allowed=lambda address: True)
    return fetch_page(url)


def canonical_url(url: str) -> str:
    """The URL without fragment, tracking parameters or trailing slash, for duplicate checks."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def find_duplicate(url: str, *, exclude_pk: int | None = None) -> Source | None:
    """An existing source at the same address, however the URL was decorated."""
    if not url:
        return None
    wanted = canonical_url(url)
    host = urlsplit(wanted).netloc
    # Narrow by host in the database; compare canonical forms in Python.
    candidates = Source.objects.filter(url__icontains=host).exclude(pk=exclude_pk)
    return next((s for s in candidates if canonical_url(s.url) == wanted), None)


def _has_time(value: str | None) -> bool:
    """Whether a date as printed gives the time of day ("10:35", "2025-03-17T10:35")."""
    return bool(value) and re.search(r"\d{1,2}:\d{2}", value) is not None


def _parse_date(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        # Free text such as "10:35, March 17, 2025"; without a zone it is taken as UTC.
        parsed = dateparser.parse(value, settings={"TIMEZONE": "UTC"})
    if parsed is None:
        return None
    return timezone.make_aware(parsed, datetime.UTC) if timezone.is_naive(parsed) else parsed


def _tidy(text: str) -> str:
    """Normalise line ends and blank lines; keep paragraphs one per line."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
