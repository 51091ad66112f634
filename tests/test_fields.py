import json

import pytest
import trafilatura
from lxml import html as lxml_html

from crawler.core.authors import credited_names, is_organization, is_phrase, names_in
from crawler.core.bylines import byline_names, other_work_names
from crawler.core.fields import (
    clean_authors,
    resolve_authors,
    resolve_published,
    resolve_site_name,
    resolve_title,
    strip_site_suffix,
)
from crawler.core.heading_labels import without_label
from crawler.core.metadata import PageMeta, read_page_meta
from crawler.core.model import Hints
from crawler.core.options import Options
from crawler.core.pipeline import process_page


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _meta(markup: str) -> PageMeta:
    return read_page_meta(lxml_html.fromstring(markup))


def test_authors_without_by_and_without_the_site():
    names = ["By Jane Doe and John Roe", "NBC News", "Staff", "Senior Editor"]
    assert clean_authors(names, organizations=["NBC News"]) == ["Jane Doe", "John Roe"]


def test_people_first_then_the_organization_the_page_names():
    # issue 13: a wire service or newsroom named as the byline is the author, unless a
    # person is named; an organization listed beside a person stays; the site never does.
    page = PageMeta(meta={"author": ["Associated Press"]})
    assert resolve_authors(page, None, Hints(), site_name="Pulse") == ["Associated Press"]
    page = PageMeta(meta={"author": ["BBC News"]})
    assert resolve_authors(page, None, Hints(), site_name="BBC News") == ["BBC News"]
    page = PageMeta(
        jsonld={"author": {"@type": "Organization", "name": "Pulse"}},
        byline_names=("By Jane Doe and Gear Team",),
    )
    assert resolve_authors(page, None, Hints(), site_name="Pulse") == ["Jane Doe", "Gear Team"]
    page = PageMeta(byline_names=("By Jane Doe, Pulse Staff",))
    assert resolve_authors(page, None, Hints(), site_name="Pulse") == ["Jane Doe"]


def test_a_company_with_its_legal_form_is_one_author():
    # The stop of "Inc." is the name's, as the release prints it (audit 34).
    assert clean_authors(["Corvanta Systems, Inc."]) == ["Corvanta Systems, Inc."]
    assert clean_authors(["Acme Robotics, LLC and Jane Roe"]) == ["Acme Robotics, LLC", "Jane Roe"]
    assert clean_authors(["Ann Lee, AG Smith"]) == ["Ann Lee", "AG Smith"]
    # The same company less its legal form, in the byline, is not a person named there.
    page = PageMeta(
        jsonld={"author": {"@type": "Organization", "name": "Corvanta Systems, Inc."}},
        byline_names=("Corvanta Systems",),
    )
    assert resolve_authors(page, None, Hints(), site_name="PR Wire") == ["Corvanta Systems, Inc."]


def test_author_junk_is_not_a_name():
    junk = ["Twitter Facebook", "(Image: Getty Images)", "UK", "姓名 *", "December 20"]
    assert clean_authors(junk) == []
    glued = ["Rachel Brazil0", "… Jeff Tollefson", "Sarah Lazare Twitter Today 5:00 am"]
    assert clean_authors(glued) == ["Rachel Brazil", "Jeff Tollefson", "Sarah Lazare"]
    assert clean_authors(["Steven Shepard Link Copied", "Confreaks Confreaks"]) == [
        "Steven Shepard",
        "Confreaks",
    ]


def test_a_newsrooms_number_is_part_of_its_name_and_a_count_after_a_person_is_not():
    """ "FRANCE 24" lost its number and then was a country, not an author; "Channel 4 News"
    read "Channel News"."""
    assert clean_authors(["FRANCE 24", "By Channel 4 News", "NBC 7 San Diego"]) == [
        "FRANCE 24",
        "Channel 4 News",
        "NBC 7 San Diego",
    ]
    assert clean_authors(["Jane Doe 12", "Jane Doe June 5, 2025 10 AM"]) == ["Jane Doe"]
    page = PageMeta(jsonld={"author": {"@type": "Organization", "name": "FRANCE 24"}})
    assert resolve_authors(page, None, Hints(), site_name="FRANCE 24") == ["FRANCE 24"]


def test_an_initial_or_suffix_ending_a_name_keeps_its_stop():
    assert clean_authors(["Posted by Dave R. at 7:42 AM", "Jane Doe Jr. | Staff"]) == [
        "Dave R.",
        "Jane Doe Jr.",
    ]
    assert clean_authors(["By Jane Doe.", "Posted by Jane at Station B."]) == ["Jane Doe", "Jane"]


def test_a_forum_handle_is_one_name_and_a_slash_still_separates_an_agency():
    assert clean_authors(["u/benyacobi"]) == ["u/benyacobi"]
    assert clean_authors(["Posted by u/river_otter"]) == ["u/river_otter"]
    assert clean_authors(["By Jane Doe/Reuters"]) == ["Jane Doe"]
    assert clean_authors(["By Reuters/AFP"]) == ["Reuters", "AFP"]


