"""Hostile feeds, sitemaps and link pages. Built per request: links need the live origin."""

from __future__ import annotations

import gzip
import json
from functools import cache

RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
BIG_SITEMAP_URLS = 50_000
RECENT_IN_BIG = 3  # entries of the big sitemap newer than the crawl's `since`


def _rss(origin: str, items: str, doctype: str = "", title: str = "Hostile feed") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{doctype}'
        f'<rss version="2.0"><channel><title>{title}</title><link>{origin}/</link>'
        f"{items}</channel></rss>"
    ).encode()


def _item(origin: str, slug: str, title: str, date: str = "Mon, 23 Nov 2026 10:00:00 GMT") -> str:
    return (
        f"<item><title>{title}</title><link>{origin}/feeds/article/{slug}</link>"
        f"<pubDate>{date}</pubDate></item>"
    )


LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


def billion_laughs(origin: str) -> bytes:
    """Nine levels of ten: a billion 'lol's if entities were expanded."""
    return _rss(origin, _item(origin, "laughs", "Laughing &lol9;"), LAUGHS, "&lol9;")


def external_entity(origin: str) -> bytes:
    doctype = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    item = (
        f"<item><title>Leak &xxe;</title><link>{origin}/feeds/article/xxe</link>"
        "<description>&xxe;</description><author>&xxe;</author></item>"
    )
    return _rss(origin, item, doctype)


def bad_dates(origin: str) -> bytes:
    dates = ("not a date", "2026-13-45T99:99:99Z", "Tue, 31 Feb 2026 25:61:00 GMT", "", "0",
             "Mon, 23 Nov 2026 10:00:00 +9900")  # fmt: skip
    items = "".join(
        _item(origin, f"date-{n}", f"Dated badly {n}", date) for n, date in enumerate(dates, 1)
    )
    return _rss(origin, items)


def entries_without_urls(origin: str) -> bytes:
    """An item whose guid is an id and an item with an empty link, around a good one."""
    items = (
        '<item><title>An id only</title><guid isPermaLink="false">tag:news,2026:42</guid></item>'
        + _item(origin, "beside-no-urls", "Beside entries with no URL")
        + "<item><title>Empty link</title><link>  </link></item>"
    )
    return _rss(origin, items)


def json_feed(origin: str) -> bytes:
    """JSON Feed 1.1, as micro.blog and many static-site generators publish it."""
    item = {"id": "j1", "url": f"{origin}/feeds/article/from-a-json-feed", "title": "From JSON",
            "date_published": "2026-11-23T10:00:00Z",
            "authors": [{"name": "Ida Lind"}]}  # fmt: skip
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Hostile", "items": [item]}
    return json.dumps(feed).encode()


# Entries no request can be made from, before good ones: each is a `bad_url` reject (with the
# words its detail gives), and the entries after them are still crawled. The IPv6 one makes
# urljoin itself raise, not only the request.
BROKEN_URLS = {
    "http://example.com:99999/a": "Port out of range",
    "http://[::1/b": "Invalid IPv6 URL",
    "http://example.com/" + "long-" * 420: "longer than URLLENGTH_LIMIT=2083",
    "http://example.com/" + "é" * 400: "longer than URLLENGTH_LIMIT=2083",  # 2,400 escaped
    # Host names no resolver takes: Twisted's raised in a Deferred that never fired, and
    # each such entry held the crawl for minutes.
    "http://news..example.com/a": "empty or over-63-character label",
    f"http://{'n' * 64}.example.com/a": "empty or over-63-character label",
    # Digits-and-dots names passed as IPv4 literals: "." and ".." are all empty labels, and
    # each hung its robots.txt request, then stalled a feed of forty (audit 36).
    "http://./a": "empty or over-63-character label",
    "http://../a": "empty or over-63-character label",
    "http://.:81/a": "empty or over-63-character label",
    "http://1..2/a": "empty or over-63-character label",
    f"http://{'n.' * 127}com/a": "empty or over-63-character label",  # 257 characters
    # Names Twisted's endpoint refuses ("invalid hostname": fetch_error), and credentials.
    "http://%41.example.com/a": "a host name no resolver takes",
    "http://user:secret@127.0.0.1/a": "credentials in the URL",
}


def feed_with_a_broken_entry_first(origin: str) -> bytes:
    broken = "".join(f"<item><title>Broken</title><link>{url}</link></item>" for url in BROKEN_URLS)
    good = "".join(_item(origin, f"after-broken-{n}", f"After the broken one {n}") for n in (1, 2))
    return _rss(origin, broken + good)


