"""trafilatura's private internals, and the range of releases they were read from.

- crawler.compat.trafilatura.xpath rewrites its compiled XPath constants in place;
- crawler.compat.trafilatura.metadata runs its metadata steps one by one;
- crawler.compat.trafilatura.parser sets its shared HTML parser's element class and its
  justext fallback's stoplist.

Outside the range each falls back to stock trafilatura: no rewrite, `extract_metadata`,
lxml's own element classes, trafilatura's own stoplist.
"""

from __future__ import annotations

from crawler.compat.versions import supported

MINIMUM, BELOW = "2.3.0", "2.4"


def in_range() -> bool:
    return supported("trafilatura", MINIMUM, BELOW)
