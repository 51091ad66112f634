"""Pipeline components built as Scrapy builds them, asserting on crawler.stats."""

from __future__ import annotations

import json
import logging
import resource

import pytest
from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.core.items import FetchedPage, FetchFailed, ProcessedPage
from crawler.core.model import Hints, Outcome
from crawler.integration.commands.crawl import EXIT_OUTPUT, exit_code
from crawler.integration.progress import ProgressLog, format_progress
from crawler.integration.state_access import STATE_ERROR_STAT
from pipelines.process import ProcessPagePipeline
from pipelines.write import RunOutputPipeline

PARAGRAPH = (
    "<p>The lab said on Monday that its new speech model runs on a single laptop GPU and "
    "transcribes meetings in eleven languages with fewer errors than last year's version.</p>"
)
PARAGRAPHS = "".join(
    PARAGRAPH.replace("Monday", day) for day in ("Monday", "Tuesday", "Friday", "Sunday")
)
ARTICLE = f"""<html lang="en"><head><title>Speech model runs on laptops</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2026-11-20T09:00:00Z"></head>
<body><article><h1>Speech model runs on laptops</h1>{PARAGRAPHS}
<p>Share this:</p><p>Like this:</p><p>发表回复</p></article></body></html>""".encode()


def build(cls, tmp_path, **settings):
    crawler = get_crawler(settings_dict={"OUTPUT_DIR": str(tmp_path), **settings})
    return crawler, cls.from_crawler(crawler)


def page(body=ARTICLE, url="https://news.example/2026/11/speech-model/") -> FetchedPage:
    return FetchedPage(url=url, body=body, status=200, spider="test", hints=Hints(source="s"))


def test_process_pipeline_counts_cleaning_removals(tmp_path):
    crawler, pipeline = build(ProcessPagePipeline, tmp_path, LANGUAGES=["en"], MIN_WORDS=50)
    result = pipeline.process_item(page())
    assert isinstance(result, ProcessedPage) and result.outcome.accepted
    assert result.source == "s"
    assert crawler.stats.get_value("cleaning/removed/share") == 2
    assert crawler.stats.get_value("cleaning/removed/comment_form") == 1


def test_process_pipeline_passes_other_items_through(tmp_path):
    _, pipeline = build(ProcessPagePipeline, tmp_path)
    failed = FetchFailed(url="https://x.example/", reason="http_404", spider="t")
    assert pipeline.process_item(failed) is failed


def test_empty_languages_setting_keeps_every_language(tmp_path):
    german_paragraphs = "".join(
        f"<p>Das Labor teilte am {day} mit, dass sein neues Sprachmodell auf einem einzigen "
        "Laptop läuft und Besprechungen in elf Sprachen mit weniger Fehlern transkribiert.</p>"
        for day in ("Montag", "Dienstag", "Freitag", "Sonntag")
    )
    german = ARTICLE.replace(PARAGRAPHS.encode(), german_paragraphs.encode())
    _, strict = build(ProcessPagePipeline, tmp_path, LANGUAGES=["en"])
    _, open_ = build(ProcessPagePipeline, tmp_path, LANGUAGES="")
    assert strict.process_item(page(german)).outcome.reason == "non_english"
    kept = open_.process_item(page(german)).outcome
    assert kept.accepted and "non_english" in kept.record.flags


def opened_writer(tmp_path, **settings):
    """A processor and a run writer on one crawler, the writer's run opened."""
    crawler, processor = build(ProcessPagePipeline, tmp_path, **settings)
    writer = RunOutputPipeline.from_crawler(crawler)
    spider = crawler._create_spider("test")
    writer.spider_opened(spider)
    return crawler, processor, writer, spider


def test_write_pipeline_writes_records_and_rejects_and_balances(tmp_path):
    crawler, processor, writer, spider = opened_writer(tmp_path)
    crawler.stats.set_value("outcomes/requests", 4)
    crawler.stats.set_value("outcomes/skipped/robots", 1)
    exported = writer.process_item(processor.process_item(page()))
    for item in (
        processor.process_item(page(b"<html><body><p>Too short.</p></body></html>")),
        FetchFailed(url="https://x.example/gone", reason="http_410", spider="t", http_status=410),
    ):
        with pytest.raises(DropItem):
            writer.process_item(item)
    writer.spider_closed(spider, "finished")
    run_dir = writer.output.run_dir
    articles = [json.loads(x) for x in (run_dir / "articles.jsonl").read_text().splitlines()]
    rejects = [json.loads(x) for x in (run_dir / "rejects.jsonl").read_text().splitlines()]
    summary = json.loads((run_dir / "run.json").read_text())
    assert articles == [exported]
    assert [r["reason"] for r in rejects] == ["too_short", "http_410"]
    assert rejects[1]["http_status"] == 410
    assert summary["counts"] == {
        "requests": 4, "accepted": 1, "rejected": 2, "skipped": 1, "unaccounted": 0,
    }  # fmt: skip
    assert crawler.stats.get_value("articles/rejected/too_short") == 1


