"""RSS 2.0, RSS 1.0, Atom 1.0 and JSON Feed 1.x -> entries with the hints a record can use."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from crawler.core import json_text
from crawler.core.canonical import join_url
from crawler.core.charset import bytes_to_text
from crawler.core.xmlsafe import (
    MAX_XML_BYTES,
    NotXml,
    child_text,
    local_name,
    maybe_gunzip,
    parse_xml,
)


@dataclass(frozen=True)
class FeedEntry:
    url: str  # "" when the entry names no page (an RSS guid that is an id, an Atom feed's
    # comments link only): kept, so the spider counts it (not_requested.no_url)
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str | None = None


def parse_feed(body: bytes, base_url: str, content_type: str | None = None) -> list[FeedEntry]:
    """Raises NotXml when the body is not a feed at all. `content_type`: the HTTP header,
    whose charset a feed without an encoding declaration is read in."""
    body = maybe_gunzip(body)
    if len(body) > MAX_XML_BYTES:
        raise NotXml(f"document of {len(body)} bytes exceeds {MAX_XML_BYTES}")
    if (text := _json_text(body, content_type)) is not None:
        return _json_feed(text, base_url)
    root = parse_xml(body, content_type)
    kind = local_name(root)
    if kind == "rss" or kind == "rdf":
        items = [el for el in root.iter() if local_name(el) == "item"]
        return [_rss_entry(item, base_url) for item in items]
    if kind == "feed":
        entries = [el for el in root if local_name(el) == "entry"]
        return [_atom_entry(entry, base_url) for entry in entries]
    raise NotXml(f"root element <{kind}> is neither RSS nor Atom")


_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _base_of(element, base_url: str) -> str:
    """The base URL in force at `element`: each `xml:base` from the root down resolves
    against the one above it (Atom relies on it for relative links, RFC 4287 and XML Base)."""
    chain = [element, *element.iterancestors()]
    for node in reversed(chain):
        declared = node.get(_XML_BASE)
        if declared and declared.strip():
            base_url = join_url(base_url, declared)
    return base_url


def _rss_entry(item, base_url: str) -> FeedEntry:
    link = child_text(item, "link") or _guid_link(item) or _rdf_about(item)
    base_url = _base_of(item, base_url)
    authors = [
        "".join(el.itertext()).strip()
        for el in item
        if local_name(el) in ("creator", "author") and "".join(el.itertext()).strip()
    ]
    tags = ["".join(el.itertext()).strip() for el in item if local_name(el) == "category"]
    return FeedEntry(
        url=join_url(base_url, link) if link else "",
        title=child_text(item, "title"),
        published=child_text(item, "pubdate", "date", "published"),
        updated=child_text(item, "updated", "modified"),
        authors=tuple(authors),
        tags=tuple(t for t in tags if t),
        description=child_text(item, "description"),
    )


def _guid_link(item) -> str | None:
    """A permalink guid: an http(s) URL in any case ("HTTPS://"), or a path when the feed
    says outright that it is a permalink (a bare guid is by default, and is often an id)."""
    for child in item:
        if local_name(child) == "guid" and child.get("isPermaLink", "true") != "false":
            text = (child.text or "").strip()
            if text.lower().startswith(("http://", "https://")):
                return text
            if text.startswith("/") and child.get("isPermaLink") == "true":
                return text
    return None


_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"


def _rdf_about(item) -> str | None:
    """RSS 1.0: an item's `rdf:about` is its URI, the link when `<link>` is missing. RDF/XML
    allows a relative reference, resolved against the feed's base ("/2026/12/agents.html"),
    so a path is taken too; an identifier of another scheme (`urn:`, `tag:`), a bare id or
    a fragment names no page (an item counted no_url)."""
    about = (item.get(_RDF_ABOUT) or "").strip()
    if about.lower().startswith(("http://", "https://")):
        return about
    if not about or about.startswith("#") or _SCHEME.match(about):
        return None
    # A path, as _guid_link asks of a guid: a bare "12345" or "item-7" is an id (the review).
    return about if "/" in about else None


_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _atom_entry(entry, base_url: str) -> FeedEntry:
    link = _atom_link(entry)
    url = join_url(_base_of(link, base_url), link.get("href")) if link is not None else ""
    authors = [child_text(el, "name") for el in entry if local_name(el) == "author"]
    tags = [el.get("term") or el.get("label") for el in entry if local_name(el) == "category"]
    return FeedEntry(
        url=url,
        title=child_text(entry, "title"),
        published=child_text(entry, "published", "issued"),
        updated=child_text(entry, "updated", "modified"),
        authors=tuple(a for a in authors if a),
        tags=tuple(t for t in tags if t),
        description=child_text(entry, "summary"),
    )


_ALTERNATE = frozenset({"alternate", "http://www.iana.org/assignments/relation/alternate"})
_HTML_TYPES = frozenset({"", "text/html", "application/xhtml+xml"})
# Links that are never the entry's page: the feed itself, its edit URI, comments, a file.
_NOT_THE_PAGE = frozenset({"self", "edit", "edit-media", "replies", "enclosure", "license"})


def _atom_link(entry):
    """The entry's page `<link>` element, whose `href` is the URL: an alternate of an HTML
    type (no type counts as HTML), else any alternate (RFC 4287: a missing rel is one, and
    the IANA IRI is the same), else the first link that is not the feed's own, an edit URI,
    a comments feed or an enclosure. feedparser takes the same alternate."""
    links = [el for el in entry if local_name(el) == "link" and (el.get("href") or "").strip()]

    def rel(link) -> str:
        return (link.get("rel") or "alternate").strip().lower()

    alternates = [link for link in links if rel(link) in _ALTERNATE]
    for link in alternates:
        if (link.get("type") or "").split(";")[0].strip().lower() in _HTML_TYPES:
            return link
    if alternates:
        return alternates[0]
    return next((link for link in links if rel(link) not in _NOT_THE_PAGE), None)


def _json_text(body: bytes, content_type: str | None) -> str | None:
    """The body as text when it is JSON (an object), else None. UTF-8 as RFC 8259 asks;
    UTF-16 or UTF-32 as RFC 7159 allowed (what Windows PowerShell 5 saves, a byte order
    mark first), told by its first bytes as json.loads tells it; and bytes that are not
    UTF-8 read as a page is (the header's charset, cp1252, detection). A UTF-16 feed was
    taken for XML ("no XML root element"), a Latin-1 one was "JSON that does not parse"."""
    encoding = json.detect_encoding(body[:4])
    if not encoding.startswith("utf-8"):
        start = body[:64].decode(encoding, "ignore").lstrip("\ufeff \t\r\n")
        return body.decode(encoding, "replace").lstrip("\ufeff") if start[:1] == "{" else None
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return bytes_to_text(body, content_type)


def _json_feed(text: str, base_url: str) -> list[FeedEntry]:
    """JSON Feed 1.0 and 1.1 (jsonfeed.org): an item's page is its `url`, else its
    `external_url`; 1.0's single `author` and 1.1's `authors` both name its authors."""
    try:
        feed = json_text.loads(text)
    except RecursionError:  # only from the parse: brackets nested past Python's stack
        # Its own message, "maximum recursion depth exceeded", named no fault of the feed.
        raise NotXml(
            "JSON nested too deeply to read (arrays or objects inside each other)"
        ) from None
    except ValueError as error:  # anything else broken
        raise NotXml(f"JSON that does not parse: {str(error)[:200]}") from None
    version = feed.get("version") if isinstance(feed, dict) else None
    if not (isinstance(version, str) and "jsonfeed.org/version/" in version):
        raise NotXml("JSON, but not a JSON Feed (no jsonfeed.org version)")
    # JSON Feed 1.1 requires `items`, an array ([] for a feed with nothing in it). A feed
    # without it, or with an object of items, was read as an empty one: nothing said.
    if "items" not in feed:
        raise NotXml("JSON Feed without items (JSON Feed requires an items list)")
    items = feed["items"]
    if not isinstance(items, list):
        raise NotXml(f"JSON Feed whose items are not a list (a {type(items).__name__})")
    return [_json_item(item, base_url) for item in items]


def _json_item(item, base_url: str) -> FeedEntry:
    if not isinstance(item, dict):
        return FeedEntry(url="")

    def text(key: str) -> str | None:
        value = item.get(key)
        return (value.strip() or None) if isinstance(value, str) else None

    link = text("url") or text("external_url")
    people = item.get("authors") if isinstance(item.get("authors"), list) else [item.get("author")]
    authors = [
        p["name"].strip() for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)
    ]
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    return FeedEntry(
        url=join_url(base_url, link) if link else "",
        title=text("title"),
        published=text("date_published"),
        updated=text("date_modified"),
        authors=tuple(a for a in authors if a),
        tags=tuple(t.strip() for t in tags if isinstance(t, str) and t.strip()),
        description=text("summary"),
    )