def test_a_job_title_after_a_name_takes_its_beat_with_it():
    # The role printed under or after the name, joined to it by the page's text: the beat
    # before the role word ("Technology", "Health and science") is the title's, not a surname.
    assert clean_authors(["Jane Doe Technology reporter"]) == ["Jane Doe"]
    assert clean_authors(["Dana Mills Global technology editor"]) == ["Dana Mills"]
    assert clean_authors(["Jane Doe Washington correspondent"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe Health and science reporter"]) == ["Jane Doe"]
    assert clean_authors(["Priya Raman", "Health and science reporter"]) == ["Priya Raman"]
    # A name of three words before a plain role keeps all three.
    assert clean_authors(["Ana de la Cruz Data Reporter"]) == ["Ana de la Cruz"]
    assert clean_authors(["Mary Ann Smith Reporter"]) == ["Mary Ann Smith"]


def test_names_credited_for_other_work_are_not_writers():
    credits = ("Lionel Abara", "Oskar Lind")
    page = PageMeta(
        meta={"author": ["Noor Haddad,Lionel Abara,Oskar Lind"]},
        byline_names=("Noor Haddad",),
        credited_names=credits,
    )
    assert resolve_authors(page, None, Hints()) == ["Noor Haddad"]
    # A writer who took the photos too is still the writer.
    page = PageMeta(
        meta={"author": ["Noor Haddad,Lionel Abara"]},
        byline_names=("By Noor Haddad and Lionel Abara",),
        credited_names=("Lionel Abara",),
    )
    assert resolve_authors(page, None, Hints()) == ["Noor Haddad", "Lionel Abara"]
    # A page that names only its editor ("Edited by ...", marked as the author) keeps them.
    page = PageMeta(jsonld={"author": {"name": "Swati Bhasin"}}, credited_names=("Swati Bhasin",))
    assert resolve_authors(page, None, Hints()) == ["Swati Bhasin"]


def test_credited_names_run_to_the_next_credit_or_sentence():
    line = (
        "Photographed by Lionel Q. Abara; Styled by Mika Torres at Studio Nine. Hair by Oskar Lind"
    )
    assert credited_names(line) == ["Lionel Q. Abara", "Mika Torres", "Oskar Lind"]
    assert credited_names("By Jane Roe. Photographs by Tobias Lund") == ["Tobias Lund"]
    assert credited_names("The council voted by a wide margin") == []


def test_a_second_writer_after_the_first_ones_job_title_is_read():
    line = "By Jane Doe, Chief Economics Correspondent, and Sam Roe"
    assert clean_authors([line]) == ["Jane Doe", "Sam Roe"]
    line = "By Jane Doe, Staff Writer and Sam Roe, Contributing Writer"
    assert clean_authors([line]) == ["Jane Doe", "Sam Roe"]
    # The affiliation after the title is not a writer, even joined by "and".
    line = "Jane Doe, Senior Technologist, Speech and Privacy Project"
    assert clean_authors([line]) == ["Jane Doe"]
    line = "Jane Doe, Washington correspondent for Reuters and the AP"
    assert clean_authors([line]) == ["Jane Doe"]


def test_the_outlet_a_person_writes_for_is_not_an_author():
    # issue 13: people, or the organization when no person is named. After a comma, a
    # slash or run into the name, an organization is where the person works; joined by
    # "and" it is a co-author ("Gear Team").
    assert clean_authors(["By Jane Doe, CNN"]) == ["Jane Doe"]
    assert clean_authors(["By Jane Doe and Sam Roe, Reuters"]) == ["Jane Doe", "Sam Roe"]
    assert clean_authors(["By JANE DOE and SAM ROE Associated Press"]) == ["Jane Doe", "Sam Roe"]
    assert clean_authors(["Jane Doe | NBC News"]) == ["Jane Doe"]
    assert clean_authors(["By Jane Doe and Gear Team"]) == ["Jane Doe", "Gear Team"]
    assert clean_authors(["By Associated Press"]) == ["Associated Press"]
    assert clean_authors(["BBC News, London"]) == ["BBC News"]
    # An acronym first ("CNN Business") names an outlet; two capitals may be initials.
    assert clean_authors(["By Jane Doe, CNN Business"]) == ["Jane Doe"]
    assert clean_authors(["By Jane Doe, AJ Jacobs"]) == ["Jane Doe", "AJ Jacobs"]


def test_a_news_agency_typed_as_a_person_beside_its_reporter_is_her_outlet():
    """JSON-LD lists AP as a Person beside the reporter; the byline prints it as her outlet
    (audit 44). A byline joining it with "and" lists it as a writer."""
    authors = [{"@type": "Person", "name": "Tamara Engel"},
               {"@type": "Person", "name": "Associated Press"}]  # fmt: skip
    outlet = PageMeta(
        jsonld={"author": authors}, byline_names=("By Tamara Engel, Associated Press",)
    )
    assert resolve_authors(outlet, None, Hints()) == ["Tamara Engel"]
    joined = PageMeta(
        jsonld={"author": authors}, byline_names=("By Tamara Engel and The Associated Press",)
    )
    assert resolve_authors(joined, None, Hints()) == ["Tamara Engel", "Associated Press"]


def test_a_jsonld_person_written_in_parts_is_one_name():
    page = PageMeta(
        jsonld={
            "author": [
                {"@type": "Person", "givenName": "Ines", "familyName": "Varga"},
                {"@type": "Person", "name": ["Tomasz Wrona"]},
            ]
        }
    )
    assert resolve_authors(page, None, Hints()) == ["Ines Varga", "Tomasz Wrona"]


def test_a_jsonld_person_whose_name_lists_every_writer_names_them_all():
    # One Person with `name` a list of the writers, as NPR's templates write it.
    page = PageMeta(
        jsonld={"author": {"@type": "Person", "name": ["Leah Okonkwo", "Tomas Reyes"]}},
        byline_names=("Leah Okonkwo",),
    )
    assert resolve_authors(page, None, Hints()) == ["Leah Okonkwo", "Tomas Reyes"]


def test_an_article_nested_as_a_web_pages_main_entity_is_read():
    """`WebPage.mainEntity` holding the NewsArticle: its writer and its timed date, not
    none and the URL's bare day."""
    article = {"@type": "NewsArticle", "headline": "Port trials AI cranes",
               "author": {"@type": "Person", "name": "Ines Varga"},
               "datePublished": "2025-03-05T10:00:00-05:00"}  # fmt: skip
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebPage", "mainEntity": article})
    body = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
        "<h1>Port trials AI cranes</h1>"
        + "".join(
            f"<p>On day {day} of the trial, cranes steered by a vision model moved {day * 40} "
            f"containers at berth {day}, the operator said, against {day * 35} a day before."
            "</p>"
            for day in range(1, 13)
        )
    ).encode()
    url = "https://port.example/news/2025/03/05/ai-cranes"
    record = process_page(body, url).record
    assert record.authors == ["Ines Varga"]
    assert record.published_at.isoformat() == "2025-03-05T15:00:00+00:00"


def test_entities_are_decoded_before_author_lists_are_split():
    page = PageMeta(
        jsonld={"author": [{"name": "Jane O&#8217;Neil"}, {"name": "Sam &amp;amp; Co"}]}
    )
    assert resolve_authors(page, None, Hints()) == ["Jane O’Neil", "Sam", "Co"]


def test_an_archive_link_beside_the_name_is_not_a_name():
    # "By Jane Doe archive page": the byline's link to the writer's other stories.
    assert clean_authors(["By Jane Doe archive page"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe", "archive page"]) == ["Jane Doe"]
    assert clean_authors(["Larry Page"]) == ["Larry Page"]


def test_author_with_date_tail_and_domain():
    assert clean_authors(["Posted by Jane Doe on March 3, 2026"]) == ["Jane Doe"]
    assert clean_authors(["example.com", "Jane Doe | Senior Editor"]) == ["Jane Doe"]


def test_a_date_run_into_the_byline_is_not_part_of_the_name():
    assert clean_authors(["By Ines Varga November 16, 2026"]) == ["Ines Varga"]
    assert clean_authors(["Ines Varga 16 Nov 2026", "Ana May, 2026-11-16"]) == [
        "Ines Varga",
        "Ana May",
    ]
    assert clean_authors(["By Ines Varga in Robotics"]) == ["Ines Varga"]
    # Month names that are names stay: only a month beside a day number is a date.
    assert clean_authors(["June Carter and April Mays"]) == ["June Carter", "April Mays"]


def test_byline_element_text_leaves_out_its_time_element():
    tree = lxml_html.fromstring(
        '<html><body><div class="byline">By <a href="/a">Ines Varga</a> '
        '<time datetime="2026-11-16">November 16, 2026</time></div><p>Text.</p></body></html>'
    )
    names = read_page_meta(tree).byline_names
    assert names == ("By Ines Varga",)
    assert clean_authors(list(names)) == ["Ines Varga"]


def test_site_name_is_never_an_author():
    page = PageMeta(meta={"author": ["Pulse Tech News"]}, byline_names=("By Dana Whitfield",))
    assert resolve_authors(page, None, Hints(), site_name="Pulse Tech News") == ["Dana Whitfield"]


def test_title_suffix_and_prefix_of_the_site_are_stripped():
    assert strip_site_suffix("Big model ships | Pulse", "Pulse") == "Big model ships"
    assert strip_site_suffix("Big model ships - pulse.com", None) == "Big model ships"
    assert strip_site_suffix("Field Notes: Why we stopped", "Field Notes") == "Why we stopped"
    assert strip_site_suffix("Claude: a review", "Pulse") == "Claude: a review"


def test_a_newsletters_name_before_the_headline_it_prints_is_kept():
    # Every title of the issue, the <h1> too, starts with the newsletter's name: the reader
    # sees it as part of the headline. Where the <title> alone has it, it is the site's.
    issue = "The Friday Five: open models grow up, and an eval spat"
    head = (
        f"<title>{issue}</title><meta property='og:title' content='{issue}'>"
        "<meta property='og:site_name' content='The Friday Five'>"
    )
    paragraphs = "".join(
        f"<p>Open model number {n} arrived this week with a licence that allows commercial "
        f"use, and the evaluation crowd argued about benchmark {n} for three days.</p>"
        for n in range(6)
    )
    url = "https://fridayfive.example/issue-41/"
    body = f"<article><h1>{issue}</h1>{paragraphs}</article>"
    assert process_page(_page(head, body).encode(), url).record.title == issue
    body = f"<article><h1>Open models grow up, and an eval spat</h1>{paragraphs}</article>"
    record = process_page(_page(head, body).encode(), url).record
    assert record.title == "Open models grow up, and an eval spat"
    body = f"<article>{paragraphs}</article>"
    record = process_page(_page(head, body).encode(), url).record
    assert record.title == "open models grow up, and an eval spat"
    assert strip_site_suffix("Field Notes: Why | Field Notes", "Field Notes", False) == (
        "Field Notes: Why")  # fmt: skip


def test_a_paginated_articles_page_number_is_not_in_its_title():
    # Audit 50: `<h1>Headline <span class="page-num">(page 2)</span></h1>` kept "(page 2)".
    headline = "Why reservoir forecasts miss the spring melt"
    prose = "".join(
        f"<p>Gauge {n} on the upper basin reported snowpack well above the model's estimate, "
        "and the forecast office revised its spring inflow twice in one week.</p>"
        for n in range(6)
    )
    url = "https://basin.example/features/melt/2/"

    def record(h1: str, og: str, tag: str):
        head = f"<title>{tag}</title><meta property='og:title' content='{og}'>"
        body = f"<article><h1>{h1}</h1>{prose}</article>"
        return process_page(_page(head, body).encode(), url).record

    def title(h1: str, og: str, tag: str) -> str:
        return record(h1, og, tag).title

    span = f"{headline} <span class='page-num'>(page 2)</span>"
    assert title(span, headline, f"{headline} | Basin Desk") == headline
    # The heading's line, page number and all, is the title's and leaves the text (review).
    numbered = record(span, f"{headline} (page 2)", f"{headline} | Basin Desk")
    assert numbered.title == headline and numbered.text.startswith("Gauge 0"), numbered.text
    # After a colon or a comma a page is the title's own word (review).
    for own in ("Stop the presses: Page 3", "Tabloid wars, page 3"):
        assert title(own, own, own) == own
    # In the metadata alone, the h1 a logo: "- Page 2", "Page 2 of 3".
    logo = "<a href='/'>Basin Desk</a>"
    assert title(logo, f"{headline} - Page 2", f"{headline} | Basin Desk") == headline
    assert title(logo, f"{headline} Page 2 of 3", "Basin Desk") == headline
    # A title about pages keeps its words.
    about = "Page 3 of the audit says the dam leaked for years"
    assert title(about, about, about) == about
    assert title("Page Six settles its feud", "Page Six settles its feud", "x") == (
        "Page Six settles its feud"
    )


def test_the_pages_only_h1_over_the_prose_beats_a_title_written_for_search():
    seo = "How We Cut RAG Hallucinations by 38% | Quillmark"
    head = f"<title>{seo}</title><meta property='og:title' content='{seo}'>"
    prose = "".join(
        f"<p>Week {n} of grading answers by hand showed the retriever fetched the wrong "
        f"contract clause in {n + 3} of every hundred questions, and the model trusted it "
        "without a second look.</p>"
        for n in range(6)
    )
    url = "https://quillmark.example/blog/grading-answers"
    headline = "What we learned grading 12,000 retrieval answers by hand"

    def title(body: str) -> str:
        return process_page(_page(head, body).encode(), url).record.title

    assert title(f"<div class='hero'><h1 class='heading-blog-post'>{headline}</h1></div>"
                 f"<div class='rich-text'>{prose}</div>") == headline  # fmt: skip
    # No og:site_name, but the domain spells the title's last part: the site's name, cut.
    seo_title = "How We Cut RAG Hallucinations by 38%"
    # Near misses. A short <h1>: a section's name as often as a headline.
    assert title(f"<h1>Latest News</h1>{prose}") == seo_title
    # An old theme's tagline h1, the headline an h2 under it that agrees with the title.
    assert (
        title(
            "<div id='header'><h1 class='description'>UK Tech and Gaming News and Reviews</h1>"
            "</div>"
            f"<h2 class='posts_title'>How We Cut RAG Hallucinations by 38%</h2>{prose}"
        )
        == seo_title
    )
    # Two h1s, or one after the prose (a closing promo): no telling.
    assert title(f"<h1>{headline}</h1><h1>Our other research this year</h1>{prose}") == seo_title
    assert title(f"{prose}<h1>Start a free trial of our answer grader today</h1>") == seo_title
    # An h1 marked as a section's heading, or a tagline in the page's own header (not the
    # article's): the site's words, not the story's headline.
    section = "<h1 class='section-heading'>Local Government and Politics in the City</h1>"
    assert title(f"{section}<div class='story'>{prose}</div>") == seo_title
    masthead = "<h1>Essays on machine learning, data and the people who build them</h1>"
    assert title(f"<header class='masthead'>{masthead}</header><h2>Grading</h2>{prose}") == (
        seo_title)  # fmt: skip
    # A theme's heading line that is no h2 (a div.hed) agrees with the title: it is the one.
    hed = "<div class='hed'>How We Cut RAG Hallucinations by 38%</div><div>By Ann Lee</div>"
    assert title(f"<h1>{headline}</h1><div class='story'>{hed}{prose}</div>") == seo_title
    # The article's own header holds its headline: still the lone h1 over the prose.
    assert title(f"<article><header><h1>{headline}</h1></header>{prose}</article>") == headline


def test_a_section_between_the_headline_and_the_site_goes_with_the_site():
    title = "Storm knocks out power to thousands | Weather | The Ledger"
    assert strip_site_suffix(title, "The Ledger") == "Storm knocks out power to thousands"
    # Part of the headline: a long last part, a different separator, a short headline.
    title = "Trump - Clinton debate: what we learned - The Ledger"
    assert strip_site_suffix(title, "The Ledger") == "Trump - Clinton debate: what we learned"
    title = "Storm knocks out power to thousands: Weather | The Ledger"
    assert strip_site_suffix(title, "The Ledger") == "Storm knocks out power to thousands: Weather"
    title = "Review: Dune | Film | The Ledger"
    assert strip_site_suffix(title, "The Ledger") == "Review: Dune | Film"
    # Without the site's name at the end, nothing marks a section.
    title = "Storm knocks out power to thousands | Weather"
    assert strip_site_suffix(title, "The Ledger") == title


def test_the_title_tags_other_part_names_a_site_that_names_itself_nowhere_else():
    headline = "Council approves the new transit plan"
    page = PageMeta(title_tag=f"{headline} | Harbor Ledger", headings=(headline,))
    assert resolve_site_name(page, None) == "Harbor Ledger"
    page = PageMeta(title_tag=f"Harbor Ledger - {headline}", meta={"og:title": [headline]})
    assert resolve_site_name(page, None) == "Harbor Ledger"
    # No other title vouches for a part, or the parts are not two: no guess.
    assert resolve_site_name(PageMeta(title_tag=f"{headline} | Harbor Ledger"), None) is None
    three = PageMeta(title_tag=f"{headline} - Transit - Harbor Ledger", headings=(headline,))
    assert resolve_site_name(three, None) is None
    declared = PageMeta(
        title_tag=f"{headline} | Harbor Ledger", headings=(headline,), meta={"og:site_name": ["HL"]}
    )
    assert resolve_site_name(declared, None) == "HL"
    # The site's logo set as a heading beside the headline: both parts are headings.
    logo = PageMeta(title_tag=f"{headline} - Ledger", headings=("Ledger", headline))
    assert resolve_site_name(logo, None) is None


def test_a_title_that_is_only_the_site_name_falls_through():
    page = PageMeta(meta={"og:title": ["Econ Blog"]}, title_tag="Econ Blog: Rates and robots")
    assert resolve_title(page, None, Hints(), "Econ Blog") == ("Rates and robots", "title_tag")


class _Found:
    """Stands in for trafilatura's Document: only the title guess matters here."""

    def __init__(self, title: str):
        self.title = title


def _title(guess: str, title_tag: str) -> tuple[str | None, str | None]:
    return resolve_title(PageMeta(title_tag=title_tag), _Found(guess), Hints(), None)


def test_a_blog_name_guessed_as_title_gives_way_to_the_title_tag():
    # The theme's h1 is the blog's name; the <title> carries the headline beside it.
    tag = "Tidewater Notes: Why the ferry timetable changed this winter"
    assert _title("Tidewater Notes", tag) == (
        "Why the ferry timetable changed this winter",
        "title_tag",
    )
    tag = "Why the ferry timetable changed this winter | Tidewater Notes"
    assert _title("Tidewater Notes", tag) == (
        "Why the ferry timetable changed this winter",
        "title_tag",
    )
    # Give or take a word: "About Tidewater Notes", "Tidewater Notes Blog".
    assert _title("About Tidewater Notes", tag)[1] == "title_tag"


def test_a_headline_guess_that_is_part_of_the_title_tag_is_kept():
    tag = "Why the ferry timetable changed | Tidewater Notes from the Harbour Office"
    assert _title("Why the ferry timetable changed", tag) == (
        "Why the ferry timetable changed",
        "trafilatura",
    )
    # A "Kicker: headline" title is a headline, not "Site: headline".
    tag = "Ferry: Why the timetable changed this winter | Tidewater Notes"
    assert _title("Ferry: Why the timetable changed this winter", tag)[1] == "trafilatura"


def test_a_guess_that_is_code_or_unrelated_to_the_title_tag_is_refused():
    tag = "Why the ferry timetable changed this winter"
    assert _title("Tidewater googletag.cmd.push(function() { show(); });", tag)[1] == "title_tag"
    assert _title("Comment Cancel reply", tag)[1] == "title_tag"


def test_a_title_naming_a_kind_of_page_gives_way_to_the_pages_heading():
    # A print view's or an editor's default <title> names no article: trafilatura's guess,
    # the page's one <h1>, is not refused as unrelated to it, and the <title> is no title.
    heading = "Council expands bus network north"
    for tag in ("Printer Friendly Version", "Untitled Document", "New Page 1", "Article"):
        assert _title(heading, tag) == (heading, "trafilatura"), tag
    assert _title("", "Untitled Document") == (None, None)
    # Near misses: a headline made of such words, a site's name, a bare section.
    for tag in ("The Story of the Printer", "News", "The Blog", "The Post", "Toy Story"):
        assert _title("", tag) == (tag, "title_tag")
    assert _title("Comment Cancel reply", "The Story of the Printer")[1] == "title_tag"
    # A film's title that is such words: the review's headline, not its first sentence.
    assert _title("The county council voted on Tuesday.", "The Post") == ("The Post", "title_tag")


def test_a_print_view_takes_its_headline_from_its_h1():
    paragraphs = "".join(
        f"<p>The council voted on {day} to add {n} bus routes across the northern suburbs, "
        f"and the transit board said the {n} new lines would start running by spring.</p>"
        for n, day in enumerate(("Monday", "Tuesday", "Thursday", "Friday", "Sunday"), 2)
    )
    body = f"<h1>Council expands bus network north</h1><article>{paragraphs}</article>"
    html = _page("<title>Printer Friendly Version</title>", body)
    record = process_page(html.encode(), "https://news.example/print/4411").record
    assert record.title == "Council expands bus network north"


def test_a_page_that_names_itself_nowhere_takes_its_title_from_the_text():
    from crawler.core.fields import title_from_text

    assert title_from_text("Notes on the move\nWe moved in October.") == (
        "Notes on the move", "text")  # fmt: skip
    assert title_from_text("We moved in October. It took three weekends.\nMore.") == (
        "We moved in October", "text")  # fmt: skip
    long = "We moved our small training cluster from the basement of the physics building to"
    assert title_from_text(long + " a site near the harbour. Then we rested.") == (
        "We moved our small training cluster from the basement of the physics building to …",
        "text")  # fmt: skip
    assert title_from_text("") == (None, None)


def test_an_application_name_that_is_the_pages_title_is_not_the_site_name():
    title = "Why sad films make audiences feel better"
    page = PageMeta(meta={"application-name": [title]}, title_tag=title)
    assert resolve_site_name(page, None) is None
    named = PageMeta(meta={"application-name": ["Film Desk"]}, title_tag=title)
    assert resolve_site_name(named, None) == "Film Desk"


def test_an_author_meta_that_names_the_copyright_holder_yields_to_the_byline():
    page = PageMeta(
        meta={"author": ["Ashcombe Lyle"], "copyright": ["Copyright (c) Ashcombe Lyle 2026"]},
        byline_names=("Ines Ortega",),
    )
    assert resolve_authors(page, None, Hints(), "Signal Desk") == ["Ines Ortega"]
    # With no person anywhere, the publisher is still who the page says wrote it.
    alone = PageMeta(meta=page.meta)
    assert resolve_authors(alone, None, Hints(), "Signal Desk") == ["Ashcombe Lyle"]


def _byline(markup: str) -> tuple[str, ...]:
    html = f"<html><body><h1>Headline</h1>{markup}<p>Text of the article.</p></body></html>"
    return _meta(html).byline_names


def test_byline_marks_are_words_however_the_theme_joins_them():
    # BEM, snake_case and camelCase class names: "\bbyline\b" saw none of them.
    assert _byline('<div class="c-article__byline">By Ines Varga</div>') == ("By Ines Varga",)
    assert _byline('<span class="post_author">Ana May</span>') == ("Ana May",)
    assert _byline('<div class="FeatureByline">By <b>Lena Ortiz</b></div>') == ("By Lena Ortiz",)
    # A word that only starts like one is not a mark.
    assert _byline('<div class="authority-badge">Trusted Source</div>') == ()


def test_a_by_line_with_a_date_after_the_name_or_a_posted_date_before_it():
    markup = '<div class="info">By <span>Carla Mendes</span> on <span>2026-04-02</span></div>'
    assert _byline(markup) == ("By Carla Mendes on 2026-04-02",)
    posted = "<i>Posted February 24, 2026 by Margaret Ellison, club secretary</i>"
    assert _byline(posted) == ("By Margaret Ellison, club secretary",)
    assert clean_authors(list(_byline(posted))) == ["Margaret Ellison"]
    # A sentence that starts with "Posted" and names someone later is no byline.
    assert _byline("<p>Posted prices rose by Tuesday as traders sold their stocks.</p>") == ()


def test_a_byline_marked_by_its_test_id_is_read():
    # BBC: no "By", no link, no class; only `data-testid` says what the element is.
    markup = (
        '<div data-testid="byline-new-contributors"><span class="sc-2b5e3a">Laura Pennington'
        "</span><span>Health reporter, BBC Scotland</span></div>"
    )
    assert clean_authors(list(_byline(markup))) == ["Laura Pennington"]


def test_a_paired_papers_name_after_the_byline_is_no_author():
    # "Courier & Press": its "&" read as a list, and "Press" became an author.
    assert clean_authors(["By MARISOL VEGA and DEREK LUND Courier & Press"]) == [
        "Marisol Vega",
        "Derek Lund",
    ]
    assert clean_authors(["Jane Doe, Post & Courier"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe & John Roe"]) == ["Jane Doe", "John Roe"]
    assert clean_authors(["Press"]) == [] and clean_authors(["Reuters"]) == ["Reuters"]


def test_a_staff_and_wire_reports_credit_names_no_person():
    assert clean_authors(["Staff and wire reports"]) == []
    assert clean_authors(["Wire reports", "Staff reports"]) == []


def test_a_link_to_an_editors_page_is_a_name_link():
    markup = '<div class="meta"><a href="/about/editors/lena-ortiz/">Lena Ortiz</a></div>'
    assert _byline(markup) == ("Lena Ortiz",)


def test_a_link_to_a_profile_at_its_handle_is_a_name_link():
    # Substack's post header: one profile link per writer, no class that says byline.
    markup = (
        '<div class="post-meta"><div class="profile-hover-card-target">'
        '<a href="https://substack.com/@caseyn">Casey Newton</a></div>'
        '<div class="profile-hover-card-target"><a href="https://substack.com/@zoes?utm=1">'
        "Zoë Schiffer</a></div></div>"
    )
    assert _byline(markup) == ("Casey Newton", "Zoë Schiffer")
    # A post under a handle is a teaser, not a writer.
    teaser = (
        '<div class="post-meta"><a href="https://medium.com/@caseyn/why-i-write">Why I write</a>'
        "</div>"
    )
    assert _byline(teaser) == ()


def test_credentials_after_a_name_are_not_a_name():
    assert clean_authors(["By Brenda Goodman, MA", "Jane Roe, M.D., MPH"]) == [
        "Brenda Goodman",
        "Jane Roe",
    ]
    assert clean_authors(["Ma Yun", "Do Kwon"]) == ["Ma Yun", "Do Kwon"]
    # A degree and the outlet after it ("MBA for Profit Confidential") is not a second name;
    # a name after a lone degree still is.
    assert clean_authors(["By Miriam Osei, MBA for Harbor Markets Daily"]) == ["Miriam Osei"]
    assert clean_authors(["Jane Roe, MD, and John Doe"]) == ["Jane Roe", "John Doe"]


def test_an_outlet_run_into_the_name_is_not_part_of_it():
    # Wire copy's all-caps name before its agency, and a tabloid's "For <outlet>".
    assert clean_authors(["By ODILE MARSH Associated Press"]) == ["Odile Marsh"]
    assert clean_authors(["By Tarik Bello For Dailymail.com"]) == ["Tarik Bello"]
    assert clean_authors(["By Tarik Bello for The Courier and Ines Varga"]) == [
        "Tarik Bello",
        "Ines Varga",
    ]
    # An organization named "... for ..." is one name; a place in capitals is not a person.
    institutes = ["Center for Coastal Studies", "National Center for Health Statistics"]
    assert clean_authors(institutes) == institutes
    assert clean_authors(["NEW YORK Times"]) == ["NEW YORK Times"]


def test_an_organization_typed_author_yields_to_the_person_in_the_byline():
    # JSON-LD says "Organization"; the name alone ("The Ledger") does not.
    page = PageMeta(
        jsonld={"author": {"@type": "NewsMediaOrganization", "name": "Harbor Ledger"}},
        byline_names=("By Ines Varga",),
    )
    assert resolve_authors(page, None, Hints()) == ["Ines Varga"]
    page = PageMeta(meta={"author": ["The Ledger"]}, byline_names=("By Ines Varga",))
    assert resolve_authors(page, None, Hints()) == ["Ines Varga"]
    page = PageMeta(jsonld={"author": {"@type": "Organization", "name": "Harbor Ledger"}})
    assert resolve_authors(page, None, Hints()) == ["Harbor Ledger"]  # no person named


def test_an_organization_typed_beside_a_person_is_the_persons_outlet():
    # "Dana Whitlock, The Canadian Press": the wire the writer files for, not a co-author.
    page = PageMeta(
        jsonld={
            "author": [
                {"@type": "Person", "name": "Dana Whitlock"},
                {"@type": "Organization", "name": "The Canadian Press"},
            ]
        },
        byline_names=("Dana Whitlock, The Canadian Press",),
    )
    assert resolve_authors(page, None, Hints(), site_name="Northern News") == ["Dana Whitlock"]


def test_byline_labels_and_an_address_beside_the_name():
    labelled = ["Opinion by Ines Varga", "Authors: Tarik Bello, Ana Lee", "Analysis by Sam Roe"]
    assert clean_authors(labelled) == ["Ines Varga", "Tarik Bello", "Ana Lee", "Sam Roe"]
    assert clean_authors(["By Ines Varga ines.varga@ledger.example"]) == ["Ines Varga"]
    assert clean_authors(["Ines Varga @ivarga"]) == ["Ines Varga"]
    # No byline mark, only the label: "Written by" as well as "By".
    line = '<p class="meta">Written by Ines Varga | Published 3 hours ago</p>'
    assert clean_authors(list(_byline(line))) == ["Ines Varga"]


def test_menu_and_reference_links_to_member_pages_are_not_bylines():
    menu = (
        '<div class="top-menu"><ul><li class="menu-dropdown">'
        '<a href="/user/memberlist">Member List</a></li></ul></div>'
    )
    byline = '<div class="fiction-info"><h1>The Lantern Keeper</h1>by '
    byline += '<a href="/profile/4411">Tamsin Reed</a></div>'
    assert _byline(menu + byline) == ("Tamsin Reed",)
    role_menu = '<ul role="menubar"><li><a href="/users/directory">Staff Directory</a></li></ul>'
    assert _byline(role_menu + byline) == ("Tamsin Reed",)
    cited = (
        '<p>The premier <a href="/wiki/Harriet_Vane">Harriet Vane</a> said so.</p>'
        '<ol class="references"><li><cite class="citation web">'
        '<a href="https://history.example/people/harriet-vane-biography">"Harriet Vane"</a>'
        "</cite></li></ol>"
    )
    assert _byline(cited) == ()
    # A person the story is about, linked to a topic page from a sentence or a tag cloud.
    mention = (
        '<p><a href="/people/odile-marsh/">Odile Marsh</a> was married when she died and'
        " left her estate to her husband, according to court papers filed this week.</p>"
    )
    tags = '<section class="tag-cloud"><ul><li><a href="/people/odile-marsh/">Odile Marsh</a>'
    tags += "</li></ul></section>"
    assert _byline(mention + tags) == ()
    # A byline written as a sentence is still the byline.
    sentence = '<p>By <a href="/people/ines-varga/">Ines Varga</a>, a science writer who has'
    sentence += " covered the city's transit for this paper since 2015.</p>"
    assert _byline(sentence) == ("Ines Varga",)
    # WordPress marks the post itself "tag-<slug>": its byline is still one.
    post = '<div class="post hentry tag-transit tag-city-hall"><span class="byline">By '
    post += '<a href="/author/ines-varga/">Ines Varga</a></span></div>'
    assert _byline(post) == ("Ines Varga",)
    # A page wrapper's layout mark ("with-navbar") around the headline is not a menu.
    wrapped = '<div class="main-inner with-navbar"><h1>Hazing and blame</h1>'
    wrapped += '<span class="byline">By: <a href="/users/gparks">Gregory Parks</a></span></div>'
    assert _byline(wrapped) == ("Gregory Parks",)


def test_a_written_by_label_names_the_author_after_the_byline():
    # Yoast SEO's twitter:label1 "Written by" / twitter:data1: the posting account.
    labels = {"twitter:label1": ["Written by"], "twitter:data1": ["Ines Ortega"]}
    labels |= {"twitter:label2": ["Est. reading time"], "twitter:data2": ["4 minutes"]}
    assert resolve_authors(PageMeta(meta=labels), None, Hints()) == ["Ines Ortega"]
    bylined = PageMeta(meta=labels, byline_names=("By Lena Ortiz",))
    assert resolve_authors(bylined, None, Hints()) == ["Lena Ortiz"]
    other = {"twitter:label1": ["Reading time"], "twitter:data1": ["4 minutes"]}
    assert resolve_authors(PageMeta(meta=other), None, Hints()) == []


def _headline(head: str, body: str) -> str | None:
    return resolve_title(_meta(_page(head, body)), None, Hints(), None)[0]


OG = '<meta property="og:title" content="Port Averill approves taller flats on main roads">'


def test_a_label_inside_the_h1_is_not_part_of_the_headline():
    headline = "Port Averill approves taller flats on main roads"
    for label in (
        '<span class="headline__kicker">Opinion</span><span class="sr-only">: </span>',
        '<span class="liveLabel">LIVE</span> ',
        '<span class="live-tag">LIVE</span> ',  # audit 35
        # No mark, but its words run into the headline's: a kicker set on its own line.
        '<span class="sc-77aa11-1">City Hall</span>',
    ):
        assert _headline(OG, f"<article><h1>{label}{headline}</h1></article>") == headline
    # A line break is a space; a drop cap is the headline's first letter.
    assert _headline(OG, "<h1>Port Averill approves<br>taller flats on main roads</h1>") == headline
    dropcap = '<h1><span class="dc">P</span>ort Averill approves taller flats on main roads</h1>'
    assert _headline(OG, dropcap) == headline


def test_a_label_word_the_title_element_leaves_out_is_not_part_of_the_headline():
    # Audit 46: labels with no class of ours, only their word and place; og:title and
    # JSON-LD carry them too ("EXCLUSIVE: …"), so they agreed. The <title> names the
    # headline without them.
    headline = "Port Averill approves taller flats on main roads"
    labelled = f'<meta property="og:title" content="EXCLUSIVE: {headline}">'
    for title in (f"{headline} | Harbour Post", f"Harbour Post - {headline}"):
        head = f"<title>{title}</title>{labelled}"
        for h1 in (
            f'<h1><span class="is-exclusive">EXCLUSIVE: </span>{headline}</h1>',  # Daily Mail
            f'<h1 class="headline__text">Opinion: {headline}</h1>',  # CNN, plain text
            f"<h1>Watch — {headline}</h1>",
            f"<h1>Analysis | {headline}</h1>",
            f'<h1>{headline} <span class="gnt_ar_upd">UPDATED</span></h1>',  # USA Today
            f"<h1><span>LIVE</span> {headline}</h1>",
            f"<h1>Just in: {headline}</h1>",
        ):
            assert _headline(head, h1) == headline, h1


def test_label_words_the_title_element_keeps_stay_in_the_headline():
    # A label the site names the page by: the <title> (and the reader's h1) keep it, even
    # where a social card leaves it out.
    kept = "Photos: The small towns building the AI boom"
    head = f'<title>{kept} - Harbour Post</title><meta property="og:title" content="{kept[8:]}">'
    assert _headline(head, f"<h1>{kept}</h1>") == kept
    # No <title> to say so: the heading stands as printed.
    assert _headline(f'<meta property="og:title" content="{kept[8:]}">', f"<h1>{kept}</h1>") == kept
    # Words of the sentence that are label words, and a headline's own colon.
    for headline, title in (
        ("Opinion polls show voters split on flats", "Opinion polls show voters split on flats"),
        ("Breaking Bad star opens a bakery in Averill", "Breaking Bad star opens a bakery"),
        ("Watch makers bet on AI to plan supply", "Watch makers bet on AI to plan supply"),
        ("Nvidia results: chipmaker beats forecasts", "Nvidia results: chipmaker beats forecasts"),
        ("The films our critics will watch", "The films our critics will watch"),
    ):
        head = f"<title>{title} | Harbour Post</title>"
        assert _headline(head, f"<h1>{headline}</h1>") == headline
    # Too short to be a label and a headline.
    assert (
        without_label("Live: Averill votes", "Averill votes | Harbour Post")
        == "Live: Averill votes"
    )


def test_a_social_or_alternative_headline_vouches_for_the_visible_one():
    visible = "A quiet council vote lets Port Averill build upwards"
    seo = '<meta property="og:title" content="Port Averill zoning change: what it means">'
    twitter = f'<meta name="twitter:title" content="{visible}">'
    body = f'<div class="logo"><h1>The Harbour Daily</h1></div><h1 class="c-title">{visible}</h1>'
    assert _headline(seo + twitter, body) == visible
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Zoning change explained",
            "alternativeHeadline": visible,
        }
    )
    assert _headline(f'<script type="application/ld+json">{ld}</script>', body) == visible
    assert _headline(seo, body) == "Port Averill zoning change: what it means"


def test_the_themes_marked_headline_comes_first_and_stands_alone():
    short = "Averill flats approved"
    full = "Port Averill approves taller flats on main roads, with conditions"
    tag = f"<title>{short} | Port Averill Now</title>"
    body = f'<div class="hero"><h1>{short}</h1></div><h1 class="article-headline">{full}</h1>'
    assert _headline(tag, body) == full
    # The one marked <h1> is the headline even where the metadata has another for search.
    seo = "<title>Warehouse robots ready for prime time | CCNN</title>"
    seen = "Robots that can pick almost anything are finally leaving the lab"
    assert _headline(seo, f'<h1 class="headline__text">{seen}</h1>') == seen
    # An unmarked <h1> that agrees with nothing may be a logo: the metadata title stands.
    assert _headline(seo, f"<h1>{seen}</h1>").startswith("Warehouse robots ready")


def test_a_by_label_in_an_element_of_its_own_names_the_byline_beside_it():
    # Hashed class names (CSS modules, styled-components): no mark to find, only the label.
    markup = '<div class="x9f2"><span>By </span><span class="k3a">Yomi Kazeem</span></div>'
    assert _byline(markup) == ("By Yomi Kazeem",)
    linked = '<div class="x9f2"><span>By </span><a href="/team/ines-varga">Ines Varga</a></div>'
    assert _byline(linked) == ("By Ines Varga",)


def test_a_byline_after_the_date_on_one_line_is_read():
    line = '<div class="story-info">Published 3 March 2026 | By Declan Fairweather</div>'
    assert _byline(line) == ("By Declan Fairweather",)
    assert _byline('<p class="x">Updated 10:42 · By Ana Ruiz and Li Wei</p>') == (
        "By Ana Ruiz and Li Wei",
    )
    # Not a section's label before a heading that happens to start with "By".
    assert _byline('<div class="k">Opinion | By the numbers: AI spending</div>') == ()


def test_credits_for_other_work_are_not_authors():
    bylines = [
        "By Jane Roe. Photographs by Lionel Abara",
        "By Sam Poe; Medically reviewed by Amy Lin, MD",
        "Illustrations by Kim Oh",
        "By Ted Cho, with additional reporting by Ana Bell",
    ]
    assert clean_authors(bylines) == ["Jane Roe", "Sam Poe", "Ted Cho"]
    # An initial ends no sentence.
    assert clean_authors(["By Jane Q. Roe"]) == ["Jane Q. Roe"]
    # Condé Nast-style: the photographer's name is a contributor link in the byline block.
    markup = (
        '<div class="BylinesWrapper"><p class="bylines__byline">By '
        '<a href="/contributor/helena-sorby">Helena Sørby</a></p>'
        '<p class="bylines__byline"><span class="BylinePreamble">Photographs by </span>'
        '<span><a href="/contributor/tobias-lund">Tobias Lund</a></span></p></div>'
    )
    assert _byline(markup) == ("Helena Sørby",)


def test_contributors_the_byline_credits_are_not_its_writers():
    # Audit 50: "By <a>…</a> Contributions from <a href=/author/…>…</a>" gave both names.
    bylines = [
        "By Odile Ferrand. Contributions from Rafe Nkemelu",
        "By Odile Ferrand, with contributions by Rafe Nkemelu and Suvi Aho",
        "By Odile Ferrand. Additional contributions: Rafe Nkemelu",
    ]
    assert clean_authors(bylines) == ["Odile Ferrand"]
    assert credited_names(bylines[1]) == ["Rafe Nkemelu", "Suvi Aho"]
    markup = (
        '<div class="byline"><span>By <a rel="author" href="/author/odile-ferrand">Odile '
        'Ferrand</a></span> <span class="job">Contributions from <a href="/author/rafe-'
        'nkemelu">Rafe Nkemelu</a></span> <time datetime="2025-05-02">2 May 2025</time></div>'
    )
    assert _byline(markup) == ("Odile Ferrand",)
    head = (
        "<title>Tide gauges show a faster rise | Shoreline</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tide '
        'gauges show a faster rise", "author": {"@type": "Person", "name": "Odile Ferrand"}}'
        "</script>"
    )
    prose = "".join(
        f"<p>Harbour gauge {n} has logged the water level every six minutes since 1952, and "
        "the last decade of its record rises faster than any decade before it.</p>"
        for n in range(4)
    )
    html = _page(head, f"<article><h1>Tide gauges show a faster rise</h1>{markup}{prose}</article>")
    assert process_page(html.encode(), "https://shore.example/tides").record.authors == [
        "Odile Ferrand"
    ]
    # A singular contribution is the writer's own: a guest contributor's post.
    assert credited_names("A guest contribution by Odile Ferrand") == []
    assert clean_authors(["Guest contributions by Odile Ferrand"]) == ["Odile Ferrand"]


def test_an_all_caps_byline_names_people_in_their_own_case():
    assert clean_authors(["BY JANE O'NEIL AND SAM POE"]) == ["Jane O'Neil", "Sam Poe"]
    assert clean_authors(["BBC NEWS", "AFP"]) == ["BBC NEWS", "AFP"]  # not persons
    assert _byline('<div class="x1">BY JANE ROE AND SAM POE</div>') == ("BY JANE ROE AND SAM POE",)


def test_sign_in_and_log_in_labels_are_not_names():
    assert clean_authors(["SIGN UP", "Log In", "Login", "Log Ingram"]) == ["Log Ingram"]


def test_an_unlinked_name_listed_with_the_linked_ones_is_an_author():
    line = (
        '<div class="headline__footer"><div class="byline__names">'
        '<span class="byline__by">By </span>'
        '<a href="/profiles/farah-idris" class="byline__link">Farah Idris</a>, '
        '<a href="/profiles/lukas-brenner" class="byline__link">Lukas Brenner</a> and '
        '<span class="byline__name">Tomasz Wrona</span>, CCNN</div></div>'
    )
    names = clean_authors(list(_byline(line)))
    assert names[:3] == ["Farah Idris", "Lukas Brenner", "Tomasz Wrona"]
    # Beside the list, not in it: a section or a desk is not a contributor.
    beside = '<div class="byline">By <a href="/author/jane-roe">Jane Roe</a> · Climate Change</div>'
    assert _byline(beside) == ("Jane Roe",)
    # Nor is the last linked name glued to the outlet's line under the byline (audit 24:
    # "Dale Henning Harborview Ledger", a third author, Gannett's markup).
    outlet = (
        '<div class="gnt_ar_by"><a href="/staff/3011/marisa-quintero/">Marisa Quintero</a> and '
        '<a href="/staff/3020/dale-henning/">Dale Henning</a>'
        '<div class="gnt_ar_by_ttl">Harborview Ledger</div></div>'
    )
    assert clean_authors(list(_byline(outlet))) == ["Marisa Quintero", "Dale Henning"]
    # A co-author whose name begins with a linked one's is another person (the review).
    alike = '<div class="byline">By <a href="/author/li-wei">Li Wei</a> and Li Weiming</div>'
    assert clean_authors(list(_byline(alike))) == ["Li Wei", "Li Weiming"]


def test_metadata_naming_the_first_author_gets_the_others_from_the_byline():
    jsonld = {"author": {"@type": "Person", "name": "Priya Castellanos"}}
    page = PageMeta(jsonld=jsonld, byline_names=("Priya Castellanos", "Dennis Marsh"))
    assert resolve_authors(page, None, Hints()) == ["Priya Castellanos", "Dennis Marsh"]
    # The outlet after the name is not an author; nor is a staff list the author is in.
    outlet = PageMeta(jsonld=jsonld, byline_names=("By Priya Castellanos, IDG News Service",))
    assert resolve_authors(outlet, None, Hints()) == ["Priya Castellanos"]
    staff = PageMeta(jsonld=jsonld, byline_names=("Ana Bell", "Priya Castellanos", "Ted Cho"))
    assert resolve_authors(staff, None, Hints()) == ["Priya Castellanos"]


def test_a_phrase_read_from_the_page_text_is_not_an_author():
    assert is_phrase("Create new account") and is_phrase("Verizon hooking up")
    assert not is_phrase("Ana de la Cruz") and not is_phrase("Friends of the Earth")
    assert not is_phrase("jane roe")  # all lower case: a handle or a chosen spelling
    jsonld = {"author": {"@type": "Person", "name": "Priya Castellanos"}}
    page = PageMeta(jsonld=jsonld, byline_names=("Priya Castellanos", "Create new account"))
    assert resolve_authors(page, None, Hints()) == ["Priya Castellanos"]
    text_only = PageMeta(byline_names=("Verizon hooking up", "Dennis Marsh"))
    assert resolve_authors(text_only, None, Hints()) == ["Dennis Marsh"]
    # Declared in metadata, a name may be a phrase: the publisher chose it.
    declared = PageMeta(jsonld={"author": {"name": "Contributors to Wikimedia projects"}})
    assert resolve_authors(declared, None, Hints()) == ["Contributors to Wikimedia projects"]


def test_a_repeated_by_label_is_one_label():
    assert clean_authors(["By by JOSH TAYLOR"]) == ["Josh Taylor"]


def test_a_surname_first_field_names_each_person_given_name_first():
    # Dublin Core and the citation_ tags write one person to a tag, surname first.
    markup = (
        '<html><head><meta name="DC.Creator" content="Okonkwo, T.">'
        '<meta name="DC.Creator" content="Berg, Anneke van den">'
        "</head><body><h1>Draft</h1><p>Text.</p></body></html>"
    )
    assert resolve_authors(_meta(markup), None, Hints(), "Drafts") == [
        "T. Okonkwo",
        "Anneke van den Berg",
    ]
    cited = PageMeta(meta={"citation_author": ["Lindqvist, Maja"]})
    assert resolve_authors(cited, None, Hints(), "Drafts") == ["Maja Lindqvist"]
    # Written name first, the comma is a list; a job title is not a given name.
    listed = PageMeta(meta={"dc.creator": ["Jane Doe, John Roe"]})
    assert resolve_authors(listed, None, Hints(), "Drafts") == ["Jane Doe", "John Roe"]
    titled = PageMeta(meta={"dc.creator": ["Roe, Staff Writer"]})
    assert resolve_authors(titled, None, Hints(), "Drafts") == ["Roe"]


def test_a_title_loses_characters_that_print_nothing():
    from crawler.core.fields import bounded_title

    assert bounded_title("Zero\u200b width \u202ebidi\u00ad title") == "Zero width bidi title"
    assert bounded_title("Ünïcödé title") == "Ünïcödé title"


def test_a_name_with_a_newsroom_role_is_a_byline_without_by_or_a_mark():
    assert _byline('<div class="credit">Naledi Mokoena, Staff Writer</div>') == ("Naledi Mokoena",)
    assert _byline("<p>Jane Roe | Senior Technology Reporter</p>") == ("Jane Roe",)
    # Not a speaker's title, a picture's caption, or a name without a role.
    for markup in (
        "<p>Jane Roe, CEO</p>",
        "<figure><figcaption>Jane Roe, staff writer</figcaption></figure>",
        "<p>Jane Roe</p>",
    ):
        assert _byline(markup) == (), markup


def test_a_publication_beside_the_writer_is_no_author():
    """A story carried by an aggregator: "By Maya Goldberg, Open Source Quarterly"."""
    assert clean_authors(["By Maya Goldberg, Open Source Quarterly"]) == ["Maya Goldberg"]
    assert clean_authors(["Ada Okafor, The Lagos Review"]) == ["Ada Okafor"]
    # Named alone, the publication is who the page says wrote it.
    assert clean_authors(["By Open Source Quarterly"]) == ["Open Source Quarterly"]


@pytest.mark.parametrize(
    "wrapped",
    [
        "<![CDATA[ {json} ]]>",  # Medium
        "//<![CDATA[\n{json}\n//]]>",
        "/* <![CDATA[ */ {json} /* ]]> */",
        "<!-- {json} -->",
    ],
)
def test_json_ld_inside_a_cdata_section_or_a_comment_is_read(wrapped):
    article = '{"@type": "NewsArticle", "datePublished": "2026-03-04T10:00:00Z"}'
    script = wrapped.replace("{json}", article)
    markup = f'<html><head><script type="application/ld+json">{script}</script></head></html>'
    assert _meta(markup).jsonld.get("datePublished") == "2026-03-04T10:00:00Z"


def _title_of(markup: str) -> str | None:
    return resolve_title(_meta(markup), None, Hints(), None)[0]


def test_the_title_part_the_page_prints_is_the_headline_wherever_the_site_put_its_name():
    # An old table-laid page: no <h1>, no og:title; the headline in bold in its cell.
    head = "<title>Pine Ridge Observatory - News - Club hears a dead satellite talk</title>"
    body = (
        "<table><tr><td><a href='/'>Home</a> | <a href='/news'>News</a></td></tr><tr><td>"
        "<b>Club hears a dead satellite talk</b><br><i>Posted by the secretary</i><br><br>"
        "Members gathered on the roof to hear the old satellite's beacon again.</td></tr></table>"
    )
    assert _title_of(_page(head, body)) == ("Club hears a dead satellite talk")
    # Printed nowhere as a text of its own: the title tag's own reading stays.
    unshown = body.replace("<b>Club hears a dead satellite talk</b>", "")
    assert _title_of(_page(head, unshown)) == (
        "Pine Ridge Observatory - News - Club hears a dead satellite talk"
    )


def test_the_headline_is_never_the_site_name():
    # trafilatura names the site with the <title> part that holds a dot ("Studio Inc."):
    # here the headline, the part the page prints. The other part is the site.
    tree = lxml_html.fromstring(
        "<html><head><title>Designer Interview: Alder Studio Inc. | Woodnest Journal</title>"
        "</head><body><b>Designer Interview: Alder Studio Inc.</b>"
        f"<p>{'The studio builds oak tables for small flats. ' * 30}</p></body></html>"
    )
    found = trafilatura.bare_extraction(tree, with_metadata=True, as_dict=False)
    assert found.sitename == "Designer Interview: Alder Studio Inc."  # upstream's guess
    page = read_page_meta(tree)
    assert resolve_site_name(page, found) == "Woodnest Journal"
    # Nothing but trafilatura's guess: the headline still does not name the site.
    single = PageMeta(
        title_tag="Designer Interview: Alder Studio Inc.",
        headings=("Designer Interview: Alder Studio Inc.",),
    )
    assert resolve_site_name(single, found) is None


def test_by_lines_of_old_pages_and_report_meta_lists():
    # The byline as a line of its own in a longer element: the role and date after <br>s.
    laid = (
        '<font size="2">By Carol Anne Schreiber<br>Gazette Correspondent<br>Posted 04/27/2004'
        "</font>"
    )
    assert clean_authors(list(_byline(laid))) == ["Carol Anne Schreiber"]
    # A home page's lower-case "by", a report's "Authors:" label.
    home = (
        '<center><font size="2">by Bill Harmon<br>last updated September 12, 1999</font></center>'
    )
    assert clean_authors(list(_byline(home))) == ["Bill Harmon"]
    report = (
        "<ul class='report-meta'><li>Report</li><li>Authors: Grace Mwangi, Daniel Okello</li></ul>"
    )
    assert clean_authors(list(_byline(report))) == ["Grace Mwangi", "Daniel Okello"]
    # Hugo's label in an element of its own, the time's "on" after the name.
    hugo = (
        '<div class="post-info"><span>Written by</span> Rob Allard<br><span>on </span>'
        '<time datetime="2020-04-18">April 18, 2020</time></div>'
    )
    assert clean_authors(list(_byline(hugo))) == ["Rob Allard"]
    # A sentence that starts with a lower-case "by" names no one.
    assert _byline("<p>by the time the Council met, the plan had changed.</p>") == ()


def test_a_beat_before_the_name_and_an_agency_after_with_are_no_names():
    # ABC's "By science reporter Kate Lindsay"; DW's "Lena Krause with Reuters".
    assert _byline("<p>By science reporter <a href='/news/k/1'>Kate Lindsay</a></p>") == (
        "By science reporter Kate Lindsay",
    )
    assert clean_authors(["By national science reporter Kate Lindsay"]) == ["Kate Lindsay"]
    assert clean_authors(["By Lena Krause with Reuters"]) == ["Lena Krause"]
    assert clean_authors(["Jane Doe and agencies"]) == ["Jane Doe"]
    # A person after "with" is a co-author.
    assert clean_authors(["Jane Doe with John Roe"]) == ["Jane Doe", "John Roe"]


def test_one_block_per_writer_and_a_meta_tag_that_names_none_of_them():
    blocks = (
        "<div class='byline'><p class='byline__name'><a href='/people/1/jonah'>Jonah Whitaker"
        "</a></p></div><div class='byline'><p class='byline__name'><a href='/people/2/alicia'>"
        "Alicia Benn</a></p></div>"
    )
    body = "".join(f"<p>Paragraph {n} of the story about the river survey.</p>" for n in range(9))
    names = _byline(blocks + body)
    assert names == ("Jonah Whitaker", "Alicia Benn")
    # The byline lists two writers; the meta tag one other name (a CMS's uploader): the byline.
    page = PageMeta(meta={"author": ["Lauren Sommer"]}, byline_names=names)
    assert resolve_authors(page, None, Hints()) == ["Jonah Whitaker", "Alicia Benn"]
    # A meta name the byline gives too, or one name against one: the meta tag stays
    # first, as its order of trust says.
    page = PageMeta(meta={"author": ["Alicia Benn"]}, byline_names=names)
    assert resolve_authors(page, None, Hints()) == ["Alicia Benn"]
    page = PageMeta(meta={"author": ["Lauren Sommer"]}, byline_names=("Jonah Whitaker",))
    assert resolve_authors(page, None, Hints()) == ["Lauren Sommer"]


def test_a_desk_set_apart_by_a_dot_beside_the_name_is_no_author():
    # CBC: the writer's desk in a marked element of its own, after a "·".
    markup = (
        "<div class='bylineDetails'><span class='authorText'><a>Daniel Tremblay</a></span> · "
        "<span class='authorDept'>CBC News</span></div>"
    )
    assert clean_authors(list(_byline(markup))) == ["Daniel Tremblay"]
    # Two writers side by side with "and" between them are both read.
    pair = "<span class='author'>Ana Ruiz</span> and <span class='author'>Leo Park</span>"
    assert clean_authors(list(_byline(pair))) == ["Ana Ruiz", "Leo Park"]


def test_a_capitalised_et_y_or_und_is_a_name_not_a_foreign_and():
    # The Economic Times' desk on every story; French, Spanish, German "and" stay lists.
    assert clean_authors(["Sreeradha Basu, ET Bureau"]) == ["Sreeradha Basu"]
    assert clean_authors(["ET Bureau"]) == ["ET Bureau"]
    assert clean_authors(["Jean Dupont et Marie Curie"]) == ["Jean Dupont", "Marie Curie"]
    assert clean_authors(["Hans Müller und Eva Braun"]) == ["Hans Müller", "Eva Braun"]
    assert clean_authors(["Jane Doe, Washington Bureau Chief"]) == ["Jane Doe"]


def _title_and_site(markup: str) -> tuple[str | None, str | None]:
    page = _meta(markup)
    site = resolve_site_name(page, None)
    return resolve_title(page, None, Hints(), site)[0], site


def test_a_headline_drawn_without_an_h1_beats_a_search_headline_and_a_logo_h1_is_the_site():
    seo = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Robot hand '
        'folds laundry"}</script>'
    )
    shown = "A tiny startup taught a robot hand to fold laundry in 30 days"
    for heading in (
        f'<div role="heading" aria-level="1">{shown}</div>',
        f'<p class="article__title">{shown}</p>',
        f'<div class="c-post__title">{shown}</div>',
    ):
        assert _title_and_site(_page(seo, f"{heading}<p>Story.</p>"))[0] == shown, heading
    # A wrapper of the header is no headline: its h1 is.
    wrapper = f'<div class="headline-wrap"><h1>{shown}</h1><p>A dek under it.</p></div>'
    assert _title_and_site(_page(seo, wrapper))[0] == shown
    # A blog theme's h1 is its name, a link home; the <title> reads "Site | Headline".
    post = "Running a 7B model on a Raspberry Pi 5: a weekend experiment"
    logo = '<h1 class="site-title"><a href="/">Byte Notes</a></h1>'
    html = (
        f"<html><head><title>Byte Notes | {post}</title></head><body>{logo}<p>x</p></body></html>"
    )
    assert _title_and_site(html) == (post, "Byte Notes")


def test_bylines_labelled_as_magazines_and_wires_label_them():
    assert clean_authors(["Reporting by Ella Quinn and Kavya Menon; Editing by Tom Roe"]) == [
        "Ella Quinn",
        "Kavya Menon",
    ]
    for byline in ("Words: Ella Quinn Photography: Tomás Ybarra", "Guest post by Ella Quinn"):
        assert clean_authors([byline]) == ["Ella Quinn"], byline
    assert clean_authors(["Interview: Ella Quinn", "Text: Ella Quinn / Photos: Tom Roe"]) == [
        "Ella Quinn"
    ]


def test_a_later_writer_in_the_metadata_gets_the_byline_line_and_a_bio_adds_no_one():
    jsonld = {"author": {"@type": "Person", "name": "J.R. Smith"}}
    line = ("By Naomi Kessler, J.R. Smith and Aditi Venkataraman",)
    page = PageMeta(jsonld=jsonld, byline_names=line)
    assert resolve_authors(page, None, Hints()) == [
        "Naomi Kessler",
        "J.R. Smith",
        "Aditi Venkataraman",
    ]
    first = {"author": {"@type": "Person", "name": "Dave R. Hollister"}}
    bio = (
        "Dave R. Hollister",
        "I cover enterprise AI infrastructure and the companies building it",
    )
    page = PageMeta(jsonld=first, byline_names=bio)
    assert resolve_authors(page, None, Hints()) == ["Dave R. Hollister"]


def test_an_all_capitals_headline_takes_the_metadatas_casing():
    og = '<meta property="og:title" content="Chip Exports Rise for a Third Month">'
    h1 = "<h1>CHIP EXPORTS RISE FOR A THIRD MONTH</h1>"
    assert _title_and_site(_page(og, h1))[0] == "Chip Exports Rise for a Third Month"
    # The metadata's title with its site's name after it (audit 26).
    og = og.replace("Month", "Month | Field Notes")
    assert _title_and_site(_page(og, h1))[0] == "Chip Exports Rise for a Third Month"


def test_a_double_colon_separates_the_site_from_the_headline():
    assert strip_site_suffix("The end of the prompt engineer :: Kernel Notes", "Kernel Notes") == (
        "The end of the prompt engineer"
    )


def test_a_writer_the_text_credits_at_its_edge_when_nothing_else_names_one():
    prose = "".join(
        f"<p>Paragraph {n}: the heat pump kept the house warm through a cold and wet winter, "
        "and the bills came in lower than the old gas boiler's ever did.</p>"
        for n in range(8)
    )
    credit = (
        "<p><em>This article was written by Chidi Okonkwo, a PhD student at the Institute "
        "for Energy Research.</em></p>"
    )
    html = (
        "<html><head><title>A winter with a heat pump</title></head><body><article>"
        f"<h1>A winter with a heat pump</h1><span class='author'>admin</span>{prose}{credit}"
        "</article></body></html>"
    )
    record = process_page(html.encode(), "https://blog.example/heat-pump").record
    assert record.authors == ["Chidi Okonkwo"]
    # A page that names its author keeps it.
    named = html.replace(">admin<", ">Rosa Vidal<")
    assert process_page(named.encode(), "https://blog.example/heat-pump").record.authors == [
        "Rosa Vidal"
    ]


def test_an_unmarked_byline_with_a_colon_label_or_a_desk_after_a_slash_is_read():
    for markup, name in (
        (
            '<p class="info">WRITER: <a href="/search?q=Komsan">Komsan Rattana</a></p>',
            "Komsan Rattana",
        ),
        ('<p class="info">Reporter: Komsan Rattana</p>', "Komsan Rattana"),
        ('<div class="meta">By: Maria Santos</div>', "Maria Santos"),
        ('<div class="meta">Posted by: Maria Santos</div>', "Maria Santos"),
        ('<div class="name">By Chen Hsiao-wen / Staff reporter, with CNA</div>', "Chen Hsiao-wen"),
        ('<div class="name">By Lin Pei-yu (CNA)</div>', "Lin Pei-yu"),
    ):
        assert clean_authors(list(_byline(markup))) == [name], markup
    # A question to a reporter in an interview is no byline.
    assert _byline("<p>Reporter: What did the council decide about the new software?</p>") == ()


def test_a_head_of_job_title_after_a_name_is_no_second_author():
    byline = "By Sean Keeble, Head of Technology and Science"
    assert clean_authors([byline, "Global Head of Research"]) == ["Sean Keeble"]
    assert clean_authors(["Jane Head, Reporter"]) == ["Jane Head"]


def test_a_company_job_title_and_its_team_under_a_name_are_no_author():
    """Audit 24: an engineering blog's author card, "Yuki Tanaka" over "Staff Software
    Engineer, ML Platform", gave the team "ML Platform" as a second author."""
    card = (
        '<div class="author-card"><span class="author-name">Yuki Tanaka</span>'
        '<span class="author-role">Staff Software Engineer, ML Platform</span></div>'
        '<div class="author-card"><span class="author-name">Oren Beck</span>'
        '<span class="author-role">Engineering Manager, Fulfilment Data</span></div>'
    )
    assert clean_authors(list(_byline(card))) == ["Yuki Tanaka", "Oren Beck"]
    # Glued to the name, the title goes; a person named after a role word stays.
    assert clean_authors(["Jane Roe Software Engineer"]) == ["Jane Roe"]
    assert clean_authors(["Jane Roe, Software Engineer, and John Doe"]) == ["Jane Roe", "John Doe"]
    assert clean_authors(["Jane Roe Staff Writer", "Ana Lead"]) == ["Jane Roe", "Ana Lead"]
    # The review: a title before the name, and the longest title after one.
    assert names_in("Staff Writer, Jane Doe") == names_in("Editor | Jane Doe") == ["Jane Doe"]
    assert names_in("Peter Grant Vice President") == ["Peter Grant"]


def test_an_agency_beside_the_name_an_updater_and_a_pages_name_are_no_authors():
    """Audit 26: "<span>Nguyễn Thị Hoa</span> <span>AFP</span>" gave one glued name; an
    "Updated by" credit in the byline was a second author; "Letters to the Editor" gave
    "Letters to the"."""
    assert clean_authors(["Nguyễn Thị Hoa AFP", "Jane Smith Reuters"]) == [
        "Nguyễn Thị Hoa",
        "Jane Smith",
    ]
    assert clean_authors(["AFP"]) == ["AFP"] and clean_authors(["Ap Dijksterhuis"]) == [
        "Ap Dijksterhuis"
    ]
    assert clean_authors(["Mary Ellen Bloomberg"]) == ["Mary Ellen Bloomberg"]  # a surname
    assert names_in("By Rebecca Thorn Updated by Marco Esposito") == ["Rebecca Thorn"]
    assert clean_authors(["Letters to the Editor"]) == []


def test_a_description_is_a_sentence_or_two_not_megabytes():
    """Audit 19: a 1.2 MB description meta was copied whole into every record of the page."""
    from crawler.core.fields import MAX_DESCRIPTION_CHARS, resolve_description

    huge = PageMeta(meta={"description": ["Agents write code. " * 70_000]})
    description = resolve_description(huge, None, Hints())
    assert len(description) <= MAX_DESCRIPTION_CHARS + 2 and description.endswith(" …")
    assert set(description.split()) == {"Agents", "write", "code.", "…"}  # cut at a space
    spaced = PageMeta(meta={"og:description": ["A lab\n\n  ships a  model.\u200b"]})
    assert resolve_description(spaced, None, Hints()) == "A lab ships a model."
    assert resolve_description(PageMeta(meta={"description": ["\u200b "]}), None, Hints()) is None


def test_a_newsrooms_staff_account_is_an_organization_not_a_person():
    """Audit 23: "Nation Web Staff" lost its job word, became "Nation Web", a person's
    shape, and was the author over the byline the page prints."""
    page = PageMeta(
        jsonld={"author": {"@type": "Person", "name": "Nation Web Staff"}},
        byline_names=("Marisol Okafor",),
    )
    assert resolve_authors(page, None, Hints(), site_name="The Nation") == ["Marisol Okafor"]
    alone = PageMeta(meta={"author": ["KTLA Digital Staff"]})
    assert resolve_authors(alone, None, Hints(), site_name="KTLA") == ["KTLA Digital Staff"]
    # A job title after a person's name is still cut, and a person's name before "Staff" is
    # a person (the review).
    assert clean_authors(["Jane Doe Staff Writer"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe Staff"]) == ["Jane Doe"]


def _wire_story_authors(body: str, byline: str = "") -> list[str]:
    """The authors of a short story under a byline (or none) with `body` as its HTML."""
    html = f"<html><body><article><h1>AI office funded</h1>{byline}{body}</article></body></html>"
    outcome = process_page(html.encode(), "https://wire.example/a", options=Options(min_words=1))
    return outcome.record.authors


_BYLINE = '<p class="byline">By Jane Roe</p>'


def test_a_wire_dateline_names_the_agency_when_nothing_else_names_an_author():
    """Audit 23: "WASHINGTON (AP) — …" on a page with no byline gave no author."""
    body = (
        "The Senate voted on Tuesday to fund a new office for artificial intelligence safety, "
        "sending the bill to the House, where its fate is less certain this year.</p><p>"
        "Lawmakers said the office would test models before they reach federal agencies.</p>"
    )
    assert _wire_story_authors(f"<p>WASHINGTON (AP) — {body}") == ["AP"]
    assert _wire_story_authors(f"<p>LONDON, June 5 (Reuters) - {body}") == ["Reuters"]
    assert _wire_story_authors(f"<p>WASHINGTON (AP) — {body}", _BYLINE) == ["Jane Roe"]
    assert _wire_story_authors(f"<p>The agency (AP) said {body}") == []


def test_a_wire_credit_closing_the_story_names_the_agency_when_nothing_else_does():
    """Audit 23: a story whose only credit ends its last paragraph ("… next year. —
    Bernama") or stands below it ("-- PTI") gave no author."""
    body = (
        "<p>The ministry said on Tuesday it would fund a national centre for artificial "
        "intelligence research, with the first laboratories opening in three states.</p>"
        "<p>Officials said the centre would train engineers and test models for agencies"
    )
    assert _wire_story_authors(f"{body} next year. — Bernama</p>") == ["Bernama"]
    assert _wire_story_authors(f"{body} next year.</p><p>-- PTI</p>") == ["PTI"]
    assert _wire_story_authors(f"{body} next year. (Reuters)</p>") == ["Reuters"]
    assert _wire_story_authors(f"{body} next year.</p><p>(With inputs from PTI)</p>") == ["PTI"]
    assert _wire_story_authors(f"{body} next year. — Bernama</p>", _BYLINE) == ["Jane Roe"]
    # An agency named inside the sentence is no credit, nor an abbreviation in brackets.
    assert _wire_story_authors(f"{body} next year, as reported by Bernama.</p>") == []
    assert _wire_story_authors(f"{body} children with cerebral palsy (CP).</p>") == []


def test_a_writing_by_credit_names_its_writer():
    """Audit 23: "Reporting by A; Writing by B; Editing by C" gave only A."""
    from crawler.core.authors import names_in

    credit = "Reporting by Jane Holloway; Writing by Omar Reyes; Editing by Lena Fisk"
    assert names_in(credit) == ["Jane Holloway", "Omar Reyes"]


def test_a_day_without_its_time_takes_the_time_another_source_gives_that_day():
    """Audit 24: JSON-LD's "2025-11-04" won over `article:published_time`
    2025-11-04T10:00:00-05:00, and the record lost the hour."""
    from crawler.core.fields import resolve_published

    def published(jsonld: str, meta: str) -> tuple:
        page = PageMeta(jsonld={"datePublished": jsonld}, meta={"article:published_time": [meta]})
        when, source, _raw = resolve_published(page, None, "https://x.example/a", Hints())
        return when.isoformat(), source

    assert published("2025-11-04", "2025-11-04T10:00:00-05:00") == (
        "2025-11-04T15:00:00+00:00",
        "meta",
    )
    # The page's day in its own zone, though it is the next day in UTC.
    assert published("2025-11-04", "2025-11-04T22:00:00-05:00")[0] == "2025-11-05T03:00:00+00:00"
    # Another day, or a JSON-LD value with its time, is not replaced.
    assert published("2025-11-04", "2025-11-06T10:00:00-05:00")[1] == "jsonld"
    # Nor does the time of an update, which a page's <time> may be (audit 26).
    updated = PageMeta(jsonld={"datePublished": "2025-11-04"})
    updated.time_datetimes = ("2025-11-04T22:40:00-05:00",)
    assert resolve_published(updated, None, "https://x.example/a", Hints())[1] == "jsonld"
    assert published("2025-11-04T08:00:00Z", "2025-11-04T10:00:00-05:00") == (
        "2025-11-04T08:00:00+00:00",
        "jsonld",
    )


def test_lone_surrogate_escapes_in_json_ld_are_left_out_of_the_record():
    """Audit 25: a JSON-LD author and description with half a surrogate pair made the
    record unwritable: `internal_error`, every run."""
    jsonld = (
        '{"@type": "NewsArticle", "headline": "Agents plan", "author": {"name": '
        '"Jane Roe\\ud83d"}, "description": "Cut mid-emoji \\ud83d", "keywords": "ai\\udc00"}'
    )
    html = (
        f'<html><head><script type="application/ld+json">{jsonld}</script></head><body>'
        "<article><h1>Agents plan</h1><p>The lab said its agents plan their work before they "
        "act, and that the planner cut errors by half in a month of tests.</p><p>Engineers "
        "said the next version would let the agents ask for help when a plan fails, and the "
        "company expects to release it to customers early next year.</p></article>"
        "</body></html>"
    )
    outcome = process_page(html.encode(), "https://x.example/a", options=Options(min_words=1))
    record = outcome.record.to_json_dict()
    assert record["authors"] == ["Jane Roe"] and record["description"] == "Cut mid-emoji"
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # writable


def test_a_class_marked_editor_credit_is_no_byline():
    # CBS's byline rows: the label and the name each in an element classed byline, the
    # name linked to a /team/ page (not an author URL), the second row an editor's credit.
    rows = (
        '<p class="byline"><span class="byline__author"><span class="byline__author__text">By'
        '</span> <a class="byline__author__link" href="/team/megan-lott/">Megan Lott</a></span>'
        '</p><p class="byline"><span class="byline__author"><span class="byline__author__text">'
        'Edited By</span> <a class="byline__author__link" href="/team/alain-shepherd/">'
        "Alain Shepherd</a></span></p>"
    )
    names = _byline(f"<h1>Layoffs citing AI</h1>{rows}")
    assert "Alain Shepherd" not in names and "Megan Lott" in names


def test_an_opinion_contributors_role_and_a_suffix_after_a_comma():
    # The Hill's op-ed byline; "Jr." after a comma is the name's (audit 31).
    assert clean_authors(["By Marguerite Ellison, Opinion Contributor"]) == ["Marguerite Ellison"]
    assert names_in("By Lamar Hughes, Jr. and J.R. Whitaker") == [
        "Lamar Hughes Jr.",
        "J.R. Whitaker",
    ]
    assert names_in("By Hank Moss, III, and Ann Lee") == ["Hank Moss III", "Ann Lee"]
    assert names_in("By Ann Lee, IV Weekly") == ["Ann Lee"]  # no suffix: an outlet after it


def test_a_time_without_a_zone_takes_the_zone_another_source_gives_the_same_clock():
    page = PageMeta(
        jsonld={"datePublished": "2025-04-14 16:22:00"},
        meta={"article:published_time": ["2025-04-14T16:22:00+09:00"]},
    )
    published, source, _ = resolve_published(page, None, "", Hints())
    assert published.isoformat() == "2025-04-14T07:22:00+00:00" and source == "meta"
    # Another clock is another time: the value keeps its own, read as UTC.
    page.meta["article:published_time"] = ["2025-04-14T18:22:00+09:00"]
    assert resolve_published(page, None, "", Hints())[0].hour == 16


def test_one_block_per_writer_side_by_side_names_each_writer():
    # BBC's contributors: a block of name and role per writer, nothing between them; run
    # together they read as one name (audit 31).
    blocks = (
        '<div data-testid="byline-contributors"><div class="c4"><span class="c7">Jessica '
        'O\'Connell</span><div class="c8"><span>Health correspondent</span></div></div>'
        '<div class="c4"><span class="c7">Amir Tehrani</span><div class="c8"><span>BBC News'
        "</span></div></div></div>"
    )
    assert _byline(blocks) == ("Jessica O'Connell Health correspondent", "Amir Tehrani BBC News")
    page = PageMeta(byline_names=_byline(blocks), meta={"og:site_name": ["BBC News"]})
    assert resolve_authors(page, None, Hints(), "BBC News") == ["Jessica O'Connell", "Amir Tehrani"]
    # A name set in a span per word is one name.
    split = '<div class="byline"><span class="w">Jessica</span><span class="w">Tehrani</span></div>'
    assert _byline(split) == ("Jessica Tehrani",)


def test_a_university_office_after_a_writer_is_where_they_work():
    # "By Maria Chen, University Communications" gave two authors (audit 30).
    assert clean_authors(["By Maria Chen, University Communications"]) == ["Maria Chen"]
    assert clean_authors(["By Maria Chen, Office of Public Affairs"]) == ["Maria Chen"]
    assert clean_authors(["Media Relations"]) == ["Media Relations"]  # alone, it is the credit


def test_a_navigation_element_of_writer_links_is_a_byline_and_a_menu_is_not():
    # NDTV sets its byline as a <nav> whose links go to the writers' pages (audit 31); a
    # site menu's links go to its sections, and a writer linked from a menu is no byline.
    byline = (
        '<nav class="pst-by"><span>Written by</span> <a href="/author/ritika-sen">Ritika Sen'
        '</a>, <span>Edited by</span> <a href="/author/arjun-mehta">Arjun Mehta</a></nav>'
    )
    assert _byline(f"<h1>Chip export rules tighten</h1>{byline}") == ("Ritika Sen",)
    menu = (
        '<nav><a href="/news">News</a> <a href="/tech">Tech</a> '
        '<a href="/author/ritika-sen">Ritika Sen</a></nav>'
    )
    assert _byline(f"{menu}<h1>Chip export rules tighten</h1><p>No byline here.</p>") == ()


def test_a_job_title_with_a_beat_no_list_knows_is_no_second_writer():
    # Audit 32: The Sun's "Name, Consumer Tech Reporter"; Stuff's role in an element of
    # its own, marked as the byline's role. The beat had become a second author.
    assert names_in("By Sam Jeffrey, Consumer Tech Reporter") == ["Sam Jeffrey"]
    assert names_in("By Ann Lee, Bob Stone and Cy Young") == ["Ann Lee", "Bob Stone", "Cy Young"]
    role = (
        '<div class="story-meta"><div class="byline">Jasmine Carter</div>'
        '<div class="byline-role">Local Democracy Reporter</div></div>'
    )
    assert _byline(role) == ("Jasmine Carter",)
    # A role element that holds a name is read: "Jane Doe, Technology Reporter".
    named = '<div class="author-title">Jasmine Carter, Technology Reporter</div>'
    assert names_in(" ".join(_byline(named))) == ["Jasmine Carter"]


def test_plain_bylines_of_old_and_static_templates_are_read():
    # Audit 40: an HTML 4 page's "<font>Posted: 11/03/2012 | by J. Okafor</font>", and
    # Gatsby's starter blog's bio, "Written by <strong>Name</strong> who lives …".
    font = '<font size="1">Posted: 11/03/2012 &nbsp;|&nbsp; by J. Okafor</font>'
    assert names_in(" ".join(_byline(font))) == ["J. Okafor"]
    bio = (
        '<footer><div class="bio"><p>Written by <strong>Kofi Mensah</strong> who lives and '
        "works in Accra building language tools for newsrooms across West Africa. "
        '<a href="https://x.example/kofi">You should follow him</a></p></div></footer>'
    )
    assert _byline(bio) == ("Written by Kofi Mensah",)
    # A comment's signature is no byline: "Posted by: <a>Name</a> at August 9, 2012".
    signature = (
        '<p class="posted">Posted by: <a href="http://olsen.example/">Gary Olsen</a> at '
        "August 9, 2012</p>"
    )
    assert _byline(signature) == ()


def test_a_company_role_and_a_description_after_the_name_are_no_writers():
    # Audit 40: Webflow's author card, "CTO, Tallyfold" in the role's element, and a
    # footer's "Written by <a>Leo Marchetti</a>, a freelance developer in Bristol".
    card = (
        '<div class="blog-author-wrapper"><div class="blog-author-name">Lukas Brandt</div>'
        '<div class="blog-author-role">CTO, Tallyfold</div></div>'
    )
    assert _byline(card) == ("Lukas Brandt",)
    written = "Written by Leo Marchetti, a freelance developer in Bristol who builds things."
    assert clean_authors(names_in(written)) == ["Leo Marchetti"]
    # A team's name with a lower-case article stays.
    assert clean_authors(["the Verge Team"]) == ["the Verge Team"]


def test_writer_cards_rdfa_bylines_and_labels_in_elements_of_their_own():
    # Audit 34's AI-lab and company blogs.
    # Hugging Face: each writer's card holds the name and the handle; the name is marked.
    cards = (
        '<div class="authors"><span>Authors:</span><a href="/lh" class="author"><img alt="">'
        '<span class="fullname">Loubna Haddad</span><span class="username">loubnah</span></a>'
        '<a href="/en" class="author"><span class="fullname">Erik Nilsson</span>'
        '<span class="username">eriknil</span></a></div>'
    )
    assert _byline(cards) == ("Loubna Haddad", "Erik Nilsson")
    # AWS: RDFa's property="author" marks each writer.
    rdfa = (
        '<footer class="meta">by <span property="author" typeof="Person"><span property="name">'
        'Sofia Martins</span></span> and <span property="author" typeof="Person">'
        '<span property="name">Rahul Iyer</span></span> on 04 DEC 2025</footer>'
    )
    assert names_in(" ".join(_byline(rdfa))) == ["Sofia Martins", "Rahul Iyer"]
    # DeepMind: the label in a <dt>, the names in the <dd> after it; OpenAI's "Author" in a
    # paragraph of its own before the organization's name.
    listed = (
        "<dl><dt>Published</dt><dd>3 December 2025</dd><dt>Authors</dt>"
        "<dd><p>Lena Fischer and the TideCast team</p></dd></dl>"
    )
    assert _byline(listed) == ("By Lena Fischer and the TideCast team",)
    assert names_in("Author OpenAI") == ["OpenAI"]
    # A credits section after the post, marked as the contributors', is not the byline.
    credits = (
        '<section class="contributors"><h2>Contributors</h2><p>Research: Priya Raman, '
        "Tomasz Wojcik</p><p>Product: Jordan Fields</p></section>"
        '<div class="author"><p>Author</p><p><a href="/news/?author=openai">OpenAI</a></p></div>'
    )
    assert names_in(" ".join(_byline(credits))) == ["OpenAI"]


def test_a_jsonld_poster_gives_way_to_the_writers_the_byline_links():
    # Microsoft Research: JSON-LD names the account that posted; the byline links three
    # researchers' pages, none of them that account (audit 34).
    html = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting", "headline": '
        '"Tiny models", "author": {"@type": "Person", "name": "Alyssa Hughes"}}</script></head>'
        '<body><h1>Tiny models</h1><p>By <a href="/research/people/ka/">Karim Ahmed</a>, '
        'Principal Researcher; <a href="/research/people/lw/">Lin Wang</a>, Senior '
        "Researcher</p><p>Text of the article.</p></body></html>"
    )
    page = read_page_meta(lxml_html.fromstring(html))
    assert resolve_authors(page, None, Hints()) == ["Karim Ahmed", "Lin Wang"]


def test_the_reviews_bylines_cards_and_labels():
    # Two names marked in one byline are both read (the name part is one card's only).
    two = (
        '<div class="byline">By <span class="authors"><span itemprop="name">Jane Doe</span>'
        ' and <span itemprop="name">John Roe</span></span></div>'
    )
    assert names_in(" ".join(_byline(two))) == ["Jane Doe", "John Roe"]
    # A review's table and a rating after an "Author" label are no byline.
    table = "<table><tr><th>Author</th><td>Jane Austen</td></tr></table>"
    assert _byline(table) == ()
    rating = "<div><span>Author</span><span>Rating: 5 stars</span></div>"
    assert _byline(rating) == ()
    # A <nav> of more writers than a byline holds is a staff menu (and is judged from its
    # first links only: a nav of 5,000 took 77 s, the review).
    staff = "".join(f'<a href="/author/w{n}">Writer Number{n}</a> ' for n in range(40))
    assert _byline(f"<nav>{staff}</nav><h1>Chips</h1><p>No byline here.</p>") == ()


def test_an_editor_credited_by_label_is_no_author_beside_the_writer():
    # Audit 35: a Ghost template lists the editor as a second JSON-LD author and links her
    # to an author page under "Editor:"; the byline's writer is the one author.
    ld = {
        "@type": "NewsArticle",
        "headline": "Drone makers fund AI guidance",
        "author": [
            {"@type": "Person", "name": "Oleh Marchuk", "url": "/author/oleh-marchuk/"},
            {"@type": "Person", "name": "Teah Rowan", "url": "/author/teah-rowan/"},
        ],
    }
    meta = (
        '<div class="post-meta"><div class="author"><span>Author: </span>'
        '<a href="/author/oleh-marchuk/">Oleh Marchuk</a></div><div class="editor">'
        '<span>Editor: </span><a href="/author/teah-rowan/">Teah Rowan</a></div></div>'
    )
    paragraphs = "".join(
        f"<p>Drone makers in the cluster said jamming had cut strike success by a third in "
        f"the autumn, and that guidance software was now their first priority ({n}).</p>"
        for n in range(5)
    )
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article><h1>Drone makers fund AI guidance</h1>{meta}{paragraphs}"
        "</article></body></html>"
    )
    record = process_page(html.encode(), "https://news.example.com/drone-guidance/").record
    assert record.authors == ["Oleh Marchuk"]
    assert credited_names("Author: Oleh Marchuk Editor: Teah Rowan") == ["Teah Rowan"]
    assert credited_names("By Jane Roe, Senior Editor") == []


def _hover_card_credit(label: str, name: str, slug: str) -> str:
    return (
        f'<div class="mntl-bylines__item mntl-attribution__item"><span class="mntl-attri'
        f'bution__item-descriptor">{label}</span><div class="mntl-attribution__item-name-'
        f'wrapper"><a class="mntl-attribution__item-name" href="/{slug}-1234567">{name}</a>'
        f'<div class="mntl-author-tooltip"><div class="mntl-author-tooltip__name">{name}'
        f'</div><div class="mntl-author-tooltip__bio">{name.split()[0]} covers markets.</div>'
        '<a class="mntl-author-tooltip__link" href="/editorial-guidelines">Editorial '
        "Guidelines</a></div></div></div>"
    )


HOVER_CARD_BYLINE = (
    '<div class="comp mntl-bylines"><div class="mntl-bylines__group">'
    f"{_hover_card_credit('By', 'Tomasz Wierzbicki', 'tomasz-wierzbicki')}"
    f"{_hover_card_credit('Fact checked by', 'Hana Lindqvist', 'hana-lindqvist')}</div></div>"
)


def test_a_writers_hover_card_in_the_byline_adds_no_author():
    # Audit 37: Dotdash Meredith's byline prints each credit's hover card (the name again, a
    # bio, an "Editorial Guidelines" link); "Editorial Guidelines" and the fact-checker had
    # become authors.
    assert _byline(HOVER_CARD_BYLINE) == ("By Tomasz Wierzbicki",)
    # A tip's opener that holds or is the writer's link is the byline (the review).
    tip = (
        '<p class="byline">By <span class="tooltip"><a href="/author/jane-doe">Jane Doe</a>'
        '<span class="tooltiptext">Jane covers courts.</span></span></p>'
    )
    assert _byline(tip) == ("Jane Doe",)
    marked = (
        '<p class="byline">By <a class="author-link tooltip" href="/author/jane-doe">'
        "Jane Doe</a></p>"
    )
    assert _byline(marked) == ("Jane Doe",)


def test_reading_the_byline_leaves_the_writers_hover_cards_in_the_page():
    # The page's tree is read by the steps after the byline too (extraction among them): the
    # cards are left out of the byline's reading, not out of the page.
    tree = lxml_html.fromstring(_page("", f"<h1>Headline</h1>{HOVER_CARD_BYLINE}<p>Text.</p>"))
    before = lxml_html.tostring(tree)
    assert byline_names(tree) == ("By Tomasz Wierzbicki",)
    assert lxml_html.tostring(tree) == before
    assert len(tree.find_class("mntl-author-tooltip")) == 2
    # read_page_meta takes them out of the page on purpose, for the steps after it.
    read_page_meta(tree)
    assert tree.find_class("mntl-author-tooltip") == []


def test_a_howto_or_medical_page_object_dates_the_page_when_no_article_object_does():
    # Audit 37: Lifewire's HowTo and Everyday Health's MedicalWebPage carry the headline and
    # the timed datePublished; the record had only htmldate's day.
    for kind in ("HowTo", "MedicalWebPage"):
        ld = {
            "@type": kind,
            "headline": "How to turn off the assistant",
            "datePublished": "2025-06-12T14:20:00-04:00",
        }
        html = (
            f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
            "<body><h1>How to turn off the assistant</h1></body></html>"
        )
        page = read_page_meta(lxml_html.fromstring(html))
        assert page.jsonld.get("datePublished") == "2025-06-12T14:20:00-04:00", kind
    # An article object, where there is one, is still the one read.
    both = [
        {"@type": "HowTo", "datePublished": "2020-01-01"},
        {"@type": "NewsArticle", "datePublished": "2025-06-12T14:20:00-04:00"},
    ]
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(both)}</script></head>'
        "<body></body></html>"
    )
    assert read_page_meta(lxml_html.fromstring(html)).jsonld["@type"] == "NewsArticle"


