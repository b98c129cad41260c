"""Positions as plain rows: the list endpoint's path from the database to JSON.

``PositionSerializer`` describes a position (and drives the schema, the detail view and
writes); building a thousand of them through DRF fields costs ten times the query. Lists
read the same fields with ``values()`` and shape them here. A test holds the two to the
same output, field for field.
"""

import datetime
import functools

from django.db.models import QuerySet
from django.utils import timezone

from positions.models import Position
from positions.models.choices import STANCE_NAMES
from positions.reading.links import around_marker, where

# Everything a list row shows, read in one query (the queryset's filters and order stand).
FIELDS = (
    "id",
    "party_id",
    "party__slug",
    "party__name",
    "party__short_name",
    "topic_id",
    "topic__slug",
    "topic__name",
    "topic__proposition",
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "role__title",
    "source_id",
    "source__title",
    "source__outlet",
    "source__url",
    "source__published_at",
    "source__modified_at",
    "stance",
    "shift",
    "previous_id",
    "stated_on",
    "stated_on_precision",
    "quote",
    "summary",
    "conditions",
    "move",
    "status",
    "version",
    "published_at",
    "retracted_at",
    "retraction_reason",
    "created_at",
    "updated_at",
)


@functools.cache
def _list_query(drafts: bool) -> QuerySet:
    positions = Position.objects.all() if drafts else Position.objects.public()
    return positions.values(*FIELDS)


def list_values(*, drafts: bool) -> QuerySet:
    """Positions read as the rows ``position_rows`` shapes, drafts only for editorial staff.

    Resolving 35 columns over five joins costs the ORM about a millisecond; it is done
    once per process, and each request filters a copy.
    """
    return _list_query(drafts).all()


def moment(value: datetime.datetime | None, tz: datetime.tzinfo) -> str | None:
    """As DRF's DateTimeField renders it: ISO 8601 in ``tz`` (the current one), UTC as ``Z``."""
    if value is None:
        return None
    text = value.astimezone(tz).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def moments_in(tz: datetime.tzinfo):
    """How a list writes its timestamps in ``tz``.

    Values are read in UTC. When UTC is also the zone to show them in, they are left to the
    JSON renderer, which writes them as DRF does (ISO 8601, microseconds when there are any,
    ``Z``) without a Python call per value.
    """
    if tz is datetime.UTC or getattr(tz, "key", None) == "UTC":
        return _as_read
    return functools.partial(_moment_in, tz)


def _as_read(value):
    return value


def _moment_in(tz, value):
    return moment(value, tz)


class Links:
    """Absolute addresses for the records a response shows.

    Each kind's address is reversed once per process (``positions.reading.links``) and completed
    with this request's scheme and host: a list of 50 positions needs 300 addresses.
    """

    def __init__(self, request):
        self.origin = request.build_absolute_uri("/").removesuffix("/")
        self.where = where()

    def __call__(self, view_name: str, kwarg: str, value) -> str:
        head, tail = around_marker(view_name, kwarg, *self.where)
        return f"{self.origin}{head}{value}{tail}"

    def maker(self, view_name: str, kwarg: str):
        """A function from a record's key to its address, for lists that build many."""
        head, tail = around_marker(view_name, kwarg, *self.where)
        escape = {ord("{"): "{{", ord("}"): "}}"}
        return ((self.origin + head).translate(escape) + "{}" + tail.translate(escape)).format


def position_rows(values, request) -> list[dict]:
    """Shape rows read with ``queryset.values(*FIELDS)`` as the API shows positions.

    Timestamps may be left as datetimes (see ``moments_in``): render rows with the API's
    JSON renderer, as the list does.
    """
    link = Links(request)
    position_url = link.maker("api:position-detail", "pk")
    position_page = link.maker("position-detail", "pk")
    party_url = link.maker("api:party-detail", "slug")
    topic_url = link.maker("api:topic-detail", "slug")
    person_url = link.maker("api:person-detail", "slug")
    source_url = link.maker("api:source-detail", "pk")
    # Looked up once: finding the current time zone costs more than converting to it.
    moment_of = moments_in(timezone.get_current_timezone())
    rows = []
    for p in values:
        rows.append(
            {
                "id": p["id"],
                "url": position_url(p["id"]),
                "html_url": position_page(p["id"]),
                "party": {
                    "id": p["party_id"],
                    "slug": p["party__slug"],
                    "name": p["party__name"],
                    "short_name": p["party__short_name"],
                    "url": party_url(p["party__slug"]),
                },
                "topic": {
                    "id": p["topic_id"],
                    "slug": p["topic__slug"],
                    "name": p["topic__name"],
                    "proposition": p["topic__proposition"],
                    "url": topic_url(p["topic__slug"]),
                },
                "speaker": None
                if p["speaker_id"] is None
                else {
                    "id": p["speaker_id"],
                    "slug": p["speaker__slug"],
                    "name": p["speaker__name"],
                    "url": person_url(p["speaker__slug"]),
                },
                "role": p["role__title"],
                "source": {
                    "id": p["source_id"],
                    "title": p["source__title"],
                    "outlet": p["source__outlet"],
                    "source_url": p["source__url"],
                    "published_at": moment_of(p["source__published_at"]),
                    "modified_at": moment_of(p["source__modified_at"]),
                    "url": source_url(p["source_id"]),
                },
                "stance": STANCE_NAMES[p["stance"]],
                "stance_score": p["stance"],
                "shift": p["shift"] or None,
                "previous": p["previous_id"],
                "stated_on": p["stated_on"].isoformat(),
                "stated_on_precision": p["stated_on_precision"],
                "quote": p["quote"],
                "summary": p["summary"],
                "conditions": p["conditions"],
                "move": p["move"],
                "status": p["status"],
                "version": p["version"],
                "published_at": moment_of(p["published_at"]),
                "retracted_at": moment_of(p["retracted_at"]),
                "retraction_reason": p["retraction_reason"],
                "created_at": moment_of(p["created_at"]),
                "updated_at": moment_of(p["updated_at"]),
            }
        )
    return rows
