"""The page's `<time datetime>` values that may date the article, most telling first.

A page's first `<time>` is often not the article's: a masthead prints today's date
("Wednesday, June 18, 2025") above every page, and sidebars, related-story lists and
comments carry dates of their own. Those are left out. Of the rest, a `<time>` the theme
marks as the publication (`itemprop="datePublished"`, `pubdate`, a "published" or "posted"
class) comes first and one it marks as the last update comes last.

For a page with no date in its markup: the date after a "Published" label in its text
(`labelled_publication`), and the page without its masthead for htmldate's search of the
whole page (`masthead_hidden`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from crawler.core.prose import text_owner

# Site chrome: navigation, asides, the page's footer (an <article>'s own footer holds its
# date: "Posted on <time>"), and a site header (masthead, role="banner", top bar) that does
# not hold the headline; an article's own <header> does.
_CHROME_TAGS = frozenset({"nav", "aside", "form"})
_SITE_HEADER = re.compile(r"masthead|site-?header|top-?bar|navbar|ticker|weather", re.I)
_WIDGET = re.compile(
    r"sidebar|widget|related|trending|popular|most-?read|more-?stories|recommend|comment"
    r"|teaser|promo|respond|reply",
    re.I,
)
# A comment-ish mark on the article's own meta line ("date-and-comments", "entry-meta
# social-comments": the date beside a link to the comments) does not make it chrome.
_COMMENT = re.compile(r"comment|respond|reply", re.I)
_ARTICLE_META = re.compile(r"date|byline|entry-meta|post-meta|article-meta", re.I)
_PUBLISHED = re.compile(r"publish|posted|pubdate|created|dateline", re.I)
_UPDATED = re.compile(r"updat|modif|revis|edited", re.I)


def publication_times(tree: lxml_html.HtmlElement) -> list[str]:
    """The `datetime` values (or, without one, the written day) of the page's `<time>`
    elements, and hAtom's `<abbr class="published" title=…>` stamps, outside its chrome:
    marked publication times first, then unmarked ones, then marked update times, each in
    document order. An RDFa or microdata publication date on the element that prints it
    counts as a marked one."""
    ranked: list[tuple[int, str]] = []
    for element in tree.iter("time", "abbr"):
        value = _abbr_stamp(element) if element.tag == "abbr" else None
        if element.tag == "time":
            value = element.get("datetime") or written_day(element)
        if value and not in_chrome(element):
            ranked.append((_rank(element), value.strip()))
    for value in _STAMP_ATTRIBUTES(tree):
        element = value.getparent()
        read = _is_date_property if value.attrname == "content" else _is_timeago
        if read(element) and not in_chrome(element):
            ranked.append((_rank(element), str(value).strip()))
    return [value for _, value in sorted(ranked, key=lambda pair: pair[0])]


# The machine's copy of a date on the element that prints it for the reader: Drupal 7's
# `<span property="dc:date dc:created" content="2016-04-12T14:32:10+03:00">Submitted by
# admin on Tue, 04/12/2016 - 14:32</span>`, whose printed day was read day first (audit
# 40); microdata's `<span itemprop="datePublished" content=…>`. A <meta> is read with the
# head's (crawler.core.metadata). And jQuery timeago's and its kind's: the instant in the
# title of the element that prints "2 hours ago", `<span class="timestamp--time timeago"
# title="2025-12-07T14:12:33+05:00">` (Dawn's, audit 39); hAtom's <abbr> is _abbr_stamp's.
# The attribute axis, the elements checked in Python: 0.3 ms a page, where an XPath over
# every element for each kind cost 0.65 ms.
_STAMP_ATTRIBUTES = etree.XPath(
    "//body//@content | //body//@title[substring(., 5, 1) = '-'][substring(., 11, 1) = 'T']"
)
_DATE_PROPERTY = re.compile(r"((dc|dcterms):(date|created|issued)|datepublished)$", re.I)
_TIME_CLASS = re.compile(r"time|date", re.I)


def _is_date_property(element) -> bool:
    names = f"{element.get('property') or ''} {element.get('itemprop') or ''}".split()
    return (
        element.tag != "meta"
        and any(_DATE_PROPERTY.match(name) for name in names)
        and not _of_another_item(element)
    )


# The microdata item a date belongs to: an embedded video's, a comment's, a claim's
# `datePublished` is not the article's (the review).
_ARTICLE_ITEM = re.compile(r"article|posting|report|webpage|creativework", re.IGNORECASE)


def _of_another_item(element) -> bool:
    for node in (element, *element.iterancestors()):
        if node.get("itemscope") is not None:
            return not _ARTICLE_ITEM.search(node.get("itemtype") or "Article")
    return False


def _is_timeago(element) -> bool:
    title = element.get("title") or ""
    return (
        element.tag != "abbr"
        and len(title) >= len("2025-12-07T14:12")
        and bool(_TIME_CLASS.search(element.get("class") or ""))
    )


# "Published June 2, 2025 at 9:14 a.m. ET", "Updated 10:01 AM EDT, Thu June 5, 2025 |
# Published 9:00 AM EDT, Mon June 2, 2025": a labelled publication date in the page's text,
# the label at the start of its element or after a separator, so a sentence of the article
# ("The study, published June 2, 2024 in Nature, ...") is not one.
# A press release's "Date: March 6, 2018" and "Release date:" count, with their colon (a
# bare "date" starts sentences); the date ends at the next label ("Contact: …").
_LABELLED = re.compile(
    r"(?:^|[|·•]\s*)(?:(?:first |originally )?"
    r"(?:published|posted)(?:\s+by\s+(?:\S+\s+){1,4}?on|\s+on)?\s*:?"
    r"|(?:(?:publication|release|issue)\s+)?date\s*:)\s*"
    r"(?P<date>[^|·•]{6,60}?)\s*"
    r"(?=$|[|·•]|\b(?:updated|last updated|modified|by)\b|\s(?-i:[A-Z][a-z]+(?: [a-z]+)?):)",
    re.IGNORECASE,
)
# McClatchy's papers close the story with it: "This story was originally published December
# 7, 2025 at 5:00 AM." (audit 39), the only publication time a reader sees. Not a story
# republished from elsewhere: "… published on Nov. 30, 2025, by KFF Health News." (the
# review) dates the other outlet's copy.
_CLOSING_PUBLISHED = re.compile(
    r"^this (?:story|article|post) was (?:originally |first )?published (?:on )?"
    r"(?P<date>[^|·•]{6,60}?)\.?$",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(r"\b(by|in|on|from|at [A-Z])\b|,\s*$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A calendar day, not "2 hours ago" or "March 2019": a month name with a day and a year,
# or an ISO date.
# (?!\d), not \b, after the year: an element's text runs into the next one's ("2025The").
_ORDINAL = r"(?:st|nd|rd|th)?"  # "7th Dec 2025", "December 7th, 2025"
_DAY = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}{_ORDINAL}\b.*\b(?:19|20)\d{{2}}(?!\d)"
    # "14 Jan 2026", EurekAlert's "14-Jan-2026", and "27 August, 2025"
    rf"|\b\d{{1,2}}{_ORDINAL}[-\s]+{_MONTH},?[-\s]+(?:19|20)\d{{2}}(?!\d)"
    r"|\b(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)",
    re.IGNORECASE,
)
_LABEL_TEXTS = etree.XPath(
    "//body//text()[contains(., 'ublished') or contains(., 'UBLISHED') or contains(., 'osted')"
    " or contains(., 'OSTED') or contains(., 'ate:') or contains(., 'ATE:')]"
)
_LABEL_WORD = re.compile(r"published|posted|date\s*:", re.IGNORECASE)
MAX_LABELLED_CHARS = 200
_BARE_LABELS = frozenset(
    {"published", "posted", "published on", "posted on", "date", "release date", "publication date"}
)


def labelled_publication(tree: lxml_html.HtmlElement) -> str | None:
    """The date after a "Published" or "Posted" label in a short element of the page
    outside its chrome, as written ("9:00 AM EDT, Mon June 2, 2025"), for a page that
    does not date itself in its markup."""
    body = tree.find("body")
    text = (tree if body is None else body).text_content()
    if not any(_DAY.search(text, m.end(), m.end() + 80) for m in _LABEL_WORD.finditer(text)):
        return None  # no label before a date anywhere: a fifth of the search below
    for node_text in _LABEL_TEXTS(tree):
        owner = node_text.getparent()
        if node_text.is_tail and owner is not None:  # after a <br> or an inline element:
            owner = owner.getparent()  # the block both are in, not the <br>
        if owner is None or owner.tag in ("script", "style", "title"):
            continue
        line = spaced_text(owner)
        if line.lower().rstrip(": ") in _BARE_LABELS:
            parent = owner.getparent()  # "<span>Published</span> <span>June 2</span>"
            owner = parent if parent is not None else owner
            line = spaced_text(owner)
        if len(line) > MAX_LABELLED_CHARS or in_chrome(owner):
            continue
        parted = _parted_text(owner) if owner.find(".//br") is not None else None
        found = (_labelled_date(parted) if parted else None) or _labelled_date(line)
        if found is not None:
            return found
    return None


def _labelled_date(line: str) -> str | None:
    closing = _CLOSING_PUBLISHED.match(line)
    if closing and _DAY.search(closing["date"]) and not _ELSEWHERE.search(closing["date"]):
        return closing["date"]
    for match in _LABELLED.finditer(line):
        if _DAY.search(match.group("date")):
            clock = _CLOCK_AFTER.match(line, match.end())
            return f"{match.group('date')} {clock.group(1)}" if clock else match.group("date")
    return None


# hAtom's stamp, as Blogger and 2000s themes print it: `<abbr class="published"
# title="2011-06-14T20:31:00-05:00">8:31 PM</abbr>`, the time and its zone in the title.
_ABBR_MARK = re.compile(r"\b(published|updated|dtstart|dt-published|dt-updated)\b")
_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _abbr_stamp(element) -> str | None:
    title = (element.get("title") or "").strip()
    marked = _ABBR_MARK.search(element.get("class") or "")
    return title if marked and _ISO_STAMP.match(title) else None


# A written day and a time of day beside it, either way round, with the zone if printed:
# "Mar 4, 2025, 02:15 IST", "Friday 04 July 2025 00:30 BST", "14:23, 28 Jan 2025", "Tue 10
# Jun 2025 // 23:47 UTC". htmldate reads the day alone, midnight UTC, which is the wrong UTC
# day for an evening in the Americas or a morning in Asia.
CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
# "BST", "EST", "GMT+1" / "UTC+05:30" as European and Asian sites print their zone, "-0400",
# and each in brackets: "10:12AM (EST)".
# A bare offset after a space, "14:30 -0400"; not a range's second clock, "10:00-11:30".
_ZONE = (
    r"(?:\s*\(?(?-i:[A-Z]{2,5})\b(?:[+-]\d{1,2}(?::?\d{2})?\b)?\)?"
    r"|\s+\(?[+-]\d{2}:?\d{2}\b(?![:.]\d)\)?)?"
)
# The time after the day, set apart as the next part of a labelled line: "First Published:
# Dec 07 2025 | 9:45 PM IST" (audit 35).
_CLOCK_AFTER = re.compile(rf"\s*[|·•]\s*({CLOCK}{_ZONE})\s*(?=$|[|·•])", re.IGNORECASE)
# A day in figures, "07.12.2025", "07/12/2025", "2025-12-07": which of the first two is the
# month is left to the reader of the stamp (crawler.core.dates.day_readings). Year first
# it is always year, month, day, with any of the three separators East Asian sites print
# ("2025/12/08 03:00", "2025.12.08 09:20"): only the dashes were read, and those pages
# lost their time of day.
_NUMERIC_DAY = (
    r"(?<![\d./-])(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}"
    r"|(?:19|20)\d{2}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.)\d{1,2})(?!\d)"
)
# A comma may follow the day or the month, as _in_words allows: "December 7, 2025",
# "27 August, 2025 09:30 am IST" (audit 49: the day was read, its time lost).
_DAY_WRITTEN = (
    rf"{_MONTH}\s+\d{{1,2}}{_ORDINAL},?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}{_ORDINAL}[-\s]+{_MONTH},?[-\s]+(?:19|20)\d{{2}}"
    rf"|{_NUMERIC_DAY}"
)
_STAMP = re.compile(
    rf"(?P<day>{_DAY_WRITTEN})[\s,|/·•at@—–-]{{0,8}}(?P<clock>{CLOCK}{_ZONE})"
    rf"|(?P<clock2>{CLOCK}{_ZONE})[\s,|/·•—–-]{{1,4}}(?:\w+,?\s+)?(?P<day2>{_DAY_WRITTEN})",
    re.IGNORECASE,
)
# A digit, a colon and a digit ("02:15"), the text nodes with a colon or a stop found in C:
# scripts hold colons by the hundred. Or a British clock, a stop between the digits,
# before "pm", "am" or a zone ("9.00pm", "21.00 BST"): a price or a version number has
# neither. The digits are then looked for in Python: translate() of each text node cost
# twice as much. A "#" counts as a digit, as it did in the translated text.
_STOPPED_TEXTS = etree.XPath(
    "//body//text()[contains(., ':') or contains(., '.')][not(parent::script or parent::style)]"
)
_DIGIT_CLOCK = re.compile(r"[0-9#]:[0-9#]|[0-9#]\.[0-9#]{2}")
# A British clock with a stop, "9.00pm", "21.00 BST", not a decimal ("12.50 points").
_DOTTED_CLOCK = re.compile(r"\d\.\d\d\s*(?:[ap]\.?m\b|(?-i:[A-Z]{2,5})\b)", re.IGNORECASE)
MAX_STAMP_CHARS = 120
_CLOCK_ALONE = re.compile(rf"^{CLOCK}{_ZONE}$", re.IGNORECASE)


def visible_stamps(tree: lxml_html.HtmlElement) -> list[tuple[str, str]]:
    """(day, "time zone") of each short element outside the chrome that prints a day and a
    time beside it, for a page that dates itself nowhere in its markup: the time of day and
    zone of the day htmldate finds. In document order, but a stamp whose kind of element
    stamps others too comes after the ones that stand alone: a list of other posts (a
    Drupal view's "field-content" spans) or of comments repeats its stamp, while the
    article's ("Submitted by … on 08/09/2012 14:30 -0400") is printed once. Of the rest, a
    stamp marked as the publication comes first and one marked as the update last."""
    found, read = [], set()
    for text in _clock_texts(tree):
        if ":" not in text and not _DOTTED_CLOCK.search(text):
            continue
        owner = text_owner(text)
        # Each element read once: an old page's lines are tails of one <div>'s <br>s, and
        # reading its whole text for each took time that grew with its square (review).
        if owner is None or owner.tag in ("script", "style") or owner in read:
            continue
        read.add(owner)  # kept alive, so lxml hands back the same proxy
        line = spaced_text(owner)
        match = _STAMP.search(line) if len(line) <= MAX_STAMP_CHARS else None
        if match is None and _CLOCK_ALONE.match(line) and owner.getparent() is not None:
            # The day and the time in elements side by side: "<span>07 Dec 2025</span>
            # <span>12:41</span>" (News24's, audit 39).
            owner = owner.getparent()
            read.add(owner)
            line = spaced_text(owner)
            match = _STAMP.search(line) if len(line) <= MAX_STAMP_CHARS else None
        if match and not in_chrome(owner):
            day = match.group("day") or match.group("day2")
            kind = (owner.tag, owner.get("class"))
            rank = _stamp_rank(owner, line)
            found.append((kind, rank, day, match.group("clock") or match.group("clock2")))
    kinds = Counter(kind for kind, _, _, _ in found)
    # Stable: document order within each rank.
    found.sort(key=lambda stamp: (kinds[stamp[0]] > 1, stamp[1]))
    return [(day, clock) for _, _, day, clock in found]


def _clock_texts(tree) -> list:
    """The body's text nodes, outside scripts and styles, with "#:#" or "#.##" in them, a
    digit for each "#"; in document order."""
    return [text for text in _STOPPED_TEXTS(tree) if _DIGIT_CLOCK.search(text)]


_UPDATE_LABEL = re.compile(r"^(last )?(updated|modified|edited)\b", re.IGNORECASE)


def _stamp_rank(owner, line: str) -> int:
    """0 for a stamp marked as the publication, 2 for one marked or labelled as the update
    ("Updated / Sunday, 7 Dec 2025 16:05" above the publication's own line), 1 otherwise."""
    marks = _marks(owner)
    if _PUBLISHED.search(marks):
        return 0
    return 2 if _UPDATED.search(marks) or _UPDATE_LABEL.match(line) else 1


# `data-publish-ts="1741098600"`: a script's own copy of the time, in seconds or
# milliseconds since 1970, on the element that prints the day ("Mar 4, 2025") alone.
# Or an ISO 8601 instant: `data-timestamp="2012-11-03T13:33:16+00:00"` (audit 39).
# One pass over the attributes (a union of two cost twice the time).
_EPOCH_ATTRIBUTES = etree.XPath(
    "//body//@*[starts-with(name(), 'data-')]"
    "[((string-length() = 10 or string-length() = 13) and translate(., '0123456789', '') = '')"
    " or (string-length() >= 20 and string-length() <= 32 and substring(., 5, 1) = '-'"
    " and substring(., 11, 1) = 'T')]"
)
_TIME_ATTRIBUTE = re.compile(r"publish|posted|created|date|time|(?<![a-z])ts(?![a-z])", re.I)
# An update's, an expiry's, a cache's time: not the publication's ("data-updated-ts").
_NOT_PUBLICATION = re.compile(r"updat|modif|edit|expir|timeout|cache", re.I)


def attribute_stamps(tree: lxml_html.HtmlElement) -> list[str]:
    """The epoch values of `data-` attributes named for a publication time, outside the
    chrome, in document order: the time of the day htmldate finds, for a page that prints
    the day alone. An attribute that times several things is a list's (Wired's feed of
    other posts, `<h4 data-post_time>` each), and none of them is the article's."""
    found = [
        (value.attrname, str(value))
        for value in _EPOCH_ATTRIBUTES(tree)
        if _TIME_ATTRIBUTE.search(value.attrname)
        and not _NOT_PUBLICATION.search(value.attrname)
        and not in_chrome(value.getparent())
    ]
    values_of = Counter(name for name, _ in set(found))
    return [value for name, value in found if values_of[name] == 1]


# Days in figures printed on the page, "12/07/2025", "20-11-2025", "07.12.2025", for
# the order the page writes them in (crawler.core.dates.figure_order).
_FIGURES = re.compile(r"(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d./-])")
MAX_FIGURE_DAYS = 50


def _in_words(text: str, day: date) -> bool:
    name = _MONTH_NAMES[day.month - 1]
    september = r"|sept\.?" if day.month == 9 else ""
    month = rf"(?:{name}|{name[:3]}\.?{september})"
    number = rf"0?{day.day}(?:st|nd|rd|th)?"
    written = re.compile(
        rf"\b{month}\s+{number},?\s+{day.year}\b|\b{number}\s+{month},?\s+{day.year}\b",
        re.IGNORECASE,
    )
    return written.search(text) is not None


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip


def prints_a_day(text: str) -> bool:
    """A calendar day in words, ISO or figures: "March 3rd, 2021", "2021-03-04",
    "4/12/2019"."""
    return bool(_DAY.search(text) or _FIGURES.search(text))


def page_text(tree: lxml_html.HtmlElement) -> str:
    """The body's text nodes at once, scripts' too (a page's data writes its days as the
    page does), for days_in_figures: an XPath over every text node cost 4.7 ms a page,
    itertext() 0.07 ms. Joined by spaces: tostring(method="text") ran a day into its
    neighbours ("robot4/12/20191 Comment", "Karen W.4/13/2019"), and none was found
    (audit 45)."""
    body = tree.find("body")
    return " ".join((body if body is not None else tree).itertext())


def days_in_figures(text: str, day: date) -> list[tuple[int, int, int, str, str]]:
    """(first number, second number, year, separator, the order its zone says) of each day
    the page's text (page_text) prints in figures, chrome, comments and lists of other
    posts included: their days are written in the same order as the article's. None when
    the page writes `day` (htmldate's) in words: htmldate read it there, not from
    figures."""
    if _in_words(text, day):
        return []
    found = []
    for match in _FIGURES.finditer(text):
        first, separator, second, year = match.groups()
        around = text[max(0, match.start() - ZONE_REACH) : match.end() + ZONE_REACH]
        found.append((int(first), int(second), int(year), separator, _zone_order(around)))
        if len(found) >= MAX_FIGURE_DAYS:
            break
    return found


# A clock's zone beside a day in figures says whose day it is: "11:42 AM ET 12/05/2025" is
# American, month first (audit 35); "14:30 BST" or "AEDT" is a country that writes the day
# first. GMT and UTC say nothing: sites of every country print them; nor does CET, a
# European kickoff on an American page.
ZONE_REACH = 24  # characters either side of the day
# The zone right after a clock: "ET Bureau" (a desk) or "12,000 MT" (tonnes) is none.
_ZONED_CLOCK = rf"(?i:{CLOCK})\s*"
_MONTH_FIRST_ZONE = re.compile(rf"{_ZONED_CLOCK}((E|C|M|P|AK)[SD]?T|H[SD]T)\b")
_DAY_FIRST_ZONE = re.compile(
    rf"{_ZONED_CLOCK}(BST|IST|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|SAST|WAT|CAT|EAT|PKT|SGT)\b"
)


def _zone_order(around: str) -> str:
    month_first = _MONTH_FIRST_ZONE.search(around) is not None
    day_first = _DAY_FIRST_ZONE.search(around) is not None
    if month_first == day_first:
        return ""
    return "month" if month_first else "day"


MAX_TIME_TEXT_CHARS = 40


def written_day(element) -> str | None:
    """The element's text when it is a calendar day written out, "14-Jan-2026", "March 3,
    2026"; not "2 hours ago". A `<time>` without `datetime` holds its value so (HTML's
    rule)."""
    text = " ".join(element.text_content().split())
    return text if len(text) <= MAX_TIME_TEXT_CHARS and _DAY.search(text) else None


def spaced_text(element) -> str:
    """The element's text nodes joined by single spaces."""
    return " ".join(" ".join(element.itertext()).split())


_TEXTS_AND_BREAKS = etree.XPath("descendant::text() | descendant::br")


def _parted_text(element) -> str:
    """spaced_text, with each <br> a "|" between parts: a byline block's second line is a part
    of its own ("By Owen Pryce, Health reporter<br>Published: Nov. 7, 2024, 5:45 p.m. PT",
    a print page's byline, audit 50), as a label must start one, and a date ends at the line's
    end ("Published: March 12, 2024<br>Photo by Jane Roe"). Read first; the block's one line
    after: "Published:<br>March 12, 2024" is one label and its date."""
    pieces = [piece if isinstance(piece, str) else "|" for piece in _TEXTS_AND_BREAKS(element)]
    return " ".join(" ".join(pieces).split()).strip(" |")


def _rank(element) -> int:
    marks = _marks(element)
    if element.get("pubdate") is not None or _PUBLISHED.search(marks):
        return 0
    if _UPDATED.search(marks):
        return 2
    # No marks: the words printed just before it, "Updated <time> · First published <time>".
    label = _label_before(element)
    if _PUBLISHED.search(label):
        return 0
    return 2 if _UPDATED.search(label) else 1


LABEL_CHARS = 25


def _label_before(element) -> str:
    """The last LABEL_CHARS of the text right before the element: its previous sibling's
    tail, or its parent's own text when it comes first."""
    previous = element.getprevious()
    if previous is not None:
        text = previous.tail or ""
    else:
        parent = element.getparent()
        text = (parent.text or "") if parent is not None else ""
    return text[-LABEL_CHARS:]


def _marks(element) -> str:
    """The element's own itemprop, class and id, and its parent's, which often carries the
    label ("<span class=posted-on><time>")."""
    parent = element.getparent()
    nodes = (element,) if parent is None else (element, parent)
    return " ".join(
        value for node in nodes for key in ("itemprop", "class", "id") if (value := node.get(key))
    )


@contextmanager
def masthead_hidden(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The page with its site header and navigation (but a wrapper of the headline) taken
    out for the duration, for a search of the whole page for its date, as htmldate's is;
    put back in place afterwards (a copy of the page cost a millisecond). Only
    these go, and lists of other stories marked as such ("related", "most-read"): a
    masthead prints today's date above every page, while asides and widgets are too often
    the article's own frame (Blogger's "widget Blog", an "aside.post-meta") for their dates
    to be dropped unseen."""
    headers = _site_headers(tree)  # in document order, which the restoring below needs
    marked = set(headers)
    outermost = [node for node in headers if not any(a in marked for a in node.iterancestors())]
    places = [(node.getparent(), node) for node in outermost if node.getparent() is not None]
    places = [(parent, parent.index(node), node) for parent, node in places]
    for parent, _, node in places:
        parent.remove(node)  # its tail goes with it, and comes back with it
    try:
        yield tree
    finally:
        for parent, index, node in places:  # document order: each index is right again
            parent.insert(index, node)


def _site_headers(tree) -> list:
    # Every element is looked at: the cheap tests first, the headline's wrappers last.
    found = [
        node
        for node in tree.iter(etree.Element)
        if node.tag == "nav"
        or node.get("role") == "banner"
        or _header_mark(node.get("class"))
        or _header_mark(node.get("id"))
    ]
    if not found:
        return found
    holds_headline = {node for h1 in tree.iter("h1") for node in h1.iterancestors()}
    return [node for node in found if node not in holds_headline]


def _header_mark(mark: str | None) -> bool:
    if not mark:
        return False
    # Every class and id of the page comes here. An ASCII mark (all of them, on the
    # throughput pages) lower-cased is searched without re.I: a case-blind alternation
    # cost 1.2 us a mark, this 0.4. The same answer: the pattern's letters are all lower
    # case, and an ASCII letter matches one of them case-blind only as itself or its
    # upper case, which lower() makes it (a Kelvin sign "K" or a long "ſ", which re.I
    # also reads as "k" and "s", are not ASCII).
    if mark.isascii():
        return _HIDDEN_LOWER.search(mark.lower()) is not None
    return _HIDDEN_FROM_SEARCH.search(mark) is not None


# Also hidden from the search: lists of other stories, whose dates are theirs. An undated page
# (a relative "2 hours ago", a date a script writes) took a related story's date, days off.
_HIDDEN_FROM_SEARCH = re.compile(
    _SITE_HEADER.pattern + r"|related|trending|popular|most-?read|more-?stories|recommend", re.I
)
# Lower-case words, "-" and "?" only (tests/test_page_times.py checks it stays so).
_HIDDEN_LOWER = re.compile(_HIDDEN_FROM_SEARCH.pattern)


def _is_site_header(node) -> bool:
    if not isinstance(node.tag, str):
        return False  # a comment or a processing instruction
    marks = " ".join(filter(None, (node.get("class"), node.get("id"))))
    return bool(
        node.tag == "nav" or node.get("role") == "banner" or (marks and _SITE_HEADER.search(marks))
    )


def _is_chrome(node) -> bool:
    if not isinstance(node.tag, str):
        return False  # a comment or a processing instruction
    marks = " ".join(filter(None, (node.get("class"), node.get("id"))))
    return bool(
        _is_site_header(node)
        or node.tag in _CHROME_TAGS
        or (node.tag == "footer" and next(node.iterancestors("article"), None) is None)
        or (marks and _WIDGET.search(marks) and not _is_meta_line(marks))
    )


def _is_meta_line(marks: str) -> bool:
    """Marks of the article's date line that name its comments, not a comment section:
    comment words are the only widget words there, beside a date or byline mark."""
    return bool(_ARTICLE_META.search(marks)) and not _WIDGET.search(_COMMENT.sub("", marks))


def in_chrome(element) -> bool:
    """The element is in the site's navigation, header, footer, a sidebar or a widget."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            return False
        if _is_chrome(ancestor):
            # A wrapper around the headline or the post's body is the article's, whatever
            # its class says (Blogger's main column is `<div class="widget Blog">`).
            return ancestor.find(".//h1") is None and not _HOLDS_BODY(ancestor)
    return False


# A post's body, not a related post's excerpt under the same class: a thousand characters.
# Drupal's body field ("field-name-body", "field--name-body") and microdata's articleBody
# too: Drupal 7 marks a node promoted to the front page "node-promoted" (audit 40).
_HOLDS_BODY = etree.XPath(
    "boolean(.//*[contains(@class, 'post-body') or contains(@class, 'entry-content')"
    " or contains(@class, 'article-body') or contains(@class, 'name-body')"
    " or @itemprop = 'articleBody'][string-length(normalize-space()) > 1000])"
)
