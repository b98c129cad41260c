"""Fetching an article's page for the desk, never from the server's own network.

The host is resolved first; every address it resolves to must be public, and the
connection goes to the address that was checked (so a second lookup cannot swap in an
internal one). Each redirect is checked the same way before it is followed. Nothing is
connected to before its address has passed.
"""

import http.client
import ipaddress
import socket
import ssl
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 15
# A page's HTML, far above an article page's (scripts and styles included).
MAX_PAGE_BYTES = 10 * 1024 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """The URL could not be fetched; the editor can paste the page instead."""


def is_public_address(text: str) -> bool:
    """Whether ``text`` is an address on the public internet (not loopback, private,
    link-local such as cloud metadata, multicast or reserved)."""
    address = ipaddress.ip_address(text.split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


class PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to ``host`` (as the Host header names it) made to ``address``."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(PinnedHTTPConnection):
    """The same over TLS, the certificate checked against ``host``."""

    default_port = 443

    def connect(self):
        super().connect()
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


def _checked_address(host: str, port: int, resolver, allowed) -> str:
    try:
        found = resolver(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"Could not find {host} ({error}); paste the page instead.") from None
    addresses = [info[4][0] for info in found]
    if not addresses:
        raise FetchError(f"Could not find {host}; paste the page instead.")
    if refused := [address for address in addresses if not allowed(address)]:
        raise FetchError(
            f"Could not fetch from {host}: it is on a private network ({refused[0]}), which "
            "the desk may not reach. Paste the page instead."
        )
    return addresses[0]


def fetch_page(
    url: str,
    *,
    resolver: Callable = socket.getaddrinfo,
    allowed: Callable[[str], bool] = is_public_address,
) -> str:
    """The HTML at ``url``, following up to ``MAX_REDIRECTS`` redirects, each address
    resolved with ``resolver`` and checked with ``allowed`` before it is connected to."""
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise FetchError(f"Could not fetch {url}: only http(s) addresses are fetched.")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"Could not fetch {url}: its port is not a number.") from None
        address = _checked_address(parts.hostname, port, resolver, allowed)
        kind = PinnedHTTPSConnection if parts.scheme == "https" else PinnedHTTPConnection
        connection = kind(parts.hostname, port, address=address, timeout=TIMEOUT_SECONDS)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", target, headers={"Accept": "text/html,*/*;q=0.8"})
            response = connection.getresponse()
            if response.status in REDIRECTS and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            if response.status != 200:
                raise FetchError(
                    f"Could not fetch {url}: the site answered {response.status}. "
                    "Paste the page instead."
                )
            body = response.read(MAX_PAGE_BYTES + 1)
            charset = response.headers.get_content_charset() or "utf-8"
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(f"Could not fetch {url} ({error}); paste the page instead.") from None
        finally:
            connection.close()
        if len(body) > MAX_PAGE_BYTES:
            raise FetchError(f"Could not fetch {url}: the page is over 10 MB. Paste the article.")
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            return body.decode("utf-8", errors="replace")
    raise FetchError(f"Could not fetch {url}: more than {MAX_REDIRECTS} redirects.")
