"""crawler.core.extract: trafilatura's fast run first, its full comparison only when needed."""

import contextlib
import json
from pathlib import Path

import pytest
from lxml import etree

from crawler.core import extract
from crawler.core.metadata import read_page_meta
from tests.stock_trafilatura import stock_output

SENTENCES = [
    "The harbour authority approved a plan on Tuesday to dredge the channel for larger ships.",
    "Local fishers warned that the work could disturb the bay's shrimp grounds for years.",
    "The authority said it would monitor the water and pause dredging if shrimp numbers fall.",
    "A public meeting on the plan is set for the town hall next month; letters are welcome.",
    "Dredging last took place in the channel twenty years ago, when the ferry port was built.",
    "Shipping firms say the deeper channel would let them call at the port twice as often.",
]


def _page(body: str) -> bytes:
    head = "<head><title>Harbour to dredge channel</title></head>"
    return f"<html>{head}<body><h1>Harbour to dredge channel</h1>{body}</body></html>".encode()


def _count_runs(monkeypatch) -> list[tuple[bool, bool]]:
    runs = []
    real = extract._trafilatura

    def counting(tree, url, favor_precision, fast=False):
        runs.append((favor_precision, fast))
        return real(tree, url, favor_precision, fast)

    monkeypatch.setattr(extract, "_trafilatura", counting)
    return runs


def test_an_article_in_paragraphs_needs_only_the_fast_run(monkeypatch):
    runs = _count_runs(monkeypatch)
    page = _page("<article>" + "".join(f"<p>{s}</p>" for s in SENTENCES * 2) + "</article>")
    raw = extract.extract_article(page, "https://port.test/news/dredging")
    assert runs == [(True, True)]
    assert SENTENCES[0] in raw.text and SENTENCES[-1] in raw.text


@pytest.mark.parametrize("inline", ["font", "span"])
def test_text_the_fast_run_misses_comes_from_the_full_comparison(monkeypatch, inline):
    # An old CMS's article as <br>-separated inline text: trafilatura's own extractor finds
    # nothing there; its comparison with readability finds the article.
    runs = _count_runs(monkeypatch)
    lines = "<br><br>".join(SENTENCES * 2)
    raw = extract.extract_article(
        _page(f"<div><{inline}>{lines}</{inline}></div>"), "https://port.test/a"
    )
    assert runs[:2] == [(True, True), (True, False)]
    assert all(sentence in raw.text for sentence in SENTENCES)


def test_pages_with_forms_parse_to_plain_html_elements():
    # Every element gets one C-level class (crawler.extract.HTML_PARSER's lookup): form
    # controls must still parse, and the article around them must still be read.
    form = (
        '<form action="/subscribe"><label for="e">Email</label><input id="e" name="e">'
        "<select name=f><option>daily</option></select><textarea name=t></textarea></form>"
    )
    page = _page("<article>" + "".join(f"<p>{s}</p>" for s in SENTENCES * 2) + form + "</article>")
    tree = extract.parse_tree(page.decode())
    controls = tree.iter("form", "input", "label", "select")
    assert {type(element).__name__ for element in controls} == {"HtmlElement"}
    assert tree.find(".//label").text_content() == "Email"
    raw = extract.extract_article(page, "https://port.test/news/dredging")
    assert SENTENCES[0] in raw.text and "daily" not in raw.text


def _reaches_extraction(path: Path) -> bool:
    try:
        extract.decode_html(path.read_bytes())
    except extract.ExtractionFailed:
        return False  # an empty or binary page is rejected before any parse
    return True


def _golden_pages():
    pages = sorted((Path(__file__).parent / "pages").glob("*.html"))
    return [path for path in pages if _reaches_extraction(path)]


@pytest.mark.parametrize("path", _golden_pages(), ids=lambda path: path.stem)
def test_every_trafilatura_run_sees_the_tree_as_parsed(monkeypatch, path):
    # One parse serves all of a page's runs: nothing before or during them may change it.
    body = path.read_bytes()
    parsed = extract.parse_tree(extract.decode_html(body))
    page = read_page_meta(parsed)
    extract.reshape_tree(parsed, page)  # the steps that change it on purpose, before the runs
    expected = etree.tostring(parsed)
    seen = []
    real = extract._trafilatura

    def checking(tree, url, favor_precision, fast=False, balanced=False):
        seen.append((tree, etree.tostring(tree)))
        result = real(tree, url, favor_precision, fast, balanced)
        seen.append((tree, etree.tostring(tree)))
        return result

    monkeypatch.setattr(extract, "_trafilatura", checking)
    with contextlib.suppress(extract.ExtractionFailed):  # a reject still runs trafilatura
        extract.extract_article(body, "https://example.com/news/page")
    # The first run's tree is the shared parse; a run on a copy of its own (a split body's
    # container posing as its blocks, crawler.core.split_bodies) may differ from it.
    shared = [serialized for tree, serialized in seen if tree is seen[0][0]]
    assert shared and all(serialized == expected for serialized in shared)


