"""crawler.core.pull_quotes: a pull quote repeats the article; a styled paragraph stays."""

from lxml import html as lxml_html

from crawler.core.pull_quotes import drop_pull_quotes, unwrap_text_figures

SAID = (
    "“We wanted to know what it would actually cost us, and we wanted it in writing,” said"
    " Mara Ellison, who chairs the county's utility board."
)
QUOTE = "“We wanted to know what it would actually cost us, and we wanted it in writing.”"


def _page(body: str):
    return lxml_html.fromstring(
        "<html><head><script>var state = {'quote': 'Styled once.'};</script></head>"
        f"<body><article>{body}</article></body></html>"
    )


def _text(page) -> str:
    return page.find(".//article").text_content()


def test_a_box_repeating_a_paragraph_goes_and_its_tail_stays():
    page = _page(
        f"<p>{SAID}</p>"
        f'<aside class="PullQuote_root__m4D2s" aria-hidden="true"><blockquote>{QUOTE}'
        "</blockquote><cite>Mara Ellison, utility board</cite></aside>tail"
        "<p>The board votes next month.</p>"
    )
    assert drop_pull_quotes(page) == 1
    assert _text(page) == f"{SAID}tailThe board votes next month."


def test_class_spellings():
    for mark in ('class="pull-quote"', 'class="n-content-pullquote"', 'id="pull_quote_1"'):
        page = _page(f"<p>{SAID}</p><div {mark}>{QUOTE}</div>")
        assert drop_pull_quotes(page) == 1, mark
    # A "Quote" block (Brightspot), its quotation cut short (audit 24).
    shortened = QUOTE.replace(", and we wanted it in writing", "")
    brightspot = f'<div class="Quote"><blockquote class="Quote-wrapper">{shortened}</blockquote>'
    page = _page(f"<p>{SAID}</p><div class='Enhancement'>{brightspot}</div></div>")
    assert drop_pull_quotes(page) == 1
    # A quotation block said once is the article's, and WordPress's block is never a box
    # (a repeat shorter than MIN_CONDENSED_WORDS, which any quotation is tested for).
    short = "“We wanted it in writing.”"
    for mark in ('class="Quote"', 'class="wp-block-quote"', 'class="blockquote"'):
        page = _page(f"<p>Before.</p><blockquote {mark}>{QUOTE}</blockquote>")
        assert drop_pull_quotes(page) == 0, mark
        page = _page(f"<p>{SAID}</p><blockquote {mark}>{short}</blockquote>")
        assert drop_pull_quotes(page) == (mark == 'class="Quote"'), mark


def test_a_styled_paragraph_said_once_stays():
    # Medium's `graf--pullquote` is the author's own emphasised paragraph, in the flow.
    styled = "Literally means actually, and the sentence should say only what happened."
    page = _page(
        f"<p>{SAID}</p><blockquote class='graf--pullquote pullquote'>{styled}</blockquote>"
    )
    assert drop_pull_quotes(page) == 0
    assert styled in _text(page)


def test_a_copy_in_a_script_is_no_repeat():
    page = lxml_html.fromstring(
        f"<html><head><script>var dek = '{QUOTE}';</script></head><body><article>"
        f"<p>Another paragraph.</p><div class='pullquote'>{QUOTE}</div></article></body></html>"
    )
    assert drop_pull_quotes(page) == 0


def test_short_quotes_and_big_boxes_stay():
    short = _page("<p>“Yes,” she said. Yes.</p><div class='pullquote'>“Yes.”</div>")
    assert drop_pull_quotes(short) == 0
    section = " ".join([SAID] * 4)
    big = _page(f"<p>{SAID}</p><section class='pullquote-layout'>{section}</section>")
    assert drop_pull_quotes(big) == 0


STOCK_FIGURE_QUOTE = """
import sys, trafilatura
print("quote-kept" if "guess what" in trafilatura.extract(open(sys.argv[1]).read()) else "dropped")
"""
PARAGRAPHS = "".join(
    f"<p>The {n} paragraph of the story, long enough to be prose, says what the grid planners"
    " told the state's regulators about the models at the hearing this week.</p>"
    for n in ("first", "second", "third")
)
UNIQUE = "We are basically using AI to guess what a utility engineer will say in three years."


