"""Dataset releases: the public record as versioned, checksummed, citable files.

A release is a directory holding one JSON file per model (every field of every row,
relations as ids), ``positions.csv`` for spreadsheets, and ``manifest.json`` with the
format version, release date, counts, a SHA-256 checksum per file and a suggested
citation. The JSON files are the canonical content; a release restores into an empty
database with identical rows, and exporting that database again gives byte-identical
files.

Only what readers may see is released: published and retracted positions (never drafts
or positions in review), without editors' accounts or internal review comments.
"""

import csv
import datetime
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from positions.editorial.dataset_history import (
    HISTORY_FILE,
    history_model,
    history_records,
    restore_history,
)
from positions.editorial.stance_cells import rebuild_cells
from positions.models import Event, Party, Person, Position, Role, Source, Topic
from positions.postgres.bulk import read_one_snapshot

# 1.1: the positions' public revision history; 1.2: the CSV's long_standing and
# quote_translation columns.
FORMAT_VERSION = "1.2"
MANIFEST = "manifest.json"
POSITIONS_CSV = "positions.csv"


@dataclass(frozen=True)
class Table:
    name: str
    model: type[models.Model]
    # Editorial internals that are not part of the public record.
    private_fields: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return f"{self.name}.json"

    def rows(self) -> models.QuerySet:
        # Only what readers may see: public positions and what they (or events) cite.
        return self.model.objects.public().order_by("pk")

    def fields(self) -> list[models.Field]:
        # A generated column (the search document) is the database's to write.
        fields = self.model._meta.concrete_fields
        return [f for f in fields if f.name not in self.private_fields and not f.generated]

    def many_to_many(self) -> list[models.ManyToManyField]:
        return list(self.model._meta.many_to_many)


# In dependency order: each table refers only to tables above it (or to itself).
TABLES = (
    Table("parties", Party),
    Table("people", Person),
    Table("roles", Role),
    Table("topics", Topic),
    Table("sources", Source),
    # The desk's orphaned-quote mark is worked out again on import.
    Table(
        "positions",
        Position,
        private_fields=("created_by", "updated_by", "review_comment", "quote_orphaned"),
    ),
    Table("events", Event),
)


class DatasetError(Exception):
    """A release cannot be written or restored; the message says why."""


