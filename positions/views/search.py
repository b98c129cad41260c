from django.shortcuts import render

from positions.choices import Stance
from positions.models import Party, Topic
from positions.search import search as run_search
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
        "parties": Party.objects.all(),
        "topics": Topic.objects.all(),
        "stances": Stance.choices,
        "party_slug": party_slug,
        "topic_slug": topic_slug,
        "stance": stance,
    }
    if query:
        results = run_search(query)
        positions = results.positions.with_citation()
        if party_slug:
            positions = positions.filter(party__slug=party_slug)
        if topic_slug:
            positions = positions.filter(topic__slug=topic_slug)
        if stance:
            positions = positions.filter(stance=int(stance))
        context |= {"results": results, "page": paginate(request, positions, per_page=20)}
    return render(request, "positions/search.html", context)
