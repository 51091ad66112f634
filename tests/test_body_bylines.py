"""The byline a story prints in its own body, over the account the theme names (audit 48)."""

from lxml import html as lxml_html

from crawler.core.authors import names_in
from crawler.core.body_bylines import body_byline
from crawler.core.options import Options
from crawler.core.pipeline import process_page

_ANY = Options(min_words=1)
_URL = "https://leytegulfherald.ph/2025/03/tacloban-port-ai-cranes/"
_STORY = [
    "The Tacloban port authority has begun testing software that schedules its two gantry "
    "cranes, hoping to cut the time cargo ships spend waiting at anchor in the gulf.",
    "Dock workers said the trial had so far shortened the morning queue by about an hour, "
    "although night shifts were still planned by hand while the system was being tuned.",
    "The union asked for a written promise that no crane operator would lose shifts because "
    "of the software, and the authority said it would meet the union again in April.",
    "Shipping agents in Ormoc and Catbalogan said they would watch the trial closely before "
    "asking their own ports to try the same approach next year.",
]


def _post(account: str, body_top: str = "", body_end: str = "", jsonld_author: str = "") -> bytes:
    """A WordPress post (a Jannah-like news theme with Yoast): the theme's byline and the
    JSON-LD name the account that posted it; the story's own paragraphs follow."""
    slug = account.lower().replace(" ", "-")
    author = jsonld_author or account
    ld = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "Article", "headline": '
        '"Tacloban port tests AI crane scheduling", "datePublished": "2025-03-12T08:00:00+08:00"'
        f', "author": {{"name": "{author}"}}, "publisher": {{"@id": "#organization"}}}}, '
        '{"@type": "Organization", "@id": "#organization", "name": "Leyte Gulf Herald"}]}'
    )
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY)
    return (
        "<html lang='en-US'><head><title>Tacloban port tests AI crane scheduling &#8211; Leyte "
        "Gulf Herald</title><meta property='og:site_name' content='Leyte Gulf Herald'/>"
        f"<meta name='twitter:label1' content='Written by'/><meta name='twitter:data1' "
        f"content='{account}'/><script type='application/ld+json'>{ld}</script></head><body>"
        "<div id='tie-wrapper'><header class='main-nav-wrapper'><nav><a href='/'>Home</a>"
        "<a href='/business/'>Business</a></nav></header><article id='the-post'>"
        "<header class='entry-header-outer'><h1 class='post-title entry-title'>Tacloban port "
        "tests AI crane scheduling</h1><div class='single-post-meta post-meta'><span "
        f"class='meta-author'><a href='/author/{slug}/' class='author-name'>{account}</a>"
        "</span><span class='date meta-item'>March 12, 2025</span></div></header>"
        f"<div class='entry-content entry clearfix'>{body_top}{story}{body_end}</div>"
        "<div class='post-components'><div class='about-author'><h3>About the author</h3>"
        f"<a href='/author/{slug}/'>{account}</a></div></div></article></div></body></html>"
    ).encode()


def _record(page: bytes):
    return process_page(page, _URL, options=_ANY).record


def test_a_leading_by_paragraph_is_the_byline_over_the_account_that_posted():
    top = "<p><strong>By ROLANDO BAUTISTA MERCADO</strong><br /><em>Correspondent</em></p>"
    record = _record(_post("LGH Online", top))
    assert record.authors == ["Rolando Bautista Mercado"]
    assert record.text.split("\n")[0] == _STORY[0]  # the byline and its role gone
    # The account a newsroom's staff, or the site itself.
    record = _record(_post("LGH Staff", "<p>By Corazon Villanueva</p>"))
    assert record.authors == ["Corazon Villanueva"]
    record = _record(_post("Leyte Gulf Herald", "<p><em>By Corazon Villanueva</em></p>"))
    assert record.authors == ["Corazon Villanueva"]


def test_a_closing_note_about_the_writer_names_them_over_a_guest_account():
    end = (
        "<p><em>Arnel Dacanay is a freelance journalist based in Ormoc who covers shipping "
        "and the fishing industry.</em></p>"
    )
    record = _record(_post("Guest Contributor", body_end=end))
    assert record.authors == ["Arnel Dacanay"]
    assert "freelance journalist" not in record.text
    # Under a rule, not in italics.
    end = "<hr/><p>Arnel Dacanay is a freelance writer in Ormoc.</p>"
    assert _record(_post("Guest Contributor", body_end=end)).authors == ["Arnel Dacanay"]


def test_a_guest_account_is_no_ones_name():
    for account in ("Guest Contributor", "Guest Author", "guest writers", "Guest Post"):
        assert names_in(account) == [], account
    assert names_in("By Christopher Guest") == ["Christopher Guest"]


def test_a_person_the_metadata_names_is_kept_over_the_body():
    """The body's byline wins over an account only: a person named by the JSON-LD and the
    theme stays the writer."""
    top = "<p>By Corazon Villanueva</p>"
    record = _record(_post("Tomas Herrera", top))
    assert record.authors == ["Tomas Herrera"]


def test_a_sentence_opening_with_by_and_paragraphs_inside_the_story_are_no_byline():
    # The story's first paragraph, a sentence that opens with "By".
    top = (
        "<p>By Tuesday The Port Authority had moved both cranes onto the new schedule, a week "
        "ahead of the plan it gave the union.</p>"
    )
    record = _record(_post("LGH Online", top))
    assert record.authors == ["LGH Online"]
    assert record.text.split("\n")[0].startswith("By Tuesday")
    # A "By" line after the story's prose has begun: a credit inside the story.
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY[:2])
    page = _post("LGH Online", f"{story}<p>By Corazon Villanueva</p>")
    assert _record(page).authors == ["LGH Online"]
    # The name and the story's first sentence in one paragraph: no byline paragraph.
    top = "<p>By Corazon Villanueva<br/>The port authority said on Monday it would expand.</p>"
    assert _record(_post("LGH Online", top)).authors == ["LGH Online"]


def test_a_closing_paragraph_about_a_journalist_in_the_story_is_no_note():
    """The story's own last paragraph about a journalist (not set apart), and a note with
    the story's prose after it, name no writer."""
    end = "<p>Arnel Dacanay is a freelance journalist who was stopped at the port in May.</p>"
    assert _record(_post("LGH Online", body_end=end)).authors == ["LGH Online"]
    end = (
        "<p><em>Arnel Dacanay is a freelance journalist based in Ormoc.</em></p>"
        f"<p>{_STORY[0]}</p><p>{_STORY[1]}</p>"
    )
    assert _record(_post("LGH Online", body_end=end)).authors == ["LGH Online"]


def test_body_byline_reads_the_first_line_of_the_leading_paragraph():
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY)
    tree = lxml_html.fromstring(
        f"<div class='entry-content'><p><b>BY ANA DELA ROSA</b><br>Senior Reporter</p>{story}</div>"
    )
    assert body_byline(tree) == ("BY ANA DELA ROSA",)
    tree = lxml_html.fromstring(f"<div class='comments'><p>By Ana Dela Rosa</p>{story}</div>")
    assert body_byline(tree) == ()  # a comment's signature, not the story's byline
