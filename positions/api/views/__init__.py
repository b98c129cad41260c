"""Endpoints of the public API, one module per concern. Reads are open; writes call
``positions.editorial.services``."""

from positions.api.views.exports import PositionCsvExportView, PositionJsonlExportView
from positions.api.views.positions import PositionViewSet
from positions.api.views.readings import CompareView, TimelineView
from positions.api.views.records import (
    DeletionViewSet,
    EventViewSet,
    PartyViewSet,
    PersonViewSet,
    SourceViewSet,
    TopicViewSet,
)

__all__ = [
    "CompareView",
    "DeletionViewSet",
    "EventViewSet",
    "PartyViewSet",
    "PersonViewSet",
    "PositionCsvExportView",
    "PositionJsonlExportView",
    "PositionViewSet",
    "SourceViewSet",
    "TimelineView",
    "TopicViewSet",
]
