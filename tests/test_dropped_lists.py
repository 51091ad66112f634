"""crawler.core.dropped_lists: list items missing from between the kept paragraphs."""

from lxml import html as lxml_html

from crawler.core.gaps import list_gaps, missing_words
from crawler.core.pipeline import process_page
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


def _letters_page() -> str:
    """A table-laid essay whose first cell ends in a list of quoted letters (each item
    holding an empty <p>): every run of trafilatura's precision mode drops the list and
    keeps the paragraphs around it."""
    paras = [
        "In March the harbour board voted to close the old ferry terminal, and I wrote"
        " about the long meeting that led there, as I usually do after a vote like that.",
        "Then a regional paper linked to the piece, calling it a report on the ferry plan,"
        " which it was not; it was an account of one evening lost to a badly run meeting.",
        "So that week I got a great many letters about it. Every ferry enthusiast in the"
        " county wanted me to know their view. The letters fell roughly into these groups:",
    ]
    items = [
        '"Exactly right, I sat through the same meeting and felt the same."'
        " <i>(About a third of the letters.)</i><p></p>",
        '"You plainly do not understand harbour finance and should leave it to the board."'
        " <i>(Oddly, all from the same town.)</i><p></p>",
        '"If you dislike the plan, stand for the board yourself."<p></p>',
        '"The terminal was falling apart anyway, what did you expect from a building that old?"',
    ]
    after = [
        "While I am glad so many people care about the ferry, I have read these arguments"
        " before and my view of that evening has not changed at all.",
        "So please do not send more letters about it; write to the board, which can actually"
        " change the timetable, and leave my inbox to the crossword.",
    ]
    cell1 = "".join(f"<p> {p} </p>" for p in paras) + "<p> </p><ul>"
    cell1 += "".join(f"<li> {i} </li>" for i in items) + "</ul>"
    cell2 = "".join(f"<p> {p} </p>" for p in after)
    table = '<table width="90%" cellpadding="20" border="" bgcolor="#FEFFE6">'
    return (
        "<html><head><title>ferry letters</title></head><body><h1>ferry letters</h1>"
        f'<div align="center">{table}<tbody><tr><td bgcolor="#FEFFE6">{cell1}</td>'
        f'<td bgcolor="#FEFFE6">{cell2}</td></tr></tbody></table></div>'
        "<p>The rest of the page goes on with another long paragraph of prose about the"
        " harbour, the ferry and the meeting, as the essay's last section.</p></body></html>"
    )


def test_a_list_every_precision_run_drops_comes_back_from_the_recall_run():
    text = process_page(_letters_page().encode(), "http://example.org/ferry").record.text
    lines = text.split("\n")
    groups = lines.index(next(line for line in lines if line.endswith("into these groups:")))
    assert lines[groups + 1].startswith('- "Exactly right')
    assert lines[groups + 4].startswith('- "The terminal was falling apart')
    assert lines[groups + 5].startswith("While I am glad")


def test_a_list_of_links_between_paragraphs_is_not_a_gap():
    links = (
        "<ul>"
        + "".join(f'<li><a href="/s/{n}">{item}</a></li>' for n, item in enumerate(ITEMS))
        + "</ul>"
    )
    nodes = prose_nodes(_page(links))
    text = "\n".join([*PARAGRAPHS, CLOSING])
    assert missing_words(nodes, text) > 0  # the full run is still asked
    assert list_gaps(nodes, text) == []  # but no recall line is taken for it
    assert [gap.key for gap in list_gaps(prose_nodes(_page(_list())), text)] == ITEMS
