"""Parsers for values an operator types (`-a name=value`, `-s NAME=value`).

Each takes the raw value (a string from the command line, or the typed default from
crawler/settings.py) and returns it parsed, or raises ValueError with what is allowed,
phrased to follow "name=value: ".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from crawler.core.canonical import is_fetchable, unescape_surrogates, url_problem
from crawler.core.dates import parse_date

_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def whole_number(minimum: int | None = None, maximum: int | None = None) -> Callable:
    def parse(value) -> int:
        if isinstance(value, bool) or not _is_int(value):
            raise ValueError(f"must be a whole number{_range(minimum, maximum)}")
        number = int(value)
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            raise ValueError(f"must be a whole number{_range(minimum, maximum)}")
        return number

    return parse


def decimal(
    minimum: float | None = None, maximum: float | None = None, above: float | None = None
) -> Callable:
    def parse(value) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = None
        allowed = f"must be a finite number{_range(minimum, maximum, above)}"
        # NaN and infinity: "inf" reached setrlimit and the event loop's timers as an
        # OverflowError on every page (audit 22).
        if isinstance(value, bool) or number is None or not math.isfinite(number):
            raise ValueError(allowed)
        low = (minimum is not None and number < minimum) or (above is not None and number <= above)
        if low or (maximum is not None and number > maximum):
            raise ValueError(allowed)
        return number

    return parse


def flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("must be 1 or 0 (true/false, yes/no)")


def choice(*options: str) -> Callable:
    def parse(value) -> str:
        if value not in options:
            raise ValueError(f"must be one of {', '.join(options)}")
        return value

    return parse


def redis_url(value) -> str:
    """redis://, rediss:// or unix://, with a whole-number database after the host: a
    value without a scheme was opened as a SQLite file of that name in the working folder,
    then failed in Redis's client with a traceback (audit 22)."""
    text = str(value).strip()
    allowed = "must be redis://host:port/db, rediss://host:port/db or unix:///path.sock"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (reading it checks the port)
    except ValueError:
        raise ValueError(allowed) from None
    if parts.scheme not in ("redis", "rediss", "unix"):
        raise ValueError(allowed)
    if parts.scheme != "unix":
        database = parts.path.strip("/")  # no host is localhost, as redis-py reads it
        if database and not database.isdigit():
            raise ValueError(allowed)
    elif not parts.path:
        raise ValueError(allowed)
    return text


def optional(parse: Callable) -> Callable:
    """None (or an empty string, or "None" from the command line) stays None."""

    def parse_optional(value):
        return None if value in (None, "", "None") else parse(value)

    return parse_optional


def zero_or(parse: Callable) -> Callable:
    """0 (off), or a value `parse` accepts: `EXTRACT_MEMORY_LIMIT=0` is no limit."""

    def parse_zero_or(value):
        if _is_int(value) and not isinstance(value, bool) and int(value) == 0:
            return 0
        try:
            return parse(value)
        except ValueError as error:
            raise ValueError(f"must be 0 (off), or {str(error).removeprefix('must be ')}") from None

    return parse_zero_or


def string_list(value) -> list[str]:
    """A list, or a comma-separated string, as Scrapy's `getlist` reads one."""
    return _parts(value, lambda text: text.split(","))


def _parts(value, split: Callable[[str], list[str]]) -> list[str]:
    if value is None:
        return []
    parts = split(value) if isinstance(value, str) else list(value)
    return [str(part).strip() for part in parts if str(part).strip()]


# A comma, or white space (`-a "url=U1 U2"`), starts a new address only when a scheme follows
# it: "?ids=1,2,3" stays one URL ("?q=a,b:c" too: a scheme is followed by "//").
_NEXT_ADDRESS = re.compile(r"(?:,|\s)\s*(?=[A-Za-z][A-Za-z0-9+.-]*://)")


def address_list(value) -> list[str]:
    """A list, or comma-separated URLs; commas inside a URL's path or query are kept, and a
    comma the value ends with (`-a url=U,`) is no part of the last URL. Bytes that are not
    UTF-8 (a shell passes them on) become %XX escapes."""
    parts = _parts(value, _NEXT_ADDRESS.split)
    return [unescape_surrogates(part.rstrip(", ")) for part in parts if part.rstrip(", ")]


def url_list(value) -> list[str]:
    """Addresses an operator typed (-a url=, feed=, sitemap=, start=): at least one, each
    http(s). An empty value (an unset variable in a cron line) or "example.com/a" is refused
    at start; a broken http(s) URL (a port out of range) is left to be its own reject."""
    urls = address_list(value)
    bad = [url for url in urls if not is_fetchable(url)]
    if not urls or bad:
        detail = f"; not {bad[0][:200]!r}" if bad else ""
        raise ValueError(f"must be http(s) URLs, comma-separated{detail}")
    return urls


def http_url(value) -> str:
    text = unescape_surrogates(str(value or "").strip())
    if not is_fetchable(text) or url_problem(text):
        raise ValueError("must be an http(s) URL, e.g. https://example.com/")
    return text


def date(value):
    parsed = parse_date(str(value)) if value else None
    if parsed is None:
        raise ValueError(
            "must be a date between 1990-01-01 and tomorrow, e.g. 2026-11-01 or "
            "2026-11-01T06:00:00Z"
        )
    return parsed


def _is_int(value) -> bool:
    if isinstance(value, int):
        return True
    text = str(value).strip()
    return text.lstrip("+-").isdigit()


def _range(minimum=None, maximum=None, above=None) -> str:
    parts = []
    if above is not None:
        parts.append(f"above {above:g}")
    if minimum is not None:
        parts.append(f">= {minimum:g}")
    if maximum is not None:
        parts.append(f"<= {maximum:g}")
    return " " + " and ".join(parts) if parts else ""
