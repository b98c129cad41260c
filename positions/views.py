from django.shortcuts import get_object_or_404, render

from positions.models import Party, Person, Position, Source, Topic


def home(request):
    parties = Party.objects.all()
    positions = Position.objects.public().with_citation()[:50]
    return render(request, "positions/home.html", {"parties": parties, "positions": positions})


def _positions_page(request, title, positions):
    return render(
        request,
        "positions/position_list.html",
        {"title": title, "positions": positions.public().with_citation()[:200]},
    )


def position_detail(request, pk):
    position = get_object_or_404(Position.objects.public().with_citation(), pk=pk)
    return render(request, "positions/position_detail.html", {"position": position})


def party_detail(request, slug):
    party = get_object_or_404(Party, slug=slug)
    return _positions_page(request, party.name, party.positions)


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return _positions_page(request, topic.proposition, topic.positions)


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return _positions_page(request, person.name, person.positions)


def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    return _positions_page(request, str(source), source.positions)
