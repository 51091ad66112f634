"""trafilatura drops any element whose text is a platform's or a share button's name.

Its text filter (`trafilatura.utils.textfilter`, the pattern `RE_FILTER`) removes an element
whose text, or a line of it, is "Google", "Facebook", "LinkedIn", "Email", "PDF", "Print"
...: a share bar's labels. In a data table or a list of the article's own, that is a cell or
an item: a comparison table's row came out `| | TPU | 7th |` and `<li>Google</li>` went
(docs/upstream.md). A word joiner (U+2060) after such a text makes the filter miss it, and
trafilatura's output drops the joiner again, as it drops every character that prints nothing.

Only cells of a table of two or more rows and columns, and items of a list where another
item runs to a few words: a share list or a menu ("Home", "Email", "Print") stays for the
filter.
"""

from __future__ import annotations

from lxml import html as lxml_html
from trafilatura.utils import RE_FILTER

WORD_JOINER = "\u2060"
MAX_WORD_CHARS = 16  # the filter's longest word, "Mehr zum Thema:", and room
# A list of the article's own has an item that says something; a menu's or a share bar's
# items are a word or two ("Home", "Email", "Print").
MIN_ITEM_WORDS = 4


def keep_platform_words(tree: lxml_html.HtmlElement) -> int:
    """Protect table cells and list items that are only a platform's name; how many."""
    kept = 0
    for element in tree.iter("td", "th", "li"):
        whole = _short_text(element)
        if not whole or not RE_FILTER.match(whole) or not _in_content(element):
            continue
        # The element that holds the words: the cell itself, or a link or a span in it.
        holder = next((e for e in element.iter() if (e.text or "").strip() == whole), None)
        if holder is not None:
            holder.text = holder.text.rstrip() + WORD_JOINER
            kept += 1
    return kept


def _short_text(element) -> str | None:
    """The text of a cell or item of at most one inline child (a link, a span), when short:
    a look at its text nodes, not the string value of a whole nested menu (0.5 ms a page)."""
    if len(element) > 1 or (len(element) == 1 and len(element[0])):
        return None
    child = element[0] if len(element) else None
    parts = (
        element.text,
        child.text if child is not None else None,
        child.tail if child is not None else None,
    )
    text = "".join(part for part in parts if part).strip()
    return text if len(text) <= MAX_WORD_CHARS else None


def _in_content(element) -> bool:
    if element.tag == "li":
        items = [*element.itersiblings(preceding=True), *element.itersiblings()]
        return any(
            item.tag == "li" and len(item.text_content().split()) >= MIN_ITEM_WORDS
            for item in items
        )
    table = next(element.iterancestors("table"), None)
    if table is None:
        return False
    rows = table.findall(".//tr")
    return (
        len(rows) >= 2 and max(len(row.findall("td")) + len(row.findall("th")) for row in rows) > 1
    )
