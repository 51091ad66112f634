"""XML parsing for feeds and sitemaps that never expands entities or reads the network.

Billion-laughs bombs and external entities (file:///etc/passwd) are inert here.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterable, Iterator

from lxml import etree

from crawler.core.charset import bytes_to_text
from crawler.core.gzipped import GZIP_MAGIC, GzipError, gunzip

MAX_XML_BYTES = 50 * 1024 * 1024
XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_REF = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_WIDE_DECLARATION = re.compile(
    rb"""^((?:\xef\xbb\xbf)?<\?xml[^>]{0,200}?encoding\s*=\s*["'])(utf-?(?:16|32)[^"']*)""", re.I
)


class NotXml(ValueError):
    """The body is not a well-formed XML document (often HTML served as a feed)."""


_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "recover": True,  # real feeds have stray '&' and bad bytes; keep what parses
    "remove_comments": True,
    "remove_pis": True,
}
_CHUNK = 1 << 20  # bytes fed to the pull parser at a time


def parse_xml(body: bytes, content_type: str | None = None) -> etree._Element:
    """A feed or sitemap's root element; NotXml when there is none. A gzip body (a
    `.xml.gz` served without Content-Encoding) is inflated first, to MAX_XML_BYTES.
    `content_type`, the HTTP header, names the charset of a body that declares none."""
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(_prepared(body, content_type), parser=parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise NotXml(str(error)[:200]) from error
    _refuse_resource_limits(parser.error_log)
    if root is None:
        raise NotXml("no XML root element")
    _drop_entity_references(root)
    return root


def iter_children(body: bytes, content_type: str | None = None) -> Iterator[etree._Element]:
    """The root element, then each of its children once it is whole, read as parse_xml
    reads the document, but with one child in memory at a time: each is emptied and
    dropped after the caller had it. A sitemap of a million `<url>`s as one tree held
    840 MB. Use a child before asking for the next. NotXml when there is no root, and
    at the end when a resource limit was hit, so a caller keeps nothing it read before."""
    parser = etree.XMLPullParser(events=("start", "end"), **_PARSER_OPTIONS)
    text, depth, root = _prepared(body, content_type), 0, None
    try:
        for offset in range(0, len(text), _CHUNK):
            parser.feed(text[offset : offset + _CHUNK])
            for event, element in parser.read_events():
                depth += 1 if event == "start" else -1
                if root is None:
                    root = element
                    yield root
                elif event == "end" and depth == 1:
                    _drop_entity_references(element)
                    yield element
                    element.clear()
                    root.remove(element)
        parser.close()
    except (etree.XMLSyntaxError, ValueError) as error:
        raise NotXml(str(error)[:200]) from error
    # A feed parser logs in feed_error_log; its error_log stays empty. Read there, a bomb
    # or nesting past 256 levels ended the sitemap at that point, with no error.
    _refuse_resource_limits(parser.feed_error_log)
    if root is None:
        raise NotXml("no XML root element")


def _prepared(body: bytes, content_type: str | None = None) -> bytes:
    """The bytes libxml2 is given: inflated, bounded, as UTF-8, repaired (below)."""
    body = maybe_gunzip(body)
    if len(body) > MAX_XML_BYTES:
        raise NotXml(f"document of {len(body)} bytes exceeds {MAX_XML_BYTES}")
    text = _visible_controls(_narrow(_as_utf8(body, content_type).lstrip()))
    return _repaired_markup(_html_refs_to_numeric(text))


def maybe_gunzip(body: bytes) -> bytes:
    """`.xml.gz` sitemaps and feeds served without Content-Encoding; bounded against bombs.
    A stream cut short is NotXml, since the entries after the cut would be lost."""
    if not body.startswith(GZIP_MAGIC):
        return body
    try:
        return gunzip(body, MAX_XML_BYTES)
    except GzipError as error:
        raise NotXml(str(error)) from error


# Byte order marks and the first bytes of "<?" in the wide encodings, widest first
# (UTF-32's little-endian mark begins with UTF-16's).
_WIDE_STARTS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"),
)  # fmt: skip
_DECLARED_ENCODING = re.compile(rb"""^(<\?xml[^>]{0,200}?encoding\s*=\s*["'])([\w.:-]+)""", re.I)
# Labels a CMS writes whatever its bytes are: bytes that are valid UTF-8 are UTF-8, as for pages.
_SINGLE_BYTE_LABELS = frozenset({b"iso-8859-1", b"latin-1", b"latin1", b"windows-1252", b"cp1252",
                                 b"us-ascii", b"ascii"})  # fmt: skip


