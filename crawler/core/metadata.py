"""Page-declared metadata: JSON-LD, OpenGraph/meta tags, <time>, <html lang>.

Read from the parsed tree, which trafilatura never prunes (it copies it). Each field keeps the
candidates from every place that declares it; `crawler.core.fields` picks by trust.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from crawler.core import json_text
from crawler.core.avatar_bylines import avatar_byline
from crawler.core.body_bylines import body_byline
from crawler.core.bylines import Byline, drop_cards, read_byline
from crawler.core.headline import shown_title_part, visible_headings
from crawler.core.original_credit import credited_original
from crawler.core.page_times import publication_times
from crawler.core.writer_credits import credited_writers

# Anchor text an aggregator uses for its link to the story it summarizes.
ORIGINAL_LINK_TEXT = re.compile(
    r"^(read|view|see)( the)? (original|full (article|story))|original (article|story|source)"
    r"|^source:|originally (published|appeared)",
    re.IGNORECASE,
)
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "techarticle", "scholarlyarticle", "opinionnewsarticle", "backgroundnewsarticle",
        "liveblogposting", "report", "socialmediaposting", "posting",
    }
)  # fmt: skip


# A page's own work typed as something other than an article (audit 37: Lifewire's HowTo,
# Everyday Health's MedicalWebPage, with the headline and the timed datePublished): read as
# the article when no article object is there. Not WebPage, which every page of a
# WordPress site declares, its home and section pages too; nor Review, which a product
# page nests by the dozen, each a customer's.
WORK_TYPES = frozenset({"howto", "medicalwebpage", "recipe"})


@dataclass
class PageMeta:
    jsonld: dict[str, Any] = field(default_factory=dict)  # the article object, if any
    meta: dict[str, list[str]] = field(default_factory=dict)  # property/name -> contents
    canonical: str | None = None
    base_href: str | None = None  # <base href>: what the page's relative URLs resolve against
    html_lang: str | None = None
    title_tag: str | None = None
    time_datetimes: list[str] = field(default_factory=list)
    # "Published June 2, 2025" in the page's text, or the day in an element a data
    # attribute names as the date (crawler.core.named_dates), read only for a page not
    # dated in its markup (crawler.core.extract)
    labelled_published: str | None = None
    visible_stamps: tuple = ()  # (day, "time zone") printed on a page its markup leaves undated
    attribute_stamps: tuple = ()  # epoch `data-…-ts` values on such a page
    figure_days: tuple = ()  # days such a page prints in figures (page_times.days_in_figures)
    original_link: str | None = None  # href of a "Read the original" style anchor
    original_publisher: str | None = (
        None  # the outlet a link credits (crawler.core.original_credit)
    )
    link_texts: frozenset[str] = frozenset()  # anchor texts, spaces collapsed, lower-cased
    link_hrefs: tuple[str, ...] = ()  # every link's href, in document order
    byline_names: tuple[str, ...] = ()  # the first byline block (crawler.core.bylines)
    body_byline: tuple[str, ...] = ()  # one printed in the story's body (crawler.core.body_bylines)
    # credited for other work (photos, styling, editing); read only where metadata lists
    # several authors (crawler.core.fields.lists_several_authors)
    credited_names: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()  # <h1> and headline-marked headings (crawler.core.headline)
    marked_headline: str | None = None  # the one <h1> the theme marks as the headline
    lone_headline: str | None = None  # the page's only <h1>, the article's prose after it
    # The h2/h3 between the lone <h1> and the prose (an old theme's headline under its tagline).
    lone_headline_next: tuple[str, ...] = ()
    logo_heading: str | None = None  # an <h1> that is the site's name (crawler.core.headline)
    shown_title_part: str | None = None  # the <title>'s part printed on the page, if one is
    video_page: bool = False  # the page's own work is a video (crawler.core.video_cards)

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return value.strip()
        return None

    def all(self, key: str) -> list[str]:
        return [value.strip() for value in self.meta.get(key, ()) if value.strip()]


# A character reference with its semicolon. html.unescape alone would also read the legacy
# names without one, turning "Barnes&noble" into "Barnes¬ble".
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
MAX_DECODE_ROUNDS = 3  # "&amp;amp;#8217;" is three rounds from "’"


def decode_entities(value: str) -> str:
    """A metadata string with every character reference decoded, double-encoded ones too.

    JSON-LD is script text, so the HTML parser never decodes its references; attribute
    values are decoded once, and CMSes often encode them twice ("&amp;#8217;").
    """
    for _ in range(MAX_DECODE_ROUNDS):
        if "&" not in value:
            break
        decoded = _REFERENCE.sub(lambda match: html.unescape(match.group()), value)
        if decoded == value:
            break
        value = decoded
    return value


def _decoded(data: Any, depth: int = 0) -> Any:
    """Every string in a JSON-LD value decoded (depth-limited: hostile nesting)."""
    if isinstance(data, str):
        return decode_entities(data)
    if depth > 8:
        return data
    if isinstance(data, list):
        return [_decoded(item, depth + 1) for item in data]
    if isinstance(data, dict):
        return {key: _decoded(value, depth + 1) for key, value in data.items()}
    return data


# The article object's fields read as text. A page may give one as a list of strings (the
# first is taken) or as a number, an object or true (dropped): a headline of ["Title"] or
# 2024 failed the whole record where a comparison expected a string (audit 29).
_TEXT_FIELDS = (
    "headline", "alternativeHeadline", "name", "description", "articleBody", "inLanguage",
    "datePublished", "dateModified", "dateCreated", "uploadDate",
)  # fmt: skip


def _text_fields(jsonld: dict[str, Any]) -> dict[str, Any]:
    for key in _TEXT_FIELDS:
        value = jsonld.get(key)
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, list):
            value = next((item for item in value if isinstance(item, str)), None)
        if isinstance(value, str):
            jsonld[key] = value
        else:
            del jsonld[key]
    return jsonld


def read_page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    page = PageMeta()
    nodes = _jsonld_nodes(tree)
    page.jsonld = _text_fields(_decoded(_article_jsonld(nodes)))
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        # `value` instead of `content` is invalid HTML, yet some pages (and saved copies of
        # pages) carry their metadata that way.
        content = node.get("content") if node.get("content") is not None else node.get("value")
        if key and content:
            page.meta.setdefault(key, []).append(decode_entities(content))
    for node in tree.iter("link"):
        if "canonical" in (node.get("rel") or "").lower().split() and node.get("href"):
            page.canonical = node.get("href")
            break
    head = tree.find("head")
    base = head.find("base[@href]") if head is not None else None
    page.base_href = base.get("href").strip() or None if base is not None else None
    root_lang = tree.getroottree().getroot().get("lang") or tree.get("lang")
    page.html_lang = root_lang.strip() if root_lang else None
    title = tree.find(".//title")
    page.title_tag = decode_entities(title.text_content().strip()) if title is not None else None
    page.time_datetimes = publication_times(tree)
    links = _links(tree)
    credited_link, page.original_publisher = credited_original(links)
    page.original_link = _original_link(links, page.jsonld) or credited_link
    page.link_texts = _link_texts(links)
    page.link_hrefs = tuple(href for _, href, _ in links)
    byline = _byline(tree, page)
    page.byline_names = byline.names
    page.body_byline = body_byline(tree)
    # On purpose: a writer's hover card in the byline, and an avatar card read as the
    # byline, are chrome for the steps after this one too (the headings, the extraction,
    # which read a card's bio, or its name and job title, as the article's).
    drop_cards(byline.hover_cards + byline.avatar_cards)
    headings = visible_headings(tree)
    page.headings = tuple(decode_entities(heading) for heading in headings.texts)
    page.marked_headline = decode_entities(headings.marked_h1) if headings.marked_h1 else None
    page.logo_heading = decode_entities(headings.logo) if headings.logo else None
    if headings.lone_h1:
        page.lone_headline = decode_entities(headings.lone_h1[0])
        page.lone_headline_next = tuple(map(decode_entities, headings.lone_h1[1]))
    page.video_page = _is_video_page(page, nodes)
    headline = page.jsonld.get("headline")
    if not page.headings and not headline and not page.first("og:title", "twitter:title"):
        # Asked only where nothing else names the headline: a search of the page's text
        # nodes costs half a millisecond.
        page.shown_title_part = shown_title_part(tree, page.title_tag)
    return page


def _byline(tree: lxml_html.HtmlElement, page: PageMeta) -> Byline:
    """The byline the markup marks or labels; failing that, the writers' avatar cards under
    the headline; failing both, the writers a credit sentence names ("This post was written
    by …", "<the newsletter> is written by …")."""
    byline = read_byline(tree)
    if not byline.names:
        byline = avatar_byline(tree)
    if not byline.names:
        publications = (
            page.first("og:site_name"),
            page.first("application-name"),
            *jsonld_names(page.jsonld.get("publisher")),
        )
        byline = Byline(credited_writers(tree, tuple(filter(None, publications))))
    return byline


def _links(tree: lxml_html.HtmlElement) -> list[tuple[Any, str, str]]:
    """(element, href, text with spaces collapsed) of every link, in document order."""
    return [
        (anchor, anchor.get("href"), " ".join(anchor.text_content().split()))
        for anchor in tree.iter("a")
        if anchor.get("href")
    ]


def _link_texts(links: list[tuple[Any, str, str]]) -> frozenset[str]:
    """What each link says: a text line that is mostly link text points elsewhere."""
    lowered = (text.lower() for _, _, text in links)
    return frozenset(text for text in lowered if 3 <= len(text) <= 300)


def _original_link(links: list[tuple[Any, str, str]], jsonld: dict[str, Any]) -> str | None:
    based_on = jsonld_url(jsonld.get("isBasedOn") or jsonld.get("isBasedOnUrl"))
    if based_on:
        return based_on
    return next((href for _, href, text in links if ORIGINAL_LINK_TEXT.search(text)), None)


def _jsonld_nodes(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """The page's JSON-LD objects: top level, in a graph, or a page's main entity."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json_text.loads(_unwrapped(script.text_content() or ""), strict=False)
        except (ValueError, RecursionError):  # RecursionError: "[[[[…" thousands deep
            continue  # broken JSON-LD is common; the other sources still count
        nodes.extend(_walk(data))
    # A page object holding its article as its main entity (`WebPage.mainEntity`, as some
    # news CMSes nest it): read after every node the scripts give at their top level or in a
    # graph, so a nested teaser never stands before the page's own article.
    nested = [entity for node in nodes for entity in _main_entities(node)]
    return nodes + nested


def _main_entities(node: dict[str, Any]) -> list[dict[str, Any]]:
    entity = node.get("mainEntity")
    return list(_walk(entity, 1)) if isinstance(entity, dict | list) else []


def _article_jsonld(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """The page's first article object, its references to other nodes resolved."""
    article = next((node for node in nodes if _types(node) & ARTICLE_TYPES), None)
    if article is None:  # the page's work under another type: HowTo, MedicalWebPage
        article = next((node for node in nodes if _types(node) & WORK_TYPES), None)
    return _with_references(article, nodes) if article else {}


# A script's JSON inside a CDATA section or an HTML comment, as XHTML-minded themes (Medium
# among them) and old validators' advice write it: `<![CDATA[ {...} ]]>`, `//<![CDATA[`,
# `/* <![CDATA[ */`, `<!-- {...} -->`. json.loads refused it, and the page lost its date
# and author.
_WRAPPER_MARKS = re.compile(r"<!\[CDATA\[|\]\]>|<!--|-->")
_COMMENT_EDGES = re.compile(r"\A(?:\s+|//|/\*\s*\*/)+|(?:\s+|//|/\*\s*\*/)+\Z")


def _unwrapped(script_text: str) -> str:
    if not script_text.lstrip().startswith(("<!", "//", "/*")):
        return script_text
    return _COMMENT_EDGES.sub("", _WRAPPER_MARKS.sub(" ", script_text))


# Keys whose value is often a reference ({"@id": ...}) to a node elsewhere in the page's
# graph: Yoast SEO and other WordPress schema plugins name the author and publisher once,
# as Person and Organization nodes, and point to them from the article.
REFERENCED_KEYS = ("author", "creator", "publisher")


def _with_references(article: dict[str, Any], nodes: list[dict[str, Any]]) -> dict[str, Any]:
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    if not by_id:
        return article

    def resolved(value: Any) -> Any:
        if isinstance(value, list):
            return [resolved(item) for item in value]
        if isinstance(value, dict) and "name" not in value:
            return (
                by_id.get(value.get("@id"), value) if isinstance(value.get("@id"), str) else value
            )
        return value

    return {
        key: resolved(value) if key in REFERENCED_KEYS else value for key, value in article.items()
    }


def _walk(data: Any, depth: int = 0):
    if depth > 6:  # hostile or cyclic-looking nesting
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"], depth + 1)


def _is_video_page(page: PageMeta, nodes: list[dict[str, Any]]) -> bool:
    """The page's own work is a video: og:type `video.*`, a JSON-LD article typed
    VideoObject too, or a VideoObject (top level, in a graph, a page's main entity) on a
    page declaring no article. A video an article carries (its `video` property) is not
    one: _walk never reaches it."""
    if (page.first("og:type") or "").lower().startswith("video"):
        return True
    if "videoobject" in _types(page.jsonld):
        return True
    videos = any("videoobject" in _types(node) for node in nodes)
    return videos and not any(_types(node) & ARTICLE_TYPES for node in nodes)


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", ())
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def jsonld_names(value: Any) -> list[str]:
    """Names from a JSON-LD person/organization value: str, dict or list of either."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            names.extend(_person_names(item))
    return [name.strip() for name in names if name and name.strip()]


def _person_names(item: dict) -> list[str]:
    """`name`, or schema.org's parts of it when a CMS writes only those (givenName,
    additionalName, familyName). Some CMSes write one Person whose `name` is a list of
    every writer's name (["Jane Roe", "John Doe"])."""
    name = item.get("name")
    if isinstance(name, list):
        listed = [n for n in name if isinstance(n, str) and n.strip()]
        if listed:
            return listed
        name = None
    if isinstance(name, str) and name.strip():
        return [name]
    parts = (item.get(key) for key in ("givenName", "additionalName", "familyName"))
    return [" ".join(part.strip() for part in parts if isinstance(part, str) and part.strip())]


def jsonld_organizations(value: Any) -> list[str]:
    """Names of the JSON-LD values typed as an organization (Organization,
    NewsMediaOrganization, Corporation, ...), which a name alone may not show ("The Ledger")."""
    items = value if isinstance(value, list) else [value]
    return [
        name
        for item in items
        if isinstance(item, dict) and _is_organization_type(item.get("@type"))
        for name in jsonld_names(item)
    ]


def _is_organization_type(value: Any) -> bool:
    types = value if isinstance(value, list) else [value]
    return any(
        isinstance(t, str) and ("organization" in t.lower() or t in ("Corporation", "NGO"))
        for t in types
    )


def jsonld_url(value: Any) -> str | None:
    """A URL from a JSON-LD image/url value: str, ImageObject, or list of either."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            found = item.get("url") or item.get("contentUrl")
            if isinstance(found, str) and found.strip():
                return found.strip()
    return None
