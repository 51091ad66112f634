"""Bytes to Unicode for pages whose labels lie: correct text when the bytes allow, never mojibake.

Order: a byte order mark; bytes that are valid UTF-8 (a label saying otherwise is wrong far
more often than cp1252 text happens to form valid UTF-8); the declared charset (HTTP header,
then <meta>) when the bytes decode under it into words of one script each; UTF-8 with stray
Windows-1252 bytes; detection (charset-normalizer). w3lib, which Scrapy uses, trusts a
declared UTF-8 and replaces what does not decode, which turns a cp1252 page labelled UTF-8
into U+FFFD soup.

Detection alone misreads short Western European text: the bytes of French "modèle",
"entraîné", "naïve" also decode under the Baltic cp1257, as "modčle", "entraīné", "naļve",
and charset-normalizer can rank that first. Among the single-byte code pages it proposes,
the one whose letters one language explains best wins (langdetect's letter frequencies,
already loaded in every worker): the French letters fit French, the Baltic mix fits no
language.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

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
    utf16 = utf16_byte_order(body[:1024])
    if utf16:
        return body.decode(utf16, "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = http_content_type_encoding(content_type) or html_body_declared_encoding(body)
    if not is_text_encoding(declared):  # charset=hex, base64, idna: read as no label
        declared = None
    if declared and declared != "utf-8":
        try:
            text = body.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and not mixes_scripts_within_words(text):
            return text
    if _mostly_utf8(body):
        return body.decode("utf-8", _FALLBACK)
    return to_unicode(body, detect_encoding(body) or declared or "cp1252")


_FOREIGN_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")
_OTHER_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC", "THAI")


def mixes_scripts_within_words(text: str) -> bool:
    """Whether words mix ASCII letters with letters of another script: "cafй", "naпve",
    "rйsumй", as cp1252 bytes read under a windows-1251 label come out. A single-byte label
    decodes any bytes, so only the letters show that it lied. Real Russian text with English
    names in it keeps each word in one script."""
    words = _FOREIGN_WORD.findall(text[:200_000])
    mixed = sum(1 for word in words if _mixed(word))
    return mixed >= 3 and mixed >= 0.2 * len(words)


@lru_cache(maxsize=4096)
def _mixed(word: str) -> bool:
    if not any("a" <= c.lower() <= "z" for c in word):
        return False
    return any(unicodedata.name(c, "").startswith(_OTHER_SCRIPTS) for c in word if c > "\x7f")


def utf16_byte_order(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 without a byte order mark, else None.

    Markup is mostly ASCII, so UTF-16 text has a zero byte in every other place: at odd
    offsets for little-endian, even for big-endian. The same bytes are valid UTF-8 (NUL is
    a character), which would read as text with a NUL between every two letters.
    """
    if len(head) < 16 or head.count(0) < len(head) // 5:
        return None
    half = len(head) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    for order, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.9 * half and others <= len(head) // 20:
            return order
        # Chinese or Japanese text has no zero byte; its markup still has one in every
        # other place. Fewer zeros, then, but the bytes must read as markup.
        if zeros >= 0.4 * half and others <= len(head) // 50 and _reads_as_markup(head, order):
            return order
    return None


def _reads_as_markup(head: bytes, order: str) -> bool:
    text = head[: len(head) // 2 * 2].decode(order, "replace")
    return text.lstrip("\ufeff \t\r\n").startswith("<") and text.count("\ufffd") <= 2


# The encodings of the WHATWG Encoding Standard (browsers know no others), by the name
# Python's codec registry gives them. A label naming any other codec is read as no label, as
# a browser reads an unknown one: "hex", "base64", "rot13" and "zlib_codec" are not text
# encodings at all, "idna" refuses the "replace" handler (crawler.compat.w3lib), and
# "utf-7", "punycode", "unicode_escape" or EBCDIC "cp037" would turn a page into other text.
WEB_ENCODINGS = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "ascii", "latin-1",
        *(f"iso-8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
        "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "tis-620",
        *(f"cp{n}" for n in range(1250, 1259)),
        "gbk", "gb2312", "gb18030", "hz", "big5", "big5hkscs", "cp950",
        "euc-jp", "iso-2022-jp", "shift_jis", "cp932", "euc-kr", "cp949",
    )
)  # fmt: skip


def is_text_encoding(label: str | None) -> bool:
    """Whether a declared charset `label` is one a browser would decode a page with."""
    if not label:
        return True
    try:
        return codecs.lookup(label).name in WEB_ENCODINGS
    except LookupError:
        return False


def _mostly_utf8(body: bytes) -> bool:
    """At least as many valid multi-byte characters as bytes that are not UTF-8."""
    text = body.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - body.count("\ufffd".encode())
    return len(_NON_ASCII.findall(text)) >= invalid


