"""Bulk export of positions as CSV or JSON Lines, streamed row by row.

Rows are read with a database cursor in chunks, so memory stays flat however many
positions there are. CSV cells that a spreadsheet would run as a formula are neutralised.
"""

import csv
import io
import re
from collections.abc import Callable, Iterator

import orjson
from django.urls import reverse

from positions.api.rows import STANCE_LABELS

CHUNK_SIZE = 2000

# Cells starting with these run as formulas in spreadsheets (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _same(value):
    return value


def _or_none(value):
    return value or None


# (column, description, field read with values_list(), how it is written) — the one list
# that drives both formats and the docs. Rows are read as tuples: no model instances.
COLUMNS: list[tuple[str, str, str, Callable]] = [
    ("id", "Position id", "id", _same),
    ("stated_on", "Date of the statement (YYYY-MM-DD)", "stated_on", _iso),
    ("stated_on_precision", "day, month or year", "stated_on_precision", _same),
    ("party", "Party slug", "party__slug", _same),
    ("party_name", "Party short name", "party__short_name", _same),
    ("topic", "Topic slug", "topic__slug", _same),
    ("topic_name", "Topic label", "topic__name", _same),
    ("proposition", "What the stance is about", "topic__proposition", _same),
    ("stance", "Stance label (rejects … supports)", "stance", STANCE_LABELS.__getitem__),
    ("stance_score", "Stance score, −2 to +2", "stance", _same),
    ("shift", "Change from the party's previous position", "shift", _or_none),
    ("previous", "Id of that previous position", "previous_id", _same),
    ("move", "Kind of negotiating move", "move", _same),
    ("speaker", "Speaker slug", "speaker__slug", _same),
    ("speaker_name", "Speaker name", "speaker__name", _same),
    ("role", "Speaker's role at the time", "role__title", _same),
    ("quote", "Verbatim quote", "quote", _same),
    ("summary", "Neutral summary", "summary", _same),
    ("conditions", "Conditions attached", "conditions", _same),
    ("source_id", "Source id", "source_id", _same),
    ("source_title", "Source title", "source__title", _same),
    ("source_outlet", "Source outlet", "source__outlet", _same),
    ("source_url", "Source address", "source__url", _same),
    ("source_published_at", "When the source was published", "source__published_at", _iso),
    ("status", "published or retracted", "status", _same),
    ("retraction_reason", "Why it was retracted", "retraction_reason", _same),
    ("version", "Version number", "version", _same),
    ("updated_at", "When the record last changed", "updated_at", _iso),
    ("html_url", "Public page", "id", None),
]
COLUMN_NAMES = [name for name, _, _, _ in COLUMNS]
_FIELDS = [field for _, _, field, _ in COLUMNS]


def neutralise(value):
    """A CSV cell a spreadsheet shows as text: formula triggers get a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in _TRIGGER_CHARS and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


_TRIGGER_CHARS = frozenset("".join(FORMULA_TRIGGERS))
# Rows per chunk of the streamed body: one write per row would cost more than the row.
ROWS_PER_CHUNK = 500


def _records(queryset, page_url: Callable[[int], str]) -> Iterator[list]:
    """Each position as a list of column values, in ``COLUMNS`` order."""
    writers = [write or page_url for _, _, _, write in COLUMNS]
    for row in queryset.values_list(*_FIELDS).iterator(chunk_size=CHUNK_SIZE):
        yield [write(value) for write, value in zip(writers, row, strict=True)]


def page_url_builder(request) -> Callable[[int], str]:
    """Absolute page addresses without reversing a URL per row."""
    marker = 999999999
    template = request.build_absolute_uri(reverse("position-detail", kwargs={"pk": marker}))
    head, tail = template.split(str(marker))
    return lambda pk: f"{head}{pk}{tail}"


def csv_rows(queryset, request) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMN_NAMES)
    for count, values in enumerate(_records(queryset, page_url_builder(request)), start=1):
        writer.writerow([neutralise(value) for value in values])
        if count % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_rows(queryset, request) -> Iterator[bytes]:
    lines = []
    for values in _records(queryset, page_url_builder(request)):
        lines.append(orjson.dumps(dict(zip(COLUMN_NAMES, values, strict=True))))
        if len(lines) == ROWS_PER_CHUNK:
            yield b"\n".join(lines) + b"\n"
            lines = []
    if lines:
        yield b"\n".join(lines) + b"\n"


FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_rows),
    "jsonl": ("application/x-ndjson; charset=utf-8", jsonl_rows),
}


def columns_markdown() -> str:
    return "\n".join(f"- `{name}`: {description}" for name, description, _, _ in COLUMNS)
