"""Every API error as problem details (``tracker.problems``): DRF's exceptions, the
services' refusals, and addresses under /api/ that name nothing."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from tracker.problems import problem, problem_response

NOT_FOUND = "Nothing is found at this address. The API's root, /api/v1/, lists every endpoint."


def _messages(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [text for item in value for text in _messages(item)]
    if isinstance(value, dict):
        return [f"{key}: {text}" for key, item in value.items() for text in _messages(item)]
    return [str(value)]


def as_problem(status_code: int, data) -> dict:
    """DRF's error data (``{"detail": …}``, ``{name: [messages]}`` or ``[messages]``) as a
    problem; messages not about a named parameter or field go into ``detail``."""
    if isinstance(data, dict) and set(data) == {"detail"}:
        return problem(status_code, str(data["detail"]))
    if isinstance(data, dict):
        general = _messages(data.get("non_field_errors", [])) + _messages(data.get("detail", []))
        errors = {
            str(name): _messages(value)
            for name, value in data.items()
            if name not in ("non_field_errors", "detail")
        }
        if not errors:
            return problem(status_code, " ".join(general))
        return problem(status_code, " ".join(general), errors=errors)
    return problem(status_code, " ".join(_messages(data)))


def handle_exception(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: its answer (status, headers such as ``Retry-After``)
    with the body as problem details."""
    if isinstance(exc, DjangoValidationError):
        data = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        return Response(as_problem(400, data), status=status.HTTP_400_BAD_REQUEST)
    response = exception_handler(exc, context)
    if response is not None:
        response.data = as_problem(response.status_code, response.data)
    return response


@csrf_exempt  # nothing is done here; a refused CSRF check would answer HTML instead
def not_found(request, *args, **kwargs):
    """Any address under /api/ that no endpoint answers: a JSON 404, debug on or off.

    An address missing only its final slash is sent to it, as the pages are."""
    path = request.path_info
    if not path.endswith("/") and request.method in ("GET", "HEAD"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            target = request.path + "/" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target)
    return problem_response(404, NOT_FOUND)
