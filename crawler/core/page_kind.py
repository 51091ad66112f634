"""Is this page an article? URL shape plus page signals (og:type, JSON-LD type).

Index, tag, author and utility pages are followed for links but not emitted. Two rules,
for two kinds of evidence:

- `is_article_page`: a page found by following links (the `site` spider) is an article
  only with a positive sign, since most links on a site lead elsewhere;
- `listed_page_is_article`: a page a feed or sitemap lists is an article unless something
  says otherwise: most entries are articles (and many sites declare no type), but
  sitemaps also list home, category and author pages.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_NOT_ARTICLE_PATH = re.compile(
    r"/(tags?|categor(y|ies)|topics?|authors?|page|search|about|contact|privacy|terms|feed"
    r"|login|signin|register|subscribe|newsletter|archives?|sections?)(/|$)",
    re.IGNORECASE,
)
_DATED_PATH = re.compile(r"/(19|20)\d{2}/(0?[1-9]|1[0-2])(/|$)")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+){2,}", re.IGNORECASE)
_ARTICLE_JSONLD = re.compile(
    r'"@type"\s*:\s*(\[[^\]]*)?"(News|Blog|Tech|Reportage|Analysis)?(Article|Posting)"'
)
# schema.org types a page declares for itself when it is a list or a profile, not a story.
_LISTING_JSONLD = re.compile(
    r'"@type"\s*:\s*(\[[^\]]*)?"(CollectionPage|SearchResultsPage|ProfilePage)"'
)


def url_looks_like_article(url: str) -> bool | None:
    """True/False when the URL alone decides, None when it does not."""
    path = urlsplit(url).path
    if path in ("", "/") or _NOT_ARTICLE_PATH.search(path):
        return False
    last = path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if _SLUG.fullmatch(last) and (_DATED_PATH.search(path) or len(last) >= 16):
        return True
    return None


def declares_article(og_type: str | None, jsonld_texts: list[str]) -> bool:
    return (og_type or "").strip().lower() == "article" or any(
        _ARTICLE_JSONLD.search(text) for text in jsonld_texts
    )


def is_article_page(url: str, og_type: str | None, jsonld_texts: list[str]) -> bool:
    by_url = url_looks_like_article(url)
    if by_url is False:
        return False
    return declares_article(og_type, jsonld_texts) or by_url is True


def listed_page_is_article(url: str, og_type: str | None, jsonld_texts: list[str]) -> bool:
    """For a page a feed or sitemap listed. Strongest evidence first: a site's home page is
    never an article; a JSON-LD article type is one; a JSON-LD collection, search result or
    profile is not (Yoast marks archives CollectionPage, whatever og:type says); then
    og:type=article; then the URL, which rules out tag, category and author paths."""
    if urlsplit(url).path in ("", "/"):
        return False
    if any(_ARTICLE_JSONLD.search(text) for text in jsonld_texts):
        return True
    if any(_LISTING_JSONLD.search(text) for text in jsonld_texts):
        return False
    if (og_type or "").strip().lower() == "article":
        return True
    return url_looks_like_article(url) is not False
