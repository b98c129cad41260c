from django.shortcuts import render

from positions.models import Position
from positions.reading.timelines import negotiation_timeline, timeline_years
from positions.views.params import BadParameter, friendly_bad_request, int_param

# A year's page lists its most recent statements; every event of the year is shown.
TIMELINE_STATEMENTS = 300
# The year's statements are counted up to this many: beyond, the page says "more than".
COUNTED_AT_MOST = 1_000


@friendly_bad_request
def timeline(request):
    """The negotiation's events among the statements made around them, one year a page."""
    years = timeline_years()
    year = int_param(request, "year", default=years[0] if years else None)
    if year is not None and not 1 <= year <= 9999:
        raise BadParameter("“year” must be a year such as 2025.")
    entries = negotiation_timeline(year=year, latest=TIMELINE_STATEMENTS) if year else []
    in_year = Position.objects.public().filter(stated_on__year=year)
    # A bounded count (one index range, cut short), so a busy year costs what a quiet one does.
    statements = in_year[: COUNTED_AT_MOST + 1].count() if year else 0
    context = {
        "years": years,
        "year": year,
        "entries": entries,
        "shown": sum(1 for entry in entries if entry.position),
        "statements": min(statements, COUNTED_AT_MOST),
        "more_than": statements > COUNTED_AT_MOST,
    }
    return render(request, "positions/timeline.html", context)
