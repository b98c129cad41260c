"""OpenAPI generation details: every path parameter gets a description."""

from drf_spectacular.openapi import AutoSchema

PATH_PARAMETER_HELP = {
    "slug": "The record's slug, as in its `slug` field and its URL.",
    "id": "The record's numeric id.",
}


class DescribedAutoSchema(AutoSchema):
    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if not parameter.get("description"):
                parameter["description"] = PATH_PARAMETER_HELP.get(parameter["name"], "")
        return parameters
