from django.shortcuts import render

from positions.models import Party, Position, Topic
from positions.reading.records import recent_shifts, with_published_counts
from positions.views.compare import CHANGES_WINDOW
from positions.views.ordering import count_subtopics_in_parents, tree_order


def home(request):
    """What changed recently, the latest positions, and the topics and parties to explore."""
    topics = list(with_published_counts(Topic.objects.public(), "topic"))
    count_subtopics_in_parents(topics)
    latest = list(
        Position.objects.published()
        .for_statement_list()
        # By when they were said: a bulk publication of old statements stays below new ones.
        .order_by("-stated_on", "-id")[:10]
    )
    # "What changed" ends at the latest statement, so that the range it links to has data.
    changes_to = latest[0].stated_on if latest else None
    context = {
        "shifts": recent_shifts(limit=8),
        "latest": latest,
        "changes_to": changes_to,
        "changes_from": changes_to - CHANGES_WINDOW if changes_to else None,
        "topics": tree_order(topics, topics),
        "parties": with_published_counts(Party.objects.public(), "party"),
    }
    return render(request, "positions/home.html", context)
