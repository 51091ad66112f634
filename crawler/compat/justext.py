"""jusText, trafilatura's second fallback: the space between two inline elements.

jusText's paragraph maker skips every whitespace-only text node, and the only space between
`<span>LIVE</span> <span>Tessa Moreno</span>` or `<a>OpenAI</a> <a>GPT-4</a>` is one: the
words are glued ("LIVETessa Moreno"). A browser shows one space there. Kept as one space once
the paragraph has text (leading and trailing ones are stripped with the paragraph); a blank
node still does not end a run of `<br>`s, which is how jusText splits paragraphs laid out
with them. Checked for jusText 3.0; with another release its stock handler runs.
"""

from __future__ import annotations

from justext.core import ParagraphMaker
from justext.utils import is_blank

from crawler.compat.versions import supported

_STOCK_CHARACTERS = ParagraphMaker.characters


def _characters(self: ParagraphMaker, content: str) -> None:
    if is_blank(content):
        if self.paragraph.contains_text():
            self.paragraph.append_text(" ")
        return
    _STOCK_CHARACTERS(self, content)


def keep_inline_spaces(enabled: bool = True) -> None:
    """Keep the whitespace between inline elements as one space (False: jusText's own)."""
    if supported("jusText", "3.0.0", "3.1"):
        ParagraphMaker.characters = _characters if enabled else _STOCK_CHARACTERS
