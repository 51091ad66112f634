"""LOG_FILE on a full disk (/dev/full takes no byte): Python's FileHandler against ours."""

from __future__ import annotations

import logging
import os

import pytest
from scrapy.settings import Settings

import crawler.compat.scrapy_log_file as log_file

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def _record(message: str) -> logging.LogRecord:
    return logging.LogRecord("crawler", logging.INFO, __file__, 1, message, None, None)


def test_upstream_a_file_handler_on_a_full_disk_prints_a_traceback_per_record_and_close_raises(
    capsys,
):
    handler = logging.FileHandler("/dev/full")
    for n in range(3):
        handler.handle(_record(f"line {n}"))
    assert capsys.readouterr().err.count("--- Logging error ---") == 3
    with pytest.raises(OSError):
        handler.close()  # Scrapy closes it when it builds the crawler: the crawl never ran


def test_ours_says_it_once_and_logs_on_to_stderr(capsys, monkeypatch):
    monkeypatch.setattr(log_file.LogFileHandler, "_failed_paths", set())
    handler = log_file.LogFileHandler("/dev/full")
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    for n in range(3):
        handler.handle(_record(f"line {n}"))
    handler.close()
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == (
        "error: cannot write LOG_FILE /dev/full (No space left on device): "
        "the log goes on to stderr"
    )
    assert lines[1:] == ["INFO: line 0", "INFO: line 1", "INFO: line 2"]
    again = log_file.LogFileHandler("/dev/full")  # Scrapy's next crawler's: not said twice
    again.setFormatter(logging.Formatter("%(message)s"))
    again.handle(_record("line 3"))
    again.close()
    assert capsys.readouterr().err == "line 3\n"
    # A log call that cannot be formatted is logging's own report, never the caller's error.
    bad = logging.LogRecord("crawler", logging.INFO, __file__, 1, "bad %d", ("x",), None)
    again.handle(bad)
    assert "Logging error" in capsys.readouterr().err


def test_scrapy_builds_ours_for_log_file_with_its_own_format_and_level(tmp_path):
    log_file.install()
    path = tmp_path / "crawl.log"
    settings = Settings(
        {"LOG_FILE": str(path), "LOG_LEVEL": "WARNING", "LOG_FORMAT": "%(message)s"}
    )
    handler = log_file.scrapy_log._get_handler(settings)
    try:
        assert isinstance(handler, log_file.LogFileHandler)
        assert handler.level == logging.WARNING
        handler.handle(_record("written"))
    finally:
        handler.close()
    assert path.read_text() == "written\n"
    stream = log_file.scrapy_log._get_handler(Settings({"LOG_FILE": None}))
    assert type(stream) is logging.StreamHandler  # no LOG_FILE: Scrapy's own
