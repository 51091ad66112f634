"""Times a site builder stamps on the page's root: when the site was last built or the page
optimised, not when the article was published.

Framer wraps every page of a site in `<div id="main" data-framer-ssr-released-at=
"2025-05-28T09:12:44.101Z" data-framer-page-optimized-at="…">`. htmldate's search of the
markup runs its timestamp pattern over the whole serialized page, attributes included, and
dated a post by the site's last deploy, days off (audit 47). Static site generators and
other builders stamp their root the same way (`<body data-build-time=…>`, `<html
data-generated-at=…>`).

Hidden from that search: a time in a `data-` attribute of the page's root (`<html>`,
`<body>`, or a wrapper holding nearly all of the body's text), unless its name says it is
the publication's ("data-published-at", "data-date"); and, anywhere, one whose name says
the page was built, deployed, generated, rendered, optimised or cached.
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
_BUILD_NAME = re.compile(
    r"build|built|deploy|generat|render|optimi[sz]|compil|cache|ssr|hydrat", re.IGNORECASE
)
# "date" but not "update": a wrapper's `data-date` may be the post's own.
_PUBLICATION_NAME = re.compile(r"publish|posted|pubdate|created|issued|(?<!up)date", re.I)
# A wrapper of the page: it holds this share of the body's text.
PAGE_SHARE = 0.9


@contextmanager
def build_stamps_hidden(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The page without its build stamps for the duration, put back afterwards."""
    stamps = [value for value in _DAY_VALUES(tree) if _ISO_DAY.match(value)]
    body_chars = None
    hidden = []
    for value in stamps:
        element, name = value.getparent(), value.attrname
        if _BUILD_NAME.search(name):
            hidden.append((element, name, str(value)))
            continue
        if _PUBLICATION_NAME.search(name) or element.tag == "article":
            continue
        if body_chars is None:
            body_chars = _text_chars(tree.find("body"))
        if element.tag in ("html", "body") or (
            body_chars and _text_chars(element) >= PAGE_SHARE * body_chars
        ):
            hidden.append((element, name, str(value)))
    for element, name, _ in hidden:
        del element.attrib[name]
    try:
        yield tree
    finally:
        for element, name, value in hidden:
            element.set(name, value)


# The text a reader sees: a builder's inline scripts sit beside its wrapper in the body.
_SHOWN_TEXT = etree.XPath(".//text()[not(parent::script or parent::style or parent::noscript)]")


def _text_chars(element) -> int:
    if element is None:
        return 0
    return sum(len(text.strip()) for text in _SHOWN_TEXT(element))
