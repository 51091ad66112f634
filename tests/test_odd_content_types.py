"""A page served with a JSON content type, or a text body that parses as JSON, ends in one
place under every spider that reads pages for their type (feeds, sitemap, site): parsel's
JSON selector raised on .xpath, a traceback, and the page was unaccounted."""

from __future__ import annotations

import pytest

from crawler.demo.runner import run_crawl
from tests.local_server import LoopbackHandler, serving

ARTICLE = (
    "<!doctype html><html lang='en'><head><title>Chip plant opens</title></head><body>"
    "<article><h1>Chip plant opens</h1>"
    + "".join(
        f"<p>The plant near the river will employ {n} hundred people when it opens next "
        "spring, the company said, and its first wafers will go to makers of AI servers.</p>"
        for n in range(2, 6)
    )
    + "</article></body></html>"
)


# The story as a text file: prose, no markup at all.
PLAIN_ARTICLE = "Chip plant opens\n\n" + "\n\n".join(
    f"The plant near the river will employ {n} hundred people when it opens next spring, "
    "the company said."
    for n in range(2, 8)
)


class Handler(LoopbackHandler):
    routes: dict[str, tuple[str, str]] = {}

    def do_GET(self):  # noqa: N802
        if self.path == "/feed.xml":
            items = "".join(
                f"<item><title>{p}</title><link>{self.origin}{p}</link></item>"
                for p in ("/json-typed", "/json-text")
            )
            kind, body = "application/rss+xml", f"<rss><channel>{items}</channel></rss>"
        elif self.path == "/":
            link = f"<a href='{self.origin}/json-typed'>a</a>"
            kind, body = "text/html", f"<html><body>{link}</body></html>"
        else:
            kind, body = {
                "/json-typed": ("application/json", ARTICLE),  # HTML, mislabelled
                "/json-text": ("text/plain", '{"title": "not a page", "n": 1}'),
                "/plain-article": ("text/plain; charset=utf-8", PLAIN_ARTICLE),
            }.get(self.path, ("text/html", "gone"))
        status = 200 if self.path != "/robots.txt" else 404
        self.answer(status, [("Content-Type", kind)], body.encode())


@pytest.fixture(scope="module")
def origin():
    with serving(Handler) as url:
        yield url


@pytest.mark.parametrize("spider", ["feeds", "site"])
def test_a_json_typed_page_ends_in_one_place(spider, origin, tmp_path):
    args = {"feed": f"{origin}/feed.xml"} if spider == "feeds" else {"start": f"{origin}/"}
    result = run_crawl(spider, tmp_path, args, {"STATE_URI": ""})
    assert result.returncode == 0, result.log[-2000:]
    summary = result.summary
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    assert not summary.get("spider_errors"), summary.get("spider_errors")
    assert "Traceback" not in result.log
    urls = {line["url"] for line in result.lines("articles.jsonl") + result.lines("rejects.jsonl")}
    assert f"{origin}/json-typed" in urls


def test_a_text_plain_article_is_not_html_as_other_non_html_pages_are(origin, tmp_path):
    """Hostile audit 9: a text/plain body was `unparseable`, a reason that says HTML was
    there and broken (and is tried again every run); a text file is no web page, as a PDF
    is not: `not_html`, remembered as a reject for what the page is."""
    urls = f"{origin}/plain-article,{origin}/json-text"
    result = run_crawl("urls", tmp_path, {"url": urls}, {"STATE_URI": ""})
    assert result.summary["rejected_by_reason"] == {"not_html": 2}, result.summary
    assert result.summary["counts"]["unaccounted"] == 0
    for reject in result.lines("rejects.jsonl"):
        assert reject["detail"].startswith("no HTML markup in a text body"), reject
