"""crawler.core.source_lists: a fact-check's trailing "Our Sources" list goes; a writer's
own source line, and a sources list that is no list of citations, stay."""

from crawler.core.clean import clean_lines

STORY = [
    "A post shared thousands of times says the state banned delivery robots from sidewalks"
    " in every city last month.",
    "The state did pass a law on delivery robots, but it sets a speed limit and a weight"
    " limit and leaves the rest to each city council.",
    "Three cities have since voted to allow the robots on some streets, and none has voted"
    " to ban them.",
    "We rate this claim False.",
]


def test_a_sources_heading_over_citations_at_the_end_goes():
    sources = [
        "Our Sources",
        "State Legislature, Senate Bill 412, signed June 3, 2025",
        "Okafor, Tunde, et al. “Sidewalk Robots and Pedestrian Safety.” Urban Studies, 2024.",
    ]
    result = clean_lines(STORY + sources)
    assert result.lines == STORY
    assert result.removed["sources"] == 3


def test_a_sources_line_that_is_the_writers_own_or_no_citation_list_stays():
    table_note = [*STORY[:2], "Sources:", "Company statements", *STORY[2:]]
    links = [*STORY, "Sources:", "https://example.org/robots-law", "https://example.org/votes"]
    for lines in (table_note, links):
        assert clean_lines(lines).lines == lines


def test_a_section_of_prose_under_a_sources_heading_stays():
    """An explainer's last section headed "Sources" (where the water comes from) and a
    methodology note: sentences with a comma and a year, no references (the session review's
    cases)."""
    lines = [*STORY, "Sources"] + [
        "About 60 percent of the city's water, as of 2023, comes from the river via a canal.",
        "The rest is groundwater, pumped from aquifers that have dropped 30 feet since 1990.",
    ]
    assert clean_lines(lines).lines == lines
    method = [*STORY, "Sources", "This story is based on interviews with 14 employees, "
              "court filings from 2019 to 2023, and emails reviewed by the Ledger."]  # fmt: skip
    assert clean_lines(method).lines == method
