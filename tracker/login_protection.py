"""Brute-force protection for password logins, on top of django-axes."""

import ipaddress

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


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address) -> bool:
    return address is not None and any(address in net for net in settings.TRUSTED_PROXIES)


def client_ip(request) -> str | None:
    """The client's address: the peer's, unless the peer is a trusted proxy.

    Each proxy appends the address it saw to X-Forwarded-For, so the header is read from
    its end while the address at hand is a trusted proxy (``DJANGO_TRUSTED_PROXIES``); the
    first one that is not is the client. Anything further left was sent by the client and
    may be forged, and a request that does not come from a trusted proxy may forge it all.
    """
    peer = request.META.get("REMOTE_ADDR")
    current = _address(peer or "")
    if not _trusted(current):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for text in reversed(forwarded):
        hop = _address(text)
        if hop is None:
            break  # not an address a proxy writes: stop at the last proxy
        current = hop
        if not _trusted(hop):
            break
    return str(current)
