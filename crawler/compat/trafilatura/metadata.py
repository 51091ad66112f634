"""trafilatura's metadata reading, only for the fields our own sources leave empty.

Every field is first taken from the page's JSON-LD, meta tags, <time> and byline
elements (crawler.core.metadata, crawler.core.fields); trafilatura's reading is the next
candidate. Its `extract_metadata` costs about 21 ms a page, as much as half of the
text extraction, and most of it goes to two heuristics whose result we would not use
on a page that declares its author and date: the author search through the page's
elements (13 ms when it runs) and the link-based categories and tags (5 ms). So this
runs trafilatura's own steps, in its order, and skips a step when the field it fills
is already known: the author when the page names one, the date when the page dates
itself, categories and tags when the page declares tags (trafilatura's are added to
ours only when it declares none), and always the license, which the record lacks.
The text trafilatura extracts does not depend on its metadata (the same on all 300
corpus pages).
"""

from __future__ import annotations

import copy
import logging
import re

from lxml import html as lxml_html
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import line_processing

from crawler.compat.htmldate import use_english_date_parser, use_linear_free_text
from crawler.compat.trafilatura import in_range
from crawler.core import fields
from crawler.core.build_stamps import build_stamps_hidden
from crawler.core.metadata import PageMeta
from crawler.core.model import Hints
from crawler.core.page_times import masthead_hidden
from crawler.core.update_stamps import update_stamps_hidden

LOGGER = logging.getLogger(__name__)
use_english_date_parser()  # the extensive date search below, ~15 ms a page faster
use_linear_free_text()  # and not quadratic in the page's elements
# Dated by the page itself: htmldate is not needed.
_DATED_BY_PAGE = (*fields.MARKUP_DATE_SOURCES, "text")


def fallback_metadata(tree: lxml_html.HtmlElement, url: str, page: PageMeta) -> Document:
    """trafilatura's metadata for `tree`, less the fields `page` already answers.
    Mirrors trafilatura.metadata.extract_metadata, which runs instead outside the
    trafilatura releases this was checked on."""
    if not in_range():
        return _strings_only(
            trafilatura_metadata.extract_metadata(tree, url, set_date_params(extensive=False))
        )
    steps = trafilatura_metadata
    document = steps.examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None  # as trafilatura: a one-word author is a handle
    try:
        document = _meta_json(tree, document)
    except Exception as error:  # trafilatura's own guard: its JSON-LD reader has bugs
        LOGGER.debug("trafilatura JSON-LD metadata failed: %s", error)
    document.title = document.title or steps.extract_title(tree)
    site_name = fields.resolve_site_name(page, None)
    if not document.author and not fields.resolve_authors(page, None, Hints(), site_name):
        document.author = steps.extract_author(tree)
    document.url = document.url or steps.extract_url(tree, url)
    if document.url:
        document.hostname = steps.extract_domain(document.url, fast=True)
    if fields.page_date_source(page) not in _DATED_BY_PAGE:
        document.date = undeclared_date(tree, document.url)
    document.sitename = _site_name(document.sitename or steps.extract_sitename(tree), url)
    if not fields.resolve_tags(page, None, Hints()):
        hrefs = page.link_hrefs
        document.categories = document.categories or _catstags("category", tree, hrefs)
        document.tags = document.tags or _catstags("tag", tree, hrefs)
    document.clean_and_trim()
    return _strings_only(document)


# trafilatura minifies each JSON-LD script with a regex (JSON_MINIFY) whose quoted-string
# group takes about 150 bytes of memory per character of the string: a 9 MB articleBody
# took 1.2 GB, and the page was extract_out_of_memory (audit 36; docs/upstream.md). A
# script longer than this is not given to it: crawler.core.metadata reads it with json.
MAX_JSONLD_CHARS = 500_000
_JSONLD_SCRIPTS = './/script[@type="application/ld+json" or @type="application/settings+json"]'


