"""crawler.core.build_stamps: the time a site builder stamps on the page's root is when the
site was built, not when the article was published."""

from __future__ import annotations

from lxml import etree
from trafilatura.metadata import find_date
from trafilatura.settings import set_date_params

from crawler.compat.trafilatura.metadata import undeclared_date
from crawler.core.build_stamps import build_stamps_hidden
from crawler.core.extract import parse_tree
from crawler.core.pipeline import process_page

URL = "https://quellwerk.example/journal/solder-robots"
STORY = """
<nav><a href="/">Quellwerk</a> <a href="/journal">Journal</a> <a href="/jobs">Jobs</a></nav>
<main><div class="framer-1a0s8yk"><p>Journal · Apr 9, 2025</p></div>
<h1>Teaching a robot to solder by watching technicians</h1>
<p>Our soldering cell learned its first joints from forty hours of video of two technicians
at the Hagen plant, and it now finishes three of every four boards without help.</p>
<p>The hard part was not the motion but the timing: how long to hold the iron before the
tin flows, which the technicians judge by sight and the robot had to learn from the glint.</p>
<p>We will show the cell at the automation fair in Munich and publish the data set of joints,
graded by the technicians, for anyone who wants to try the same approach.</p></main>
<footer><p>Quellwerk GmbH, Hagen</p></footer>
"""


def _page(root: str = "", body: str = "", wrapper: str = "", tag: str = "div") -> str:
    return (
        f"<html{root}><head><title>Teaching a robot to solder</title></head><body{body}>"
        f'<{tag} id="main"{wrapper}>{STORY}</{tag}>'
        '<script>window.__builder = {"variant": "desktop"}</script></body></html>'
    )


FRAMER = (
    ' data-framer-ssr-released-at="2025-03-28T07:41:09.512Z"'
    ' data-framer-page-optimized-at="2025-04-14T16:02:55.073Z"'
)


def test_a_builders_release_and_optimisation_times_on_its_wrapper_do_not_date_the_post():
    html = _page(wrapper=FRAMER)
    # htmldate reads the site's release time in the wrapper's attribute
    assert find_date(parse_tree(html), **set_date_params(extensive=False), url=URL) == "2025-03-28"
    tree = parse_tree(html)
    page = etree.tostring(tree)
    assert undeclared_date(tree, URL) == "2025-04-09"
    assert etree.tostring(tree) == page  # the stamps are back
    record = process_page(html.encode(), URL).record
    assert record.published_at.date().isoformat() == "2025-04-09"


def test_build_times_on_the_html_and_body_elements_and_build_named_ones_anywhere_go():
    html = _page(
        root=' data-generated-at="2025-04-20T10:00:00Z"',
        body=' data-page-time="2025-04-21T10:00:00Z"',
    ).replace("<footer>", '<footer data-deployed-at="2025-04-22T10:00:00Z">')
    tree = parse_tree(html)
    with build_stamps_hidden(tree):
        assert "2025-04-2" not in etree.tostring(tree).decode()
    assert undeclared_date(parse_tree(html), URL) == "2025-04-09"


def test_a_publication_time_on_the_root_and_an_articles_own_time_stay():
    for html in (
        _page(body=' data-published-at="2025-04-08T09:30:00Z"'),
        _page(wrapper=' data-date="2025-04-08T09:30:00Z"'),
        _page(wrapper=' data-timestamp="2025-04-08T09:30:00Z"', tag="article"),
    ):
        tree = parse_tree(html)
        with build_stamps_hidden(tree):
            assert "2025-04-08T09:30:00Z" in etree.tostring(tree).decode()
        assert undeclared_date(parse_tree(html), URL) == "2025-04-08"


def test_a_time_on_an_element_inside_the_page_is_not_a_build_stamp():
    card = '<div class="event" data-starts="2025-05-02T09:00:00Z"><p>Automation fair</p></div>'
    html = _page().replace("<footer>", card + "<footer>")
    tree = parse_tree(html)
    with build_stamps_hidden(tree):
        assert "2025-05-02T09:00:00Z" in etree.tostring(tree).decode()


def test_a_wrappers_unnamed_time_and_a_press_release_date_are_the_posts():
    # A wrapper holding the whole post is not the page's root: its time may be the post's.
    for html, day in (
        (_page(wrapper=' data-timestamp="2025-04-08T09:30:00Z"'), "2025-04-08"),
        # "ssr" inside "pressrelease" is no builder's server-side render.
        (_page(wrapper=' data-pressrelease-date="2025-04-07T08:00:00Z"'), "2025-04-07"),
    ):
        tree = parse_tree(html)
        with build_stamps_hidden(tree):
            assert day in etree.tostring(tree).decode()
        assert undeclared_date(parse_tree(html), URL) == day
    # Near misses: the root's unnamed time and a builder's word at a boundary still go.
    for html in (
        _page(body=' data-timestamp="2025-04-21T10:00:00Z"'),
        _page(wrapper=' data-ssr-at="2025-04-21T10:00:00Z"'),
        _page(wrapper=' data-prerendered-at="2025-04-21T10:00:00Z"'),
    ):
        tree = parse_tree(html)
        with build_stamps_hidden(tree):
            assert "2025-04-21" not in etree.tostring(tree).decode()
