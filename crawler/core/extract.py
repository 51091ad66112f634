"""Bytes -> parsed tree -> trafilatura text plus page metadata.

The tree is parsed once: our metadata reader walks it first, then trafilatura's
metadata steps that our sources leave open (crawler.compat.trafilatura.metadata), then trafilatura
(which prunes its own copy) extracts the main text from it, once or up to three times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from w3lib.encoding import read_bom

from crawler.compat.justext import keep_inline_spaces
from crawler.compat.trafilatura.linked_paragraphs import unlink_prose_paragraphs
from crawler.compat.trafilatura.metadata import fallback_metadata
from crawler.compat.trafilatura.parser import use_c_element_class, use_justext_stoplist
from crawler.compat.trafilatura.platform_words import keep_platform_words
from crawler.compat.trafilatura.seek_links import unlink_seek_times
from crawler.compat.trafilatura.xpath import speed_up_trafilatura
from crawler.core import fields
from crawler.core.anonymous_blocks import quote_paragraphs, separate_block_runs
from crawler.core.audio_players import drop_audio_players
from crawler.core.bio_boxes import drop_bio_boxes
from crawler.core.bylines import other_work_names
from crawler.core.captions import drop_captions
from crawler.core.charset import bytes_to_text, drop_impossible_references, utf16_byte_order
from crawler.core.code_gutters import drop_code_gutters
from crawler.core.collapsed_text import hidden_with_paragraphs, reveal_collapsed_text
from crawler.core.comment_sections import drop_comment_sections
from crawler.core.dropped_headings import restore_headings
from crawler.core.embeds import drop_social_embeds
from crawler.core.entry_headers import keep_entry_headings
from crawler.core.faq_panels import show_faq_answers
from crawler.core.footnotes import tidy_footnotes
from crawler.core.formulas import recover_formulas
from crawler.core.gaps import fill_gaps, find_gaps, list_gaps, missing_words
from crawler.core.gzipped import GZIP_MAGIC, GzipError, gunzip
from crawler.core.heading_anchors import drop_heading_permalinks
from crawler.core.hidden import drop_hidden
from crawler.core.jsonld_body import jsonld_body
from crawler.core.kickers import drop_kickers
from crawler.core.lead_text import wrap_lead_text
from crawler.core.link_lists import drop_link_list_labels
from crawler.core.metadata import PageMeta, read_page_meta
from crawler.core.named_dates import named_publication_day
from crawler.core.noscript_text import show_noscript_paragraphs
from crawler.core.other_articles import drop_other_articles
from crawler.core.page_times import (
    attribute_stamps,
    days_in_figures,
    labelled_publication,
    page_text,
    visible_stamps,
)
from crawler.core.paragraph_wrappers import unwrap_paragraph_wrappers
from crawler.core.paywall import declared, paid_lines, paragraphs_before_wall
from crawler.core.photo_essays import gallery_captions, with_captions
from crawler.core.product_boxes import drop_product_boxes, drop_sponsor_boxes
from crawler.core.prose import PROSE_LINE_WORDS, ProseNode, prose_nodes, text_key
from crawler.core.pull_quotes import drop_pull_quotes, unwrap_text_figures
from crawler.core.responsive_copies import drop_responsive_copies, repeats_a_line
from crawler.core.sections import heading_texts
from crawler.core.signup_boxes import drop_signup_boxes
from crawler.core.speaker_labels import join_speaker_labels
from crawler.core.split_bodies import posing_as, split_body
from crawler.core.sponsor_sections import drop_sponsor_sections
from crawler.core.standfirst import add_standfirst, find_standfirst
from crawler.core.summary_boxes import drop_ai_summaries
from crawler.core.teasers import drop_teaser_cards
from crawler.core.templates import show_template_content
from crawler.core.ticker_chips import drop_ticker_moves
from crawler.core.video_cards import drop_video_cards
from crawler.core.wrapper_sections import drop_wrapper_sections

if TYPE_CHECKING:
    from trafilatura.settings import Document

BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")


class ExtractionFailed(Exception):
    """Carries a machine-readable reason for a page that yields no text."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


