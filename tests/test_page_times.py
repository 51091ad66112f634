"""Which of a page's dates is the article's: `<time>` outside the site's chrome, the
publication before the update, and visible text when the markup has no date."""

from __future__ import annotations

from datetime import date

from lxml import etree
from trafilatura.metadata import find_date
from trafilatura.settings import set_date_params

from crawler.compat.trafilatura.metadata import undeclared_date
from crawler.core import page_times
from crawler.core.extract import parse_tree
from crawler.core.page_times import labelled_publication, publication_times
from crawler.core.pipeline import process_page

URL = "https://riverside.example/news/library-hours"
ARTICLE = """
<article><header><h1>Library extends weekend hours after a petition</h1></header>
<div class="entry-meta">By Lorenzo Vidal {meta}</div>
<p>The county library will open on Sundays from next month after more than two thousand
residents signed a petition asking for weekend hours that suit working families.</p>
<p>Trustees approved the change on Tuesday and said the extra hours would be staffed by
moving two part-time positions from the branch that closes for renovation in the spring.</p>
<p>The petition was started by a group of parents who said the reading room was the only
quiet place their children had for homework on weekends, and they thanked the board.</p>
<footer class="entry-footer">{footer}</footer></article>
"""


def _page(meta="", footer="", before="", after=""):
    body = ARTICLE.format(meta=meta, footer=footer)
    head = "<html><head><title>Library hours</title></head>"
    return f"{head}<body>{before}{body}{after}</body></html>"


def test_a_masthead_date_is_not_the_articles():
    masthead = (
        '<header class="masthead"><time datetime="2025-06-18">Wednesday, June 18, 2025</time>'
        '<a href="/">Riverside Dispatch</a></header>'
    )
    html = _page(meta='<time datetime="2025-06-02">June 2, 2025</time>', before=masthead)
    assert publication_times(parse_tree(html)) == ["2025-06-02"]
    record = process_page(html.encode(), URL).record
    assert record.published_at.date().isoformat() == "2025-06-02"


def test_a_time_without_datetime_is_read_from_its_written_day():
    # HTML: a <time> without `datetime` holds its value as its text. EurekAlert's releases.
    html = _page(meta="<time>14-Jan-2026</time>")
    assert publication_times(parse_tree(html)) == ["14-Jan-2026"]
    record = process_page(html.encode(), URL).record
    assert record.published_at.date().isoformat() == "2026-01-14"
    assert publication_times(parse_tree(_page(meta="<time>2 hours ago</time>"))) == []


def test_sidebar_related_and_comment_dates_are_left_out_and_the_articles_footer_kept():
    sidebar = (
        '<aside><ul><li><a href="/a">Pool reopens</a> <time datetime="2025-05-30"></time></li>'
        '</ul></aside><div class="related-stories"><time datetime="2025-05-01"></time></div>'
        '<ol class="comment-list"><li><time datetime="2025-06-05"></time></li></ol>'
        '<footer class="site-footer"><time datetime="2025-01-01"></time></footer>'
    )
    html = _page(footer='Posted <time datetime="2025-06-02T09:00:00Z">June 2</time>', after=sidebar)
    assert publication_times(parse_tree(html)) == ["2025-06-02T09:00:00Z"]


def test_a_date_line_that_links_to_the_comments_is_the_articles():
    meta = (
        '<div class="article__date-and-comments"><time datetime="2025-06-02">June 2</time>'
        ' · <a href="#comments">4 comments</a></div>'
    )
    comments = '<ol class="comment-list"><li><time datetime="2025-06-05"></time></li></ol>'
    html = _page(meta=meta, after=comments)
    assert publication_times(parse_tree(html)) == ["2025-06-02"]
    entry_meta = '<div class="entry-meta social-comments"><time datetime="2025-06-02"></time></div>'
    assert publication_times(parse_tree(_page(meta=entry_meta, after=comments))) == ["2025-06-02"]


def test_a_marked_publication_time_comes_before_an_earlier_update_time():
    meta = (
        '<span class="updated-on">Updated <time datetime="2025-06-04">June 4</time></span>'
        '<time itemprop="datePublished" datetime="2025-06-02">June 2</time>'
        '<time datetime="2025-06-03"></time>'
    )
    times = publication_times(parse_tree(_page(meta=meta)))
    assert times == ["2025-06-02", "2025-06-03", "2025-06-04"]


