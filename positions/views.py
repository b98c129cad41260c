from django.shortcuts import render

from positions.models import Party, Position


def home(request):
    parties = Party.objects.all()
    positions = Position.objects.public().with_citation()[:50]
    return render(request, "positions/home.html", {"parties": parties, "positions": positions})
