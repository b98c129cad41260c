import datetime

from django.shortcuts import render
from django.utils import timezone

from positions.models import Party, Topic
from positions.reading.stances import stance_changes, stance_matrix, topic_rows
from positions.views.ordering import tree_order
from positions.views.params import BadParameter, date_param, friendly_bad_request, slugs_param


def _with_subtopics(slugs: list[str], all_topics: list[Topic]) -> list[str]:
    """Choosing a topic chooses the parts of it too: “Peacekeeping” brings its sub-topics."""
    children: dict[int | None, list[Topic]] = {}
    for topic in all_topics:
        children.setdefault(topic.parent_id, []).append(topic)
    chosen = [t for t in all_topics if t.slug in set(slugs)]
    found: dict[int, Topic] = {}
    while chosen:
        topic = chosen.pop()
        if topic.id not in found:
            found[topic.id] = topic
            chosen.extend(children.get(topic.id, []))
    return [t.slug for t in found.values()]


@friendly_bad_request
def compare(request):
    """Parties × topics as of a date, or (with ``from``) what changed between two dates."""
    today = timezone.localdate()
    party_slugs = slugs_param(request, "parties")
    topic_slugs = slugs_param(request, "topics")
    all_parties, all_topics = list(Party.objects.all()), list(Topic.objects.all())
    unknown = sorted(
        (set(party_slugs) - {p.slug for p in all_parties})
        | (set(topic_slugs) - {t.slug for t in all_topics})
    )
    if topic_slugs:
        topic_slugs = _with_subtopics(topic_slugs, all_topics)
    context = {
        "all_parties": all_parties,
        "all_topics": tree_order(all_topics, all_topics),
        "chosen_parties": set(party_slugs),
        "chosen_topics": set(slugs_param(request, "topics")),
        "unknown": unknown,
        "today": today,
    }
    start = date_param(request, "from")
    if start is not None:
        end = date_param(request, "to", default=today)
        if start > end:
            raise BadParameter("“from” must be on or before “to”.")
        context |= {
            "mode": "changes",
            "start": start,
            "end": end,
            "changes": stance_changes(
                start=start,
                end=end,
                party_slugs=party_slugs,
                topic_slugs=topic_slugs,
            ),
        }
        return render(request, "positions/compare_changes.html", context)
    as_of = date_param(request, "as_of", default=today)
    matrix = stance_matrix(as_of=as_of, party_slugs=party_slugs, topic_slugs=topic_slugs)
    matrix.topics = tree_order(matrix.topics, all_topics)
    by_id = {t.id: t for t in all_topics}
    shown = {t.id for t in matrix.topics}
    rows, group = [], None
    for topic, cells in topic_rows(matrix):
        # A sub-topic whose parent has no row of its own still gets its parent as a heading.
        if topic.parent_id and topic.parent_id not in shown and topic.parent_id != group:
            rows.append({"group": by_id[topic.parent_id]})
        group = topic.parent_id or topic.id
        rows.append(
            {
                "topic": topic,
                "cells": cells,
                "common_ground": matrix.is_common_ground(topic),
                "divide": matrix.is_divide(topic),
            }
        )
    context |= {
        "mode": "matrix",
        "matrix": matrix,
        "rows": rows,
        "as_of": as_of,
        "is_today": as_of == today,
        "month_ago": as_of - datetime.timedelta(days=30) if as_of.year > 1 else as_of,
    }
    return render(request, "positions/compare.html", context)
