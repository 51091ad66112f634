"""Language of a document, and removal of foreign lines inside an English one.

langdetect is seeded (unseeded, labels change between runs) and warmed up
once per process. It names the language of documents; lines inside an English
document are judged by crawler.core.foreign_lines (script, then word frequencies
compared per candidate language), where langdetect was unreliable on short lines
and cost about 95 ms a long one.

langdetect costs about 5 ms a document, so a document is checked cheaply
first: Latin script, and at least 15 % of its words English function words
(English prose: 20-35 %; other languages: under 6 %, measured on wordfreq's
lists for every language it has) is English without asking langdetect. Its
confidence is then 1.0, which is what langdetect reports for such text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from langdetect import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from crawler.compat.langdetect import load_factory
from crawler.compat.wordfreq import clear_word_cache, loaded_lists, unload_lists
from crawler.core.foreign_lines import (
    ENGLISH_MARKERS,
    PLAIN_ENGLISH_SHARE,
    foreign_kind,
    judge_lines,
    latin_share,
    strip_foreign_lines,
)
from crawler.core.wordtables import common_foreign_table, english_table

__all__ = [
    "LanguageGuess",
    "detect_document",
    "detect_langs",
    "foreign_kind",
    "judge_lines",
    "latin_share",
    "primary_tag",
    "release_caches",
    "strip_foreign_lines",
    "warm_up",
]

DetectorFactory.seed = 0
MIN_LETTERS = 100  # below this a document is "und": too short to tell
SAMPLE_CHARS = 4000  # langdetect's answer is stable well before this
PLAIN_ENGLISH_MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class LanguageGuess:
    language: str  # ISO 639-1, or "und"
    confidence: float


def warm_up() -> None:
    """Load langdetect's profiles and build the word tables before any worker needs them."""
    _langdetect("This sentence warms up the language profiles once per process. " * 3)
    english_table()
    common_foreign_table()


def detect_langs(text: str) -> list:
    """langdetect.detect_langs, on profiles held sparsely (crawler.compat.langdetect)."""
    detector = _detector_factory().create()
    detector.append(text)
    return detector.get_probabilities()


@lru_cache(maxsize=1)
def _detector_factory() -> DetectorFactory:
    return load_factory()


def detector_factory() -> DetectorFactory:
    """The process's langdetect factory (its profiles held sparsely), loaded once."""
    return _detector_factory()


def release_caches() -> None:
    """Forget wordfreq's per-word answers and any list it loaded: the line decision reads
    its own tables (crawler.core.wordtables), which do not grow."""
    clear_word_cache()
    if loaded_lists():
        unload_lists()


# A run of 60 ASCII letters is no word of any language written in Latin letters: filler or
# an encoded blob ("TTTT…", base64), whose letters would outvote the sentences around it.
_NOT_A_WORD = re.compile(r"[A-Za-z]{60,}")


def detect_document(text: str) -> LanguageGuess:
    if _NOT_A_WORD.search(text, 0, SAMPLE_CHARS + 60):
        text = _NOT_A_WORD.sub(" ", text)
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return LanguageGuess("und", 0.0)
    if _plainly_english(sample):
        return LanguageGuess("en", 1.0)
    return _langdetect(_case_fold_shouting(sample)) or LanguageGuess("und", 0.0)


_LETTER_RUNS = re.compile(r"[^\W\d_]+")  # every letter is in one (with the odd "²" too)


def _has_letters(sample: str, count: int) -> bool:
    """At least `count` letters (str.isalpha) in `sample`, counted run by run in C rather
    than character by character in Python, and no further than needed."""
    seen = 0
    for run in _LETTER_RUNS.finditer(sample):
        word = run.group()
        seen += len(word) if word.isalpha() else sum(ch.isalpha() for ch in word)
        if seen >= count:
            return True
    return False


def _plainly_english(sample: str) -> bool:
    """Latin script and many English function words: no need to ask langdetect."""
    words = _WORD.findall(sample)
    if len(words) < PLAIN_ENGLISH_MIN_WORDS or (latin_share(sample) or 0.0) < 0.95:
        return False
    markers = sum(word.lower() in ENGLISH_MARKERS for word in words)
    return markers >= PLAIN_ENGLISH_SHARE * len(words)


def _case_fold_shouting(text: str) -> str:
    # langdetect reads ALL-CAPS English as German or Dutch.
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return text.lower() if letters and upper / len(letters) > 0.6 else text


def _langdetect(text: str) -> LanguageGuess | None:
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None
    return LanguageGuess(best.lang.split("-")[0].lower(), round(float(best.prob), 4))


def primary_tag(declared: str | None) -> str | None:
    """`zh-CN` -> `zh`, `en_US` -> `en`; None for empty or malformed values."""
    if not declared:
        return None
    tag = re.split(r"[-_]", declared.strip())[0].lower()
    return tag if re.fullmatch(r"[a-z]{2,3}", tag) else None