def test_an_elementor_post_info_byline_is_a_byline():
    # Audit 38: Elementor sets every block in an "elementor-widget", the post's own
    # byline too; "widget" marked it as a sidebar's.
    info = (
        '<div class="elementor-element elementor-widget elementor-widget-post-info">'
        '<div class="elementor-widget-container"><ul class="elementor-post-info">'
        '<li itemprop="author"><a href="/author/lukas-brandt/"><span class="elementor-post-'
        'info__item elementor-post-info__item--type-author">Lukas Brandt</span></a></li>'
        '<li itemprop="datePublished"><a href="/2025/12/09/"><span>December 9, 2025</span>'
        "</a></li></ul></div></div>"
    )
    assert _byline(info) == ("Lukas Brandt",)
    # A sidebar's widget is still no byline.
    side = '<div class="widget recent-posts"><a href="/author/ann-lee/">Ann Lee</a></div>'
    assert _byline(side) == ()


def _dated_page(published: str, modified: str) -> bytes:
    jsonld = json.dumps(
        {"@type": "NewsArticle", "headline": "Grid operator tests a battery fleet",
         "datePublished": published, "dateModified": modified}
    )  # fmt: skip
    paragraphs = "".join(
        f"<p>The grid operator said its fleet of {n} batteries answered every call for power "
        "within a second during the winter test, and that it would add more next year.</p>"
        for n in range(3, 8)
    )
    return (
        f"<html lang='en'><head><title>Grid operator tests a battery fleet</title>"
        f"<script type='application/ld+json'>{jsonld}</script></head><body><article>"
        f"<h1>Grid operator tests a battery fleet</h1>{paragraphs}</article></body></html>"
    ).encode()


