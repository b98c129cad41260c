"""Bulk exports of the positions a list would show, streamed as CSV or JSON Lines."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from positions.api import export
from positions.api.filters import StrictFilterBackend
from positions.api.filtersets import (
    DEFAULT_POSITION_ORDERING,
    POSITION_ORDERINGS,
    PositionFilterSet,
)
from positions.api.throttling import AnonymousExportThrottle
from positions.api.views.mixins import ERROR_400, StreamRenderer, export_response
from positions.api.views.positions import visible_positions
from positions.models import Position

EXPORT_DESCRIPTION = (
    "Every position matching the filters (the same as the list's), streamed in `stated_on`, "
    "`id` order unless `ordering` is given. Columns:\n\n"
    + export.columns_markdown()
    + "\n\nIn CSV, cells starting with `=`, `+`, `-`, `@`, tab or carriage return (other than "
    "plain numbers) are prefixed with `'` so spreadsheets do not run them as formulas."
)


class PositionExportView(APIView):
    """The filtered positions as one streamed file."""

    queryset = Position.objects.none()  # names the model for the schema; never read
    filterset_class = PositionFilterSet
    filter_backends = [StrictFilterBackend]
    renderer_classes = [StreamRenderer]
    throttle_classes = [AnonymousExportThrottle]
    format_name = "csv"

    def get(self, request):
        positions = visible_positions(request.user).order_by(
            *POSITION_ORDERINGS[DEFAULT_POSITION_ORDERING]
        )
        for backend in self.filter_backends:
            positions = backend().filter_queryset(request, positions, self)
        return export_response(request, positions, self.format_name)

    def finalize_response(self, request, response, *args, **kwargs):
        # A streamed body needs no renderer; errors are still rendered as JSON.
        if isinstance(response, Response):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


@extend_schema(
    summary="Export positions as CSV",
    description=EXPORT_DESCRIPTION,
    responses={(200, "text/csv"): OpenApiTypes.STR, 400: ERROR_400},
    filters=True,
)
class PositionCsvExportView(PositionExportView):
    format_name = "csv"


@extend_schema(
    summary="Export positions as JSON Lines",
    description=EXPORT_DESCRIPTION.split("\n\nIn CSV")[0],
    responses={(200, "application/x-ndjson"): OpenApiTypes.STR, 400: ERROR_400},
    filters=True,
)
class PositionJsonlExportView(PositionExportView):
    format_name = "jsonl"