def test_unmarked_times_are_ranked_by_the_label_printed_before_them():
    meta = (
        '<p>Updated <time datetime="2025-06-09">June 9</time> · First published'
        ' <time datetime="2025-06-05">June 5</time></p>'
    )
    times = publication_times(parse_tree(_page(meta=meta)))
    assert times == ["2025-06-05", "2025-06-09"]


def test_a_headline_wrapper_marked_like_a_widget_is_still_the_article():
    html = (
        '<body><div class="layout has-sidebar"><h1>Library extends weekend hours</h1>'
        '<time datetime="2025-06-02"></time></div></body>'
    )
    assert publication_times(parse_tree(html)) == ["2025-06-02"]


VISIBLE_ONLY = _page(
    meta='<div class="date-line"><span>Updated </span>'
    "<span>3:04 PM EST, February 5, 2025</span></div>"
)


def test_a_date_only_in_visible_text_is_found_by_the_extensive_search():
    tree = parse_tree(VISIBLE_ONLY)
    assert find_date(tree, **set_date_params(extensive=False), url=URL) is None
    assert undeclared_date(parse_tree(VISIBLE_ONLY), URL) == "2025-02-05"
    record = process_page(VISIBLE_ONLY.encode(), URL).record
    assert record.published_at.date().isoformat() == "2025-02-05"


def test_a_copyright_year_is_not_a_publication_date():
    html = _page(after='<div class="legal">© 2020 Riverside Dispatch. All rights reserved.</div>')
    # htmldate's extensive search falls back to the copyright year, as January 1st.
    assert find_date(parse_tree(html), **set_date_params(extensive=True), url=URL) == "2020-01-01"
    assert undeclared_date(parse_tree(html), URL) is None
    assert process_page(html.encode(), URL).record.published_at is None


def test_a_page_dated_only_in_its_text_is_not_dated_by_its_masthead():
    masthead = (
        '<header class="masthead"><div class="masthead__date"><time datetime="2025-06-18">'
        "Wednesday, June 18, 2025</time></div><a href='/'>Riverside Dispatch</a></header>"
    )
    related = '<div class="related-stories"><p>Pool reopens - May 30, 2025</p></div>'
    nav = '<nav><a href="/">Home</a> <a href="/news">News</a></nav>\n'
    html = _page(meta="| Published June 2, 2025", before=masthead + nav, after=related + "\n" + nav)
    stock = find_date(parse_tree(html), **set_date_params(extensive=False), url=URL)
    assert stock == "2025-06-18"  # htmldate takes the masthead's today
    tree = parse_tree(html)
    page = etree.tostring(tree)
    assert undeclared_date(tree, URL) == "2025-06-02"
    assert etree.tostring(tree) == page  # the masthead is back where it was, tail and all
    record = process_page(html.encode(), URL).record
    assert record.published_at.date().isoformat() == "2025-06-02"


def test_an_undated_page_does_not_take_a_related_storys_date():
    related = (
        '<aside class="related-stories"><h3>Related</h3><ul><li><a href="/pool">Pool reopens'
        '</a> <time datetime="2025-05-12">May 12, 2025</time></li></ul></aside>'
    )
    html = _page(meta="| 2 hours ago", after=related)
    stock = find_date(parse_tree(html), **set_date_params(extensive=False), url=URL)
    assert stock == "2025-05-12"  # htmldate takes the other story's date
    tree = parse_tree(html)
    assert undeclared_date(tree, URL) is None
    assert process_page(html.encode(), URL).record.published_at is None


def test_a_labelled_publication_date_beats_the_update_before_it():
    meta = (
        '<div class="timestamp">Updated 10:01 AM EDT, Thu June 5, 2025 | '
        "Published 9:00 AM EDT, Mon June 2, 2025</div>"
    )
    html = _page(meta=meta)
    assert labelled_publication(parse_tree(html)) == "9:00 AM EDT, Mon June 2, 2025"
    # htmldate reads the first date of the line: the update.
    assert find_date(parse_tree(html), **set_date_params(extensive=True), url=URL) == "2025-06-05"
    record = process_page(html.encode(), URL).record
    assert record.published_at.date().isoformat() == "2025-06-02"
    assert record.extraction.date_source == "text"
    split = _page(meta="<p><span>Published</span> <span>June 2, 2025</span></p>")
    assert labelled_publication(parse_tree(split)) == "June 2, 2025"


