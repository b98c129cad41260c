from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from tracker import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/v1/", include("positions.api.urls")),
    path("", include("positions.urls")),
]

handler500 = "tracker.outage.server_error"
