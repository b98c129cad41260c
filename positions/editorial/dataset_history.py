"""The public revision history of positions, in a release: every revision saved while a
position was published or retracted (what ``positions/{id}/history/`` shows), with its
date and public note (``Published``, ``Corrected: …``, ``Retracted: …``). Editors'
accounts stay out; restored revisions name no editor."""

from django.db import models

from positions.models import Position
from positions.models.choices import PUBLIC_STATUSES

HISTORY_FILE = "position_history.json"
HISTORY_FIELDS = ("history_id", "history_date", "history_change_reason", "history_type")


def history_model() -> type[models.Model]:
    return Position.history.model


def _fields(position_fields: list[models.Field]) -> list[models.Field]:
    names = {field.name for field in position_fields} | set(HISTORY_FIELDS)
    return [f for f in history_model()._meta.concrete_fields if f.name in names]


def public_revisions(public_position_ids: set[int]) -> models.QuerySet:
    return (
        history_model()
        .objects.filter(id__in=public_position_ids, status__in=PUBLIC_STATUSES)
        .order_by("history_id")
    )


def history_records(position_fields, public_ids: dict[type, set], encode) -> list[dict]:
    """Each public revision of a released position, its links kept within the release."""
    fields = _fields(position_fields)
    related = {f.name: f.related_model for f in position_fields if f.is_relation}
    records = []
    for revision in public_revisions(public_ids[Position]).iterator():
        record = {}
        for field in fields:
            value = getattr(revision, field.attname)
            target = related.get(field.name)
            if target in public_ids and value is not None and value not in public_ids[target]:
                value = None
            record[field.name] = encode(value)
        records.append(record)
    return records


def restore_history(records: list[dict], position_fields) -> int:
    """Insert the released revisions as they were, without an editor."""
    fields = {f.name: f for f in _fields(position_fields)}
    revisions = []
    for record in records:
        values = {}
        for name, field in fields.items():
            value = record.get(name)
            if value is not None and not field.is_relation:
                value = field.to_python(value)
            values[field.attname] = value
        revisions.append(history_model()(**values))
    history_model().objects.bulk_create(revisions, batch_size=500)
    return len(revisions)
