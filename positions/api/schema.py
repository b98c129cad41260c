"""OpenAPI generation details: every path parameter gets a description."""

PATH_PARAMETER_HELP = {
    "slug": "The record's slug, as in its `slug` field and its URL.",
    "id": "The record's numeric id.",
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
