"""Read-only resources: parties, people, topics, sources and events."""

from django.db.models import Prefetch
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets

from positions.api.conditional import answer, record_validators
from positions.api.filters import StrictFilterBackend
from positions.api.filtersets import (
    DeletionFilterSet,
    EventFilterSet,
    PartyFilterSet,
    PersonFilterSet,
    SourceFilterSet,
    TopicFilterSet,
)
from positions.api.pagination import StrictPageNumberPagination
from positions.api.serializers import (
    DeletionSerializer,
    EventSerializer,
    PartySerializer,
    PersonSerializer,
    SourceSerializer,
    TopicSerializer,
)
from positions.api.views.mixins import ERROR_400, ID_PATTERN, SLUG_PATTERN, ConditionalReadMixin
from positions.models import Event, Party, Person, Role, Source, Tombstone, Topic
from positions.reading.requests import sees_drafts


class ReadOnlyResource(ConditionalReadMixin, viewsets.ReadOnlyModelViewSet):
    pagination_class = StrictPageNumberPagination
    filter_backends = [StrictFilterBackend]


@extend_schema_view(
    list=extend_schema(summary="List parties", responses={200: PartySerializer, 400: ERROR_400}),
    retrieve=extend_schema(summary="A party, by slug"),
)
class PartyViewSet(ReadOnlyResource):
    """States, alliances, blocs and non-state groups that take positions."""

    queryset = Party.objects.public()
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

    queryset = Person.objects.public().prefetch_related(
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

    queryset = Topic.objects.public().select_related("parent")
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
    queryset = Source.objects.public().defer("text")
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


@extend_schema_view(
    list=extend_schema(
        summary="Deleted records",
        description="Records deleted from the record, oldest deletion first: after pulling "
        "each list with `updated_since`, pull this with `since` and drop what it names. "
        "Anonymous clients are told of every deletion of a record they could have seen.",
        responses={200: DeletionSerializer, 400: ERROR_400},
    ),
)
class DeletionViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Tombstones of deleted parties, people, topics, sources, events (and, for editorial
    staff, draft positions)."""

    serializer_class = DeletionSerializer
    filterset_class = DeletionFilterSet
    pagination_class = StrictPageNumberPagination
    filter_backends = [StrictFilterBackend]

    def get_queryset(self):
        tombstones = Tombstone.objects.order_by("deleted_at", "id")
        return tombstones if sees_drafts(self.request.user) else tombstones.filter(public=True)

    def list(self, request, *args, **kwargs):
        # Every tombstone moves the record's stamp, which the validators are made of.
        return answer(
            request, record_validators(request), lambda: super(DeletionViewSet, self).list(request)
        )