def test_a_labelled_date_on_a_bylines_second_line_is_read_with_its_time():
    """A print page's byline block: the label starts the line after a <br>. It was read as
    one line, "By … reporter Published: …", whose label starts nothing (audit 50: the URL's
    month, the 1st, at midnight)."""
    meta = (
        '<p class="byline">By Owen Pryce, <em>Health reporter</em><br>'
        "Published: Nov. 7, 2024, 5:45 p.m. PT</p>"
    )
    html = _page(meta=meta)
    assert labelled_publication(parse_tree(html)) == "Nov. 7, 2024, 5:45 p.m. PT"
    record = _record(html)
    assert record.published_at.isoformat() == "2024-11-08T01:45:00+00:00"
    # A label and its date set apart by a <br> are still one (the review).
    for split in (
        "<p>Published:<br>March 12, 2024</p>",
        "<div><b>Date:</b><br>2024-03-12</div>",
        "<div>Published: March 12,<br>2024</div>",
    ):
        assert labelled_publication(parse_tree(_page(meta=split))) is not None, split
    # A date ends at its line's end, not in the next line's words (the second review).
    for ended in (
        "<p>Published: March 12, 2024<br>Photo by Jane Roe</p>",
        "<div>Published: March 12, 2024<br>Filed under Energy</div>",
    ):
        assert labelled_publication(parse_tree(_page(meta=ended))) == "March 12, 2024", ended
    # Not a label in the middle of a line: "… was published: …" in a sentence.
    told = '<p class="byline">By Owen Pryce<br>He said it was published: Nov. 7, 2024</p>'
    assert labelled_publication(parse_tree(_page(meta=told))) is None


def test_a_publication_date_in_a_sentence_or_a_sidebar_or_without_a_day_is_not_one():
    sentence = "<p>The study, published June 2, 2024 in Nature, found fewer floods.</p>"
    sidebar = "<aside><p>Posted June 1, 2025</p></aside>"
    vague = "<p>Published 3 hours ago</p><p>Posted in March 2019</p>"
    html = _page(meta=vague, after=sentence + sidebar)
    assert labelled_publication(parse_tree(html)) is None


def _record(html: str):
    outcome = process_page(html.encode(), URL)
    assert outcome.reason == "ok", outcome.detail
    return outcome.record


def test_the_time_printed_beside_an_undated_pages_day_is_read_with_its_zone():
    # No date in the markup: htmldate finds the day, midnight UTC; the page prints the
    # time and zone beside it, which makes it the day before in UTC.
    for stamp, expected in (
        ("Updated: Mar 4, 2025, 02:15 IST", "2025-03-03T20:45:00+00:00"),
        ("Friday 04 July 2025 00:30 BST", "2025-07-03T23:30:00+00:00"),
        ("14:23, 28 Jan 2025", "2025-01-28T14:23:00+00:00"),
        # A British clock with a stop (audit 23: the hour was lost).
        ("Fri 4 Jul 2025 00.30 BST", "2025-07-03T23:30:00+00:00"),
        ("4 July 2025 • 9.15pm", "2025-07-04T21:15:00+00:00"),
        ("5 July 2024 — 6:30am AEST", "2024-07-04T20:30:00+00:00"),  # audit 26
    ):
        record = _record(_page(meta=f"<span class='stamp'>{stamp}</span>"))
        assert record.published_at.isoformat() == expected, stamp
        assert record.extraction.date_source == "text"
    # A time on another day (a related story's) is not the article's.
    other = "<aside><p>Earlier: Mar 1, 2025, 10:00 IST</p></aside>"
    record = _record(_page(meta="<span>Mar 4, 2025</span>", after=other))
    assert record.published_at.isoformat() == "2025-03-04T00:00:00+00:00"


def test_an_hatom_abbr_stamp_dates_a_blogger_post():
    # Blogger's main column is a "widget": its post footer's stamp is the article's.
    footer = (
        "<span class='post-timestamp'>at <abbr class='published' "
        "title='2011-06-14T20:31:00-05:00'>8:31 PM</abbr></span>"
    )
    html = _page(footer=footer).replace("<body>", "<body><div class='widget Blog'>")
    html = html.replace("<article>", "<article><div class='post-body'>")
    assert _record(html).published_at.isoformat() == "2011-06-15T01:31:00+00:00"


def test_a_related_posts_widget_with_excerpts_is_still_chrome():
    widget = (
        "<div class='widget related-posts'><div class='entry-content'>A short excerpt of "
        "another post.</div><time datetime='2024-01-05'>January 5, 2024</time></div>"
    )
    tree = parse_tree(_page(after=widget))
    assert "2024-01-05" not in publication_times(tree)


