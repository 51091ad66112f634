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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from langdetect import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from crawler.compat.langdetect import load_factory
from crawler.compat.wordfreq import clear_word_cache, loaded_lists, unload_lists
from crawler.core.foreign_lines import (
    ENGLISH_MARKERS,
    PLAIN_ENGLISH_SHARE,
    RULES,
    foreign_evidence,
    foreign_kind,
    is_code_line,
    judge_lines,
    latin_share,
    line_words,
    strip_foreign_lines,
)
from crawler.core.model import UNSPACED_LETTER, count_words
from crawler.core.wordtables import common_foreign_table, english_table

__all__ = [
    "DocumentLanguage",
    "LanguageGuess",
    "detect_document",
    "detect_langs",
    "foreign_kind",
    "judge_document",
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
    # Not English, in a language no profile names (Irish, Scots, a script langdetect has no
    # n-grams for): "und", but known to be foreign.
    unnamed_foreign: bool = False

    @property
    def foreign(self) -> bool:
        return self.unnamed_foreign or self.language not in ("en", "und")


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
    """A first opinion on the document's language, from its first SAMPLE_CHARS: "und"
    under MIN_LETTERS letters, English by its function words, else langdetect's; in a
    script langdetect has no n-grams for (Tibetan, Burmese, Sinhala), the script's
    language. `judge_document` checks it line by line."""
    if _NOT_A_WORD.search(text, 0, SAMPLE_CHARS + 60):
        text = _NOT_A_WORD.sub(" ", text)
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return LanguageGuess("und", 0.0)
    if _plainly_english(sample):
        return LanguageGuess("en", 1.0)
    return _langdetect(_case_fold_shouting(sample)) or _script_language(sample)


@dataclass(frozen=True)
class DocumentLanguage:
    guess: LanguageGuess
    lines: list[str] | None  # an English document's lines less its foreign ones; else None
    removed: dict[str, int]  # foreign lines removed, by kind


# An English document quoting a long foreign passage can fall under the function-word share
# (the quote's words count too) and langdetect may then name the quote's language: its lines
# are judged one by one when at least this share of its words are English function words
# (other languages have under 6 %; Danish or Norwegian with English terms up to 10 %).
MAYBE_ENGLISH_SHARE = 0.05


def judge_document(text: str, code: frozenset[str] = frozenset()) -> DocumentLanguage:
    """The document's language, decided by its words: English when the lines the line
    decision (crawler.core.foreign_lines) calls English hold most of its words, whatever
    langdetect said of the whole. langdetect has no profile for Irish, Scots or Gaelic and
    calls them English, and English terms tip a Breton or Kurdish article its way: such a
    document, its foreign lines removed, was emitted as the few English lines it quoted, or
    was `too_short` without its record. An English article quoting a Finnish passage was
    called Finnish. Lines of code (`code`) are no language's and are not counted."""
    guess = detect_document(text)
    if guess.language == "und" and not guess.unnamed_foreign:
        return DocumentLanguage(guess, None, {})
    if guess.language != "en" and not _may_be_english(text[:SAMPLE_CHARS]):
        return DocumentLanguage(guess, None, {})
    lines = text.split("\n")
    verdicts = judge_lines(lines)
    english = foreign = 0.0
    kept, removed = [], {}
    for line, kind in zip(lines, verdicts, strict=True):
        is_code = is_code_line(line, code)
        if kind and not is_code:
            removed[kind] = removed.get(kind, 0) + 1
            foreign += _word_equivalents(line)
            continue
        kept.append(line)
        if is_code or not _LETTER.search(line):  # code, or figures alone: no language's
            continue
        # Against langdetect's word, a line counts as English only if its words are: a
        # Norwegian paragraph with an English quotation in it passes the line decision's
        # function-word test ("for", "at" and "her" are Norwegian too).
        if guess.language != "en" and foreign_evidence(line_words(line)) > RULES.margin:
            foreign += _word_equivalents(line)
        else:
            english += _word_equivalents(line)
    if not english and not foreign:  # no line of words but code: as the first opinion said
        english_kept = guess.language == "en"
        return DocumentLanguage(
            guess, kept if english_kept else None, removed if english_kept else {}
        )
    if english > foreign:
        if guess.language != "en":
            guess = LanguageGuess("en", round(english / (english + foreign), 4))
        return DocumentLanguage(guess, kept, removed)
    if guess.language == "en":
        foreign_lines = [line for line, kind in zip(lines, verdicts, strict=True) if kind]
        guess = _named_foreign("\n".join(foreign_lines), foreign / (english + foreign or 1))
    return DocumentLanguage(guess, None, {})


_LETTER = re.compile(r"[^\W\d_]")


def _word_equivalents(line: str) -> float:
    """Words, a letter of a script written without spaces as half of one (count_words
    counts each as a word; a Chinese word has one to three): a Chinese quotation in an
    English article weighed as twice its length."""
    words = count_words(line)
    if line.isascii():
        return words
    # Letters only, as count_words counts them (a Burmese line's vowel signs are marks).
    letters = sum(unicodedata.category(ch)[0] == "L" for ch in UNSPACED_LETTER.findall(line))
    return max(0.0, words - letters / 2)


def _may_be_english(sample: str) -> bool:
    words = _WORD.findall(sample)
    markers = sum(word.lower() in ENGLISH_MARKERS for word in words)
    return bool(words) and markers >= MAYBE_ENGLISH_SHARE * len(words)


# A language langdetect gives under this probability is not named: Irish read as Spanish.
MIN_NAMED_PROBABILITY = 0.5


def _named_foreign(text: str, share: float) -> LanguageGuess:
    """The language of a document's foreign lines, which outweigh its English ones: the
    best language langdetect finds in them other than English, else the script's, else an
    unnamed foreign language."""
    try:
        candidates = detect_langs(text[:SAMPLE_CHARS])
    except LangDetectException:
        candidates = []
    for candidate in candidates:
        language = candidate.lang.split("-")[0].lower()
        if language != "en" and candidate.prob >= MIN_NAMED_PROBABILITY:
            return LanguageGuess(language, round(float(candidate.prob), 4))
    script = _script_language(text[:SAMPLE_CHARS])
    if script.language != "und":
        return script
    return LanguageGuess("und", round(share, 4), unnamed_foreign=True)


# Scripts langdetect has no n-grams for, by the first word of their letters' Unicode names.
_SCRIPT_LANGUAGES = {
    "TIBETAN": "bo", "MYANMAR": "my", "SINHALA": "si", "KHMER": "km", "LAO": "lo",
    "ETHIOPIC": "am", "GEORGIAN": "ka", "ARMENIAN": "hy", "THAANA": "dv", "MONGOLIAN": "mn",
    "JAVANESE": "jv", "ORIYA": "or",
}  # fmt: skip


def _script_language(sample: str) -> LanguageGuess:
    """For a document langdetect cannot read: when most of its letters are not Latin, the
    language its script names (or an unnamed foreign one); else "und"."""
    share = latin_share(sample)
    if share is None or share >= 0.5:
        return LanguageGuess("und", 0.0)
    scripts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha() and not ch.isascii():
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            scripts[script] = scripts.get(script, 0) + 1
    script = max(scripts, key=scripts.__getitem__, default="")
    language = _SCRIPT_LANGUAGES.get(script)
    if language is None:
        return LanguageGuess("und", round(1 - share, 4), unnamed_foreign=True)
    return LanguageGuess(language, round(scripts[script] / sum(scripts.values()), 4))


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
