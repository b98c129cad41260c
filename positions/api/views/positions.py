"""Positions: the list and detail for readers, and the editorial workflow for editors."""

import functools

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from positions.api import rows
from positions.api.conditional import queryset_validators
from positions.api.filters import StrictFilterBackend, check_query_params
from positions.api.filtersets import (
    DEFAULT_POSITION_ORDERING,
    POSITION_ORDERINGS,
    PositionFilterSet,
)
from positions.api.pagination import KeysetCursorPagination
from positions.api.renderers import FastJSONRenderer
from positions.api.serializers import (
    PositionRevisionSerializer,
    PositionSerializer,
    PositionWriteSerializer,
    RetractSerializer,
    SendBackSerializer,
    VersionSerializer,
)
from positions.api.throttling import AnonymousExportThrottle
from positions.api.views.mixins import (
    ERROR_400,
    ID_PATTERN,
    ConditionalReadMixin,
    CsvRenderer,
    export_response,
)
from positions.editorial import services
from positions.models import Position
from positions.models.choices import PUBLIC_STATUSES, Status
from positions.reading.requests import sees_drafts
from tracker.problems import problem

# Positions are written as rows read with values() (``positions.api.rows``), by the list, the
# detail and the answers to writes alike: building them as models through DRF's fields
# costs many times the query.
POSITION_ROWS = rows.Rows(PositionSerializer)


@functools.cache
def _position_values(drafts: bool):
    # Resolving the columns over five joins costs the ORM a millisecond: done once per
    # process, and each request filters a copy.
    positions = Position.objects.all() if drafts else Position.objects.public()
    return POSITION_ROWS.of(positions)


def visible_positions(user):
    """Readers see published and retracted positions; editorial staff see all."""
    positions = Position.objects.with_citation()
    return positions if sees_drafts(user) else positions.public()


def expected_version(request, body_version) -> tuple[int, bool]:
    """The version the client acted on, and whether it came from ``If-Match``."""
    header = request.headers.get("If-Match")
    if header:
        tag = header.strip().removeprefix("W/").strip('"')
        number = tag.split("-", 1)[0]
        if not number.isascii() or not number.isdigit():
            raise ValidationError(
                {"If-Match": ['Send the ETag of the position, or its version in quotes: "3".']}
            )
        return int(number), True
    if body_version is None:
        raise PreconditionRequired()
    return body_version, False


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class PreconditionRequired(Exception):
    """A write without a version would silently overwrite someone else's change."""


WRITE_ERRORS = {
    400: OpenApiResponse(description="Invalid data, or the change is not allowed in this status."),
    401: OpenApiResponse(description="No credentials: send `Authorization: Token …`."),
    403: OpenApiResponse(description="Your role may not do this."),
    404: OpenApiResponse(description="No such position visible to you."),
    409: OpenApiResponse(
        description="Stale `version` in the body (`current_version`, `changed_fields`), or a "
        "position that may not be deleted."
    ),
    412: OpenApiResponse(
        description="Stale `If-Match` (`current_version`, `changed_fields` say what changed)."
    ),
    428: OpenApiResponse(description="Send `If-Match` or `version`."),
}


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='ETag of the position as you read it, or its version in quotes ("3"). '
    "Alternatively send `version` in the body.",
)


