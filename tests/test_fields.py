from crawler.fields import clean_authors, resolve_authors, resolve_title, strip_site_suffix
from crawler.metadata import PageMeta
from crawler.model import Hints


def test_authors_without_by_and_staff_or_organizations():
    names = ["By Jane Doe and John Roe", "NBC News", "Reuters Staff", "The Verge Team"]
    assert clean_authors(names, organizations=["NBC News"]) == ["Jane Doe", "John Roe"]


def test_author_with_date_tail_and_domain():
    assert clean_authors(["Posted by Jane Doe on March 3, 2026"]) == ["Jane Doe"]
    assert clean_authors(["example.com", "Jane Doe | Senior Editor"]) == ["Jane Doe"]


def test_site_name_is_never_an_author():
    page = PageMeta(meta={"author": ["Pulse Tech News"]}, byline_names=("By Dana Whitfield",))
    assert resolve_authors(page, None, Hints(), site_name="Pulse Tech News") == ["Dana Whitfield"]


def test_title_suffix_and_prefix_of_the_site_are_stripped():
    assert strip_site_suffix("Big model ships | Pulse", "Pulse") == "Big model ships"
    assert strip_site_suffix("Big model ships - pulse.com", None) == "Big model ships"
    assert strip_site_suffix("Field Notes: Why we stopped", "Field Notes") == "Why we stopped"
    assert strip_site_suffix("Claude: a review", "Pulse") == "Claude: a review"


def test_a_title_that_is_only_the_site_name_falls_through():
    page = PageMeta(meta={"og:title": ["Econ Blog"]}, title_tag="Econ Blog: Rates and robots")
    assert resolve_title(page, None, Hints(), "Econ Blog") == ("Rates and robots", "title_tag")
