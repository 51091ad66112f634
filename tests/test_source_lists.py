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