@dataclass
class RawArticle:
    text: str
    page: PageMeta
    found: Document | None  # trafilatura's metadata for the fields our sources lack
    method: str
    headings: frozenset[str] = frozenset()  # heading texts (crawler.core.sections)
    paid_lines: frozenset[str] = frozenset()  # blocks of the paid part (crawler.core.paywall)
    code_lines: frozenset[str] = frozenset()  # lines of <pre> and <code>, spaces collapsed
    before_wall: frozenset[str] = frozenset()  # paragraphs a cut wall follows (paywall.py)


MAX_INFLATED_BYTES = 10 * 1024 * 1024  # DOWNLOAD_MAXSIZE's default: no article is larger


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text: BOM, valid UTF-8, declared charset, then detection (crawler.core.charset)."""
    if not body or not body.strip():
        raise ExtractionFailed("empty", "empty body")
    if body.startswith(GZIP_MAGIC):
        body = _gunzipped(body)
    head = body[:1024].lstrip()
    if head.startswith(BINARY_SIGNATURES) or _binary(head):
        raise ExtractionFailed("not_html", f"binary content starting {head[:8]!r}")
    text = bytes_to_text(body, content_type)
    if "\x00" in text:  # a few stray NUL bytes in a text page: the parser would stop at one
        text = text.replace("\x00", "")
    return drop_impossible_references(text)


def _gunzipped(body: bytes) -> bytes:
    """A page gzipped without a Content-Encoding saying so (a file stored compressed and
    served as text/html): what it holds, as trafilatura's own fetch reads it. A bomb is
    `too_large`, a cut stream `truncated`; one that is not gzip after all stays as it came
    (`not_html`), and so does a second layer of gzip inside."""
    try:
        return gunzip(body, MAX_INFLATED_BYTES)
    except GzipError as error:
        if error.kind == "bad":
            return body
        raise ExtractionFailed("truncated" if error.kind == "cut_short" else error.kind,
                               str(error)) from error  # fmt: skip


# Control bytes that text never holds (not tab, newline, form feed, return or escape).
_CONTROL_BYTES = bytes([*range(1, 9), 11, *range(14, 27), *range(28, 32)])


def _binary(head: bytes) -> bool:
    """Binary, not text: control bytes (random or compressed data has one byte in eleven), or
    zero bytes beyond a stray few in a head that is not UTF-16, with or without a BOM."""
    if read_bom(head)[0] or utf16_byte_order(head):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) // 100 or head.count(0) > len(head) // 20


LAYOUT_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "article"}
)


def unwrap_layout_tables(tree: lxml_html.HtmlElement) -> int:
    """Turn layout tables into divs, so their cells are read as page regions, not as data.

    Old CMSes lay pages out with tables: read as data, a whole article becomes one
    "| ... |" row and the navigation column rows of its own. A table is layout when it
    says so (role="presentation"), when it cannot be a grid of data (one row of cells, a
    list of one-cell rows, or a form in it), when a cell holds block content (paragraphs,
    headings, lists, nested tables) or paragraphs laid out with <br>s, or when every cell
    is only a link (a menu); data tables hold inline text and stay tables.
    """
    layout = [table for table in tree.iter("table") if _is_layout(table)]
    # Every part's own table first: once a table is a div, its parts would find none.
    parts = [
        element
        for table in layout
        for element in table.iter("tbody", "thead", "tfoot", "tr", "td", "th")
        if _owner_table(element) is table
    ]
    for element in [*layout, *parts]:
        element.tag = "div"
    return len(layout)


def _is_layout(table) -> bool:
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    if _is_data_grid(table):
        return False
    if _never_a_grid(table):
        return True
    cells = [cell for cell in table.iter("td", "th") if _owner_table(cell) is table]
    if any(child.tag in LAYOUT_BLOCKS for cell in cells for child in cell):
        return True
    if any(_br_laid_prose(cell) for cell in cells):
        return True
    # A table of nothing but links is a menu: as divs, trafilatura drops it as navigation.
    texts = [(cell.text_content().strip(), cell) for cell in cells]
    filled = [(text, cell) for text, cell in texts if text]
    return bool(filled) and all(_all_link(cell) for _, cell in filled)


# A cell of paragraphs laid out with <br>s, as a 2000s site's article cell: prose a data
# cell never holds (an address or a name and a title broken over two lines are short).
MIN_BR_CELL_WORDS = 40


def _br_laid_prose(cell) -> bool:
    return cell.find("br") is not None and len(cell.text_content().split()) >= MIN_BR_CELL_WORDS


def _never_a_grid(table) -> bool:
    """A table that holds no data: one row of several cells with a spacer or a link among
    them (a site's header strip: "| | Tuesday 12 March 2019 | Login |"), a list of
    MIN_GRID_ROWS or more one-cell rows most of which hold a link or a time (a "More news"
    box, a comment thread), or a form (a comment form below its thread). Kept as tables,
    these came out as "| … |" lines past the chrome filters. A one-row table of figures or
    specs, a one-column list of items, a one-cell box and a picture above its caption stay
    tables: they are the story's own, and as divs precision mode drops their short text."""
    if table.find(".//form") is not None:
        return True
    rows = [row for row in table.iter("tr") if _owner_table(row) is table]
    cells = [[cell for cell in row if cell.tag in ("td", "th")] for row in rows]
    widest = max(map(len, cells), default=0)
    if len(rows) == 1 and widest >= 2:
        return any(not cell.text_content().strip() or _all_link(cell) for cell in cells[0])
    if widest == 1 and len(rows) >= MIN_GRID_ROWS:
        marked = sum(
            row.find(".//a") is not None or bool(_TIME.search(row.text_content())) for row in rows
        )
        return 2 * marked >= len(rows)
    return False


_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def _all_link(cell) -> bool:
    text = cell.text_content().strip()
    return bool(text) and "".join(a.text_content() for a in cell.iter("a")).strip() == text


MIN_GRID_ROWS = 3


def _is_data_grid(table) -> bool:
    """A header cell and at least MIN_GRID_ROWS rows of the same two or more cells: a data
    table (a list of films, a results table), even when a cell holds a list or a paragraph;
    or as many rows of a header cell beside its value (an infobox). Layout tables are a few
    rows of unequal cells and no header."""
    rows = [row for row in table.iter("tr") if _owner_table(row) is table]
    widths = [sum(1 for cell in row if cell.tag in ("td", "th")) for row in rows]
    if len(rows) < MIN_GRID_ROWS:
        return False
    has_header = any(cell.tag == "th" for row in rows[:2] for cell in row)
    if has_header and len(set(widths)) == 1 and widths[0] >= 2:
        return True
    # A key-value table (an infobox, a spec sheet): rows of a header cell and its value.
    labelled = [row for row in rows if row.find("th") is not None and row.find("td") is not None]
    return len(labelled) >= MIN_GRID_ROWS and 2 * len(labelled) >= len(rows)


def _owner_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


# What trafilatura has no option for (crawler.compat.trafilatura): one C-level element class
# (7% of a page's time), and its XPath constants rewritten to select the same nodes with
# fewer calls back into Python (9% less time). The records of all 300 corpus pages were
# identical with and without each. And jusText, its second fallback, keeps the space between
# two inline elements (crawler.compat.justext).
use_c_element_class()
speed_up_trafilatura()
keep_inline_spaces()


def parse_tree(text: str) -> lxml_html.HtmlElement:
    # trafilatura's own loader: its extractor expects the parser options it sets
    # (comments and PIs removed); a plain lxml tree makes it miss whole articles.
    try:
        tree = trafilatura.load_html(text)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionFailed("unparseable", str(error)[:200]) from error
    if tree is None and _MARKUP.search(text) is None:
        # Plain text, JSON, CSV (text/plain, whatever the label): not a web page, as a PDF is
        # not, and not `unparseable`, which says HTML was there and broken.
        raise ExtractionFailed("not_html", f"no HTML markup in a text body starting {text[:40]!r}")
    root = _xml_root(text)
    if root not in (None, "html") and (tree is None or _XML_DECLARATION.match(text)):
        # A feed or sitemap fetched as a page (a URL list's /feed/, a urlset listing
        # sitemaps): XML that is no web page, as a PDF is none; `unparseable`, a broken
        # page, was tried again every run. An XHTML page's root is <html>.
        raise ExtractionFailed("not_html", f"an XML document (<{root}>), not a web page")
    if tree is None:
        raise ExtractionFailed("unparseable", "no HTML document could be parsed")
    return tree


_MARKUP = re.compile(r"<[A-Za-z!/?]")  # a tag, a comment or doctype, a closing tag
# An XML declaration (if any), comments, processing instructions and a doctype, then the
# root element's name (its local part, after any prefix).
_XML_ROOT = re.compile(
    r"\A\ufeff?\s*(?:<\?xml\b.*?\?>)?(?:\s*<!--.*?-->|\s*<\?.*?\?>|\s*<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*"
    r"\s*<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)",
    re.S | re.I,
)


_XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml\b")


def _xml_root(text: str) -> str | None:
    """The name of the element a document opens with, past its prologue."""
    found = _XML_ROOT.match(text[:65536])
    return found[1].lower() if found else None


def extract_article(
    body: bytes,
    url: str,
    content_type: str | None = None,
    favor_precision: bool = True,
    languages: tuple[str, ...] = ("en",),
    max_words: int = 30_000,
) -> RawArticle:
    use_justext_stoplist(languages)
    tree = parse_tree(decode_html(body, content_type))
    page = read_page_meta(tree)
    if fields.lists_several_authors(page):
        page.credited_names = other_work_names(tree)
    undated = not fields.dated_in_markup(page)
    figure_text = ""
    if undated:
        page.labelled_published = labelled_publication(tree) or named_publication_day(tree, url)
        # Before reshape_tree takes out the comments and other stories: their days tell
        # the order the page writes days in ("4/13/2019" under "4/12/2019", audit 45).
        figure_text = page_text(tree)
    captions = gallery_captions(tree)
    # Before the wall's box goes as a sign-up box; only on a page that says it is not free
    # (JSON-LD isAccessibleForFree), as search engines ask of a walled page: the search reads
    # every text node, 2-3 ms a page.
    before_wall = paragraphs_before_wall(tree) if declared(page.jsonld) else frozenset()
    reshape_tree(tree, page)
    nodes = prose_nodes(tree)
    lead = find_standfirst(tree, page)
    metadata = fallback_metadata(tree, url, page)
    if not undated and fields.naive_markup_time(page):
        page.visible_stamps = tuple(visible_stamps(tree))  # they may name its zone
    if undated and not page.labelled_published and metadata.date:
        # Only where htmldate's day will date the record (1 ms a page on an old site's).
        page.visible_stamps = tuple(visible_stamps(tree))
        page.attribute_stamps = tuple(attribute_stamps(tree))
        if either := _either_order(metadata.date):
            page.figure_days = tuple(days_in_figures(figure_text, either))
    text = _main_text(tree, url, favor_precision, nodes)
    if repeats_a_line(text) and drop_responsive_copies(tree):
        # The body printed once per screen size; looked for only when the text says a long
        # line twice (the search of every element's classes cost 1.3 ms a page).
        nodes = prose_nodes(tree)
        text = _main_text(tree, url, favor_precision, nodes)
    method = "trafilatura"
    if favor_precision:
        text, method = _recall_pass(tree, url, text, nodes) or (text, method)
    text = restore_headings(tree, text)
    if lead and text.strip():
        text = add_standfirst(text, *lead)
    text = with_captions(text, captions)
    if body_jsonld := jsonld_body(page.jsonld, text, max_words):
        text, method = body_jsonld, "jsonld"  # trafilatura lost most of the article
    if not text.strip():
        raise ExtractionFailed("no_text", "no main text found")
    headings = heading_texts(tree, not_headings=lead[1:] if lead else ())
    paid = paid_lines(tree, page.jsonld)
    return RawArticle(text, page, metadata, method, headings, paid, code_lines(tree), before_wall)


def _either_order(iso_day: str) -> date | None:
    """htmldate's day (YYYY-MM-DD), when it could be the other reading of a day in figures:
    both numbers 12 or less, and not the same."""
    try:
        day = date.fromisoformat(iso_day[:10])
    except ValueError:
        return None
    return day if day.day <= 12 and day.month != day.day else None


def code_lines(tree) -> frozenset[str]:
    """The lines of the page's code blocks and inline code, spaces collapsed."""
    return frozenset(
        " ".join(line.split())
        for element in tree.iter("pre", "code")
        for line in _code_text(element).split("\n")
        if line.strip()
    )


def _code_text(element) -> str:
    """A listing's text, its `<br>`s as line ends: Medium sets each line of code as spans
    with a `<br>` after it, and the lines ran together into one the language filter read
    as prose (audit 34)."""
    if element.find(".//br") is None:
        return element.text_content()
    return "".join(_broken_text(element))


def _broken_text(element):
    yield element.text or ""
    for child in element:
        if child.tag == "br":
            yield "\n"
        elif isinstance(child.tag, str):
            yield from _broken_text(child)
        yield child.tail or ""


def reshape_tree(tree: lxml_html.HtmlElement, page: PageMeta) -> None:
    """The changes made to the tree on purpose, once, before any extraction run: layout
    tables read as regions; MathJax 2 formulas made their TeX; a code listing's line
    numbers dropped; text beside a block, and a quotation's divs, set on lines of their
    own; paragraphs served only in <noscript>, the rest of a story collapsed behind "Read
    more", and an FAQ's answers, shown; a run of one-paragraph wrappers unwrapped; hidden
    elements, other stories, teaser cards, a label with its list of links, repeated pull
    quotes, photo captions, embedded social posts, video cards, listen-to-this-article
    players, author bio boxes, sign-up boxes, product and sponsor boxes, a newsletter's
    sponsor sections, machine-written summaries and an aggregator's sections above the
    story taken out; a quotation's figure unwrapped; a br-laid body's lead text made a
    paragraph; a transcript's speaker labels moved into their turns' paragraphs; headings'
    permalink icons, the section label over the headline and bare footnote numbers
    removed, footnotes and sidenotes set as paragraphs; the headings of headers nested in
    the article kept, the rest of those headers not; a table cell or list item that is a
    platform's name ("Google") kept from trafilatura's share-label filter; a paragraph that
    is one link from end to end, a whole sentence, made text (trafilatura drops it)."""
    rare = _RARE_ELEMENTS(tree)  # one walk for five passes (0.2 ms a page, not 0.6)
    # A listing's table first: a gutter beside its code is one row of cells, layout to
    # unwrap_layout_tables, and as divs its numbers would be read as text.
    drop_code_gutters(tree, [e for e in rare if e.tag in ("pre", "code")])
    unwrap_layout_tables(tree)
    show_template_content([e for e in rare if e.tag == "template"])
    recover_formulas([e for e in rare if e.tag == "script"])
    separate_block_runs(tree)
    quote_paragraphs(tree)
    show_noscript_paragraphs(tree, [e for e in rare if e.tag == "noscript"])
    hidden = hidden_with_paragraphs(tree)
    reveal_collapsed_text(tree, hidden)
    show_faq_answers(tree, hidden)
    drop_hidden(tree)
    unwrap_paragraph_wrappers(tree)
    wrap_lead_text(tree)
    drop_heading_permalinks(tree)
    unlink_seek_times(tree)
    join_speaker_labels(tree)
    drop_kickers(tree)
    tidy_footnotes(tree)
    drop_ticker_moves(tree)
    drop_other_articles(tree, page)
    drop_teaser_cards(tree)
    drop_link_list_labels(tree)
    drop_pull_quotes(tree)
    unwrap_text_figures(tree)
    drop_comment_sections(tree)
    drop_captions(tree)
    drop_social_embeds(tree)
    drop_video_cards(tree, page.video_page)
    drop_audio_players(tree)
    drop_bio_boxes(tree)
    drop_signup_boxes(tree)
    drop_product_boxes(tree)
    drop_sponsor_boxes(tree)
    drop_sponsor_sections(tree)
    drop_ai_summaries(tree)
    drop_wrapper_sections(tree, page)
    keep_entry_headings(tree)
    keep_platform_words(tree)
    unlink_prose_paragraphs(tree, [e for e in rare if e.tag == "p"])


# What recover_formulas (MathJax 2's sources), drop_code_gutters, show_noscript_paragraphs
# and unlink_prose_paragraphs look at; /descendant:: steps, not //, one walk each (0.87 of
# the time: no step has a positional predicate, so they select the same nodes).
_RARE_ELEMENTS = etree.XPath(
    "/descendant::noscript | /descendant::pre | /descendant::code | /descendant::template"
    " | /descendant::a/parent::p[count(*) = 1]"
    " | /descendant::script[starts-with(@type, 'math/tex') or starts-with(@type, 'math/asciimath')]"
)


def _main_text(tree, url: str, favor_precision: bool, nodes: list[ProseNode]) -> str:
    """trafilatura's text, its comparison with readability and justext only when needed.

    The comparison costs about a fifth of an extraction and, over the corpus' 300 pages,
    changed the text of only the 12 where trafilatura's own extractor found nothing or a
    fragment. So the fast run goes first, and the full one only when that text is short
    against the page's prose.
    """
    text = _text_of(_trafilatura(tree, url, favor_precision, fast=True))
    if not _suspiciously_short(text, sum(node.words for node in nodes)) and not _cut_short(
        nodes, text
    ):
        return text
    return _text_of(_trafilatura(tree, url, favor_precision))


# trafilatura's fast run takes the first element its content XPaths find; an article body
# split into sibling blocks between ads ("article-body" three times) comes out as its first
# block, a third of the article, too long to look short. The paragraphs of the other blocks
# are prose of the same shape in the same wrapper. And its own extractor can drop an
# article's lists and subheadings while keeping the paragraphs around them: the list items
# between kept paragraphs are missing too (crawler.core.gaps.missing_words).
CUT_SHORT_SHARE = 0.25  # missing look-alike prose and list items, against the text's words


def _cut_short(nodes: list[ProseNode], text: str) -> bool:
    missing = missing_words(nodes, text)
    return missing >= max(RECALL_MIN_NEW_WORDS, CUT_SHORT_SHARE * len(text.split()))


def _text_of(document: Document | None) -> str:
    return (document.text or "") if document is not None else ""


def _trafilatura(
    tree: lxml_html.HtmlElement,
    url: str,
    favor_precision: bool,
    fast: bool = False,
    balanced: bool = False,
) -> Document | None:
    """The main text only: metadata comes from crawler.compat.trafilatura.metadata.

    trafilatura prunes a copy of a tree it is given, never the tree itself, so one parse
    serves all of a page's runs (tests/test_extract.py checks the tree is left as it was).
    """
    # No `options=` here: trafilatura ignores `url=` when options are passed.
    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=favor_precision and not balanced,
        favor_recall=not favor_precision and not balanced,
        with_metadata=False,
        deduplicate=False,
        fast=fast,
    )


