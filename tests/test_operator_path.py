"""What an operator or a scheduled job meets: bad input fails fast with one clear line and
exit code 1, a broken entry costs only itself, and the exit status says how the run went.

Every test runs the real `scrapy crawl` (or `python -m crawler`) in a subprocess, against
the hostile web or the demo web on 127.0.0.1, and reads what an operator would read.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from crawler.demo.runner import PROJECT_ROOT, run_crawl
from tests.hostile.crawl import assert_accounted, crawl, places
from tests.hostile.documents import BROKEN_URLS
from tests.hostile.server import HostileWeb


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


def assert_refused(result, *words: str) -> str:
    """Exit 1, one `error:` line naming the problem, no traceback."""
    assert result.returncode == 1, result.log[-2000:]
    errors = [line for line in result.log.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.log[-2000:]
    # Refused before Scrapy logs its start-up lines: the error is all stderr holds.
    assert result.log.strip().splitlines() == errors, result.log[-2000:]
    assert all(word in errors[0] for word in words), errors[0]
    assert "Traceback" not in result.log
    return errors[0]


URL = {"url": "http://127.0.0.1:9/never"}  # nothing listens there; nothing may be fetched


@pytest.mark.parametrize(
    ("spider", "args", "settings", "words"),
    [
        ("urls", {"urls_file": "/nope/urls.txt"}, {}, ("urls_file", "/nope/urls.txt")),
        ("urls", {}, {}, ("urls_file", "url")),  # no -a at all
        ("feeds", {"source": "no-such-source"}, {}, ("source", "no-such-source")),
        ("site", {"max_pages": "abc"}, {}, ("max_pages", "'abc'", "whole number")),
        ("site", {"max_pages": "0"}, {}, ("max_pages", ">= 1")),
        ("site", {"depth": "-1"}, {}, ("depth", ">= 0")),
        ("sitemap", {"sitemap": "http://127.0.0.1:9/s.xml", "sinse": "2026-11-15"}, {},
         ("unknown argument", "sinse", "since")),
        ("urls", {**URL, "bogus": "1"}, {}, ("unknown argument", "bogus")),
        ("sitemap", {"source": "verge-ai", "since": "notadate"}, {}, ("since", "notadate")),
        ("sitemap", {"source": "verge-ai", "since": "2030-01-01"}, {},
         ("since", "between 1990-01-01 and tomorrow")),
        ("urls", URL, {"LANGUAGES": "xx"}, ("LANGUAGES", "xx", "en")),
        ("urls", URL, {"EXTRACT_TIMEOUT": "-5"}, ("EXTRACT_TIMEOUT", "above 0")),
        ("urls", URL, {"MIN_WORDS": "abc"}, ("MIN_WORDS", "whole number")),
        ("urls", URL, {"EXTRACT_WORKERS": "-1"}, ("EXTRACT_WORKERS", ">= 0")),
        ("urls", URL, {"EXTRACT_MEMORY_LIMIT": "100"},
         ("EXTRACT_MEMORY_LIMIT", "0 (off)", ">= 256")),
        ("urls", URL, {"SOURCES_FILE": "/nope/sources.yaml"}, ("/nope/sources.yaml",)),
        ("urls", URL, {"STATE_URI": "reddis://127.0.0.1:6379/0"}, ("reddis", "unknown scheme")),
        ("urls", URL, {"LOG_FILE": "/nope/logs/crawl.log"}, ("LOG_FILE", "/nope/logs/crawl.log")),
        # An unset variable in a cron line, or an address without its scheme: refused, where
        # it crawled the whole catalogue, or ended as an empty run with exit 0.
        ("feeds", {"feed": ""}, {}, ("-a feed=''", "http(s) URLs")),
        ("site", {"start": ""}, {}, ("-a start=''", "http(s) URLs")),
        ("urls", {"url": "example.com/a"}, {}, ("-a url=", "not 'example.com/a'")),
        ("sitemap", {"sitemap": "ftp://127.0.0.1/s.xml"}, {}, ("-a sitemap=", "http(s) URLs")),
        ("nosuchspider", URL, {}, ("'nosuchspider' not found", "feeds, site, sitemap, urls")),
        # Scrapy's own settings with no check of their own, read by their default's type:
        # each was a traceback from getbool, getint, getlist or logging.
        ("urls", URL, {"AUTOTHROTTLE_ENABLED": "abc"}, ("AUTOTHROTTLE_ENABLED", "1 or 0")),
        ("urls", URL, {"REDIRECT_MAX_TIMES": "x"}, ("REDIRECT_MAX_TIMES", "whole number")),
        ("urls", URL, {"RETRY_HTTP_CODES": "500,abc"}, ("RETRY_HTTP_CODES", "whole numbers")),
        ("urls", URL, {"LOG_LEVEL": "FOO"}, ("LOG_LEVEL", "INFO")),
        # A negative time closed the crawl at once; an export to a file under a file was a
        # traceback at the first record, no export, and exit 0.
        ("urls", URL, {"CLOSESPIDER_TIMEOUT": "-5"}, ("CLOSESPIDER_TIMEOUT", ">= 0")),
        # A source crawled for documents it does not list ran nothing, exit 0 (audit 22).
        ("sitemap", {"source": "verge-ai"}, {}, ("-a source='verge-ai'", "no sitemaps")),
        ("feeds", {"source": "anthropic-news"}, {}, ("-a source='anthropic-news'", "no feeds")),
        ("urls", URL, {"EXTRACT_TIMEOUT": "inf"}, ("EXTRACT_TIMEOUT", "finite")),
        ("urls", URL, {"REDIS_URL": "notaurl"}, ("REDIS_URL", "redis://host:port/db")),
        # A typo in a setting's name was a normal run at the default value (audit 22).
        ("urls", URL, {"DOWNLOAD_DELAYY": "30"}, ("DOWNLOAD_DELAYY", "mean DOWNLOAD_DELAY?")),
        ("urls", URL, {"MIN_WORD": "5000"}, ("MIN_WORD", "did you mean MIN_WORDS?")),
        ("urls", URL, {"FEEDS": '{"/etc/passwd/x.jsonl": {"format": "jsonlines"}}'},
         ("feed export", "/etc/passwd/x.jsonl", "not a directory")),
        # Scrapy's makedirs raised FileExistsError when it built the crawler: a traceback.
        ("urls", URL, {"JOBDIR": "/etc/passwd"}, ("JOBDIR", "/etc/passwd", "not a directory")),
        # Scrapy imported them while it built the crawler: an ImportError or NameError traceback.
        ("urls", URL, {"ITEM_PIPELINES": '{"pipelines.nosuch.Pipeline": 300}'},
         ("ITEM_PIPELINES", "'pipelines.nosuch.Pipeline'", "No module named")),
        ("urls", URL, {"ITEM_PIPELINES": '{"pipelines.write.NoSuchPipeline": 300}'},
         ("ITEM_PIPELINES", "'pipelines.write.NoSuchPipeline'", "NoSuchPipeline")),
        # os.access says yes to root: it was refused as the state store's path.
        ("urls", URL, {"OUTPUT_DIR": "/proc/forbidden"}, ("OUTPUT_DIR", "/proc is not writable")),
        # The source was dropped and the feed run as no source's (operator audit 42).
        ("feeds", {"feed": "http://127.0.0.1:9/feed.xml", "source": "the-decoder"}, {},
         ("takes one of -a feed, -a source, -a site", "given -a feed and -a source")),
        ("sitemap", {"site": "http://127.0.0.1:9/", "source": "verge-ai"}, {},
         ("given -a source and -a site",)),
    ],
    ids=[
        "urls_file-missing", "no-arguments", "unknown-source", "max_pages-abc", "max_pages-0",
        "depth-negative", "typo-sinse", "bogus", "since-notadate", "since-future", "LANGUAGES-xx",
        "EXTRACT_TIMEOUT-negative", "MIN_WORDS-abc", "EXTRACT_WORKERS-negative",
        "EXTRACT_MEMORY_LIMIT-100", "SOURCES_FILE-missing", "STATE_URI-scheme-typo",
        "LOG_FILE-unwritable", "feed-empty", "start-empty", "url-no-scheme", "sitemap-ftp",
        "no-such-spider", "AUTOTHROTTLE_ENABLED-abc", "REDIRECT_MAX_TIMES-x",
        "RETRY_HTTP_CODES-abc", "LOG_LEVEL-FOO", "CLOSESPIDER_TIMEOUT-negative",
        "sitemap-source-without-sitemaps", "feeds-source-without-feeds", "EXTRACT_TIMEOUT-inf",
        "REDIS_URL-no-scheme", "DOWNLOAD_DELAYY-typo", "MIN_WORD-typo",
        "FEEDS-unwritable", "JOBDIR-a-file", "ITEM_PIPELINES-no-module",
        "ITEM_PIPELINES-no-class", "OUTPUT_DIR-in-proc", "feed-and-source", "site-and-source",
    ],
)  # fmt: skip
def test_bad_input_is_refused_before_the_first_request(spider, args, settings, words, tmp_path):
    result = run_crawl(spider, tmp_path / "out", args, settings, timeout=120)
    assert_refused(result, *words)
    assert result.run_dir is None
    assert not (tmp_path / "out" / spider).exists()  # no run directory, `latest` untouched


def test_an_empty_url_list_runs_and_says_it_listed_nothing(tmp_path):
    """A generated list that came out empty (only comments): no error, but a line saying so,
    where the run ended with 0 requests and not a word."""
    listing = tmp_path / "urls.txt"
    listing.write_text("# nothing new this hour\n\n", "utf-8")
    result = run_crawl("urls", tmp_path / "out", {"urls_file": str(listing)})
    assert result.returncode == 0, result.log[-2000:]
    assert f"urls_file {listing} lists no URL" in result.log
    assert result.summary["counts"]["requests"] == 0


def test_a_refusal_is_in_the_log_file_too(tmp_path):
    """scrapyd shows a job's LOG_FILE, which stayed empty while the reason went to its own
    log (operator audit 42)."""
    log_file = tmp_path / "job.log"
    result = run_crawl(
        "feeds", tmp_path / "out", {"feed": "127.0.0.1:9/feed.xml"}, {"LOG_FILE": str(log_file)}
    )
    line = assert_refused(result, "-a feed=")
    assert log_file.read_text("utf-8").strip() == line


def test_an_argument_given_twice_is_refused(tmp_path):
    """Scrapy keeps the last `-a url=`: the first page was never requested, and no count
    or log line said so."""
    command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"url={URL['url']}",
               "-a", "url=http://127.0.0.1:9/other", "-s", f"OUTPUT_DIR={tmp_path}"]  # fmt: skip
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "error: -a url given more than once: give it once, with the values comma-separated"
    )
    assert not list(tmp_path.iterdir())


def test_latest_is_untouched_by_a_refused_run(demo_web, tmp_path):
    page = demo_web.url("neuralledger", "/news/2026/11/relay-agent-framework-1-0.html")
    good = run_crawl("urls", tmp_path, {"url": page})
    assert good.returncode == 0, good.log[-2000:]
    latest = (tmp_path / "urls" / "latest").resolve()
    refused = run_crawl("urls", tmp_path, {"url": page, "max_pages": "1"})
    assert_refused(refused, "max_pages")
    assert (tmp_path / "urls" / "latest").resolve() == latest
    assert len(list((tmp_path / "urls").glob("2*"))) == 1


def test_an_output_dir_that_is_a_file_is_refused(tmp_path):
    file = tmp_path / "not-a-dir"
    file.write_text("x")
    result = run_crawl("urls", file, URL)
    assert_refused(result, "OUTPUT_DIR", "not a directory")


@pytest.mark.parametrize("spider", ["feeds", "sitemap", "urls"])
def test_a_broken_entry_is_a_bad_url_reject_and_the_rest_is_crawled(spider, web, tmp_path):
    if spider == "urls":
        listing = tmp_path / "urls.txt"
        good = [web.url(f"/feeds/article/after-broken-{n}") for n in (1, 2)]
        listing.write_text("\n".join([*BROKEN_URLS, *good]) + "\n")
        args = {"urls_file": str(listing)}
    else:
        kind = "feeds" if spider == "feeds" else "sitemaps"
        args = {
            spider if spider == "sitemap" else "feed": web.url(f"/{kind}/broken-entry-first.xml")
        }
        good = [web.url(f"/{kind}/article/after-broken-{n}") for n in (1, 2)]
    result = crawl(spider, tmp_path / "out", args)
    assert_accounted(result)
    for url, problem in BROKEN_URLS.items():
        # A password is masked wherever the URL is written: the reject, its detail, the log.
        ((kind_of, line),) = places(result, url.replace(":secret@", ":***@"))
        assert (kind_of, line["reason"]) == ("reject", "bad_url")
        assert problem in line["detail"]
    assert [places(result, url)[0][0] for url in good] == ["record", "record"]
    assert "Traceback" not in result.log
    assert "secret" not in result.log + (result.run_dir / "rejects.jsonl").read_text()


def test_a_password_in_a_listed_url_is_kept_nowhere(tmp_path):
    result = run_crawl("urls", tmp_path, {"url": "http://editor:hunter2@127.0.0.1:9/a"})
    written = [p.read_text() for p in result.run_dir.iterdir() if p.is_file()]
    assert written and not [text for text in written if "hunter2" in text]
    assert "hunter2" not in result.log
    ((kind, line),) = places(result, "http://editor:***@127.0.0.1:9/a")
    assert (kind, line["reason"]) == ("reject", "bad_url")


def test_a_url_list_saved_with_a_bom_and_urls_with_commas_in_the_query(web, tmp_path):
    listing = tmp_path / "urls.txt"
    first = web.url("/feeds/article/after-a-bom")
    listing.write_bytes(b"\xef\xbb\xbf" + first.encode() + b"\n")  # as Windows Notepad saves
    commas = "/feeds/article/listing?ids=1,2,3"
    args = {"urls_file": str(listing), "url": f"{web.url(commas)},{web.url('/feeds/article/x')}"}
    result = crawl("urls", tmp_path / "out", args)
    assert_accounted(result)
    assert places(result, first)[0][0] == "record"
    assert web.hits[commas] == 1 and web.hits["/feeds/article/x"] == 1
    assert result.summary["counts"]["requests"] == 3


def test_a_crawl_whose_every_request_failed_exits_2(tmp_path):
    # A closed loopback port: every fetch is refused, as with no network at all.
    result = run_crawl("urls", tmp_path, {"url": "http://127.0.0.1:9/a,http://127.0.0.1:9/b"},
                       {"RETRY_TIMES": "0", "ROBOTSTXT_OBEY": "0"})  # fmt: skip
    assert result.returncode == 2, result.log[-2000:]
    summary = result.summary
    assert summary["rejected_by_reason"] == {"connection_refused": 2}
    assert summary["counts"]["unaccounted"] == 0


@pytest.mark.parametrize(
    "spider, argument, document, reason",
    [("feeds", "feed", "/feeds/html.xml", "bad_feed"),
     ("sitemap", "sitemap", "/sitemaps/html.xml", "bad_sitemap")],
)  # fmt: skip
def test_a_crawl_whose_only_document_is_unreadable_exits_2(spider, argument, document, reason,
                                                           web, tmp_path):  # fmt: skip
    """Audit 19: it exited 0, so a scheduled run never saw its sitemap break."""
    result = crawl(spider, tmp_path, {argument: web.url(document)}, exit_code=2)
    assert result.summary["rejected_by_reason"] == {reason: 1}
    assert_accounted(result)


def test_a_blocked_private_address_says_how_to_allow_it(tmp_path):
    result = run_crawl("urls", tmp_path, {"url": "http://127.0.0.1:9/a"},
                       {"ALLOWED_PRIVATE_HOSTS": "", "ROBOTSTXT_OBEY": "0"})  # fmt: skip
    assert result.summary["rejected_by_reason"] == {"blocked_address": 1}
    assert "ALLOWED_PRIVATE_HOSTS=127.0.0.1" in result.log


def test_run_json_records_languages_as_a_list(demo_web, tmp_path):
    page = demo_web.url("neuralledger", "/news/2026/11/relay-agent-framework-1-0.html")
    default = run_crawl("urls", tmp_path / "a", {"url": page})
    typed = run_crawl("urls", tmp_path / "b", {"url": page}, {"LANGUAGES": "EN,de"})
    assert default.summary["settings"]["LANGUAGES"] == ["en"]
    assert typed.summary["settings"]["LANGUAGES"] == ["en", "de"]
    # "EN" is English for the language check too, not only in run.json (it rejected every
    # page as unwanted_language, "detected en").
    assert typed.summary["counts"]["accepted"] == default.summary["counts"]["accepted"] == 1


def test_a_listed_entry_that_is_no_http_url_is_a_bad_url_reject(web, tmp_path):
    listing = tmp_path / "urls.txt"
    good = web.url("/feeds/article/after-no-scheme")
    listing.write_text(f"www.example.com/news/a\nmailto:desk@example.com\n{good}\n")
    result = crawl("urls", tmp_path / "out", {"urls_file": str(listing)})
    assert_accounted(result)
    for entry in ("www.example.com/news/a", "mailto:desk@example.com"):
        ((kind, line),) = places(result, entry)
        assert (kind, line["reason"]) == ("reject", "bad_url")
        assert "not an http(s) URL" in line["detail"]
    assert places(result, good)[0][0] == "record"


def test_the_report_of_an_ad_hoc_run_counts_what_it_fetched(demo_web, tmp_path):
    pages = [demo_web.url("neuralledger", f"/news/2026/11/{slug}.html")
             for slug in ("relay-agent-framework-1-0", "hospitals-pilot-ai-scribes")]  # fmt: skip
    gone = demo_web.url("neuralledger", "/news/2026/11/no-such-story.html")
    result = run_crawl("urls", tmp_path, {"url": ",".join([*pages, gone])})
    (row,) = [v for k, v in result.summary["sources"].items() if k == "(none)"]
    # The 404 came back: fetched and rejected (it was left out of fetched, and a source's
    # reject rate was rejects over good pages only).
    assert (row["discovered"], row["fetched"], row["new"]) == (3, 3, 2)
    assert (row["rejected"], row["http_errors"]) == ({"http_404": 1}, {"404": 1})
    again = run_crawl("urls", tmp_path, {"url": ",".join(pages), "refresh": "1"})
    (row,) = [v for k, v in again.summary["sources"].items() if k == "(none)"]
    assert (row["fetched"], row["new"], row["unchanged"]) == (2, 0, 2)  # "same" was 0


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip


def test_enqueue_with_redis_down_is_one_line(tmp_path):
    done = cli("enqueue", "urls", "--url", "https://a.example/x", "--redis-url",
               "redis://127.0.0.1:9/0")  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip().startswith("error: cannot reach Redis at redis://127.0.0.1:9/0")
    assert "Traceback" not in done.stderr


def test_enqueue_refuses_a_seed_no_worker_could_request(tmp_path):
    """A worker handed the seed to Scrapy's engine as a reject item, an error in its log."""
    for seed, said in (("https://news.example:99999/x", "Port out of range"),
                       ("ftp://news.example/x", "not an http(s) URL")):  # fmt: skip
        done = cli("enqueue", "urls", "--url", seed, "--redis-url", "redis://127.0.0.1:9/0")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.startswith("error: cannot enqueue: ") and said in done.stderr
        assert seed in done.stderr


