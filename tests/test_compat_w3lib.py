"""A charset label naming a non-text codec (crawler.compat.w3lib), and a compressed stream
cut short (crawler.integration.truncated_streams): the upstream behaviour and ours."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.gz import gunzip

from crawler.compat.w3lib import IgnoreNonTextCharsets, is_text_encoding
from crawler.integration.truncated_streams import (
    decompressed_prefix,
    is_plain_markup,
    stream_ends_early,
)

BODY = "<html><body><p>Un café naïve in Zürich</p></body></html>".encode()


def response(content_type: str, body: bytes = BODY) -> HtmlResponse:
    return HtmlResponse("https://news.test/a", body=body, headers={"Content-Type": content_type})


@pytest.mark.parametrize("label", ["hex", "base64", "rot13", "zlib_codec", "idna"])
def test_upstream_a_non_text_codec_label_makes_response_text_raise(label):
    with pytest.raises((LookupError, UnicodeError)):  # idna: no "replace" error handler
        response(f"text/html; charset={label}").text  # noqa: B018


@pytest.mark.parametrize(
    "label", ["hex", "base64", "rot13", "zlib_codec", "idna", "punycode", "cp037"]
)
def test_a_non_text_codec_label_is_read_as_no_label(label):
    fixed = IgnoreNonTextCharsets().process_response(None, response(f"text/html; charset={label}"))
    assert "café naïve in Zürich" in fixed.text
    in_page = BODY.replace(b"<html>", f'<html><meta charset="{label}">'.encode()).decode()
    fixed = IgnoreNonTextCharsets().process_response(
        None, response("text/html", in_page.encode("cp1252"))
    )
    assert "café naïve in Zürich" in fixed.text  # not UTF-8 bytes: Windows-1252


def test_text_labels_are_left_alone():
    original = response("text/html; charset=iso-8859-1", "café".encode("latin-1"))
    assert IgnoreNonTextCharsets().process_response(None, original) is original
    assert is_text_encoding("utf-8") and is_text_encoding(None)
    assert not is_text_encoding("no-such-charset") and not is_text_encoding("hex")
    for label in ("windows-1252", "latin1", "Shift_JIS", "gb2312", "koi8-r", "UTF-16LE"):
        assert is_text_encoding(label), label
    # Codecs no browser decodes a page with (WHATWG): read as no label by our decoding.
    for label in ("utf-7", "punycode", "unicode_escape", "cp037", "utf-32"):
        assert not is_text_encoding(label), label


ARTICLE = "".join(f"<p>Paragraph {n} of an article on model evaluation.</p>" for n in range(400))
ARTICLE = ARTICLE.encode()
COMPRESSORS = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}


def test_upstream_scrapy_gunzip_returns_the_start_of_a_cut_stream():
    whole = gzip.compress(ARTICLE)
    cut = whole[: len(whole) // 2]
    partial = gunzip(cut)
    assert partial and ARTICLE.startswith(partial) and len(partial) < len(ARTICLE)


@pytest.mark.parametrize("encoding", COMPRESSORS)
def test_a_stream_cut_short_is_found_and_a_whole_one_passes(encoding):
    whole = COMPRESSORS[encoding](ARTICLE)
    assert not stream_ends_early(encoding, whole)
    assert stream_ends_early(encoding, whole[: len(whole) // 2])
    assert stream_ends_early(encoding, whole[:-2])


def test_streams_that_are_not_judged():
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw_deflate = raw.compress(ARTICLE) + raw.flush()
    assert not stream_ends_early("deflate", raw_deflate)  # headerless, as IIS sends it
    exact = zlib.compressobj(9, zlib.DEFLATED, -15)
    one_chunk_more = exact.compress(b"a" * 65537) + exact.flush()  # output left at the end
    assert not stream_ends_early("deflate", one_chunk_more)
    assert stream_ends_early("deflate", raw_deflate[:100])
    assert not stream_ends_early("gzip", b"not gzip at all")  # Scrapy's to judge
    assert not stream_ends_early("identity", ARTICLE[:10])
    bomb = gzip.compress(b" " * (8 * 1024 * 1024))
    assert not stream_ends_early("gzip", bomb[:-20], max_size=1024 * 1024)  # too_large's


def test_a_compression_label_on_plain_markup_is_recognised_and_real_streams_never_are():
    for name, compress in COMPRESSORS.items():
        assert is_plain_markup(name, ARTICLE), name
        assert not is_plain_markup(name, compress(ARTICLE)), name
    raw = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    assert not is_plain_markup("deflate", raw.compress(ARTICLE) + raw.flush())
    assert not is_plain_markup("gzip", b"plain text, not markup")  # left to Scrapy
    assert not is_plain_markup("identity", ARTICLE)


def test_a_robots_prefix_is_inflated_to_the_limit_and_no_further():
    text = b"User-agent: *\nDisallow: /private/\n" + b"# pad\n" * 400_000  # 2.4 MB
    for name, compress in COMPRESSORS.items():
        packed = compress(text)
        assert decompressed_prefix(name, packed, 512 * 1024) == text[: 512 * 1024], name
        cut = decompressed_prefix(name, packed[: len(packed) // 2], 10 * 1024 * 1024)
        # A cut stream: as far as it goes (brotli's decoder may hold back a whole block).
        assert text.startswith(cut) and (cut or name == "br"), name
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)  # headerless deflate, as IIS sends it
    assert decompressed_prefix("deflate", raw.compress(text) + raw.flush(), 1024) == text[:1024]
    assert decompressed_prefix("gzip", b"<html>not gzip</html>", 1024) is None
    assert decompressed_prefix("zstd", b"anything", 1024) is None