def _meta_json(tree: lxml_html.HtmlElement, document: Document) -> Document:
    """trafilatura's extract_meta_json, on the page's JSON-LD scripts of a bounded size."""
    scripts = tree.xpath(_JSONLD_SCRIPTS)
    if all(len(script.text or "") <= MAX_JSONLD_CHARS for script in scripts):
        return trafilatura_metadata.extract_meta_json(tree, document)
    kept = lxml_html.Element("div")
    for script in scripts:
        if len(script.text or "") <= MAX_JSONLD_CHARS:
            kept.append(copy.deepcopy(script))  # a copy: append() would move it off the page
    return trafilatura_metadata.extract_meta_json(kept, document)


# trafilatura copies JSON-LD values as the page gives them: a headline of 2024 or ["Title"]
# became the document's title, and every comparison with it failed the record (audit 29).
_TEXT_FIELDS = ("title", "author", "url", "hostname", "description", "sitename", "date")


def _strings_only(document: Document) -> Document:
    for name in _TEXT_FIELDS:
        if not isinstance(getattr(document, name, None), str | None):
            setattr(document, name, None)
    return document


def undeclared_date(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """htmldate's reading of a page that does not date itself: its quick search of the
    markup, then its extensive search of the visible text ("Updated 3:04 PM EST,
    February 5, 2025"), which runs a date parser over every date-like string
    (crawler.compat.htmldate) and costs most of a page's time, so only when the quick one
    finds nothing. A January 1st from the
    extensive search is its fallback to a copyright or bare year ("© 2020"): a year is
    not a publication date, and a wrong date is worse than none. Neither sees the site's
    masthead or navigation, whose date is today's, not the article's, nor a stamp marked
    as an update beside the day the meta row prints (crawler.core.update_stamps), nor the
    time a site builder stamps on the page's root when it built the site
    (crawler.core.build_stamps).

    htmldate 1.11 raises ValueError on a zone offset of a day or more ("+99:00"), which
    dateutil accepts and datetime.timestamp() refuses (docs/upstream.md): such a page has
    no date from here, rather than failing as extract_error."""
    with masthead_hidden(tree), update_stamps_hidden(tree), build_stamps_hidden(tree):
        try:
            quick = trafilatura_metadata.find_date(
                tree, **set_date_params(extensive=False), url=url
            )
            if quick:
                return quick
            found = trafilatura_metadata.find_date(tree, **set_date_params(extensive=True), url=url)
        except (ValueError, OverflowError):
            return None
    return None if found and found.endswith("-01-01") else found


_SECTION_META = './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'


def _catstags(kind: str, tree: lxml_html.HtmlElement, hrefs: tuple[str, ...]) -> list[str]:
    """trafilatura's extract_catstags, without its ten link searches (2 ms a page) when no
    link could pass them: it keeps only links whose href has /tag/ or /category/ in it."""
    link_in_path = "/" + kind.rstrip("y") + "(?:y|ies|s)?/"  # trafilatura's own pattern
    if any(re.search(link_in_path, href) for href in hrefs):
        return trafilatura_metadata.extract_catstags(kind, tree)
    if kind != "category":
        return []
    # what extract_catstags falls back to when its link searches find nothing
    sections = (element.attrib["content"] for element in tree.xpath(_SECTION_META))
    return [r for r in dict.fromkeys(line_processing(x) for x in sections if x) if r]


def _site_name(name: str | None, page_url: str) -> str | None:
    """The page's own name for its site, else its own host. trafilatura takes the host of
    the URL the page declares (a canonical link, `<base href>`, og:url), which may be
    another site's, one the crawler refused as the canonical: a page on a.example declaring
    b.example was filed under a.example and named "b.example"."""
    if name:
        name = name.lstrip("@")  # a Twitter handle
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name
    match = trafilatura_metadata.META_URL.match(page_url) if page_url else None
    return match[1] if match else None
