"""Meta refresh that names the page itself is not a redirect.

News pages reload themselves (`<meta http-equiv="refresh" content="90; url=<this page>">`)
so a reader sees updates. Scrapy's MetaRefreshMiddleware follows any refresh under
METAREFRESH_MAXDELAY (100 s), and a refresh to the same URL is then dropped by the
duplicate filter: the article was lost as the skip `duplicate_request`. A refresh whose
target is the same page (canonicalized: tracking parameters, fragments, `www.`) is the page,
and is processed as it is. So is a page whose refresh goes where no request can
(`javascript:`, `file:`, a port out of range): Scrapy raised there (fetch_error).
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.response import get_meta_refresh

from crawler.core.canonical import canonicalize
from crawler.integration.redirect_targets import redirect_problem


class MetaRefreshElsewhere(MetaRefreshMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.url_length_limit = settings.getint("URLLENGTH_LIMIT", 2083)

    def process_response(self, request, response, spider=None):
        if isinstance(response, HtmlResponse) and not request.meta.get("dont_redirect"):
            # Scrapy caches the parse per response: the parent's call below costs nothing.
            try:
                _, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
            except ValueError:  # w3lib cannot even resolve it (a port out of range)
                return response
            if url and canonicalize(url) == canonicalize(response.url):
                return response
            if url and redirect_problem(response.url, url, self.url_length_limit):
                return response  # nowhere a request can go: the page is what there is
        return super().process_response(request, response, spider)
