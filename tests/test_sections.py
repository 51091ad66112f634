"""Sections: the text split at its headings, the record's check of them, and the two places
that edit a text after it is built (cleaning, site boilerplate) keeping headings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import trafilatura
from pydantic import ValidationError

from crawler.core.boilerplate import MemoryBoilerplateStore, SiteBoilerplate
from crawler.core.clean import clean_lines
from crawler.core.extract import decode_html, parse_tree
from crawler.core.model import ArticleRecord, Section
from crawler.core.sections import heading_texts, kept_headings, line_key, split_sections
from tests.test_schema import make_record

PAGES = Path(__file__).parent / "pages"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PROSE = "The committee published its findings on Monday after a review of four years of data."


def test_lines_before_the_first_heading_are_the_lead_and_every_line_is_kept_in_order():
    lines = ["Lead one.", "Lead two.", "Method", "Step one.", "Results", "Sub-results", "More."]
    sections = split_sections(lines, {"Method", "Results", "Sub-results"})
    assert [(s.heading, s.paragraphs) for s in sections] == [
        (None, ["Lead one.", "Lead two."]),
        ("Method", ["Step one."]),
        ("Results", []),
        ("Sub-results", ["More."]),
    ]
    assert [line for s in sections for line in s.lines()] == lines


def test_a_text_without_headings_is_one_lead_section_and_one_opening_with_a_heading_has_none():
    assert split_sections(["a.", "b."], set()) == [Section(heading=None, paragraphs=["a.", "b."])]
    assert split_sections(["Intro", "a."], {"Intro"})[0].heading == "Intro"


def test_heading_texts_mirror_trafilaturas_heading_elements_less_the_standfirst():
    html = f"""<html><body><article><h1>Headline  of the <em>story</em></h1>
    <h2 class="dek">A standfirst set in an h2 that repeats the description of the page.</h2>
    <p>{PROSE}</p><h2>What changed</h2><p>{PROSE}</p>
    <details><summary>Methodology</summary><p>{PROSE}</p></details>
    <p><strong class="schema-faq-question">Who pays?</strong></p>
    <h3>{"a heading-styled paragraph " * 8}</h3></article></body></html>"""
    tree = parse_tree(html)
    dek = "A standfirst set in an h2 that repeats the description of the page."
    assert heading_texts(tree, not_headings=[dek]) == {
        "Headline of the story",
        "What changed",
        "Methodology",
        "Who pays?",
    }


def _trafilatura_heading_lines(body: bytes, url: str) -> tuple[list[str], set[str]]:
    """Stock trafilatura, as our extraction calls it: its text lines and its <head> lines."""
    document = trafilatura.bare_extraction(
        decode_html(body), url=url, include_comments=False, favor_precision=True
    )
    if document is None or document.body is None:
        return [], set()
    heads = {line_key("".join(h.itertext())) for h in document.body.iter("head")}
    return [line_key(x) for x in (document.text or "").split("\n") if x.strip()], heads


def _agreement(paths: list[tuple[Path, str]]) -> tuple[int, int, list]:
    """(lines trafilatura wrote from a <head>, those we read as headings, disagreements)."""
    theirs = ours = 0
    disagreements = []
    for path, url in paths:
        body = path.read_bytes()
        lines, heads = _trafilatura_heading_lines(body, url)
        ours_here = heading_texts(parse_tree(decode_html(body)))
        for line in lines:
            is_head, is_ours = line in heads, line in ours_here
            theirs += is_head
            ours += is_head and is_ours
            if is_head != is_ours and len(line.split()) <= 20:
                disagreements.append((path.name, line))
    return theirs, ours, disagreements


def test_our_heading_lines_are_trafilaturas_on_every_golden_page():
    pages = []
    for expected in sorted(PAGES.glob("*.expected.json")):
        spec = json.loads(expected.read_text("utf-8"))
        page = expected.with_name(expected.name.replace(".expected.json", ".html"))
        if spec["reason"] == "ok":
            pages.append((page, spec["_input"]["url"]))
    theirs, ours, disagreements = _agreement(pages)
    assert theirs >= 15  # the pages do have headings
    assert disagreements == []


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_our_heading_lines_are_trafilaturas_on_the_corpus():
    gold = [json.loads(x) for x in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines()]
    pages = [(CORPUS / "pages" / f"{g['id']}.html", g["url"]) for g in gold[::5]]
    theirs, ours, disagreements = _agreement(pages)
    assert theirs >= 30
    assert len(disagreements) <= 0.02 * theirs, disagreements


def test_a_record_whose_sections_do_not_hold_its_text_is_refused():
    text = f"{PROSE}\nFindings\n{PROSE} Again."
    good = [
        {"heading": None, "paragraphs": [PROSE]},
        {"heading": "Findings", "paragraphs": [f"{PROSE} Again."]},
    ]
    assert ArticleRecord.model_validate(make_record(text=text, sections=good)).sections
    assert ArticleRecord.model_validate(make_record(text=text)).sections is None  # older records
    reordered = [good[1], good[0]]
    dropped = [good[0], {"heading": "Findings", "paragraphs": []}]
    for bad in (reordered, dropped, [good[0], {"heading": None, "paragraphs": [f"{PROSE} x"]}]):
        with pytest.raises(ValidationError):
            ArticleRecord.model_validate(make_record(text=text, sections=bad))


def test_a_heading_goes_only_with_its_whole_section():
    lines = ["Lead.", "Background", "Template.", "Mine.", "Newsletter", "Template 2."]
    removed = [False, True, True, False, True, True]
    headings = {"Background", "Newsletter"}
    assert kept_headings(lines, removed, headings) == [False, False, True, False, True, True]


PLACES = [
    "Lisbon",
    "Osaka",
    "Quito",
    "Tromso",
    "Dakar",
    "Perth",
    "Cusco",
    "Bergen",
    "Lagos",
    "Hanoi",
]


def story(n: int) -> list[str]:
    """Paragraphs that differ from other stories' by words (digits are normalized away)."""
    return [f"{PLACES[n]} paragraph on {PLACES[(n + k + 1) % 10]}: {PROSE}" for k in range(3)]


def test_site_boilerplate_keeps_a_recurring_heading_over_a_section_of_this_page():
    model = SiteBoilerplate(MemoryBoilerplateStore(), min_pages=3)
    heading = "Background to the ruling"
    for n in range(4):
        lines = [*story(n), heading, f"Context from {PLACES[n]}: {PROSE}"]
        stripped = model.learn_and_strip(
            f"https://site.test/{n}", f"p{n}", "\n".join(lines), {heading}
        )
        assert heading in stripped.text.split("\n")
    # without the heading known as one, the short recurring line is template, as before
    again = [*story(9), heading, f"Context from {PLACES[9]}: {PROSE}"]
    plain = model.learn_and_strip("https://site.test/9", "p9", "\n".join(again))
    assert heading not in plain.text.split("\n")


def test_a_related_block_ends_where_a_section_of_the_article_begins():
    lines = [PROSE, "Related stories", "Lab delays model release", "Section heading", PROSE]
    result = clean_lines(lines, headings={"Section heading"})
    assert result.lines == [PROSE, "Section heading", PROSE]
    assert result.removed["related"] == 2
    # an article's own "Related work" heading over a sub-heading stays
    own = [PROSE, "Related work", "Earlier benchmarks", PROSE]
    kept = clean_lines(own, headings={"Related work", "Earlier benchmarks"})
    assert kept.lines == own
