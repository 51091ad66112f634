"""Line numbers beside a code block: the gutter, not the program.

Highlighters number a listing's lines in one of three ways: a two-cell table, the numbers
in a `<pre>` of their own beside the code's (Hexo, Jekyll's Rouge with `linenos: table`,
Pygments' `linenos=table`) or in a cell of `<div class="line">`s beside a cell of the
code's (SyntaxHighlighter, WordPress's old plugin); a table row per line (highlight.js's
line-numbers plugin); or a span before each line inside the code
(`<span class="lineno">1</span>`). trafilatura read
the first as a table and lost the code's lines (audit 21: a tutorial's listing went), and
glued the third's numbers to the code ("1import tutor"). The listing becomes one `<pre>`
of its lines, without their numbers.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_TABLES_WITH_CODE = etree.XPath(
    "//body//table[.//pre or .//code or ancestor::pre or ancestor::code"
    " or contains(@class, 'hljs') or contains(@class, 'highlight')]"
)
_NUMBERED = etree.XPath("//body//pre//*[@class]")
_NUMBER_CLASS = re.compile(r"line-?num|lineno|linenumber|gutter|ln-n", re.IGNORECASE)
_NUMBERS = re.compile(r"^\s*\d+(?:\s+\d+)*\s*$")


def drop_code_gutters(tree, listings: list | None = None) -> int:
    """Replace numbered listings by their code alone; how many. `listings`: the page's
    `<pre>` and `<code>` elements, when the caller has them (none: nothing to look at)."""
    if listings is not None and not listings:
        return 0
    dropped = 0
    for table in _TABLES_WITH_CODE(tree):
        lines = _listing_lines(table)
        if lines is not None and table.getparent() is not None:
            # Inside the listing's own <pre> (highlight.js), the lines are its text.
            inside = any(a.tag in ("pre", "code") for a in table.iterancestors())
            listing = lxml_html.Element("span" if inside else "pre")
            code = listing if inside else etree.SubElement(listing, "code")
            code.text = "\n".join(lines)
            listing.tail = table.tail
            table.getparent().replace(table, listing)
            dropped += 1
    for element in _NUMBERED(tree):
        if _NUMBER_CLASS.search(element.get("class", "")) and _NUMBERS.match(
            element.text_content() or ""
        ):
            element.drop_tree()  # its tail, the line's code, stays
            dropped += 1
    return dropped


# A highlighter's table ("hljs-ln", Rouge's "rouge-table", Pygments' "highlighttable"); a
# table of error codes with its names in <code> is a table.
_LISTING_CLASS = re.compile(r"hljs|highlight|rouge|linenos|lineno|syntax", re.IGNORECASE)


def _listing_lines(table) -> list[str] | None:
    """The code lines of a numbered listing laid out as a table, or None for a table that
    is not one: every row a cell of numbers only, then one cell of code; the code in a
    `<pre>` or a `<div class="line">` a line (one row), or the table a highlighter's by
    its class (a row per line). A
    ranking with model names in `<code>` is a table."""
    rows = list(table.iter("tr"))
    if not rows:
        return None
    if len(rows) > 1 and not _LISTING_CLASS.search(table.get("class", "")):
        return None
    lines = []
    for row in rows:
        cells = [cell for cell in row if cell.tag in ("td", "th")]
        if len(cells) != 2 or not _NUMBERS.match(cells[0].text_content() or ""):
            return None
        code = _line_divs(cells[1])
        if len(rows) == 1 and not code and cells[1].find(".//pre") is None:
            return None
        if len(rows) > 1 and cells[0].text_content().strip() != str(len(lines) + 1):
            return None  # a row per line numbers its lines 1, 2, 3, ...
        lines.extend(code or cells[1].text_content().rstrip("\n").split("\n"))
    return lines


def _line_divs(cell) -> list[str]:
    """A code cell's lines as SyntaxHighlighter lays them out: a `<div class="line">` each,
    no `<pre>` and no newline between them (read as text, the listing was one line,
    "import pandas as pdfrom sklearn…"); its indents are no-break spaces."""
    return [
        div.text_content().replace("\xa0", " ").rstrip()
        for div in cell.iter("div")
        if "line" in (div.get("class") or "").split()
    ]