def sitemap_with_a_broken_entry_first(origin: str) -> bytes:
    entries = [*BROKEN_URLS] + [f"{origin}/sitemaps/article/after-broken-{n}" for n in (1, 2)]
    return _urlset("".join(f"<url><loc>{url}</loc></url>" for url in entries))


def cross_host_sitemap(origin: str) -> bytes:
    """An entry on this host, one on another (localhost is not 127.0.0.1), and a child
    sitemap of another host's, listed by an index."""
    other = origin.replace("127.0.0.1", "localhost")
    entries = [f"{origin}/sitemaps/article/same-host", f"{other}/sitemaps/article/other-host"]
    return _urlset("".join(f"<url><loc>{url}</loc></url>" for url in entries))


def cross_host_index(origin: str) -> bytes:
    other = origin.replace("127.0.0.1", "localhost")
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{other}/sitemaps/child.xml</loc></sitemap></sitemapindex>"
    ).encode()


HTML_DOC = b"<!DOCTYPE html><html><head><title>Not a feed</title></head><body><p>Hi</p></body>"


def sitemap_index_including_itself(origin: str) -> bytes:
    entries = "".join(
        f"<sitemap><loc>{origin}{path}</loc></sitemap>"
        for path in ("/sitemaps/index.xml", "/sitemaps/child.xml", "/sitemaps/index.xml")
    )
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</sitemapindex>"
    ).encode()


def endless_index(origin: str, n: int) -> bytes:
    """/sitemaps/chain.xml?n=N is an index whose one entry is ?n=N+1, forever."""
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{origin}/sitemaps/chain.xml?n={n + 1}</loc></sitemap></sitemapindex>"
    ).encode()


def sitemap_billion_laughs(origin: str) -> bytes:
    """The feed's entity bomb in a sitemap's first <loc>, an innocent entry after it: the
    streamed reader stopped at the bomb without a word, and both entries were lost."""
    urls = (f"{origin}/sitemaps/article/laughs-&lol9;", f"{origin}/sitemaps/article/after-laughs")
    body = _urlset("".join(f"<url><loc>{url}</loc></url>" for url in urls)).decode()
    return body.replace("<urlset", LAUGHS.replace("rss", "urlset") + "<urlset", 1).encode()


def sitemap_nested_past_the_limit(origin: str) -> bytes:
    """300 nested elements between two entries: past libxml2's 256 levels, the same silence."""
    entries = (
        f"<url><loc>{origin}/sitemaps/article/before-nesting</loc></url>"
        + "<x>" * 300 + "</x>" * 300
        + f"<url><loc>{origin}/sitemaps/article/after-nesting</loc></url>"
    )  # fmt: skip
    return _urlset(entries)


def _urlset(entries: str) -> bytes:
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</urlset>"
    ).encode()


def child_sitemap(origin: str) -> bytes:
    """Two entries, and a `<url>` with no `<loc>` between them (counted, not lost)."""
    entries = [
        f"<url><loc>{origin}/sitemaps/article/child-{n}</loc><lastmod>2026-11-20</lastmod></url>"
        for n in (1, 2)
    ]
    return _urlset(entries[0] + "<url><lastmod>2026-11-20</lastmod></url>" + entries[1])


def sitemap_with_bad_offsets(origin: str) -> bytes:
    """Dates with zone offsets of a day or more, which datetime refuses, before good entries:
    the dates are read as none, so no entry is filtered out by `since` and none is lost."""
    news = "http://www.google.com/schemas/sitemap-news/0.9"
    dates = (("2026-11-21T10:00:00+99:00", None), (None, "2026-11-21T10:00:00+2400"),
             ("2026-11-21", None))  # fmt: skip
    entries = "".join(
        f"<url><loc>{origin}/sitemaps/article/offset-{n}</loc>"
        + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
        + (f'<news:news xmlns:news="{news}"><news:publication_date>{published}'
           "</news:publication_date></news:news>" if published else "")
        + "</url>"
        for n, (lastmod, published) in enumerate(dates, 1)
    )  # fmt: skip
    return _urlset(entries)


def text_sitemap(origin: str) -> bytes:
    """The protocol's text form, as robots.txt may name it: a BOM, CRLF lines, a blank line,
    and lines that are no URL, the first one a relative path (each counted as unfetchable,
    not lost; a relative first line refused the whole file)."""
    lines = [f"{origin}/sitemaps/article/text-{n}" for n in (1, 2)]
    body = ["/sitemaps/article/relative", lines[0], "", "not a url", lines[1]]
    return ("\ufeff" + "\r\n".join(body) + "\r\n").encode()


def sitemap_declaring_utf16(origin: str) -> bytes:
    """UTF-8 bytes under a copied `encoding="UTF-16"` declaration."""
    entry = f"<url><loc>{origin}/sitemaps/article/declared-utf16-caf\u00e9</loc></url>"
    return _urlset(entry).replace(
        b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-16"?>'
    )


