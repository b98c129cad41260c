from django.shortcuts import render

from positions.selectors import negotiation_timeline, timeline_years
from positions.views.params import BadParameter, friendly_bad_request, int_param


@friendly_bad_request
def timeline(request):
    """The negotiation's events among the statements made around them, one year a page."""
    years = timeline_years()
    year = int_param(request, "year", default=years[0] if years else None)
    if year is not None and not 1 <= year <= 9999:
        raise BadParameter("“year” must be a year such as 2025.")
    context = {
        "years": years,
        "year": year,
        "entries": negotiation_timeline(year=year) if year else [],
    }
    return render(request, "positions/timeline.html", context)
