"""wordfreq's caches as crawler.compat.wordfreq releases them, against wordfreq itself."""

from __future__ import annotations

import wordfreq
from wordfreq import zipf_frequency

from crawler.compat.wordfreq import clear_word_cache, loaded_lists, unload_lists


def test_wordfreq_memoizes_answers_in_the_cache_we_clear():
    # the upstream behaviour the release relies on: every answer is kept in `_wf_cache`
    clear_word_cache()
    before = zipf_frequency("inference", "en")
    assert any(key[:2] == ("inference", "en") for key in wordfreq._wf_cache)
    clear_word_cache()
    assert len(wordfreq._wf_cache) == 0
    assert zipf_frequency("inference", "en") == before  # same answer, computed again


def test_unloading_word_lists_keeps_answers_the_same():
    english, german = zipf_frequency("model", "en", "small"), zipf_frequency("und", "de", "small")
    assert loaded_lists() >= 2
    unload_lists()
    assert loaded_lists() == 0
    assert (zipf_frequency("model", "en", "small"), zipf_frequency("und", "de", "small")) == (
        english,
        german,
    )
