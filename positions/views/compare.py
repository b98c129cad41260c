import datetime

from django.shortcuts import render
from django.utils import timezone

from positions.models import Party, Topic
from positions.reading.requests import CompareForm
from positions.reading.stances import stance_changes, stance_matrix, topic_rows
from positions.views.ordering import tree_order


def _typed_dates(form: CompareForm) -> dict[str, str]:
    """The dates as the form's boxes show them: what was read, else what was typed."""
    read = form.cleaned_data if form.is_valid() else {}
    return {
        name: read[name].isoformat() if read.get(name) else (form[name].value() or "")
        for name in ("as_of", "from", "to")
    }


def compare(request):
    """Parties × topics as of a date, or (with ``from``) what changed between two dates."""
    all_parties, all_topics = list(Party.objects.all()), list(Topic.objects.all())
    form = CompareForm(request.GET, parties=all_parties, topics=all_topics)
    context = {
        "form": form,
        "all_parties": all_parties,
        "all_topics": tree_order(all_topics, all_topics),
        "chosen_parties": set(form.typed_slugs("parties")),
        "chosen_topics": set(form.typed_slugs("topics")),
        "dates": _typed_dates(form),
        "mode": "changes" if form.lists_changes else "matrix",
    }
    if not form.is_valid():
        # The reader's choices stay in the form, beside what is wrong with them.
        return render(request, "positions/compare_invalid.html", context, status=400)
    query = form.cleaned_data
    axes = {"party_slugs": query["parties"], "topic_slugs": query["topics"]}
    if query["from"] is not None:
        start, end = query["from"], query["to"]
        context |= {
            "start": start,
            "end": end,
            "changes": stance_changes(start=start, end=end, **axes),
        }
        return render(request, "positions/compare_changes.html", context)
    as_of = query["as_of"]
    matrix = stance_matrix(as_of=as_of, **axes)
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
        "matrix": matrix,
        "rows": rows,
        "as_of": as_of,
        "is_today": as_of == timezone.localdate(),
        "month_ago": as_of - datetime.timedelta(days=30) if as_of.year > 1 else as_of,
    }
    return render(request, "positions/compare.html", context)
