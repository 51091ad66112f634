"""Language of a document, and removal of foreign lines inside an English one.

langdetect is seeded (unseeded, labels change between runs) and warmed up
once per process. It is unreliable on short lines, so a line is judged in
steps: script first (a line of Han or Cyrillic letters is foreign without
asking anyone), then a word-frequency check, and langdetect only confirms.
Its probability is not used as a threshold: it is near 1 even when wrong.

langdetect costs about 5 ms a document, so a document is checked cheaply
first: Latin script, and at least 15 % of its words English function words
(English prose: 20-35 %; other languages: under 6 %, measured on wordfreq's
lists for every language it has) is English without asking langdetect. Its
confidence is then 1.0, which is what langdetect reports for such text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from langdetect import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from wordfreq import available_languages, get_frequency_dict, zipf_frequency

from crawler.compat.langdetect import load_factory
from crawler.compat.wordfreq import clear_word_cache, loaded_lists, unload_lists

DetectorFactory.seed = 0
MIN_LETTERS = 100  # below this a document is "und": too short to tell
SAMPLE_CHARS = 4000  # langdetect's answer is stable well before this
# English words that are rare in other languages ("a", "in", "is", "of", "will" are not).
_ENGLISH_MARKERS = frozenset(
    ("the", "and", "to", "that", "for", "it", "with", "this", "are", "from", "by", "at",
     "which", "has", "were", "been", "would", "you", "they", "their", "not", "but", "or",
     "its", "his", "her", "she", "have")
)  # fmt: skip
PLAIN_ENGLISH_SHARE = 0.15  # of words that are markers; other languages stay under 0.06
PLAIN_ENGLISH_MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# English frequencies are only compared with Zipf 3.0 or with another language's "small"
# list, which holds words of Zipf >= 3, so English's "small" list (29 k words, 3 MB) gives
# the answers of its "large" one (321 k words, 32 MB in every worker), but for 352 words
# that the large list rounds to exactly 3.00.
ENGLISH_WORDLIST = "small"
# The other language's frequencies come from wordfreq's "small" lists (words of Zipf >= 3,
# about 3 MB loaded): its "large" ones take 30-90 MB each and wordfreq never unloads a list,
# so a worker that met ten languages held over 400 MB. Rarer words count as English.
OTHER_WORDLIST = "small"
MAX_LOADED_LISTS = 3  # release_caches() unloads other languages' lists beyond this
# wordfreq needs MeCab/jieba for these; lines in their scripts are caught by script anyway.
_WORDFREQ_LANGS = frozenset(available_languages(OTHER_WORDLIST)) - {"ja", "ko", "zh"}


@dataclass(frozen=True)
class LanguageGuess:
    language: str  # ISO 639-1, or "und"
    confidence: float


def warm_up() -> None:
    """Load langdetect's profiles and wordfreq's English list before any worker needs them."""
    _langdetect("This sentence warms up the language profiles once per process. " * 3)
    _common_in_english("the")


def detect_langs(text: str) -> list:
    """langdetect.detect_langs, on profiles held sparsely (crawler.compat.langdetect)."""
    detector = _detector_factory().create()
    detector.append(text)
    return detector.get_probabilities()


@lru_cache(maxsize=1)
def _detector_factory() -> DetectorFactory:
    return load_factory()


def _english(word: str) -> float:
    return zipf_frequency(word, "en", ENGLISH_WORDLIST)


def _common_in_english(word: str) -> bool:
    """Zipf >= 3 in English: `_english(word) >= 3.0`, at a set lookup's cost for plain words.

    wordfreq tokenizes and normalizes every word it is asked about, about 5 us a word;
    a lower-case ASCII word is its own token, so its frequency is the list's entry.
    Apostrophes, hyphens and accents still go through wordfreq.
    """
    if word.isascii() and word.isalpha() and word.islower():
        return word in _common_english_words()
    return _english(word) >= 3.0


@lru_cache(maxsize=1)
def _common_english_words() -> frozenset[str]:
    listed = get_frequency_dict("en", ENGLISH_WORDLIST)
    common = frozenset(word for word in listed if _english(word) >= 3.0)
    clear_word_cache()  # 29,000 answers we now hold in the set
    return common


def release_caches() -> None:
    """Unload other languages' word lists once more than a few are loaded, and wordfreq's
    per-word cache, which holds up to 100,000 words (about 15 MB) before it clears itself."""
    clear_word_cache()
    if loaded_lists() > MAX_LOADED_LISTS:
        unload_lists()
        _english("the")


def detect_document(text: str) -> LanguageGuess:
    sample = text[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return LanguageGuess("und", 0.0)
    if _plainly_english(sample):
        return LanguageGuess("en", 1.0)
    return _langdetect(_case_fold_shouting(sample)) or LanguageGuess("und", 0.0)


def _plainly_english(sample: str) -> bool:
    """Latin script and many English function words: no need to ask langdetect."""
    words = _WORD.findall(sample)
    if len(words) < PLAIN_ENGLISH_MIN_WORDS or (latin_share(sample) or 0.0) < 0.95:
        return False
    markers = sum(word.lower() in _ENGLISH_MARKERS for word in words)
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


def latin_share(line: str) -> float | None:
    if line.isascii():  # the common case, checked in C
        return 1.0 if any(ch.isalpha() for ch in line) else None
    letters = [ch for ch in line if ch.isalpha()]
    if not letters:
        return None
    return sum(_is_latin(ch) for ch in letters) / len(letters)


@lru_cache(maxsize=4096)
def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def english_word_share(line: str, other: str | None = None) -> float:
    """Share of words at least as frequent in English as in `other` (or common in English).

    Names like "OpenAI" are rare everywhere, so they count as English when the
    other language is known; a line of German function words does not.
    """
    words = [w.lower() for w in _WORD.findall(line)]
    if not words:
        return 1.0
    if other in _WORDFREQ_LANGS and other != "en":
        hits = sum(_english(w) >= zipf_frequency(w, other, OTHER_WORDLIST) for w in words)
    else:
        hits = sum(_common_in_english(w) for w in words)
    return hits / len(words)


def foreign_kind(line: str) -> str | None:
    """Why a line inside an English document is not English, or None when it is."""
    share = latin_share(line)
    if share is None:
        return None
    if share < 0.5:
        return "foreign_script"
    if english_word_share(line) >= 0.5:
        return None  # cheap path: most English lines stop here
    guess = _langdetect(line)
    if guess is None or guess.language == "en":
        return None
    return "foreign_language" if english_word_share(line, guess.language) < 0.5 else None


def judge_lines(lines: list[str]) -> list[str | None]:
    """For each line of an English document, why it is foreign, or None when it is English."""
    return [foreign_kind(line) for line in lines]


def strip_foreign_lines(lines: list[str]) -> tuple[list[str], dict[str, int]]:
    kept, removed = [], {}
    for line, kind in zip(lines, judge_lines(lines), strict=True):
        if kind:
            removed[kind] = removed.get(kind, 0) + 1
        else:
            kept.append(line)
    return kept, removed
