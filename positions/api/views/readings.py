"""A topic's timeline and the parties × topics comparison."""

from drf_spectacular.utils import (
    PolymorphicProxySerializer,
    extend_schema,
)

from positions.api.comparisons import (
    TIMELINE_DESCRIPTION,
    ChangesSerializer,
    MatrixSerializer,
    TimelineSerializer,
    form_parameters,
    timeline_body,
)
from positions.api.views.mixins import ERROR_400, ConditionalAPIView
from positions.reading import stances
from positions.reading.requests import CompareForm, TimelineForm
from positions.reading.timelines import timeline_window


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
    allowed_params = {"as_of", "from", "to", "topics", "parties", "show", "hide_empty"}
    repeatable = {"topics", "parties"}

    def get(self, request):
        query = self.validated_query(CompareForm)
        axes = {"party_slugs": query["parties"], "topic_slugs": query["topics"]}
        context = {"request": request}

        def build():
            if query["from"] is None:
                matrix = stances.stance_matrix(as_of=query["as_of"], **axes).narrowed(
                    show=query["show"], hide_empty=query["hide_empty"]
                )
                return MatrixSerializer(matrix, context=context).data
            changes = stances.stance_changes(start=query["from"], end=query["to"], **axes)
            return ChangesSerializer(
                {"from": query["from"], "to": query["to"], "changes": changes}, context=context
            ).data

        return self.conditional(request, build)