def test_extract_on_a_folder_without_pages_says_so(tmp_path):
    done = cli("extract", str(tmp_path))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() == f"error: no .html, .htm or .html.gz files in {tmp_path}"


def test_cli_errors_are_one_line_with_exit_1(tmp_path):
    page = str(Path(__file__).parent / "pages" / "wp_chinese_comment_form.html")
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "articles.jsonl").write_text("")
    (tmp_path / "listed").mkdir()
    (tmp_path / "listed" / "articles.jsonl").write_text("")
    (tmp_path / "listed" / "run.json").write_text("[1, 2]")  # JSON, not a run summary
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "empty.json").write_text("{}")  # JSON, but no run.json: a KeyError traceback
    (tmp_path / "odd.json").write_text(
        '{"counts": {"requests": 1, "accepted": 1, "rejected": 0, '
        '"skipped": 0, "unaccounted": 0}, "sources": {"a": 5}}'
    )
    for args, words in [
        (("report", str(tmp_path / "empty.json")), "is not a run.json: no counts of requests"),
        (("report", str(tmp_path / "odd.json")), "is not a run.json: its sources"),
        (("extract", page, "--languages", "xx"), "--languages xx: unknown language xx"),
        (("extract", page, "--url", "notaurl"), "--url: not an http(s) URL"),
        (("report", str(tmp_path)), "no run.json at"),
        (("merge", str(tmp_path / "run"), "-o", str(tmp_path / "a-file")), "cannot write"),
        # Audit 22: each was a traceback.
        (("merge", str(tmp_path / "listed"), "-o", str(tmp_path / "m")), "not a run summary"),
        (
            ("enqueue", "urls", "--url", "https://a.example/1", "--redis-url", "notaurl"),
            "--redis-url 'notaurl'",
        ),
    ]:
        done = cli(*args)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith("error: ") and words in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    # Upper case is the same language: the page is English, so a record.
    done = cli("extract", page, "--languages", "EN")
    assert done.returncode == 0 and "record" in json.loads(done.stdout)