def test_a_day_printed_in_figures_takes_the_time_beside_it():
    # A page dated only by "07.12.2025 14:30" (audit 31): htmldate finds the day; which
    # number is the month is the one that agrees with it, and the clock and zone are read.
    for stamp, expected in (
        ("07.12.2025 14:30", "2025-12-07T14:30:00+00:00"),
        ("Published on 07/12/2025 - 14:30 GMT+1", "2025-12-07T13:30:00+00:00"),
        ("12/07/2025 3:45 PM EST", "2025-12-07T20:45:00+00:00"),  # EST: month first
        ("2025-12-07 09:05 IST", "2025-12-07T03:35:00+00:00"),
        # Year first with slashes or stops, as East Asian sites print it: the day was read
        # alone, at midnight.
        ("2025/12/07 03:00", "2025-12-07T03:00:00+00:00"),
        ("Updated: 2025/12/07 09:20 (UTC+8)", "2025-12-07T01:20:00+00:00"),
        ("2025.12.07 21:10", "2025-12-07T21:10:00+00:00"),
    ):
        record = _record(_page(meta=f"<span class='stamp'>{stamp}</span>"))
        assert record.published_at.isoformat() == expected, stamp
        assert record.extraction.date_source == "text"


def test_a_stamp_printed_once_comes_before_a_lists_repeated_stamps():
    # A list of other posts before the article (a Drupal view, not marked as a sidebar)
    # stamps each item the same way; the article's own stamp stands alone.
    listing = "".join(
        f"<li><a href='/p/{n}'>Other post {n}</a><span class='field-content'>08/09/2012 - "
        f"{clock}</span></li>"
        for n, clock in enumerate(("07:48", "06:15", "05:30"))
    )
    own = "<span class='submitted'>Submitted by Ann Lee on 08/09/2012 14:30 -0400</span>"
    record = _record(_page(meta=own, before=f"<ul class='view'>{listing}</ul>"))
    assert record.published_at.time().isoformat() == "18:30:00"


def test_a_press_releases_date_label_dates_it_and_a_sidebars_dates_do_not():
    # A government release: "Date:" under the headline, its contact on the next line, and
    # a sidebar of other releases, each with its date, that htmldate read first (audit 30).
    side = (
        "<div class='panel'><h2>Other news releases</h2><ul>"
        + "".join(
            f"<li><a href='/r/{n}'>Release {n}</a> <small>02/2{n}/2018</small></li>"
            for n in range(3)
        )
        + "</ul></div>"
    )
    meta = "<p><strong>Date:</strong> March 6, 2018<br><strong>Contact:</strong> Lena Harrow</p>"
    html = _page(meta=meta, before=side)
    assert labelled_publication(parse_tree(html)) == "March 6, 2018"
    assert _record(html).published_at.date().isoformat() == "2018-03-06"
    for line in ("Release date: 6 March 2018", "Publication date: March 6, 2018 | Print"):
        assert labelled_publication(parse_tree(_page(meta=f"<p>{line}</p>"))), line
    # Not a sentence about a date, nor a date without its colon.
    prose = "<p>Date night will never be the same, said Ann, on March 6, 2018.</p>"
    assert labelled_publication(parse_tree(_page(meta=prose))) is None


def test_a_labelled_day_takes_the_time_set_after_it():
    # "First Published: Dec 07 2025 | 9:45 PM IST" (audit 35): the day was read alone.
    meta = "<div class='first-published'>First Published: Dec 07 2025 | 9:45 PM IST</div>"
    assert labelled_publication(parse_tree(_page(meta=meta))) == "Dec 07 2025 9:45 PM IST"
    assert _record(_page(meta=meta)).published_at.isoformat() == "2025-12-07T16:15:00+00:00"
    # The next part that is no time stays out: "Published: March 6, 2018 | Print".
    print_edition = "<p>Published: March 6, 2018 | Print | 4:05</p>"
    assert labelled_publication(parse_tree(_page(meta=print_edition))) == "March 6, 2018"


def test_an_epoch_in_a_data_attribute_gives_the_time_of_the_printed_day():
    meta = "<span class='date' data-publish-ts='1741098600'>Mar 4, 2025</span>"
    record = _record(_page(meta=meta))
    assert record.published_at.isoformat() == "2025-03-04T14:30:00+00:00"
    # An epoch of another day (a script's cache stamp) is not the article's time.
    other = "<span class='date' data-cache-time='1741398600'>Mar 4, 2025</span>"
    assert _record(_page(meta=other)).published_at.isoformat() == "2025-03-04T00:00:00+00:00"
    # One attribute timing several things is a list's: none of them dates the article.
    listing = "".join(f"<h4 data-post_time='17410{n}8600'>Other post {n}</h4>" for n in range(3))
    html = _page(meta="<span>Mar 4, 2025</span>", before=f"<div>{listing}</div>")
    assert _record(html).published_at.isoformat() == "2025-03-04T00:00:00+00:00"


