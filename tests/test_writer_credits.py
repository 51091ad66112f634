"""Writers a credit sentence names where no byline does (audit 47)."""

from lxml import html as lxml_html

from crawler.core.pipeline import process_page
from crawler.core.writer_credits import credited_writers

STORY = "".join(
    f"<p>Paragraph {n}: the pilot ran for eleven weeks across three clinics, and the "
    "nurses who used the triage assistant asked to keep it when the trial ended.</p>"
    for n in range(6)
)


def _post(footer: str, head: str = "", after: str = "") -> str:
    return (
        f"<html><head><title>What eleven weeks of triage taught us</title>{head}</head><body>"
        '<nav><a href="/">Marlow Health</a></nav><main><article><header>'
        "<h1>What eleven weeks of triage taught us</h1><span>Jan 14, 2026</span></header>"
        f'<div class="post-body">{STORY}</div><footer class="post_footer">{footer}</footer>'
        f"</article>{after}</main></body></html>"
    )


def _authors(html: str) -> list[str]:
    return process_page(html.encode(), "https://marlow.example/blog/triage").record.authors


def _credited(html: str, publications=()) -> tuple[str, ...]:
    return credited_writers(lxml_html.fromstring(html), publications)


def test_the_posts_credit_in_its_footer_names_its_writers_not_its_helpers():
    footer = (
        '<p class="credits">This post was written by Wilhelmina Osei and Daniel Ferreira, '
        "with contributions from the Marlow clinical team. Thanks to the nurses of Ward 4.</p>"
    )
    html = _post(footer)
    assert _authors(html) == ["Wilhelmina Osei", "Daniel Ferreira"]
    # "with" and no comma: the helper after it is no writer.
    helped = _post("<p>This article was written by Wilhelmina Osei with help from Ana Ruiz.</p>")
    assert _credited(helped) == ("Wilhelmina Osei",)
    # An initial's stop is no sentence's end; linked names are read with their element.
    initials = _post(
        '<p>This piece was co-written by <a href="https://x.example/jro">J.R. Okonjo</a> '
        'and <a href="https://x.example/pl">Pia Lund</a>.</p>'
    )
    assert _credited(initials) == ("J.R. Okonjo", "Pia Lund")


def test_a_newsletters_line_about_itself_names_its_writer():
    head = '<meta property="og:site_name" content="Night Shift Notes">'
    box = (
        '</main><div class="subscribe"><h2>Subscribe to Night Shift Notes</h2>'
        "<p>Night Shift Notes is written by Corinne Abara: field notes on clinical AI, "
        "every other Sunday.</p></div><main>"
    )
    html = _post("", head=head, after=box)
    assert _authors(html) == ["Corinne Abara"]
    weekly = box.replace("is written by", "is a fortnightly newsletter by")
    assert _authors(_post("", head=head, after=weekly)) == ["Corinne Abara"]
    # Near miss: the same words about another work than the page's publication.
    other = box.replace("Night Shift Notes is written", "The Ward Report is written")
    assert _authors(_post("", head=head, after=other)) == []
    # And a page that names no publication of its own takes no such line.
    assert _authors(_post("", after=box)) == []


def test_credits_in_the_story_a_quote_or_the_comments_are_no_byline():
    # The words inside a sentence of the story: a mention, not a credit.
    mention = (
        "<p>We read the review closely; the post was written by a team at another hospital "
        "and reached the same conclusion about night shifts.</p>"
    )
    assert _credited(_post(mention)) == ()
    # A paragraph of the story about another work, opening with its credit.
    essay = "<p>The essay was written by Marguerite Sall in 1971.</p>"
    body = '<div class="post-body">'
    assert _credited(_post("").replace(body, body + essay)) == ()
    quoted = (
        "<blockquote><p>This post was written by Hal Brenner and Ida Sorensen.</p></blockquote>"
    )
    assert _credited(_post(quoted)) == ()
    comments = (
        '<section class="comments"><div class="comment-body"><p>This post was written by '
        "Gert Vaillant? Great work.</p></div></section>"
    )
    assert _credited(_post("", after=comments)) == ()
    # A byline the page prints wins over a credit further down.
    bylined = _post(
        "<p>This post was written by Wilhelmina Osei.</p>",
    ).replace("<span>Jan 14", '<p class="byline">By Rufus Adeyemi</p><span>Jan 14')
    assert _authors(bylined) == ["Rufus Adeyemi"]


def test_another_works_credit_and_other_posts_teasers_name_no_writer():
    # The story's last line credits the report it covers: "the report" is not the post.
    closing = (
        "<p>The report was written by Rosalind Achterberg and Tobias Mensah, senior fellows "
        "at the Harbour Institute.</p>"
    )
    page = _post("", after="").replace("</div><footer", f"{closing}</div><footer")
    assert _authors(page) == []
    # A recent post's title in the footer's links, and a box of the next post's teaser.
    recent = (
        '<h3>Recent posts</h3><ul><li><a href="/blog/buses">Guest post by Amara Okafor: what '
        "bus routes tell us</a></li></ul>"
    )
    assert _authors(_post(recent)) == []
    teaser = (
        '<section class="up-next"><h3>Up next</h3><p>Guest post by Amara Okafor. What bus '
        "routes tell us about a town.</p></section>"
    )
    assert _authors(_post("", after=teaser)) == []
    # Near miss: the post's own credit, unlinked, in its footer, is still read.
    assert _authors(_post("<p>Guest post by Amara Okafor.</p>")) == ["Amara Okafor"]
