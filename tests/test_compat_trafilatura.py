"""Each reach into trafilatura's internals (crawler.compat.trafilatura) against stock
trafilatura, on our test pages and the corpus: the same text, the same metadata."""

from __future__ import annotations

import logging
import tracemalloc
from pathlib import Path

import pytest
import trafilatura
from trafilatura import external as trafilatura_external
from trafilatura.metadata import META_URL, extract_metadata
from trafilatura.settings import set_date_params

import crawler.compat.trafilatura.metadata as compat_metadata
from crawler.compat.trafilatura.parser import (
    justext_stoplist,
    use_c_element_class,
    use_justext_stoplist,
)
from crawler.compat.versions import supported
from crawler.core import fields
from crawler.core.extract import ExtractionFailed, decode_html, parse_tree
from crawler.core.metadata import read_page_meta
from crawler.core.model import Hints

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
TEST_PAGES = sorted((REPO / "tests" / "pages").glob("*.html"))
NEEDS_CORPUS = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")


def _html(path: Path) -> str | None:
    try:
        return decode_html(path.read_bytes())
    except ExtractionFailed:
        return None  # a page that never reaches extraction (empty, binary)


def _full_text(html: str) -> str:
    """trafilatura's full run (readability and justext comparison included), as ours calls it."""
    document = trafilatura.bare_extraction(
        parse_tree(html),
        include_comments=False,
        favor_precision=True,
        with_metadata=False,
        deduplicate=False,
    )
    return (document.text or "") if document is not None else ""


def _corpus_pages(step: int = 1) -> list[Path]:
    return sorted((CORPUS / "pages").glob("*.html"))[::step]


def _pages_where_text_differs(paths: list[Path], use_ours) -> list[str]:
    """Pages whose full-run text changes when `use_ours(True)` replaces `use_ours(False)`."""
    differ = []
    try:
        for path in paths:
            html = _html(path)
            if html is None:
                continue
            use_ours(False)
            stock = _full_text(html)
            use_ours(True)
            if _full_text(html) != stock:
                differ.append(path.name)
    finally:
        use_ours(True)
    return differ


# --- justext stoplist ------------------------------------------------------------------------
def _english_stoplist(ours: bool) -> None:
    use_justext_stoplist(("en",) if ours else None)  # None: trafilatura's every-language list


def test_the_english_stoplist_is_a_small_subset_of_trafilaturas():
    use_justext_stoplist(("en",))
    ours = trafilatura_external.JT_STOPLIST
    assert ours == justext_stoplist(("en",)) and 100 < len(ours) < 2000
    use_justext_stoplist(())  # keep every language: trafilatura's own list
    assert trafilatura_external.JT_STOPLIST is None
    use_justext_stoplist(("en",))


def test_trafilaturas_own_list_once_built_is_kept_from_page_to_page():
    use_justext_stoplist(())
    built = trafilatura_external.jt_stoplist_init()  # what its justext fallback does
    use_justext_stoplist(())  # the next page, languages still unset
    assert trafilatura_external.JT_STOPLIST is built and len(built) > 50_000
    use_justext_stoplist(("en",))
    assert justext_stoplist(("en",)) == trafilatura_external.JT_STOPLIST


def test_our_stoplist_gives_stock_text_on_the_test_pages():
    assert _pages_where_text_differs(TEST_PAGES, _english_stoplist) == []


@pytest.mark.corpus
@NEEDS_CORPUS
def test_our_stoplist_gives_stock_text_on_the_corpus():
    assert _pages_where_text_differs(_corpus_pages(step=3), _english_stoplist) == []


# --- element class -------------------------------------------------------------------------
def test_the_c_element_class_gives_stock_text_on_the_test_pages():
    assert _pages_where_text_differs(TEST_PAGES, use_c_element_class) == []


@pytest.mark.corpus
@NEEDS_CORPUS
def test_the_c_element_class_gives_stock_text_on_the_corpus():
    assert _pages_where_text_differs(_corpus_pages(step=3), use_c_element_class) == []


