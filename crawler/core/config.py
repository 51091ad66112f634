"""Checks of the project's settings, before a crawl sends its first request.

A wrong value (`-s MIN_WORDS=abc`, `-s EXTRACT_TIMEOUT=-5`, `-s LANGUAGES=xx`) would
otherwise surface as a bare `invalid literal` traceback, or quietly turn every page into a
reject. Each check here names the setting, the value and what is allowed, in one line.
Values are read as Scrapy reads them: typed in crawler/settings.py, strings from `-s`.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache
from pathlib import Path

from crawler.core.addresses import allowed_entry
from crawler.core.values import (
    choice,
    decimal,
    flag,
    optional,
    redis_url,
    string_list,
    whole_number,
    zero_or,
)


class ConfigError(ValueError):
    """A setting or an argument the crawl cannot run with; the message is one line."""


@cache
def detector_languages() -> frozenset[str]:
    """The languages langdetect has profiles for, as primary tags (`zh-cn` -> `zh`),
    read from its package data without loading the profiles."""
    spec = importlib.util.find_spec("langdetect")
    folder = Path(next(iter(spec.submodule_search_locations))) / "profiles"
    return frozenset(name.split("-")[0] for name in (p.name for p in folder.iterdir()))


def languages(value) -> list[str]:
    """ISO 639-1 codes that the detector knows; empty keeps every language."""
    codes = [code.lower() for code in string_list(value)]
    unknown = [code for code in codes if code not in detector_languages()]
    if unknown:
        known = ", ".join(sorted(detector_languages()))
        raise ValueError(f"unknown language {', '.join(unknown)}: use codes among {known}")
    return codes


def allowed_hosts(value) -> list[str]:
    """Host names, addresses and networks (crawler.core.addresses.allowed_entry)."""
    entries = string_list(value)
    for entry in entries:
        allowed_entry(entry)
    return entries


# Waits past a day are typing mistakes: an hourly crawl could never finish one.
A_DAY = 86_400

# Setting -> parser. A parser returns the value or raises ValueError saying what is allowed.
SETTINGS: dict[str, Callable] = {
    "LANGUAGES": languages,
    "MIN_WORDS": whole_number(minimum=0),
    "MAX_WORDS": whole_number(minimum=1),
    "FAVOR_PRECISION": flag,
    "EXTRACT_WORKERS": optional(whole_number(minimum=0)),
    "EXTRACT_TIMEOUT": decimal(above=0, maximum=A_DAY),
    # Below 256 MB a worker could fail at warm-up or on every page, not on the odd one.
    # A tebibyte is past any worker; 10^14 MB overflowed setrlimit, and every page crashed.
    "EXTRACT_MEMORY_LIMIT": zero_or(whole_number(minimum=256, maximum=1024 * 1024)),
    "SCRAPER_SLOT_MAX_ACTIVE_SIZE": whole_number(minimum=1),
    "PROGRESS_INTERVAL": decimal(minimum=0),
    "SITE_MAX_PAGES": whole_number(minimum=1),
    "BACKLOG_PENDING_MAX": whole_number(minimum=1),
    "SITE_MAX_DEPTH": whole_number(minimum=0),
    "REFRESH_WINDOW": decimal(minimum=0),
    "NEAR_DUPLICATE_ACTION": choice("flag", "skip"),
    "NEAR_DUPLICATE_DISTANCE": whole_number(minimum=0, maximum=64),
    "AI_RELEVANCE_THRESHOLD": decimal(minimum=0, maximum=1),
    "KEEP_OFF_TOPIC": flag,
    "BOILERPLATE_MIN_PAGES": whole_number(minimum=0),
    "CRAWL_DELAY_MAX": decimal(minimum=0, maximum=A_DAY),
    "RETRY_AFTER_MAX": decimal(minimum=0, maximum=A_DAY),
    "IDLE_CLOSE_AFTER": decimal(above=0),
    "LEASE_TIMEOUT": decimal(above=0),
    "WORKER_HEARTBEAT_TTL": whole_number(minimum=1),
    "REDIS_URL": optional(redis_url),
    "ALLOWED_PRIVATE_HOSTS": allowed_hosts,
    # Scrapy's own, where a wrong value fails late or silently
    # A delay of 1e9 s sent nothing and left the crawl deaf to SIGTERM (audit 22).
    "DOWNLOAD_DELAY": decimal(minimum=0, maximum=A_DAY),
    "DOWNLOAD_TIMEOUT": decimal(above=0, maximum=A_DAY),
    "DOWNLOAD_MAXSIZE": whole_number(minimum=0),
    "CONCURRENT_REQUESTS": whole_number(minimum=1),
    "CONCURRENT_REQUESTS_PER_DOMAIN": whole_number(minimum=1),
    "RETRY_TIMES": whole_number(minimum=0),
    "ROBOTSTXT_OBEY": flag,
    "ROBOTSTXT_CACHE_TTL": decimal(minimum=0),
}


# Settings with a whole-number default that Scrapy reads with getfloat.
_DECIMAL_WITH_WHOLE_DEFAULT = frozenset({"CLOSESPIDER_TIMEOUT", "DNS_TIMEOUT"})
_LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "NOTSET")
_STATUS_CODE_LISTS = frozenset({"HTTPERROR_ALLOWED_CODES", "RETRY_HTTP_CODES"})


def _json_object(value) -> dict:
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise ValueError('must be a JSON object, such as {"name": 1}')
    return parsed


def _whole_numbers(value) -> list[int]:
    parse = whole_number()
    try:
        return [parse(part) for part in string_list(value)]
    except ValueError:
        raise ValueError("must be whole numbers, comma-separated") from None


def parser_for(name: str, default) -> Callable | None:
    """How a setting with no check of its own is read from a `-s` string, by the type of its
    default: Scrapy's getbool, getint, getfloat and getdict raised a traceback on `abc`."""
    if name == "LOG_LEVEL":
        return choice(*_LOG_LEVELS)
    if name in _STATUS_CODE_LISTS:
        return _whole_numbers
    if isinstance(default, bool):
        return flag
    # A count, a size or a time is never negative (CLOSESPIDER_TIMEOUT=-5 closed the crawl
    # at once, the URLs given in no count); a priority is (DEPTH_PRIORITY=-1, breadth-first).
    minimum = None if "PRIORITY" in name else 0
    if isinstance(default, float) or name in _DECIMAL_WITH_WHOLE_DEFAULT:
        return decimal(minimum=minimum)
    if isinstance(default, int):
        return whole_number(minimum=minimum)
    if isinstance(default, dict):
        return _json_object
    return None


