import pytest

from crawler.core.domain_names import names_hosting_platform, spells_domain
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


_PARAGRAPH = (
    "<p>The allotment society voted on Saturday to share a soil sensor kit between its forty "
    "plots, after a trial last summer suggested that members watered their beds far more often "
    "than the moisture readings said the vegetables needed.</p>"
)


_ANY = Options(min_words=1)


def _blog_post(publisher: str, host: str, logo: str = "Harrow Hill Garden Diary") -> bytes:
    """A hosted blog's post as Blogger's Essential theme prints it: the blog's name a
    heading in the header, the JSON-LD naming the platform as the publisher."""
    ld = (
        '{"@context": "http://schema.org", "@type": "BlogPosting", "headline": "Our plots '
        'share one soil sensor kit", "datePublished": "2025-04-05T09:30:00+01:00", '
        f'"publisher": {{"@type": "Organization", "name": "{publisher}"}}, '
        '"author": {"@type": "Person", "name": "Rosalind Achebe"}}'
    )
    return (
        "<html><head><title>Our plots share one soil sensor kit</title>"
        "<meta content='blogger' name='generator'/>"
        f"<meta content='https://{host}/2025/04/soil-sensor.html' property='og:url'/>"
        "<meta content='Our plots share one soil sensor kit' property='og:title'/></head>"
        f"<body><header class='header-outer'><div class='widget Header' id='Header1'><h1>"
        f"<a href='https://{host}/'>{logo}</a></h1><p class='description'>Notes from plot "
        "nineteen</p></div></header><main><div class='post hentry'>"
        f"<script type='application/ld+json'>{ld}</script>"
        "<h3 class='post-title entry-title'>Our plots share one soil sensor kit</h3>"
        f"<div class='post-body entry-content'>{_PARAGRAPH * 4}</div></div></main>"
        "<footer><div class='widget Attribution'><a href='https://www.blogger.com'>Powered by "
        "Blogger</a></div></footer></body></html>"
    ).encode()


def test_a_platform_named_as_publisher_of_a_blog_it_hosts_is_not_the_sites_name():
    """Blogger names itself the publisher of every blogspot blog (audit 48): the blog's own
    name, its header's heading, is the site's."""
    host = "harrowhillgardens.blogspot.com"
    outcome = process_page(
        _blog_post("Blogger", host), f"https://{host}/2025/04/soil-sensor.html", options=_ANY
    )
    assert outcome.record.site_name == "Harrow Hill Garden Diary"


def test_a_platforms_name_stays_on_its_own_domain_and_a_blogs_own_publisher_stays():
    host = "www.blogger.com"
    outcome = process_page(
        _blog_post("Blogger", host), f"https://{host}/2025/04/soil-sensor.html", options=_ANY
    )
    assert outcome.record.site_name == "Blogger"
    # A publisher the blog names itself, even one with a platform's word in it.
    host = "harrowhillgardens.blogspot.com"
    page = _blog_post("Harrow Hill Bloggers", host)
    outcome = process_page(page, f"https://{host}/2025/04/soil-sensor.html", options=_ANY)
    assert outcome.record.site_name == "Harrow Hill Bloggers"


@pytest.mark.parametrize(
    ("name", "hosts", "hosted"),
    [
        ("Blogger", ["keralanotes.blogspot.com"], True),
        ("WordPress.com", ["quietcoder.wordpress.com"], True),
        ("Medium", ["blog.example.org", "blog.example.org"], True),
        ("Wix", ["www.kenteworks.com"], True),
        ("Blogger", [None], True),  # the page's host unknown
        ("Medium", ["medium.com"], False),  # the platform's own site
        ("Medium", ["fakehost", "medium.com"], False),  # a saved copy, its canonical there
        ("Blogger", ["www.blogger.com"], False),
        ("Medium Rare Reviews", ["mediumrare.blog"], False),  # not a platform's name
        ("The Harbour Post", ["harbourpost.com"], False),
    ],
)
def test_names_hosting_platform(name, hosts, hosted):
    assert names_hosting_platform(name, hosts) is hosted


