"""Rate limits for anonymous clients, counted in the default cache.

Rates are read from settings on every request (not once at import), so that they follow
the environment and tests can change them.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    scope = "anon"

    @property
    def THROTTLE_RATES(self):  # noqa: N802 - the name DRF looks up
        return api_settings.DEFAULT_THROTTLE_RATES


class AnonymousExportThrottle(AnonymousRateThrottle):
    """Exports return the whole record, so they get their own, lower budget."""

    scope = "anon_export"
