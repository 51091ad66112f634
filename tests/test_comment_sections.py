"""crawler.core.comment_sections: a thread in a box headed by its label goes; sections of
the article, and footers that share a label, stay."""

from lxml import html as lxml_html

from crawler.core.comment_sections import drop_comment_sections

PARAGRAPH = "The planner spends its probes where a model's accuracy is actually changing."
COMMENT = (
    '<div class="py-4"><a href="/quentinrb">quentinrb</a><span>2 days ago</span>'
    "<p>Really nice idea. Did you try seeding the first round from a smaller model?</p></div>"
)
SIGN_IN = '<div><a href="/join">Sign up</a> or <a href="/login">log in</a> to comment</div>'


def _page(after: str):
    return lxml_html.fromstring(
        f"<html><body><main><article><h1>HaystackLite</h1><p>{PARAGRAPH}</p></article>"
        f"{after}</main></body></html>"
    )


def _text(page) -> str:
    return " ".join(page.find(".//main").text_content().split())


def test_a_community_thread_with_its_sign_in_call_goes():
    page = _page(
        f'<div class="mt-10"><div class="contents" data-target="BlogCommunity">'
        f'<h2 class="mb-4">Community</h2>{COMMENT}{COMMENT}{SIGN_IN}</div></div>'
    )
    assert drop_comment_sections(page) == 1
    assert _text(page) == f"HaystackLite{PARAGRAPH}"


def test_a_comments_box_needs_only_a_word_of_commenting():
    for label in (
        "Comments",
        "Comments (12)",
        "12 Comments",
        "Reader comments",
        "Join the conversation",
    ):
        page = _page(f"<section><h3>{label}</h3><p>Comments are moderated.</p>{COMMENT}</section>")
        assert drop_comment_sections(page) == 1, label


def test_comments_picked_from_a_thread_go_by_their_label_alone():
    picked = "<p>ThatGuy: Spring, they said last year too.</p><p>Score: 42 Votes</p>"
    for label in ("Top Rated Comments", "Most Popular Comments", "Editors' Picks Comments"):
        page = _page(f'<div class="toprated"><h3>{label}</h3>{picked}</div>')
        assert drop_comment_sections(page) == 1, label
        assert _text(page) == f"HaystackLite{PARAGRAPH}"
    # The article's own section on ratings keeps its heading and text.
    page = _page(f"<section><h3>Top Rated Models</h3>{picked}</section>")
    assert drop_comment_sections(page) == 0


def test_a_footer_or_a_section_sharing_a_label_stays():
    footer = (
        "<footer><div><h4>Community</h4><ul><li><a href='/forums'>Forums</a></li>"
        "<li><a href='/guidelines'>Community Guidelines</a></li></ul></div></footer>"
    )
    # A section of the article under a label a comment box could have: no call to comment.
    section = (
        "<section><h2>Responses</h2><p>Regulators replied within a week, and the company said"
        " the replies were under review.</p></section>"
    )
    for after in (footer, section):
        page = _page(after)
        assert drop_comment_sections(page) == 0
    # A subheading inside the body is no box of its own.
    body = _page("")
    body.find(".//article").insert(1, lxml_html.fromstring("<h2>Comments</h2>"))
    assert drop_comment_sections(body) == 0
