"""Files an operator names that are no ordinary file: a catalogue piped in (`<(…)`), a FIFO
nobody writes to, a device that never ends. Real `scrapy crawl` and `python -m crawler`
subprocesses: each ends with a record or one clear line, never a hang, a traceback or a
process that eats the machine's memory."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time

import pytest
import yaml

from crawler.demo.runner import PROJECT_ROOT, CrawlResult, run_crawl
from tests.hostile.crawl import assert_accounted, places, start_crawl
from tests.hostile.server import HostileWeb
from tests.test_operator_path import assert_refused

MEMORY_CAP = 4 * 1024**3  # bytes of address space: a crawl starts in far less


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


def test_a_catalogue_that_never_ends_is_refused_in_bounded_memory(tmp_path):
    """`-s SOURCES_FILE=/dev/zero` (or a multi-gigabyte file named by mistake) was read
    whole: 8 GB in 12 s. The crawl runs under an address-space cap here, so that a failure
    is a MemoryError, not the machine's."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    process = start_crawl("feeds", tmp_path / "out", {}, {"SOURCES_FILE": "/dev/zero"}, cap_memory)
    _, log = process.communicate(timeout=120)
    assert_refused(CrawlResult(process.returncode, None, log), "/dev/zero", "over 16 MiB")


def test_a_catalogue_fifo_nobody_writes_to_is_refused_not_a_hang(tmp_path):
    fifo = tmp_path / "sources.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = run_crawl("feeds", tmp_path / "out", {}, {"SOURCES_FILE": str(fifo)}, timeout=120)
    assert_refused(result, str(fifo), "nothing wrote to it within 10 s")
    assert time.monotonic() - started < 60


def test_a_catalogue_from_a_pipe_is_read_once_for_the_whole_crawl(web, tmp_path):
    """`-s SOURCES_FILE=<(generate-catalogue)`: the start check read the pipe, the spider
    found it empty, and the crawl ended in a ConfigError traceback."""
    catalogue = {"sources": [{
        "name": "hostile", "title": "Hostile", "homepage": web.url("/"),
        "feeds": [web.url("/feeds/no-urls.xml")], "ai_only": True,
    }]}  # fmt: skip
    fifo = tmp_path / "sources.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w") as writer:  # blocks until the crawl opens the FIFO
            writer.write(yaml.safe_dump(catalogue))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = run_crawl(
        "feeds", tmp_path / "out", {"source": "hostile"}, {"SOURCES_FILE": str(fifo)}, timeout=120
    )
    writer.join(5)
    assert result.returncode == 0, result.log[-3000:]
    assert "Traceback" not in result.log
    assert_accounted(result)
    ((kind, record),) = places(result, web.url("/feeds/article/beside-no-urls"))
    assert kind == "record" and record["source"] == "hostile"


def test_extract_of_a_fifo_nobody_writes_to_is_an_unreadable_line(tmp_path):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "crawler", "extract", str(fifo)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr[-2000:]
    (line,) = [json.loads(text) for text in done.stdout.splitlines()]
    assert line["reject"]["reason"] == "unreadable"
    assert "nothing wrote to it within 10 s" in line["reject"]["detail"]
    assert "Traceback" not in done.stderr
