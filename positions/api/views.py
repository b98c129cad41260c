"""Endpoints of the public API. Reads are open; writes call ``positions.editorial.services``."""

import functools

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from positions.api import export, rows
from positions.api.comparisons import (
    TIMELINE_DESCRIPTION,
    ChangesSerializer,
    MatrixSerializer,
    TimelineSerializer,
    form_parameters,
    timeline_body,
    validated,
)
from positions.api.conditional import answer, queryset_validators, record_validators
from positions.api.filters import StrictFilterBackend, check_query_params
from positions.api.filtersets import (
    DEFAULT_POSITION_ORDERING,
    POSITION_ORDERINGS,
    EventFilterSet,
    PartyFilterSet,
    PersonFilterSet,
    PositionFilterSet,
    SourceFilterSet,
    TopicFilterSet,
)
from positions.api.pagination import KeysetCursorPagination, StrictPageNumberPagination
from positions.api.serializers import (
    EventSerializer,
    PartySerializer,
    PersonSerializer,
    PositionRevisionSerializer,
    PositionSerializer,
    PositionWriteSerializer,
    RetractSerializer,
    SendBackSerializer,
    SourceSerializer,
    TopicSerializer,
    VersionConflictSerializer,
    VersionSerializer,
)
from positions.api.throttling import AnonymousExportThrottle
from positions.editorial import services
from positions.models import Event, Party, Person, Position, Role, Source, Topic
from positions.models.choices import PUBLIC_STATUSES, Status
from positions.reading import stances
from positions.reading.requests import CompareForm, TimelineForm
from positions.reading.timelines import timeline_window

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


class ReadOnlyResource(ConditionalReadMixin, viewsets.ReadOnlyModelViewSet):
    pagination_class = StrictPageNumberPagination
    filter_backends = [StrictFilterBackend]


@extend_schema_view(
    list=extend_schema(summary="List parties", responses={200: PartySerializer, 400: ERROR_400}),
    retrieve=extend_schema(summary="A party, by slug"),
)
class PartyViewSet(ReadOnlyResource):
    """States, alliances, blocs and non-state groups that take positions."""

    queryset = Party.objects.all()
    serializer_class = PartySerializer
    filterset_class = PartyFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


@extend_schema_view(
    list=extend_schema(summary="List people", responses={200: PersonSerializer, 400: ERROR_400}),
    retrieve=extend_schema(summary="A person, by slug"),
)
class PersonViewSet(ReadOnlyResource):
    """People whose statements are recorded, with the roles they held (memberships)."""

    queryset = Person.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.select_related("party"))
    )
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


@extend_schema_view(
    list=extend_schema(summary="List topics", responses={200: TopicSerializer, 400: ERROR_400}),
    retrieve=extend_schema(summary="A topic, by slug"),
)
class TopicViewSet(ReadOnlyResource):
    """Parts of a deal, each phrased as a proposition; topics nest under a parent."""

    queryset = Topic.objects.select_related("parent")
    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


@extend_schema_view(
    list=extend_schema(summary="List sources", responses={200: SourceSerializer, 400: ERROR_400}),
    retrieve=extend_schema(summary="A source, by id"),
)
class SourceViewSet(ReadOnlyResource):
    """News reports, interviews, statements and documents that positions cite."""

    # The API gives a source's metadata; its full text stays in the database.
    queryset = Source.objects.defer("text")
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet
    lookup_value_regex = ID_PATTERN


@extend_schema_view(
    list=extend_schema(summary="List events", responses={200: EventSerializer, 400: ERROR_400}),
    retrieve=extend_schema(summary="An event, by slug"),
)
class EventViewSet(ReadOnlyResource):
    """Dated markers on the negotiation's timeline: talks, summits, proposals, ceasefires."""

    queryset = Event.objects.prefetch_related("parties", "topics", "sources")
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


def sees_drafts(user) -> bool:
    return user.is_authenticated and user.has_perm("positions.view_position")


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


class PreconditionRequired(Exception):
    """A write without a version would silently overwrite someone else's change."""


def _service_errors(error: DjangoValidationError) -> dict:
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"non_field_errors": error.messages}


