"""JSON as pages and feeds serve it: `\\ud800` escapes and all.

JSON may escape half of a UTF-16 surrogate pair alone (a CMS that cut a description in the
middle of an emoji writes one), and `json.loads` keeps it as a lone surrogate, which no
encoder writes: the record of an English article with one in its JSON-LD author ended as
`internal_error` every run, and a JSON Feed item's URL with one stopped the feed (audit 25).
The strings are read without them.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def loads(text: str, *, strict: bool = True) -> Any:
    """`json.loads`, lone surrogates left out of every string, and an integer too long
    for Python to convert kept as its digits; raises as it does."""
    return _mended(json.loads(text, strict=strict, parse_int=_integer))


def _integer(digits: str) -> int | str:
    """A JSON integer; past Python's limit on digits (4,300: `int()` refuses more, a guard
    against quadratic conversion), its digits as a string. A 5,000-digit item id made
    json.loads raise, and the whole JSON Feed was a `bad_feed` (audit 36); nothing reads
    such a number as a number."""
    limit = sys.get_int_max_str_digits()  # 0: no limit
    if limit and len(digits.lstrip("-")) > limit:
        return digits
    return int(digits)


def _mended(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("", value) if _LONE_SURROGATE.search(value) else value
    if isinstance(value, list):
        return [_mended(item) for item in value]
    if isinstance(value, dict):
        return {_mended(key): _mended(item) for key, item in value.items()}
    return value
