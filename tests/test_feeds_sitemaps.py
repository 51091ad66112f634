import gzip

import pytest

from crawler.core.feeds import parse_feed
from crawler.core.sitemaps import parse_sitemap
from crawler.core.xmlsafe import NotXml

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><title>Model A ships</title><link>https://a.example/2026/11/model-a/</link>
<pubDate>Fri, 20 Nov 2026 10:00:00 +0000</pubDate><dc:creator>Jane Roe</dc:creator>
<category>LLMs</category><category>Chips</category></item>
<item><title>No link</title></item>
<item><title>Relative</title><link>/2026/11/rel/</link><pubDate>not a date</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>L</title>
<entry><title>Robots learn</title><link rel="alternate" href="https://l.example/news/robots.html"/>
<published>2026-11-19T08:00:00Z</published><updated>2026-11-20T08:00:00Z</updated>
<author><name>Max Muster</name></author><category term="robotics"/></entry></feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://l.example/news/a.html</loc><lastmod>2026-11-21</lastmod>
<news:news><news:publication><news:name>L</news:name><news:language>en</news:language>
</news:publication><news:publication_date>2026-11-20T09:00:00Z</news:publication_date>
<news:title>A headline</news:title></news:news></url></urlset>"""


def test_rss_entries_carry_hints():
    entries = parse_feed(RSS, "https://a.example/feed/")
    assert [e.url for e in entries] == [
        "https://a.example/2026/11/model-a/",
        "",  # no link: kept, so the spider counts it
        "https://a.example/2026/11/rel/",
    ]
    first = entries[0]
    assert first.title == "Model A ships" and first.authors == ("Jane Roe",)
    assert first.tags == ("LLMs", "Chips") and first.published.startswith("Fri, 20 Nov")


def test_atom_entries_carry_hints():
    (entry,) = parse_feed(ATOM, "https://l.example/atom.xml")
    assert entry.url == "https://l.example/news/robots.html"
    assert entry.authors == ("Max Muster",) and entry.tags == ("robotics",)
    assert entry.published == "2026-11-19T08:00:00Z" and entry.updated == "2026-11-20T08:00:00Z"


def test_google_news_sitemap_keeps_title_and_publication_date():
    sitemap = parse_sitemap(NEWS_SITEMAP, "https://l.example/news-sitemap.xml")
    (entry,) = sitemap.entries
    assert not sitemap.is_index
    assert entry.news_title == "A headline"
    assert entry.news_publication_date == "2026-11-20T09:00:00Z"
    assert entry.newest_date().isoformat() == "2026-11-21T00:00:00+00:00"


def test_html_served_as_feed_is_a_clear_error():
    with pytest.raises(NotXml):
        parse_feed(b"<html><body><p>Not a feed</p></body></html>", "https://x.example/feed")
    with pytest.raises(NotXml):
        parse_sitemap(b"", "https://x.example/sitemap.xml")


def test_entities_are_never_expanded_or_read_from_disk():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&x;</title><link>https://a.example/x</link></item>
</channel></rss>"""
    (entry,) = parse_feed(xxe, "https://a.example/feed")
    assert "root:" not in (entry.title or "")
    laughs = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
<rss version="2.0"><channel><item><title>&e;</title><link>https://a.example/y</link></item>
</channel></rss>"""
    (entry,) = parse_feed(laughs, "https://a.example/feed")
    assert len(entry.title or "") < 1000


@pytest.mark.parametrize(
    "trouble",
    [
        b"<url><loc>https://a.example/&e9;</loc></url>",  # the entity bomb below
        b"<x>" * 300 + b"</x>" * 300,  # nesting past libxml2's 256 levels
    ],
    ids=["entity-bomb", "nesting"],
)
def test_a_sitemap_past_a_parser_limit_is_refused_not_cut_short(trouble):
    """The streamed reader logs these in its feed_error_log: it read the error_log, which
    stays empty, and returned the entries before the limit as the whole sitemap."""
    levels = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
    bomb = f'<!DOCTYPE r [<!ENTITY e0 "lol">{levels}]>'.encode()  # a billion 'lol's
    body = (
        b'<?xml version="1.0"?>' + bomb + b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://a.example/before</loc></url>" + trouble
        + b"<url><loc>https://a.example/after</loc></url></urlset>"
    )  # fmt: skip
    with pytest.raises(NotXml, match="refused"):
        parse_sitemap(body, "https://a.example/sitemap.xml")


def test_atom_xml_base_resolves_relative_links_from_the_root_down():
    feed = b"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/ai/">
  <title>AI desk</title>
  <entry xml:base="2026/11/"><title>One</title><link href="model-release"/><id>1</id></entry>
  <entry><title>Two</title><link href="../policy/eu-act"/><id>2</id></entry>
  <entry><title>Three</title><link xml:base="https://other.example/x/" href="y"/><id>3</id></entry>
</feed>"""
    urls = [entry.url for entry in parse_feed(feed, "https://news.example/feeds/atom.xml")]
    assert urls == [
        "https://news.example/ai/2026/11/model-release",
        "https://news.example/policy/eu-act",
        "https://other.example/x/y",
    ]