WRITE_ERRORS = {
    400: OpenApiResponse(description="Invalid data, or the change is not allowed in this status."),
    401: OpenApiResponse(description="No credentials: send `Authorization: Token …`."),
    403: OpenApiResponse(description="Your role may not do this."),
    404: OpenApiResponse(description="No such position visible to you."),
    409: OpenApiResponse(VersionConflictSerializer, description="Stale `version` in the body."),
    412: OpenApiResponse(VersionConflictSerializer, description="Stale `If-Match`."),
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
        "otherwise. Anonymous clients see published and retracted positions only.",
        responses={200: PositionSerializer, 400: ERROR_400},
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
    destroy=extend_schema(
        summary="Delete a draft", responses={204: None, **WRITE_ERRORS}, parameters=[IF_MATCH]
    ),
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
                {"detail": "Send the version you edited: `If-Match` header or `version` field."},
                status=status.HTTP_428_PRECONDITION_REQUIRED,
            )
        if isinstance(exc, DjangoValidationError):
            return Response(_service_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, services.VersionConflict):
            from_header = getattr(self, "_version_from_header", False)
            return Response(
                {
                    "detail": str(exc),
                    "current_version": exc.current.version,
                    "changed_fields": exc.changed_fields,
                },
                status=status.HTTP_412_PRECONDITION_FAILED
                if from_header
                else status.HTTP_409_CONFLICT,
            )
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


class StreamRenderer(BaseRenderer):
    """Lets any ``Accept`` through; the export view writes its own body."""

    media_type = "*/*"
    format = "export"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else str(data).encode()


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
        content_type, rows = export.FORMATS[self.format_name]
        response = StreamingHttpResponse(rows(positions, request), content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="standpoint-positions.{self.format_name}"'
        )
        return response

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


class ConditionalAPIView(APIView):
    allowed_params: set[str] = set()
    repeatable: set[str] = set()

    def validated_query(self, form_class):
        """The query read by the rules the pages share (``positions.reading.requests``)."""
        check_query_params(self.request, self.allowed_params, self.repeatable)
        return validated(form_class(self.request.query_params))

    def conditional(self, request, build):
        return answer(request, record_validators(request), lambda: Response(build()))


class TimelineView(ConditionalAPIView):
    """Per party, its published positions on a topic in date order: what a chart draws."""

    allowed_params = {"topic", "party", "limit", "before"}
    repeatable = {"party"}

    @extend_schema(
        summary="A topic's timeline per party",
        description=TIMELINE_DESCRIPTION,
        parameters=form_parameters(TimelineForm),
        responses={200: TimelineSerializer, 400: ERROR_400},
    )
    def get(self, request):
        query = self.validated_query(TimelineForm)
        topic = query["topic"]

        def build():
            window = timeline_window(
                topic=topic,
                party_slugs=query["party"],
                limit=query["limit"],
                before=query["before"],
            )
            return timeline_body(request, topic, window)

        return self.conditional(request, build)


@extend_schema(
    summary="Compare parties' stances, or list what changed",
    description="`?as_of=DATE`: the matrix of each party's stance per topic in force on that "
    "date. `?from=DATE&to=DATE`: every party × topic whose stance differs between the two "
    "dates. Both use published positions only, as the comparison page does.",
    parameters=form_parameters(CompareForm),
    responses={
        200: PolymorphicProxySerializer(
            component_name="Comparison",
            serializers=[MatrixSerializer, ChangesSerializer],
            resource_type_field_name=None,
        ),
        400: ERROR_400,
    },
)
class CompareView(ConditionalAPIView):
    allowed_params = {"as_of", "from", "to", "topics", "parties"}
    repeatable = {"topics", "parties"}

    def get(self, request):
        query = self.validated_query(CompareForm)
        axes = {"party_slugs": query["parties"], "topic_slugs": query["topics"]}
        context = {"request": request}

        def build():
            if query["from"] is None:
                matrix = stances.stance_matrix(as_of=query["as_of"], **axes)
                return MatrixSerializer(matrix, context=context).data
            changes = stances.stance_changes(start=query["from"], end=query["to"], **axes)
            return ChangesSerializer(
                {"from": query["from"], "to": query["to"], "changes": changes}, context=context
            ).data

        return self.conditional(request, build)
