"""wordfreq's caches: its per-word answers, and the word lists it has loaded.

wordfreq memoizes `zipf_frequency` answers in a private dict (`_wf_cache`, up to 100,000
words, about 15 MB, cleared only when full) and keeps every word list it loads in
`functools.lru_cache`s. A long-running worker releases both between pages. Checked for
wordfreq 3.1; with another release only the public `lru_cache` wrappers are used.
"""

from __future__ import annotations

import wordfreq
from wordfreq import get_frequency_dict, get_frequency_list

from crawler.compat.versions import supported


def clear_word_cache() -> None:
    """Forget wordfreq's memoized per-word frequencies (not its word lists)."""
    if supported("wordfreq", "3.1.0", "3.2"):
        getattr(wordfreq, "_wf_cache", {}).clear()


def loaded_lists() -> int:
    return get_frequency_dict.cache_info().currsize


def unload_lists() -> None:
    get_frequency_dict.cache_clear()
    get_frequency_list.cache_clear()
