"""Query intent for positions: one method owns each page's or endpoint's eager loading."""

import datetime
from typing import NamedTuple

from django.db import models
from django.db.models.query import ValuesListIterable

from positions.models.choices import PUBLIC_STATUSES, Status
from positions.reading.links import record_url


class Statement(NamedTuple):
    """A public position as a list of statements shows it
    (positions.templatetags.listings.statement_items, templates/positions/timeline.html).

    Read as a plain row of only these columns: a page lists fifty, and a quote may run to
    ten thousand characters.
    """

    id: int
    status: str
    stated_on: datetime.date
    stated_on_precision: str
    stance: int
    shift: str
    summary: str
    party_slug: str
    party_short_name: str
    topic_slug: str
    topic_proposition: str
    speaker_id: int | None
    speaker_name: str | None

    @property
    def pk(self) -> int:
        return self.id

    def get_absolute_url(self) -> str:
        return record_url("position-detail", "pk", self.id)


# Statement's fields as a queryset names them, in the same order.
STATEMENT_COLUMNS = (
    "id",
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
    "speaker_id",
    "speaker__name",
)


class StatementRows(ValuesListIterable):
    """Rows of ``STATEMENT_COLUMNS`` as ``Statement`` tuples."""

    def __iter__(self):
        return map(Statement._make, super().__iter__())


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
        """What a list of statements shows of each, as ``Statement`` rows (no citation)."""
        rows = self.values_list(*STATEMENT_COLUMNS)
        # As values_list(named=True) does, with a row type that knows its address.
        rows._iterable_class = StatementRows
        return rows


class PositionManager(models.Manager.from_queryset(PositionQuerySet)):
    """Positions without their stored search document, which only searches read, and in
    the database."""

    def get_queryset(self):
        return super().get_queryset().defer("search_document")