def _grid_record(published: str, modified: str):
    page = _dated_page(published, modified)
    return process_page(page, "https://grid.example/2026/11/batteries").record


def test_an_update_dated_before_publication_is_dropped():
    """Hostile audit 5: dateModified a day before datePublished was kept, a record updated
    before it existed."""
    record = _grid_record("2026-11-20T10:00:00Z", "2026-11-19T10:00:00Z")
    assert record.published_at.isoformat() == "2026-11-20T10:00:00+00:00"
    assert record.updated_at is None


def test_an_update_after_publication_or_at_it_is_kept():
    # The same local day as a publication given as a day alone is kept: 08:00 +09:00 on
    # November 20 is 23:00 UTC on the 19th (the review).
    record = _grid_record("2026-11-20", "2026-11-20T08:00:00+09:00")
    assert record.updated_at.isoformat() == "2026-11-19T23:00:00+00:00"
    for modified in ("2026-11-21T10:00:00Z", "2026-11-20T10:00:00Z"):
        record = _grid_record("2026-11-20T10:00:00Z", modified)
        assert record.updated_at.isoformat() == modified.replace("Z", "+00:00")


@pytest.mark.parametrize(
    "head",
    [
        "<link rel='canonical' href='https://b.example/2026/11/batteries'>",
        "<base href='https://b.example/'>",
        "<meta property='og:url' content='https://b.example/2026/11/batteries'>",
    ],
)
def test_site_name_never_comes_from_another_hosts_url(head):
    """Hostile audit 6: a page on a.example declaring a canonical (or <base href>, og:url)
    on b.example got site_name 'b.example' from the very URL the crawler refused."""
    page = _dated_page("2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z")
    page = page.replace(b"<title>", head.encode() + b"<title>")
    record = process_page(page, "https://a.example/2026/11/batteries").record
    assert record.canonical_url.host == "a.example"
    assert record.site_name == "a.example"


