"""Routes of the API, mounted under /api/v1/."""

from django.urls import path, reverse_lazy
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from positions.api import views
from positions.api.views import releases

app_name = "api"

# Endpoints that are not resources of the router, listed on the API root beside them.
OTHER_ENDPOINTS = {
    "positions/export.csv": "position-export-csv",
    "positions/export.jsonl": "position-export-jsonl",
    "releases": "release-list",
    "timeline": "timeline",
    "compare": "compare",
    "schema": "schema",
    "docs": "docs",
}


class Router(DefaultRouter):
    """A router whose root lists every endpoint of the API."""

    def get_api_root_view(self, api_urls=None):
        root = {prefix: f"{basename}-list" for prefix, _, basename in self.registry}
        return self.APIRootView.as_view(api_root_dict={**root, **OTHER_ENDPOINTS})


class DocsView(TemplateView):
    """Swagger UI from local files, its set-up script a static file (no inline script)."""

    template_name = "positions/api/docs.html"
    extra_context = {"schema_url": reverse_lazy("api:schema")}


router = Router()
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
    path("releases/", releases.ReleaseListView.as_view(), name="release-list"),
    path("releases/<str:name>/", releases.ReleaseDetailView.as_view(), name="release-detail"),
    path(
        "releases/<str:name>/<str:filename>",
        releases.ReleaseFileView.as_view(),
        name="release-file",
    ),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
    *router.urls,
]
