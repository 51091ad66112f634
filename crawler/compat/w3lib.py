"""w3lib (Scrapy's text decoding) accepts a charset label that names a non-text codec.

`w3lib.encoding.resolve_encoding("hex")` answers "hex", as do "base64", "rot13",
"zlib_codec" and "idna": every name `codecs.lookup` knows. A page labelled
`Content-Type: text/html; charset=hex` (or `<meta charset="base64">`) then raises
`LookupError: 'hex' is not a text encoding` from `response.text` ("idna": a UnicodeError,
as it has no "replace" error handler), which Scrapy's own
MetaRefreshMiddleware reads, so the page became a `fetch_error` before any spider saw it.
Browsers treat an unknown label as no label; so does this middleware (docs/upstream.md).
"""

from __future__ import annotations

from scrapy.http import TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from crawler.core.charset import is_text_encoding


class IgnoreNonTextCharsets:
    """Before any middleware reads `response.text` (MetaRefreshMiddleware is at 580): a
    response whose declared charset is not a text encoding is decoded as UTF-8 when its
    bytes are UTF-8, else as Windows-1252, the web's legacy default. Our own extraction
    decodes the body itself (crawler.core.charset) and never trusts such a label."""

    def process_response(self, request, response, spider=None):
        if not isinstance(response, TextResponse):
            return response
        header = response.headers.get(b"Content-Type", b"").decode("latin-1")
        declared = http_content_type_encoding(header) or html_body_declared_encoding(
            response.body[:4096]
        )
        if is_text_encoding(declared):
            return response
        try:
            response.body.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
        return response.replace(encoding=encoding)
