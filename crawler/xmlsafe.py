"""XML parsing for feeds and sitemaps that never expands entities or reads the network.

Billion-laughs bombs and external entities (file:///etc/passwd) are inert here.
"""

from __future__ import annotations

from lxml import etree

MAX_XML_BYTES = 50 * 1024 * 1024


class NotXml(ValueError):
    """The body is not a well-formed XML document (often HTML served as a feed)."""


def parse_xml(body: bytes) -> etree._Element:
    if len(body) > MAX_XML_BYTES:
        raise NotXml(f"document of {len(body)} bytes exceeds {MAX_XML_BYTES}")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,  # real feeds have stray '&' and bad bytes; keep what parses
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(body.lstrip(), parser=parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise NotXml(str(error)[:200]) from error
    if root is None:
        raise NotXml("no XML root element")
    return root


def local_name(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def child_text(element: etree._Element, *names: str) -> str | None:
    """Text of the first direct child with one of these local names, namespace ignored."""
    for child in element:
        if local_name(child) in names:
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return None
