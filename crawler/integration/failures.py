"""Map a failed request to its place in the ledger: a reject reason or a counted skip."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy import exceptions as scrapy_errors
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net_errors
from twisted.web.client import ResponseFailed

from crawler.integration.redirect_targets import BrokenRedirect, ConflictingLocations
from crawler.integration.ssrf import BlockedAddress
from crawler.integration.unavailable_hosts import HostUnavailable
from crawler.integration.undecodable_bodies import UndecodableBody
from crawler.integration.unsolicited_not_modified import UnsolicitedNotModified


@dataclass(frozen=True)
class FailureVerdict:
    skip: bool  # True: a counted skip (robots, offsite); False: a reject line
    reason: str
    http_status: int | None = None


_REJECTS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((scrapy_errors.DownloadTimeoutError, net_errors.TimeoutError, net_errors.TCPTimedOutError),
     "timeout"),
    ((scrapy_errors.CannotResolveHostError, net_errors.DNSLookupError), "dns_error"),
    ((scrapy_errors.DownloadConnectionRefusedError, net_errors.ConnectionRefusedError),
     "connection_refused"),
    ((scrapy_errors.DownloadCancelledError,), "too_large"),
    ((scrapy_errors.ResponseDataLossError,), "truncated"),
    ((scrapy_errors.DownloadFailedError, ResponseFailed, net_errors.ConnectionLost,
      net_errors.ConnectionDone), "connection_lost"),
)  # fmt: skip


def classify_failure(exc: BaseException) -> FailureVerdict:
    if isinstance(exc, HttpError):
        status = exc.response.status
        if not 100 <= status <= 999:  # "HTTP/1.1 0 OK", "-200": no status code at all
            return FailureVerdict(False, "bad_response", status)
        return FailureVerdict(False, f"http_{status}", status)
    if isinstance(exc, BlockedAddress):
        return FailureVerdict(False, "blocked_address")
    if isinstance(exc, BrokenRedirect):
        return FailureVerdict(False, "bad_url")
    if isinstance(exc, HostUnavailable):  # not sent; transient: the next run tries again
        return FailureVerdict(False, "host_unavailable")
    if isinstance(exc, scrapy_errors.IgnoreRequest):
        message = str(exc)
        if "DOWNLOAD_MAXSIZE" in message:  # HttpCompression: a body that inflates past the limit
            return FailureVerdict(False, "too_large")
        if "max redirections" in message:  # RedirectMiddleware, past REDIRECT_MAX_TIMES hops
            return FailureVerdict(False, "too_many_redirects")
        return FailureVerdict(True, "robots" if "robots" in message.lower() else "ignored")
    if isinstance(exc, scrapy_errors.UnsupportedURLSchemeError | scrapy_errors.NotSupported):
        return FailureVerdict(True, "unsupported_scheme")
    if isinstance(exc, UndecodableBody | UnsolicitedNotModified | ConflictingLocations):
        return FailureVerdict(False, "bad_response")  # HTTP, but saying what it cannot mean
    if _unparseable_response(exc):
        return FailureVerdict(False, "bad_response")
    for types, reason in _REJECTS:
        if isinstance(exc, types):
            return FailureVerdict(False, reason)
    return FailureVerdict(False, "fetch_error")


def _unparseable_response(exc: BaseException) -> bool:
    """The server answered with something that is not HTTP (a status line without a number,
    a broken header, headers past the cap of crawler.compat.twisted_headers, a chunk size
    that is no number or past the cap of crawler.compat.twisted_chunks): Twisted's
    ParseError (or chunk error) inside ResponseFailed; or headers Twisted refuses as
    invalid (conflicting Content-Length values), a ValueError there. Scrapy 2.19 raises
    DownloadFailedError (or ResponseDataLossError) from the ResponseFailed, so the chain is
    walked. Not a lost connection: not `connection_lost`."""
    seen: BaseException | None = exc
    while seen is not None:
        reasons = seen.reasons if isinstance(seen, ResponseFailed) else []
        # ParseError or its subclass BadResponseVersion ("HTTP/2 200": by name, as
        # twisted.web._newclient is private), the ValueError Twisted raises on conflicting
        # Content-Length values, or the KeyError of a Transfer-Encoding it has no decoder
        # for ("identity", "gzip, chunked").
        if any(_is_parse_error(r.value) or isinstance(r.value, ValueError | KeyError)
               for r in reasons):  # fmt: skip
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# By name: twisted.web._newclient and twisted.web.http's chunk decoder errors are private.
# A chunk size that is not hexadecimal comes with a _DataLoss beside it, which Scrapy
# turns into ResponseDataLossError (`truncated`); the body was broken, not cut short.
_PARSE_ERRORS = frozenset({"ParseError", "_MalformedChunkedDataError"})


def _is_parse_error(error: BaseException) -> bool:
    return any(cls.__name__ in _PARSE_ERRORS for cls in type(error).__mro__)


# A fetch failure's detail, as spiders/base.py cut it before (a traceback's bound,
# crawler.core.model.FAILURE_DETAIL_CHARS, is longer: it holds a stack).
FETCH_DETAIL_CHARS = 1000


def failure_detail(exc: BaseException) -> str:
    """The error and what it says; where it says nothing, the errors under it: Scrapy's
    ResponseDataLossError over a malformed chunk says nothing ("ResponseDataLossError: "),
    the Twisted errors it was raised from name the chunk."""
    coding = _undecodable_transfer_coding(exc)
    if coding is not None:
        # Twisted's own words are a KeyError in a list of Failures ("DownloadFailedError:
        # [<...Failure builtins.KeyError: b'chunked, chunked'>]"), which names no header.
        return (f"Transfer-Encoding {coding!r}: no decoder for it (only 'chunked', once, is read)")[
            :FETCH_DETAIL_CHARS
        ]
    parts = [_describe(exc)]
    if not str(exc).strip():
        parts += [_describe(error) for error in _underlying(exc)]
    return "; ".join(dict.fromkeys(part for part in parts if part))[:FETCH_DETAIL_CHARS]


def _undecodable_transfer_coding(exc: BaseException) -> str | None:
    """The Transfer-Encoding Twisted has no decoder for ("chunked, chunked", "identity",
    "gzip, chunked"): its parser looks the header up in its table of decoders, and the
    KeyError, carrying the header's value, is the only trace of it."""
    for error in _underlying(exc):
        if isinstance(error, KeyError) and error.args and isinstance(error.args[0], bytes):
            return error.args[0].decode("latin-1")
    return None


def _underlying(exc: BaseException):
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ResponseFailed):
            yield from (reason.value for reason in seen.reasons)
        elif seen is not exc:
            yield seen
        seen = seen.__cause__ or seen.__context__


def _describe(error: BaseException) -> str:
    message = str(error).strip()
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