def _as_utf8(body: bytes, content_type: str | None = None) -> bytes:
    """A document whose bytes the byte-level repairs below can read as ASCII's: a UTF-16 or
    UTF-32 one (a byte order mark, or "<" with NUL bytes beside it) transcoded to UTF-8,
    every `<` of which they had turned into "&#60;" (no root element); one declared
    Latin-1 (or cp1252, ASCII) whose bytes are valid UTF-8 with non-ASCII in them, a CMS's
    copied declaration ("café" was read "cafÃ©", and the URLs in it were requested so);
    and one that declares no encoding, or UTF-8, in bytes that are not UTF-8: read as a
    page is (crawler.core.charset: the HTTP header's charset, as RFC 7303 has it for XML,
    then cp1252 bytes among UTF-8 ones, then detection). libxml2 took such bytes for UTF-8,
    and an old site's Latin-1 feed gave "caf\ufffd" titles and URLs no request can use."""
    wide = next((codec for start, codec in _WIDE_STARTS if body.startswith(start)), None)
    if wide is not None:
        text = body.decode(wide, errors="replace").lstrip("\ufeff")
        return _declared_utf8(text.encode("utf-8"))
    if body.isascii():
        return body
    declared = _DECLARED_ENCODING.match(body.lstrip().removeprefix(codecs.BOM_UTF8))
    if declared is None or declared[2].lower() in (b"utf-8", b"utf8"):
        if _is_utf8(body):
            return body
        return _declared_utf8(bytes_to_text(body, content_type).encode("utf-8"))
    if declared[2].lower() not in _SINGLE_BYTE_LABELS:
        return body
    if not _is_utf8(body):
        return body  # Latin-1 indeed
    return _declared_utf8(body)


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared_utf8(body: bytes) -> bytes:
    """`body` with its XML declaration's encoding, if any, saying UTF-8."""
    stripped = body.lstrip()
    declared = _DECLARED_ENCODING.match(stripped)
    if declared is None:
        return body
    return declared[1] + b"UTF-8" + stripped[declared.end() :]


def _narrow(body: bytes) -> bytes:
    """A declaration of UTF-16 or UTF-32 on a body that is one byte a character (its first
    bytes hold no zero: "<?xml" in UTF-16 has one after each letter) is a copied template;
    libxml2 believed it and read no root element. Such a body is read as UTF-8."""
    declared = _WIDE_DECLARATION.match(body)
    if declared is None or b"\x00" in body[:4]:
        return body
    return declared[1] + b"UTF-8" + body[declared.end() :]


# A reference to NUL (`&#0;`, `&#x00;`) and a raw control byte XML 1.0 has no place for.
_NO_XML_CHARACTER = re.compile(rb"&#0+;|&#[xX]0+;|[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _visible_controls(body: bytes) -> bytes:
    """Each NUL reference and raw control byte as U+FFFD, as an HTML parser reads a NUL.
    libxml2's recovery dropped them without a trace: `<loc>/a&#0;b</loc>` was read as
    `/ab`, another page, and fetched as the one listed. Kept visible, a URL holding one is
    `bad_url` (crawler.core.canonical.url_problem)."""
    return _NO_XML_CHARACTER.sub(b"&#xFFFD;", body)


def _html_refs_to_numeric(body: bytes) -> bytes:
    """`&nbsp;`, `&rsquo;`... are HTML, not XML: undeclared, they make libxml2's recovery
    drop the text around them. Numeric references mean the same and always parse."""

    def numeric(match: re.Match) -> bytes:
        name = match.group(1).decode("ascii")
        char = html.unescape(f"&{name};")
        if name in XML_ENTITIES or len(char) != 1:
            return match.group(0)  # XML's own, or not an HTML name (maybe declared in a DTD)
        return f"&#{ord(char)};".encode()

    return _NAMED_REF.sub(numeric, body) if b"&" in body else body


_CDATA = re.compile(rb"(<!\[CDATA\[.*?\]\]>)", re.DOTALL)
# A "&" that starts no reference ("AT&T", "?id=5&lang=en") and a "<" that starts no tag
# ("5 < 6"): as browsers and feedparser read them, the characters themselves.
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9._-]*;)")
_BARE_LESS_THAN = re.compile(rb"<(?![A-Za-z_:/!?])")
_XML_REF = re.compile(rb"&(amp|lt|gt|quot|apos);")
_NUMERIC_XML_REF = {
    b"amp": b"&#38;",
    b"lt": b"&#60;",
    b"gt": b"&#62;",
    b"quot": b"&#34;",
    b"apos": b"&#39;",
}


def _repaired_markup(body: bytes) -> bytes:
    """Bare "&" and "<" as character references, and XML's own references as numeric
    ones, outside CDATA sections. After libxml2's first recovery error it drops every
    `&amp;` that follows (`?id=101&amp;lang=en` read as `?id=101lang=en`, a different URL)
    and the text of a bare `&name`; numeric references it keeps (docs/upstream.md)."""
    if b"&" not in body and b"<" not in body:
        return body
    pieces = _CDATA.split(body)
    for index in range(0, len(pieces), 2):  # the odd pieces are the CDATA sections
        piece = _BARE_AMPERSAND.sub(b"&#38;", pieces[index])
        piece = _XML_REF.sub(lambda match: _NUMERIC_XML_REF[match.group(1)], piece)
        pieces[index] = _BARE_LESS_THAN.sub(b"&#60;", piece)
    return b"".join(pieces)


def _refuse_resource_limits(error_log: Iterable) -> None:
    """Recovery would return the part before an entity bomb as if it were the document."""
    for entry in error_log:
        if entry.level_name == "FATAL" and "RESOURCE_LIMIT" in entry.type_name:
            raise NotXml(f"refused: {entry.message} (line {entry.line})")


def _drop_entity_references(root: etree._Element) -> None:
    """Unexpanded references (`&xxe;`, `&lol9;`) would read as literal text: remove them."""
    for entity in list(root.iter(etree.Entity)):
        parent = entity.getparent()
        if parent is None:
            continue
        tail, previous = entity.tail or "", entity.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(entity)


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
