"""Bare footnote numbers in the body go: they ran into the sentence, and the notes they
point at are not in the record."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.core.extract import extract_article
from crawler.core.footnotes import drop_footnote_references

SENTENCE = (
    "The lab reported the compute of its final training run only, and the researchers we spoke"
    " to said that the real total, with every failed run and ablation, is several times larger."
)


def _text(fragment: str) -> str:
    tree = lxml_html.fromstring(f"<div>{fragment}</div>")
    drop_footnote_references(tree)
    return tree.text_content()


def test_a_bare_footnote_number_after_a_word_or_a_stop_goes():
    assert _text('<p>the final run.<a href="#footnote-1">1</a> It does</p>') == (
        "the final run. It does"
    )
    assert _text('<p>a year of use<sup><a href="#fn2">2</a></sup>.</p>') == "a year of use."


def test_numbers_that_are_not_references_are_left_as_they_are():
    kept = [
        '<p>Wikipedia style.<a href="#cite-3">[3]</a></p>',  # bracketed: it reads as a note
        "<p>an area of 40 m<sup>2</sup></p>",  # a superscript, not a link
        '<p>Pages: <a href="?page=2">2</a> <a href="?page=3">3</a></p>',  # pagination
        '<ol><li><a href="#fn-1">1</a> The note itself.</li></ol>',  # the note's own number
        '<p>Go to step <a href="#">4</a></p>',  # no fragment to refer to
        '<p>Model<a href="#v2">v2</a></p>',  # not a number
    ]
    for fragment in kept:
        before = lxml_html.fromstring(f"<div>{fragment}</div>").text_content()
        assert _text(fragment) == before, fragment


def test_an_article_with_footnotes_reads_without_glued_numbers():
    page = (
        "<html><head><title>What a FLOP count does not tell you</title></head><body><article>"
        "<h1>What a FLOP count does not tell you</h1>"
        f'<p>{SENTENCE[:-1]}.<a class="footnote-anchor" href="#footnote-1">1</a> {SENTENCE}</p>'
        f'<p>{SENTENCE} {SENTENCE[:-1]}.<a class="footnote-anchor" href="#footnote-2">2</a></p>'
        f"<p>{SENTENCE}</p></article></body></html>"
    ).encode()
    text = extract_article(page, "https://example.com/p/flops").text
    assert "times larger. The lab" in text
    assert "larger.1" not in text and "larger.2" not in text and "[1]" not in text
