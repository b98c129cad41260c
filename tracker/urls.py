from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from positions.api import errors as api_errors
from tracker import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/v1/", include("positions.api.urls")),
    # Under /api/, an address that names nothing is a JSON 404, with debug on or off.
    re_path(r"^api/", api_errors.not_found),
    path("", include("positions.urls")),
]

handler400 = "tracker.responses.bad_request"
handler500 = "tracker.outage.server_error"
