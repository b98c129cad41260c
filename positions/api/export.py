"""Bulk export of positions as CSV or JSON Lines, streamed.

On PostgreSQL the CSV is written by the database (``positions.postgres.export``); elsewhere,
and for JSON Lines, rows are read with a database cursor in chunks and written in Python.
Either way memory stays flat however many positions there are, and the file is the same.
CSV cells that a spreadsheet would run as a formula are neutralised.
"""

import csv
import datetime
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

import orjson

from positions import postgres
from positions.models import Position
from positions.models.choices import STANCE_NAMES
from positions.postgres import export as copy_csv
from positions.reading.links import RecordUrls

CHUNK_SIZE = 2000
MOMENT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

# Cells starting with these run as formulas in spreadsheets (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# ASCII digits, whole string: read the same by Python's re and PostgreSQL's regex engine.
PLAIN_NUMBER = re.compile(r"\A[+-]?[0-9]+(\.[0-9]+)?\Z")


def neutralise(value):
    """A CSV cell a spreadsheet shows as text: formula triggers get a leading apostrophe.
    Booleans are written as JSON writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value[:1] in _TRIGGER_CHARS and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


_TRIGGER_CHARS = frozenset("".join(FORMULA_TRIGGERS))


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _moment(value) -> str | None:
    """RFC 3339 in UTC to the second, as the JSON API writes timestamps."""
    return value.astimezone(datetime.UTC).strftime(MOMENT_FORMAT) if value else None


def _same(value):
    return value


def _or_none(value):
    return value or None


_safe_text = copy_csv.formula_safe_text(FORMULA_TRIGGERS, PLAIN_NUMBER.pattern)
_number = copy_csv.as_is


def _either(values: list[str]) -> str:
    """``a, b or c``."""
    return " or ".join(filter(None, [", ".join(values[:-1]), values[-1]]))


# Read from the model, so that a new precision is documented where it is exported.
PRECISIONS = _either(
    [value for value, _ in Position._meta.get_field("stated_on_precision").choices]
)


class Column(NamedTuple):
    name: str
    description: str
    field: str  # read with values_list() (the page address is built from the id)
    write: Callable | None  # the value as Python writes it; None: the page address
    cell: copy_csv.Cell | None  # the CSV cell as PostgreSQL writes it; None: the page address


# The one list that drives both formats, both CSV writers and the docs. Rows are read as
# tuples: no model instances.
COLUMNS: list[Column] = [
    Column("id", "Position id", "id", _same, _number),
    Column("stated_on", "Date of the statement (YYYY-MM-DD)", "stated_on", _iso, copy_csv.iso_date),
    Column(
        "stated_on_precision",
        f"How precise `stated_on` is: {PRECISIONS}",
        "stated_on_precision",
        _same,
        _safe_text,
    ),
    Column(
        "long_standing",
        "`true` for a stance held since before `stated_on`, as the source describes it; else "
        "`false`",
        "long_standing",
        _same,
        copy_csv.true_or_false,
    ),
    Column("party", "Party slug", "party__slug", _same, _safe_text),
    Column("party_name", "Party's full name", "party__name", _same, _safe_text),
    Column("topic", "Topic slug", "topic__slug", _same, _safe_text),
    Column("topic_name", "Topic label", "topic__name", _same, _safe_text),
    Column("proposition", "What the stance is about", "topic__proposition", _same, _safe_text),
    Column(
        "stance",
        "Stance label (rejects … supports)",
        "stance",
        STANCE_NAMES.__getitem__,
        copy_csv.labelled({value: neutralise(label) for value, label in STANCE_NAMES.items()}),
    ),
    Column("stance_score", "Stance score, −2 to +2", "stance", _same, _number),
    Column("shift", "Change from the party's previous position", "shift", _or_none, _safe_text),
    Column("previous", "Id of that previous position", "previous_id", _same, _number),
    Column("move", "Kind of negotiating move", "move", _same, _safe_text),
    Column("speaker", "Speaker slug", "speaker__slug", _same, _safe_text),
    Column("speaker_name", "Speaker name", "speaker__name", _same, _safe_text),
    Column("role", "Speaker's role at the time", "role__title", _same, _safe_text),
    Column("quote", "Verbatim quote, in the source's language", "quote", _same, _safe_text),
    Column(
        "quote_translation",
        "The quote in English when the source is in another language (else empty)",
        "quote_translation",
        _same,
        _safe_text,
    ),
    Column("summary", "Neutral summary", "summary", _same, _safe_text),
    Column("conditions", "Conditions attached", "conditions", _same, _safe_text),
    Column("source_id", "Source id", "source_id", _same, _number),
    Column("source_title", "Source title", "source__title", _same, _safe_text),
    Column("source_outlet", "Source outlet", "source__outlet", _same, _safe_text),
    Column("source_url", "Source address", "source__url", _same, _safe_text),
    Column(
        "source_published_at",
        "When the source was published",
        "source__published_at",
        _moment,
        copy_csv.iso_moment,
    ),
    Column("status", "published or retracted", "status", _same, _safe_text),
    Column("retraction_reason", "Why it was retracted", "retraction_reason", _same, _safe_text),
    Column("version", "Version number", "version", _same, _number),
    Column(
        "updated_at", "When the record last changed", "updated_at", _moment, copy_csv.iso_moment
    ),
    Column("html_url", "Public page", "id", None, None),
]
COLUMN_NAMES = [column.name for column in COLUMNS]
_FIELDS = [column.field for column in COLUMNS]


# Rows per chunk of the streamed body: one write per row would cost more than the row.
ROWS_PER_CHUNK = 500


def page_url_parts(request) -> tuple[str, str]:
    """The absolute page address before and after a position's id."""
    origin = request.build_absolute_uri("/").removesuffix("/")
    return RecordUrls().around("position-detail", "pk", origin)


