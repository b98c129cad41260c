"""The API's sync contract, kept by every write: a client that pulls what changed since
its last pull (``updated_since``) and what was deleted (``deleted/?since=``) ends with the
same copy as a fresh full pull.

A record's API representation embeds parts of other records (a position shows its party's
name, a person the parties of their roles), so a write moves the ``updated_at`` of every
row that embeds what it changed, in one bulk UPDATE per kind of row. A deletion leaves a
tombstone.
"""

import datetime

from django.db import models
from django.utils import timezone

from positions.models import (
    Event,
    Party,
    Person,
    Position,
    Role,
    Source,
    Tombstone,
    TombstoneKind,
    Topic,
)

# For each kind of record, the rows whose representation embeds it, and the lookup from
# those rows to it. Written from the serializers in ``positions.api.serializers``.
EMBEDDED_IN: dict[type[models.Model], tuple[tuple[type[models.Model], str], ...]] = {
    Party: ((Position, "party"), (Person, "roles__party"), (Event, "parties")),
    Topic: ((Position, "topic"), (Topic, "parent"), (Event, "topics")),
    Person: ((Position, "speaker"),),
    Role: ((Position, "role"), (Person, "roles")),
    Source: ((Position, "source"), (Event, "sources")),
    Event: (),
}

TOMBSTONE_KINDS = {
    Party: TombstoneKind.PARTY,
    Person: TombstoneKind.PERSON,
    Topic: TombstoneKind.TOPIC,
    Source: TombstoneKind.SOURCE,
    Event: TombstoneKind.EVENT,
    Position: TombstoneKind.POSITION,
}


def embedding_rows(records: models.QuerySet) -> list[models.QuerySet]:
    """The rows whose representation embeds any of ``records``, one queryset per kind."""
    found = []
    for model, lookup in EMBEDDED_IN.get(records.model, ()):
        matching = model.objects.filter(**{f"{lookup}__in": records.values("pk")})
        # A join through a many-valued relation repeats rows: select them by id instead.
        found.append(model.objects.filter(pk__in=matching.values("pk")))
    return found


def touch(rows: list[models.QuerySet], now: datetime.datetime | None = None) -> None:
    """Move the ``updated_at`` of ``rows`` to ``now``, without saving them (no history)."""
    now = now or timezone.now()
    for queryset in rows:
        queryset.update(updated_at=now)


def record_saved(record: models.Model, *, previous_person_id: int | None = None) -> None:
    """Move what embeds ``record`` to the record's own ``updated_at``.

    A role moved from one person to another changes both: pass the person it had.
    """
    model = type(record)
    rows = embedding_rows(model.objects.filter(pk=record.pk))
    if previous_person_id is not None:
        rows.append(Person.objects.filter(pk=previous_person_id))
    touch(rows, record.updated_at)


def stored_person_id(record: models.Model) -> int | None:
    """For a role about to be saved, the person it belongs to now (None for anything else)."""
    if not isinstance(record, Role) or record._state.adding:
        return None
    return Role.objects.filter(pk=record.pk).values_list("person_id", flat=True).first()


def records_deleting(records: models.QuerySet, *, public: bool = True) -> None:
    """Before ``records`` are deleted: their tombstones, and what embeds them moved.

    Called inside the deleting transaction, so tombstones and deletion commit together.
    """
    now = timezone.now()
    touch(embedding_rows(records), now)
    kind = TOMBSTONE_KINDS.get(records.model)
    if kind is None:  # roles have no resource of their own: their person moved above
        return
    has_slug = any(field.name == "slug" for field in records.model._meta.fields)
    columns = ("pk", "slug") if has_slug else ("pk",)
    Tombstone.objects.bulk_create(
        Tombstone(
            kind=kind,
            record_id=values[0],
            slug=values[1] if has_slug else "",
            deleted_at=now,
            public=public,
        )
        for values in records.values_list(*columns)
    )