def test_a_label_and_a_name_in_prose_are_no_byline():
    # The review: a review's "Written by <strong>Aaron Sorkin</strong> and directed by …",
    # a sentence's "By <a>Election Day</a>, …".
    for prose in (
        "<p>Written by <strong>Aaron Sorkin</strong> and directed by David Fincher, the film "
        "follows the founding of a social network and the lawsuits that came after.</p>",
        "<p>By <a href='/tags/election'>Election Day</a>, more than 40 million people had "
        "already voted by mail or in person across the states that allow it.</p>",
    ):
        assert _byline(prose) == (), prose


def test_a_weekday_and_date_after_a_name_are_not_part_of_it():
    # Audit 43: "by Tom Ferreira<br>Tuesday, March 3, 2026" read as one line.
    assert names_in("by Tom Ferreira Tuesday, March 3, 2026") == ["Tom Ferreira"]
    assert names_in("By Ann Lee and Bob Stone Friday, 7 March 2026") == ["Ann Lee", "Bob Stone"]
    # A first name that is a weekday stays.
    assert names_in("By Ann Lee, Sunday Adebayo and Bo Li") == [
        "Ann Lee",
        "Sunday Adebayo",
        "Bo Li",
    ]


def test_the_articles_address_element_names_its_writer_and_the_sites_does_not():
    # Audit 43: Facebook Instant Articles' "<address><a>Name</a>Role</address>".
    own = (
        "<article><header><address><a>Miriam Castell</a>Technology correspondent</address>"
        "</header><p>Text of the article.</p></article>"
    )
    assert _byline(own) == ("Miriam Castell",)
    footer = "<footer><address>Harbour Tribune, 12 Quay Street, Port Elm</address></footer>"
    assert _byline(footer) == ()