def _records(queryset, request) -> Iterator[list]:
    """Each position as a list of column values, in ``COLUMNS`` order."""
    head, tail = page_url_parts(request)
    writers = [column.write or (lambda pk: f"{head}{pk}{tail}") for column in COLUMNS]
    for row in queryset.values_list(*_FIELDS).iterator(chunk_size=CHUNK_SIZE):
        yield [write(value) for write, value in zip(writers, row, strict=True)]


class _Lines:
    """Collects what ``csv.writer`` writes (a row per call), ending rows with LF as COPY does.

    The writer itself ends rows with CRLF: Python's csv quotes a field only for the
    characters of its line terminator, and a field holding a lone CR must be quoted too.
    """

    def __init__(self):
        self.rows: list[str] = []

    def write(self, line: str) -> None:
        self.rows.append(line[:-2] + "\n")

    def take(self) -> str:
        text, self.rows = "".join(self.rows), []
        return text


def _header() -> str:
    lines = _Lines()
    csv.writer(lines).writerow(COLUMN_NAMES)
    return lines.take()


def python_csv_rows(queryset, request) -> Iterator[str]:
    lines = _Lines()
    writer = csv.writer(lines)
    writer.writerow(COLUMN_NAMES)
    for count, values in enumerate(_records(queryset, request), start=1):
        writer.writerow([neutralise(value) for value in values])
        if count % ROWS_PER_CHUNK == 0:
            yield lines.take()
    yield lines.take()


def copy_csv_rows(queryset, request) -> Iterator[bytes]:
    # An absolute address starts with its scheme: never a formula trigger.
    page = copy_csv.between(*page_url_parts(request))
    cells = [column.cell or page for column in COLUMNS]
    rows = queryset.values_list(*_FIELDS)
    return copy_csv.stream(rows, cells, header=_header().encode())


def csv_rows(queryset, request) -> Iterator[str | bytes]:
    if postgres.in_use(queryset.db):
        return copy_csv_rows(queryset, request)
    return python_csv_rows(queryset, request)


def jsonl_rows(queryset, request) -> Iterator[bytes]:
    lines = []
    for values in _records(queryset, request):
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
    return "\n".join(f"- `{column.name}`: {column.description}" for column in COLUMNS)
