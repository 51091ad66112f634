"""Hostile pages in one real `urls` crawl: content, encoding, protocol and link cases.

Each case checks that its URL ended in exactly one expected place; the crawl-wide tests check
that the crawl finished, the ledger balanced and memory stayed bounded.
"""

from __future__ import annotations

import pytest

from crawler.core.fields import MAX_TITLE_CHARS
from tests.hostile.cases import CASES, UNFETCHABLE, Case
from tests.hostile.crawl import assert_accounted, crawl, places
from tests.hostile.server import HostileWeb

MOJIBAKE = ("\ufffd", "Ã", "â€", "Â")


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


@pytest.fixture(scope="module")
def pages_crawl(web, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-pages")
    urls = out / "urls.txt"
    urls.write_text("\n".join([*(web.url(case.path) for case in CASES), *UNFETCHABLE]) + "\n")
    # Every page of this one host has the same paragraphs, so the site-boilerplate learner
    # would rightly strip them from later pages; it is not what these cases test.
    return crawl("urls", out / "output", {"urls_file": str(urls)}, {"BOILERPLATE_MIN_PAGES": "0"})


def filed_url(web: HostileWeb, case: Case) -> str:
    if not case.final:
        return web.url(case.path)
    host, path = case.final.split()
    return web.url(path, host)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_case_ends_in_one_expected_place(case, pages_crawl, web):
    found = places(pages_crawl, filed_url(web, case))
    if case.outcome == "skip":
        assert found == []
        assert pages_crawl.summary["skipped_by_reason"].get(case.reason, 0) >= 1
        return
    assert len(found) == 1, found
    kind, line = found[0]
    assert kind == case.outcome, line
    if kind == "reject":
        assert line["reason"] == case.reason, line
    text = line["text"] if kind == "record" else (line.get("record") or {}).get("text", "")
    missing = [word for word in case.words if word not in text]
    assert not missing, (missing, text[:500])


def test_crawl_balances_its_ledger(pages_crawl):
    summary = assert_accounted(pages_crawl)
    expected_skips = {}
    for case in CASES:
        if case.outcome == "skip":
            expected_skips[case.reason] = expected_skips.get(case.reason, 0) + 1
    assert summary["skipped_by_reason"] == expected_skips
    # The listed entries that are no http(s) URL are rejects, never fetched (below).
    assert summary["counts"]["requests"] == len(CASES) + len(UNFETCHABLE)


def test_no_record_text_is_mojibake(pages_crawl):
    texts = [r["text"] for r in pages_crawl.lines("articles.jsonl")]
    texts += [r["record"]["text"] for r in pages_crawl.lines("rejects.jsonl") if r.get("record")]
    for text in texts:
        assert not [m for m in MOJIBAKE if m in text], text[:300]


def test_malformed_metadata_costs_the_field_not_the_record(pages_crawl, web):
    ((kind, record),) = places(pages_crawl, web.url("/content/extract-raises"))
    assert kind == "record" and record["image_url"] is None


def test_a_megabyte_title_is_cut_to_a_title(pages_crawl, web):
    ((kind, record),) = places(pages_crawl, web.url("/content/huge-title"))
    assert kind == "record" and record["language"] == "en"
    assert record["title"] == "T" * MAX_TITLE_CHARS + " …"


def test_unfetchable_schemes_are_never_requested(pages_crawl, web):
    """Listed, so asked for: each is a `bad_url` reject naming it, and none is fetched."""
    for entry in UNFETCHABLE:
        ((kind, line),) = places(pages_crawl, entry)
        assert (kind, line["reason"]) == ("reject", "bad_url"), line
        assert "not an http(s) URL" in line["detail"] and not line.get("record")
    records = pages_crawl.lines("articles.jsonl")
    assert not [line for line in records if not line["url"].startswith("http")]
    assert "root:x:0:0" not in pages_crawl.log


def test_retries_and_redirects_reached_the_server_as_expected(pages_crawl, web):
    hits = web.hits
    assert hits["/protocol/429-retry-after"] == 2  # waited Retry-After: 1, then succeeded
    assert hits["/protocol/429-too-long"] == 1  # Retry-After: 3600 is over RETRY_AFTER_MAX
    assert hits["/protocol/redirect-loop"] == 1 and hits["/protocol/redirect-loop-b"] == 1
    assert hits["/protocol/landing"] == 1
    assert hits["/protocol/refresh-self"] == 1 and hits["/protocol/refreshed"] == 1


def test_a_page_over_the_worker_memory_limit_is_a_reject_and_costs_no_other_page(web, tmp_path):
    urls = tmp_path / "urls.txt"
    listed = [web.url("/content/tiny-elements"), web.url("/content/article")]
    urls.write_text("\n".join(listed) + "\n")
    settings = {"EXTRACT_MEMORY_LIMIT": "300", "EXTRACT_WORKERS": "1"}
    result = crawl("urls", tmp_path / "output", {"urls_file": str(urls)}, settings)
    assert_accounted(result)
    ((kind, reject),) = places(result, listed[0])
    assert (kind, reject["reason"]) == ("reject", "extract_out_of_memory"), reject
    assert "300 MB" in reject["detail"]
    ((kind, record),) = places(result, listed[1])  # served by the worker that replaced it
    assert kind == "record"


def test_a_body_its_compression_label_cannot_decode_says_so(pages_crawl, web):
    ((kind, line),) = places(pages_crawl, web.url("/protocol/gzip-label-random-bytes"))
    assert kind == "reject" and line["reason"] == "bad_response"
    assert "is not gzip as its Content-Encoding says: BadGzipFile" in line["detail"], line


def test_a_broken_chunk_size_names_the_chunk_in_its_detail(pages_crawl, web):
    """Scrapy's ResponseDataLossError over it says nothing: the Twisted error under it does."""
    ((kind, line),) = places(pages_crawl, web.url("/protocol/bad-chunk-size"))
    assert kind == "reject" and line["reason"] == "bad_response"
    assert "_MalformedChunkedDataError" in line["detail"], line
    assert "chunk" in line["detail"].split("_MalformedChunkedDataError", 1)[1].lower(), line


def test_a_transfer_encoding_without_a_decoder_is_named_in_the_reject(pages_crawl, web):
    ((kind, line),) = places(pages_crawl, web.url("/protocol/chunked-twice"))
    assert (kind, line["reason"]) == ("reject", "bad_response")
    assert line["detail"].startswith("Transfer-Encoding 'chunked, chunked': no decoder"), line
