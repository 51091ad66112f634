"""Other articles carried by the page of one: the next story of an endless scroll.

A news site that loads the next story as the reader scrolls often renders it into the
same page, an <article> with its own headline after the one the address names; a blog
theme may show the previous post in full. trafilatura takes the wrapper around both for
the article, and the record holds two stories. The page's own article is the <article>
whose headline agrees with the page's titles (og:title, the JSON-LD headline, <title>),
the one under an h1 or the longest when several do;
every other <article> outside it that opens with a headline of the same rank and that
does not agree with them is another story, and is taken out before extraction. Nothing
is taken out when no article's headline agrees with the titles: then which one the page
is about is a guess; nor on a live blog (JSON-LD `LiveBlogPosting`), whose posts are
<article>s with headlines of their own.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from crawler.core.headline import agrees
from crawler.core.metadata import PageMeta

_ARTICLES = etree.XPath("//article")


def drop_other_articles(tree: lxml_html.HtmlElement, page: PageMeta) -> int:
    """Take out the other stories the page carries; returns how many."""
    articles = _ARTICLES(tree)
    if len(articles) < 2 or _is_live_blog(page):
        return 0
    titles = [title for title in _titles(page) if title]
    headlines = [_headline(article) for article in articles]
    own = [
        (article, heading)
        for article, heading in zip(articles, headlines, strict=True)
        if heading is not None and any(agrees(_text(heading), t) for t in titles)
    ]
    if not own:
        return 0
    # A teaser of the story itself may come first (a "trending" card with its headline):
    # the story is the one under an h1, else the longest.
    main, main_heading = max(own, key=lambda x: (x[1].tag == "h1", len(_text(x[0]))))
    others = [
        article
        for article, heading in zip(articles, headlines, strict=True)
        if heading is not None
        and heading.tag == main_heading.tag
        and not _related(article, main)
        and not any(agrees(_text(heading), t) for t in titles)
    ]
    for article in others:
        if article.getparent() is not None:
            article.drop_tree()  # lxml.html's: its tail stays, joined to what was before it
    return len(others)


def _is_live_blog(page: PageMeta) -> bool:
    """A live blog's posts are <article>s with headlines of their own, and all its text."""
    kind = page.jsonld.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "LiveBlogPosting" in kinds


def _titles(page: PageMeta) -> list[str | None]:
    headline = page.jsonld.get("headline")
    return [
        page.first("og:title", "twitter:title"),
        headline if isinstance(headline, str) else None,
        page.title_tag,
    ]


def _headline(article):
    """The article's headline: its first h1 or h2, when no paragraph comes before it (a
    story opens with its headline; a section heading follows text)."""
    first = next(article.iter("p", "h1", "h2"), None)
    return first if first is not None and first.tag != "p" else None


def _related(a, b) -> bool:
    """One holds the other."""
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())


def _text(element) -> str:
    return " ".join(" ".join(element.itertext()).split())
