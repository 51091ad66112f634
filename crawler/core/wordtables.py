"""Word frequencies for the foreign-line decision, in two compact tables.

- English: every word of wordfreq's "large" English list (321,000 words, down to Zipf 1),
  so that a rare English word ("tokenizer", "finetuned") is known and a word the list
  lacks is evidence against English.
- Other languages: the common words (Zipf >= 4) of every other wordfreq language's list
  (39 languages, 318,000 word-language pairs), the words that make a short foreign line
  look English ("de", "la", "som", "vi", "per", "die", "tags", "min").

wordfreq holds a loaded list as Python strings in a dict (30-90 MB for a "large" one) and
never unloads it. Here each entry is one 64-bit integer, (word hash << 16) | (language << 8)
| Zipf x 10, in a sorted `array`: 2.6 MB for English and 2.5 MB for the others, built once
a process from wordfreq's own lists (about a second), which are unloaded again. The hash is
Python's (per process, like the table); 47 of its bits are kept, so two words share a key
with a probability under 1e-3 over the whole table.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from functools import lru_cache

from wordfreq import available_languages, get_frequency_list

from crawler.compat.wordfreq import unload_lists

_HASH_MASK = (1 << 47) - 1
# wordfreq needs MeCab/jieba to look these up; lines in their scripts are caught by script.
_UNLISTED = frozenset({"en", "ja", "ko", "zh"})
COMMON_ZIPF = 4.0  # other languages' words from this frequency up (1 in 100,000 words)


class ZipfTable:
    """word -> [(language, Zipf frequency)], Zipf rounded to 0.1."""

    def __init__(self, keys: array, languages: tuple[str, ...]):
        self.keys, self.languages = keys, languages

    @classmethod
    def from_wordfreq(cls, languages: list[str], wordlist: str, min_zipf: float) -> ZipfTable:
        keys = []
        for index, language in enumerate(languages):
            for rank, bucket in enumerate(get_frequency_list(language, wordlist)):
                zipf = 9.0 - rank / 100  # wordfreq's buckets are centibels below 1 per word
                if zipf < min_zipf:
                    break
                value = (index << 8) | round(zipf * 10)
                keys.extend(_key(word) | value for word in bucket)
            unload_lists()  # one list at a time: never more than one loaded
        return cls(array("q", sorted(keys)), tuple(languages))

    def lookup(self, word: str) -> list[tuple[str, float]]:
        key, keys = _key(word), self.keys
        at, found = bisect_left(keys, key), []
        while at < len(keys) and keys[at] >> 16 == key >> 16:
            found.append((self.languages[(keys[at] >> 8) & 0xFF], (keys[at] & 0xFF) / 10))
            at += 1
        return found

    def zipf(self, word: str) -> float:
        """The frequency in a one-language table, 0.0 for a word it lacks."""
        found = self.lookup(word)
        return max(zipf for _, zipf in found) if found else 0.0

    def __len__(self) -> int:
        return len(self.keys)


def _key(word: str) -> int:
    return (hash(word) & _HASH_MASK) << 16


@lru_cache(maxsize=1)
def english_table() -> ZipfTable:
    return ZipfTable.from_wordfreq(["en"], "large", 0.0)


@lru_cache(maxsize=1)
def common_foreign_table() -> ZipfTable:
    languages = sorted(set(available_languages("small")) - _UNLISTED)
    return ZipfTable.from_wordfreq(languages, "small", COMMON_ZIPF)
