from django.db.models import Q
from django.shortcuts import render

from positions.models import Party, Topic
from positions.models.choices import Stance
from positions.reading.search import search as run_search
from positions.views.params import BadParameter, friendly_bad_request, paginate, text_param

MAX_QUERY_LENGTH = 200


@friendly_bad_request
def search(request):
    """Positions matching words in their quote or summary, plus matching names."""
    query = text_param(request, "q", max_length=MAX_QUERY_LENGTH)
    party_slug = text_param(request, "party")
    topic_slug = text_param(request, "topic")
    stance = text_param(request, "stance")
    if stance and stance not in {str(v) for v in Stance.values}:
        raise BadParameter("“stance” must be one of −2, −1, 0, 1, 2.")
    context = {
        "query": query,
        "parties": Party.objects.public(),
        "topics": Topic.objects.public(),
        "stances": Stance.choices,
        "party_slug": party_slug,
        "topic_slug": topic_slug,
        "stance": stance,
    }
    if query:
        within = Q()
        if party_slug:
            within &= Q(party__slug=party_slug)
        if topic_slug:
            within &= Q(topic__slug=topic_slug)
        if stance:
            within &= Q(stance=int(stance))
        results = run_search(query, within=within)
        context |= {
            "results": results,
            "candidates": f"{results.positions.limit:,}",
            "page": paginate(request, results.positions, per_page=20),
        }
    return render(request, "positions/search.html", context)