def test_extract_dash_reads_the_page_from_stdin_plain_or_gzipped(tmp_path):
    """`extract -` was `unreadable`: "No such file or directory: '-'"."""
    page = (Path(__file__).parent / "pages" / "wp_chinese_comment_form.html").read_bytes()
    for piped in (page, gzip.compress(page)):
        done = subprocess.run([sys.executable, "-m", "crawler", "extract", "-"], input=piped,
                              cwd=PROJECT_ROOT, capture_output=True, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        (line,) = [json.loads(text) for text in done.stdout.splitlines()]
        assert line["path"] == "-" and line["record"]["url"] == "https://saved-page.invalid/stdin"
    missing = tmp_path / "gone.html"
    done = cli("extract", str(missing))  # a page that is not there is still its own line
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert json.loads(done.stdout)["reject"]["reason"] == "unreadable"


def test_report_on_a_recovered_run_says_it_was_killed_and_recovered(tmp_path):
    """Operator audit 42: "a crawl still running, or killed?" for a run a later start had
    recovered."""
    run = tmp_path / "feeds" / "20261122T060000Z"
    run.mkdir(parents=True)
    done = cli("report", str(run))
    assert "a crawl still running, or killed?" in done.stderr
    (run / "recovered.json").write_text('{"finish_reason": "killed", "records_replayed": 7}\n')
    done = cli("report", str(run))
    assert done.returncode == 1 and done.stderr.strip() == (
        f"error: no run.json at {run / 'run.json'} (the crawl was killed; a later start "
        "recovered its 7 records)"
    ), done.stderr


def test_report_on_a_spider_folder_points_at_its_runs(tmp_path):
    """It said "no run.json at output/feeds/run.json (a crawl still running, or killed?)"."""
    spider = tmp_path / "feeds"
    for run_id in ("20261122T060000Z", "20261123T060000Z"):
        (spider / run_id).mkdir(parents=True)
        (spider / run_id / "run.json").write_text("{}")
    done = cli("report", str(spider))
    newest = spider / "20261123T060000Z"
    expected = (
        f"error: {spider} is a spider's folder, not a run: try one of its runs, the newest {newest}"
    )
    assert done.returncode == 1 and done.stderr.strip() == expected, done.stderr
    (spider / "latest").symlink_to(newest.name)
    done = cli("report", str(spider))
    expected = f"error: {spider} is a spider's folder, not a run: try {spider / 'latest'}"
    assert done.returncode == 1 and done.stderr.strip() == expected, done.stderr


def test_extract_prints_one_json_line_per_page(tmp_path):
    page = Path(__file__).parent / "pages" / "wp_chinese_comment_form.html"
    done = cli("extract", str(page))
    assert done.returncode == 0
    assert "record" in json.loads(done.stdout)


def test_extract_reads_a_saved_page_as_the_crawl_would_at_most(tmp_path):
    """Audit 22: extract read a file whole and gunzipped it whole: /dev/zero grew to 24 GB,
    a 3 GB file was a MemoryError traceback, a gzip bomb a no_text at 850 MB."""
    import gzip

    from crawler.cli.main import MAX_PAGE_BYTES

    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b" " * (MAX_PAGE_BYTES + 1)))
    with (tmp_path / "huge.html").open("wb") as huge:
        huge.truncate(MAX_PAGE_BYTES + 1)  # sparse: no disk used
    page = Path(__file__).parent / "pages" / "wp_chinese_comment_form.html"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page.read_bytes()))
    done = cli("extract", str(tmp_path))
    lines = {Path(line["path"]).name: line for line in map(json.loads, done.stdout.splitlines())}
    assert lines["bomb.html.gz"]["reject"]["reason"] == "too_large"
    assert lines["huge.html"]["reject"]["reason"] == "too_large"
    assert "record" in lines["page.html.gz"]
    assert done.returncode == 0 and "Traceback" not in done.stderr


