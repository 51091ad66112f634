"""Paragraphs served only inside <noscript> by a lazy-loading template
(crawler.core.noscript_text)."""

from crawler.core.options import Options
from crawler.core.pipeline import process_page

SHOWN = [
    "The county library system launched an AI tutoring service on Monday that helps adults "
    "prepare for high school equivalency exams in reading, math and science.",
    "Library officials said the service is free for cardholders and can be used on library "
    "computers or from home, and that human tutors will keep their weekly sessions.",
]
LAZY = [
    "The tutoring software was paid for with a state grant for adult education, according to "
    "a library spokesperson, and the contract runs for two years.",
    "Some librarians raised concerns at a board meeting last month that learners might rely on "
    "the tool instead of asking for help, but the board approved the plan.",
]


def page(body: str) -> bytes:
    return (
        "<html><head><title>Library adds AI tutoring</title></head><body>"
        "<header><noscript><p>Please enable JavaScript in your browser settings to use every "
        "feature of this website, including comments and the newsletter box.</p></noscript>"
        f"</header><article><h1>Library adds AI tutoring</h1>{body}</article>"
        "<footer><noscript><img src='/pixel.gif'></noscript></footer></body></html>"
    ).encode()


def text_of(body: str) -> str:
    outcome = process_page(page(body), "https://ledger.example/a", options=Options(min_words=1))
    return outcome.record.text


def test_paragraphs_served_only_in_noscript_are_read():
    """Audit 21: trafilatura drops every noscript, and four of a story's seven paragraphs
    went with them."""
    lazy = "".join(
        f'<div class="lazy" data-content="{p}"><noscript><p>{p}</p></noscript></div>' for p in LAZY
    )
    bare = f"<p><noscript>{LAZY[1]}</noscript></p>"  # the text alone, in the paragraph
    for body in (lazy, f'<div class="lazy"><noscript><p>{LAZY[0]}</p></noscript></div>{bare}'):
        text = text_of("".join(f"<p>{p}</p>" for p in SHOWN) + body)
        assert text.split("\n") == [*SHOWN, *LAZY]
        assert "JavaScript" not in text


def test_a_noscript_copy_of_a_paragraph_printed_anyway_is_not_read_twice():
    fallback = f"<p>{LAZY[0]}</p><noscript><p>{LAZY[0]}</p></noscript>"
    text = text_of("".join(f"<p>{p}</p>" for p in SHOWN) + fallback)
    assert text.count("state grant") == 1


def test_a_noscript_note_about_javascript_stays_out_of_the_body():
    note = (
        "<noscript><p>You need to enable JavaScript to see the interactive chart of funding "
        "rounds below.</p></noscript>"
    )
    text = text_of("".join(f"<p>{p}</p>" for p in SHOWN) + note)
    assert "JavaScript" not in text


def test_a_noscript_copy_of_several_paragraphs_is_not_read_twice():
    copy = "".join(f"<p>{p}</p>" for p in SHOWN)
    text = text_of(f"{copy}<noscript>{copy}</noscript>")
    assert text.count("county library") == 1


def test_an_app_shells_whole_story_in_noscript_is_read():
    # Audit 43: the page prints no paragraph outside its noscripts; the story was no_text.
    story = "".join(f"<p>{p}</p>" for p in (*SHOWN, *LAZY))
    shell = f"<div id='app'><div class='spinner'></div></div><noscript>{story}</noscript>"
    outcome = process_page(page(shell), "https://ledger.example/a", options=Options(min_words=1))
    assert outcome.reason == "ok", outcome.detail
    assert outcome.record.text.split("\n") == [*SHOWN, *LAZY]


def test_an_app_shell_whose_page_prints_a_dek_and_a_footer_line_is_still_read():
    # A dek and a footer's legal line are no story of the page's own: the rule of
    # crawler.core.app_shells, as for a template's story. The record was language_undetermined.
    story = "".join(f"<p>{p}</p>" for p in (*SHOWN, *LAZY))
    dek = (
        "<p class='dek'>Adults preparing for equivalency exams can now get help from a chatbot "
        "at their county library branch.</p>"
    )
    footer = (
        "<footer><p>The Ledger is published by the Ledger Media Company. All rights reserved; "
        "no part of this site may be copied without permission.</p></footer>"
    )
    html = (
        "<html><head><title>Library adds AI tutoring</title></head><body><article>"
        f"<h1>Library adds AI tutoring</h1>{dek}<div id='app'></div><noscript>{story}</noscript>"
        f"</article>{footer}</body></html>"
    )
    outcome = process_page(html.encode(), "https://ledger.example/a", options=Options(min_words=1))
    assert outcome.reason == "ok", outcome.detail
    assert all(p in outcome.record.text.split("\n") for p in (*SHOWN, *LAZY))