def test_a_widget_word_the_post_uses_of_itself_keeps_its_byline():
    # Audit 45: Drupal 7 marks a node shown on the front page "node-promoted", Weebly its
    # content area "wsite-not-footer" and the slot of its link to the comments, which
    # holds the byline, "blog-comments-bottom"; "promo", "footer" and "comment" made each a
    # widget.
    drupal = (
        '<div class="node node-news-article node-promoted"><div class="field '
        'field-name-field-byline"><div class="field-item">By Celeste Arnaud</div></div></div>'
    )
    assert _byline(drupal) == ("By Celeste Arnaud",)
    weebly = (
        '<div class="wsite-elements wsite-not-footer"><div class="blog-comments-bottom">'
        '<div class="blog-post-author">By Lars Okafor</div></div></div>'
    )
    assert _byline(weebly) == ("By Lars Okafor",)
    # The boxes those words name are still no byline's place.
    for box in (
        '<div class="ytd-promoted-video"><a href="/author/ann-lee/">Ann Lee</a></div>',
        '<div class="site-footer"><a href="/author/ann-lee/">Ann Lee</a></div>',
        '<ol class="commentlist"><li><a href="/author/ann-lee/">Ann Lee</a></li></ol>',
        '<div class="comments-area"><div class="author">By Ann Lee</div></div>',
        '<div class="textwidget"><a href="/author/ann-lee/">Ann Lee</a></div>',
    ):
        assert _byline(box) == (), box


