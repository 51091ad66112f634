"""Is this page an article? URL shape plus page signals (og:type, JSON-LD type).

Index, tag, author and utility pages are followed for links but not emitted.
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


def url_looks_like_article(url: str) -> bool | None:
    """True/False when the URL alone decides, None when it does not."""
    path = urlsplit(url).path
    if path in ("", "/") or _NOT_ARTICLE_PATH.search(path):
        return False
    last = path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if _SLUG.fullmatch(last) and (_DATED_PATH.search(path) or len(last) >= 16):
        return True
    return None


def is_article_page(url: str, og_type: str | None, jsonld_texts: list[str]) -> bool:
    by_url = url_looks_like_article(url)
    if by_url is False:
        return False
    signals = (og_type or "").strip().lower() == "article" or any(
        _ARTICLE_JSONLD.search(text) for text in jsonld_texts
    )
    return signals or by_url is True
