"""The timeline endpoint's window: the newest ``limit`` statements on a topic before a key.

A window costs one read of the (topic, stated_on, id) index however long the topic's record
grows; the key of its oldest point is where the next window back starts, so following the
windows visits every statement exactly once.
"""

import datetime
from dataclasses import dataclass

from rest_framework.utils.urls import replace_query_param

from positions.models import Topic
from positions.selectors import PartySeries, topic_timeline


@dataclass
class TimelineWindow:
    series: list[PartySeries]
    # (stated_on, id) of the oldest point shown, when older statements remain.
    next_key: tuple[datetime.date, int] | None


def _key(position) -> tuple[datetime.date, int]:
    return position.stated_on, position.id


def timeline_window(
    *,
    topic: Topic,
    party_slugs: list[str] | None,
    limit: int,
    before: tuple[datetime.date, int] | None,
) -> TimelineWindow:
    # One statement more than asked says whether anything older is left.
    series = topic_timeline(topic=topic, party_slugs=party_slugs, latest=limit + 1, before=before)
    if sum(len(s.points) for s in series) <= limit:
        return TimelineWindow(series=series, next_key=None)
    # Points run oldest first in each series: the overall oldest begins one of them.
    extra = min(series, key=lambda s: _key(s.points[0]))
    extra.points.pop(0)
    series = [s for s in series if s.points]
    return TimelineWindow(series=series, next_key=min(_key(s.points[0]) for s in series))


def older_link(request, window: TimelineWindow) -> str | None:
    """This request's address asking for the window before the oldest point shown."""
    if window.next_key is None:
        return None
    stated_on, position_id = window.next_key
    return replace_query_param(
        request.build_absolute_uri(), "before", f"{stated_on.isoformat()},{position_id}"
    )
