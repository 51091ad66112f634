"""langdetect's 55 language profiles, held compactly: about 4 MB a process instead of 57 MB.

langdetect keeps, for each of its 87,598 n-grams, a Python list with one float per
language (55), although an n-gram occurs in 2.1 languages on average. Every extract
worker holds a copy, so the profiles were the largest item in a worker's memory.

Here the n-grams are 64-bit hashes in one sorted `array` (Python's string hash, per
process like the table), each pointing into one `bytes` of packed (language index,
probability) pairs, and the dense list that langdetect's Detector reads is built when it
looks an n-gram up. (A dict of n-gram strings to packed pairs, the first version, held
23 MB: the strings and small objects were most of it.) The profiles are read from
langdetect's own files, in its order and with its arithmetic, so detection (with the same
seed) gives exactly langdetect's answers; a test compares them. This relies on how
langdetect's Detector reads the factory's `word_lang_prob_map` (`ngram in map`, then one
`map[ngram]` lookup), checked for langdetect 1.0.9; with any other release the factory is
langdetect's own.
"""

from __future__ import annotations

import gc
import json
import os
import struct
from array import array
from bisect import bisect_left
from collections.abc import Mapping

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY

from crawler.compat.versions import supported

_PAIR = struct.Struct("<Bd")  # language index, probability


class CompactProfiles(Mapping):
    """n-gram -> the dense per-language list langdetect reads, from packed arrays."""

    def __init__(self, languages: int, hashes: bytes, starts: bytes, pairs: bytes):
        self.languages, self._pairs = languages, pairs
        self._hashes, self._starts = array("q"), array("I")
        self._hashes.frombytes(hashes)
        self._starts.frombytes(starts)

    @classmethod
    def packed(cls, languages: int, packed: dict[str, bytes]) -> tuple:
        """The constructor's arguments from n-gram -> packed pairs."""
        order = sorted(packed, key=hash)
        starts = array("I", [0])
        for ngram in order:
            starts.append(starts[-1] + len(packed[ngram]))
        hashes = array("q", (hash(ngram) for ngram in order))
        return languages, hashes.tobytes(), starts.tobytes(), b"".join(packed[n] for n in order)

    def _index(self, ngram: str) -> int:
        key = hash(ngram)
        at = bisect_left(self._hashes, key)
        return at if at < len(self._hashes) and self._hashes[at] == key else -1

    def __contains__(self, ngram: object) -> bool:
        return isinstance(ngram, str) and self._index(ngram) >= 0

    def __getitem__(self, ngram: str) -> list[float]:
        at = self._index(ngram)
        if at < 0:
            raise KeyError(ngram)
        dense = [0.0] * self.languages
        pairs = self._pairs[self._starts[at] : self._starts[at + 1]]
        for index, probability in _PAIR.iter_unpack(pairs):
            dense[index] = probability
        return dense

    def __len__(self) -> int:
        return len(self._hashes)

    def __iter__(self):
        raise TypeError("CompactProfiles holds n-gram hashes, not the n-grams")

    def nbytes(self) -> int:
        return len(self._pairs) + self._hashes.itemsize * len(self._hashes) + 4 * len(self._starts)


def load_factory(directory: str = PROFILES_DIRECTORY) -> DetectorFactory:
    """A DetectorFactory with every profile in `directory`, as `load_profile` reads them."""
    if not supported("langdetect", "1.0.9", "1.0.10"):
        factory = DetectorFactory()
        factory.load_profile(directory)
        return factory
    arguments, languages = _read_profiles(directory)
    # Built after everything the reading made is freed, so that no long-lived object sits
    # in the allocator's arenas among them and keeps them (about 14 MB) from the system.
    gc.collect()
    factory = DetectorFactory()
    factory.word_lang_prob_map = CompactProfiles(*arguments)
    factory.langlist = languages.decode().split("\n")
    return factory


def _read_profiles(directory: str) -> tuple[tuple, bytes]:
    names = os.listdir(directory)
    packed: dict[str, bytearray] = {}
    languages: list[str] = []
    # langdetect sizes its lists by the directory listing and skips dotfiles after that.
    files = [n for n in names if not n.startswith(".")]
    for index, name in enumerate(n for n in files if os.path.isfile(os.path.join(directory, n))):
        with open(os.path.join(directory, name), encoding="utf-8") as file:
            profile = json.load(file)
        languages.append(profile["name"])
        n_words = profile["n_words"]
        for ngram, count in profile["freq"].items():
            pairs = packed.setdefault(ngram, bytearray())
            if 1 <= len(ngram) <= 3:  # langdetect keeps longer keys, with no probabilities
                pairs += _PAIR.pack(index, 1.0 * count / n_words[len(ngram) - 1])
    return CompactProfiles.packed(len(names), packed), "\n".join(languages).encode()
