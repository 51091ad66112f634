"""Which lines of an English document are foreign, and why.

A line is judged in steps, cheapest first:

1. Script: a line whose letters are mostly not Latin (Han, Cyrillic, Arabic, ...) is
   foreign without looking further.
2. Plain English: a line of 12 words or more, 15 % of them English function words, is
   English (English prose has 20-35 %, other languages under 6 %). Most paragraphs stop here.
3. Word evidence, per candidate language: each word's frequency in the language against
   its frequency in English (crawler.core.wordtables), summed over the line. The candidates
   are the languages its words are common in, plus "a language our lists lack", where every
   word is given the frequency of an ordinary word (Zipf 3). The line is foreign when its
   best candidate explains it `margin` better than English does.

English is compared with one language at a time, so a line of words that are each common
somewhere ("Add tags to documents": "tags" in German, "to" in Norwegian) stays English,
while "Informationer, som vi gemmer" is Danish in all its words. English's list is the
large one, so a word English lacks ("gemmer", "Avaktivera") is evidence against it, and a
rare English word ("backtesting") is not. Capitalized words count for half when foreign:
they may be names; a line of names only for a quarter. A word the document's own plainly
English lines use counts as English (judge_lines). Measured on bench/language.py's
dev set, a second detector (fastText's lite model) and the context of neighbouring lines
added nothing once the words were compared per language (bench/README.md).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from crawler.core.model import UNSPACED_LETTER
from crawler.core.wordtables import common_foreign_table, english_table

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# English words that are rare in other languages ("a", "in", "is", "of", "will" are not).
ENGLISH_MARKERS = frozenset(
    ("the", "and", "to", "that", "for", "it", "with", "this", "are", "from", "by", "at",
     "which", "has", "were", "been", "would", "you", "they", "their", "not", "but", "or",
     "its", "his", "her", "she", "have")
)  # fmt: skip
PLAIN_ENGLISH_SHARE = 0.15
PLAIN_LINE_MIN_WORDS = 12


@dataclass(frozen=True)
class LineRules:
    """The word-evidence step's constants, in Zipf units (log10 of a word's frequency per
    billion words: "the" 7.7, "model" 5.2, "tokenizer" 2.3). Tuned on the dev set's
    tuning half (bench/language.py)."""

    margin: float = 1.5  # foreign when a language explains the line this much better
    ordinary_zipf: float = 3.0  # a word's frequency in a language whose list lacks it
    english_floor: float = 1.0  # ... in English when the large list lacks it
    known_english_gap: float = 0.5  # ... at most this above its English one if English has it
    clip: float = 3.0  # no single word moves the score more than this
    name_weight: float = 0.5  # a capitalized word's foreign evidence: it may be a name
    min_letters: int = 2  # shorter words (initials, the "v" of "v3") are not evidence


RULES = LineRules()


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def latin_share(line: str) -> float | None:
    """The share of the line's letters that are Latin, a letter of a script written
    without spaces (Han, kana, Thai) weighing UNSPACED_WEIGHT: one says as much as a few
    Latin letters, and a Chinese sentence with English terms in it is Chinese. At 3, the
    English gold texts of ../shared lost a Wikipedia reference to a Japanese title."""
    if line.isascii():  # the common case, checked in C
        return 1.0 if _ASCII_LETTER.search(line) else None
    latin = other = 0.0
    for ch in line:
        if ch.isalpha():
            if _is_latin(ch):
                latin += 1
            else:
                other += UNSPACED_WEIGHT if UNSPACED_LETTER.match(ch) else 1
    return latin / (latin + other) if latin + other else None


UNSPACED_WEIGHT = 2


@lru_cache(maxsize=4096)
def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def foreign_kind(
    line: str, rules: LineRules = RULES, known: frozenset[str] = frozenset()
) -> str | None:
    """Why a line inside an English document is not English, or None when it is; `known`
    are words the document's own English prose uses (judge_lines)."""
    kind = _script_kind(line)
    if kind is not _UNDECIDED or _plainly_english(_prose_words(line)):
        return kind if kind is not _UNDECIDED else None
    return _word_kind(line, rules, known)


_UNDECIDED = "undecided"


def _script_kind(line: str) -> str | None:
    """ "foreign_script", None for a line without letters, else _UNDECIDED."""
    share = latin_share(line)
    if share is None:
        return None
    return "foreign_script" if share < 0.5 else _UNDECIDED


def _word_kind(line: str, rules: LineRules, known: frozenset[str]) -> str | None:
    words = line_words(line, rules)
    if not words or _list_of_names(line) or _person_with_initials(line) or _sign_off(line):
        return None
    if foreign_evidence(words, rules, known) <= rules.margin:
        return None
    return None if _quoted_in_english(line, rules, known) else "foreign_language"


# A long line of capitalized words and figures, with few lower-case words between them: a
# table or list of people and places ("Caolán McNamara 4307 19.5% Tomaž Vajngerl 658"), not
# a sentence. A foreign sentence has its lower-case words (articles, verbs, particles).
NAMES_LINE_MIN_WORDS = 8
NAMES_LINE_LOWER_SHARE = 0.25