def test_a_labelled_byline_after_the_date_on_its_line_is_read():
    # Audit 45: a table layout's "12.03.2019 14:20 &nbsp;|&nbsp; Written by: Name", an
    # OmniUpdate template's "<strong>Story by:</strong> Name" after the date: the
    # separator padded with no-break spaces, the label a longer one with a colon.
    table = (
        '<font size="1">12.03.2019 14:20 &nbsp;|&nbsp; Written by: Kari Lunde &nbsp;|&nbsp;'
        " Read: 40 times</font><br>"
    )
    omni = (
        '<p class="news-meta"><strong>Posted:</strong> March 30, 2021 &nbsp;|&nbsp; '
        "<strong>Story by:</strong> Jenna Ortiz, University Communications</p>"
    )
    for markup, name in ((table, "Kari Lunde"), (omni, "Jenna Ortiz")):
        (line,) = _byline(markup)
        assert names_in(line)[:1] == [name], line


def test_a_courtesy_title_and_a_description_after_the_name_are_not_names():
    # Audit 45: a school club's Weebly blog, "By Mr. Daniel Ruiz, club advisor", and
    # trafilatura's "Mr Daniel Ruiz; Club Advisor" from it, gave two authors.
    assert names_in("By Mr. Tomas Ruiz, club advisor") == ["Tomas Ruiz"]
    assert names_in("Mr Tomas Ruiz; Club Advisor") == ["Tomas Ruiz"]
    assert names_in("By Dr. Ana Weiss and Prof. Li Wei") == ["Ana Weiss", "Li Wei"]
    assert names_in("By Mrs. Jane Roe") == ["Jane Roe"]
    assert names_in("By Jane Doe, club treasurer, and Sam Lee") == ["Jane Doe", "Sam Lee"]
    # A title before a surname alone stays, and lower-case names are still names.
    assert names_in("By Mr. Ruiz") == ["Mr. Ruiz"]
    assert names_in("By jane doe, john roe") == ["jane doe", "john roe"]
    # A surname that is a word for a job (the session review's case): a name still.
    assert names_in("By Jane Doe, Brian Teacher") == ["Jane Doe", "Brian Teacher"]


