"""Error responses that suit the client: JSON under /api/, a plain page elsewhere."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

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


def bad_request(request, exception=None) -> HttpResponse:
    """Django's 400, saying so when the request was over the size a request may carry (a
    pasted page, most likely)."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        message = (
            f"The request is larger than the {limit} MB a request may carry. A source's text "
            "may be at most 1,000,000 characters: paste the article's text, not the whole page."
        )
        return error_response(request, status=400, template="400.html", message=message)
    return defaults.bad_request(request, exception)
