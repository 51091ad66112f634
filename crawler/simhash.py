"""64-bit SimHash over word shingles, for near-duplicate text (syndicated and wire copies).

Two texts whose fingerprints differ in at most NEAR_DUPLICATE_DISTANCE bits are near
duplicates. With 3-word shingles, copies that differ by a credit line, a headline tweak
or a reflowed paragraph land within 3 bits, while different stories on one topic stay
over 10 bits apart (tests/test_dedup.py measures both on the demo's pages).
"""

from __future__ import annotations

import hashlib
import re

NEAR_DUPLICATE_DISTANCE = 3
_WORD = re.compile(r"\w+")


def simhash(text: str, shingle: int = 3) -> int:
    words = _WORD.findall(text.lower())
    if len(words) < shingle:
        words = words + [""] * (shingle - len(words))
    weights = [0] * 64
    for index in range(len(words) - shingle + 1):
        token = " ".join(words[index : index + shingle]).encode("utf-8")
        value = int.from_bytes(hashlib.blake2b(token, digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit, weight in enumerate(weights) if weight > 0)


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()
