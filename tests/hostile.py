"""A published position whose every user-editable field is hostile, and a check that a page
carries none of the markup such text could smuggle in. Shared by the escaping tests."""

import re
from html.parser import HTMLParser

from django.utils import timezone

from positions.editorial.timeline import recompute_timeline
from positions.models.choices import Status
from tests.factories import (
    EventFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    RoleFactory,
    SourceFactory,
    TopicFactory,
)

MARK = "Zanzibarian"  # a word search can find
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><svg onload=alert(1)>'
SINGLE_QUOTED = "' onmouseover='alert(1)"
TEMPLATE = "{{ 7|add:7 }}{% now 'Y' %}"
RTL = "\u202eevil\u202c"
COMBINING = "e\u0301\u0336"
SHORT = SCRIPT + BREAKOUT  # fits a 60-character field
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "javascript://example.org/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def hostile(label: str) -> str:
    return f"{MARK} {label} {SCRIPT} {BREAKOUT} {SINGLE_QUOTED} {TEMPLATE} {RTL} {COMBINING}"


class Markup(HTMLParser):
    """Every element and attribute of a document, to find what stored text smuggled in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        script_data = tag == "script" and attributes.get("type") == "application/json"
        self._in_script = tag == "script" and not attributes.get("src") and not script_data

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "cite", "xlink:href", "poster"}


def assert_no_injected_markup(html: str, where: str) -> None:
    parser = Markup()
    parser.feed(html)
    parser.close()
    handlers = [
        (tag, name) for tag, attrs in parser.elements for name in attrs if name.startswith("on")
    ]
    assert not handlers, f"{where}: event-handler attributes {handlers}"
    assert not parser.inline_scripts, f"{where}: inline script {parser.inline_scripts[:1]}"
    bad_urls = [
        (tag, name, value)
        for tag, attrs in parser.elements
        for name, value in attrs.items()
        if name in URL_ATTRIBUTES and value and DANGEROUS_SCHEME.match(value)
    ]
    # data: images are the only data URLs a page may carry (none are user text).
    bad_urls = [b for b in bad_urls if not b[2].lower().startswith("data:image/")]
    assert not bad_urls, f"{where}: dangerous URLs {bad_urls}"
    assert "<script>alert" not in html and "<svg onload" not in html, where
    assert "onmouseover='alert" not in html, where


def assert_shown_as_text(html: str, where: str) -> None:
    """The hostile text is on the page, escaped, and template syntax was not evaluated."""
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, where
    assert "&quot;&gt;&lt;svg onload=alert(1)&gt;" in html, where


def hostile_record():
    """One published position, everything about it hostile, with a second version in history."""
    party = PartyFactory(name=hostile("party"), short_name=SHORT)
    other = PartyFactory(name=hostile("other party"), short_name=SHORT[::-1])
    topic = TopicFactory(name=hostile("topic"), proposition=hostile("proposition"))
    person = PersonFactory(name=hostile("person"))
    role = RoleFactory(person=person, party=party, title=hostile("role"))
    quote = hostile("quote")
    text = f"Opening line. {quote} Closing line, said {person.name}."
    source = SourceFactory(
        title=hostile("source title"),
        outlet=hostile("outlet"),
        byline=hostile("byline"),
        text=text,
    )
    start = text.index(quote)
    fields = {
        "party": party,
        "topic": topic,
        "speaker": person,
        "role": role,
        "source": source,
        "quote": quote,
        "summary": hostile("summary"),
        "conditions": '=HYPERLINK("https://evil.example","x") ' + hostile("conditions"),
        "quote_start": start,
        "quote_end": start + len(quote),
        "anchored_text_sha256": source.text_sha256,
        "status": Status.PUBLISHED,
        "published_at": timezone.now(),
    }
    position = PositionFactory(**fields)
    PositionFactory(
        party=other, topic=topic, source=source, status=Status.PUBLISHED, summary=hostile("2nd")
    )
    for p in (party, other):
        recompute_timeline(party_id=p.pk, topic_id=topic.pk)
    position.refresh_from_db()
    position.summary = hostile("summary, corrected")
    position.save()
    event = EventFactory(title=hostile("event"), date=position.stated_on)
    event.topics.add(topic)
    event.parties.add(party)
    return position


def public_pages(position) -> list[str]:
    return [
        "/",
        "/compare/",
        f"/compare/?parties={position.party.slug}&topics={position.topic.slug}",
        "/compare/?from=2025-01-01&to=2025-12-31",
        position.topic.get_absolute_url(),
        position.party.get_absolute_url(),
        position.get_absolute_url(),
        position.source.get_absolute_url(),
        position.speaker.get_absolute_url(),
        "/timeline/",
        "/timeline/?year=2025",
        f"/search/?q={MARK}",
        "/search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ]
