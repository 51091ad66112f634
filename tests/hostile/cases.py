"""The page-level cases, fetched in one `urls` crawl: path, expected place, reason, known words.

README.md ("Hostile input") is the same table in prose; test_hostile_pages.py runs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.hostile.pages import FRENCH_WORDS, LATIN_WORDS
from tests.hostile.server import COMPRESSIONS


@dataclass(frozen=True)
class Case:
    path: str
    outcome: str  # "record", "reject" or "skip"
    reason: str = ""  # reject reason or skip reason
    words: tuple[str, ...] = ()  # golden words in the record's text (or the rejected record's)
    final: str = ""  # "host path" of the URL the outcome is filed under, after redirects

    @property
    def id(self) -> str:
        return self.path.strip("/").replace("/", "-")


CHAIN_END = "127.0.0.1 /protocol/redirect-chain/20"
QUOTES = ("\u201cIt is a baseline, not a breakthrough,\u201d", "\u2014 twice")
PASTED = ("\u201cBenchmarks age fast,\u201d", "reviewer\u2019s")

CASES = (
    # content
    Case("/content/malformed", "record", words=LATIN_WORDS),
    Case("/content/truncated", "record", words=LATIN_WORDS),
    Case("/content/empty", "reject", "empty"),
    Case("/content/pdf-as-html", "reject", "not_html"),
    Case("/content/png-as-html", "reject", "not_html"),
    Case("/content/huge", "reject", "too_large"),
    Case("/content/huge-undeclared", "reject", "too_large"),
    Case("/content/gzip-bomb", "reject", "too_large"),
    Case("/content/deep-nesting", "reject", "no_text"),
    Case("/content/many-links", "record", words=LATIN_WORDS),
    # 5 MB of words in one line: over Options.max_words, a dump rather than an article.
    Case("/content/one-line", "reject", "too_long"),
    # Metadata that used to make extraction raise (an og:image of "http://[::1"): the bad
    # field is dropped and the page is still a record. The extract_error path itself is
    # tested in tests/test_workers.py with a function that raises inside a worker.
    Case("/content/extract-raises", "record", words=LATIN_WORDS),
    # More of the same: dates past datetime.max, JSON-LD 100,000 brackets deep, references
    # to control characters in the title and text, a canonical over 2,083 characters.
    Case("/content/date-overflow", "record", words=LATIN_WORDS),
    Case("/content/jsonld-deep", "record", words=LATIN_WORDS),
    Case("/content/control-references", "record", words=LATIN_WORDS),
    Case("/content/long-canonical", "record", words=LATIN_WORDS),
    # A JSON-LD headline that is a list or a number, with a 5,000-digit word count; an
    # og:url of "http://[" beside a promotion card (audit 29: each was extract_error).
    Case("/content/headline-list", "record", words=LATIN_WORDS),
    Case("/content/headline-number", "record", words=LATIN_WORDS),
    Case("/content/broken-own-address", "record", words=LATIN_WORDS),
    # A JSON-LD articleBody past MAX_WORDS over a short visible article: it stood in for the
    # text (too_long), and at 9 MB trafilatura's JSON-LD reader took 1.3 GB (audit 36).
    Case("/content/jsonld-long-body", "record", words=LATIN_WORDS),
    Case("/content/jsonld-huge-body", "record", words=LATIN_WORDS),
    # A page dated only with a zone offset of 99 hours: htmldate raised (extract_error).
    Case("/content/offset-only-date", "record", words=LATIN_WORDS),
    # A 1 MB "word" as title and heading: it outvoted the English text (non_english).
    Case("/content/huge-title", "record", words=LATIN_WORDS),
    # A feed or a sitemap listed as a page (a URL list's `/feed/`, a urlset of sitemaps):
    # no web page, as a PDF is not; it was `unparseable`, tried again every run. An XHTML
    # page under its XML declaration stays a page.
    Case("/feeds/bad-dates.xml", "reject", "not_html"),
    Case("/sitemaps/child.xml", "reject", "not_html"),
    Case("/content/xhtml", "record", words=LATIN_WORDS),
    # encoding
    Case("/encoding/cp1252-as-utf8", "record", words=LATIN_WORDS + QUOTES),
    Case("/encoding/french-cp1252-as-utf8", "reject", "non_english", FRENCH_WORDS),
    Case("/encoding/gb2312-unlabelled", "reject", "non_english", ("人工智能", "基准 测试")),
    Case("/encoding/shift-jis-unlabelled", "reject", "non_english", ("人工知能", "ベンチマーク")),
    Case("/encoding/bom-vs-header", "record", words=LATIN_WORDS + QUOTES),
    Case("/encoding/utf16-bom-vs-header", "record", words=LATIN_WORDS + QUOTES),
    Case("/encoding/invalid-utf8", "record", words=LATIN_WORDS + QUOTES + PASTED),
    # UTF-16 without a byte order mark (every other byte zero), labelled or not; a UTF-8
    # page with a few NUL bytes. Bytes without a signature but full of controls: binary.
    Case("/encoding/utf16le-unlabelled-no-bom", "record", words=LATIN_WORDS + QUOTES),
    Case("/encoding/utf16be-no-bom", "record", words=LATIN_WORDS + QUOTES),
    Case("/encoding/stray-nul-bytes", "record", words=LATIN_WORDS + QUOTES),
    Case("/encoding/utf16le-cjk-no-bom", "reject", "non_english", ("人工智能", "基准 测试")),
    Case("/content/random-bytes", "reject", "not_html"),
    # A charset label naming a codec that is not a text encoding: read as no label.
    Case("/encoding/hex-label", "record", words=LATIN_WORDS + QUOTES),
    Case("/encoding/base64-meta", "record", words=LATIN_WORDS + QUOTES),
    # protocol
    Case("/status/404", "reject", "http_404"),
    Case("/status/410", "reject", "http_410"),
    Case("/status/500", "reject", "http_500"),
    Case("/status/503", "reject", "http_503"),
    Case("/protocol/429-retry-after", "record"),
    Case("/protocol/429-bad-date", "record"),
    Case("/protocol/429-too-long", "reject", "http_429"),
    Case("/protocol/redirect-loop", "skip", "duplicate_request"),
    # A redirect to nowhere or to the page itself: the dupefilter's skip named no URL.
    Case("/protocol/redirect-empty-location", "reject", "http_302"),
    Case("/protocol/redirect-to-itself", "reject", "http_302"),
    Case("/protocol/redirect-other-host", "record", final="localhost /protocol/landing"),
    Case("/protocol/redirect-to-file", "reject", "http_302"),
    # Redirects to URLs no request can be made from: a port out of range, a broken IPv6
    # host, an empty host label, over URLLENGTH_LIMIT (before: fetch_error, a hang, a
    # fetched page whose record failed validation).
    Case("/protocol/redirect-to-bad-port", "reject", "bad_url"),
    # Not followed, as file: is not (Scrapy's Request refused it: fetch_error).
    Case("/protocol/redirect-to-javascript", "reject", "http_302"),
    Case("/protocol/redirect-to-broken-ipv6", "reject", "bad_url"),
    Case("/protocol/redirect-to-empty-label", "reject", "bad_url"),
    # A host of dots only ("." and ".."), taken for an IPv4 literal (audit 36: a hang).
    Case("/protocol/redirect-to-dot-host", "reject", "bad_url"),
    Case("/protocol/redirect-to-dots-host", "reject", "bad_url"),
    Case("/protocol/redirect-too-long", "reject", "bad_url"),
    Case("/protocol/slow-drip", "reject", "timeout"),
    Case("/protocol/reset", "reject", "truncated"),
    Case("/protocol/length-too-long", "reject", "truncated"),
    Case("/protocol/length-too-short", "record"),
    # A new URL every hop: Scrapy stops after REDIRECT_MAX_TIMES (20), filed under the last.
    Case("/protocol/redirect-chain/0", "reject", "too_many_redirects", final=CHAIN_END),
    Case("/protocol/garbage-status-line", "reject", "bad_response"),
    # A meta refresh to the page itself is the page; one to another page is followed.
    Case("/protocol/refresh-self", "record", words=LATIN_WORDS),
    # A refresh to where no request can go is not followed: the page is the page.
    *(
        Case(f"/protocol/refresh-to-{name}", "record", words=LATIN_WORDS)
        for name in ("javascript", "bad-port", "file", "private-address", "dots-host")
    ),
    Case("/protocol/refresh-elsewhere", "record", final="127.0.0.1 /protocol/refreshed"),
    # A compression label on a plain body (Scrapy's decoder raised: fetch_error).
    *(
        Case(f"/protocol/{name}-label-plain-body", "record", words=LATIN_WORDS)
        for name in ("gzip", "deflate", "br", "zstd")
    ),
    # Bytes no decoder reads under a compression label (Scrapy's raised: fetch_error).
    *(
        Case(f"/protocol/{name}-label-random-bytes", "reject", "bad_response")
        for name in ("gzip", "deflate", "br", "zstd")
    ),
    # Headers without end (256 KiB is the cap), a 1 MB header line, two Content-Lengths.
    Case("/protocol/endless-headers", "reject", "bad_response"),
    Case("/protocol/header-line-1mb", "reject", "bad_response"),
    Case("/protocol/conflicting-lengths", "reject", "bad_response"),
    Case("/protocol/status-0", "reject", "bad_response"),
    Case("/protocol/status-negative", "reject", "bad_response"),
    Case("/protocol/status-1200", "reject", "bad_response"),
    Case("/protocol/bad-chunk-size", "reject", "bad_response"),
    # A Transfer-Encoding Twisted has no decoder for; the detail names the header.
    Case("/protocol/chunked-twice", "reject", "bad_response"),
    # A size no 64-bit length holds: Twisted waited for it, and the hang-up was `truncated`.
    Case("/protocol/chunk-size-negative", "reject", "bad_response"),
    Case("/protocol/chunk-size-20-digits", "reject", "bad_response"),
    # Scrapy takes any 2xx for the whole page: it was a record ending mid-word.
    Case("/protocol/partial-content", "reject", "truncated"),
    Case("/protocol/refresh-header", "record", final="127.0.0.1 /protocol/refreshed-by-header"),
    *(Case(f"/protocol/{name}-complete", "record", words=LATIN_WORDS) for name in COMPRESSIONS),
    *(Case(f"/protocol/{name}-truncated", "reject", "truncated") for name in COMPRESSIONS),
)

# Never requested: not http(s). Listed in a URL list, each is a bad_url reject.
UNFETCHABLE = (
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "mailto:editor@example.org",
)
