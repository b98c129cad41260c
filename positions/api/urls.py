"""Routes of the API, mounted under /api/v1/."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from positions.api import views

app_name = "api"

router = DefaultRouter()
router.register("parties", views.PartyViewSet, basename="party")
router.register("people", views.PersonViewSet, basename="person")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("sources", views.SourceViewSet, basename="source")
router.register("positions", views.PositionViewSet, basename="position")
router.register("events", views.EventViewSet, basename="event")
router.register("deleted", views.DeletionViewSet, basename="deletion")

urlpatterns = [
    path("positions/export.csv", views.PositionCsvExportView.as_view(), name="position-export-csv"),
    path(
        "positions/export.jsonl",
        views.PositionJsonlExportView.as_view(),
        name="position-export-jsonl",
    ),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
