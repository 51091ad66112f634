import pytest

from crawler.core.canonical import (
    absolute_http_url,
    canonicalize,
    choose_canonical,
    is_fetchable,
    same_site,
)
from crawler.core.domains import url_domain
from crawler.core.model import Hints
from crawler.core.pipeline import Options, process_page


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://WWW.Example.COM:80/a?b=2&a=1#frag", "http://example.com/a?a=1&b=2"),
        ("https://example.com:443/x?utm_source=t&utm_medium=m&id=7", "https://example.com/x?id=7"),
        ("https://example.com/x?fbclid=abc&gclid=def", "https://example.com/x"),
        ("https://example.com/story/amp/", "https://example.com/story/"),
        ("https://example.com/story.amp.html", "https://example.com/story.html"),
        ("https://example.com/p;jsessionid=ABC?PHPSESSID=1&q=2", "https://example.com/p?q=2"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_canonicalize(raw, expected):
    assert canonicalize(raw) == expected
    assert canonicalize(expected) == expected  # idempotent


@pytest.mark.parametrize("junk", ["", "not a url", "mailto:a@b.c", "http://[::1", "javascript:x"])
def test_canonicalize_never_raises_on_junk(junk):
    assert isinstance(canonicalize(junk), str)


def test_same_site_ignores_www_and_counts_subdomains():
    assert same_site("https://www.example.com/a", "https://example.com/b")
    assert same_site("https://amp.example.com/a", "https://www.example.com/")
    assert not same_site("https://example.com/a", "https://example.org/a")
    assert not same_site("http://127.0.0.1:8001/", "http://127.0.0.1:8002/")


def test_choose_canonical_prefers_same_site_declaration_and_ignores_cross_site():
    fetched = "https://www.news.example/a?utm_source=x"
    assert choose_canonical(fetched, "/story-1") == "https://news.example/story-1"
    assert choose_canonical(fetched, "https://other.example/s") == "https://news.example/a"
    assert choose_canonical(fetched, None, "https://news.example/og") == "https://news.example/og"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.example/x", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("file:///etc/passwd", False),
        ("mailto:x@y.z", False),
        ("ftp://a.example/", False),
    ],
)
def test_only_http_links_are_fetchable(url, ok):
    assert is_fetchable(url) is ok


def test_a_urls_site_is_its_registrable_domain_from_the_bundled_suffix_list():
    assert url_domain("https://news.example.co.uk/a") == "example.co.uk"
    assert url_domain("https://WWW.Example.COM./a") == "example.com"
    assert url_domain("https://a.github.io/x") != url_domain("https://b.github.io/x")
    assert url_domain("http://127.0.0.1:8000/a") == url_domain("http://127.0.0.1:9/b")
    assert url_domain("http://localhost:8000/a") != url_domain("http://127.0.0.1:8000/a")
    assert url_domain("https://www.news.test/a") == url_domain("https://news.test/b")
    assert url_domain("http://[::1/broken") == "" and url_domain("not a url") == ""


def test_a_canonical_naming_a_page_above_the_story_is_not_trusted():
    """CMS templates print the section's (or the home page's) URL as every story's
    canonical: the stories shared one id, each emitted as an update of the one before."""
    story = "https://news.example/ai/chip-export-rules"
    for above in ("/ai/", "https://news.example/", "https://www.news.example/ai"):
        assert choose_canonical(story, above) == story, above
    # A view of the story may name the story; a sibling or the story itself is trusted.
    assert choose_canonical(story + "/print", story) == story
    assert choose_canonical(story + "/amp/", story + "/") == story + "/"
    assert choose_canonical("https://news.example/p/123", story) == story
    slugged = "https://news.example/news/1234567/chip-export-rules"
    assert choose_canonical(slugged, "/news/1234567") == "https://news.example/news/1234567"
    assert choose_canonical("https://news.example/2026/11/chip-rules", "/2026/11/") != (
        "https://news.example/2026/11/"
    )


def test_a_referrer_tag_and_a_session_parameter_name_no_other_page():
    story = "https://news.example/ai/chip-export-rules"
    for variant in ("?ref=homepage", "?ref=tag3&session=8f2c", "?session=8f2c"):
        assert canonicalize(story + variant) == story, variant
    assert canonicalize(story + "?page=2&ref=x") == story + "?page=2"


BAD_IMAGES = [
    "http://999.1.1.1/lead.jpg",
    "https://cdn .example.com/lead.jpg",
    "https://cdn.example.com|https://cdn2.example.com/lead.jpg",
    "https://xn--zz.com/lead.jpg",
]


@pytest.mark.parametrize("image", BAD_IMAGES)
def test_an_image_url_the_record_cannot_hold_costs_the_field_not_the_record(image):
    """The record's image_url is an HttpUrl: a host it refuses made the article a
    validation_error, refetched and refused every run."""
    assert absolute_http_url("https://n.example/a", image) is None
    paragraphs = "".join(
        f"<p>The council's new model sorts requests by topic and urgency, paragraph {n} of the"
        " story said, and staff check every answer before it is sent to residents.</p>"
        for n in range(5)
    )
    html = (
        f'<html><head><title>Council sorts mail with AI</title><meta property="og:image" '
        f'content="{image}"></head><body><article><h1>Council sorts mail with AI</h1>'
        f"{paragraphs}</article></body></html>"
    )
    outcome = process_page(html.encode(), "https://n.example/a", Hints(), Options())
    assert outcome.record is not None, outcome.reason
    assert outcome.record.image_url is None
    assert (
        str(absolute_http_url("https://n.example/a/", "lead.jpg")) == "https://n.example/a/lead.jpg"
    )


def test_a_relative_canonical_and_image_resolve_against_the_pages_base_href():
    paragraphs = "".join(
        f"<p>The museum's archive team used a vision model to date old photographs, paragraph"
        f" {n} of the story said, and curators checked each of the model's guesses.</p>"
        for n in range(5)
    )
    html = (
        '<html><head><base href="/assets/story-9/"><title>Museum dates photos with AI</title>'
        '<link rel="canonical" href="./"><meta property="og:image" content="lead.jpg"></head>'
        f"<body><article><h1>Museum dates photos with AI</h1>{paragraphs}</article></body></html>"
    )
    outcome = process_page(html.encode(), "https://m.example/news/photos", Hints(), Options())
    record = outcome.record
    assert record is not None, outcome.reason
    assert str(record.canonical_url) == "https://m.example/assets/story-9/"
    assert str(record.image_url) == "https://m.example/assets/story-9/lead.jpg"
