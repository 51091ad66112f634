"""crawler.core.responsive_copies: a page's copies for other screen sizes are read once."""

from lxml import html as lxml_html

from crawler.core.pipeline import process_page
from crawler.core.responsive_copies import drop_responsive_copies

LEAD = (
    "Brackwater Robotics will move its arm assembly from Tilburg to a new plant outside "
    "Eindhoven next spring, doubling the number of robot arms it can build each month."
)
REST = (
    "The company said the old site could not take a second line without closing for half a "
    "year, and that most of its suppliers already ship from the Eindhoven region anyway."
)
MORE = (
    "About forty engineers will move with the line. The firm expects to hire sixty more "
    "people in the new plant during its first year, most of them technicians and welders."
)


def _framer_page() -> str:
    """A Framer-style post: the header and body rendered once for desktop and once for
    phones, each copy hidden by the page's breakpoint CSS at the other size."""

    def variant(hidden: str, name: str, dot: str) -> str:
        return (
            f'<div class="ssr-variant {hidden}"><section class="framer-8kd2q"'
            f' data-framer-name="{name}"><div data-framer-name="Meta"><p class="framer-text">'
            f'Aurelie Moss</p>{dot}<p class="framer-text">Apr 9, 2025</p></div>'
            '<div data-framer-name="Title"><h1 class="framer-text">Brackwater moves arm '
            'assembly to Eindhoven</h1></div><div data-framer-name="Body">'
            f'<p class="framer-text">{LEAD}</p><p class="framer-text">{REST}</p>'
            f'<p class="framer-text">{MORE}</p></div></section></div>'
        )

    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Brackwater moves arm assembly to Eindhoven</title>"
        "<style data-framer-breakpoint-css>@media (min-width: 1000px) { .hidden-q81zt4"
        " { display: none !important; } } @media (max-width: 999px) { .hidden-m4x0kc"
        " { display: none !important; } }</style></head><body>"
        '<div id="main"><nav data-framer-name="Nav"><a href="/">Brackwater</a>'
        '<a href="/news">News</a><a href="/careers">Careers</a></nav>'
        + variant("hidden-m4x0kc", "Post Desktop", '<p class="framer-text">·</p>')
        + variant("hidden-q81zt4", "Post Phone", "")
        + '<footer><p class="framer-text">© 2025 Brackwater Robotics B.V.</p></footer>'
        "</div></body></html>"
    )


def test_a_framer_post_printed_for_two_breakpoints_comes_out_once():
    outcome = process_page(_framer_page().encode(), "https://brackwater.example/news/eindhoven")
    assert outcome.record is not None, outcome.reason
    text = outcome.record.text
    for paragraph in (LEAD, REST, MORE):
        assert text.count(paragraph) == 1, text


def test_the_phone_copy_missing_a_separator_still_goes_and_the_desktop_copy_stays():
    tree = lxml_html.fromstring(_framer_page())
    assert drop_responsive_copies(tree) == 1
    (kept,) = tree.xpath("//section")
    assert kept.get("data-framer-name") == "Post Desktop"


def _siblings(first: str, second: str, body: str = f"<p>{LEAD}</p><p>{REST}</p>") -> str:
    return (
        f'<html><body><div class="post"><div class="{first}">{body}</div>'
        f'<div class="{second}">{body}</div></div></body></html>'
    )


def test_framework_classes_mark_copies_without_any_css_on_the_page():
    for first, second in (
        ("d-none d-md-block", "d-md-none"),  # Bootstrap 4 and 5
        ("hidden-xs hidden-sm", "visible-xs visible-sm"),  # Bootstrap 3
        ("w-hidden-small w-hidden-tiny", "w-hidden-main w-hidden-medium"),  # Webflow
        ("elementor-element elementor-hidden-mobile", "elementor-hidden-desktop"),
        ("hidden md:block", "md:hidden"),  # Tailwind
        ("show-for-large", "hide-for-large"),  # Foundation
        ("desktop-only", "mobile-only"),
    ):
        tree = lxml_html.fromstring(_siblings(first, second))
        assert drop_responsive_copies(tree) == 1, (first, second)
        assert tree.text_content().count(LEAD) == 1