def test_rss_item_xml_base_is_honoured_and_absent_bases_change_nothing():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel xml:base="https://n.example/a/">
<title>t</title><item><title>i</title><link>b/c</link></item></channel></rss>"""
    assert [e.url for e in parse_feed(feed, "https://n.example/feed")] == [
        "https://n.example/a/b/c"
    ]
    plain = feed.replace(b' xml:base="https://n.example/a/"', b"")
    assert [e.url for e in parse_feed(plain, "https://n.example/feed")] == ["https://n.example/b/c"]


def test_a_gzipped_feed_served_without_content_encoding_is_read():
    """As `.xml.gz` sitemaps are: the bytes start with gzip's magic number."""
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>i</title><link>https://n.example/a</link></item></channel></rss>"""
    entries = parse_feed(gzip.compress(feed), "https://n.example/feed.xml.gz")
    assert [e.url for e in entries] == ["https://n.example/a"]
    with pytest.raises(NotXml, match="gzip expands past"):
        parse_feed(gzip.compress(b" " * (60 * 1024 * 1024)), "https://n.example/bomb.gz")


def test_an_atom_link_with_a_blank_href_is_no_url():
    feed = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"
xml:base="https://n.example/blog/"><title>t</title><entry><title>e</title><link href="   "/>
<id>1</id></entry></feed>"""
    assert [e.url for e in parse_feed(feed, "https://n.example/atom.xml")] == [""]


def test_a_gzipped_sitemap_cut_short_is_refused_and_members_are_all_read():
    def urlset(start: int) -> bytes:
        urls = "".join(
            f"<url><loc>https://n.example/{n}</loc></url>" for n in range(start, start + 500)
        )
        return (
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
        )

    packed = gzip.compress(urlset(0))
    with pytest.raises(NotXml, match="cut short"):
        parse_sitemap(packed[: len(packed) // 2], "https://n.example/s.xml.gz")
    # Two members: the document is their concatenation (here, one urlset split in two).
    whole = urlset(0)
    two = gzip.compress(whole[:5000]) + gzip.compress(whole[5000:])
    assert len(parse_sitemap(two, "https://n.example/s.xml.gz").entries) == 500


def test_a_gzipped_text_sitemap_is_read_and_an_html_page_is_not_one():
    body = gzip.compress(b"https://a.example/1\nhttps://a.example/2\n")
    sitemap = parse_sitemap(body, "https://a.example/sitemap.txt.gz")
    assert [entry.url for entry in sitemap.entries] == [
        "https://a.example/1",
        "https://a.example/2",
    ]
    with pytest.raises(NotXml):
        parse_sitemap(b"<html><body>https://a.example/1</body></html>", "https://a.example/s")


ATOM_LINKS = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>json first</title><link rel="alternate" type="application/json" href="/api/1.json"/>
<link rel="alternate" type="text/html" href="/story/1"/></entry>
<entry><title>iri</title><link rel="self" href="/self/2.atom"/>
<link rel="http://www.iana.org/assignments/relation/alternate" href="/story/2"/></entry>
<entry><title>cased</title><link rel="edit" href="/edit/3"/>
<link rel="Alternate" href="/story/3"/></entry>
<entry><title>comments only</title><link rel="replies" href="/comments/4.atom"/>
<link rel="related" type="text/html" href="/story/4"/></entry>
</feed>"""


def test_an_atom_entry_is_its_html_alternate_not_the_first_link():
    """The first alternate was taken whatever its type, and the first link when no rel said
    alternate in lower case: a JSON API URL, the feed itself, an edit URI, a comments feed."""
    entries = parse_feed(ATOM_LINKS, "https://a.example/feed")
    assert [e.url for e in entries] == [f"https://a.example/story/{n}" for n in (1, 2, 3, 4)]


