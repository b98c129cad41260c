"""OpenAPI generation details: every path parameter gets a description."""

PATH_PARAMETER_HELP = {
    "slug": "The record's slug, as in its `slug` field and its URL.",
    "id": "The record's numeric id.",
    "name": "The release's name, as in its `release` field, e.g. `2026.1`.",
    "filename": "A file of the release, as listed in its `files`.",
}


def describe_path_parameters(result, generator, request, public):
    """A drf-spectacular postprocessing hook: describe the ``{slug}`` and ``{id}`` that
    every record's path takes, which the views leave undescribed."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and not parameter.get("description"):
                    parameter["description"] = PATH_PARAMETER_HELP.get(parameter["name"], "")
    return result


PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details: every error under /api/ has this shape.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "`about:blank`: the status says it all."},
        "title": {"type": "string", "description": "The HTTP status's phrase."},
        "status": {"type": "integer", "description": "The HTTP status code."},
        "detail": {"type": "string", "description": "What went wrong, for a person to read."},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "On a 400: each parameter, field or header at fault, with its messages.",
        },
        "current_version": {
            "type": "integer",
            "description": "On a 409 or 412: the position's version now.",
        },
        "changed_fields": {
            "type": "array",
            "items": {"type": "string"},
            "description": "On a 409 or 412: the fields changed since the version you sent.",
        },
    },
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

# Answers every operation may give, beside those it documents itself.
COMMON_ERRORS = {
    "400": "A parameter is unknown, repeated or malformed, or names no record; `errors` names it.",
    "404": "No such record visible to you, or a page beyond the last.",
    "406": "The `Accept` header asks for a format this endpoint cannot give.",
    "429": "Too many requests from this client: wait for `Retry-After` seconds.",
}
NOT_MODIFIED = {
    "description": "Not modified: the `ETag` in `If-None-Match` (or the `Last-Modified` in "
    "`If-Modified-Since`) is current. No body."
}
RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer"},
        "description": "Seconds to wait before trying again.",
    }
}


FORMAT_HELP = (
    "The answer's format, instead of the `Accept` header: `json`, or `csv` for every "
    "matching position as the CSV export writes it."
)


def _problem_content():
    return {"application/problem+json": {"schema": PROBLEM_REF}}


def _allow_empty(parameter: dict) -> None:
    """An empty query value is as if the parameter were left out (``api/filters.py``)."""
    if parameter.get("in") != "query":
        return
    if parameter.get("required"):
        if parameter["schema"].get("type") == "string":
            parameter["schema"]["minLength"] = 1
        return
    parameter["allowEmptyValue"] = True


def _strict_body(component: dict) -> None:
    """What a write accepts: only its fields (others are refused), text without NUL."""
    component["additionalProperties"] = False
    for field in component.get("properties", {}).values():
        if field.get("type") == "string" and "enum" not in field and "format" not in field:
            field["pattern"] = "^[^\\u0000]*$"


def document_http_contract(result, generator, request, public):
    """A drf-spectacular postprocessing hook: every operation's errors as problem details,
    the answers every endpoint may give (304, 400, 404, 406, 429), and empty query values."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, component in schemas.items():
        if name.endswith("Request"):
            _strict_body(component)
    schemas["Problem"] = PROBLEM
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                if code[0] in "45":
                    response["content"] = _problem_content()
            for code, description in COMMON_ERRORS.items():
                responses.setdefault(code, {"description": description})
                responses[code].setdefault("content", _problem_content())
            responses["429"].setdefault("headers", RETRY_AFTER)
            if method == "get":
                responses.setdefault("304", NOT_MODIFIED)
            for parameter in operation.get("parameters", []):
                _allow_empty(parameter)
                if parameter["name"] == "format" and not parameter.get("description"):
                    parameter["description"] = FORMAT_HELP
    return result
