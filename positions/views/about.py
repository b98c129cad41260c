"""The pages that say how the record is made and how to reuse it: methodology, data, follow."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from positions.models import Party, Topic
from positions.models.choices import Move, Stance


def methodology(request):
    """What a stance, a move, a red line and a condition mean; how positions are coded,
    reviewed, corrected and retracted; how the comparison marks divides and common ground."""
    context = {"stances": reversed(Stance.choices), "moves": Move.choices}
    return render(request, "positions/methodology.html", context)


def data(request):
    """Exports, the API, dataset releases, the data licence and how to cite."""
    return render(request, "positions/data.html")


def _follow(request, record, feed_name: str, kind: str):
    feed = request.build_absolute_uri(reverse(feed_name, kwargs={"slug": record.slug}))
    context = {"record": record, "kind": kind, "feed_url": feed}
    return render(request, "positions/follow.html", context)


def follow_topic(request, slug: str):
    """How to be told of each new position on a topic."""
    topic = get_object_or_404(Topic.objects.public(), slug=slug)
    return _follow(request, topic, "feed-topic", "topic")


def follow_party(request, slug: str):
    """How to be told of each new position of a party."""
    party = get_object_or_404(Party.objects.public(), slug=slug)
    return _follow(request, party, "feed-party", "party")