def test_an_ordinal_day_and_a_zone_in_brackets_keep_their_time():
    # Audit 32: the Scotsman's "7th Dec 2025, 12:03 GMT" and Salon's "10:12AM (EST)" came
    # out as midnight, their only dates.
    for stamp, expected in (
        ("Published 7th Dec 2025, 12:03 GMT", "2025-12-07T12:03:00+00:00"),
        ("Published December 7, 2025 10:12AM (EST)", "2025-12-07T15:12:00+00:00"),
        ("December 7th, 2025 &middot; 10:12 AM (EST)", "2025-12-07T15:12:00+00:00"),
    ):
        record = _record(_page(meta=f"<span class='stamp'>{stamp}</span>"))
        assert record.published_at.isoformat() == expected, stamp


def test_a_stamp_marked_or_labelled_as_the_update_comes_after_the_publications():
    # RTE prints the update's stamp above the publication's (audit 32); the page dates
    # itself nowhere else, and the update's time had dated the article.
    for update in (
        "<p><span class='modified-date'>Updated / Sunday, 7 Dec 2025 16:05</span></p>",
        "<p><span>Updated / Sunday, 7 Dec 2025 16:05</span></p>",
    ):
        meta = f"{update}<p><span class='when'>Sunday, 7 Dec 2025 14:30</span></p>"
        assert _record(_page(meta=meta)).published_at.isoformat() == "2025-12-07T14:30:00+00:00"


def test_a_day_in_figures_is_read_in_the_order_the_page_writes_its_days():
    # htmldate reads "12/07/2025" day first; the blog's other posts are dated "11/20/2025",
    # which only a month first reads (audit 34).
    others = "<aside class='more'><p>Older post</p><p>11/20/2025</p></aside>"
    html = _page(meta="<span>Posted on 12/07/2025</span>", after=others)
    assert _record(html).published_at.date().isoformat() == "2025-12-07"
    # A British page's day first stays as htmldate reads it; so does a page that gives no
    # sign of its order.
    british = html.replace("<html>", '<html lang="en-GB">').replace("11/20/2025", "20/11/2025")
    assert _record(british).published_at.date().isoformat() == "2025-07-12"
    alone = _page(meta="<span>Posted on 12/07/2025</span>")
    assert _record(alone).published_at.date().isoformat() == "2025-07-12"
    us = alone.replace("<html>", '<html lang="en-US">')
    assert _record(us).published_at.date().isoformat() == "2025-12-07"


def test_a_zone_beside_a_day_in_figures_says_its_order():
    # "11:42 AM ET 12/05/2025" under <html lang="en">: an American clock, December 5
    # (audit 35); htmldate read May 12. A British zone keeps the day first; GMT says nothing.
    american = _page(meta="<span class='post-time'>11:42 AM ET 12/05/2025</span>")
    assert _record(american).published_at.isoformat() == "2025-12-05T16:42:00+00:00"
    british = _page(meta="<span class='post-time'>11:42 BST 12/05/2025</span>")
    assert _record(british).published_at.isoformat() == "2025-05-12T10:42:00+00:00"
    greenwich = _page(meta="<span class='post-time'>11:42 GMT 12/05/2025</span>")
    assert _record(greenwich).published_at.date().isoformat() == "2025-05-12"
    # Only a clock's zone, and the page's declared region first (the review): "ET Bureau"
    # is a desk, "12,000 MT" tonnes; a European kickoff's CET on an American page.
    desk = _page(meta="<span>ET Bureau | 05/06/2025</span>").replace(
        "<html>", '<html lang="en-IN">'
    )
    assert _record(desk).published_at.date().isoformat() == "2025-06-05"
    kickoff = _page(meta="<span>05/06/2025 · 20:45 CET</span>").replace(
        "<html>", '<html lang="en-US">'
    )
    assert _record(kickoff).published_at.date().isoformat() == "2025-05-06"


