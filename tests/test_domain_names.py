import pytest

from crawler.core.domain_names import spells_domain
from crawler.core.pipeline import Options, process_page


@pytest.mark.parametrize(
    ("name", "host"),
    [
        ("The Harbour Post", "harbourpost.com"),
        ("Los Angeles Times", "www.latimes.com"),
        ("LA Times", "latimes.com"),
        ("New York Times", "nytimes.com"),
        ("POLITICO", "www.politico.eu"),
        ("Ledger of the Valley", "ledgervalley.example"),
    ],
)
def test_a_name_spelled_by_the_domain(name, host):
    assert spells_domain(name, host)


@pytest.mark.parametrize(
    ("name", "host"),
    [
        ("Tech Ledger", "techledgerdaily.com"),  # a word of the domain the name lacks
        ("Apple Intelligence", "ai.com"),  # initials alone, no word spelled whole
        ("Council approves AI traffic pilot downtown", "capatpd.com"),  # a headline
        ("Harbour Post", "localhost"),  # no domain to spell
        ("", "harbourpost.com"),
    ],
)
def test_a_name_the_domain_does_not_spell(name, host):
    assert not spells_domain(name, host)


_STORY = (
    "<p>The council voted on Tuesday to approve a pilot of adaptive traffic signals that use "
    "machine learning to adjust their timing at twelve downtown intersections, the city's "
    "transport office said in a statement after the meeting.</p>"
)


def _page(title_tag: str, headline: str = "Council approves AI traffic pilot downtown") -> bytes:
    return (
        f"<html><head><title>{title_tag}</title></head><body><header>"
        "<a href='/' class='logo'>The Harbour Post</a><nav><a href='/news'>News</a></nav>"
        f"</header><main><article><h1>{headline}</h1>"
        f"<p class='byline'>By Jo Bell</p>{_STORY * 5}</article></main></body></html>"
    ).encode()


def test_a_title_element_holding_only_the_sites_name_yields_to_the_headline():
    """A theme that puts the site's name in every article's <title>, and no og:title: the
    <title> is the site's name (its domain spells it), the <h1> the headline."""
    url = "https://harbourpost.example/news/2025/council-ai-traffic"
    outcome = process_page(_page("The Harbour Post"), url, options=Options(min_words=1))
    assert outcome.record.title == "Council approves AI traffic pilot downtown"
    assert outcome.record.site_name == "The Harbour Post"


def test_without_the_domain_spelling_it_an_unrelated_heading_is_not_trusted():
    """The same page on a domain the <title> does not spell: nothing says the <title> is the
    site's name, and a short <h1> sharing no word with it (a section's name, as likely as a
    headline) is not trusted over it. A longer one over the prose is the headline
    (fields._lone_headline)."""
    url = "https://news.example/2025/council-ai-traffic"
    page = _page("The Harbour Post", "Council approves traffic pilot")
    outcome = process_page(page, url, options=Options(min_words=1))
    assert outcome.record.title == "The Harbour Post"
    outcome = process_page(_page("The Harbour Post"), url, options=Options(min_words=1))
    assert outcome.record.title == "Council approves AI traffic pilot downtown"
