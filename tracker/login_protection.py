"""Brute-force protection for password logins, on top of django-axes."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginAttemptBackend(AxesStandaloneBackend):
    """Refuses logins for locked-out clients; authentication itself is left to the next backend.

    Every login a client can reach (the admin's form, DRF's session and basic logins) passes
    the request. Calls without one come from the server's own code, such as management
    commands or the test client's ``login()``, where there is no client to lock out, so they
    are let through to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str | None:
    """The client's address, as seen by the nearest trusted proxy.

    Each of ``TRUSTED_PROXY_COUNT`` proxies appends the address it saw to X-Forwarded-For,
    so the client is that many entries from the end; anything further left was sent by
    the client and may be forged.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
