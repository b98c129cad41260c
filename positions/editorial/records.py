"""Every write of what positions cite: parties, people, roles, topics, events and sources.

The desk calls these functions; each checks permission, records who made the change and
writes it in one transaction. Saving a source whose text changed re-checks the quotes
anchored in it there and then, so the desk's orphaned-quote marks are right as soon as the
save returns. Positions themselves are written by ``editorial.services``.
"""

import contextlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from positions.editorial import services, sync
from positions.editorial.validators import require_note
from positions.models import Event, Party, Person, Position, Role, Source, Topic, text_sha256

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


def is_public(record: models.Model) -> bool:
    """Whether readers see the stored ``record`` (see ``models.public_records``)."""
    if record.pk is None:
        return False
    return type(record).objects.public().filter(pk=record.pk).exists()


def is_reviewer(user) -> bool:
    return bool(user and user.is_active and user.has_perm("positions.publish_position"))


def public_record_refusal(record: models.Model, user) -> str | None:
    """Why ``user`` may not change ``record``, or None: what readers see changes only by a
    reviewer's hand, as positions do. A role given to a public person becomes public."""
    if is_reviewer(user):
        return None
    joins = isinstance(record, Role) and Person.objects.public().filter(pk=record.person_id)
    if not (is_public(record) or (joins and joins.exists())):
        return None
    return (
        f"“{record}” is part of the public record (a published position or an event cites "
        "it), so only a reviewer may change it. Ask a reviewer to make the change."
    )


def _require_review(record: models.Model, user) -> None:
    if refusal := public_record_refusal(record, user):
        raise PermissionDenied(refusal)


def _require(user, model: type[models.Model], action: str) -> None:
    if model not in CITED_MODELS:
        raise TypeError(f"{model.__name__} rows are not written here.")
    opts = model._meta
    permission = f"{opts.app_label}.{action}_{opts.model_name}"
    if not (user and user.is_active and user.has_perm(permission)):
        raise PermissionDenied(f"You are not allowed to {action} {opts.verbose_name_plural}.")


@transaction.atomic
def record_save(*, record: models.Model, user, note: str = "") -> models.Model:
    """Create or edit a party, person, role, topic, event or source, validated by the caller.

    Only reviewers change what readers see (``public_record_refusal``). For an edited
    source, the stored text's fingerprint is read under lock and compared with the one
    being written: when they differ, the quotes of its positions are re-checked. The text of
    a public source changes only by a correction with a ``note`` (kept in its history with
    the old text); its quotes are then re-anchored in the new text, and those no longer in
    it are marked orphaned.
    """
    adding = record._state.adding
    _require(user, type(record), "add" if adding else "change")
    _require_review(record, user)
    was_public = isinstance(record, Source) and is_public(record)
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
    text_corrected = was_public and stored_fingerprint != text_sha256(record.text)
    if text_corrected:
        note = require_note(
            note, missing="Positions quote this text: say what was corrected in it and why."
        )
        record._change_reason = f"Text corrected: {note}"
    record._history_user = user
    record.save()
    # What embeds the record shows the change too (the API's sync contract).
    sync.record_saved(record, previous_person_id=previous_person_id)
    if isinstance(record, Source) and not adding and stored_fingerprint != record.text_sha256:
        Position.objects.filter(source=record).refresh_orphaned_quotes()
    if text_corrected:
        _reanchor_quotes(record, user)
    return record


def _reanchor_quotes(source: Source, user) -> None:
    """Find each quote of ``source`` again in its corrected text; those not found stay
    marked orphaned, listed on the desk, until a reviewer corrects them."""
    for position in source.positions.filter(quote_orphaned=True):
        with contextlib.suppress(ValidationError):
            services.position_reanchor(position=position, user=user)


@transaction.atomic
def record_delete(*, record: models.Model, user) -> None:
    """Delete a party, person, role, topic, event or source that nothing cites."""
    _require(user, type(record), "delete")
    _require_review(record, user)
    sync.records_deleting(type(record).objects.filter(pk=record.pk))
    record._history_user = user
    record.delete()


@transaction.atomic
def records_delete(*, records: models.QuerySet, user) -> int:
    """Delete every row of ``records`` (all or none); returns how many were deleted."""
    _require(user, records.model, "delete")
    for record in records:
        _require_review(record, user)
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
