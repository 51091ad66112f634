"""Bytes -> parsed tree -> trafilatura text plus page metadata.

The tree is parsed once: our metadata reader walks it first, then trafilatura
(which prunes what it is given) extracts the main text from it.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import load_html
from w3lib.encoding import html_to_unicode

from crawler.metadata import PageMeta, read_page_meta

BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")


class ExtractionFailed(Exception):
    """Carries a machine-readable reason for a page that yields no text."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


@dataclass
class RawArticle:
    text: str
    page: PageMeta
    found: Document | None  # trafilatura's document with its own metadata
    method: str


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text by BOM, then HTTP header, then <meta charset>, then detection."""
    if not body or not body.strip():
        raise ExtractionFailed("empty", "empty body")
    head = body[:1024].lstrip()
    if head.startswith(BINARY_SIGNATURES) or b"\x00" in head:
        raise ExtractionFailed("not_html", f"binary content starting {head[:8]!r}")
    _, text = html_to_unicode(content_type, body)
    return text


def parse_tree(text: str) -> lxml_html.HtmlElement:
    # trafilatura's own loader: its extractor expects the parser options it sets
    # (comments and PIs removed); a plain lxml tree makes it miss whole articles.
    try:
        tree = load_html(text)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionFailed("unparseable", str(error)[:200]) from error
    if tree is None:
        raise ExtractionFailed("unparseable", "no HTML document could be parsed")
    return tree


def extract_article(
    body: bytes, url: str, content_type: str | None = None, favor_precision: bool = True
) -> RawArticle:
    tree = parse_tree(decode_html(body, content_type))
    page = read_page_meta(tree)
    # No `options=` here: trafilatura ignores `url=` when options are passed.
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=favor_precision,
        with_metadata=True,
        deduplicate=False,
        # htmldate's extensive search runs dateparser over every date-like string and costs
        # ~80% of the page time; our own date sources outrank it anyway (crawler.fields).
        date_extraction_params=set_date_params(extensive=False),
    )
    text = (found.text or "") if found is not None else ""
    method = "trafilatura"
    body_jsonld = page.jsonld.get("articleBody")
    if isinstance(body_jsonld, str) and len(body_jsonld) > 2 * len(text) + 200:
        text, method = body_jsonld, "jsonld"  # trafilatura lost most of the article
    if not text.strip():
        raise ExtractionFailed("no_text", "no main text found")
    return RawArticle(text=text, page=page, found=found, method=method)
