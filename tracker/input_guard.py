"""Refuse input no view can store: NUL characters and bytes that are not UTF-8.

PostgreSQL rejects NUL in text, so a NUL reaching a query or an INSERT would be a 500;
Django would silently replace undecodable bytes with U+FFFD. Both are refused here with
a 400 before any view, form or serializer sees them: this is the one place a request is
checked for NUL, so views, filters and serializers need not be. (The services check the
text they store again, for callers other than a request.)
"""

import json
from urllib.parse import unquote_to_bytes

from positions.editorial.validators import NUL_MESSAGE
from tracker.responses import error_response

NUL = "\x00"
ENCODING_MESSAGE = "The request is not valid UTF-8 text."
NESTING_MESSAGE = "The JSON body is nested too deeply."
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def _field_problem(raw: bytes) -> str | None:
    decoded = unquote_to_bytes(raw.replace(b"+", b" "))
    if NUL.encode() in decoded:
        return NUL_MESSAGE
    try:
        decoded.decode("utf-8")
    except UnicodeDecodeError:
        return ENCODING_MESSAGE
    return None


def _url_encoded_problems(raw: bytes) -> dict[str, str]:
    """Each refused ``name=value`` pair, by the parameter's name as best it can be read."""
    problems = {}
    for pair in raw.split(b"&"):
        name, _, value = pair.partition(b"=")
        problem = _field_problem(name) or _field_problem(value)
        if problem:
            label = unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", "replace")
            problems[label.replace(NUL, "\\0")] = problem
    return problems


def _url_encoded_problem(raw: bytes) -> str | None:
    return next(iter(_url_encoded_problems(raw).values()), None)


def _contains_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_contains_nul(key) or _contains_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_contains_nul(item) for item in value)
    return False


def _body_problem(request) -> str | None:
    content_type = request.content_type or ""
    if content_type == FORM:
        return _url_encoded_problem(request.body)
    if content_type == JSON or content_type.endswith("+json"):
        try:
            data = json.loads(request.body)
        except ValueError:
            return None  # Malformed JSON is the parser's to report.
        except RecursionError:
            # The parser would hit the same limit and fail with a server error.
            return NESTING_MESSAGE
        return NUL_MESSAGE if _contains_nul(data) else None
    if content_type.startswith("multipart/"):
        fields = request.POST  # Files are left alone: their bytes are not stored as text.
        if any(_contains_nul(key) or _contains_nul(fields.getlist(key)) for key in fields):
            return NUL_MESSAGE
    return None


def request_problems(request) -> dict[str, str]:
    """Why the request's query string or body cannot be accepted, by parameter; empty if fine."""
    # WSGI hands the query string over as latin-1, so this recovers the bytes sent.
    query = request.META.get("QUERY_STRING", "").encode("latin-1", errors="replace")
    problems = _url_encoded_problems(query)
    if not problems and request.method not in ("GET", "HEAD", "OPTIONS"):
        problem = _body_problem(request)
        if problem:
            problems["detail"] = problem
    return problems


def request_problem(request) -> str | None:
    return next(iter(request_problems(request).values()), None)


class RejectMalformedInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problems = request_problems(request)
        if problems:
            message = "; ".join(
                problem if name == "detail" else f"{name}: {problem}"
                for name, problem in problems.items()
            )
            fields = {name: [problem] for name, problem in problems.items() if name != "detail"}
            return error_response(
                request, status=400, template="400.html", message=message, fields=fields
            )
        return self.get_response(request)
