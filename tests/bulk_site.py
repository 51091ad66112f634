"""N distinct, plausible English news pages on loopback, for scale and distributed tests."""

from __future__ import annotations

import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SUBJECTS = ["The lab", "A startup", "The research team", "The chip maker", "A hospital group",
            "The city council", "An open-source project", "The regulator", "A university group",
            "The cloud provider"]  # fmt: skip
VERBS = ["released", "tested", "described", "published", "announced", "criticised", "measured",
         "rebuilt", "licensed", "audited"]  # fmt: skip
OBJECTS = ["a speech model for clinics", "a benchmark for coding agents",
           "a compiler for small chips", "a dataset of court rulings",
           "a translation tool for farmers", "a robot that sorts parcels",
           "a forecast model for grids", "a search engine for papers", "a tutor for algebra",
           "a filter for spam calls"]  # fmt: skip
CLAUSES = ["after months of delays", "despite warnings from staff", "with support from two funds",
           "in a report on Tuesday", "at a conference in Lisbon", "ahead of new rules",
           "following a public trial", "under a new licence", "with mixed early results",
           "as costs kept falling"]  # fmt: skip


def article(n: int) -> tuple[str, str]:
    """Title and HTML for page n: deterministic, and different from every other page."""
    rng = random.Random(n)
    title = f"Report {n}: {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    paragraphs = []
    for p in range(5):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(CLAUSES)}, item {n}-{p}-{s} of the series."
            for s in range(3)
        ]
        paragraphs.append("<p>" + " ".join(sentences) + "</p>")
    html = (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>"
        "<meta property='og:type' content='article'>"
        f"<meta property='article:published_time' content='2026-11-{1 + n % 20:02d}T08:00:00Z'>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
        f"{''.join(paragraphs)}</article><footer>Bulk News</footer></body></html>"
    )
    return title, html


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/a/") and self.path.endswith(".html"):
            try:
                body = article(int(self.path[3:-5]))[1].encode()
                status = 200
            except ValueError:
                body, status = b"not found", 404
        elif self.path == "/robots.txt":
            body, status = b"User-agent: *\nDisallow:\n", 200
        else:
            body, status = b"not found", 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class BulkSite:
    def __enter__(self) -> BulkSite:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.1,), daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        return self

    def urls(self, count: int) -> list[str]:
        return [f"{self.origin}/a/{n}.html" for n in range(count)]

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