def detect_encoding(body: bytes) -> str | None:
    """charset-normalizer's guess, re-ranked by the text each single-byte candidate gives.

    Latin text fits cp1250, cp1252 and a dozen others equally well; where they give the
    same letters, the web's legacy default cp1252 wins (WHATWG; cp1250 would turn "Señor"
    into "Seńor"). A multi-byte guess (GB2312, Shift-JIS, ...) is kept as it is.
    """
    sample = _sample(body)
    matches = charset_normalizer.from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    if not _single_byte(best.encoding):
        return best.encoding
    candidates = ["cp1252"]
    for match in matches:
        candidates += [e for e in (match.encoding, *match.could_be_from_charset) if e]
    candidates = [e for e in dict.fromkeys(candidates) if _single_byte(e)]
    scored = [(_letter_fit(sample.decode(e, "replace")), e) for e in candidates]
    top = max(score for score, _ in scored)
    # the same letters under another name score the same: keep cp1252 among those
    winners = [e for score, e in scored if score >= top - FIT_TIE]
    return "cp1252" if "cp1252" in winners else winners[0]


# Non-letters that real text carries beside its letters: typographic punctuation, currency,
# the common signs. Any other non-ASCII non-letter is taken for a misread letter.
_TEXT_SYMBOLS = frozenset("“”„‘’‚–—…«»‹›°€£¥¢©®™•·§¶×÷±¿¡´¨¸ªº¹²³¼½¾µ\xa0")
FIT_TIE = 0.01  # mean log-probability per letter; equal text gives equal scores
_UNSEEN = 1e-7  # probability of a letter a language's profile never saw


@lru_cache(maxsize=64)
def _single_byte(encoding: str) -> bool:
    try:
        return len(bytes(range(256)).decode(encoding, "replace")) == 256
    except LookupError:
        return False


@lru_cache(maxsize=4096)
def _garbage(ch: str) -> bool:
    category = unicodedata.category(ch)
    return (
        category[0] not in "LMZ"
        and category not in ("Pd", "Pi", "Pf")
        and (ch not in _TEXT_SYMBOLS)
    )


def _letter_fit(text: str) -> float:
    """How well the single best language explains the text's letters: their mean
    log-probability under that language. What a wrong code page makes of a letter (a
    control character, U+FFFD, a box-drawing piece or another rare symbol) counts as a
    letter no language has."""
    from crawler.core.language import detector_factory  # loaded in workers anyway

    letters = Counter(ch for ch in text.lower() if ch.isalpha())
    garbage = sum(1 for ch in text if not ch.isascii() and _garbage(ch))
    if not letters:
        return 0.0
    factory = detector_factory()
    table, languages = factory.word_lang_prob_map, len(factory.langlist)
    totals = [garbage * math.log(_UNSEEN)] * languages
    for letter, count in letters.items():
        probabilities = table[letter] if letter in table else [0.0] * languages
        for index, probability in enumerate(probabilities):
            totals[index] += count * math.log(probability + _UNSEEN)
    return max(totals) / (sum(letters.values()) + garbage)


def _sample(body: bytes) -> bytes:
    """A prefix cut before a newline or '>': no multi-byte character is split there."""
    if len(body) <= SAMPLE_BYTES:
        return body
    cut = max(body.rfind(b"\n", 0, SAMPLE_BYTES), body.rfind(b">", 0, SAMPLE_BYTES))
    return body[: cut + 1] if cut > 0 else body[:SAMPLE_BYTES]


# A numeric reference to a character XML cannot hold (a C0 control other than tab, newline and
# return; a surrogate; U+FFFE, U+FFFF; past U+10FFFF). libxml2 puts the character in the tree,
# and lxml then refuses any string holding it ("All strings must be XML compatible"), which
# fails the whole extraction for one `&#11;` in a headline. Raw control bytes are dropped by
# the parser itself; only references get through.
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def drop_impossible_references(text: str) -> str:
    """`text` without numeric references to characters no XML tree can hold."""
    if "&#" not in text:
        return text
    return _REFERENCE.sub(_keep_if_possible, text)


def _keep_if_possible(match: re.Match) -> str:
    hex_digits, digits = match.groups()
    if len((hex_digits or digits).lstrip("0")) > 8:  # past U+10FFFF; int() refuses 4,300 digits
        return ""
    code = int(hex_digits, 16) if hex_digits else int(digits)
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD:
        return match.group(0)
    if 0x10000 <= code <= 0x10FFFF:
        return match.group(0)
    return " " if code in (0xB, 0xC) else ""  # vertical tab and form feed part words
