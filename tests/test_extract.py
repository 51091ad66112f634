"""crawler.core.extract: trafilatura's fast run first, its full comparison only when needed."""

import contextlib
from pathlib import Path

import pytest
from lxml import etree

from crawler.core import extract

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
    extract.unwrap_layout_tables(parsed)
    expected = etree.tostring(parsed)
    seen = []
    real = extract._trafilatura

    def checking(tree, url, favor_precision, fast=False):
        seen.append(etree.tostring(tree))
        result = real(tree, url, favor_precision, fast)
        seen.append(etree.tostring(tree))
        return result

    monkeypatch.setattr(extract, "_trafilatura", checking)
    with contextlib.suppress(extract.ExtractionFailed):  # a reject still runs trafilatura
        extract.extract_article(body, "https://example.com/news/page")
    assert seen and all(serialized == expected for serialized in seen)
