"""HTTP GET for the operator commands, under the crawl's address policy, identity and limits.

No reactor: a stdlib `http.client` connection whose `connect()` resolves the host, keeps
only the addresses the policy allows (crawler.core.addresses, the crawl's SSRF rule) and
connects to one of those, so the address checked is the address used. Redirects are
followed here, each hop resolved and checked again; bodies are read up to a limit
(DOWNLOAD_MAXSIZE); requests to one host are spaced by a delay, as the crawl's are.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from crawler.core.addresses import AddressPolicy
from crawler.core.canonical import is_fetchable, join_url, url_problem

REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5


class FetchError(Exception):
    """No response: `reason` is one of the crawl's reject reasons (dns_error, timeout, ...)."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason

    def naming(self, url: str) -> str:
        """The message led by `url` once: most messages name the URL they failed on already,
        and `url: url: [Errno 111] ...` said it twice. A redirect target's failure keeps
        both, the URL asked for and the one that failed."""
        message = str(self)
        return message if message.startswith(url) else f"{url}: {message}"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str | None
    body: bytes

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def vetted_connection(host: str, port: int, policy: AddressPolicy, timeout: float):
    """A socket connected to an address of `host` that the policy allows."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError("dns_error", f"{host}: {error.strerror or error}") from None
    allowed = [info for info in infos if policy.allows(host, info[4][0])]
    if not allowed:
        raise FetchError(
            "blocked_address",
            f"{host} resolves to {infos[0][4][0]}: not a public address, not requested "
            f"(to fetch it, allow it with --allow-private-hosts {host})",
        )
    error: OSError | None = None
    for family, kind, proto, _, address in allowed:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            return sock
        except OSError as failed:
            sock.close()
            error = failed
    raise error


class VettedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, policy: AddressPolicy, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.policy = policy

    def connect(self) -> None:
        self.sock = vetted_connection(self.host, self.port, self.policy, self.timeout)


class VettedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, policy: AddressPolicy, timeout: float):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.policy = policy

    def connect(self) -> None:
        sock = vetted_connection(self.host, self.port, self.policy, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


class Fetcher:
    def __init__(
        self,
        policy: AddressPolicy,
        user_agent: str,
        max_bytes: int,
        timeout: float = 30.0,
        delay: float = 0.0,
    ):
        self.policy, self.user_agent, self.max_bytes = policy, user_agent, max_bytes
        self.timeout, self.delay = timeout, delay
        self._last: dict[str, float] = {}  # host -> when it was last asked

    def get(self, url: str) -> Fetched:
        """The response after redirects (HTTP errors included), or FetchError."""
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, body = self._once(url)
            location = headers.get("location")
            if status not in REDIRECTS or not location:
                return Fetched(url, status, headers.get("content-type"), body)
            url = join_url(url, location)
            if not is_fetchable(url):
                raise FetchError("unsupported_scheme", f"redirect to {url[:200]!r}")
        raise FetchError("fetch_error", f"more than {MAX_REDIRECTS} redirects")

    def _once(self, url: str) -> tuple[int, dict[str, str], bytes]:
        # As the crawl files them: a port out of range, a broken authority, a host no
        # resolver takes ("a..b", "%zz": asked of DNS before) are the URL's, never a
        # traceback (audit 29).
        problem = url_problem(url)
        if problem:
            raise FetchError(*problem)
        parts = urlsplit(url)
        host, https = parts.hostname or "", parts.scheme == "https"
        self._wait(host)
        kind = VettedHTTPSConnection if https else VettedHTTPConnection
        connection = kind(host, parts.port or (443 if https else 80), self.policy, self.timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip", "Accept": "*/*"}
        # The socket's timeout is for each read: a server sending a byte a second never let
        # it pass, and discover read for as long as the server dripped. The whole exchange
        # has `timeout`, as the crawl's DOWNLOAD_TIMEOUT is for a whole download: then the
        # connection is shut, and the read waiting on it returns.
        cut = threading.Event()
        deadline = threading.Timer(self.timeout, _shut, (connection, cut))
        deadline.start()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read(self.max_bytes + 1)
            found = {name.lower(): value for name, value in response.getheaders()}
        except FetchError:
            raise
        except (OSError, http.client.HTTPException) as error:
            raise self._failure(url, error, cut.is_set()) from None
        finally:
            deadline.cancel()
            connection.close()
        if cut.is_set():  # a body without a length ends where the connection was shut
            raise self._failure(url, None, past_deadline=True)
        return response.status, found, self._decoded(url, body, found)

    def _failure(self, url: str, error: Exception | None, past_deadline: bool) -> FetchError:
        if past_deadline:
            return FetchError("timeout", f"{url}: no whole answer within {self.timeout:g} s")
        if isinstance(error, TimeoutError):
            return FetchError("timeout", f"{url}: {error}")
        if isinstance(error, ConnectionRefusedError):
            return FetchError("connection_refused", f"{url}: {error}")
        return FetchError("fetch_error", f"{url}: {type(error).__name__}: {error}")

    def _decoded(self, url: str, body: bytes, headers: dict[str, str]) -> bytes:
        if len(body) > self.max_bytes:
            raise FetchError("too_large", f"{url}: over {self.max_bytes} bytes")
        if "gzip" not in headers.get("content-encoding", ""):
            return body
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = inflate.decompress(body, self.max_bytes + 1)
        except zlib.error as error:
            raise FetchError("fetch_error", f"{url}: bad gzip: {error}") from None
        if len(data) > self.max_bytes:
            raise FetchError("too_large", f"{url}: expands past {self.max_bytes} bytes")
        return data

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None and self.delay > 0:
            time.sleep(max(0.0, last + self.delay - time.monotonic()))
        self._last[host] = time.monotonic()


def _shut(connection: http.client.HTTPConnection, cut: threading.Event) -> None:
    """The deadline: the connection shut, so a read blocked on it returns."""
    cut.set()
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):  # closed meanwhile
            sock.shutdown(socket.SHUT_RDWR)
