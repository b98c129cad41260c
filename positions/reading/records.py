"""Reads about parties and topics as records: their counts, speakers and latest shifts."""

from django.db.models import (
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from positions.models import Party, Person, Position, Role, StanceCell
from positions.models.choices import PUBLIC_STATUSES, Shift


def public_statement_count(party: Party) -> int:
    """How many public positions ``party`` has, summed from its stance cells."""
    total = StanceCell.objects.filter(party=party).aggregate(total=Sum("public_count"))["total"]
    return total or 0


def per_row(related: QuerySet, foreign_key: str, aggregate) -> Coalesce:
    """``aggregate`` over the ``related`` rows whose ``foreign_key`` points at each outer row,
    worked out row by row (0 when there are none): an annotation that reads each row's
    share from the foreign key's index instead of joining and grouping the whole table."""
    share = (
        related.filter(**{foreign_key: OuterRef("pk")})
        .order_by()
        .values(foreign_key)
        .annotate(total=aggregate)
        .values("total")
    )
    return Coalesce(Subquery(share, output_field=IntegerField()), 0)


def with_published_counts(records: QuerySet, axis: str) -> QuerySet:
    """Parties (``axis="party"``) or topics (``"topic"``) annotated with ``position_count``,
    their published positions, summed from the stance cells rather than counted."""
    return records.annotate(
        position_count=per_row(StanceCell.objects.all(), axis, Sum("published_count"))
    )


def party_speakers(party: Party):
    """People who made a public statement for ``party``, with their roles in it.

    The party's speakers are read by skipping through ``position_party_speaker_idx`` from
    each speaker to the next (a loose index scan): one probe per speaker of the party,
    whatever the number of its statements or of people on record.
    """
    table = Position._meta.db_table
    public = "p.party_id = %s AND p.status IN ({})".format(", ".join(["%s"] * len(PUBLIC_STATUSES)))
    params = [party.id, *map(str, PUBLIC_STATUSES)]
    spoke = RawSQL(
        "WITH RECURSIVE spoke(speaker_id) AS ("
        f" SELECT MIN(p.speaker_id) FROM {table} p WHERE {public}"
        " UNION ALL"
        f" SELECT (SELECT MIN(p.speaker_id) FROM {table} p WHERE {public}"
        " AND p.speaker_id > spoke.speaker_id)"
        " FROM spoke WHERE spoke.speaker_id IS NOT NULL"
        ") SELECT speaker_id FROM spoke WHERE speaker_id IS NOT NULL",
        params * 2,
    )
    return Person.objects.filter(id__in=spoke).prefetch_related(
        Prefetch("roles", queryset=Role.objects.filter(party=party))
    )


def recent_shifts(*, limit: int = 10) -> list[Position]:
    """The latest published positions that moved a party's stance (one query)."""
    moved = [Shift.TOWARDS_SUPPORT, Shift.TOWARDS_REJECTION, Shift.REVERSAL]
    return list(
        Position.objects.published()
        .filter(shift__in=moved)
        .select_related("party", "topic", "previous")
        .only(
            "shift",
            "stance",
            "stated_on",
            "stated_on_precision",
            "party__short_name",
            "topic__proposition",
            "previous__stance",
        )
        .order_by("-stated_on", "-id")[:limit]
    )
