"""Bare footnote numbers in the body go: they ran into the sentence. The notes they point
at are kept, every one of a page, each a paragraph; so are sidenotes, out of their
sentence."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from crawler.core.extract import extract_article
from crawler.core.footnotes import drop_footnote_references, keep_notes
from tests.stock_trafilatura import stock_output

SUBSTACK = Path(__file__).parent / "pages" / "q_substack_footnotes.html"
NOTES = ("publishes its transport costs", "still run late on Mondays", "county agreement")

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


def test_upstream_precision_keeps_a_long_note_and_drops_the_short_ones():
    script = (
        "import sys, trafilatura\n"
        "text = trafilatura.extract(open(sys.argv[1], 'rb').read(), favor_precision=True)\n"
        f"print(*[note in text for note in {NOTES!r}])"
    )
    assert stock_output(script, SUBSTACK) == ["True", "False", "False"]


def test_every_note_of_a_page_is_kept():
    url = "https://routesandrosters.substack.com/p/the-quiet-arithmetic-of-school-bus"
    lines = extract_article(SUBSTACK.read_bytes(), url).text.split("\n")
    notes = [i for i, line in enumerate(lines) if any(note in line for note in NOTES)]
    assert len(notes) == 3 and notes[0] > 3  # after the body, in order
    assert lines[notes[1]] == "Two routes still run late on Mondays."  # no number, no "↩"
    # The paragraphs that refer to them stay, the numbers out of their sentences.
    assert any("arriving on time. The savings will pay for two more" in line for line in lines)


NOTE = "The survey covered nine counties and was repeated in the spring."


def _tree(body: str):
    return lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")


def _words(tree) -> str:
    return " ".join(tree.text_content().split())


def test_a_note_keeps_its_words_and_loses_its_links_back():
    hugo = _tree(
        f'<p>{SENTENCE}<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup></p>'
        '<div class="footnotes" role="doc-endnotes"><hr><ol>'
        f'<li id="fn:1"><p>{NOTE}&#160;<a href="#fnref:1" class="footnote-backref">↩︎</a></p></li>'
        '<li id="fn:2"><p>See <a href="#method">the method</a>.</p></li></ol></div>'
    )
    assert keep_notes(hugo) == 1
    note = hugo.get_element_by_id("fn:1")
    assert note.tag == "li" and _words(note) == NOTE and note.find(".//a") is None
    assert hugo.find(".//a[@href='#method']") is not None  # a link to elsewhere stays
    # A link to the section or the post the reference sits in is no link back.
    inside = _tree(
        f'<article id="post"><section id="methods"><p>{SENTENCE}<sup id="r1"><a href="#n1">1'
        '</a></sup></p></section><ol><li id="n1"><p>See <a href="#methods">Methods</a> and '
        '<a href="#post">the introduction</a>.<a href="#r1">↩</a></p></li></ol></article>'
    )
    assert keep_notes(inside) == 1
    assert [a.get("href") for a in inside.iter("a")] == ["#n1", "#methods", "#post"]
    # A note of text alone in a div, Substack's number beside it, is a paragraph.
    substack = _tree(
        f'<p>{SENTENCE}<a id="footnote-anchor-2" href="#footnote-2">2</a></p>'
        f'<div class="footnote"><a id="footnote-2" href="#footnote-anchor-2">2</a>{NOTE}</div>'
    )
    assert keep_notes(substack) == 1
    (note,) = substack.xpath("//*[@class='footnote']")
    assert note.tag == "p" and _words(note) == NOTE


def test_links_that_are_no_footnotes_leave_their_targets():
    kept = (
        # a section the text points to by number: it does not point back
        f'<p>{SENTENCE} See part<a href="#part-2">2</a>.</p><div id="part-2"><h2>Part 2</h2>'
        f"<p>{NOTE}</p></div>",
        # Wikipedia: bracketed references, their notes as they are
        f'<p>{SENTENCE}<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup></p>'
        f'<ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a> {NOTE}</li></ol>',
        # a note's own number links up to its reference: that paragraph is no note
        f'<p id="up">{SENTENCE}</p><div class="note"><a id="n1" href="#up">1</a> {NOTE}</div>',
        # a target that is a whole region, not a note
        f'<p>{SENTENCE}<a id="r1" href="#body">1</a></p><div id="body"><a href="#r1">back</a>'
        f"{f'<p>{SENTENCE}</p>' * 14}</div>",
    )
    for body in kept:
        tree = _tree(body)
        before = lxml_html.tostring(tree)
        assert keep_notes(tree) == 0 and lxml_html.tostring(tree) == before, body


def test_sidenotes_leave_their_sentence_for_a_paragraph_after_it():
    tufte = _tree(
        '<p>The harvest came in late that year<label for="sn-1" class="margin-toggle '
        'sidenote-number"></label><input type="checkbox" id="sn-1" class="margin-toggle"/>'
        f'<span class="sidenote">{NOTE}</span> and the barns were full by November.</p>'
        '<p>Prices fell<label for="mn-1" class="margin-toggle">&#8853;</label><input '
        'type="checkbox" id="mn-1" class="margin-toggle"/><span class="marginnote">A margin '
        "note.</span> in the spring.</p>"
        f'<aside class="Sidenote_sidenote__x1"><span class="Sidenote_number__y2">3</span>{NOTE}'
        "</aside>"
    )
    assert keep_notes(tufte) == 3
    assert [_words(p) for p in tufte.iter("p")] == [
        "The harvest came in late that year and the barns were full by November.",
        NOTE,
        "Prices fell in the spring.",
        "A margin note.",
        NOTE,  # the aside, its number gone
    ]
    assert tufte.find(".//input") is None and tufte.find(".//label") is None
    # A sidenote's numbers that are its words stay; a number opening it is its own.
    figures = _tree(
        '<p>Output fell<span class="sidenote"><sup>4</sup> Output of CO<sub>2</sub> fell from '
        '<b>41</b> to <b>29</b> tonnes; see table <a href="/t/7">7</a>.</span> last year.</p>'
    )
    assert keep_notes(figures) == 1
    assert [_words(p) for p in figures.iter("p")][1] == (
        "Output of CO2 fell from 41 to 29 tonnes; see table 7."
    )
    # A box whose class says "note" in another sense is left as it is.
    editor = _tree(f'<div class="editor-note"><p>{NOTE}</p></div>')
    assert keep_notes(editor) == 0
