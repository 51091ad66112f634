"""RSS 2.0 and Atom 1.0 feeds -> entries with the hints a record can use."""

from __future__ import annotations

from dataclasses import dataclass

from crawler.core.canonical import join_url
from crawler.core.xmlsafe import NotXml, child_text, local_name, parse_xml


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str | None = None


def parse_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    """Raises NotXml when the body is not a feed at all."""
    root = parse_xml(body)
    kind = local_name(root)
    if kind == "rss" or kind == "rdf":
        items = [el for el in root.iter() if local_name(el) == "item"]
        return [e for e in (_rss_entry(item, base_url) for item in items) if e]
    if kind == "feed":
        entries = [el for el in root if local_name(el) == "entry"]
        return [e for e in (_atom_entry(entry, base_url) for entry in entries) if e]
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


def _rss_entry(item, base_url: str) -> FeedEntry | None:
    link = child_text(item, "link") or _guid_link(item)
    if not link:
        return None
    base_url = _base_of(item, base_url)
    authors = [
        "".join(el.itertext()).strip()
        for el in item
        if local_name(el) in ("creator", "author") and "".join(el.itertext()).strip()
    ]
    tags = ["".join(el.itertext()).strip() for el in item if local_name(el) == "category"]
    return FeedEntry(
        url=join_url(base_url, link),
        title=child_text(item, "title"),
        published=child_text(item, "pubdate", "date", "published"),
        updated=child_text(item, "updated", "modified"),
        authors=tuple(authors),
        tags=tuple(t for t in tags if t),
        description=child_text(item, "description"),
    )


def _guid_link(item) -> str | None:
    for child in item:
        if local_name(child) == "guid" and child.get("isPermaLink", "true") != "false":
            text = (child.text or "").strip()
            if text.startswith(("http://", "https://")):
                return text
    return None


def _atom_entry(entry, base_url: str) -> FeedEntry | None:
    link = _atom_link(entry)
    if link is None:
        return None
    base_url = _base_of(link, base_url)
    authors = [child_text(el, "name") for el in entry if local_name(el) == "author"]
    tags = [el.get("term") or el.get("label") for el in entry if local_name(el) == "category"]
    return FeedEntry(
        url=join_url(base_url, link.get("href")),
        title=child_text(entry, "title"),
        published=child_text(entry, "published", "issued"),
        updated=child_text(entry, "updated", "modified"),
        authors=tuple(a for a in authors if a),
        tags=tuple(t for t in tags if t),
        description=child_text(entry, "summary"),
    )


def _atom_link(entry):
    """The entry's alternate `<link>` element (else its first), whose `href` is the URL."""
    links = [el for el in entry if local_name(el) == "link" and (el.get("href") or "").strip()]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link
    return links[0] if links else None