def test_the_reviews_ranges_update_attributes_and_words():
    # A range's second clock is no zone; an update's epoch is not the publication's.
    record = _record(_page(meta="<span class='stamp'>Dec 7, 2025, 10:00-11:30</span>"))
    assert record.published_at.isoformat() == "2025-12-07T10:00:00+00:00"
    both = (
        "<span class='date' data-updated-ts='1765150000' data-publish-ts='1765100000'>"
        "Dec 7, 2025</span>"
    )
    assert _record(_page(meta=both)).published_at.isoformat() == "2025-12-07T09:33:20+00:00"
    # htmldate read the day in words: a sidebar's days in figures do not turn it round.
    words = _page(
        meta="<span>July 12, 2025</span>",
        after="<aside><p>12/07/2025</p><p>11/20/2025</p></aside>",
    ).replace("<html>", '<html lang="en-US">')
    assert _record(words).published_at.date().isoformat() == "2025-07-12"


def test_a_site_header_mark_reads_alike_lower_cased_and_case_blind():
    # _header_mark searches an ASCII mark lower-cased, without re.I: exact only while the
    # pattern holds lower-case letters, "-", "?" and "|" alone.
    assert set(page_times._HIDDEN_FROM_SEARCH.pattern) <= set("abcdefghijklmnopqrstuvwxyz-?|")
    for mark in ("Site-Header", "MASTHEAD top", "moreStories", "nav", "sKy", "Ticker\u212a"):
        assert page_times._header_mark(mark) == bool(page_times._HIDDEN_FROM_SEARCH.search(mark))


def test_a_naive_markup_time_takes_the_zone_its_printed_stamp_names():
    # Audit 38: JSON-LD "2025-12-04T21:45:00" with no offset, read as UTC, beside the
    # printed "December 4, 2025 9:45 PM IST": 16:15 UTC.
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
    naive = ld + '"2025-12-04T21:45:00"}</script>'
    stamp = "<span class='date'>December 4, 2025 9:45 PM IST</span>"
    html = _page(meta=stamp).replace("<head>", f"<head>{naive}")
    assert _record(html).published_at.isoformat() == "2025-12-04T16:15:00+00:00"
    # A stamp of another clock (the update's), or no zone printed: the markup's as it was.
    other = _page(meta="<span>December 4, 2025 11:05 PM IST</span>").replace(
        "<head>", f"<head>{naive}"
    )
    assert _record(other).published_at.isoformat() == "2025-12-04T21:45:00+00:00"
    bare = _page(meta="<span>December 4, 2025 9:45 PM</span>").replace("<head>", f"<head>{naive}")
    assert _record(bare).published_at.isoformat() == "2025-12-04T21:45:00+00:00"


def test_an_rdfa_date_on_the_stamp_dates_the_page_and_a_promoted_node_is_no_widget():
    # Drupal 7 (audit 40): the printed "04/12/2016 - 14:32" was read day first, while the
    # span printing it carries the instant; its node is marked "node-promoted" (promoted to
    # the front page), which read as a promo box's mark.
    stamp = (
        '<span property="dc:date dc:created" content="2016-04-12T14:32:10+03:00">'
        "Submitted by admin on Tue, 04/12/2016 - 14:32</span>"
    )
    html = _page(meta=stamp)
    assert publication_times(parse_tree(html)) == ["2016-04-12T14:32:10+03:00"]
    assert _record(html).published_at.isoformat() == "2016-04-12T11:32:10+00:00"
    microdata = '<span itemprop="datePublished" content="2016-04-12">April 12</span>'
    assert publication_times(parse_tree(_page(meta=microdata))) == ["2016-04-12"]
    # Another property's content is no date.
    title = '<span property="dc:title" content="Library hours"></span>'
    assert publication_times(parse_tree(_page(meta=title))) == []
    body = "<p>" + "The trustees met again on Tuesday to talk about the budget. " * 20 + "</p>"
    node = (
        "<div class='node node-blog node-promoted'><div class='submitted'>"
        "<time datetime='2016-04-12T14:32:10+03:00'>Tue, 04/12/2016</time></div>"
        f"<div class='field field-name-body'>{body}</div></div>"
    )
    html = f"<html><body><h1 id='page-title'>Library hours</h1>{node}</body></html>"
    assert publication_times(parse_tree(html)) == ["2016-04-12T14:32:10+03:00"]


def test_a_day_and_a_time_in_elements_side_by_side_are_one_stamp():
    # News24 (audit 39): "<span>07 Dec 2025</span> <span>12:41</span>"; the day was read
    # alone, at midnight.
    stamp = (
        "<span class='article__date'><span class='date'>07 Dec 2025</span> "
        "<span class='time'>12:41 GMT+2</span></span>"
    )
    assert _record(_page(meta=stamp)).published_at.isoformat() == "2025-12-07T10:41:00+00:00"


