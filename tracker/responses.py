"""Error responses that suit the client: JSON under /api/, a plain page elsewhere."""

from django.http import HttpResponse
from django.template import loader

from tracker.problems import problem_response


def wants_json(request) -> bool:
    return request.path_info.startswith("/api/")


def error_response(
    request, *, status: int, template: str, message: str, fields: dict | None = None
) -> HttpResponse:
    """``fields`` names the parameters at fault, as the API's own 400s do."""
    if wants_json(request):
        return problem_response(status, message, errors=fields or None)
    # Rendered without a request context: these pages must not touch the session,
    # the user or the database, which may be what failed.
    body = loader.render_to_string(template, {"message": message})
    return HttpResponse(body, status=status)
