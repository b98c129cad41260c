"""Query intent for positions: one method owns each page's or endpoint's eager loading."""

from django.db import models

from positions.choices import PUBLIC_STATUSES, Status


class PositionQuerySet(models.QuerySet):
    def published(self):
        """Positions in force: published and not retracted."""
        return self.filter(status=Status.PUBLISHED)

    def public(self):
        """Everything readers may see: published, plus retracted ones (marked as such)."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def with_citation(self):
        """Load what a citation line shows: party, topic, speaker, role and source.

        The source's full text is left in the database: lists never show it.
        """
        return self.select_related("party", "topic", "speaker", "role", "source").defer(
            "source__text"
        )

    def for_statement_list(self):
        """Load what a list of statements shows: party, topic and speaker (no citation)."""
        return self.select_related("party", "topic", "speaker")