@cache
def _big_entries() -> str:
    # Long slugs and the optional tags real sitemaps carry: over DOWNLOAD_MAXSIZE (10 MiB),
    # an article's limit, and under the protocol's 50 MB.
    old = "".join(
        f"<url><loc>ORIGIN/sitemaps/article/old-{n}-council-approves-the-budget-for-the-new-"
        "library-wing-after-a-long-debate</loc><lastmod>2020-01-01</lastmod>"
        "<changefreq>monthly</changefreq><priority>0.5</priority></url>"
        for n in range(BIG_SITEMAP_URLS - RECENT_IN_BIG)
    )
    new = "".join(
        f"<url><loc>ORIGIN/sitemaps/article/big-{n}</loc><lastmod>2026-11-21</lastmod></url>"
        for n in range(RECENT_IN_BIG)
    )
    return old + new


def big_sitemap(origin: str) -> bytes:
    return _urlset(_big_entries().replace("ORIGIN", origin))


@cache
def sitemap_gzip_bomb() -> bytes:
    """A .xml.gz sitemap (no Content-Encoding) that expands past MAX_XML_BYTES (50 MB)."""
    return gzip.compress(b"<!-- " + b" " * (64 * 1024 * 1024) + b" -->", compresslevel=9)


def session_links(origin: str = "") -> bytes:
    variants = []
    for n in range(50):
        variants += [
            f"/trap/story;jsessionid=A{n:04d}",
            f"/trap/story?PHPSESSID=b{n:04d}",
            f"/trap/story?sid={n}&utm_source=trap",
        ]
    links = "".join(f'<a href="{href}">story</a> ' for href in variants)
    return f"<html><body><h1>Sessions</h1>{links}</body></html>".encode()


UNFETCHABLE_LINKS = (
    "javascript:alert(document.cookie)",
    "data:text/html,<h1>inline</h1>",
    "file:///etc/passwd",
    "mailto:editor@example.org",
    "ftp://127.0.0.1/pub/",
)


# Links no request can be made from: counted under not_requested.bad_url, never rejects.
BROKEN_LINKS = ("http://[::1/page", "/trap/" + "long-" * 420, "http://a..b/page")


def scheme_links(origin: str = "") -> bytes:
    links = "".join(f'<a href="{href}">x</a> ' for href in UNFETCHABLE_LINKS + BROKEN_LINKS)
    return f"<html><body><h1>Links</h1>{links}</body></html>".encode()


def latin1_feed(origin: str) -> bytes:
    """An old PHP site's RSS: Latin-1 bytes, the charset named in the HTTP header only (no
    encoding in the XML declaration), as RFC 7303 allows."""
    item = _item(origin, "caf\u00e9-latin", "Caf\u00e9 society meets its robots")
    return _rss(origin, item).replace(b' encoding="utf-8"', b"").decode().encode("latin-1")


def latin1_sitemap(origin: str) -> bytes:
    """The same in a sitemap: `<?xml version="1.0"?>` and `charset=ISO-8859-1` beside it."""
    entry = f"<url><loc>{origin}/sitemaps/article/caf\u00e9-latin</loc></url>"
    return _urlset(entry).decode().encode("latin-1")


def mislabelled_utf8_feed(origin: str) -> bytes:
    """UTF-8 bytes under a header saying Latin-1: bytes that are valid UTF-8 are UTF-8."""
    item = _item(origin, "caf\u00e9-utf8", "Caf\u00e9 labelled Latin-1 but UTF-8")
    return _rss(origin, item).replace(b' encoding="utf-8"', b"")


def json_feed_in(encoding: str, slug: str):
    """A JSON Feed saved in `encoding`: UTF-16 with a byte order mark is what Windows
    PowerShell 5's Out-File writes; Latin-1 what an old CMS's template does."""

    def build(origin: str) -> bytes:
        item = {"id": slug, "url": f"{origin}/feeds/article/{slug}-caf\u00e9",
                "title": "Caf\u00e9 from a JSON Feed"}  # fmt: skip
        feed = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [item]}
        return json.dumps(feed, ensure_ascii=False).encode(encoding)

    return build


HUGE_LOC_CHARS = 5 * 1024 * 1024


def sitemap_with_a_huge_loc(origin: str) -> bytes:
    """A `<loc>` of 5 MB (a CMS that pasted a page into it) before a good entry."""
    entries = [
        f"{origin}/sitemaps/article/{'x' * HUGE_LOC_CHARS}",
        f"{origin}/sitemaps/article/after-huge",
    ]
    return _urlset("".join(f"<url><loc>{url}</loc></url>" for url in entries))


