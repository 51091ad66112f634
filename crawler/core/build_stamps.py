"""Times a site builder stamps on the page's root: when the site was last built or the page
optimised, not when the article was published.

Framer wraps every page of a site in `<div id="main" data-framer-ssr-released-at=
"2025-05-28T09:12:44.101Z" data-framer-page-optimized-at="…">`. htmldate's search of the
markup runs its timestamp pattern over the whole serialized page, attributes included, and
dated a post by the site's last deploy, days off (audit 47). Static site generators and
other builders stamp their root the same way (`<body data-build-time=…>`, `<html
data-generated-at=…>`).

Hidden from that search: a time in a `data-` attribute of the page's root (`<html>` or
`<body>`), unless its name says it is the publication's ("data-published-at", "data-date");
and, anywhere, one whose name says the page was built, deployed, generated, rendered,
optimised or cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree
from lxml import html as lxml_html

# A `data-` attribute whose value starts with a day, "2025-05-28T09:12:44.101Z": what
# htmldate's timestamp pattern would read in it.
_DAY_VALUES = etree.XPath(
    "//@*[starts-with(name(), 'data-')][string-length() >= 10]"
    "[substring(., 5, 1) = '-'][substring(., 8, 1) = '-']"
)
_ISO_DAY = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d")
# Whole words, or their beginnings: "data-framer-ssr-released-at", "data-prerendered-at",
# not the "ssr" inside "data-pressrelease-date" (a press release's own date, hidden).
_BUILD_NAME = re.compile(
    r"(?<![a-z])(?:pre)?(?:build|built|deploy|generat|render|optimi[sz]|compil|cache|hydrat)"
    r"|(?<![a-z])ssr(?![a-z])",
    re.IGNORECASE,
)
# "date" but not "update": a root's `data-date` may be the post's own.
_PUBLICATION_NAME = re.compile(r"publish|posted|pubdate|created|issued|(?<!up)date", re.I)


@contextmanager
def build_stamps_hidden(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The page without its build stamps for the duration, put back afterwards."""
    stamps = [value for value in _DAY_VALUES(tree) if _ISO_DAY.match(value)]
    hidden = []
    for value in stamps:
        element, name = value.getparent(), value.attrname
        if _BUILD_NAME.search(name):
            hidden.append((element, name, str(value)))
            continue
        if _PUBLICATION_NAME.search(name):
            continue
        # Only the root's: a wrapper holding the post (`<div class="post"
        # data-timestamp=…>`) is as often the post's own date as a builder's (review
        # bs_wrapper), and a builder names its wrapper's stamps (above).
        if element.tag in ("html", "body"):
            hidden.append((element, name, str(value)))
    for element, name, _ in hidden:
        del element.attrib[name]
    try:
        yield tree
    finally:
        for element, name, value in hidden:
            element.set(name, value)