def test_a_url_list_from_a_fifo_is_read_once_and_whole(web, tmp_path):
    """A FIFO (or `<(…)`, a pipe) can be read once; the arguments are checked twice before
    the spider starts. Before, the check took the data and the crawl saw an empty list, or
    waited forever on a FIFO whose writer had gone."""
    fifo = tmp_path / "urls.fifo"
    os.mkfifo(fifo)
    urls = [web.url(f"/feeds/article/fifo-{n}") for n in (1, 2, 3)]

    def write() -> None:
        with fifo.open("w") as writer:  # blocks until the crawl opens the FIFO
            writer.write("\n".join(urls) + "\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = crawl("urls", tmp_path / "out", {"urls_file": str(fifo)})
    writer.join(5)
    assert_accounted(result)
    assert [places(result, url)[0][0] for url in urls] == ["record"] * 3


def test_a_fifo_with_no_writer_is_refused_not_a_hang(tmp_path):
    fifo = tmp_path / "nobody.fifo"
    os.mkfifo(fifo)
    result = run_crawl("urls", tmp_path / "out", {"urls_file": str(fifo)}, timeout=120)
    assert_refused(result, "urls_file", "nothing wrote to it within 10 s")


def test_a_fifo_whose_writer_starts_late_is_read_whole(web, tmp_path):
    fifo = tmp_path / "late.fifo"
    os.mkfifo(fifo)
    url = web.url("/feeds/article/fifo-late")

    def write_late() -> None:
        time.sleep(2)  # the crawl has opened the FIFO by now, and waits
        with fifo.open("w") as writer:
            writer.write(url + "\n")

    threading.Thread(target=write_late, daemon=True).start()
    result = crawl("urls", tmp_path / "out", {"urls_file": str(fifo)})
    assert places(result, url)[0][0] == "record"


def test_a_url_list_in_utf16_and_an_overlong_line_cost_only_that_line(web, tmp_path):
    listing = tmp_path / "urls.txt"
    first, after = web.url("/feeds/article/utf16-1"), web.url("/feeds/article/after-a-long-line")
    # A gigabyte of NULs with no line break (a sparse file) took 18 GB and wrote a 2 GB log;
    # 3 MB shows the same without the disk.
    nuls = "\0" * 3_000_000
    listing.write_text(f"{first}\n{nuls}\n{after}\n", "utf-16")  # BOM first
    result = crawl("urls", tmp_path / "out", {"urls_file": str(listing)})
    summary = assert_accounted(result)
    assert [places(result, url)[0][0] for url in (first, after)] == ["record", "record"]
    assert summary["rejected_by_reason"] == {"bad_url": 1}
    (reject,) = result.lines("rejects.jsonl")
    assert "line 2 of urls_file has 3,000,000 characters" in reject["detail"]
    assert len(result.log) < 200_000  # the line is never logged whole


def test_bytes_that_are_not_utf8_in_an_argument_are_escaped(web, tmp_path):
    """The shell passes `-a url=…\\xff` on as a byte Python keeps as a surrogate, which the
    state store and run.json could not encode: the URL asks for that byte, as %FF."""
    url = web.url("/feeds/article/byte-") + "\udcff"
    result = crawl("urls", tmp_path / "out", {"url": url}, {"STATE_URI": str(tmp_path / "s.db")})
    assert_accounted(result)
    assert web.hits["/feeds/article/byte-%FF"] == 1
    assert places(result, web.url("/feeds/article/byte-%FF"))[0][0] == "record"
    assert result.summary["spider_arguments"]["url"].endswith("byte-%FF")


def test_a_damaged_state_store_is_one_line_not_a_traceback(tmp_path):
    """A store whose header is intact but whose pages are not (a disk fault, a copy cut
    short) opened fine and raised at the first page; now the crawl is refused at start."""
    store = tmp_path / "state.sqlite3"
    db = sqlite3.connect(store)
    db.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
    db.executemany("INSERT INTO filler (text) VALUES (?)", [("x" * 500,)] * 2000)
    db.commit()
    db.close()
    with store.open("r+b") as damaged:
        damaged.seek(4096 * 3)  # past the header and the schema page
        damaged.write(b"\xa5" * 4096 * 20)
    result = run_crawl("urls", tmp_path / "out", URL, {"STATE_URI": str(store)}, timeout=120)
    assert_refused(result, "cannot open the state store", str(store), "STATE_URI")


def test_the_default_output_is_the_projects_from_any_subdirectory(demo_web, tmp_path):
    """`cd docs && scrapy crawl …` wrote docs/output with a fresh state store, so every
    article was emitted again; the default OUTPUT_DIR is the one beside scrapy.cfg."""
    (tmp_path / "scrapy.cfg").write_text((PROJECT_ROOT / "scrapy.cfg").read_text())
    (tmp_path / "docs").mkdir()
    page = demo_web.url("neuralledger", "/news/2026/11/relay-agent-framework-1-0.html")
    command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"url={page}",
               "-s", "ALLOWED_PRIVATE_HOSTS=127.0.0.1", "-s", "EXTRACT_WORKERS=0"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(command, cwd=tmp_path / "docs", env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (tmp_path / "docs" / "output").exists()
    (summary,) = (tmp_path / "output" / "urls").glob("2*/run.json")
    assert json.loads(summary.read_text())["counts"]["accepted"] == 1
    assert (tmp_path / "output" / "state.sqlite3").exists()


@pytest.mark.parametrize("slashes", ["///", "////"], ids=["relative", "absolute"])
def test_the_start_log_names_the_state_stores_absolute_path(slashes, tmp_path):
    """`sqlite:///tmp/x.db` is `tmp/x.db` in the working directory (SQLAlchemy's reading,
    kept); the log named no path, so an operator expecting /tmp/x.db never learnt it."""
    (tmp_path / "scrapy.cfg").write_text((PROJECT_ROOT / "scrapy.cfg").read_text())
    store = tmp_path / "tmp" / "x.db"
    uri = f"sqlite:{slashes}{'tmp/x.db' if slashes == '///' else store.relative_to('/')}"
    command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"url={URL['url']}",
               "-s", f"OUTPUT_DIR={tmp_path / 'out'}", "-s", f"STATE_URI={uri}"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 2, done.stderr[-2000:]  # port 9: every request failed
    assert f"State store: SQLite {store}" in done.stderr, done.stderr[-3000:]
    assert store.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["fetch", "--nolog"],
        ["shell", "--nolog", "-c", "response.status"],
        ["parse", "--nolog", "--pipelines", "--spider", "urls", "--callback", "parse_article"],
    ],
    ids=["fetch", "shell", "parse"],
)
def test_inspection_commands_leave_runs_latest_and_state_alone(command, demo_web, tmp_path):
    """`scrapy fetch` opened a run directory and moved `latest`; `scrapy parse --pipelines`
    wrote the page to the state store, so the next crawl skipped it as unchanged."""
    page = demo_web.url("neuralledger", "/news/2026/11/relay-agent-framework-1-0.html")
    first = run_crawl("urls", tmp_path, {"url": page})
    assert first.returncode == 0, first.log[-2000:]
    latest = (tmp_path / "urls" / "latest").resolve()
    before = sorted(str(path) for path in tmp_path.rglob("*"))
    state_before = (tmp_path / "state.sqlite3").read_bytes()
    arguments = ["-a", f"url={page}"] if command[0] == "parse" else []
    settings = ["-s", f"OUTPUT_DIR={tmp_path}", "-s", "ALLOWED_PRIVATE_HOSTS=127.0.0.1"]
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", *command, *arguments, *settings, page],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Relay" in done.stdout or "200" in done.stdout, done.stdout[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert sorted(str(path) for path in tmp_path.rglob("*")) == before
    assert (tmp_path / "urls" / "latest").resolve() == latest
    assert (tmp_path / "state.sqlite3").read_bytes() == state_before


@pytest.mark.parametrize("spider", ["site", "urls"])
def test_a_run_of_only_urls_that_cannot_be_requested_exits_2(spider, tmp_path):
    """A start URL with a port out of range was a `bad_url` reject and exit 0: a cron job
    reported success for a run that could fetch nothing."""
    arg = "start" if spider == "site" else "url"
    result = crawl(spider, tmp_path, {arg: "http://127.0.0.1:99999/"}, exit_code=2)
    assert assert_accounted(result)["rejected_by_reason"] == {"bad_url": 1}


def test_report_on_a_hand_edited_run_shows_what_it_cannot_read_as_a_question_mark(tmp_path):
    """Hostile round 6: source fields of the wrong type in a hand-edited run.json (a count
    as text, a coverage share as text, a table as a list) were a traceback."""
    summary = {
        "counts": {"requests": 3, "accepted": 2, "rejected": 1, "skipped": 0, "unaccounted": 0},
        "rejected_by_reason": ["too_short"],
        "alerts": "feeds: yield fell",
        "sources": {
            "lab": {
                "discovered": "12",
                "fetched": 1_234_567,
                "rejected": {"too_short": "1", "soft_404": 2},
                "median_words": "many",
                "coverage": {"date": "all", "author": 0.5},
            },
            "wire": {"rejected": [], "coverage": None},
        },
    }
    (tmp_path / "run.json").write_text(json.dumps(summary))
    done = cli("report", str(tmp_path))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    lab = next(line.split() for line in done.stdout.splitlines() if line.startswith("lab "))
    assert lab[:3] == ["lab", "?", "1234567"]  # a count as text is "?", a big one whole
    assert lab[7:12] == ["2", "?", "?", "50%", "-"]  # the readable reject; words; coverage
    assert lab[12:] == ["soft_404", "(2)"]
    assert "! feeds: yield fell" in done.stdout