def test_a_nested_main_entity_never_stands_before_the_pages_own_article():
    """The session review's case: a first script's WebPage nests another story as its
    mainEntity, a later script holds the page's NewsArticle: the page's own is read."""
    teaser = {"@type": "WebPage", "mainEntity": [{"@type": "Article", "headline": "Another",
              "author": {"name": "Somebody Else"}, "datePublished": "2019-01-01"}]}  # fmt: skip
    own = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jo Bell"},
           "datePublished": "2024-05-01T10:00:00Z"}  # fmt: skip
    tree = lxml_html.fromstring(
        "<html><head>"
        + "".join(
            f'<script type="application/ld+json">{json.dumps(d)}</script>' for d in (teaser, own)
        )
        + "</head><body><p>Text.</p></body></html>"
    )
    page = read_page_meta(tree)
    assert page.jsonld.get("datePublished") == "2024-05-01T10:00:00Z"


def test_an_institution_after_the_writers_is_where_they_work():
    # Audit 46: Phys.org's "by Ana Ruiz and Sam Okafor, University of Lakeland" beside
    # DC.creator metadata for both gave the university as a third author.
    page = PageMeta(
        meta={"dc.creator": ["Ana Ruiz", "Sam Okafor"]},
        byline_names=("by Ana Ruiz and Sam Okafor, University of Lakeland",),
    )
    assert resolve_authors(page, None, Hints(), site_name="Phys.org") == ["Ana Ruiz", "Sam Okafor"]
    page = PageMeta(meta={"dc.creator": ["Ana Ruiz"]}, byline_names=("By Ana Ruiz, Ridge College",))
    assert resolve_authors(page, None, Hints(), site_name="Phys.org") == ["Ana Ruiz"]
    for name in (
        "University of Lakeland",
        "Georgia Institute of Technology",
        "Lakeland General Hospital",
        "Ridge College",
        "Department for Transport",
        "Ministry of Health",
        "Lakeland Medical School",
    ):
        assert is_organization(name), name


def test_an_institution_named_alone_is_the_author_and_people_stay_people():
    # Near misses: an institution alone is still the credit; a person's name is not an
    # institution's, even with a word like one inside ("Collegeville" is no "College").
    assert clean_authors(["By University of Lakeland"]) == ["University of Lakeland"]
    page = PageMeta(byline_names=("By University of Lakeland",))
    assert resolve_authors(page, None, Hints(), site_name="Phys.org") == ["University of Lakeland"]
    for name in ("Jane Doe", "Ana Collegeville", "Hospitality Nair", "Sam Centers"):
        assert not is_organization(name), name
    assert clean_authors(["By Jane Doe and Sam Centers"]) == ["Jane Doe", "Sam Centers"]


def _other_work(markup: str) -> tuple[str, ...]:
    return other_work_names(lxml_html.fromstring(f"<html><body>{markup}</body></html>"))


def test_a_credit_label_in_its_own_element_credits_the_name_after_it():
    # Audit 46: ZDNET's JSON-LD lists the writer and the reviewer, each with a job title;
    # the page prints "<span>Reviewed by </span><a>…</a><span>Editorial Director</span>".
    for label in ("Reviewed by ", "Photos by", "Edited by", "Fact checked by", "Editor: "):
        markup = (
            '<div class="byline"><a href="/team/ada-quist/">Ada Quist</a><span>Writer</span>'
            f'</div><div class="byline"><span>{label}</span><a href="/team/omar-vance/">'
            "Omar Vance</a><span>Editorial Director</span></div>"
        )
        assert _other_work(markup) == ("Omar Vance",), label
    # A <br> or an icon between the label and the name (the second review's cases).
    for between in ("<br>", ' <i class="icon-pen"></i> '):
        markup = (
            f'<div class="byline"><p class="editor"><span>Editor:</span>{between}'
            '<a href="/team/omar-vance/">Omar Vance</a></p></div>'
        )
        assert _other_work(markup) == ("Omar Vance",), between
    ld = {
        "@type": "NewsArticle",
        "headline": "Port authority tests AI scheduling",
        "author": [
            {"@type": "Person", "name": "Ada Quist, Senior Contributing Writer"},
            {"@type": "Person", "name": "Omar Vance, Editorial Director"},
        ],
    }
    byline = (
        '<div class="byline"><a href="/team/ada-quist/">Ada Quist</a>'
        "<span>Senior Contributing Writer</span></div>"
        '<div class="byline"><span>Reviewed by </span><a href="/team/omar-vance/">Omar Vance'
        "</a><span>Editorial Director</span></div>"
    )
    paragraphs = "".join(
        f"<p>The port authority said its scheduling trial moved berths around faster than "
        f"the old planners did, and that crews would get a say in the next stage ({n}).</p>"
        for n in range(5)
    )
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article><h1>Port authority tests AI scheduling</h1>{byline}{paragraphs}"
        "</article></body></html>"
    )
    record = process_page(html.encode(), "https://news.example.com/port-ai/").record
    assert record.authors == ["Ada Quist"]


def test_a_label_for_the_writing_or_a_label_with_its_name_is_read_as_before():
    # Near misses: "By" in its own element names the writer, not other work; a label with
    # its name in the same element credits that name alone, not the next element's.
    assert _other_work('<div><span>By </span><a href="/a/ada-quist/">Ada Quist</a></div>') == ()
    assert _other_work('<div><span>Written by</span> <a href="/a/ada/">Ada Quist</a></div>') == ()
    markup = "<div><span>Photos by Omar Vance</span><span>Lena Ortiz</span></div>"
    assert _other_work(markup) == ("Omar Vance",)
    # A writer who reviewed too is still credited as the writer (the byline names them).
    page = PageMeta(
        meta={"author": ["Ada Quist,Omar Vance"]},
        byline_names=("By Ada Quist and Omar Vance",),
        credited_names=("Omar Vance",),
    )
    assert resolve_authors(page, None, Hints()) == ["Ada Quist", "Omar Vance"]


def test_a_label_needs_its_separator_or_capitals_and_only_an_update_badge_ends_a_headline():
    """The second review's cases: a <title> that stops short of a headline's own words does
    not make them a label."""
    from crawler.core.heading_labels import without_label

    for heading, title in (
        ("How to start a podcast", "How to start a | Ledger"),
        ("Five stocks to watch", "Five stocks to | Ledger"),
        ("Apple releases iOS 17.1 update", "Apple releases iOS 17.1 | Ledger"),
        ("Live Aid at 40 years on", "Aid at 40 years on | Ledger"),
        ("Breaking News: storm hits coast tonight", "News: storm hits coast tonight | Ledger"),
    ):
        assert without_label(heading, title) == heading
    assert without_label(
        "LIVE Nvidia earnings as they land", "Nvidia earnings as they land | L"
    ) == ("Nvidia earnings as they land")


def test_a_framer_layer_named_for_the_writer_is_a_byline():
    """Framer publishes the designer's layer names as `data-framer-name`, its only marks
    (audit 47). A layer named for the writer is the byline; a layer whose name merely
    starts with "Author" (its picture, its bio) or holds a quote's speaker is not."""

    def layer(name: str, text: str) -> str:
        return (
            f'<div class="framer-1x2y3z" data-framer-name="{name}" '
            'data-framer-component-type="RichTextContainer">'
            f'<p class="framer-text framer-styles-preset-9k2">{text}</p></div>'
        )

    header = (
        '<div class="framer-8qv0s1" data-framer-name="Meta">'
        '<div class="framer-4hw1" data-framer-name="Avatar"><img src="/a.jpg" alt=""></div>'
        f"{layer('Author', 'Rosalind Okafor, Head of Platform')}"
        f"{layer('Date', 'Apr 9, 2025')}</div>"
    )
    assert _byline(header) == ("Rosalind Okafor, Head of Platform",)
    for name in ("Author Name", "Byline", "Writer", "Authors", "Post Author"):
        assert _byline(layer(name, "Tobias Ferreira")) == ("Tobias Ferreira",)
    # Near misses: the card's other layers, and a customer quote's speaker.
    for name in ("Author Bio", "Author Role", "Quote Author Company", "Authority"):
        assert _byline(layer(name, "Tobias Ferreira")) == ()
    assert _byline(layer("Testimonial Name", "Tobias Ferreira")) == ()
    html = _page(
        "<title>Why we rebuilt our billing on queues</title>",
        f"<h1>Why we rebuilt our billing on queues</h1>{header}"
        + "<p>Our billing service used to run as one nightly batch, and every month the "
        "batch took longer than the month before it did.</p>" * 6,
    )
    record = process_page(html.encode(), "https://tallow.example/blog/billing-queues").record
    assert record.authors == ["Rosalind Okafor"]


def test_a_broken_declared_address_names_no_host_and_raises_nothing():
    # tests/hostile's broken-own-address page: urlsplit("http://[") raises ValueError.
    page = PageMeta(meta={"og:url": ["http://["], "og:site_name": ["Blogger"]})
    assert resolve_site_name(page, None, "https://kerala.example/post") is None
