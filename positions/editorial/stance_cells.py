"""Keeping the parties × topics stance cells in step with the record.

The services that write a position refresh the cell it belongs to (and the one it left)
in the same transaction; bulk loads rebuild every cell at the end. Nothing refreshes a
cell behind the caller's back.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery

from positions.models import Position, StanceCell
from positions.models.choices import PUBLIC_STATUSES, Status


def run_starts(*, party_id, topic_id, stance, position_model=Position):
    """The published positions of a cell that hold ``stance`` with no published position of
    another stance after them, earliest first: the first is where the run of ``stance`` that
    ends the cell began, "since when" the party has held it.

    The arguments are values, or ``OuterRef``s to a cell's columns (``rebuild_cells``).
    """
    published = position_model.objects.filter(status=Status.PUBLISHED)
    # Inside the second subquery the cell is one level further out.
    party, topic, held = (
        OuterRef(value) if isinstance(value, OuterRef) else value
        for value in (party_id, topic_id, stance)
    )
    other_after = (
        published.filter(party_id=party, topic_id=topic)
        .exclude(stance=held)
        .filter(
            Q(stated_on__gt=OuterRef("stated_on"))
            | Q(stated_on=OuterRef("stated_on"), id__gt=OuterRef("id"))
        )
    )
    return (
        published.filter(party_id=party_id, topic_id=topic_id, stance=stance)
        .exclude(Exists(other_after))
        .order_by("stated_on", "id")
    )


def copied_fields(cell_model=StanceCell) -> list[str]:
    """The position fields a cell copies from its latest one (``latest_<field>`` columns)."""
    return [
        field.name.removeprefix("latest_")
        for field in cell_model._meta.concrete_fields
        if field.name.startswith("latest_")
    ]


def refresh_cells(cells: Iterable[tuple[int | None, int | None]]) -> None:
    """Recount each (party id, topic id) cell and point it at its latest published position."""
    for party_id, topic_id in sorted({cell for cell in cells if None not in cell}):
        # No savepoint: the refresh belongs to the write that triggered it.
        with transaction.atomic(savepoint=False):
            _refresh(party_id, topic_id)


def _refresh(party_id: int, topic_id: int) -> None:
    # The cell row is locked before counting: a concurrent write in the same cell waits,
    # then counts what this one committed (each statement reads the latest commits).
    cell = _locked_cell(party_id, topic_id)
    counts = _counts(party_id, topic_id)
    if not counts["public"]:
        if cell is not None:
            cell.delete()
        return
    if cell is None:
        StanceCell.objects.bulk_create(
            [StanceCell(party_id=party_id, topic_id=topic_id)], ignore_conflicts=True
        )
        cell = _locked_cell(party_id, topic_id)
        counts = _counts(party_id, topic_id)
    copied = copied_fields()
    latest = (
        Position.objects.published()
        .filter(party_id=party_id, topic_id=topic_id)
        .order_by("-stated_on", "-id")
        .values("id", *copied)
        .first()
    ) or {}
    cell.latest_id = latest.get("id")
    for name in copied:
        setattr(cell, f"latest_{name}", latest.get(name))
    start = {}
    if latest:
        start = (
            run_starts(party_id=party_id, topic_id=topic_id, stance=latest["stance"])
            .values("stated_on", "stated_on_precision")
            .first()
        ) or {}
    cell.since_stated_on = start.get("stated_on")
    cell.since_stated_on_precision = start.get("stated_on_precision")
    cell.published_count, cell.public_count = counts["published"], counts["public"]
    cell.save()


def _locked_cell(party_id: int, topic_id: int) -> StanceCell | None:
    return (
        StanceCell.objects.select_for_update().filter(party_id=party_id, topic_id=topic_id).first()
    )


def _counts(party_id: int, topic_id: int) -> dict[str, int]:
    return Position.objects.filter(party_id=party_id, topic_id=topic_id).aggregate(
        published=Count("id", filter=Q(status=Status.PUBLISHED)),
        public=Count("id", filter=Q(status__in=PUBLIC_STATUSES)),
    )


def rebuild_cells(*, position_model=Position, cell_model=StanceCell) -> int:
    """Recompute every cell from the positions (after a bulk load); returns how many exist.

    Takes the models as arguments so that a migration can run it on its historical models,
    whose cells copy the fields they had then.
    """
    public = position_model.objects.filter(status__in=PUBLIC_STATUSES)
    totals = (
        public.order_by()
        .values("party_id", "topic_id")
        .annotate(published=Count("id", filter=Q(status=Status.PUBLISHED)), public=Count("id"))
    )
    latest = public.filter(
        status=Status.PUBLISHED, party_id=OuterRef("party_id"), topic_id=OuterRef("topic_id")
    ).order_by("-stated_on", "-id")
    with transaction.atomic():
        cell_model.objects.all().delete()
        cell_model.objects.bulk_create(
            (
                cell_model(
                    party_id=row["party_id"],
                    topic_id=row["topic_id"],
                    published_count=row["published"],
                    public_count=row["public"],
                )
                for row in totals.iterator()
            ),
            batch_size=1000,
        )
        cell_model.objects.update(
            latest_id=Subquery(latest.values("id")[:1]),
            **{
                f"latest_{name}": Subquery(latest.values(name)[:1])
                for name in copied_fields(cell_model)
            },
        )
        if "since_stated_on" not in {field.name for field in cell_model._meta.concrete_fields}:
            # A migration's historical cells may predate the column.
            return cell_model.objects.count()
        start = run_starts(
            party_id=OuterRef("party_id"),
            topic_id=OuterRef("topic_id"),
            stance=OuterRef("latest_stance"),
            position_model=position_model,
        )
        cell_model.objects.update(
            since_stated_on=Subquery(start.values("stated_on")[:1]),
            since_stated_on_precision=Subquery(start.values("stated_on_precision")[:1]),
        )
    return cell_model.objects.count()
