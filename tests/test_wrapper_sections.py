"""An aggregator's own labelled section above the story ("Key takeaway", "Why it matters")
holds the wrapper's words, not the story's; on other pages such a section is the newsroom's
own. tests/pages/aggregator_curated_takeaway.html is the whole aggregator page."""

from __future__ import annotations

from crawler.core.model import Hints
from crawler.core.pipeline import process_page

SECTION = (
    "The result matters because teams have been buying assistant licences on the strength"
    " of how fast developers feel, not how fast they are."
)


def _page(credit: str) -> bytes:
    paragraphs = [
        f"<p>In the study's {part} part, experienced developers took longer to finish real"
        " tasks with an AI assistant than without one, although the developers themselves"
        " believed the tools had made them faster, the researchers said.</p>"
        for part in ("first", "second", "third", "last")
    ]
    section = f"<div class='why'><h2>Why it matters</h2><p>{SECTION}</p></div>"
    body = section + "".join(paragraphs)
    return (
        "<html><head><title>AI assistants slowed experienced developers</title></head>"
        "<body><main><h1>AI assistants slowed experienced developers</h1>"
        f"<div class='story'>{body}</div>{credit}</main></body></html>"
    ).encode()


def _lines(page: bytes) -> list[str]:
    outcome = process_page(page, "https://news.example/2026/assistants", Hints())
    assert outcome.record is not None, outcome.reason
    return outcome.record.text.split("\n")


def test_a_newsrooms_own_section_stays():
    lines = _lines(_page(""))
    assert "Why it matters" in lines and SECTION in lines


def test_on_a_page_crediting_an_original_the_section_is_the_wrappers():
    credit = "<p><a href='https://osq.example/2026/study'>Read the original at OSQ</a></p>"
    lines = _lines(_page(credit))
    assert SECTION not in lines and "Why it matters" not in lines
    assert len(lines) == 4