# --- Recall pass ----------------------------------------------------------------------------
# Precision mode sometimes keeps a fragment (a bio, the last paragraph) and drops the body,
# or drops a paragraph from inside the article (crawler.core.gaps). The recall run costs a second
# extraction, so it only runs when the precision text is short both in absolute terms and
# against the prose the page visibly holds, or when the article's container has gaps. Its
# whole text is used only when it adds more new prose than the precision text had at all,
# and is not mostly short link-like lines; else only its lines that fill the gaps.
SHORT_TEXT_WORDS = 300  # a precision text this long is a whole article: no second run
RECALL_MIN_NEW_WORDS = 40
# List items dropped from between kept paragraphs (crawler.core.dropped_lists), in words:
# a prose line's worth is a list of the article's own, worth the recall run.
MIN_LIST_GAP_WORDS = 12
RECALL_MAX_SHORT_SHARE = 0.35  # share of the recall text in short lines: nav, lists, likes


def _recall_pass(tree, url: str, text: str, nodes: list[ProseNode]) -> tuple[str, str] | None:
    """(text, method) from a recall-mode run, or None when it is not needed or adds nothing."""
    short = _suspiciously_short(text, sum(node.words for node in nodes))
    gaps = find_gaps(nodes, text)
    items = list_gaps(nodes, text)
    if sum(item.words for item in items) >= MIN_LIST_GAP_WORDS:
        gaps += items
    if not short and not gaps:
        return None
    recall_text = _dedupe_lines(_text_of(_trafilatura(tree, url, False)))
    if short and recall_recovers(text, recall_text):
        return recall_text, "trafilatura_recall"
    if short and _split_body(nodes, text):
        # Both focused modes can keep one block of a body split into chunks (a live
        # page's posts, a paywalled interview's parts) where the balanced mode keeps all, or
        # some: a run over the blocks' container keeps all (crawler.core.split_bodies).
        balanced = _dedupe_lines(_text_of(_trafilatura(tree, url, False, balanced=True)))
        merged = _merged_blocks(tree, url, text, nodes)
        wider = [t for t in (balanced, merged) if _extends(t, text) and recall_recovers(text, t)]
        if wider:  # a wider second run, as the schema names it
            return max(wider, key=lambda t: len(t.split())), "trafilatura_recall"
    filled, added = fill_gaps(text, recall_text, gaps)
    return (filled, "trafilatura_recall") if added else None


