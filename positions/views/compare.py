import datetime

from django.shortcuts import render
from django.utils.formats import date_format

from positions.models import Party, Topic
from positions.models.choices import PartyKind
from positions.reading.requests import CompareForm
from positions.reading.stances import stance_changes, stance_matrix, topic_rows
from positions.views.ordering import tree_order

# How far back the "what changed" link looks from the latest statement.
CHANGES_WINDOW = datetime.timedelta(days=30)


def _typed_dates(form: CompareForm) -> dict[str, str]:
    """The dates as the form's boxes show them: what was read, else what was typed."""
    read = form.cleaned_data if form.is_valid() else {}
    return {
        name: read[name].isoformat() if read.get(name) else (form[name].value() or "")
        for name in ("as_of", "from", "to")
    }


def _party_groups(parties: list[Party]) -> list[tuple[str, list[Party]]]:
    """Parties by kind, so that forty of them are a few short lists to open."""
    groups = {kind: [] for kind in PartyKind.values}
    for party in sorted(parties, key=lambda p: p.short_name.casefold()):
        groups.setdefault(party.kind, []).append(party)
    labels = dict(PartyKind.choices)
    return [(labels.get(kind, kind), members) for kind, members in groups.items() if members]


def _topic_groups(topics: list[Topic]) -> list[tuple[Topic, list[Topic]]]:
    """Top-level topics, each with its sub-topics (choosing a topic chooses them too)."""
    children: dict[int, list[Topic]] = {}
    for topic in topics:
        if topic.parent_id:
            children.setdefault(topic.parent_id, []).append(topic)
    return [(topic, children.get(topic.id, [])) for topic in topics if not topic.parent_id]


def _picker_context(form: CompareForm, all_parties, all_topics) -> dict:
    """What the form's party and topic choosers show, and what was chosen."""
    ordered_topics = tree_order(all_topics, all_topics)
    typed = form["show"].value() if form.is_bound else ""
    return {
        "form": form,
        "all_parties": all_parties,
        "all_topics": ordered_topics,
        "party_groups": _party_groups(all_parties),
        "topic_groups": _topic_groups(ordered_topics),
        "chosen_parties": set(form.typed_slugs("parties")),
        "chosen_topics": set(form.typed_slugs("topics")),
        "typed_parties": form.typed_slugs("parties"),
        "typed_topics": form.typed_slugs("topics"),
        # Slugs with no box to tick stay in the text box, to be corrected.
        "untickable_parties": [
            slug
            for slug in form.typed_slugs("parties")
            if slug not in {p.slug for p in all_parties}
        ],
        "untickable_topics": [
            slug for slug in form.typed_slugs("topics") if slug not in {t.slug for t in all_topics}
        ],
        "dates": _typed_dates(form),
        "show": typed or "all",
        "hide_empty": str(form["hide_empty"].value() or "").lower() in {"1", "true", "on", "yes"},
        "mode": "changes" if form.lists_changes else "matrix",
    }


def compare(request):
    """Parties × topics as of a date, or (with ``from``) what changed between two dates."""
    all_parties, all_topics = list(Party.objects.public()), list(Topic.objects.public())
    form = CompareForm(request.GET, parties=all_parties, topics=all_topics)
    context = _picker_context(form, all_parties, all_topics)
    if not form.is_valid():
        # The reader's choices stay in the form, beside what is wrong with them.
        return render(request, "positions/compare_invalid.html", context, status=400)
    query = form.cleaned_data
    axes = {"party_slugs": query["parties"], "topic_slugs": query["topics"]}
    if query["from"] is not None:
        start, end = query["from"], query["to"]
        changes = stance_changes(start=start, end=end, **axes)
        context |= {
            "start": start,
            "end": end,
            "start_label": f"On {date_format(start, 'j M Y')}",
            "end_label": f"On {date_format(end, 'j M Y')}",
            "shifts": [change for change in changes if change.before is not None],
            "newly_stated": [change for change in changes if change.before is None],
        }
        return render(request, "positions/compare_changes.html", context)
    as_of = query["as_of"]
    full = stance_matrix(as_of=as_of, since=True, **axes)
    matrix = full.narrowed(show=query["show"], hide_empty=query["hide_empty"])
    matrix.topics = tree_order(matrix.topics, all_topics)
    by_id = {t.id: t for t in all_topics}
    shown = {t.id for t in matrix.topics}
    rows, group = [], None
    for topic, cells in topic_rows(matrix):
        # A sub-topic whose parent has no row of its own still gets its parent as a heading.
        if topic.parent_id and topic.parent_id not in shown and topic.parent_id != group:
            rows.append({"group": by_id[topic.parent_id]})
        group = topic.parent_id or topic.id
        rows.append({"topic": topic, "cells": cells, "tally": full.tally(topic)})
    # The "what changed" link ends at the latest statement shown, so that it lands on data.
    latest = full.latest_stated_on()
    context |= {
        "matrix": matrix,
        "full": full,
        "rows": rows,
        "as_of": as_of,
        "latest": latest,
        "window_start": latest - CHANGES_WINDOW if latest and latest.year > 1 else latest,
        "narrowed": query["show"] != "all" or query["hide_empty"],
    }
    return render(request, "positions/compare.html", context)
