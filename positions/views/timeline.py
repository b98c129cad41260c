import datetime

from django.shortcuts import render

from positions.models import Position
from positions.reading.lanes import MONTH_ABBR
from positions.reading.timelines import timeline_entries, timeline_years
from positions.views.params import BadParameter, friendly_bad_request, int_param, paginate

# Statements per page; every event of a page's dates is shown among them.
TIMELINE_PAGE = 200


def _period(year: int, month: int | None) -> tuple[datetime.date, datetime.date | None]:
    """The first day of the year or month, and the first day after it (None after the
    calendar's last year)."""
    first = datetime.date(year, month or 1, 1)
    after_year, after_month = (year + 1, 1) if month in (None, 12) else (year, month + 1)
    return first, datetime.date(after_year, after_month, 1) if after_year <= 9999 else None


@friendly_bad_request
def timeline(request):
    """The negotiation's events among the statements made around them: a year or a month,
    in date order, a page at a time, so that every statement and event can be reached."""
    years = timeline_years()
    year = int_param(request, "year", default=years[0] if years else None)
    if year is not None and not 1 <= year <= 9999:
        raise BadParameter("“year” must be a year such as 2025.")
    month = int_param(request, "month")
    if month is not None and not 1 <= month <= 12:
        raise BadParameter("“month” must be a month number from 1 (January) to 12 (December).")
    context = {"years": years, "year": year, "month": month, "entries": []}
    if year is None:
        return render(request, "positions/timeline.html", context)
    start, end = _period(year, month)
    statements = Position.objects.public().filter(stated_on__gte=start)
    if end is not None:
        statements = statements.filter(stated_on__lt=end)
    statements = statements.for_statement_list().order_by("stated_on", "id")
    page = paginate(request, statements, per_page=TIMELINE_PAGE)
    rows = list(page.object_list)
    # The events of a date stand on the page of the first statement made on or after it,
    # so that each event of the period is on exactly one page.
    day = datetime.timedelta(days=1)
    if page.has_previous():
        start = statements[page.start_index() - 2 : page.start_index() - 1][0].stated_on + day
    if page.has_next():
        end = rows[-1].stated_on + day
    context.update(
        {
            "months": [(number, MONTH_ABBR[number - 1]) for number in range(1, 13)],
            "period_start": _period(year, month)[0],
            "page": page,
            "entries": timeline_entries(positions=rows, start=start, end=end),
        }
    )
    return render(request, "positions/timeline.html", context)
