"""Four small sites on loopback for discovery, one per kind of hint, and one with none.

- `declares`: the home page declares its feed (`<link rel="alternate">`, at a path no guess
  would try) and a comment feed that must be left alone; no sitemap anywhere.
- `robots`: robots.txt names a sitemap index at an unguessable path; no feed anywhere.
- `guessed`: no hints at all; an Atom feed at /atom.xml (after /feed, which answers with the
  home page as single-page apps do, /rss and /rss.xml, which 404) and a sitemap index at
  /sitemap_index.xml (after /sitemap.xml, which 404s); no robots.txt.
- `bare`: a home page and nothing else.

Articles are tests.bulk_site's generated pages. Every request path is recorded, and a route
with an `ETag` header answers 304 to a request that sends it back in `If-None-Match`, and
one with a `Last-Modified` to an `If-Modified-Since` no earlier than it.
"""

from __future__ import annotations

import threading
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from tests.bulk_site import article

HTML, RSS, ATOM, XML, TEXT = (
    "text/html; charset=utf-8",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/plain",
)
AI_TITLES = [
    "Open model tops a coding benchmark after a new fine-tuning recipe",
    "Start-up trains a language model on court filings",
    "Regulators ask how chatbots handle medical questions",
    "Lab publishes the training data behind its reasoning model",
    "Chip maker shows an inference accelerator for small data centers",
]
GENERAL_TITLES = [
    "Council approves the new bus lanes on the harbour road",
    "Local bakery wins the regional bread prize",
    "Rowing club opens its boathouse to schools",
    "Library extends its weekend opening hours",
    "Farmers market moves to the old station square",
]


def _home(title: str, head: str = "", links: list[str] = ()) -> bytes:
    anchors = "".join(f'<li><a href="{link}">Story</a></li>' for link in links)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>"
        f"<meta property='og:site_name' content='{title}'>{head}</head>"
        f"<body><h1>{title}</h1><ul>{anchors}</ul></body></html>"
    ).encode()


def _rss(origin: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{origin}{path}</link>"
        f"<pubDate>Mon, {16 + n:02d} Nov 2026 08:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{escape(title)}: the story in brief.&lt;/p&gt;</description></item>"
        for n, (title, path) in enumerate(items)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel>{entries}</channel></rss>".encode()


def _atom(origin: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(title)}</title><link href='{origin}{path}'/>"
        f"<updated>2026-11-{10 + n:02d}T09:00:00Z</updated><id>{origin}{path}</id></entry>"
        for n, (title, path) in enumerate(items)
    )
    return f"<feed xmlns='http://www.w3.org/2005/Atom'>{entries}</feed>".encode()


def _urlset(origin: str, paths: list[str], news: bool = False) -> bytes:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    body = ""
    for n, path in enumerate(paths):
        extra = (
            f"<news:news><news:title>{escape(AI_TITLES[n])}</news:title>"
            f"<news:publication_date>2026-11-2{n}T07:00:00Z</news:publication_date></news:news>"
            if news
            else ""
        )
        body += f"<url><loc>{origin}{path}</loc><lastmod>2026-11-0{n + 1}</lastmod>{extra}</url>"
    return (
        f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'{ns}>{body}</urlset>".encode()
    )


def _index(origin: str, children: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f"<sitemap><loc>{origin}{path}</loc><lastmod>{day}</lastmod></sitemap>"
        for path, day in children
    )
    return f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{body}</sitemapindex>".encode()


def _articles(paths: list[str], first: int) -> dict:
    return {path: (200, HTML, article(first + n)[1].encode()) for n, path in enumerate(paths)}


def declares(origin: str) -> dict:
    paths = [f"/stories/2026/11/story-{n}.html" for n in range(5)]
    head = (
        '<link rel="alternate" type="application/rss+xml" title="Acme AI &raquo; Feed" '
        'href="/news/rss"><link rel="alternate" type="application/rss+xml" '
        'title="Acme AI &raquo; Comments Feed" href="/comments/feed/">'
    )
    return {
        "/": (200, HTML, _home("Acme AI", head, paths)),
        "/news/rss": (200, RSS, _rss(origin, list(zip(AI_TITLES, paths, strict=True)))),
        "/comments/feed/": (200, RSS, _rss(origin, [("Comment on story 0", paths[0])])),
        "/robots.txt": (200, TEXT, b"User-agent: *\nDisallow: /private/\n"),
        **_articles(paths, 100),
    }


