"""langdetect's 55 language profiles, held sparsely: 23 MB a process instead of 57 MB.

langdetect keeps, for each of its 87,598 n-grams, a Python list with one float per
language (55), although an n-gram occurs in 2.1 languages on average. Every extract
worker holds a copy, so the profiles were the largest item in a worker's memory.

Here each n-gram maps to packed (language index, probability) pairs, and the
dense list that langdetect's Detector reads is built when it looks an n-gram up.
The profiles are read from langdetect's own files, in its order and with its
arithmetic, so detection (with the same seed) gives exactly langdetect's answers;
a test compares them. This relies on how langdetect's Detector reads the factory's
`word_lang_prob_map` (one `map[ngram]` lookup per n-gram), checked for langdetect 1.0.9;
with any other release the factory is langdetect's own.
"""

from __future__ import annotations

import json
import os
import struct

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY

from crawler.compat.versions import supported

_PAIR = struct.Struct("<Bd")  # language index, probability


class SparseProfiles(dict):
    """n-gram -> packed pairs; `profiles[ngram]` is the dense per-language list."""

    def __init__(self, languages: int):
        super().__init__()
        self.languages = languages

    def __getitem__(self, ngram: str) -> list[float]:
        dense = [0.0] * self.languages
        for index, probability in _PAIR.iter_unpack(dict.__getitem__(self, ngram)):
            dense[index] = probability
        return dense


def load_factory(directory: str = PROFILES_DIRECTORY) -> DetectorFactory:
    """A DetectorFactory with every profile in `directory`, as `load_profile` reads them."""
    if not supported("langdetect", "1.0.9", "1.0.10"):
        factory = DetectorFactory()
        factory.load_profile(directory)
        return factory
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
    table = SparseProfiles(len(names))
    for ngram, pairs in packed.items():
        dict.__setitem__(table, ngram, bytes(pairs))
    factory = DetectorFactory()
    factory.word_lang_prob_map, factory.langlist = table, languages
    return factory
