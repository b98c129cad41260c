"""The timeline endpoint's window: the newest ``limit`` statements on a topic before a key.

A window costs one read of the (topic, stated_on, id) index however long the topic's record
grows; the key of its oldest point is where the next window back starts, so following the
windows visits every statement exactly once.

A window holds up to a thousand points, so its rows are read with ``values_list()`` and
shaped here rather than built as models and passed through ``TimelineSerializer``, which
describes the response (and drives the schema); a test holds the two to the same output.
"""

import datetime
from dataclasses import dataclass

from rest_framework.utils.urls import replace_query_param

from positions.api.rows import Links
from positions.api.serializers import TopicBriefSerializer
from positions.models import Topic
from positions.models.choices import STANCE_NAMES
from positions.reading.timelines import timeline_statements

# A point is a row of these, in this order (unpacked so below), read as a plain tuple: a
# window holds up to a thousand.
POINT_FIELDS = (
    "id",
    "party_id",
    "party__slug",
    "party__name",
    "party__short_name",
    "stated_on",
    "stance",
    "shift",
)


@dataclass
class TimelineWindow:
    # Newest first, as read from the index: tuples of POINT_FIELDS.
    points: list[tuple]
    # (stated_on, id) of the oldest point shown, when older statements remain.
    next_key: tuple[datetime.date, int] | None


def timeline_window(
    *,
    topic: Topic,
    party_slugs: list[str] | None,
    limit: int,
    before: tuple[datetime.date, int] | None,
) -> TimelineWindow:
    statements = timeline_statements(topic=topic, party_slugs=party_slugs, before=before)
    # One statement more than asked says whether anything older is left.
    rows = statements.order_by("-stated_on", "-id").values_list(*POINT_FIELDS)[: limit + 1]
    points = list(rows)
    if len(points) <= limit:
        return TimelineWindow(points=points, next_key=None)
    del points[limit:]
    oldest_id, _, _, _, _, oldest_date, _, _ = points[-1]
    return TimelineWindow(points=points, next_key=(oldest_date, oldest_id))


def older_link(request, window: TimelineWindow) -> str | None:
    """This request's address asking for the window before the oldest point shown."""
    if window.next_key is None:
        return None
    stated_on, position_id = window.next_key
    return replace_query_param(
        request.build_absolute_uri(), "before", f"{stated_on.isoformat()},{position_id}"
    )


def timeline_body(request, topic: Topic, window: TimelineWindow) -> dict:
    """The response ``TimelineSerializer`` describes: one series per party, ordered by its
    short name, each with its points oldest first."""
    link = Links(request)
    series: dict[int, dict] = {}
    # The window runs newest first: walked backwards, each party's points come oldest first.
    for position_id, party_id, slug, name, short_name, stated_on, stance, shift in reversed(
        window.points
    ):
        if party_id not in series:
            series[party_id] = {
                "party": {
                    "id": party_id,
                    "slug": slug,
                    "name": name,
                    "short_name": short_name,
                    "url": link("api:party-detail", "slug", slug),
                },
                "points": [],
            }
        series[party_id]["points"].append(
            {
                "date": stated_on,  # the JSON renderer writes it as ISO 8601
                "stance": STANCE_NAMES[stance],
                "stance_score": stance,
                "position": position_id,
                "shift": shift or None,
            }
        )
    next_link = older_link(request, window)
    return {
        "topic": TopicBriefSerializer(topic, context={"request": request}).data,
        "series": sorted(
            series.values(), key=lambda s: (s["party"]["short_name"], s["party"]["id"])
        ),
        "truncated": next_link is not None,
        "next": next_link,
    }
