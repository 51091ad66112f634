"""An article whose address changes keeps one identity across scheduled runs: a page that
declares a new canonical URL and is edited is an update of the record emitted before (same
`id`), and a URL that now redirects to a new one with the same text is `unchanged`.

Real crawls (`scrapy crawl urls`) against a small site on 127.0.0.1 whose pages change
between runs, sharing one state store, as hourly runs do.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler.demo.runner import run_crawl

PARAGRAPHS = [
    "The lab said its new speech model runs on a single laptop and transcribes meetings in "
    "eleven languages with fewer errors than the cloud service it replaces this spring.",
    "Engineers trained the model on recordings donated by two hundred volunteers, and the "
    "company says no recording left the devices on which it was made during the work.",
    "Hospitals in three cities will test the system for clinic notes from next month, with "
    "doctors checking every transcript before it is added to a patient's record.",
]


def page(canonical: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        "<!doctype html><html lang='en'><head><title>Speech model runs on a laptop</title>"
        f"<link rel='canonical' href='{canonical}'></head><body><article>"
        f"<h1>Speech model runs on a laptop</h1>{body}</article></body></html>"
    ).encode()


class Site(ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, tuple[int, dict, bytes]] = {}

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"gone"))
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = Site()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def crawl(site, tmp_path, run: str, path: str):
    settings = {"STATE_URI": str(tmp_path / "state.sqlite3")}
    result = run_crawl("urls", tmp_path / run, {"url": site.url(path), "refresh": "1"}, settings)
    assert result.returncode == 0, result.log[-2000:]
    assert result.summary["counts"]["unaccounted"] == 0
    return result


def test_an_edit_under_a_new_canonical_url_keeps_the_records_id(site, tmp_path):
    site.routes["/news/a6"] = (200, {}, page(site.url("/news/a6"), PARAGRAPHS))
    (first,) = crawl(site, tmp_path, "one", "/news/a6").lines("articles.jsonl")
    edited = [*PARAGRAPHS, "An earlier version of this story misstated the number of cities."]
    site.routes["/news/a6"] = (200, {}, page(site.url("/news/a6-canon"), edited))
    (update,) = crawl(site, tmp_path, "two", "/news/a6").lines("articles.jsonl")
    assert update["canonical_url"] == site.url("/news/a6-canon")
    assert "updated" in update["flags"] and update["previous_hash"] == first["content_hash"]
    assert update["id"] == first["id"]  # a new id made downstream keep both versions


def test_a_moved_article_with_the_same_text_is_unchanged_not_a_second_record(site, tmp_path):
    site.routes["/2026/old-slug"] = (200, {}, page(site.url("/2026/old-slug"), PARAGRAPHS))
    crawl(site, tmp_path, "one", "/2026/old-slug")
    site.routes["/2026/old-slug"] = (301, {"Location": site.url("/2026/new-slug")}, b"")
    site.routes["/2026/new-slug"] = (200, {}, page(site.url("/2026/new-slug"), PARAGRAPHS))
    moved = crawl(site, tmp_path, "two", "/2026/old-slug")
    assert moved.lines("articles.jsonl") == []
    assert moved.summary["skipped_by_reason"]["unchanged"] == 1
    # Moved and edited: a story of its own, so flagged, never written over the old one.
    edited = [*PARAGRAPHS[:2], "Clinics in four cities will test it from next month."]
    site.routes["/2026/new-slug"] = (200, {}, page(site.url("/2026/new-slug"), edited))
    (record,) = crawl(site, tmp_path, "three", "/2026/old-slug").lines("articles.jsonl")
    assert "updated" not in record["flags"]