def _table(rows: int, cell_extra: str = "") -> str:
    body = "".join(
        f"<tr><td><a href='/f/{i}'>Film {i}</a></td><td>{1990 + i}</td>"
        f"<td>A story about a day that repeats, number {i}.{cell_extra if i == 2 else ''}</td></tr>"
        for i in range(rows)
    )
    return f"<table class='sortable'><tr><th>Film</th><th>Year</th><th>Plot</th></tr>{body}</table>"


def test_a_data_table_stays_a_table_even_with_a_paragraph_in_a_cell():
    # issue 13: one <p> in one cell of a 70-row list made the whole table "layout"; as divs,
    # precision mode dropped most of its rows.
    tree = extract.parse_tree(
        f"<html><body>{_table(8, '<p>See also the remake.</p>')}</body></html>"
    )
    assert extract.unwrap_layout_tables(tree) == 0
    assert len(tree.findall(".//table")) == 1


def test_layout_tables_are_still_unwrapped():
    layout = (
        "<table><tr><td><h2>Menu</h2><p>Home</p></td><td><p>Article text.</p></td></tr></table>"
    )
    two_rows_no_header = _table(8).replace("<th>", "<td>").replace("</th>", "</td>")
    tree = extract.parse_tree(f"<html><body>{layout}{two_rows_no_header}</body></html>")
    assert extract.unwrap_layout_tables(tree) == 1
    # Its rows and cells too: the first version renamed the table first, after which its
    # rows found no table of their own and stayed rows, read as one "| … |" line.
    unwrapped = tree.find("body")[0]
    assert unwrapped.tag == "div" and unwrapped.find(".//tr") is None
    assert unwrapped.find(".//td") is None


def test_a_cell_of_br_laid_paragraphs_is_layout_and_an_infobox_is_data():
    prose = "Members gathered on the roof to hear the beacon of the old satellite again. " * 3
    cell = f"<b>Club hears a dead satellite</b><br><br>{prose}<br><br>{prose}"
    page = (
        "<table><tr><td colspan='2'><a href='/'>Home</a> | <a href='/news'>News</a></td></tr>"
        f"<tr><td><a href='/a'>January</a><br><a href='/b'>February</a></td><td>{cell}</td></tr>"
        "</table>"
    )
    tree = extract.parse_tree(f"<html><body>{page}</body></html>")
    assert extract.unwrap_layout_tables(tree) == 1
    infobox = "".join(
        f"<tr><th>{key}</th><td>{value}<ul><li>more</li></ul></td></tr>"
        for key, value in (("Type", "Attention"), ("Introduced", "2019"), ("Cost", "O(n)"))
    )
    tree = extract.parse_tree(
        f"<html><body><table class='infobox'><tr><th colspan='2'>Sparse</th></tr>{infobox}"
        "</table></body></html>"
    )
    assert extract.unwrap_layout_tables(tree) == 0


def test_a_header_strip_a_more_news_list_and_a_comment_form_are_layout():
    """Audit 45: an old table-laid news site's boxes hold only inline <font> text; kept as
    data tables they came out as "| | Tuesday 12 March 2019 | Login |" and such lines."""
    font = "<font face='Verdana' size='1'>{}</font>"
    strip = (
        f"<table><tr><td><img src='/logo.gif'></td><td>{font.format('Tuesday | Login')}</td>"
        "</tr></table>"
    )
    link = "12.03.2019 <a href='/n1'>Ferry timetable changes</a>"
    more = f"<tr><td>{font.format(link)}</td></tr>" * 3
    comments = (
        f"<table><tr><td>{font.format('<b>olav_k</b> 12.03.2019 15:02<br>About time.')}</td></tr>"
        "<tr><td><form action='/comment'><textarea name='text'></textarea></form></td></tr></table>"
    )
    boxes = f"{strip}<table><tr><td><b>More news</b></td></tr>{more}</table>{comments}"
    tree = extract.parse_tree(f"<html><body>{boxes}</body></html>")
    assert extract.unwrap_layout_tables(tree) == 3
    assert tree.find(".//table") is None