def _quote_page() -> str:
    figure = (
        f"<figure class='wp-block-pullquote'><blockquote><p>{UNIQUE}</p>"
        "<cite>Hannah Lindqvist, Gridscape</cite></blockquote></figure>"
    )
    return (
        "<html><head><title>Models guess at the grid</title></head><body><article>"
        f"<h1>Models guess at the grid</h1>{PARAGRAPHS}{figure}{PARAGRAPHS}</article></body></html>"
    )


def test_upstream_drops_a_blockquote_set_in_a_figure(tmp_path):
    from tests.stock_trafilatura import stock_output

    page = tmp_path / "quote.html"
    page.write_text(_quote_page())
    assert stock_output(STOCK_FIGURE_QUOTE, page) == ["dropped"]


LISTING = (
    "<figure class='highlight'><pre><code class='language-python'>import time\n"
    "start = time.perf_counter()\nfor batch in loader:\n    model(batch)\n</code></pre></figure>"
)
STOCK_FIGURE_CODE = """
import sys, trafilatura
print("code-kept" if "perf_counter" in trafilatura.extract(open(sys.argv[1]).read()) else "dropped")
"""


def _code_page() -> str:
    return _quote_page().replace(
        "<figure class='wp-block-pullquote'>", f"{LISTING}<figure class='wp-block-pullquote'>"
    )


def test_upstream_drops_a_code_listing_set_in_a_figure(tmp_path):
    from tests.stock_trafilatura import stock_output

    page = tmp_path / "code.html"
    page.write_text(_code_page())
    assert stock_output(STOCK_FIGURE_CODE, page) == ["dropped"]


def test_a_code_listing_in_a_figure_is_the_articles():
    """Audit 27: Jekyll's highlighted listings were lost, line numbers or none."""
    from crawler.core.extract import extract_article

    text = extract_article(_code_page().encode(), "https://news.example/grid").text
    assert "start = time.perf_counter()" in text


def test_a_quotation_said_once_in_a_figure_is_the_articles():
    from crawler.core.extract import extract_article

    text = extract_article(_quote_page().encode(), "https://news.example/grid").text
    assert UNIQUE in text.split("\n")
    # A figure with a picture is a photo's, and is left to the caption rules.
    photo = lxml_html.fromstring(
        "<div><figure><img src='a.jpg'><blockquote>x</blockquote></figure></div>"
    )
    assert unwrap_text_figures(photo) == 0


def test_a_box_whose_sentences_the_article_says_apart_goes():
    # CNN (audit 41): the box joins two sentences the article quotes with the speaker
    # between them; the box's whole text is in the body once.
    said = (
        "“If the big platforms overspend, their shareholders take a hit,” said Rana Karim, "
        "an economist. “If the startups overspend, their lenders do. Those are different.”"
    )
    box = "“If the big platforms overspend, their shareholders take a hit. If the startups "
    box += "overspend, their lenders do.”"
    page = _page(f'<blockquote class="pull-quote"><p>{box}</p></blockquote><p>{said}</p>')
    assert drop_pull_quotes(page) == 1 and "lenders do." in _text(page)
    # One sentence of the box said elsewhere is not enough: the other is the box's own.
    own = "“If the big platforms overspend, their shareholders take a hit. Nobody knows who pays.”"
    page = _page(f'<blockquote class="pull-quote"><p>{own}</p></blockquote><p>{said}</p>')
    assert drop_pull_quotes(page) == 0


def test_an_unmarked_quotation_shortening_a_paragraph_goes():
    """A page builder's pull quote as a plain <blockquote>, the paragraph's sentence with a
    phrase cut (audit 45); a quotation the story does not say elsewhere stays."""
    said = (
        "The tool does not create staff. What it does, remarkably well, is stop us from "
        "wasting the ones we have, the ward manager said."
    )
    condensed = (
        "The tool does not create staff. What it does is stop us from wasting the ones we have."
    )
    page = _page(f"<p>{said}</p><blockquote><p>{condensed}</p></blockquote><p>{SAID}</p>")
    assert drop_pull_quotes(page) == 1
    assert condensed not in _text(page) and said in _text(page)
    letter = "We ask the board to publish every contract it signs with a software vendor."
    page = _page(f"<p>{SAID}</p><blockquote><p>{letter}</p></blockquote>")
    assert drop_pull_quotes(page) == 0


