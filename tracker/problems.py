"""Errors under /api/ as RFC 9457 problem details, one shape for every 4xx and 5xx:

    {"type": "about:blank", "title": "Bad Request", "status": 400,
     "detail": "party: Unknown slug: nope.", "errors": {"party": ["Unknown slug: nope."]}}

``errors`` (present on 400s about named parameters, fields or headers) maps each name to its
messages; other members (``current_version``, ``changed_fields``) extend it where said.
"""

from http import HTTPStatus

from django.http import JsonResponse

MEDIA_TYPE = "application/problem+json"


def problem(status: int, detail: str = "", *, errors: dict | None = None, **extra) -> dict:
    """A problem details object for ``status``; ``detail`` defaults to one built from
    ``errors``, else to the status's own phrase."""
    title = HTTPStatus(status).phrase
    if not detail and errors:
        detail = " ".join(
            f"{name}: {' '.join(str(message) for message in messages)}"
            for name, messages in errors.items()
        )
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail or title}
    if errors:
        body["errors"] = {name: [str(m) for m in messages] for name, messages in errors.items()}
    body.update(extra)
    return body


def problem_response(status: int, detail: str = "", **members) -> JsonResponse:
    return JsonResponse(problem(status, detail, **members), status=status, content_type=MEDIA_TYPE)


class ProblemMediaTypeMiddleware:
    """Labels every JSON error under /api/ as ``application/problem+json``, whichever part
    of the stack wrote it (a view, DRF's exception handler, a middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and request.path_info.startswith("/api/")
            and response.get("Content-Type", "").startswith("application/json")
        ):
            response["Content-Type"] = MEDIA_TYPE
        return response
