"""Positions as plain rows: the list endpoint's path from the database to JSON.

``PositionSerializer`` describes a position (and drives the schema, the detail view and
writes); building a thousand of them through DRF fields costs ten times the query. Lists
read the same fields with ``values()`` and shape them here. A test holds the two to the
same output, field for field.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

from positions.choices import STANCE_NAMES

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


def moment(value: datetime.datetime | None, tz: datetime.tzinfo) -> str | None:
    """As DRF's DateTimeField renders it: ISO 8601 in ``tz`` (the current one), UTC as ``Z``."""
    if value is None:
        return None
    text = value.astimezone(tz).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class Links:
    """Absolute addresses built from one reversed URL per kind, not one per row."""

    MARKERS = {"pk": "999999999999", "slug": "slug-marker"}

    def __init__(self, request):
        self.request = request
        self.templates: dict[str, tuple[str, str]] = {}

    def __call__(self, view_name: str, kwarg: str, value) -> str:
        if view_name not in self.templates:
            marker = self.MARKERS[kwarg]
            url = self.request.build_absolute_uri(reverse(view_name, kwargs={kwarg: marker}))
            self.templates[view_name] = tuple(url.split(marker, 1))
        head, tail = self.templates[view_name]
        return f"{head}{value}{tail}"


def position_rows(values, request) -> list[dict]:
    """Shape rows read with ``queryset.values(*FIELDS)`` as the API shows positions."""
    link = Links(request)
    # Looked up once: finding the current time zone costs more than converting to it.
    tz = timezone.get_current_timezone()
    rows = []
    for p in values:
        rows.append(
            {
                "id": p["id"],
                "url": link("api:position-detail", "pk", p["id"]),
                "html_url": link("position-detail", "pk", p["id"]),
                "party": {
                    "id": p["party_id"],
                    "slug": p["party__slug"],
                    "name": p["party__name"],
                    "short_name": p["party__short_name"],
                    "url": link("api:party-detail", "slug", p["party__slug"]),
                },
                "topic": {
                    "id": p["topic_id"],
                    "slug": p["topic__slug"],
                    "name": p["topic__name"],
                    "proposition": p["topic__proposition"],
                    "url": link("api:topic-detail", "slug", p["topic__slug"]),
                },
                "speaker": None
                if p["speaker_id"] is None
                else {
                    "id": p["speaker_id"],
                    "slug": p["speaker__slug"],
                    "name": p["speaker__name"],
                    "url": link("api:person-detail", "slug", p["speaker__slug"]),
                },
                "role": p["role__title"],
                "source": {
                    "id": p["source_id"],
                    "title": p["source__title"],
                    "outlet": p["source__outlet"],
                    "source_url": p["source__url"],
                    "published_at": moment(p["source__published_at"], tz),
                    "modified_at": moment(p["source__modified_at"], tz),
                    "url": link("api:source-detail", "pk", p["source_id"]),
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
                "published_at": moment(p["published_at"], tz),
                "retracted_at": moment(p["retracted_at"], tz),
                "retraction_reason": p["retraction_reason"],
                "created_at": moment(p["created_at"], tz),
                "updated_at": moment(p["updated_at"], tz),
            }
        )
    return rows
