"""Two settings trafilatura has no option for: its parser's element class, and the
stopwords its justext fallback scores paragraphs with.

Both are module state of trafilatura (`utils.HTML_PARSER`, `external.JT_STOPLIST`).
tests/test_compat_trafilatura.py extracts the test pages and the corpus with and without
each, and checks the text is the same.
"""

from __future__ import annotations

from functools import lru_cache

from justext import get_stoplist
from lxml import etree
from lxml import html as lxml_html
from trafilatura import external as trafilatura_external
from trafilatura.settings import JUSTEXT_LANGUAGES
from trafilatura.utils import HTML_PARSER

from crawler.compat.trafilatura import in_range

# lxml.html picks each element's class in Python (forms and inputs get their own): a call
# back from C every time an element is touched, about 7% of a page's extraction time.
# One C-level class for every element does the same for trafilatura and for us, which use
# no form methods; the extracted text was identical on all 300 corpus pages.
C_LEVEL_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)


def use_c_element_class(enabled: bool = True) -> None:
    """One C-level element class for trees trafilatura's parser builds (False: lxml's own)."""
    if in_range():
        lookup = C_LEVEL_CLASSES if enabled else lxml_html.HtmlElementClassLookup()
        HTML_PARSER.set_element_class_lookup(lookup)


def use_justext_stoplist(languages: tuple[str, ...] | None) -> None:
    """The stopwords of the languages we keep, for trafilatura's justext fallback.

    Given no target language (passing one would also make trafilatura drop pages whose
    <html lang> disagrees, which we flag instead), trafilatura scores paragraphs against
    every language's stopwords: 154,000 words that, with justext's lower-cased copy, hold
    about 25 MB in every worker. With the languages we keep it is a few hundred words;
    over the corpus' 300 pages the text is the same either way. No languages (keep all)
    or None: trafilatura's own list, which it builds when it first needs it.
    """
    if not in_range():
        return
    stoplist = justext_stoplist(languages) if languages is not None else None
    current = trafilatura_external.JT_STOPLIST
    if stoplist is None and not any(current is ours for ours in _SET_BY_US):
        # None yet, or trafilatura's own list: building it takes a sixth of a second, so a
        # list trafilatura has built stays for the next page.
        return
    if stoplist is not None and not any(stoplist is ours for ours in _SET_BY_US):
        _SET_BY_US.append(stoplist)
    trafilatura_external.JT_STOPLIST = stoplist


# The lists this module has set, told apart from trafilatura's own by identity.
_SET_BY_US: list[tuple[str, ...]] = []


@lru_cache(maxsize=8)
def justext_stoplist(languages: tuple[str, ...]) -> tuple[str, ...] | None:
    names = [JUSTEXT_LANGUAGES.get(language) for language in languages]
    if not languages or None in names:
        return None  # trafilatura builds (and keeps) the list of every language
    return tuple(sorted({word for name in names for word in get_stoplist(name)}))
