"""`scrapy crawl`, with every input checked before the first request and an exit status that
says how the run went.

Scrapy's own command exits 0 for a crawl whose spider could not start, whose every request
failed, or whose output could not be written; a scheduler must see each of those. Exit codes
(README, "Exit codes and errors"):

- 0: the crawl ran;
- 1: a configuration or start error: a bad `-a` argument or `-s` setting, a catalogue that
  does not load, a state store that does not open. One line on stderr, no traceback, no run
  directory, `latest` untouched;
- 2: every request failed (network or HTTP errors), e.g. no network, or was skipped only
  because its host's robots.txt could not be read (a 503, a timeout);
- 3: the run's output could not be written (full disk, a file size limit);
- 4: a signal stopped the crawl before it finished (SIGTERM, Ctrl-C): run.json says
  `finish_reason: shutdown`, or is missing after a second Ctrl-C.

A signal after the crawl is over changes none of these (`_ignore_late_signals`).
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.settings import SETTINGS_PRIORITIES, default_settings
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.conf import closest_scrapy_cfg

from crawler import settings as project_settings
from crawler.core.config import SETTINGS as CHECKED_SETTINGS
from crawler.core.config import (
    ConfigError,
    check_feed_targets,
    check_setting_names,
    check_settings,
    check_spider_output_dir,
)
from crawler.integration.components import check_components
from crawler.integration.state_access import StateUnavailable, check_state

EXIT_OK, EXIT_CONFIG, EXIT_ALL_FAILED, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 4


def _log_refusal(log_file: str | None, line: str) -> None:
    """The refusal in LOG_FILE too: scrapyd gives each job a LOG_FILE and shows the
    operator that, which stayed empty while the reason went to scrapyd's own log
    (operator audit 42). LOG_FILE was checked writable just before."""
    if not log_file:
        return
    try:
        with open(log_file, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    except OSError:
        pass  # stderr has it


class Command(ScrapyCrawl):
    def __init__(self) -> None:
        super().__init__()
        self.crawlers_run: list = []

    def process_options(self, args, opts) -> None:
        repeated = _repeated_arguments(opts.spargs or [])
        if repeated:
            # Scrapy keeps the last value: `-a url=A -a url=B` crawled B alone, and A was
            # lost without a trace.
            print(f"error: -a {repeated} given more than once: give it once, with the values "
                  "comma-separated", file=sys.stderr)  # fmt: skip
            sys.exit(EXIT_CONFIG)
        super().process_options(args, opts)
        self._anchor_default_output_dir()
        self._contact_in_user_agent()
        # Scrapy opens LOG_FILE when it builds the crawler process, before run(): an
        # unwritable path was a FileNotFoundError traceback there.
        log_file = self.settings.get("LOG_FILE")
        if log_file:
            try:
                with open(log_file, "a", encoding="utf-8"):
                    pass
            except OSError as error:
                print(f"error: setting LOG_FILE={log_file!r}: cannot write it "
                      f"({error.strerror or error})", file=sys.stderr)  # fmt: skip
                sys.exit(EXIT_CONFIG)
        # Checked here, before Scrapy builds the crawler process and logs its start-up
        # lines: a refused start is the one `error:` line on stderr.
        if len(args) == 1:
            try:
                self.check_before_start(args[0], opts.spargs)
            except (ConfigError, StateUnavailable) as error:
                print(f"error: {error}", file=sys.stderr)
                _log_refusal(log_file, f"error: {error}")
                sys.exit(EXIT_CONFIG)

    def _anchor_default_output_dir(self) -> None:
        """OUTPUT_DIR left at its default ("output") is the project's, beside scrapy.cfg,
        wherever the command runs from: from a subdirectory it was a second output with a
        fresh state store, and every article was emitted again. A path the operator gives
        is theirs, relative to where they run it, as Scrapy's own paths are."""
        if self.settings.getpriority("OUTPUT_DIR") > SETTINGS_PRIORITIES["project"]:
            return
        output = Path(self.settings.get("OUTPUT_DIR") or "output")
        config = closest_scrapy_cfg()
        if config and not output.is_absolute():
            self.settings.set("OUTPUT_DIR", str(Path(config).parent / output), "project")

    def _contact_in_user_agent(self) -> None:
        """CONTACT_URL given and USER_AGENT not: the agent names the operator's contact. It
        was built from the project's default when the settings module was imported, and
        the crawl announced the upstream project's URL (audit 25)."""
        project = SETTINGS_PRIORITIES["project"]
        given = self.settings.getpriority("CONTACT_URL") or 0
        if given > project and (self.settings.getpriority("USER_AGENT") or 0) <= project:
            contact = self.settings.get("CONTACT_URL")
            self.settings.set("USER_AGENT", project_settings.user_agent(contact), given)

    def run(self, args, opts) -> None:
        self._track_crawlers()
        self._report_state_errors()
        try:
            super().run(args, opts)
        finally:
            _ignore_late_signals()
        if self.exitcode == 0:
            self.exitcode = max((exit_code(c) for c in self.crawlers_run), default=EXIT_OK)

    def check_before_start(self, spider_name: str, spider_args: dict) -> None:
        loader = get_spider_loader(self.settings)
        try:
            spidercls = loader.load(spider_name)
        except KeyError:
            names = ", ".join(sorted(loader.list()))
            raise ConfigError(f"spider {spider_name!r} not found: one of {names}") from None
        check_setting_names(self._names_given(), self._known_names())
        parsed = check_settings(self.settings, self._defaults_of_given_settings())
        for name, value in parsed.items():
            # "yes" passed our check of ROBOTSTXT_OBEY, then Scrapy's getbool raised on it:
            # a setting given as a string is replaced by the value it was read as.
            if isinstance(value, bool) and isinstance(self.settings.get(name), str):
                self.settings.set(name, value, priority=self.settings.getpriority(name))
        check_spider_output_dir(Path(self.settings.get("OUTPUT_DIR")), spider_name)
        check_feed_targets(self.settings.getdict("FEEDS"))
        check_components(self.settings)
        check_start = getattr(spidercls, "check_start", None)
        if check_start is not None:
            check_start(spider_args, self.settings)
        check_state(self.settings)

    def _names_given(self) -> list[str]:
        cmdline = SETTINGS_PRIORITIES["cmdline"]
        return [name for name in self.settings if self.settings.getpriority(name) == cmdline]

    @staticmethod
    def _known_names() -> set[str]:
        # Deprecated in Scrapy 2.19, gone from its defaults, still read (README: politeness).
        return {*CHECKED_SETTINGS, "CONCURRENT_REQUESTS_PER_IP", *_default_values()}

    def _defaults_of_given_settings(self) -> dict[str, object]:
        """The defaults (Scrapy's, then the project's) of the settings given on the command
        line or in the environment; the others are typed already (and reading a deprecated
        one warns)."""
        given = SETTINGS_PRIORITIES["project"]
        return {
            name: value
            for name, value in _default_values().items()
            if (self.settings.getpriority(name) or 0) > given
        }

    def _track_crawlers(self) -> None:
        """Keep every crawler the process creates, through its public `create_crawler`
        (CrawlerProcess forgets a crawler when its crawl ends)."""
        process = self.crawler_process
        create = process.create_crawler

        def create_and_keep(spidercls):
            crawler = create(spidercls)
            self.crawlers_run.append(crawler)
            return crawler

        process.create_crawler = create_and_keep

    def _report_state_errors(self) -> None:
        """A state store that fails once the crawl has started (replaying a killed run onto
        a full disk: crawler.integration.state_access) is a start error too: its one
        `error:` line, not asyncio's "Task exception was never retrieved" and a traceback.
        Scrapy marks the start failed (bootstrap_failed): exit 1."""
        process = self.crawler_process
        crawl = process.crawl

        def crawl_and_report(*args, **kwargs):
            started = crawl(*args, **kwargs)
            if isinstance(started, asyncio.Future):  # AsyncCrawlerProcess, the default
                started.add_done_callback(_report_state_error)
            return started

        process.crawl = crawl_and_report


