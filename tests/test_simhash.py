"""SimHash equals its textbook definition, computed the slow way."""

import hashlib
import re

import pytest

from crawler.core.simhash import distance, simhash

STORY = (
    "The lab released a new open model for code generation on Tuesday. It was trained on "
    "a mix of licensed repositories and synthetic data, and the company says it matches "
    "larger systems on common benchmarks while running on a single consumer graphics card. "
    "Researchers not involved in the work cautioned that benchmark scores can overstate "
    "real-world usefulness, and asked for an independent evaluation of the training data."
)
OTHER = (
    "Regulators in the region published draft rules for automated hiring tools. Employers "
    "would have to explain how candidates are scored, keep audit logs for three years, and "
    "offer a human review on request. Industry groups said the timeline was too short, "
    "while labour unions argued the draft did not go far enough on transparency."
)


def textbook_simhash(text: str, shingle: int = 3) -> int:
    # +1/-1 per bit per shingle, a bit set where the sum is positive
    words = re.findall(r"\w+", text.lower())
    words += [""] * max(0, shingle - len(words))
    weights = [0] * 64
    for i in range(len(words) - shingle + 1):
        token = " ".join(words[i : i + shingle]).encode("utf-8")
        value = int.from_bytes(hashlib.blake2b(token, digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> (63 - bit) & 1 else -1
    return sum(1 << (63 - bit) for bit in range(64) if weights[bit] > 0)


@pytest.mark.parametrize("text", ["", "one", "two words", STORY, OTHER, "Ünïcode 中文 — text"])
def test_matches_the_textbook_definition(text):
    assert simhash(text) == textbook_simhash(text)


def test_another_story_is_far():
    # how near a syndicated copy lands is measured on the demo's pages (test_incremental)
    assert distance(simhash(STORY), simhash(OTHER)) > 10