def test_a_quoted_document_before_its_paraphrase_stays():
    """The session review's case: the clause the story quotes, then a paragraph saying it
    again in other words around the same ones, is the story's quotation, not a pull quote."""
    clause = "The city shall not be liable for any damages arising from use of the park."
    paraphrase = (
        "In other words, the city shall not be liable, its lawyers argue, for any damages "
        "arising from use of the park by anyone, at any hour."
    )
    page = _page(
        f"<p>The contract says:</p><blockquote><p>{clause}</p></blockquote><p>{paraphrase}</p>"
    )
    assert drop_pull_quotes(page) == 0
    assert clause in _text(page)


FERRY = (
    "Dana Okafor, who has skippered the harbour ferry for eleven years, was unconvinced. “I"
    " thought the sonar would spend all winter shouting at seaweed,” she said. “It has not.”"
)
FERRY_QUOTE = "I thought the sonar would spend all winter shouting at seaweed."


def test_a_quote_block_with_its_citation_goes_when_the_story_says_it():
    """Audit 48: WordPress's quote block and Elementor's blockquote widget print the
    speaker under the sentence (`<cite>`, `<footer><cite>`); those words are not the
    paragraph's, and kept the repeat from being seen."""
    for cite in (
        "<cite>Dana Okafor, ferry skipper</cite>",
        "<footer><cite class='elementor-blockquote__author'>Dana Okafor, skipper</cite></footer>",
    ):
        quote = f"<blockquote class='wp-block-quote'><p>{FERRY_QUOTE}</p>{cite}</blockquote>"
        page = _page(f"<p>{FERRY}</p>{quote}<p>The council reviews the trial in May.</p>")
        assert drop_pull_quotes(page) == 1, cite
        assert _text(page).count("Okafor") == 1 and "eleven years" in _text(page)
    # Said once, the quotation and its speaker are the story's; and a document quoted
    # before the paragraph that discusses it is no repeat of that paragraph.
    letter = "We ask the harbour board to publish every sonar alarm the ferry logs this winter."
    for body in (
        f"<p>{FERRY}</p><blockquote><p>{letter}</p><cite>Harbour Users' Group</cite></blockquote>",
        f"<blockquote><p>{FERRY_QUOTE}</p><cite>Dana Okafor</cite></blockquote><p>{FERRY}</p>",
    ):
        page = _page(body)
        assert drop_pull_quotes(page) == 0


def _tweet_box(text: str, outer: str = "bctt-click-to-tweet") -> str:
    intent = "https://twitter.com/intent/tweet?url=https://news.example/ferry&amp;text=x"
    return (
        f"<div class='{outer}'><span class='bctt-ctt-text'><a href='{intent}'>{text}</a></span>"
        f"<a href='{intent}' class='bctt-ctt-btn'>Click To Tweet</a></div>"
    )


def test_a_click_to_tweet_box_repeating_the_story_goes():
    """Audit 48: Better Click To Tweet's box sets a sentence of the story again as a link
    that opens a tweet; it is a pull quote by its mark, with or without the speaker."""
    for box in (
        _tweet_box(f"“{FERRY_QUOTE}”"),
        _tweet_box(f"“{FERRY_QUOTE}” – Dana Okafor"),
        _tweet_box(f"“{FERRY_QUOTE}”", outer="sw-tweet-clear sw-click-to-tweet"),
        f"<aside class='tweetable-quote'><p>{FERRY_QUOTE}</p><a href='#'>Tweet this</a></aside>",
    ):
        page = _page(f"<p>{FERRY}</p>{box}<p>The council reviews the trial in May.</p>")
        assert drop_pull_quotes(page) == 1, box
        assert "Tweet" not in _text(page) and _text(page).count("seaweed") == 1


def test_a_click_to_tweet_box_said_once_keeps_its_sentence_not_its_button():
    own = "Sonar on a ferry is a smoke alarm for the sea, not a map of it."
    page = _page(f"<p>{FERRY}</p>{_tweet_box(own)}")
    assert drop_pull_quotes(page) == 0
    assert _text(page) == FERRY + own
    # A highlight inside a paragraph is that paragraph's own sentence, never a box.
    inline = f"<p>She said so twice. <span class='tweetable'>{FERRY_QUOTE}</span> Then left.</p>"
    page = _page(f"<p>{FERRY}</p>{inline}")
    assert drop_pull_quotes(page) == 0 and _text(page).count("seaweed") == 2