_SHIPYARD = (
    "<p>The shipyard on the north bank said on Monday it would take on forty apprentices this "
    "autumn, the most in a decade, after winning a contract to refit two research vessels for "
    "a university consortium based in Aberdeen.</p>"
)
_SHIPYARD_HEADLINE = "Wallsend shipyard doubles its apprentice intake after refit contract"


def _builder_page(title_tag: str, hero: str = "Latest News") -> bytes:
    """A page builder's single-post template (Elementor's): no og:site_name or JSON-LD, a
    hero <h1> over every post, the post's title an <h2>, the site's name after the
    headline in the <title>."""
    return (
        f"<html><head><title>{title_tag}</title></head><body>"
        "<div data-elementor-type='header' class='elementor elementor-location-header'>"
        "<div class='elementor-widget-theme-site-logo'><a href='/'><img src='/logo.png' "
        "alt=''></a></div></div><div class='elementor elementor-location-single'>"
        "<div class='elementor-widget-heading'><h1 class='elementor-heading-title'>"
        f"{hero}</h1></div><div class='elementor-widget-theme-post-title'>"
        f"<h2 class='elementor-heading-title'>{_SHIPYARD_HEADLINE}</h2></div>"
        "<div class='elementor-widget-theme-post-content'>"
        f"{_SHIPYARD * 4}</div></div></body></html>"
    ).encode()


def test_a_title_part_the_domain_spells_is_the_sites_name_and_leaves_the_title():
    """With no og:site_name, the <title>'s last part spells the domain: the site's name,
    cut from the title (audit 48); a first part too."""
    url = "https://tynesidetradewire.co.uk/wallsend-shipyard-apprentices/"
    page = _builder_page(f"{_SHIPYARD_HEADLINE} &#8211; Tyneside Trade Wire")
    outcome = process_page(page, url, options=_ANY)
    assert outcome.record.site_name == "Tyneside Trade Wire"
    assert outcome.record.title == _SHIPYARD_HEADLINE
    page = _builder_page(f"Tyneside Trade Wire | {_SHIPYARD_HEADLINE}")
    outcome = process_page(page, url, options=_ANY)
    assert outcome.record.site_name == "Tyneside Trade Wire"
    assert outcome.record.title == _SHIPYARD_HEADLINE


def test_a_title_part_the_domain_does_not_spell_is_kept():
    """On a domain the part does not spell, nothing says it is the site's name."""
    url = "https://ttw-news.co.uk/wallsend-shipyard-apprentices/"
    title_tag = f"{_SHIPYARD_HEADLINE} &#8211; Tyneside Trade Wire"
    outcome = process_page(_builder_page(title_tag), url, options=_ANY)
    assert outcome.record.title == f"{_SHIPYARD_HEADLINE} – Tyneside Trade Wire"


def test_the_site_named_by_the_domain_leaves_the_lone_headline_rule_as_it_was():
    """A lone <h1> over the prose that reads as a headline is still the headline, the
    <title> written for search; a hero <h1> over the post's <h2> is not."""
    url = "https://tynesidetradewire.co.uk/wallsend-shipyard-apprentices/"
    hero = "North bank yard hires forty apprentices this autumn"
    page = _builder_page("Shipyard apprenticeships 2025 &#8211; Tyneside Trade Wire", hero)
    page = page.replace(
        f"<h2 class='elementor-heading-title'>{_SHIPYARD_HEADLINE}</h2>".encode(), b""
    )
    outcome = process_page(page, url, options=_ANY)
    assert outcome.record.title == hero
    assert outcome.record.site_name == "Tyneside Trade Wire"
    hero = "Business news from across Tyneside and the North East"
    page = _builder_page(f"{_SHIPYARD_HEADLINE} &#8211; Tyneside Trade Wire", hero)
    outcome = process_page(page, url, options=_ANY)
    assert outcome.record.title == _SHIPYARD_HEADLINE
