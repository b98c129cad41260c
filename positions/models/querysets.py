"""Query intent for positions: one method owns each page's or endpoint's eager loading."""

from django.db import models
from django.db.models.functions import Substr

from positions.models.choices import PUBLIC_STATUSES, Status

# How much of a quote a list shows; the position's page has all of it.
QUOTE_OPENING = 300

# What a list of statements shows of each public position, read as a plain named row of only
# these columns: a page lists dozens, and a quote may run to ten thousand characters.
STATEMENT_FIELDS = {
    "party_slug": models.F("party__slug"),
    "party_short_name": models.F("party__short_name"),
    "topic_slug": models.F("topic__slug"),
    "topic_proposition": models.F("topic__proposition"),
    "speaker_name": models.F("speaker__name"),
    "speaker_slug": models.F("speaker__slug"),
    # The quote's opening, one character longer than shown to tell whether it goes on.
    "quote_opening": Substr("quote", 1, QUOTE_OPENING + 1),
}
STATEMENT_COLUMNS = (
    "id",
    "status",
    "stated_on",
    "stated_on_precision",
    "stance",
    "shift",
    "summary",
    "speaker_id",
    *STATEMENT_FIELDS,
)


def every_word_in(words: list[str], *fields: str) -> models.Q:
    """Every word occurs (as a substring, any case) in one of ``fields``."""
    condition = models.Q()
    for word in words:
        any_field = models.Q()
        for name in fields:
            any_field |= models.Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


class PositionQuerySet(models.QuerySet):
    def published(self):
        """Positions in force: published and not retracted."""
        return self.filter(status=Status.PUBLISHED)

    def public(self):
        """Everything readers may see: published, plus retracted ones (marked as such)."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def refresh_orphaned_quotes(self) -> int:
        """Set ``quote_orphaned`` on these positions from their sources' text (see
        ``Position.needs_anchoring``): for a source whose text was written, and for rows
        written without ``save()``. Returns how many rows changed."""
        orphaned = ~models.Q(source__text_sha256="") & ~models.Q(
            anchored_text_sha256=models.F("source__text_sha256")
        )
        marked = self.filter(orphaned, quote_orphaned=False).update(quote_orphaned=True)
        cleared = self.filter(quote_orphaned=True).exclude(orphaned).update(quote_orphaned=False)
        return marked + cleared

    def with_citation(self):
        """Load what a citation line shows: party, topic, speaker, role and source.

        The source's full text is left in the database: lists never show it.
        """
        return self.select_related("party", "topic", "speaker", "role", "source").defer(
            "source__text"
        )

    def for_statement_list(self):
        """What a list of statements shows of each, as named rows of ``STATEMENT_COLUMNS``
        (no citation)."""
        return self.annotate(**STATEMENT_FIELDS).values_list(*STATEMENT_COLUMNS, named=True)


class PositionManager(models.Manager.from_queryset(PositionQuerySet)):
    """Positions without their stored search document, which only searches read, and in
    the database."""

    def get_queryset(self):
        return super().get_queryset().defer("search_document")