def test_a_story_that_repeats_a_paragraph_unmarked_keeps_both():
    tree = lxml_html.fromstring(_siblings("chorus", "chorus"))
    assert drop_responsive_copies(tree) == 0
    assert tree.text_content().count(LEAD) == 2
    outcome_page = (
        "<html><head><title>The same words twice</title></head><body><article>"
        f"<h1>The same words twice</h1><p>{LEAD}</p><p>{REST}</p><p>{LEAD}</p><p>{MORE}</p>"
        "</article></body></html>"
    )
    outcome = process_page(outcome_page.encode(), "https://news.example/2025/04/twice")
    assert outcome.record is not None, outcome.reason
    assert outcome.record.text.count(LEAD) == 2


def test_marked_siblings_that_say_different_things_both_stay():
    summary = "<p>Brackwater is moving its robot arm assembly to a new plant near Eindhoven.</p>"
    page = (
        '<html><body><div class="post"><div class="hidden-mobile">'
        f"<p>{LEAD}</p><p>{REST}</p><p>{MORE}</p></div>"
        f'<div class="hidden-desktop">{summary}</div></div></body></html>'
    )
    tree = lxml_html.fromstring(page)
    assert drop_responsive_copies(tree) == 0
    assert "new plant near Eindhoven" in tree.text_content()


def test_a_marked_box_is_not_a_copy_of_a_long_sibling_sharing_its_single_words():
    # Every word of the box is somewhere in the article beside it, not its sentences.
    box = "<p>The plant will build robot arms for new suppliers each month.</p>"
    page = (
        f'<html><body><div class="post"><div class="body"><p>{LEAD}</p><p>{REST}</p>'
        f'<p>{MORE}</p></div><div class="hide-on-mobile">{box}</div></div></body></html>'
    )
    tree = lxml_html.fromstring(page)
    assert drop_responsive_copies(tree) == 0


def test_a_class_the_css_hides_at_a_breakpoint_without_a_copy_beside_it_stays():
    page = (
        "<html><head><style>@media (max-width: 600px) { .wide-note, .x9 { display: none } }"
        '.plain { display: none }</style></head><body><div class="post">'
        f'<p class="wide-note">{LEAD}</p><p class="plain">{REST}</p><p>{MORE}</p>'
        "</div></body></html>"
    )
    tree = lxml_html.fromstring(page)
    assert drop_responsive_copies(tree) == 0
    assert LEAD in tree.text_content()


def test_copies_are_only_compared_with_their_siblings():
    page = (
        f'<html><body><div class="intro"><p>{LEAD}</p></div><div class="post">'
        f'<div class="hidden-desktop"><p>{LEAD}</p></div><p>{REST}</p></div></body></html>'
    )
    tree = lxml_html.fromstring(page)
    assert drop_responsive_copies(tree) == 0


def test_a_marked_copy_beside_its_unmarked_twin_goes_whichever_comes_first():
    for first, second in (("hidden-mobile", "body"), ("body", "hidden-mobile")):
        tree = lxml_html.fromstring(_siblings(first, second))
        assert drop_responsive_copies(tree) == 1
        (kept,) = tree.xpath("//div[@class='post']/div")
        assert kept.get("class") == "body"


def test_a_script_holding_the_storys_text_is_neither_compared_with_nor_kept_as_the_copy():
    # Both screen sizes' bodies went, each "held" by the page's JSON state beside them.
    for script in (
        f'<script type="application/json">{{"blocks": ["{LEAD}", "{REST}"]}}</script>',
        f'<script type="application/ld+json">{{"articleBody": "{LEAD} {REST}"}}</script>',
    ):
        page = _siblings("body hidden-xs", "body visible-xs").replace(
            "</div></body>", f"{script}</div></body>"
        )
        tree = lxml_html.fromstring(page)
        assert drop_responsive_copies(tree) == 1, script
        (kept,) = tree.xpath("//div[@class='post']/div")
        assert kept.get("class") == "body hidden-xs"
        assert tree.xpath("//script"), script


def test_a_long_list_whose_items_a_framework_lays_out_per_breakpoint_keeps_every_item():
    # Tailwind's `md:flex` on each of many items: a list, not copies; comparing each item
    # with all its siblings took minutes on a list of 2,000, and equal items are entries.
    items = "".join(f'<li class="md:flex gap-2"><span>{LEAD}</span></li>' for _ in range(40))
    tree = lxml_html.fromstring(f"<html><body><ul>{items}</ul></body></html>")
    assert drop_responsive_copies(tree) == 0
    assert len(tree.xpath("//li")) == 40
    # Among a few marked siblings, a copy still goes.
    few = items[: 3 * len(items) // 40]
    tree = lxml_html.fromstring(f"<html><body><ul>{few}</ul></body></html>")
    assert drop_responsive_copies(tree) == 2
