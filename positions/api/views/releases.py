"""Dataset releases over HTTP: each release that ``export_dataset`` wrote into
``STANDPOINT_RELEASES_DIR`` (one directory per release), its manifest, and its files.

A release never changes once written (its manifest holds each file's SHA-256), so a file's
ETag is its checksum and it may be cached for ever.
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse
from django.utils.cache import get_conditional_response
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from positions.api.filters import check_query_params

RELEASE_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,79}")
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
FOR_EVER = "public, max-age=31536000, immutable"


def releases_dir() -> Path:
    return Path(settings.STANDPOINT_RELEASES_DIR)


def _manifest(name: str) -> dict | None:
    if not RELEASE_NAME.fullmatch(name):
        return None
    path = releases_dir() / name / "manifest.json"
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def _described(request, name: str, manifest: dict) -> dict:
    files = [
        {
            "name": filename,
            "url": reverse("api:release-file", args=[name, filename], request=request),
            "sha256": entry.get("sha256"),
            "bytes": entry.get("bytes"),
            "records": entry.get("records"),
        }
        for filename, entry in sorted(manifest.get("files", {}).items())
    ]
    return {
        "release": manifest.get("release", name),
        "release_date": manifest.get("release_date"),
        "format_version": manifest.get("format_version"),
        "licence": LICENCE,
        "suggested_citation": manifest.get("suggested_citation"),
        "counts": manifest.get("counts", {}),
        "url": reverse("api:release-detail", args=[name], request=request),
        "manifest": reverse("api:release-file", args=[name, "manifest.json"], request=request),
        "files": files,
    }


class ReleaseListView(APIView):
    @extend_schema(
        operation_id="releases_list",
        summary="Dataset releases",
        description="Every published release of the dataset, newest first: versioned, never "
        "changed once written, each file with its SHA-256, row counts, licence and citation.",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        check_query_params(request, set())
        names = sorted(
            (p.name for p in releases_dir().iterdir() if p.is_dir()) if releases_dir().is_dir()
            else (),
            reverse=True,
        )  # fmt: skip
        found = [(name, m) for name in names if (m := _manifest(name)) is not None]
        return Response({"results": [_described(request, name, m) for name, m in found]})


class ReleaseDetailView(APIView):
    @extend_schema(
        operation_id="release_retrieve",
        summary="A dataset release",
        responses={200: OpenApiTypes.OBJECT, 404: OpenApiResponse(description="No such release.")},
    )
    def get(self, request, name):
        check_query_params(request, set())
        manifest = _manifest(name)
        if manifest is None:
            raise NotFound("No release of that name.")
        return Response(_described(request, name, manifest))


class ReleaseFileView(APIView):
    @extend_schema(
        operation_id="release_file_retrieve",
        summary="A file of a dataset release",
        description="The file as released, with `ETag` (its SHA-256), `Content-Length` and "
        "caching for ever: a release never changes.",
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "text/csv"): OpenApiTypes.STR,
            304: None,
            404: OpenApiResponse(description="No such release or file."),
        },
    )
    def get(self, request, name, filename):
        check_query_params(request, set())
        manifest = _manifest(name)
        listed = (manifest or {}).get("files", {})
        if manifest is None or (filename not in listed and filename != "manifest.json"):
            raise NotFound("No such file in that release.")
        path = releases_dir() / name / filename
        etag = f'"{listed[filename]["sha256"]}"' if filename in listed else None
        if etag and (not_modified := get_conditional_response(request, etag=etag)):
            not_modified["ETag"] = etag
            return not_modified
        content_type = "text/csv" if filename.endswith(".csv") else "application/json"
        response = FileResponse(
            path.open("rb"), as_attachment=True, filename=filename, content_type=content_type
        )
        if etag:
            response["ETag"] = etag
        response["Cache-Control"] = FOR_EVER
        return response