def _merged_blocks(tree, url: str, text: str, nodes: list[ProseNode]) -> str:
    """Every mode kept the first of the blocks the body is split into: a run with their
    container in their place (crawler.core.split_bodies)."""
    found = split_body(tree, nodes, {text_key(line) for line in text.split("\n")})
    if found is None:
        return ""
    return _dedupe_lines(_text_of(_trafilatura(posing_as(tree, *found), url, True)))


SPLIT_BODY_SHARE = 2  # words of the kept paragraphs' kind left out, against the text's


def _split_body(nodes: list[ProseNode], text: str) -> bool:
    """The page holds at least twice the text's words more in paragraphs of the kind the
    text kept (same tag and class) that it left out: the body's other chunks. A brief
    beside a sidebar does not, and is spared a third run."""
    lines = {text_key(line) for line in text.split("\n")}
    kinds = {_kind(node) for node in nodes if node.key in lines}
    left_out = sum(n.words for n in nodes if n.key not in lines and _kind(n) in kinds)
    return left_out >= max(RECALL_MIN_NEW_WORDS, SPLIT_BODY_SHARE * len(text.split()))


def _kind(node: ProseNode) -> tuple:
    element = node.ancestors[-1]
    return element.tag, element.get("class") or ""


def _extends(wider: str, text: str) -> bool:
    """The wider text holds every prose line of the text (every line, when it has none): it
    is the rest of the same article, not another region of the page. A short line may be
    missing: the balanced mode drops a live page's first post heading that the focused one
    keeps (crawler.core.headline's restore puts headings back)."""
    lines = {" ".join(line.split()) for line in wider.split("\n")}
    own = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    prose = [line for line in own if len(line.split()) >= PROSE_LINE_WORDS]
    return all(line in lines for line in prose or own)


def _suspiciously_short(text: str, page_prose: int) -> bool:
    words = len(text.split())
    return words < SHORT_TEXT_WORDS and words < page_prose / 2


def _dedupe_lines(text: str) -> str:
    seen: set[str] = set()
    kept = []
    for line in text.split("\n"):
        key = " ".join(line.split())
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n".join(kept)


def _prose_words(lines) -> int:
    return sum(n for n in (len(x.split()) for x in lines) if n >= PROSE_LINE_WORDS)


def recall_recovers(precise: str, recall: str) -> bool:
    """True when the recall text adds more new prose than the precision text holds."""
    known = {" ".join(x.split()) for x in precise.split("\n")}
    lines = [" ".join(x.split()) for x in recall.split("\n") if x.strip()]
    new = [x for x in lines if x not in known and len(x.split()) >= PROSE_LINE_WORDS]
    new_prose = _prose_words(new)
    total = sum(len(x.split()) for x in lines)
    short = total - _prose_words(lines)
    return (
        len(new) >= 2  # one added block is more often a bio or a teaser than the body
        and new_prose >= max(RECALL_MIN_NEW_WORDS, _prose_words(precise.split("\n")))
        and short <= RECALL_MAX_SHORT_SHARE * total
    )