def feed_with_a_huge_link(origin: str) -> bytes:
    link = f"{origin}/feeds/article/{'y' * HUGE_LOC_CHARS}"
    huge = f"<item><title>Huge</title><link>{link}</link></item>"
    return _rss(origin, huge + _item(origin, "after-huge", "After the huge link"))


PAIRED_PAGES = 20


def paired_feed(origin: str) -> bytes:
    return _rss(origin, "".join(
        f"<item><title>Paired {n}</title><link>{origin}/paired/{n}</link></item>"
        for n in range(PAIRED_PAGES)
    ))  # fmt: skip


def paired_sitemap(origin: str) -> bytes:
    return _urlset(
        "".join(f"<url><loc>{origin}/paired/{n}</loc></url>" for n in range(PAIRED_PAGES))
    )


LONG_FEED_ENTRIES = 300  # one in LONG_FEED_STORY_EVERY a story, the others pages gone (404)
LONG_FEED_STORY_EVERY = 20


def long_feed_links(origin: str) -> list[str]:
    return [
        f"{origin}/feeds/article/long-{n}"
        if n % LONG_FEED_STORY_EVERY == 0
        else f"{origin}/gone/{n}"
        for n in range(LONG_FEED_ENTRIES)
    ]


def long_feed(origin: str) -> bytes:
    return _rss(origin, "".join(
        f"<item><title>Entry {n}</title><link>{link}</link></item>"
        for n, link in enumerate(long_feed_links(origin))
    ))  # fmt: skip


def routes() -> dict:
    def doc(build, ctype=XML):
        return lambda h: h.send(200, build(h.origin), ctype)

    return {
        "/feeds/billion-laughs.xml": doc(billion_laughs, RSS),
        "/feeds/external-entity.xml": doc(external_entity, RSS),
        "/feeds/bad-dates.xml": doc(bad_dates, RSS),
        "/feeds/no-urls.xml": doc(entries_without_urls, RSS),
        "/feeds/long.xml": doc(long_feed, RSS),
        "/feeds/json.json": doc(json_feed, "application/feed+json"),
        "/feeds/html.xml": lambda h: h.send(200, HTML_DOC, RSS),
        "/feeds/broken-entry-first.xml": doc(feed_with_a_broken_entry_first, RSS),
        "/sitemaps/broken-entry-first.xml": doc(sitemap_with_a_broken_entry_first),
        "/sitemaps/index.xml": doc(sitemap_index_including_itself),
        "/sitemaps/chain.xml": lambda h: h.send(
            200, endless_index(h.origin, int(h.path.partition("?n=")[2] or 0)), XML
        ),
        "/sitemaps/child.xml": doc(child_sitemap),
        "/sitemaps/cross-host.xml": doc(cross_host_sitemap),
        "/sitemaps/cross-host-index.xml": doc(cross_host_index),
        "/sitemaps/bad-offsets.xml": doc(sitemap_with_bad_offsets),
        "/sitemaps/big.xml": doc(big_sitemap),
        "/sitemaps/html.xml": lambda h: h.send(200, HTML_DOC, XML),
        "/sitemaps/urls.txt": doc(text_sitemap, "text/plain; charset=utf-8"),
        "/sitemaps/declared-utf16.xml": doc(sitemap_declaring_utf16),
        "/sitemaps/billion-laughs.xml": doc(sitemap_billion_laughs),
        "/sitemaps/nested.xml": doc(sitemap_nested_past_the_limit),
        "/sitemaps/bomb.xml.gz": lambda h: h.send(200, sitemap_gzip_bomb(), "application/gzip"),
        "/feeds/latin1.xml": doc(latin1_feed, "application/rss+xml; charset=ISO-8859-1"),
        "/feeds/mislabelled-utf8.xml": doc(mislabelled_utf8_feed, "text/xml; charset=iso-8859-1"),
        "/sitemaps/latin1.xml": doc(latin1_sitemap, "text/xml; charset=ISO-8859-1"),
        "/sitemaps/huge-loc.xml": doc(sitemap_with_a_huge_loc),
        "/feeds/paired.xml": doc(paired_feed, RSS),
        "/sitemaps/paired.xml": doc(paired_sitemap),
        "/feeds/huge-link.xml": doc(feed_with_a_huge_link, RSS),
        "/feeds/json-utf16.json": doc(json_feed_in("utf-16", "json-utf16"), "application/json"),
        "/feeds/json-latin1.json": doc(
            json_feed_in("latin-1", "json-latin1"), "application/feed+json; charset=iso-8859-1"
        ),
    }