RSS_LINKS = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://a.example/"><title>t</title></channel>
<item rdf:about="https://a.example/rdf/1"><title>no link</title></item></rdf:RDF>"""
RSS_GUIDS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>upper</title><guid isPermaLink="true">HTTPS://a.example/guid/1</guid></item>
<item><title>path</title><guid isPermaLink="true">/guid/2</guid></item>
<item><title>an id</title><guid>2026-12-06-0042</guid></item>
</channel></rss>"""


def test_rss_entries_without_a_link_use_their_permalink_or_rdf_about():
    (rdf,) = parse_feed(RSS_LINKS, "https://a.example/index.rdf")
    assert rdf.url == "https://a.example/rdf/1"
    urls = [e.url.lower() for e in parse_feed(RSS_GUIDS, "https://a.example/feed")]
    assert urls == ["https://a.example/guid/1", "https://a.example/guid/2", ""]  # an id: no URL


RSS_RELATIVE_ABOUT = b"""<?xml version="1.0"?><rdf:RDF
xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://a.example/"><title>t</title></channel>
<item rdf:about="/2026/12/agents-that-plan.html"><title>a path</title></item>
<item rdf:about="notes/evals.html"><title>a relative path</title></item>
<item rdf:about="urn:uuid:6c1f0b7e-2b1e-4c39-9d53-0f4b5e1d2a77"><title>an id</title></item>
<item rdf:about="#item-4"><title>a fragment</title></item>
<item rdf:about="12345"><title>a bare id</title></item>
</rdf:RDF>"""


def test_a_relative_rdf_about_is_resolved_against_the_feed():
    """RDF/XML allows a relative rdf:about: such an item was counted no_url (hostile round
    6). Another scheme's identifier or a bare fragment still names no page."""
    urls = [e.url for e in parse_feed(RSS_RELATIVE_ABOUT, "https://a.example/blog/index.rdf")]
    assert urls == [
        "https://a.example/2026/12/agents-that-plan.html",
        "https://a.example/blog/notes/evals.html",
        "",
        "",
        "",
    ]


JSON_FEED = """{"version": "https://jsonfeed.org/version/1.1", "title": "Lab notes",
 "home_page_url": "https://j.example/", "items": [
  {"id": "1", "url": "https://j.example/posts/agents", "title": "Agents that plan",
   "date_published": "2026-11-30T09:00:00Z", "authors": [{"name": "Ada O\u2019Neil"}],
   "tags": ["agents", 7], "summary": "Planning, measured."},
  {"id": "2", "url": "/posts/relative", "author": {"name": "Sam Poe"}},
  {"id": "3", "external_url": "https://elsewhere.example/story"},
  {"id": "4", "content_text": "a note with no URL"},
  "not an item"
 ]}""".encode()


def test_a_json_feed_gives_its_items_pages_and_hints():
    entries = parse_feed(b"\xef\xbb\xbf" + JSON_FEED, "https://j.example/feed.json")
    assert [e.url for e in entries] == [
        "https://j.example/posts/agents",
        "https://j.example/posts/relative",
        "https://elsewhere.example/story",
        "",  # no URL: counted by the spider
        "",
    ]
    first = entries[0]
    assert first.title == "Agents that plan" and first.authors == ("Ada O\u2019Neil",)
    assert first.tags == ("agents",) and first.published == "2026-11-30T09:00:00Z"
    assert entries[1].authors == ("Sam Poe",)  # JSON Feed 1.0's single author
    assert [e.url for e in parse_feed(gzip.compress(JSON_FEED), "https://j.example/f")][0]


def test_a_json_feeds_lone_surrogate_escapes_are_left_out():
    """Audit 25: an item's URL or title with half a surrogate pair ("\\ud83d", an emoji cut
    by the CMS) could not be written or looked up, and stopped the feed."""
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": ['
        b'{"url": "https://j.example/a\\ud800", "title": "Agents \\ud83d plan",'
        b' "authors": [{"name": "Ada \\udc00Lind"}], "tags": ["ai\\ud83d"]},'
        b'{"url": "https://j.example/b", "title": "Smile \\ud83d\\ude00"}]}'
    )
    first, second = parse_feed(body, "https://j.example/feed.json")
    assert (first.url, first.title, first.authors, first.tags) == (
        "https://j.example/a",
        "Agents  plan",
        ("Ada Lind",),
        ("ai",),
    )
    assert second.title == "Smile \U0001f600"  # a whole pair is the character it spells
    for entry in (first, second):
        (entry.url + entry.title).encode("utf-8")  # writable