def _list_of_names(line: str) -> bool:
    words = _WORD.findall(line)
    if len(words) < NAMES_LINE_MIN_WORDS:
        return False
    lower = sum(not word[0].isupper() for word in words)  # a script without case counts too
    return lower < NAMES_LINE_LOWER_SHARE * len(words)


# A person's name with an initial ("F. Kooman", "Michiel B. de Jong", "J. R. R. Tolkien"):
# capitalized words and name particles only, one of them a single capital and a period.
_INITIAL = re.compile(r"(?<![^\s(\[-])[A-Z]\.(?=\s|$)")
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le"})
MAX_NAME_LINE_WORDS = 6


def _person_with_initials(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= MAX_NAME_LINE_WORDS or not _INITIAL.search(line):
        return False
    return all(word[:1].isupper() or word in _NAME_PARTICLES for word in words)


# A writer's sign-off after a dash, "— Ben", "- Jo Li": a name, in no language ("ben" is
# Dutch and Norwegian for "am", and the line went as a foreign fragment).
_SIGN_OFF = re.compile(r"^[—–-]\s*[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}$")


def _sign_off(line: str) -> bool:
    return bool(_SIGN_OFF.match(line)) and all(word[0].isupper() for word in line[1:].split())


# A quotation in double quotes or guillemets, and an English reporting verb outside it:
# "“Wir schaffen das,” Merkel said." is an English sentence that quotes someone.
_QUOTATION = re.compile(r"[“\"«„][^“”\"«»„]{2,}[”\"»“]")
_REPORTING = frozenset(
    ("said", "says", "told", "asked", "added", "wrote", "writes", "replied", "explained",
     "recalled", "noted", "shouted", "according", "insisted", "joked", "tweeted", "posted")
)  # fmt: skip


def _quoted_in_english(line: str, rules: LineRules, known: frozenset[str]) -> bool:
    """The line's foreign words are all inside a quotation that English words report."""
    if not _QUOTATION.search(line):
        return False
    rest = _QUOTATION.sub(" ", line)
    words = line_words(rest, rules)
    if not any(word in _REPORTING for word, _ in words):
        return False
    return foreign_evidence(words, rules, known) <= rules.margin


def line_words(line: str, rules: LineRules = RULES) -> list[tuple[str, float]]:
    """(case-folded word, weight of its foreign evidence) pairs, as wordfreq's lists spell
    words: "don't" whole where English has it, "l'homme" as "homme". Chunks that are no
    language's words are left out: addresses, file and domain names, code, letters run
    into digits. A capitalized word may be a name and weighs `name_weight`; a word with
    inner capitals ("BBEdit", "iMore") or a short acronym is a name and weighs nothing."""
    found = []
    for chunk in line.replace("’", "'").split():
        if not _NOT_WORDS.search(chunk):
            for token in _WORD.findall(chunk):
                if "'" in token and not english_zipf(token.casefold()):
                    found += [part for part in token.split("'") if part]
                else:
                    found.append(token)
    words = [word for word in found if len(word) >= rules.min_letters]
    return [(word.casefold(), _weight(word, rules, len(words))) for word in words]


# "://", "@", "a.b" (domains, files), "_", "=", "$", "()" and a letter next to a digit.
_NOT_WORDS = re.compile(r"://|@|[^\W\d_]\.[^\W\d_]|[_=$]|\(\)|[^\W\d_]\d|\d[^\W\d_]")


def _weight(word: str, rules: LineRules, count: int) -> float:
    if any(ch.isupper() for ch in word[1:]) and not (word.isupper() and len(word) > 4):
        return 0.0
    if word[:1].isupper() and count > 1 and (word.isascii() or english_zipf(word.casefold())):
        return rules.name_weight  # "Müller" may be a name too, but "Përgjithshëm" is not
    return 1.0


def english_zipf(word: str) -> float:
    """The word's Zipf frequency in English, 0.0 for a word the large list lacks."""
    return english_table().zipf(word)


def _prose_words(line: str) -> list[str]:
    return _WORD.findall(line.lower())


def _plainly_english(words: list[str]) -> bool:
    if len(words) < PLAIN_LINE_MIN_WORDS:
        return False
    return sum(word in ENGLISH_MARKERS for word in words) >= PLAIN_ENGLISH_SHARE * len(words)


def foreign_evidence(
    words: list[tuple[str, float]], rules: LineRules = RULES, known: frozenset[str] = frozenset()
) -> float:
    """How much better the best candidate language explains the words than English does.

    Every candidate starts from the score of "a language our lists lack" (each word an
    ordinary one) and differs from it only in the words it holds as common, so the cost
    is one pass over the words and one over their table entries."""
    # A line of names only ("Dan Petrovic", "By LAURAN NEERGAARD") counts them for less.
    damp = 0.5 if len(words) > 1 and all(weight < 1.0 for _, weight in words) else 1.0
    unlisted, gains = 0.0, {}
    for word, weight in words:
        english, common = _frequencies(word)
        if word in known:  # the document's own English: no evidence against English
            english = max(english, rules.ordinary_zipf, *(zipf for _, zipf in common))
        english = max(english, rules.english_floor)
        ordinary = _signed(_ordinary(english, rules) - english, weight * damp, rules)
        unlisted += ordinary
        for language, zipf in common:
            gain = _signed(zipf - english, weight * damp, rules) - ordinary
            gains[language] = gains.get(language, 0.0) + gain
    return unlisted + max(0.0, max(gains.values(), default=0.0))


@lru_cache(maxsize=4096)  # a page repeats its words; about 1 MB when full
def _frequencies(word: str) -> tuple[float, tuple[tuple[str, float], ...]]:
    return english_zipf(word), tuple(common_foreign_table().lookup(word))


def _signed(difference: float, weight: float, rules: LineRules) -> float:
    """A word's evidence: clipped, and weighted only when it speaks against English."""
    difference = max(-rules.clip, min(rules.clip, difference))
    return difference * weight if difference > 0 else difference


def _ordinary(english: float, rules: LineRules) -> float:
    """A word's frequency in a language whose list lacks it: an ordinary word's, but a word
    English knows, however rarely ("backtesting"), is not much more likely foreign."""
    if english <= rules.english_floor:
        return rules.ordinary_zipf
    return min(rules.ordinary_zipf, english + rules.known_english_gap)


def judge_lines(lines: list[str], rules: LineRules = RULES) -> list[str | None]:
    """For each line of an English document, why it is foreign, or None when it is English.

    A word the document's own plainly English lines use is its vocabulary, however rare in
    English or common elsewhere: the names of its people, its terms ("enqueued"), its
    products. In the other lines such a word is no evidence against English, so a short
    line of them (a subheading, a list of names) is not judged foreign on their account,
    while a foreign fragment's words are not in the English prose around it."""
    verdicts: list[str | None] = []
    undecided: list[int] = []
    known: set[str] = set()
    for index, line in enumerate(lines):
        kind = _script_kind(line)
        if kind is _UNDECIDED:
            words = _prose_words(line)
            if _plainly_english(words):
                known.update(words)
                kind = None
            else:
                undecided.append(index)
        verdicts.append(kind)
    vocabulary = frozenset(known)
    numbered = _numbers(lines)
    for index in undecided:
        if _in_english_run(index, lines[index], numbered, verdicts):
            verdicts[index] = None
        else:
            verdicts[index] = _word_kind(lines[index], rules, vocabulary)
    return verdicts


# A numbered item: "4. Genmoji", a listicle's heading between "3. Image Playground" and "5.
# Reduce Interruptions Focus" (audit 37). A coined name is no word of any list, so alone it
# read as a language our lists lack; in a run of English items it is the run's.
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+\S")


def _numbers(lines: list[str]) -> dict[int, list[int]]:
    """The numbered items' line indices by their number."""
    found: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        match = _NUMBERED.match(line)
        if match:
            found.setdefault(int(match.group(1)), []).append(index)
    return found


# A name, not a sentence: a translated list ("1. Beba agua …" under "1. Drink water …") is
# judged line by line (the review).
MAX_RUN_ITEM_WORDS = 3
RUN_REACH = 3  # lines between an item and its neighbour: a paragraph under each heading


def _in_english_run(index: int, line: str, numbered: dict[int, list[int]], verdicts: list) -> bool:
    """The line is a short item N of a run whose item N-1 or N+1, a few lines away, is
    plainly English."""
    match = _NUMBERED.match(line)
    if match is None or len(line.split()) - 1 > MAX_RUN_ITEM_WORDS:
        return False
    number = int(match.group(1))
    neighbours = numbered.get(number - 1, []) + numbered.get(number + 1, [])
    return any(
        0 < abs(other - index) <= RUN_REACH and verdicts[other] is None for other in neighbours
    )


def strip_foreign_lines(
    lines: list[str], code: frozenset[str] = frozenset()
) -> tuple[list[str], dict[str, int]]:
    """The English document's lines less its foreign ones, and how many of each kind went.
    Lines of code (`code`, with spaces collapsed: a page's <pre> and <code> lines) are no
    language's: `resp = requests.post(` was judged foreign and a program lost a line."""
    kept, removed = [], {}
    for line, kind in zip(lines, judge_lines(lines), strict=True):
        if kind and not is_code_line(line, code):
            removed[kind] = removed.get(kind, 0) + 1
        else:
            kept.append(line)
    return kept, removed


# A display formula alone on its line, as a list item too: "\\[…\\]", "\\(…\\)" or "$$…$$".
_FORMULA_LINE = re.compile(r"^(?:[-*•]\s+)?(?:\\\[.*\\\]|\\\(.*\\\)|\$\$.*\$\$)\s*$")


def is_code_line(line: str, code: frozenset[str]) -> bool:
    """One of the page's <pre> and <code> lines (`code`, spaces collapsed), or a formula
    on a line of its own (crawler.core.formulas writes its TeX between delimiters): no
    language's, though "\\[\\mathrm {softmax} (QK^{T})\\]" reads as a foreign word."""
    if _FORMULA_LINE.match(line):
        return True
    return bool(code) and " ".join(line.split()) in code