def check_settings(settings: Mapping, defaults: Mapping | None = None) -> dict[str, object]:
    """Every known setting parsed, or ConfigError for the first that is wrong. `defaults`
    (Scrapy's and the project's): a setting given as a string is read by its default's type
    (parser_for), and the parsed value is returned with the others."""
    parsed = {}
    for name, default in (defaults or {}).items():
        value, parse = settings.get(name), parser_for(name, default)
        if name not in SETTINGS and parse is not None and isinstance(value, str):
            parsed[name] = _parsed(name, value, parse)
    for name, parse in SETTINGS.items():
        parsed[name] = _parsed(name, settings.get(name), parse)
    if parsed["MAX_WORDS"] <= parsed["MIN_WORDS"]:
        raise ConfigError(
            f"setting MAX_WORDS={parsed['MAX_WORDS']!r}: must be above MIN_WORDS "
            f"({parsed['MIN_WORDS']})"
        )
    for name in ("OUTPUT_DIR", "SOURCES_FILE"):
        if not str(settings.get(name) or "").strip():
            raise ConfigError(f"setting {name}={settings.get(name)!r}: must be a path")
    check_output_dir(Path(settings.get("OUTPUT_DIR")))
    if str(settings.get("JOBDIR") or "").strip():
        # Scrapy makes it with os.makedirs when the crawler is built: a file there was a
        # FileExistsError traceback, and exit 0.
        check_writable_dir("JOBDIR", Path(settings.get("JOBDIR")))
    return parsed


def check_setting_names(given: Iterable[str], known: Collection[str]) -> None:
    """A name given with `-s` that is not a setting but nearly is one is a typo, refused:
    `DOWNLOAD_DELAYY=30` crawled at the default delay, `MIN_WORD=5000` kept every page, and
    no line said so (audit 22). A name far from every known one may be an extension's own."""
    names = set(known)
    for name in given:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.85)
            if close:
                raise ConfigError(f"setting {name}: no such setting; did you mean {close[0]}?")


def _parsed(name: str, value, parse: Callable):
    try:
        return parse(value)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"setting {name}={value!r}: {error}") from None


def check_feed_targets(feeds: Mapping) -> None:
    """Each local file a feed export (`-o`/`-O`) writes must be one we can create: Scrapy
    opens it at the first record, and an unwritable one was a logged traceback, no export
    and exit 0. Targets with placeholders (`%(name)s`) and remote ones are left to Scrapy."""
    for uri in feeds:
        target = str(uri)
        if "%(" in target or ("://" in target and not target.startswith("file://")):
            continue
        path = Path(target.removeprefix("file://"))
        existing = _nearest_existing(path.parent)
        if path.exists() and (path.is_dir() or not os.access(path, os.W_OK)):
            raise ConfigError(f"feed export {target!r}: cannot write it")
        if not existing.is_dir():
            raise ConfigError(f"feed export {target!r}: {existing} is not a directory")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise ConfigError(f"feed export {target!r}: {existing} is not writable")


def check_output_dir(path: Path) -> None:
    """The run directory's parent must be a directory we can create and write."""
    check_writable_dir("OUTPUT_DIR", path)


def check_spider_output_dir(output_dir: Path, spider: str) -> None:
    """The spider's folder in OUTPUT_DIR, which holds its run directories and `latest`, when
    it is there already: one a run as another user left (under sudo) stopped the crawl
    after it had started, with the output error's exit code 3."""
    folder = output_dir / spider
    if not folder.exists() and not folder.is_symlink():
        return  # made in OUTPUT_DIR, checked with the settings
    if not folder.is_dir():
        raise ConfigError(f"setting OUTPUT_DIR={str(output_dir)!r}: {folder} is not a directory")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ConfigError(f"setting OUTPUT_DIR={str(output_dir)!r}: {folder} is not writable")


def check_writable_dir(name: str, path: Path) -> None:
    """The setting `name` names a directory that is there or can be made, and written."""
    existing = _nearest_existing(path)
    if not existing.is_dir():
        where = "" if existing == path else f" ({existing} is a file)"
        raise ConfigError(f"setting {name}={str(path)!r}: is not a directory{where}")
    if not os.access(existing, os.W_OK | os.X_OK) or not _can_make_dir_in(existing):
        raise ConfigError(f"setting {name}={str(path)!r}: {existing} is not writable")


def _can_make_dir_in(directory: Path) -> bool:
    """A directory made and removed there: os.access says yes to root everywhere, and
    OUTPUT_DIR=/proc/forbidden was refused later as the state store's path, not as
    OUTPUT_DIR (operator audit 42)."""
    try:
        with tempfile.TemporaryDirectory(dir=directory, prefix=".write-check-"):
            return True
    except OSError:
        return False


def _nearest_existing(path: Path) -> Path:
    """`path`, or the nearest of its parents that exists: where creating it would start."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path
