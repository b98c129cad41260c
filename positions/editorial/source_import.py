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
from trafilatura.settings import use_config

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


class FetchError(Exception):
    """The URL could not be fetched; the editor can paste the page instead."""


@dataclass
class ImportedSource:
    """Fields found in an article, for the editor to check."""

    title: str = ""
    outlet: str = ""
    byline: str = ""
    url: str = ""
    published_at: datetime.datetime | None = None
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
    return ImportedSource(
        title=(document.title or "").strip(),
        outlet=(document.sitename or "").strip(),
        byline=(_meta(tree, "author") or document.author or "").strip(),
        url=url or (document.url or ""),
        published_at=_parse_date(published),
        language=(tree.get("lang") or document.language or "")[:20],
        text=_tidy(document.text or ""),
    )


def _meta(tree, *names: str) -> str:
    for name in names:
        for value in tree.xpath(
            "//meta[@property=$name or @name=$name or @itemprop=$name]/@content", name=name
        ):
            if value.strip():
                return value.strip()
    return ""


def from_text(pasted: str, url: str = "") -> ImportedSource:
    """Plain text: the title is its first line; a "Published:" and a "By" line are read."""
    text = _tidy(pasted)
    lines = [line for line in text.split("\n") if line.strip()]
    found = ImportedSource(url=url, text=text)
    for line in lines[:6]:
        if found.published_at is None and (match := _PUBLISHED_LINE.match(line)):
            found.published_at = _parse_date(match.group("when"))
        elif not found.byline and (match := _BYLINE.match(line)):
            found.byline = match.group("name").strip()
        elif not found.title and len(line) <= 300:
            found.title = line.strip()
    return found


def from_pasted(pasted: str, url: str = "") -> ImportedSource:
    return from_html(pasted, url) if looks_like_html(pasted) else from_text(pasted, url)


def fetch(url: str, *, allow_private_addresses: bool = False) -> str:
    """The page at ``url``; only where the deployment allows fetching (it needs internet).

    Addresses on the server's own network are refused, so the desk cannot be used to reach
    internal services; ``allow_private_addresses`` exists for tests against a local server.
    """
    if not settings.STANDPOINT_FETCH_SOURCES:
        raise FetchError("Fetching URLs is switched off here; paste the page instead.")
    config = use_config()
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private_addresses else "on")
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", "15")
    html = trafilatura.fetch_url(url, config=config)
    if not html:
        raise FetchError(f"Could not fetch {url}; paste the page instead.")
    return html


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
