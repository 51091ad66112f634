"""Meta refresh that names the page itself is not a redirect.

News pages reload themselves (`<meta http-equiv="refresh" content="90; url=<this page>">`)
so a reader sees updates. Scrapy's MetaRefreshMiddleware follows any refresh under
METAREFRESH_MAXDELAY (100 s), and a refresh to the same URL is then dropped by the
duplicate filter: the article was lost as the skip `duplicate_request`. A refresh whose
target is the same page (canonicalized: tracking parameters, fragments, `www.`) is the page,
and is processed as it is.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.response import get_meta_refresh

from crawler.core.canonical import canonicalize


class MetaRefreshElsewhere(MetaRefreshMiddleware):
    def process_response(self, request, response, spider=None):
        if isinstance(response, HtmlResponse) and not request.meta.get("dont_redirect"):
            # Scrapy caches the parse per response: the parent's call below costs nothing.
            _, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
            if url and canonicalize(url) == canonicalize(response.url):
                return response
        return super().process_response(request, response, spider)
