"""How bench/quality.py scores a system's output against a set's expected values.

Pure functions, the same for every system and every set (documented in bench/README.md):

- text: token-level precision / recall / F1 on lower-cased `\\w+` tokens, multiset overlap;
- title: equal after case-folding, NFKC and reducing every run of non-word characters to
  one space (quotes, dashes, a trailing full stop do not count; a word or an entity does);
- authors: equal as sets of names, after both sides are split the same way (",", ";",
  "&", " and ", "|", line breaks), a leading "By" / "Written by" dropped, e-mail addresses,
  URLs and parenthesized asides dropped, and each name compared as a title is;
- date: the same calendar day in UTC (a value without a time of day is that day).

Nothing here decodes an HTML entity: a prediction that kept `&#8217;` fails the match.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime

_TOKEN = re.compile(r"\w+", re.UNICODE)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_NAME_SPLIT = re.compile(r"\s*(?:[,;&|\n]|\band\b)\s*", re.IGNORECASE)
_BY = re.compile(r"^(?:(?:written|posted|edited)\s+)?by\b[:\s]*", re.IGNORECASE)
_ASIDE = re.compile(r"\([^)]*\)")
ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-f]{2,6}|[a-z][a-z0-9]{1,30});", re.IGNORECASE)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def tokens(text: str) -> list[str]:
    """Lowercased word tokens, as used for scoring."""
    return _TOKEN.findall(text.lower())


def score(predicted: str, gold: str) -> Score:
    """Token-level P/R/F1 of `predicted` against `gold` (multiset overlap).

    An empty prediction scores P=R=F1=0, unless the gold is empty too, in
    which case P=R=F1=1.
    """
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    if n_pred == 0:
        return Score(1.0, 1.0, 1.0) if n_ref == 0 else Score(0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    precision = overlap / n_pred
    recall = overlap / n_ref if n_ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return Score(precision, recall, f1)


def title_key(value: str | None) -> str:
    """A title as compared: case, Unicode compatibility forms and punctuation ignored."""
    folded = unicodedata.normalize("NFKC", value or "").casefold()
    return _NON_WORD.sub(" ", folded).strip()


def titles_match(predicted: str | None, gold: str | None) -> bool:
    return bool(title_key(gold)) and title_key(predicted) == title_key(gold)


def author_names(values: str | list[str] | None) -> frozenset[str]:
    """The set of names in one byline string or a list of them, as compared."""
    items = [values] if isinstance(values, str) else list(values or [])
    names = set()
    for item in items:
        for part in _NAME_SPLIT.split(_ASIDE.sub(" ", item)):
            part = _BY.sub("", part.strip())
            if "@" in part or "://" in part:
                continue
            key = title_key(part)
            if key:
                names.add(key)
    return frozenset(names)


def authors_match(predicted: list[str] | None, gold: str | None) -> bool:
    want = author_names(gold)
    return bool(want) and author_names(predicted) == want


def utc_day(value: str | None) -> date | None:
    """The UTC calendar day of an ISO 8601 date or datetime; None when unreadable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    if parsed.tzinfo is None:
        return parsed.date()
    return parsed.astimezone(UTC).date()


def dates_match(predicted: str | None, gold: str | None) -> bool:
    want = utc_day(gold)
    return want is not None and utc_day(predicted) == want


def entities_in(value: str | list[str] | None) -> list[str]:
    """HTML character references left in a value (named or numeric)."""
    items = [value] if isinstance(value, str) else list(value or [])
    return [match for item in items for match in ENTITY.findall(item)]