def test_a_one_row_table_of_figures_and_a_one_column_list_stay_tables():
    """The session review's cases: a results row ("| Yes | 4,512 votes | No | 3,980 votes |"),
    a spec row and a plan's elements one a row were unwrapped as layout and lost."""
    results = (
        "<table><tr><td>Yes</td><td>4,512 votes</td><td>No</td><td>3,980 votes</td></tr></table>"
    )
    specs = (
        "<table><tr><td>Price: $999</td><td>Screen: 6.3 in</td><td>Weight: 198 g</td></tr></table>"
    )
    plan = (
        "<table>"
        + "".join(
            f"<tr><td>{item}</td></tr>"
            for item in ("Lawn: 2 acres", "Playground", "Garden", "Parking")
        )
        + "</table>"
    )
    tree = extract.parse_tree(f"<html><body>{results}{specs}{plan}</body></html>")
    assert extract.unwrap_layout_tables(tree) == 0


def test_a_one_cell_box_a_captioned_picture_and_a_grid_stay_tables():
    # A one-cell box or a picture over its caption is often the story's own (a blog's
    # photo table): as divs, precision mode dropped the caption (readability's set).
    box = "<table><tr><td>Opening hours: nine to five on weekdays.</td></tr></table>"
    picture = (
        "<table class='tr-caption-container'><tr><td><img src='/a.jpg'></td></tr>"
        "<tr><td class='tr-caption'>The old customs warehouse.</td></tr></table>"
    )
    grid = _table(3).replace("<th>", "<td>").replace("</th>", "</td>")
    tree = extract.parse_tree(f"<html><body>{box}{picture}{grid}</body></html>")
    assert extract.unwrap_layout_tables(tree) == 0


SPLIT_BLOCKS = Path(__file__).parent / "pages" / "q_article_split_blocks.html"
STOCK_FAST_AND_FULL = """
import sys, trafilatura
body = open(sys.argv[1], "rb").read()
for fast in (True, False):
    text = trafilatura.extract(body, favor_precision=True, include_comments=False, fast=fast)
    print(len(text.split()))
"""


def test_upstream_fast_run_keeps_only_the_first_of_sibling_body_blocks():
    # The upstream behaviour docs/upstream.md describes, in a process that never imported
    # crawler.core (stock trafilatura): its fast run takes the first element its content
    # XPaths find, the first of three "article-body" blocks; its full run finds them all.
    fast, full = (int(word) for word in stock_output(STOCK_FAST_AND_FULL, SPLIT_BLOCKS))
    assert fast < full / 2


def test_a_body_split_into_blocks_gets_the_full_run(monkeypatch):
    runs = _count_runs(monkeypatch)
    raw = extract.extract_article(SPLIT_BLOCKS.read_bytes(), "https://gridledger.test/a/")
    assert (True, True) in runs and (True, False) in runs  # fast first, then the full run
    assert len(raw.text.split()) > 1400


DROPPED_LIST = Path(__file__).parent / "pages" / "q_list_dropped_by_fast_run.html"
STOCK_LIST_FAST_AND_FULL = """
import sys, trafilatura
body = open(sys.argv[1], "rb").read()
for fast in (True, False):
    text = trafilatura.extract(body, favor_precision=True, include_comments=False, fast=fast)
    print("Mara Lind" in text)
"""


def test_upstream_fast_run_drops_a_list_between_the_paragraphs_it_keeps():
    # docs/upstream.md, stock trafilatura in a fresh process: the fast run keeps the
    # paragraphs around the councillors' list and drops the list; the full run has it.
    assert stock_output(STOCK_LIST_FAST_AND_FULL, DROPPED_LIST) == ["False", "True"]


def test_list_items_missing_between_kept_paragraphs_get_the_full_run(monkeypatch):
    runs = _count_runs(monkeypatch)
    raw = extract.extract_article(DROPPED_LIST.read_bytes(), "https://larch-county.test/a")
    assert runs == [(True, True), (True, False)]
    assert "- Mara Lind: You can keep following Mara at @maralind on Twitter." in raw.text


def _with_article_body(words: int) -> bytes:
    body = " ".join(SENTENCES * (words // 90 + 1)).split()[:words]
    jsonld = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(body)})
    head = f'<script type="application/ld+json">{jsonld}</script>'
    visible = "<article>" + "".join(f"<p>{s}</p>" for s in SENTENCES[:3]) + "</article>"
    return _page(visible).replace(b"<head>", b"<head>" + head.encode())


def test_a_json_ld_body_stands_in_for_the_text_trafilatura_lost():
    raw = extract.extract_article(_with_article_body(900), "https://port.test/a", max_words=1000)
    assert raw.method == "jsonld" and len(raw.text.split()) == 900


def test_a_json_ld_body_past_max_words_is_not_taken():
    """Audit 36: a 58,000-word articleBody made a page of 300 visible words too_long."""
    raw = extract.extract_article(_with_article_body(1001), "https://port.test/a", max_words=1000)
    assert raw.method == "trafilatura" and SENTENCES[2] in raw.text
    assert len(raw.text.split()) < 100
