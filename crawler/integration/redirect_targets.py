"""A redirect to a URL no request can be made from is the reject `bad_url`.

Scrapy's RedirectMiddleware builds the next request from any `Location`: a port out of
range (`:99999`) or an unparseable IPv6 host (`http://[::1/`) then failed as `fetch_error`,
a host with an empty label hung in Twisted's resolver, and a target longer than
URLLENGTH_LIMIT was fetched and its record failed validation. This middleware sits just
outside RedirectMiddleware (610 > 600), so it sees the 3xx response first, resolves
`Location` as Scrapy does, and refuses the broken target with a reason that names it.
Targets that are not http(s) (`javascript:`, `file:`) are not followed: the response stays
a 3xx reject (`http_302`), as Scrapy leaves `file:` (it raised on `javascript:`); so is an
empty `Location` or one that names the page itself. A target that is this URL spelled
otherwise is followed past the dupefilter.

A redirect with two `Location` headers that differ is `bad_response`: Scrapy followed the
last one, a browser follows neither (Chrome: ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION), and a
server, or a proxy adding its own, that names two targets has named none. The same value
sent twice is one target, followed.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin

from scrapy.exceptions import NotConfigured
from w3lib.url import safe_url_string

from crawler.core.canonical import length_problem, url_problem

REDIRECTS = frozenset({301, 302, 303, 307, 308})


class BrokenRedirect(Exception):
    """The redirect target cannot be requested; the message says why."""


class ConflictingLocations(Exception):
    """A redirect names two different targets; the message lists them."""


class RefuseBrokenRedirects:
    def __init__(self, url_length_limit: int, fingerprinter=None):
        self.url_length_limit = url_length_limit
        self.fingerprinter = fingerprinter

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("REDIRECT_ENABLED", True):
            raise NotConfigured("REDIRECT_ENABLED is off: no redirect is followed")
        limit = crawler.settings.getint("URLLENGTH_LIMIT", 2083)
        return cls(limit, getattr(crawler, "request_fingerprinter", None))

    def process_response(self, request, response, spider=None):
        location = response.headers.get(b"Location")
        if response.status not in REDIRECTS or location is None or not _follows(request, response):
            return response
        _refuse_conflicting_locations(response)
        if _to_itself(request.url, location):
            # An empty Location, or one naming this very URL: Scrapy asked again and its
            # dupefilter dropped the repeat, a skip that named no URL. The 3xx is the outcome.
            request.meta["dont_redirect"] = True
            return response
        problem = redirect_problem(request.url, location, self.url_length_limit)
        if problem == UNFETCHABLE:
            # Not followed, like file: (Scrapy's Request refuses "javascript:alert(1)" with
            # a ValueError, a fetch_error): the 3xx stays the outcome.
            request.meta["dont_redirect"] = True
        elif problem:
            raise BrokenRedirect(f"{response.status} redirect to {problem}")
        elif self._same_fingerprint(request, location):
            # Another spelling of this URL to Scrapy's fingerprint (Apache's %7E to ~, a
            # sorted query): its dupefilter dropped the target as this very request, and the
            # page was a skip that named no URL. The copy RedirectMiddleware makes keeps this;
            # REDIRECT_MAX_TIMES still ends a loop.
            request.dont_filter = True
        return response

    def _same_fingerprint(self, request, location: bytes) -> bool:
        if self.fingerprinter is None or request.dont_filter:
            return False
        try:
            target = request.replace(url=urljoin(request.url, safe_url_string(location.strip())))
        except ValueError:
            return False
        fingerprint = self.fingerprinter.fingerprint
        return fingerprint(target) == fingerprint(request)


UNFETCHABLE = "unfetchable"


def _refuse_conflicting_locations(response) -> None:
    # Each as the target it names: "/next" and "https://host/next" sent together are one
    # (the review).
    values = list(dict.fromkeys(v.strip() for v in response.headers.getlist(b"Location")))
    if len(values) < 2:
        return
    named = {_target(response.url, value.decode("latin-1")) for value in values}
    if len(named) > 1:
        shown = ", ".join(repr(value.decode("latin-1")[:200]) for value in values)
        raise ConflictingLocations(f"{response.status} redirect with {len(named)} different "
                                   f"Location headers: {shown}")  # fmt: skip


def _target(url: str, location: str) -> str:
    """The URL a Location names, or the value as sent when it names none ("http://[::1/x",
    whose own reject is redirect_problem's `bad_url`)."""
    try:
        return urljoin(url, location)
    except ValueError:
        return location


def _follows(request, response) -> bool:
    """Whether RedirectMiddleware would follow this 3xx (its own tests, in its order)."""
    meta = request.meta
    return not (
        meta.get("dont_redirect")
        or response.status in meta.get("handle_httpstatus_list", ())
        or meta.get("handle_httpstatus_all")
    )


def _to_itself(url: str, location: bytes) -> bool:
    try:
        target = urljoin(url, safe_url_string(location.strip()))
    except ValueError:  # redirect_problem names it
        return False
    return urldefrag(target)[0] == urldefrag(url)[0]


def redirect_problem(url: str, location: bytes | str, url_length_limit: int) -> str | None:
    """Why the target of `Location` (or of a meta refresh) cannot be requested, or None;
    UNFETCHABLE for a target that is not http(s)."""
    try:
        target = safe_url_string(location)
        if (location.encode("latin-1", "replace") if isinstance(location, str) else location
            ).startswith(b"//"):  # fmt: skip
            target = url.partition(":")[0] + "://" + target.lstrip("/")
        target = urljoin(url, target)
    except ValueError as error:
        shown = location.decode("latin-1") if isinstance(location, bytes) else location
        return f"{shown[:200]!r}: {error}"
    problem = url_problem(target) or length_problem(target, url_length_limit)
    if problem:
        return UNFETCHABLE if problem[0] == "unfetchable" else problem[1]
    return None