@extend_schema_view(
    list=extend_schema(
        summary="List positions",
        description="Cursor-paginated, ordered by (`stated_on`, `id`) unless `ordering` says "
        "otherwise. Anonymous clients see published and retracted positions only. With "
        "`format=csv` or `Accept: text/csv`, every matching position as the CSV export "
        "(`positions/export.csv`) writes it.",
        responses={
            (200, "application/json"): PositionSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            400: ERROR_400,
        },
    ),
    retrieve=extend_schema(summary="A position, by id"),
    create=extend_schema(
        summary="Record a draft position",
        request=PositionWriteSerializer,
        responses={201: PositionSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Edit a draft, or correct a published position (with `note`)",
        request=PositionWriteSerializer,
        parameters=[IF_MATCH],
        responses={200: PositionSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(summary="Delete a draft", responses={204: None, **WRITE_ERRORS}),
)
class PositionViewSet(ConditionalReadMixin, viewsets.ModelViewSet):
    """Who took which stance on which topic, when, per which source."""

    serializer_class = PositionSerializer
    filterset_class = PositionFilterSet
    filter_backends = [StrictFilterBackend]
    pagination_class = KeysetCursorPagination
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    version_etag = True
    lookup_value_regex = ID_PATTERN

    def get_renderers(self):
        renderers = super().get_renderers()
        # The list is also the export: ``?format=csv`` or ``Accept: text/csv``.
        return [*renderers, CsvRenderer()] if self.action == "list" else renderers

    def list(self, request, *args, **kwargs):
        if getattr(request.accepted_renderer, "format", None) != "csv":
            return super().list(request, *args, **kwargs)
        throttle = AnonymousExportThrottle()
        if not throttle.allow_request(request, self):
            self.throttled(request, throttle.wait())
        positions = visible_positions(request.user).order_by(
            *POSITION_ORDERINGS[DEFAULT_POSITION_ORDERING]
        )
        return export_response(request, self.filter_queryset(positions), "csv")

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON (problem details) whatever format was asked for.
        renderer = getattr(request, "accepted_renderer", None)
        if isinstance(response, Response) and isinstance(renderer, CsvRenderer):
            request.accepted_renderer = FastJSONRenderer()
            request.accepted_media_type = FastJSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def get_queryset(self):
        positions = _position_values(sees_drafts(self.request.user)).all()
        return positions.order_by(*POSITION_ORDERINGS["stated_on"])

    def page_data(self, page):
        return POSITION_ROWS.shape(page, self.request)

    def record_data(self, instance):
        return POSITION_ROWS.shape([instance], self.request)[0]

    def handle_exception(self, exc):
        if isinstance(exc, PreconditionRequired):
            return Response(
                problem(428, "Send the version you edited: `If-Match` header or `version` field."),
                status=status.HTTP_428_PRECONDITION_REQUIRED,
            )
        if isinstance(exc, services.VersionConflict):
            from_header = getattr(self, "_version_from_header", False)
            code = 412 if from_header else 409
            body = problem(
                code,
                str(exc),
                current_version=exc.current.version,
                changed_fields=exc.changed_fields,
            )
            return Response(body, status=code)
        return super().handle_exception(exc)

    def _version(self, body_version):
        version, self._version_from_header = expected_version(self.request, body_version)
        return version

    def _for_write(self, pk) -> Position:
        check_query_params(self.request, set())
        return get_object_or_404(visible_positions(self.request.user), pk=pk)

    def _respond(self, position: Position, status_code=status.HTTP_200_OK) -> Response:
        row = self.get_queryset().get(pk=position.pk)
        response = Response(self.record_data(row), status=status_code)
        response["ETag"] = f'"{row["version"]}"'
        return response

    def create(self, request, *args, **kwargs):
        check_query_params(request, set())
        serializer = PositionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        position = services.position_create(user=request.user, **serializer.changes())
        return self._respond(position, status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        position = self._for_write(pk)
        serializer = PositionWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        version = self._version(serializer.validated_data.get("version"))
        if position.status == Status.PUBLISHED:
            updated = services.position_correct(
                position=position,
                user=request.user,
                changes=serializer.changes(),
                note=serializer.validated_data.get("note", ""),
                expected_version=version,
            )
        else:
            updated = services.position_update(
                position=position,
                user=request.user,
                changes=serializer.changes(),
                expected_version=version,
            )
        return self._respond(updated)

    def destroy(self, request, pk=None):
        position = self._for_write(pk)
        if position.status not in services.DELETABLE_STATUSES:
            # The request is well formed; the position's state forbids it.
            raise Conflict(
                f"A {position.get_status_display().lower()} position is never deleted: "
                "retract it instead."
            )
        services.position_delete(position=position, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _transition(self, request, pk, serializer_class, service, **fields):
        position = self._for_write(pk)
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = self._version(serializer.validated_data.get("version"))
        extra = {name: serializer.validated_data[name] for name in fields}
        updated = service(position=position, user=request.user, expected_version=version, **extra)
        return self._respond(updated)

    @extend_schema(
        summary="Submit a draft for review",
        request=VersionSerializer,
        parameters=[IF_MATCH],
        responses={200: PositionSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._transition(request, pk, VersionSerializer, services.position_submit)

    @extend_schema(
        summary="Publish a position in review (reviewers)",
        request=VersionSerializer,
        parameters=[IF_MATCH],
        responses={200: PositionSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._transition(request, pk, VersionSerializer, services.position_publish)

    @extend_schema(
        summary="Send a position in review back to draft (reviewers)",
        request=SendBackSerializer,
        parameters=[IF_MATCH],
        responses={200: PositionSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None):
        return self._transition(
            request, pk, SendBackSerializer, services.position_send_back, comment=True
        )

    @extend_schema(
        summary="Retract a published position (reviewers)",
        request=RetractSerializer,
        parameters=[IF_MATCH],
        responses={200: PositionSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def retract(self, request, pk=None):
        return self._transition(
            request, pk, RetractSerializer, services.position_retract, reason=True
        )

    @extend_schema(
        summary="Public revisions of a position",
        description="Every saved revision while the position was published or retracted, "
        "oldest first. Draft and review revisions are never listed.",
        responses={200: PositionRevisionSerializer(many=True), 404: None},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def history(self, request, pk=None):
        check_query_params(request, set())
        # Every public revision is a save, which moves the position's updated_at.
        validators = queryset_validators(request, Position.objects.public().filter(pk=pk))
        if (not_modified := validators.not_modified(request)) is not None:
            return not_modified
        position = get_object_or_404(Position.objects.public(), pk=pk)
        revisions = (
            position.history.filter(status__in=PUBLIC_STATUSES)
            .select_related("party", "topic")
            .order_by("history_date", "history_id")
        )
        return validators.apply(Response(PositionRevisionSerializer(revisions, many=True).data))