# --- metadata steps ------------------------------------------------------------------------
ALWAYS = ("title", "url", "hostname", "description", "sitename", "image", "pagetype")


def _metadata_differences(path: Path) -> list[str]:
    """Fields where our step-by-step run disagrees with trafilatura's extract_metadata,
    among those it runs: the page-declared ones are skipped on purpose."""
    html = _html(path)
    if html is None:
        return []
    tree = parse_tree(html)
    page = read_page_meta(tree)
    url = "https://example.invalid/" + path.stem
    ours = compat_metadata.fallback_metadata(tree, url, page)
    stock = extract_metadata(parse_tree(html), url, set_date_params(False))
    compared = list(ALWAYS)
    own_host = META_URL.match(url)[1]
    if stock.url and stock.sitename == META_URL.match(stock.url)[1] and ours.sitename == own_host:
        # Deliberately not stock: a site named by no metadata is the page's own host, not
        # that of the URL the page declares, which may be another site's (hostile audit 6).
        stock.sitename = own_host
    site = fields.resolve_site_name(page, None)
    if not fields.resolve_authors(page, None, Hints(), site):
        compared.append("author")
    if fields.resolve_published(page, None, url, Hints())[1] not in ("jsonld", "meta", "time"):
        compared.append("date")
        if stock.date is None:  # then ours is htmldate's extensive search, less a bare year
            extensive = extract_metadata(parse_tree(html), url, set_date_params(True)).date
            stock.date = None if extensive and extensive.endswith("-01-01") else extensive
    if not fields.resolve_tags(page, None, Hints()):
        compared += ["categories", "tags"]
    return [
        f"{path.name}: {name} {getattr(ours, name)!r} != {getattr(stock, name)!r}"
        for name in compared
        if getattr(ours, name) != getattr(stock, name)
    ]


def test_metadata_steps_give_trafilaturas_values_on_the_test_pages():
    assert [d for path in TEST_PAGES for d in _metadata_differences(path)] == []


@pytest.mark.corpus
@NEEDS_CORPUS
def test_metadata_steps_give_trafilaturas_values_on_the_corpus():
    assert [d for path in _corpus_pages() for d in _metadata_differences(path)] == []


# --- version guard -------------------------------------------------------------------------
def test_a_release_outside_the_range_warns_once(caplog):
    with caplog.at_level(logging.WARNING, logger="crawler.compat.versions"):
        assert supported("trafilatura", "9.0", "10.0") is False
        assert supported("trafilatura", "9.0", "10.0") is False
    warnings = [r for r in caplog.records if "outside the range" in r.getMessage()]
    assert len(warnings) == 1 and "trafilatura" in warnings[0].getMessage()
    assert supported("trafilatura", "2.3.0", "2.4") is True  # the pinned release


def test_outside_the_range_metadata_is_stock_extract_metadata(monkeypatch):
    html = _html(REPO / "tests" / "pages" / "news_jsonld_full.html")
    url = "https://example.invalid/news"
    monkeypatch.setattr(compat_metadata, "in_range", lambda: False)
    tree = parse_tree(html)
    ours = compat_metadata.fallback_metadata(tree, url, read_page_meta(tree))
    stock = extract_metadata(parse_tree(html), url, set_date_params(False))
    elements = ("body", "commentsbody")  # trees of their own, equal only by identity
    values = [{k: v for k, v in d.as_dict().items() if k not in elements} for d in (ours, stock)]
    assert values[0] == values[1] and values[0]["author"]


_PROSE = (
    "<p>The chips compared below differ in memory bandwidth, in the number of cores and in "
    "how many of them each company has deployed across its own data centers this year.</p>"
)
_TABLE = (
    "<table><tr><th>Company</th><th>Chip</th></tr><tr><td>Google</td><td>TPU</td></tr>"
    "<tr><td>Amazon</td><td>Trainium</td></tr></table>"
)
_LIST = "<ul><li>Google</li><li>Amazon Web Services, which leads the market</li></ul>"
_SHARE = "<ul class='share'><li>Facebook</li><li>Email</li></ul>"


