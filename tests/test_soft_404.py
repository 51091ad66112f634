"""A "soft 404": an error page served with 200. A site's template fills it with chrome and
trending stories, enough words to pass as an article; its title says what it is."""

from __future__ import annotations

from crawler.core.fields import is_error_page
from crawler.core.pipeline import process_page
from tests.bulk_site import article


def _error_page(title: str) -> bytes:
    """The site's 404 template: the error, then teasers of other stories with excerpts."""
    teasers = "".join(
        f"<section><h2>{article(700 + n)[0]}</h2>{article(700 + n)[1]}</section>" for n in range(2)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title} | Ledger Tech</title>"
        '<meta property="og:type" content="article"></head>'
        f"<body><main><h1>{title}</h1><p>Try the search box, or read these instead.</p>"
        f"{teasers}</main></body></html>"
    ).encode()


def test_an_error_page_served_as_200_is_rejected_not_an_article():
    for title in ("Page not found", "404 Error", "Oops! We can't find that page"):
        outcome = process_page(_error_page(title), "https://ledger.example/2026/11/gone-story")
        assert outcome.record is None and outcome.reason == "soft_404", title


def test_a_story_about_errors_is_no_error_page():
    for title in (
        "404 Not Found: the error page turns 30",
        "Not found: the missing model weights",
        "Why the page was not found by Google",
    ):
        assert not is_error_page(title), title
    assert is_error_page("A headline", "404 - Page Not Found | Ledger Tech")  # the <title>