def test_a_json_feed_item_with_a_5000_digit_id_costs_nothing():
    """Audit 36: json.loads refused the number ("Exceeds the limit (4300 digits)") and the
    whole feed was a bad_feed."""
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": ['
        b'{"id": ' + b"9" * 5000 + b', "url": "/a"}, {"id": 2, "url": "/b"}]}'
    )
    entries = parse_feed(body, "https://j.example/feed.json")
    assert [e.url for e in entries] == ["https://j.example/a", "https://j.example/b"]


def test_a_json_feed_with_an_empty_items_list_lists_nothing():
    body = b'{"version": "https://jsonfeed.org/version/1.1", "items": []}'
    assert parse_feed(body, "https://x.example/feed.json") == []


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b'{"items": [{"url": "https://x.example/a"}]}', "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": [', "does not parse"),
        # Audit 36: items as an object (by id) were read as none, a silent empty feed.
        (
            b'{"version": "https://jsonfeed.org/version/1", "items": {"a": {"url": "/a"}}}',
            "items are not a list",
        ),
        # Hostile audit 4: no items at all was an empty feed, silently.
        (b'{"version": "https://jsonfeed.org/version/1.1", "title": "t"}', "without items"),
        (b"[" * 100_000 + b"]" * 100_000, "XML"),  # not an object: not JSON Feed at all
        (
            b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
            "^JSON nested too deeply",
        ),  # deeper than Python's stack: not "maximum recursion depth exceeded"
    ],
)
def test_json_that_is_no_json_feed_is_refused_with_a_clear_detail(body, detail):
    with pytest.raises(NotXml, match=detail):
        parse_feed(body, "https://x.example/feed.json")


_BROKEN_FEED = (
    b"<rss><channel><title>AT&T and R&D news</title>"
    b"<item><title>Q&A: 5 < 6</title><link>https://f.example/a?id=101&amp;lang=en</link></item>"
    b"<item><title><![CDATA[Tom &amp; Jerry]]></title>"
    b"<link>https://f.example/a?id=102&lang=en&copy=1</link></item></channel></rss>"
)


def test_upstream_recovery_drops_amp_references_after_an_error():
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(_BROKEN_FEED, parser=parser)
    links = [link.text for link in root.iter("link")]
    assert links[0] == "https://f.example/a?id=101lang=en"  # the &amp; is gone


def test_a_bare_ampersand_or_less_than_sign_changes_no_other_entry():
    entries = parse_feed(_BROKEN_FEED, "https://f.example/feed")
    assert [entry.url for entry in entries] == [
        "https://f.example/a?id=101&lang=en",
        "https://f.example/a?id=102&lang=en&copy=1",
    ]
    assert [entry.title for entry in entries] == ["Q&A: 5 < 6", "Tom &amp; Jerry"]
    sitemap = parse_sitemap(
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://f.example/s?id=5&lang=en</loc></url>"
        b"<url><loc>https://f.example/s?id=6&amp;lang=en</loc></url></urlset>",
        "https://f.example/sitemap.xml",
    )
    assert [entry.url for entry in sitemap.entries] == [
        "https://f.example/s?id=5&lang=en",
        "https://f.example/s?id=6&lang=en",
    ]


URLSET = (
    '<?xml version="1.0" encoding="{label}"?>'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>https://c.example/u/café-menu</loc></url>"
    "<url><loc>https://c.example/u/plain?id=1&amp;lang=en</loc></url></urlset>"
)
WANTED = ["https://c.example/u/café-menu", "https://c.example/u/plain?id=1&lang=en"]


@pytest.mark.parametrize(
    ("label", "codec"),
    [("UTF-16", "utf-16"), ("UTF-16", "utf-16-le"), ("UTF-32", "utf-32"), ("UTF-8", "utf-8")],
)
def test_a_wide_encoded_sitemap_is_read(label, codec):
    """Our repairs of bare "&" and "<" work on bytes: in UTF-16 every "<" has a NUL byte
    beside it, and each was made "&#60;", so no root element was left."""
    body = URLSET.format(label=label).encode(codec)
    entries = parse_sitemap(body, "https://c.example/sitemap.xml").entries
    assert [entry.url for entry in entries] == WANTED


def test_a_latin1_declaration_over_utf8_bytes_is_read_as_utf8_and_latin1_bytes_as_latin1():
    body = URLSET.format(label="ISO-8859-1")
    utf8 = parse_sitemap(body.encode("utf-8"), "https://c.example/sitemap.xml").entries
    assert [entry.url for entry in utf8] == WANTED  # was ".../u/cafÃ©-menu"
    latin = parse_sitemap(body.encode("latin-1"), "https://c.example/sitemap.xml").entries
    assert [entry.url for entry in latin] == WANTED