def test_progress_line_reports_counts_and_top_reasons(tmp_path):
    crawler = get_crawler(settings_dict={"PROGRESS_INTERVAL": 1})
    extension = ProgressLog.from_crawler(crawler)
    crawler.stats.open_spider()
    for key, value in {
        "response_received_count": 10,
        "articles/accepted": 6,
        "articles/rejected/non_english": 2,
        "articles/rejected/http_500": 1,
        "outcomes/skipped/robots": 1,
    }.items():
        crawler.stats.set_value(key, value)
    line = format_progress(extension.snapshot())
    assert "fetched=10 accepted=6 rejected=3 (non_english=2, http_500=1) skipped=1" in line


def test_a_callback_that_raised_is_named_in_run_json(tmp_path):
    """Scrapy counts a callback's exception under spider_exceptions/<name> and drops what the
    callback had not yielded: run.json names it, since no ledger count can show it."""
    crawler, _, writer, spider = opened_writer(tmp_path)
    crawler.stats.set_value("spider_exceptions/count", 2)
    crawler.stats.set_value("spider_exceptions/ValueError", 2)
    writer.spider_closed(spider, "finished")
    summary = json.loads((writer.output.run_dir / "run.json").read_text())
    assert summary["spider_errors"] == {"ValueError": 2}
    assert any("callback raised 2 time(s) (ValueError)" in alert for alert in summary["alerts"])


def test_a_pipeline_error_is_a_reject_in_its_source_health(tmp_path):
    """An exception while processing a page (Scrapy's item_error) is an internal_error
    reject line and counts in its source's health table, as every other reject does."""
    crawler, _, writer, spider = opened_writer(tmp_path)
    crawler.stats.set_value("outcomes/requests", 1)
    try:
        raise RuntimeError("a bug in a pipeline")
    except RuntimeError:
        failure = Failure()
    crawler.signals.send_catch_log(
        signals.item_error, item=page(), response=None, spider=spider, failure=failure
    )
    writer.spider_closed(spider, "finished")
    summary = json.loads((writer.output.run_dir / "run.json").read_text())
    assert summary["rejected_by_reason"] == {"internal_error": 1}
    assert summary["counts"]["unaccounted"] == 0
    assert summary["sources"]["s"]["rejected"] == {"internal_error": 1}, summary["sources"]


def test_a_reject_whose_line_fails_counts_once_in_its_source_health(tmp_path):
    """A reject line that cannot be written (a value of the rejected record that has no
    JSON form) raises from the writer; Scrapy then sends item_error, whose internal_error
    line is the page's one outcome. Health had counted the page under both reasons."""
    crawler, _, writer, spider = opened_writer(tmp_path)
    crawler.stats.set_value("outcomes/requests", 1)
    outcome = Outcome(None, "too_short", "12 words", rejected_record={"title": object()})
    item = ProcessedPage(url="https://news.example/a", outcome=outcome, spider="test", source="s")
    try:
        writer.process_item(item)
    except Exception:  # noqa: BLE001 - whatever the serializer raises, as Scrapy catches it
        failure = Failure()
    crawler.signals.send_catch_log(
        signals.item_error, item=item, response=None, spider=spider, failure=failure
    )
    writer.spider_closed(spider, "finished")
    summary = json.loads((writer.output.run_dir / "run.json").read_text())
    assert summary["rejected_by_reason"] == {"internal_error": 1}
    assert summary["sources"]["s"]["rejected"] == {"internal_error": 1}, summary["sources"]


def test_a_full_disk_at_the_unsaved_mark_is_one_line_and_an_output_error(tmp_path, caplog):
    """A full disk failed the mark that makes the next start replay a run the state store
    missed: "run.json not written" with a traceback. A file size limit stands in for the full
    disk (EFBIG, as ENOSPC: an OSError from the write), here in this process."""
    crawler, _, writer, spider = opened_writer(tmp_path, STATE_URI="")  # the store failed
    crawler.stats.set_value(STATE_ERROR_STAT, "state store x: remember failed: disk is full")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8, hard))  # Python ignores SIGXFSZ: EFBIG
    try:
        with caplog.at_level(logging.INFO, logger="pipelines.write"):
            writer.spider_closed(spider, "output_error")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage().split(": cannot write")[0] for r in errors] == ["run.json not written"]
    assert "state-unsaved.json" in errors[0].getMessage(), errors[0].getMessage()
    assert errors[0].exc_info is None and "Traceback" not in caplog.text
    assert exit_code(crawler) == EXIT_OUTPUT
    assert not (writer.output.run_dir / "run.json").exists()  # replayed as a killed run
