"""Conditional reads shared by every API view: validators, 304s and the shared cache."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from positions.api import export
from positions.api.comparisons import validated
from positions.api.conditional import answer, queryset_validators, record_validators
from positions.api.filters import check_query_params

# Ids the database can hold; anything else is simply not found.
ID_PATTERN = "[0-9]{1,18}"
SLUG_PATTERN = "[-a-zA-Z0-9_]+"


ERROR_400 = OpenApiResponse(
    description="A parameter is unknown or its value malformed; the body names it."
)


class ConditionalReadMixin:
    """List and detail with ETag/Last-Modified, answered with 304 before any rendering."""

    version_etag = False

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())

        def build():
            return self.get_paginated_response(self.page_data(self.paginate_queryset(queryset)))

        return answer(request, queryset_validators(request, queryset), build)

    def page_data(self, page):
        return self.get_serializer(page, many=True).data

    def retrieve(self, request, *args, **kwargs):
        check_query_params(request, set())
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        queryset = self.get_queryset().filter(**lookup)
        validators = queryset_validators(
            request, queryset, etag_prefix_from_version=self.version_etag
        )
        if (not_modified := validators.not_modified(request)) is not None:
            return not_modified
        instance = get_object_or_404(queryset)
        self.check_object_permissions(request, instance)
        return validators.apply(Response(self.record_data(instance)))

    def record_data(self, instance):
        return self.get_serializer(instance).data


class ConditionalAPIView(APIView):
    allowed_params: set[str] = set()
    repeatable: set[str] = set()

    def validated_query(self, form_class):
        """The query read by the rules the pages share (``positions.reading.requests``)."""
        check_query_params(self.request, self.allowed_params, self.repeatable)
        return validated(form_class(self.request.query_params))

    def conditional(self, request, build):
        return answer(request, record_validators(request), lambda: Response(build()))


def export_response(request, positions, format_name: str):
    """The positions as one streamed file, with the validators of the list they come from
    (``ETag``, ``Last-Modified``): a 304 when the client's copy is current."""
    validators = queryset_validators(request, positions)
    if (not_modified := validators.not_modified(request)) is not None:
        return not_modified
    content_type, rows = export.FORMATS[format_name]
    response = StreamingHttpResponse(rows(positions, request), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="standpoint-positions.{format_name}"'
    return validators.apply(response)


class StreamRenderer(BaseRenderer):
    """Lets any ``Accept`` through; the export view writes its own body."""

    media_type = "*/*"
    format = "export"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else str(data).encode()


class CsvRenderer(StreamRenderer):
    """``?format=csv`` or ``Accept: text/csv`` on the positions list: the export's CSV."""

    media_type = "text/csv"
    format = "csv"