def test_an_instant_the_markup_keeps_beats_a_printed_time_without_a_zone():
    # A blog's "November 3, 2012, <em>9:33 am</em>" (no zone: read as UTC) on a span whose
    # data-timestamp holds the instant.
    stamp = (
        "<span class='timestamp' data-timestamp='2012-11-03T13:33:16+00:00'>"
        "<span class='date'>November 3, 2012, <em>9:33 am</em></span></span>"
    )
    assert _record(_page(meta=stamp)).published_at.isoformat() == "2012-11-03T13:33:16+00:00"
    # A printed time with its zone is the page's own word and stays first.
    zoned = stamp.replace("9:33 am", "9:33 am EDT").replace("13:33:16", "15:00:00")
    assert _record(_page(meta=zoned)).published_at.isoformat() == "2012-11-03T13:33:00+00:00"


def test_a_closing_originally_published_line_is_a_labelled_publication():
    # McClatchy's papers (audit 39): the story's last line.
    end = "<p><em>This story was originally published December 7, 2025 at 5:00 AM.</em></p>"
    html = _page(footer=end)
    assert labelled_publication(parse_tree(html)).startswith("December 7, 2025 at 5:00 AM")


def test_an_instant_in_the_title_of_a_timeago_stamp_dates_the_page():
    # Dawn (audit 39): "2 hours ago" printed, the instant in the title; hAtom's <span
    # class="published" title=…> as blogs of 2012 printed it.
    for stamp in (
        "<span class='timeago' title='2025-12-07T14:12:33+05:00'>2 hours ago</span>",
        "<span class='published time' title='2025-12-07T09:12:33+00:00'>December 7, 2025</span>",
    ):
        assert publication_times(parse_tree(_page(meta=stamp))) == [
            stamp.split("title='")[1].split("'")[0]
        ], stamp
        assert _record(_page(meta=stamp)).published_at.isoformat() == "2025-12-07T09:12:33+00:00"
    # A title that is no instant, or on an element not marked a time, is not read.
    other = "<span class='tooltip' title='2025-12-07T14:12:33+05:00'>see more</span>"
    assert publication_times(parse_tree(_page(meta=other))) == []


def test_a_video_embeds_time_or_a_republished_storys_date_is_not_the_articles():
    # The review: an embed's data-published-time of the day before does not override the
    # printed time; "originally published on …, by KFF Health News" dates the other copy.
    stamp = "<span class='stamp'>7 December 2025, 9:33am</span>"
    video = "<div class='video' data-published-time='2025-12-06T18:00:00Z'></div>"
    record = _record(_page(meta=stamp, footer=video))
    assert record.published_at.isoformat() == "2025-12-07T09:33:00+00:00"
    elsewhere = "<p>This story was originally published on Nov. 30, 2025, by KFF Health News.</p>"
    assert labelled_publication(parse_tree(_page(footer=elsewhere))) is None
    # An embedded item's microdata date is its own.
    clip = (
        "<div itemscope itemtype='https://schema.org/VideoObject'>"
        "<span itemprop='datePublished' content='2025-12-01'>Dec 1</span></div>"
    )
    assert publication_times(parse_tree(_page(footer=clip))) == []


def test_an_old_cmss_stamp_with_an_at_sign_and_a_posted_by_line_give_their_time():
    # Audit 43: "Posted by Kwame Asante on Thursday, January 29, 2026 @ 02:15PM EST".
    line = (
        "<font size='2'>Posted by Kwame Asante on Thursday, January 29, 2026 @ 02:15PM EST</font>"
    )
    assert labelled_publication(parse_tree(_page(footer=line))).startswith("Thursday, January 29")
    assert _record(_page(footer=line)).published_at.isoformat() == "2026-01-29T19:15:00+00:00"


