"""Subheadings trafilatura drops when it cannot name the article's container.

When none of trafilatura's body XPaths matches (a body in a div with hashed class names,
as Next.js and styled-components templates print it), it falls back to collecting the
page's wild text, and in its precision and default modes that search takes paragraphs,
quotes, code and tables but no headings: an AP story on such a template lost all three of
its subheads. A heading element whose next paragraph and the paragraph before it are kept
as consecutive lines of the text is put back between them.
"""

from __future__ import annotations

from crawler.core.sections import line_key

HEADING_TAGS = ("h2", "h3", "h4")
MAX_HEADING_WORDS = 20
SIBLINGS_BEFORE = 3  # an ad slot or a related-story card may sit between them


def restore_headings(tree, text: str) -> str:
    """The text with the subheadings it lacks between two of its own paragraphs."""
    lines = text.split("\n")
    index_of = {line_key(line): index for index, line in enumerate(lines)}
    inserts: dict[int, str] = {}
    for heading in tree.iter(*HEADING_TAGS):
        key = line_key(heading.text_content())
        if not key or key in index_of or len(key.split()) > MAX_HEADING_WORDS:
            continue
        after = _kept_index(heading.getnext(), index_of)
        if after is None or after in inserts:
            continue
        siblings = heading.itersiblings(preceding=True)
        before = [_kept_index(next(siblings, None), index_of) for _ in range(SIBLINGS_BEFORE)]
        if after - 1 in before:
            inserts[after] = key
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in inserts:
            out.append(inserts[index])
        out.append(line)
    return "\n".join(out)


def _kept_index(element, index_of: dict[str, int]) -> int | None:
    if element is None or element.tag != "p":
        return None
    return index_of.get(line_key(element.text_content()))