def _page(body: str) -> str:
    return f"<html><body><article>{_PROSE * 3}{body}{_PROSE}</article></body></html>"


def test_upstream_drops_a_cell_or_an_item_that_is_a_platforms_name():
    text = trafilatura.extract(_page(_TABLE + _LIST), include_tables=True)
    assert "| | TPU |" in text.replace("  ", " ") and "- Google" not in text


def test_a_cell_or_an_item_that_is_a_platforms_name_is_kept():
    from crawler.core.pipeline import process_page

    html = _page(_TABLE + _LIST + _SHARE)
    text = process_page(html.encode(), "https://news.example/chips").record.text
    assert "| Google | TPU |" in text and "- Google" in text and "\u2060" not in text
    assert "Facebook" not in text  # a share list stays for upstream's filter


_LINKED = (
    '<p><a href="/reports/chips">The full staff report on the chip purchase, including the '
    "vendor's own benchmark results, is available on the council's website.</a></p>"
)
_TEASERS = (
    '<p><a href="/story/1"><b>Rival labs want chips of their own. Regulators are not sure '
    "that is wise.</b></a></p>"
    '<p class="interstitial"><a href="/story/2">Cloud providers ration their newest '
    "accelerators as demand keeps growing.</a></p>"
    '<p><a href="/story/3">Inside the race to build the smallest useful language model</a></p>'
)


def test_upstream_drops_a_paragraph_that_is_one_link():
    text = trafilatura.extract(_page(_LINKED), include_comments=False)
    assert "staff report" not in text and "memory bandwidth" in text
    for mode in ({"favor_precision": True}, {"favor_recall": True}):
        assert "staff report" not in trafilatura.extract(_page(_LINKED), **mode)


def test_a_sentence_that_is_one_link_is_kept_and_a_teasers_headline_is_not():
    """Audit 21: "The full staff report … is available on the library's website." went."""
    from crawler.core.pipeline import process_page

    text = process_page(_page(_LINKED + _TEASERS).encode(), "https://news.example/c").record.text
    assert "The full staff report on the chip purchase" in text
    for teaser in ("Rival labs", "Cloud providers ration", "Inside the race"):
        assert teaser not in text, teaser


# --- a JSON-LD script of megabytes ---------------------------------------------------------
def _long_body_page(words: int) -> str:
    small = '{"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "Person", "name": "Ida Lind"}}'  # noqa: E501
    long = '{"@type": "NewsArticle", "articleBody": "%s"}' % ("token " * words)
    scripts = "".join(f'<script type="application/ld+json">{s}</script>' for s in (long, small))
    return f"<html><head>{scripts}<title>T</title></head><body>{_PROSE}</body></html>"


def _peak_bytes(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_upstream_json_ld_minifying_takes_a_hundred_bytes_a_character():
    from trafilatura.metadata import JSON_MINIFY

    script = '{"articleBody": "%s"}' % ("token " * 50_000)  # 300 KB
    assert _peak_bytes(lambda: JSON_MINIFY.sub(r"\1", script)) > 100 * len(script)


def test_a_json_ld_script_past_the_bound_is_not_given_to_trafilatura():
    tree = parse_tree(_long_body_page(200_000))  # 1.2 MB of articleBody
    page = read_page_meta(tree)
    found = []
    url = "https://example.invalid/long"
    peak = _peak_bytes(lambda: found.append(compat_metadata.fallback_metadata(tree, url, page)))
    assert peak < 30 * 2**20  # 180 MB in trafilatura's reader
    assert found[0].author == "Ida Lind"  # the other scripts are still read
    assert len(tree.xpath(compat_metadata._JSONLD_SCRIPTS)) == 2  # and stay on the page
    assert page.jsonld.get("articleBody", "").startswith("token token")  # ours reads it