def test_days_in_figures_are_read_between_elements_and_in_the_comments():
    # Audit 45: a Weebly blog prints its post's day "4/12/2019" and a comment's
    # "4/13/2019" in figures; read as one string the days ran into their neighbours
    # ("robot4/12/20191 Comment", "Karen W.4/13/2019"), and the comments were gone by the
    # time they were read, so nothing said month first and the post was dated 4 December.
    post = (
        '<div class="blog-header"><h2>Library extends weekend hours after a petition</h2>'
        '<p class="blog-date"><span class="date-text">4/12/2019</span></p>'
        '<p class="blog-comments-top"><a href="#comments">1 Comment</a></p></div>'
    )
    comments = (
        '<div class="blog-comments"><h2>1 Comment</h2><div class="blogCommentWrap">'
        '<span class="blogCommentAuthor">Ana P.</span><span class="blogCommentDate">'
        "4/13/2019 08:12:44 am</span><div>Good news for our family.</div></div></div>"
    )
    html = _page(before=post, after=comments).replace("By Lorenzo Vidal", "")
    assert _record(html).published_at.date().isoformat() == "2019-04-12"
    text = page_times.page_text(parse_tree(html))
    assert [day[:3] for day in page_times.days_in_figures(text, date(2019, 12, 4))] == [
        (4, 12, 2019),
        (4, 13, 2019),
    ]


def test_an_update_stamp_beside_the_day_the_row_prints_is_not_the_publication():
    # Audit 45: Avada keeps the last edit, marked hAtom "updated", beside the post's day;
    # htmldate's quick search took the marked stamp, a day late.
    avada = (
        '<span class="updated rich-snippet-hidden">2025-06-04T16:20:11+00:00</span>'
        "<span>June 3rd, 2025</span>"
    )
    assert _record(_page(meta=avada)).published_at.date().isoformat() == "2025-06-03"
    # A theme's one stamp marked "updated" is its publication day, and so is tagDiv's
    # "entry-date updated".
    for alone in (
        '<span class="date updated">June 4, 2025</span>',
        '<span class="entry-date updated">June 4, 2025</span> <span>Read: June 3, 2025</span>',
    ):
        assert _record(_page(meta=alone)).published_at.date().isoformat() == "2025-06-04"


def test_a_visible_update_stamp_is_left_to_htmldate():
    """The session review's cases: a theme's shown stamp marked "updated" beside a later
    "Last edited" day or an event's day keeps its day; only a hidden one is set aside."""
    edited = (
        "<span class='date updated'>June 3, 2025</span> · Last edited June 9, 2025"
        "<span> Event on June 20, 2025</span>"
    )
    assert _record(_page(meta=edited)).published_at.date().isoformat() == "2025-06-03"


def test_a_day_first_date_with_a_comma_keeps_its_time():
    # Audit 49: "27 August, 2025 09:30 am IST" came out as midnight. The day was read as
    # written in words ("D Month, YYYY") but the stamp's pattern knew no comma after the
    # month, so the clock beside it was never taken.
    for stamp, expected in (
        ("27 August, 2025 09:30 am IST", "2025-08-27T04:00:00+00:00"),
        ("Updated: 3rd Sep, 2025, 18:45 GMT", "2025-09-03T18:45:00+00:00"),
    ):
        record = _record(_page(meta=f"<span class='stamp'>{stamp}</span>"))
        assert record.published_at.isoformat() == expected, stamp
    # The same day after a "Published" label is a labelled publication date.
    meta = "<div class='pub'>Published: 27 August, 2025</div>"
    assert labelled_publication(parse_tree(_page(meta=meta))) == "27 August, 2025"


def test_a_naive_update_time_takes_the_zone_its_printed_stamp_names():
    # Audit 51: JSON-LD "dateModified" with no offset beside a printed "Updated: ... CDT".
    # Read as UTC it came five hours early, before the publication, and was dropped.
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2025-07-09T09:10:00", "dateModified": "2025-07-09T13:40:00"}</script>'
    )
    stamps = (
        "<div class='posted'>Posted: Jul 9, 2025 / 09:10 AM CDT</div>"
        "<div class='updated'>Updated: Jul 9, 2025 / 01:40 PM CDT</div>"
    )
    record = _record(_page(meta=stamps).replace("<head>", f"<head>{ld}"))
    assert record.published_at.isoformat() == "2025-07-09T14:10:00+00:00"
    assert record.updated_at.isoformat() == "2025-07-09T18:40:00+00:00"
    # The publication with its offset, the update without: the stamps are read for it alone.
    offset = ld.replace('"2025-07-09T09:10:00"', '"2025-07-09T09:10:00-05:00"')
    zoned = _page(meta=stamps).replace("<head>", f"<head>{offset}")
    assert _record(zoned).updated_at.isoformat() == "2025-07-09T18:40:00+00:00"
    # Its printed stamp gives no zone: the markup's as it was, read as UTC.
    bare = _page(meta="<div>Updated: Jul 9, 2025 / 01:40 PM</div>").replace("<head>", f"<head>{ld}")
    assert _record(bare).updated_at.isoformat() == "2025-07-09T13:40:00+00:00"
