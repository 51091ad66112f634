"""crawler.core.dropped_lists: list items missing from between the kept paragraphs."""

from lxml import html as lxml_html

from crawler.core.gaps import missing_words
from crawler.core.prose import prose_nodes

PARAGRAPHS = [
    "The county council closes its old website at the end of the month after twelve years.",
    "Officials said the archive of minutes and budgets stays online at the state records office.",
]
ITEMS = [
    "Mara Lind: follow her at @maralind, archived posts at @maralind44",
    "Tom Okafor: follow him at @tomokafor, archived posts at @tomokafor44",
]
CLOSING = "Questions go to the records office."


def _page(items_html: str, closing: str = f"<p>{CLOSING}</p>") -> lxml_html.HtmlElement:
    first, second = (f"<p>{text}</p>" for text in PARAGRAPHS)
    return lxml_html.fromstring(
        f'<html><body><div class="body">{first}{second}{items_html}{closing}</div></body></html>'
    )


def _list(cls: str = "") -> str:
    return f'<ul class="{cls}">' + "".join(f"<li>{item}</li>" for item in ITEMS) + "</ul>"


def test_list_items_before_a_kept_line_are_missing_words():
    tree = _page(_list())
    text = "\n".join([*PARAGRAPHS, CLOSING])  # the short closing line is kept
    assert missing_words(prose_nodes(tree), text) == sum(len(i.split()) for i in ITEMS)


def test_kept_items_trailing_lists_and_aside_lists_are_not_missing():
    nodes = prose_nodes(_page(_list()))
    kept = "\n".join([*PARAGRAPHS, *(f"- {item}" for item in ITEMS), CLOSING])
    assert missing_words(nodes, kept) == 0
    # After the last kept line, a list is as often "related stories" as the article's.
    assert missing_words(prose_nodes(_page(_list(), closing="")), "\n".join(PARAGRAPHS)) == 0
    tree = _page(_list("share-links"))
    assert missing_words(prose_nodes(tree), "\n".join([*PARAGRAPHS, CLOSING])) == 0
