"""Bytes to Unicode for pages whose labels lie: correct text when the bytes allow, never mojibake.

Order: a byte order mark; bytes that are valid UTF-8 (a label saying otherwise is wrong far
more often than cp1252 text happens to form valid UTF-8); the declared charset (HTTP header,
then <meta>) when the bytes decode under it; UTF-8 with stray Windows-1252 bytes; detection
(charset-normalizer). w3lib, which Scrapy uses, trusts a declared UTF-8 and replaces what does
not decode, which turns a cp1252 page labelled UTF-8 into U+FFFD soup.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)

SAMPLE_BYTES = 64 * 1024  # detection reads this much; the verdict is the same for the rest
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
_FALLBACK = "crawler_cp1252_fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """A lone byte that is not UTF-8 is read as Windows-1252 (a pasted “quote”, a café);
    a cut multi-byte sequence carries no recoverable text and is dropped."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    text = chunk.decode("cp1252", "ignore") if len(chunk) == 1 else ""
    return text, error.end


codecs.register_error(_FALLBACK, _cp1252_fallback)


def bytes_to_text(body: bytes, content_type: str | None = None) -> str:
    bom_encoding, bom = read_bom(body)
    if bom_encoding and bom:  # a byte order mark outranks every label, as in browsers
        return to_unicode(body[len(bom) :], bom_encoding)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = http_content_type_encoding(content_type) or html_body_declared_encoding(body)
    if declared and declared != "utf-8":
        try:
            return body.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if _mostly_utf8(body):
        return body.decode("utf-8", _FALLBACK)
    return to_unicode(body, detect_encoding(body) or declared or "cp1252")


def _mostly_utf8(body: bytes) -> bool:
    """At least as many valid multi-byte characters as bytes that are not UTF-8."""
    text = body.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - body.count("\ufffd".encode())
    return len(_NON_ASCII.findall(text)) >= invalid


def detect_encoding(body: bytes) -> str | None:
    """charset-normalizer's guess; Windows-1252 when it fits as well as the winner.

    Latin text fits cp1250, cp1252 and a dozen others equally well; the web's legacy
    default is cp1252 (WHATWG), and cp1250 would turn "Señor" into "Seńor".
    """
    matches = charset_normalizer.from_bytes(_sample(body))
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.chaos <= best.chaos and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return best.encoding


def _sample(body: bytes) -> bytes:
    """A prefix cut before a newline or '>': no multi-byte character is split there."""
    if len(body) <= SAMPLE_BYTES:
        return body
    cut = max(body.rfind(b"\n", 0, SAMPLE_BYTES), body.rfind(b">", 0, SAMPLE_BYTES))
    return body[: cut + 1] if cut > 0 else body[:SAMPLE_BYTES]
