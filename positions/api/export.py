"""Bulk export of positions as CSV or JSON Lines, streamed row by row.

Rows are read with a database cursor in chunks, so memory stays flat however many
positions there are. CSV cells that a spreadsheet would run as a formula are neutralised.
"""

import csv
import json
import re
from collections.abc import Callable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from positions.models import Position

CHUNK_SIZE = 500

# Cells starting with these run as formulas in spreadsheets (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _iso(value) -> str | None:
    return value.isoformat() if value else None


# (column, description, value) — the one list that drives both formats and the docs.
COLUMNS: list[tuple[str, str, Callable[[Position], object]]] = [
    ("id", "Position id", lambda p: p.id),
    ("stated_on", "Date of the statement (YYYY-MM-DD)", lambda p: _iso(p.stated_on)),
    ("stated_on_precision", "day, month or year", lambda p: p.stated_on_precision),
    ("party", "Party slug", lambda p: p.party.slug),
    ("party_name", "Party short name", lambda p: p.party.short_name),
    ("topic", "Topic slug", lambda p: p.topic.slug),
    ("topic_name", "Topic label", lambda p: p.topic.name),
    ("proposition", "What the stance is about", lambda p: p.topic.proposition),
    ("stance", "Stance label (rejects … supports)", lambda p: p.get_stance_display()),
    ("stance_score", "Stance score, −2 to +2", lambda p: p.stance),
    ("shift", "Change from the party's previous position", lambda p: p.shift or None),
    ("previous", "Id of that previous position", lambda p: p.previous_id),
    ("move", "Kind of negotiating move", lambda p: p.move),
    ("speaker", "Speaker slug", lambda p: p.speaker.slug if p.speaker else None),
    ("speaker_name", "Speaker name", lambda p: p.speaker.name if p.speaker else None),
    ("role", "Speaker's role at the time", lambda p: p.role.title if p.role else None),
    ("quote", "Verbatim quote", lambda p: p.quote),
    ("summary", "Neutral summary", lambda p: p.summary),
    ("conditions", "Conditions attached", lambda p: p.conditions),
    ("source_id", "Source id", lambda p: p.source_id),
    ("source_title", "Source title", lambda p: p.source.title),
    ("source_outlet", "Source outlet", lambda p: p.source.outlet),
    ("source_url", "Source address", lambda p: p.source.url),
    ("source_published_at", "When the source was published", lambda p: _iso(p.source.published_at)),
    ("status", "published or retracted", lambda p: p.status),
    ("retraction_reason", "Why it was retracted", lambda p: p.retraction_reason),
    ("version", "Version number", lambda p: p.version),
    ("updated_at", "When the record last changed", lambda p: _iso(p.updated_at)),
    ("html_url", "Public page", None),
]
COLUMN_NAMES = [name for name, _, _ in COLUMNS]


def neutralise(value) -> str:
    """A CSV cell a spreadsheet shows as text: formula triggers get a leading apostrophe."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.match(text):
        return "'" + text
    return text


class _Line:
    """A file-like object that hands back what csv.writer writes to it."""

    def write(self, value: str) -> str:
        return value


def _records(queryset, page_url: Callable[[int], str]) -> Iterator[dict]:
    for position in queryset.iterator(chunk_size=CHUNK_SIZE):
        record = {name: get(position) for name, _, get in COLUMNS if get is not None}
        record["html_url"] = page_url(position.pk)
        yield record


def page_url_builder(request) -> Callable[[int], str]:
    """Absolute page addresses without reversing a URL per row."""
    marker = 999999999
    template = request.build_absolute_uri(reverse("position-detail", kwargs={"pk": marker}))
    head, tail = template.split(str(marker))
    return lambda pk: f"{head}{pk}{tail}"


def csv_rows(queryset, request) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMN_NAMES)
    for record in _records(queryset, page_url_builder(request)):
        yield writer.writerow([neutralise(record[name]) for name in COLUMN_NAMES])


def jsonl_rows(queryset, request) -> Iterator[str]:
    for record in _records(queryset, page_url_builder(request)):
        yield json.dumps(record, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"


FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_rows),
    "jsonl": ("application/x-ndjson; charset=utf-8", jsonl_rows),
}


def columns_markdown() -> str:
    return "\n".join(f"- `{name}`: {description}" for name, description, _ in COLUMNS)
