from django.db.models import Count, Q
from django.shortcuts import render

from positions.choices import Status
from positions.models import Party, Position, Topic
from positions.selectors import recent_shifts
from positions.views.ordering import tree_order

PUBLISHED = Q(positions__status=Status.PUBLISHED)


def home(request):
    """What changed recently, the latest positions, and the topics and parties to explore."""
    topics = list(Topic.objects.annotate(position_count=Count("positions", filter=PUBLISHED)))
    context = {
        "shifts": recent_shifts(limit=8),
        "latest": Position.objects.published()
        .with_citation()
        .order_by("-published_at", "-stated_on", "-id")[:10],
        "topics": tree_order(topics, topics),
        # Aggregating queries drop Meta.ordering, so the order is spelled out.
        "parties": Party.objects.annotate(
            position_count=Count("positions", filter=PUBLISHED)
        ).order_by("short_name", "id"),
    }
    return render(request, "positions/home.html", context)
