"""Meta refresh that names the page itself is not a redirect.

News pages reload themselves (`<meta http-equiv="refresh" content="90; url=<this page>">`)
so a reader sees updates. Scrapy's MetaRefreshMiddleware follows any refresh under
METAREFRESH_MAXDELAY (100 s), and a refresh to the same URL is then dropped by the
duplicate filter: the article was lost as the skip `duplicate_request`. A refresh whose
target is the same page (canonicalized: tracking parameters, fragments, `www.`) is the page,
and is processed as it is. So is a page whose refresh goes where no request can
(`javascript:`, `file:`, a port out of range): Scrapy raised there (fetch_error).

A `Refresh` HTTP header (`Refresh: 0; url=/new-home/`) moves a browser as the meta tag
does; Scrapy reads only the tag, so the page that announced the move was the record. The
header is followed under the same rules, when the page has no refresh tag of its own.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import get_meta_refresh
from w3lib.url import safe_url_string

from crawler.core.addresses import AddressPolicy
from crawler.core.canonical import canonicalize
from crawler.integration.redirect_targets import redirect_problem


class MetaRefreshElsewhere(MetaRefreshMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.url_length_limit = settings.getint("URLLENGTH_LIMIT", 2083)
        self.addresses = AddressPolicy.from_settings(settings)

    def process_response(self, request, response, spider=None):
        if request.meta.get("dont_redirect") or request.method == "HEAD":
            return response
        url = None
        if isinstance(response, HtmlResponse):
            # Scrapy caches the parse per response: the parent's call below costs nothing.
            try:
                _, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
            except ValueError:  # w3lib cannot even resolve it (a port out of range)
                return response
        header = None if url else refresh_header(response)
        url = url or (header and header[1])
        if url and canonicalize(url) == canonicalize(response.url):
            return response
        if url and redirect_problem(response.url, url, self.url_length_limit):
            return response  # nowhere a request can go: the page is what there is
        if url and self._refused_address(url):
            return response  # nor an address the crawl never connects to (audit 29)
        # The parent's rules, for the header.
        if header and header[0] < self._maxdelay and urlparse_cached(request).scheme in WEB:
            redirected = self._redirect_request_using_get(request, response, header[1])
            return self._redirect(redirected, request, "refresh header")
        return super().process_response(request, response)  # Scrapy 2.19 warns at a spider

    def _refused_address(self, url: str) -> bool:
        """The target names an address literally (10.0.0.1, [::1]) that the address policy
        refuses: the page was lost as `blocked_address`, filed under the target. A host name
        is left to the download's own check, which resolves it."""
        try:
            host = urlsplit(url).hostname or ""
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return not self.addresses.allows(host, str(address))


WEB = ("http", "https")
# "5; url=/next", "0;URL='/next'", "0, /next": the delay, then the target (WHATWG's
# shared declarative refresh steps). A delay alone reloads the page: nothing to follow.
_REFRESH = re.compile(
    r"""\s*(\d+(?:\.\d*)?)[\d.]*\s*[;,]\s*(?:url\s*=\s*)?(["']?)(?P<url>[^"']*?)\2\s*$""",
    re.IGNORECASE,
)


def refresh_header(response) -> tuple[float, str] | None:
    """The delay and the absolute target of a `Refresh` header, or None."""
    value = response.headers.get(b"Refresh")
    found = _REFRESH.match(value.decode("latin-1")) if value else None
    if not found or not found["url"].strip():
        return None
    try:
        return float(found[1]), urljoin(response.url, safe_url_string(found["url"].strip()))
    except ValueError:  # a port out of range, a broken IPv6 host
        return None
