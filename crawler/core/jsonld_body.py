"""The JSON-LD `articleBody` in place of the visible text, when it is an article's length.

trafilatura sometimes keeps a fraction of a story (a body built by script, a layout it
misreads) that the page's JSON-LD carries whole, so a body much longer than the extracted
text stands in for it. That string is untrusted: one of more than MAX_WORDS words could
only be the reject `too_long`, and taking it made a page of 300 visible words too long on a
58,000-word string and cost 1.3 GB on a 1.8-million-word one, `extract_out_of_memory`
(audit 36). Such a body is not taken, and the page is judged on its visible text; a string
past MAX_WORDS words of CHARS_PER_WORD characters is not even counted.
"""

from __future__ import annotations

from typing import Any

from crawler.core.model import count_words

CHARS_PER_WORD = 16  # English averages about six with its space; CJK one a letter


def jsonld_body(jsonld: dict[str, Any], text: str, max_words: int) -> str | None:
    """The JSON-LD articleBody when trafilatura lost most of it (`text` is what it kept)
    and it is no longer than an article can be; else None."""
    body = jsonld.get("articleBody")
    if not isinstance(body, str) or len(body) <= 2 * len(text) + 200:
        return None
    if len(body) > max_words * CHARS_PER_WORD or count_words(body) > max_words:
        return None
    return body
