"""The parties × topics matrix, kept as one row per cell."""

from django.db import models

from positions.models.choices import (
    DATE_PRECISION_LENGTH,
    DatePrecision,
    Move,
    Stance,
)


class StanceCell(models.Model):
    """One cell of the parties × topics matrix: a party's latest published position on a
    topic and how many public positions it has there.

    Derived from positions and rewritten by the services that write them
    (``positions/editorial/stance_cells.py``), so that pages read one row per cell instead of
    searching a record of millions of positions. A cell exists only while the party has a
    public position on the topic.
    """

    # Indexed by the count indexes below, which lead with each.
    party = models.ForeignKey(
        "positions.Party", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    topic = models.ForeignKey(
        "positions.Topic", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # Null when every public position in the cell is retracted.
    latest = models.ForeignKey(
        "positions.Position", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Copied from the latest published position, so that a matrix reads its cells without
    # looking up a position for each; null, like ``latest``, when there is none.
    latest_stated_on = models.DateField(null=True)
    latest_stated_on_precision = models.CharField(  # noqa: DJ001 (null: no latest position)
        max_length=DATE_PRECISION_LENGTH, choices=DatePrecision, null=True
    )
    latest_stance = models.SmallIntegerField(choices=Stance, null=True)
    latest_move = models.CharField(max_length=20, choices=Move, null=True)  # noqa: DJ001
    latest_summary = models.CharField(max_length=500, null=True)  # noqa: DJ001
    # Since when the party has held the latest position's stance: the date of the first
    # published position of the run that ends with it (kept with it, like the copies above).
    since_stated_on = models.DateField(null=True)
    since_stated_on_precision = models.CharField(  # noqa: DJ001 (null: no latest position)
        max_length=DATE_PRECISION_LENGTH, choices=DatePrecision, null=True
    )
    published_count = models.PositiveIntegerField(default=0)
    public_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["party", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["party", "topic"], name="stance_cell_unique"),
        ]
        indexes = [
            models.Index(fields=["topic", "party"], name="stance_cell_topic_idx"),
            # A party's or topic's totals, summed from the index alone (home, party pages).
            models.Index(
                fields=["party", "published_count", "public_count"],
                name="stance_cell_party_counts_idx",
            ),
            models.Index(
                fields=["topic", "published_count", "public_count"],
                name="stance_cell_topic_counts_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party_id} × {self.topic_id}: {self.public_count} public"
