"""The desk's URL fetcher resolves and checks an address before connecting to it, and
connects to the address it checked; redirects are checked the same way."""

import http.server
import socket
import threading

import pytest

from positions.editorial.fetching import FetchError, fetch_page, is_public_address


class Listener:
    """A TCP port on this machine that counts the connections made to it."""

    def __init__(self, host="127.0.0.1"):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind((host, 0))
        self.socket.listen(8)
        self.socket.settimeout(0.05)
        self.port = self.socket.getsockname()[1]
        self.connections = 0

    def count(self) -> int:
        while True:
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                return self.connections
            self.connections += 1
            connection.close()


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.socket.close()


def resolving(table: dict[str, str]):
    """A resolver answering from ``table`` (host → address), as getaddrinfo answers."""

    def resolve(host, port, type=0):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (table[host], port))]

    return resolve


@pytest.mark.parametrize(
    "internal",
    ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "100.64.0.1", "0.0.0.0"],
)
def test_a_host_resolving_to_an_internal_address_is_refused_before_any_connection(
    listener, internal
):
    resolver = resolving({"news.example.org": internal})
    with pytest.raises(FetchError, match="it is on a private network"):
        fetch_page(f"http://news.example.org:{listener.port}/article", resolver=resolver)
    assert listener.count() == 0


def test_internal_ipv6_and_mapped_addresses_are_not_public():
    for address in ("::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"):
        assert not is_public_address(address), address
    assert is_public_address("93.184.216.34") and is_public_address("2606:2800:220:1::1")


def test_a_host_with_any_internal_address_is_refused(listener):
    def resolver(host, port, type=0):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    with pytest.raises(FetchError, match="private network"):
        fetch_page(f"http://news.example.org:{listener.port}/", resolver=resolver)
    assert listener.count() == 0


@pytest.fixture
def redirecting_site():
    """A site on 127.0.0.1 whose /moved redirects to ``internal.test`` and whose /page
    answers an article."""

    class Handler(http.server.BaseHTTPRequestHandler):
        target = ""

        def do_GET(self):  # noqa: N802 - the name http.server calls
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", Handler.target)
                self.end_headers()
                return
            body = f"<html><body>Host: {self.headers['Host']}</body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], Handler
    server.shutdown()
    server.server_close()


def only(address):
    """Allow only ``address``: stands for "public" in these tests, which run on loopback."""
    return lambda candidate: candidate == address


def test_the_connection_goes_to_the_checked_address_with_the_hosts_name(redirecting_site):
    port, _ = redirecting_site
    resolver = resolving({"news.example.org": "127.0.0.1"})
    html = fetch_page(
        f"http://news.example.org:{port}/page", resolver=resolver, allowed=only("127.0.0.1")
    )
    assert f"Host: news.example.org:{port}" in html


def test_a_redirect_to_an_internal_address_is_refused_before_following_it(
    redirecting_site, listener
):
    port, handler = redirecting_site
    handler.target = f"http://internal.test:{listener.port}/admin"
    resolver = resolving({"news.example.org": "127.0.0.1", "internal.test": "127.0.0.2"})
    with pytest.raises(FetchError, match="internal.test: it is on a private network"):
        fetch_page(
            f"http://news.example.org:{port}/moved", resolver=resolver, allowed=only("127.0.0.1")
        )
    assert listener.count() == 0


def test_only_http_addresses_are_fetched():
    for url in ("file:///etc/passwd", "gopher://news.example.org/", "http:///nohost"):
        with pytest.raises(FetchError, match="only http"):
            fetch_page(url, resolver=resolving({}))
