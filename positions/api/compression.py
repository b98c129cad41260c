"""Compression of the API's data: JSON, CSV and JSON Lines under /api/ only.

Pages carry the session's CSRF token, which compression would expose to BREACH; the
API's data answers carry no secret, and a page of a thousand positions shrinks tenfold.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = (
    "application/json",
    "application/problem+json",
    "application/x-ndjson",
    "application/vnd.oai.openapi",
    "text/csv",
)


class ApiGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not request.path_info.startswith("/api/") or not content_type.startswith(
            COMPRESSED_TYPES
        ):
            return response
        return super().process_response(request, response)