def _ignore_late_signals() -> None:
    """The crawl is over and its exit status known: a Ctrl-C or SIGTERM from now on has
    nothing left to stop. Scrapy's handlers stay installed after the reactor stops, and
    Python resets a handler written in Python to the system default while it shuts down, so
    a second Ctrl-C a moment after run.json was written killed the process (status 130,
    which no scheduler reads as this crawl's)."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)


def _report_state_error(started: asyncio.Future) -> None:
    error = None if started.cancelled() else started.exception()
    if isinstance(error, StateUnavailable):
        print(f"error: {error}", file=sys.stderr)
    elif error is not None:  # retrieved above: logged as asyncio would have
        started.get_loop().call_exception_handler(
            {"message": "Task exception was never retrieved", "exception": error,
             "future": started}
        )  # fmt: skip


def _default_values() -> dict[str, object]:
    """Every setting Scrapy or the project defines, with its default (the project's last)."""
    defaults = {}
    for module in (default_settings, project_settings):
        defaults |= {name: getattr(module, name) for name in dir(module) if name.isupper()}
    return defaults


def _repeated_arguments(arguments: list[str]) -> str | None:
    """The first `-a` name given twice, or None."""
    seen: set[str] = set()
    for argument in arguments:
        name = argument.partition("=")[0].strip()
        if name in seen:
            return name
        seen.add(name)
    return None


def exit_code(crawler) -> int:
    """The exit status a finished crawl earned (module docstring)."""
    try:
        stats = crawler.stats
    except RuntimeError:  # the crawl never started ("Crawler.stats is not set yet")
        return EXIT_CONFIG
    if stats.get_value("output/error"):
        return EXIT_OUTPUT
    reason = stats.get_value("finish_reason")
    if reason == "start_error":
        return EXIT_CONFIG
    if reason in ("shutdown", None):  # a signal stopped it (None: a second Ctrl-C, no run.json)
        return EXIT_INTERRUPTED
    requests = stats.get_value("outcomes/requests", 0)
    failed = stats.get_value("outcomes/fetch_failed", 0)
    # Pages skipped because robots.txt was unreachable were not fetched for an outage: a
    # run of them (and failures) reads as "every request failed", not as a success.
    failed += stats.get_value("outcomes/robots_unreachable", 0)
    if requests and failed >= requests:
        return EXIT_ALL_FAILED
    return EXIT_OK