def _encode(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _record(table: Table, row: models.Model, public_ids: dict[type, set]) -> dict:
    record = {}
    for field in table.fields():
        value = getattr(row, field.attname)
        # A link to something outside the release (e.g. a retracted predecessor) is dropped,
        # so that every id in a release resolves within it.
        if field.is_relation and value is not None and field.related_model in public_ids:
            value = value if value in public_ids[field.related_model] else None
        record[field.name] = _encode(value)
    for field in table.many_to_many():
        record[field.name] = sorted(getattr(row, field.name).values_list("pk", flat=True))
    return record


def _json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _spreadsheet_safe(text: str) -> str:
    # Spreadsheets run cells that start like a formula; the JSON keeps the exact text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


CSV_COLUMNS = [
    "id",
    "stated_on",
    "stated_on_precision",
    "party",
    "party_slug",
    "topic",
    "topic_slug",
    "proposition",
    "stance",
    "stance_label",
    "move",
    "shift",
    "summary",
    "quote",
    "conditions",
    "speaker",
    "role",
    "source_title",
    "source_outlet",
    "source_url",
    "status",
    "published_at",
    "retracted_at",
    "retraction_reason",
    "url_path",
    # Added in format 1.2, after the others, so that columns read by place keep their place.
    "long_standing",
    "quote_translation",
]


def _positions_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in Position.objects.public().with_citation().order_by("pk"):
        text = [
            p.party.short_name,
            p.party.slug,
            p.topic.name,
            p.topic.slug,
            p.topic.proposition,
        ]
        writer.writerow(
            [p.pk, p.stated_on.isoformat(), p.stated_on_precision]
            + [_spreadsheet_safe(value) for value in text]
            + [p.stance, p.get_stance_display(), p.move, p.shift]
            + [
                _spreadsheet_safe(value)
                for value in (
                    p.summary,
                    p.quote,
                    p.conditions,
                    p.speaker.name if p.speaker else "",
                    p.role.title if p.role else "",
                    p.source.title,
                    p.source.outlet,
                    p.source.url,
                )
            ]
            + [
                p.status,
                _encode(p.published_at) or "",
                _encode(p.retracted_at) or "",
                _spreadsheet_safe(p.retraction_reason),
                p.get_absolute_url(),
                "true" if p.long_standing else "false",
                _spreadsheet_safe(p.quote_translation),
            ]
        )
    return out.getvalue().encode()


def suggested_citation(*, publisher: str, release: str, release_date: str, url: str) -> str:
    where = f" {url}" if url else ""
    dated = release if release == release_date else f"{release} ({release_date})"
    return (
        f"{publisher} ({release_date[:4]}). Standpoint: positions in peace negotiations, "
        f"dataset release {dated}, format {FORMAT_VERSION}.{where}"
    )


def export_dataset(
    directory: Path,
    *,
    release_date: datetime.date | None = None,
    release: str | None = None,
    publisher: str = "Standpoint contributors",
    url: str = "",
) -> dict:
    """Write a release of the public record into a new or empty directory; return its manifest."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise DatasetError(f"{directory} is not empty; write each release to a new directory.")
    directory.mkdir(parents=True, exist_ok=True)
    release_date = release_date or datetime.date.today()
    release = release or release_date.isoformat()

    files: dict[str, dict] = {}
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost:
            read_one_snapshot(using=connection.alias)
        public_ids = {
            table.model: set(table.rows().values_list("pk", flat=True)) for table in TABLES
        }
        contents = {}
        for table in TABLES:
            records = [_record(table, row, public_ids) for row in _with_m2m(table)]
            contents[table.filename] = (_json_bytes(records), len(records), table.model)
        contents[POSITIONS_CSV] = (_positions_csv(), len(public_ids[Position]), Position)
        history = history_records(_positions_table().fields(), public_ids, _encode)
        contents[HISTORY_FILE] = (_json_bytes(history), len(history), history_model())

    for filename, (data, count, model) in contents.items():
        (directory / filename).write_bytes(data)
        files[filename] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
            "records": count,
            "model": model._meta.label,
        }
    manifest = {
        "title": "Standpoint: positions in peace negotiations",
        "format_version": FORMAT_VERSION,
        "release": release,
        "release_date": release_date.isoformat(),
        "publisher": publisher,
        "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
        "url": url,
        "suggested_citation": suggested_citation(
            publisher=publisher, release=release, release_date=release_date.isoformat(), url=url
        ),
        "scope": "Published and retracted positions with everything they cite, and each "
        "position's public revisions (position_history.json: every revision saved while it "
        "was published or retracted, with its public note). Drafts, "
        "positions in review, editors' accounts and review comments are not included. "
        "The JSON files are canonical; positions.csv is a convenience copy in which text "
        "cells starting with = + - @ are prefixed with an apostrophe.",
        "counts": {
            **{table.name: files[table.filename]["records"] for table in TABLES},
            "position_history": files[HISTORY_FILE]["records"],
        },
        "files": files,
    }
    (directory / MANIFEST).write_bytes(_json_bytes(manifest))
    return manifest


def _positions_table() -> Table:
    return next(table for table in TABLES if table.model is Position)


def _with_m2m(table: Table):
    rows = table.rows()
    names = [field.name for field in table.many_to_many()]
    return rows.prefetch_related(*names) if names else rows


# --- Restoring -------------------------------------------------------------------------


def read_manifest(directory: Path) -> dict:
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise DatasetError(f"{path} not found: is {directory} a dataset release?")
    try:
        manifest = json.loads(path.read_bytes())
    except ValueError as error:
        raise DatasetError(f"{path} is not valid JSON: {error}") from None
    version = str(manifest.get("format_version", ""))
    if version.split(".")[0] != FORMAT_VERSION.split(".")[0]:
        raise DatasetError(
            f"This release has format version {version or 'unknown'}; "
            f"this version of Standpoint reads format {FORMAT_VERSION.split('.')[0]}.x."
        )
    return manifest


def verify_checksums(directory: Path, manifest: dict) -> None:
    files = manifest.get("files", {})
    missing = [t.filename for t in TABLES if t.filename not in files]
    if missing:
        raise DatasetError(f"The manifest lists no {', '.join(missing)}.")
    for filename, entry in files.items():
        path = Path(directory) / filename
        if not path.is_file():
            raise DatasetError(f"{filename} is listed in the manifest but missing.")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != entry.get("sha256"):
            raise DatasetError(
                f"{filename} does not match its checksum in the manifest: "
                "the file was changed or damaged. Nothing was imported."
            )


def _ensure_empty() -> None:
    held = {t.name: t.model.objects.count() for t in TABLES}
    held["revisions of positions"] = history_model().objects.count()
    held = {name: count for name, count in held.items() if count}
    if held:
        listing = ", ".join(f"{count} {name}" for name, count in held.items())
        raise DatasetError(
            f"The database already holds {listing}. A release is restored only into an "
            "empty database (run migrate on a new one), so nothing is overwritten or mixed."
        )


def _instance(table: Table, record: dict, deferred: set[str]):
    fields = {f.name: f for f in table.fields()}
    m2m = {f.name for f in table.many_to_many()}
    unknown = set(record) - set(fields) - m2m
    if unknown:
        raise DatasetError(f"{table.filename}: unknown fields {', '.join(sorted(unknown))}.")
    values = {}
    for name, field in fields.items():
        if name not in record and _optional(field):
            # A field added since the release was written: what the desk leaves in it.
            values[field.attname] = field.get_default()
            continue
        if name not in record:
            raise DatasetError(f"{table.filename}: a record has no {name!r}.")
        value = record[name]
        if name in deferred:
            value = None
        elif value is not None and not field.is_relation:
            try:
                value = field.to_python(value)
                # The same checks as the desk: a crafted release cannot smuggle in a
                # ``javascript:`` address or an oversized quote.
                field.run_validators(value)
            except ValidationError as error:
                raise DatasetError(
                    f"{table.filename}, id {record.get('id')}: {name}: {' '.join(error.messages)}"
                ) from None
        values[field.attname] = value
    return table.model(**values)


def _optional(field: models.Field) -> bool:
    return field.has_default() or (field.blank and field.empty_strings_allowed)


def import_dataset(directory: Path) -> dict:
    """Restore a release into an empty database, all or nothing; return the counts."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    verify_checksums(directory, manifest)
    counts = {}
    try:
        with transaction.atomic():
            _ensure_empty()
            for table in TABLES:
                records = json.loads((directory / table.filename).read_bytes())
                counts[table.name] = _restore(table, records)
            # Releases before format 1.1 hold no history.
            if HISTORY_FILE in manifest.get("files", {}):
                history = json.loads((directory / HISTORY_FILE).read_bytes())
                counts["position_history"] = restore_history(history, _positions_table().fields())
            _reset_sequences()
            # Rows inserted in bulk: what is derived from them is worked out once, here.
            rebuild_cells()
            Position.objects.refresh_orphaned_quotes()
    except DatabaseError as error:
        raise DatasetError(
            f"The release could not be stored, nothing was imported: {error}"
        ) from error
    return counts


def _restore(table: Table, records: list[dict]) -> int:
    # Links within the same table are set once every row exists.
    self_links = [
        f.name for f in table.fields() if f.is_relation and f.related_model is table.model
    ]
    timestamps = [f.name for f in table.fields() if getattr(f, "auto_now", False)] + [
        f.name for f in table.fields() if getattr(f, "auto_now_add", False)
    ]
    objects = [_instance(table, record, set(self_links)) for record in records]
    table.model.objects.bulk_create(objects, batch_size=500)
    # bulk_create stamps auto_now fields with the current time; put the released ones back.
    by_id = {record["id"]: record for record in records}
    for obj in objects:
        record = by_id[obj.pk]
        for name in timestamps:
            setattr(obj, name, table.model._meta.get_field(name).to_python(record[name]))
        for name in self_links:
            setattr(obj, table.model._meta.get_field(name).attname, record[name])
    if objects and (timestamps or self_links):
        table.model.objects.bulk_update(objects, timestamps + self_links, batch_size=500)
    for field in table.many_to_many():
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(**{f"{source}_id": record["id"], f"{target}_id": related_id})
                for record in records
                for related_id in record[field.name]
            ],
            batch_size=500,
        )
    return len(objects)


def _reset_sequences() -> None:
    """Let new rows continue after the restored ids (PostgreSQL keeps separate counters)."""
    model_list = [table.model for table in TABLES] + [history_model()]
    model_list += [f.remote_field.through for t in TABLES for f in t.many_to_many()]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), model_list):
            cursor.execute(sql)