def robots(origin: str) -> dict:
    recent = [f"/blog/post-{n}/" for n in range(4)]
    older = [f"/blog/older-{n}/" for n in range(3)]
    children = [("/maps/posts-2026-10.xml", "2026-10-31"), ("/maps/news.xml", "2026-11-24")]
    return {
        "/": (200, HTML, _home("Lab Notes")),
        "/robots.txt": (
            200,
            TEXT,
            # Lines naming no http(s) URL are counted as links never requested.
            f"User-agent: *\nAllow: /\nSitemap: {origin}/maps/index.xml\n"
            "Sitemap: file:///etc/passwd\nSitemap: gopher://x/\n".encode(),
        ),
        "/maps/index.xml": (200, XML, _index(origin, children)),
        "/maps/news.xml": (200, XML, _urlset(origin, recent, news=True)),
        "/maps/posts-2026-10.xml": (200, XML, _urlset(origin, older)),
        **_articles(recent + older, 200),
    }


def guessed(origin: str) -> dict:
    paths = [
        f"/articles/{n}-{slug}"
        for n, slug in enumerate(["bus-lanes", "bread", "boats", "library", "market"])
    ]
    home = _home("Harbour Weekly", links=paths)
    return {
        "/": (200, HTML, home),
        "/feed": (200, HTML, home),  # a catch-all route: the home page again
        "/atom.xml": (200, ATOM, _atom(origin, list(zip(GENERAL_TITLES, paths, strict=True)))),
        "/sitemap_index.xml": (200, XML, _index(origin, [("/sitemap-articles.xml", "2026-11-20")])),
        "/sitemap-articles.xml": (200, XML, _urlset(origin, paths)),
        **_articles(paths, 300),
    }


def broken_links(origin: str) -> dict:
    """The `declares` site with broken links beside its good ones (audit 29: each was a
    traceback): a feed on a port out of range, sitemaps on a host no resolver takes and on
    a broken authority, a feed item on a broken IPv6 address."""
    routes = declares(origin)
    head = (
        '<link rel="alternate" type="application/rss+xml" href="http://a:99999/feed">'
        '<link rel="alternate" type="application/rss+xml" href="/news/rss">'
    )
    paths = [f"/stories/2026/11/story-{n}.html" for n in range(5)]
    items = [*zip(AI_TITLES, paths, strict=True), ("Broken", "/x")]
    rss = _rss(origin, items).replace(f"{origin}/x".encode(), b"http://[::1/x")
    robots_txt = "User-agent: *\nSitemap: http://a..b/x\nSitemap: http://%zz/map.xml\n"
    routes |= {
        "/": (200, HTML, _home("Acme AI", head, paths)),
        "/news/rss": (200, RSS, rss),
        "/robots.txt": (200, TEXT, robots_txt.encode()),
    }
    return routes


def bare(origin: str) -> dict:
    return {"/": (200, HTML, _home("Empty Plaza"))}


def _not_modified_since(asked: str | None, headers: list[dict]) -> bool:
    """As a real server compares If-Modified-Since with its copy's Last-Modified."""
    modified = (headers[0] if headers else {}).get("Last-Modified")
    if not asked or not modified:
        return False
    return parsedate_to_datetime(modified) <= parsedate_to_datetime(asked)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        self.server.hits.append(self.path)
        self.server.agents.add(self.headers.get("User-Agent"))
        route = self.server.routes.get(self.path, (404, HTML, b"<h1>Not found</h1>"))
        status, ctype, body, *headers = route
        etag = (headers[0] if headers else {}).get("ETag")
        if etag and self.headers.get("If-None-Match") == etag:  # as a real server answers
            status, body = 304, b""
        if _not_modified_since(self.headers.get("If-Modified-Since"), headers):
            status, body = 304, b""
        self.send_response(status)
        extra = headers[0] if headers else {}
        # A redirect's body is where it goes, unless the route names its Location itself:
        # two different Location headers are a malformed redirect, refused.
        if 300 <= status < 400 and "Location" not in extra:
            self.send_header("Location", body.decode())
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class DiscoverySite:
    """One of the sites above on a free 127.0.0.1 port: `with DiscoverySite(declares) as site`."""

    def __init__(self, build):
        self.build = build

    def __enter__(self) -> DiscoverySite:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.server.routes = self.build(self.origin)
        self.server.hits, self.server.agents = [], set()
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.1,), daemon=True)
        self.thread.start()
        return self

    @property
    def hits(self) -> list[str]:
        return list(self.server.hits)

    @property
    def agents(self) -> set[str]:
        return set(self.server.agents)

    def add(self, path: str, status: int, ctype: str, body: bytes, **headers: str) -> None:
        self.server.routes[path] = (status, ctype, body, headers)

    def article_urls(self) -> list[str]:
        return sorted(self.origin + path for path in self.server.routes if _is_article(path))

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _is_article(path: str) -> bool:
    return path.startswith(("/stories/", "/blog/", "/articles/"))
