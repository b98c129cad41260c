"""Query intent for positions: one method owns each page's or endpoint's eager loading."""

from django.db import models

from positions.choices import PUBLIC_STATUSES, Status

# What a list of statements shows of each (positions.templatetags.listings.statement_items,
# templates/positions/timeline.html).
STATEMENT_LIST_FIELDS = (
    "status",
    "stated_on",
    "stated_on_precision",
    "stance",
    "shift",
    "summary",
    "party__slug",
    "party__short_name",
    "topic__slug",
    "topic__proposition",
    "speaker__name",
)


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
        """Load what a list of statements shows: party, topic and speaker (no citation).

        Only the columns it shows: a quote may run to ten thousand characters.
        """
        return self.select_related("party", "topic", "speaker").only(*STATEMENT_LIST_FIELDS)
