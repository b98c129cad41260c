"""Every write of what positions cite: parties, people, roles, topics, events and sources.

The desk calls these functions; each checks permission, records who made the change and
writes it in one transaction. Saving a source whose text changed re-checks the quotes
anchored in it there and then, so the desk's orphaned-quote marks are right as soon as the
save returns. Positions themselves are written by ``editorial.services``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from positions.editorial import sync
from positions.models import Event, Party, Person, Position, Role, Source, Topic

CITED_MODELS = (Party, Person, Role, Topic, Event, Source)

# Deleting what positions cite would break the record (the database refuses it);
# these say why, before the desk offers to delete.
_CITED_BY = {
    Source: ("positions", "reports"),
    Party: ("positions", "roles"),
    Person: ("positions", "roles"),
    Topic: ("positions", "children"),
    Role: ("positions",),
}


def _require(user, model: type[models.Model], action: str) -> None:
    if model not in CITED_MODELS:
        raise TypeError(f"{model.__name__} rows are not written here.")
    opts = model._meta
    permission = f"{opts.app_label}.{action}_{opts.model_name}"
    if not (user and user.is_active and user.has_perm(permission)):
        raise PermissionDenied(f"You are not allowed to {action} {opts.verbose_name_plural}.")


@transaction.atomic
def record_save(*, record: models.Model, user) -> models.Model:
    """Create or edit a party, person, role, topic, event or source, validated by the caller.

    For an edited source, the stored text's fingerprint is read under lock and compared with
    the one being written: when they differ, the quotes of its positions are re-checked.
    """
    adding = record._state.adding
    _require(user, type(record), "add" if adding else "change")
    stored_fingerprint = None
    if isinstance(record, Source) and not adding:
        stored_fingerprint = (
            Source.objects.select_for_update()
            .filter(pk=record.pk)
            .values_list("text_sha256", flat=True)
            .first()
        )
    if isinstance(record, Topic) and (cycle := record.parent_cycle()):
        raise ValidationError({"parent": cycle})
    previous_person_id = sync.stored_person_id(record)
    record._history_user = user
    record.save()
    # What embeds the record shows the change too (the API's sync contract).
    sync.record_saved(record, previous_person_id=previous_person_id)
    if isinstance(record, Source) and not adding and stored_fingerprint != record.text_sha256:
        Position.objects.filter(source=record).refresh_orphaned_quotes()
    return record


@transaction.atomic
def record_delete(*, record: models.Model, user) -> None:
    """Delete a party, person, role, topic, event or source that nothing cites."""
    _require(user, type(record), "delete")
    sync.records_deleting(type(record).objects.filter(pk=record.pk))
    record._history_user = user
    record.delete()


@transaction.atomic
def records_delete(*, records: models.QuerySet, user) -> int:
    """Delete every row of ``records`` (all or none); returns how many were deleted."""
    _require(user, records.model, "delete")
    sync.records_deleting(records)
    # One delete, so that rows citing each other (a topic and its sub-topic) go together;
    # their history takes its user from the request (HistoryRequestMiddleware).
    _, deleted = records.delete()
    return deleted.get(records.model._meta.label, 0)


def deletion_refusal(record: models.Model) -> str | None:
    """Why ``record`` may not be deleted, or None when nothing cites it."""
    reasons = []
    for relation in _CITED_BY.get(type(record), ()):
        count = getattr(record, relation).count()
        if count:
            noun = record._meta.get_field(relation).related_model._meta
            name = noun.verbose_name if count == 1 else noun.verbose_name_plural
            reasons.append(f"{count} {name}")
    if not reasons:
        return None
    return (
        f"“{record}” cannot be deleted: {' and '.join(reasons)} refer to it. "
        "The record keeps what it cites; retract or correct those positions instead, "
        "or edit this entry."
    )
