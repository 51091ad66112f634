"""Choose each metadata field from its candidates, in a documented order of trust.

Order (README "Metadata"): the page's JSON-LD article object, then its
OpenGraph/article meta tags, then <time>/trafilatura's own reading, then the
URL, then the discovery hint (feed item, sitemap entry).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from trafilatura.settings import Document

from crawler.core.authors import (
    is_organization,
    is_phrase,
    is_wire_agency,
    names_in,
    person_shaped,
    uninverted,
)
from crawler.core.canonical import absolute_http_url
from crawler.core.dates import date_from_url, day_readings, figure_order, parse_date
from crawler.core.domain_names import names_hosting_platform, spells_domain
from crawler.core.heading_labels import without_label
from crawler.core.headline import TITLE_SEPARATORS, agrees, names_page_kind
from crawler.core.metadata import (
    PageMeta,
    decode_entities,
    jsonld_names,
    jsonld_organizations,
    jsonld_url,
)
from crawler.core.model import Hints
from crawler.core.page_numbers import without_page_number
from crawler.core.page_times import CLOCK
from crawler.core.prose import text_key

_PREFIX_SEPARATOR = re.compile(r"^\s*[|\-–—:·•»]\s+")
_NAME_PREFIX = re.compile(r"^([^:]{3,60}):\s+\S")  # "Blog Name: Headline"
_CODE = re.compile(r"[{};]|\bfunction\s*\(")


def _host(address: str) -> str | None:
    """The address's host; None for a broken one ("http://[" raises in urlsplit)."""
    try:
        return urlsplit(address.strip()).hostname
    except ValueError:
        return None


def resolve_site_name(page: PageMeta, found: Document | None, url: str | None = None) -> str | None:
    """The site's name, from the first source that gives one, passing over a publishing
    platform's name on a site it hosts ("Blogger" as every blogspot blog's publisher)."""
    # The platform's own site may be known by the page's declared address alone (a saved
    # copy of a medium.com post).
    addresses = (url, page.canonical, page.first("og:url"))
    hosts = [_host(address) for address in addresses if address]
    publisher = jsonld_names(page.jsonld.get("publisher"))
    candidates = (
        lambda: page.first("og:site_name"),
        lambda: _application_name(page),
        lambda: publisher[0] if publisher else None,
        lambda: _site_in_title_tag(page),
        lambda: page.logo_heading,
        lambda: _title_tag_naming_domain(page, found),
        lambda: _guessed_site(page, found),
    )
    for candidate in candidates:  # in turn: most pages stop at the first
        name = candidate()
        if name and not names_hosting_platform(name, hosts):
            return decode_entities(name)
    return None


def _title_tag_naming_domain(page: PageMeta, found: Document | None) -> str | None:
    """A `<title>` that is only the name the domain spells ("The Harbour Post" on
    harbourpost.com), or its first or last part that is ("Headline – Brum Biz Brief" on
    brumbizbrief.co.uk, a page with no og:site_name and no heading that gives its headline
    word for word, audit 48), when trafilatura's site name is the bare host: the site's
    name, not a headline."""
    host = found.sitename if found else None
    title = " ".join((page.title_tag or "").split())
    if not host or not title or not _looks_like_host(host):
        return None
    if spells_domain(title, host):
        return title
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    return next((part for part in (parts[-1], parts[0]) if spells_domain(part, host)), None)


MAX_SITE_NAME_WORDS = 5


def _site_in_title_tag(page: PageMeta) -> str | None:
    """ "Storm knocks out power | The Ledger": the <title>'s other part, when one part is
    the headline another title of the page gives (og:title, JSON-LD headline, an <h1>, the
    part printed as the page's own text), for a page that names its site nowhere else
    (trafilatura's guess is then its domain)."""
    parts = TITLE_SEPARATORS.split(" ".join((page.title_tag or "").split()))
    if len(parts) != 2:
        return None
    known = _headline_keys(page)
    for head, site in (parts, parts[::-1]):
        # Both parts vouched for (the headline in one heading, the site's logo in another):
        # no telling which is the site, and the headline as site name is worse than none.
        if _simple(head) in known and _simple(site) not in known:
            return site if 0 < len(site.split()) <= MAX_SITE_NAME_WORDS else None
    return None


def _guessed_site(page: PageMeta, found: Document | None) -> str | None:
    """trafilatura's site name, a part of the <title> it splits, unless that part is the
    headline another title of the page gives (it takes the wrong side of "Headline - Site"
    when the headline is the shorter one)."""
    name = found.sitename if found else None
    return name if name and _simple(name) not in _headline_keys(page) else None


def _headline_keys(page: PageMeta) -> set[str]:
    headline = page.jsonld.get("headline")
    titles = (page.first("og:title", "twitter:title"), headline, *page.headings)
    titles += (page.shown_title_part,)  # the part an old page prints as its headline
    return {_simple(title) for title in titles if isinstance(title, str) and title.strip()}


def _application_name(page: PageMeta) -> str | None:
    """`application-name` names a web app; a CMS that fills it with the page's own
    `<title>` names the article, not the site."""
    name = page.first("application-name")
    if name and page.title_tag and _simple(name) == _simple(page.title_tag):
        return None
    return name


def resolve_title(
    page: PageMeta, found: Document | None, hints: Hints, site_name: str | None
) -> tuple[str | None, str | None]:
    """The visible headline that agrees with the metadata (crawler.core.headline), else
    the first metadata title that is not the site's name; without the page number a
    paginated article prints with it (crawler.core.page_numbers)."""
    title, source = _titled(page, found, hints, site_name)
    return (without_page_number(title) if title else title), source


def _titled(
    page: PageMeta, found: Document | None, hints: Hints, site_name: str | None
) -> tuple[str | None, str | None]:
    headline = page.jsonld.get("headline")
    guessed = found.title if found else None
    theme_name = site_part_of_title_tag(guessed, page.title_tag)
    if guessed and page.logo_heading and _simple(guessed) == _simple(page.logo_heading):
        theme_name = page.logo_heading  # trafilatura's guess is the theme's logo h1
    declared = (
        ("jsonld", headline if isinstance(headline, str) else None),
        ("og", page.first("og:title", "twitter:title")),
    )
    # Social and alternative headlines are written for other readers than the SEO title,
    # and are often the visible one word for word: each may vouch for a heading.
    alternative = page.jsonld.get("alternativeHeadline")
    vouching = [v for _, v in declared] + [page.title_tag, page.first("twitter:title")]
    vouching.append(alternative if isinstance(alternative, str) else None)
    heading = (
        _agreeing_heading(page, vouching, site_name)
        or _marked_headline(page, site_name)
        or _lone_headline(page, vouching, site_name)
    )
    if heading:
        return _cased_as_declared(heading, [value for _, value in declared]), "heading"
    if page.shown_title_part and not any(value for _, value in declared):
        return page.shown_title_part, "title_tag"
    # A <title> that is the site's name says nothing of the headline: the guess is not
    # measured against it.
    title_tag = page.title_tag if not _names_site(page.title_tag, site_name) else None
    if title_tag and names_page_kind(strip_site_suffix(title_tag, site_name)):
        title_tag = None  # "Printer Friendly Version": the guess is not measured against it
    trusted_guess = not theme_name and not _unrelated(guessed, title_tag)
    candidates = (
        *declared,
        ("trafilatura", guessed if trusted_guess else None),
        ("hint", hints.title),
        ("title_tag", page.title_tag),
    )
    for source, value in candidates:
        if value and value.strip():
            title = strip_site_suffix(" ".join(decode_entities(value).split()), site_name)
            if theme_name and source == "title_tag":
                title = strip_site_suffix(title, theme_name)
            if site_name and _simple(title) == _simple(site_name):
                continue  # the site's name where the headline should be (blog themes)
            if names_page_kind(title):
                continue  # "Untitled Document": a page's kind, not its headline
            return title, source
    return None, None


# A title taken from the text: at most this many words, and a line this short that does not
# end like a sentence reads as the page's own heading.
TEXT_TITLE_WORDS = 14
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(\[A-Z0-9])")


# Far past any headline (the longest in our four evaluation sets is under 200 characters);
# a title this long is a page's text or junk in a title element, and a summarizer reading
# it would read the page twice.
MAX_TITLE_CHARS = 300


def bounded_title(title: str) -> str:
    """`title` without characters that print nothing (zero-width spaces, bidi overrides, as
    the text is cleaned of them), and its first MAX_TITLE_CHARS cut at a space where there
    is one, with " …"."""
    return _bounded(text_key(title), MAX_TITLE_CHARS)


# A description is a sentence or two (the longest in our evaluation sets is under 700
# characters); a page that puts its whole text, or megabytes of junk, in the tag would
# give every record that size. Cut at a space, with " …" after.
MAX_DESCRIPTION_CHARS = 1000


def _bounded(value: str, limit: int) -> str:
    if len(value) <= limit:
        return value
    cut = value[:limit]
    head = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut
    return head.rstrip(",;:") + " …"


def title_from_text(text: str) -> tuple[str | None, str | None]:
    """For a page that names itself nowhere (no title element, metadata or h1, as hand-made
    pages and some exports): its opening line when that reads as a heading, else its first
    sentence, cut at TEXT_TITLE_WORDS words. `title_source` "text" says so: an article is
    not lost for the title its author never wrote."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if not first:
        return None, None
    if len(first.split()) <= TEXT_TITLE_WORDS and first[-1] not in ".!?:;,":
        return first, "text"
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0]
    words = sentence.split()
    if len(words) > TEXT_TITLE_WORDS:
        return " ".join(words[:TEXT_TITLE_WORDS]).rstrip(",;:") + " …", "text"
    return sentence.rstrip(".").strip(), "text"


def _headline_part(title: str) -> str:
    """The longest part of "Headline | Site", "Site: Headline": a heading that agrees only
    with the site's name ("More From The Harbour Post") does not agree with the title."""
    parts = TITLE_SEPARATORS.split(" ".join(title.split()))
    return max(parts, key=lambda part: len(part.split()))


def _cased_as_declared(heading: str, declared: list[str | None]) -> str:
    """An all-capitals headline (the theme's styling, as the page's text) in the casing of
    a declared title that says the same: a summarizer reads "Chip Exports Rise", not
    "CHIP EXPORTS RISE"."""
    if not heading.isupper():
        return heading
    for title in declared:
        # The title less its site's name: "Chip Exports Rise | Field Notes" (audit 26).
        title = _headline_part(decode_entities(title)) if title and title.strip() else None
        if title and title.casefold() == heading.casefold():
            return title
    return heading


def _agreeing_heading(page: PageMeta, titles: list[str | None], site_name: str | None):
    """The first visible heading that is not the site's name and agrees with a title."""
    titles = [_headline_part(decode_entities(t)) for t in titles if t and t.strip()]
    for heading in page.headings:
        if site_name and _simple(heading) == _simple(site_name):
            continue
        if site_part_of_title_tag(heading, page.title_tag):
            continue  # a blog theme's h1 is the blog's name: "Blog: Headline" agrees with it
        if any(agrees(heading, title) for title in titles):
            # A newsletter prints its name before each issue's headline ("The Friday Five:
            # open models grow up"): the headline the reader sees, the name kept.
            return strip_site_suffix(without_label(heading, page.title_tag), site_name, False)
    return None


def _marked_headline(page: PageMeta, site_name: str | None) -> str | None:
    """The one <h1> the theme marks as the headline (class "headline", itemprop), when no
    heading agrees with the metadata: the headline the reader sees, where the metadata
    carries a different headline written for search engines and social cards."""
    heading = page.marked_headline
    if not heading or len(heading.split()) < 3:
        return None
    if site_name and _simple(heading) == _simple(site_name):
        return None
    return strip_site_suffix(without_label(heading, page.title_tag), site_name)


MIN_LONE_HEADLINE_WORDS = 5  # a section's or a blog's name in an <h1> is shorter


def _lone_headline(page: PageMeta, titles: list[str | None], site_name: str | None):
    """The page's only <h1>, over the article's prose, when no heading agrees with the
    metadata: the headline the reader sees, where the metadata carries one written for
    search engines ("How We Cut RAG Hallucinations by 38%" over "What we learned grading
    12,000 retrieval answers by hand", audit 47)."""
    heading = page.lone_headline
    if not heading or len(heading.split()) < MIN_LONE_HEADLINE_WORDS:
        return None
    if site_name and _simple(heading) == _simple(site_name):
        return None
    if site_part_of_title_tag(heading, page.title_tag) or names_page_kind(heading):
        return None
    titles = [_headline_part(decode_entities(t)) for t in titles if t and t.strip()]
    if any(agrees(h, t) for h in page.lone_headline_next for t in titles):
        return None  # the headline is the h2 under it, the h1 the site's tagline
    return strip_site_suffix(without_label(heading, page.title_tag), site_name)


# trafilatura guesses the title from the page's headings, and on many blog themes the h1 is
# the blog's name (or, with a script in it, worse); the <title> then reads "Blog: Headline"
# or "Headline | Blog". Its guess is the site's name when it is (give or take a word) the
# "Blog:" prefix or a part after the first of the <title>, and the <title> holds a longer
# headline besides; it is off the mark when it is code, or shares no word with the <title>.
def site_part_of_title_tag(guess: str | None, title_tag: str | None) -> str | None:
    """The part of the <title> that `guess` is, when that part is the site's name."""
    if not guess or not title_tag:
        return None
    parts = TITLE_SEPARATORS.split(title_tag)
    prefix = _NAME_PREFIX.match(title_tag)
    names = parts[1:] + ([prefix.group(1)] if prefix else [])
    if _simple(parts[0]) in _simple(guess):
        return None  # the guess holds the headline part
    for name in names:
        if _same_name(name, guess) and len(title_tag.split()) > 2 * len(name.split()):
            return name.strip()
    return None


def _same_name(name: str, guess: str) -> bool:
    a, b = _simple(name), _simple(guess)
    if not a or not b:
        return False
    return a == b or ((a in b or b in a) and abs(len(name.split()) - len(guess.split())) <= 1)


def _unrelated(guess: str | None, title_tag: str | None) -> bool:
    """A guess that is code, or shares no more than a word (the site's name, say, in a
    logo: "POLITICO Politico Logo") with a <title> of several words."""
    if not guess or not title_tag or len(_words(title_tag)) < 2:
        return False
    return bool(_CODE.search(guess)) or not agrees(guess, title_tag)


def _words(value: str) -> set[str]:
    return set(re.findall(r"\w+", value.lower()))


def strip_site_suffix(title: str, site_name: str | None, prefix: bool = True) -> str:
    """Drop " | Site" / " - Site" / "Site: " when the part is the site's name; keep subtitles.
    `prefix=False` keeps a leading "Site: ", as a headline the page prints keeps it."""
    if prefix and site_name and title.lower().startswith(site_name.lower()):
        rest = _PREFIX_SEPARATOR.sub("", title[len(site_name) :], count=1)
        if rest != title[len(site_name) :] and rest.strip():
            title = rest.strip()
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = {_simple(site_name)} if site_name else set()
    separators = TITLE_SEPARATORS.findall(title)
    count = len(parts)
    while len(parts) > 1 and (_simple(parts[-1]) in names or _looks_like_domain(parts[-1])):
        parts.pop()
    if len(parts) < count and _is_section(parts, separators):
        parts.pop()  # "Headline | Weather | The Ledger": the section before the site's name
    while prefix and len(parts) > 1 and (_simple(parts[0]) in names):
        parts.pop(0)
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:], strict=False):
        rebuilt += separator + part
    return rebuilt


MAX_SECTION_WORDS = 3


def _is_section(parts: list[str], separators: list[str]) -> bool:
    """The last of `parts` is a section name the title puts between the headline and the
    site's name: short, capitalized, set off by the separator that set off the site's
    name (never ":", which ends a kicker), after a headline longer than itself."""
    if len(parts) < 2 or len(separators) < len(parts):
        return False
    before, after = separators[len(parts) - 2].strip(), separators[len(parts) - 1].strip()
    section, headline = parts[-1].split(), " ".join(parts[:-1]).split()
    return (
        before == after != ":"
        and 0 < len(section) <= MAX_SECTION_WORDS
        and all(word[0].isupper() or word in ("&", "and", "of") for word in section)
        and len(headline) > MAX_SECTION_WORDS
    )


def _simple(value: str) -> str:
    return re.sub(r"\W+", "", value).lower()


def _names_site(value: str | None, site_name: str | None) -> bool:
    return bool(value and site_name and _simple(value) == _simple(site_name))


def _looks_like_host(value: str) -> bool:
    return bool(re.fullmatch(r"[\w-]+(\.[\w-]+)+", value.strip()))


def _looks_like_domain(value: str) -> bool:
    return bool(re.fullmatch(r"(www\.)?[\w-]+\.(com|org|net|io|ai|co|news)", value.strip(), re.I))


# Publication-date meta tags: OpenGraph's, then those of CMSes, analytics and Dublin Core,
# as pages carry them (htmldate reads the same kinds); all before a page's first <time>,
# which is as often the "updated" stamp or a related story's.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "parsely-pub-date", "sailthru.date", "article.published",
    "publish-date", "publish_date", "published", "pubdate", "publication_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date",
)  # fmt: skip


def resolve_published(
    page: PageMeta, found: Document | None, url: str, hints: Hints
) -> tuple[datetime | None, str | None, str | None]:
    """Returns (date, which source, raw value)."""
    candidates = (
        ("jsonld", page.jsonld.get("datePublished")),
        *(("meta", value) for key in PUBLISHED_META for value in page.all(key)[:1]),
        ("time", page.time_datetimes[0] if page.time_datetimes else None),
        ("text", page.labelled_published),
        ("trafilatura", found.date if found else None),
    )
    for index, (source, raw) in enumerate(candidates):
        parsed = parse_date(raw) if isinstance(raw, str) else None
        if parsed and source == "trafilatura":
            return _with_printed_time(_in_page_order(parsed, page), raw, page)
        if parsed:
            chosen = _zoned_same_clock((parsed, source, raw), candidates[index + 1 : -1], page)
            return _timed_same_day(chosen, candidates[index + 1 : -1])
    from_url = date_from_url(url)
    if from_url:
        return from_url, "url", None
    parsed = parse_date(hints.published)
    return (parsed, "hint", hints.published) if parsed else (None, None, None)


_CLOCK = re.compile(r"\d:\d\d")
_PUBLICATION_SOURCES = ("meta", "text")  # a publication tag, a "Published" label


def _zoned_same_clock(chosen: tuple, others, page: PageMeta) -> tuple:
    """A time without a zone ("datePublished": "2025-04-14T16:22:00", read as UTC) takes the
    zone of another of the page's sources that gives the same clock time with one
    (`article:published_time` 2025-04-14T16:22:00+09:00): the hour was nine off (audit 31);
    or of the stamp the page prints, "December 4, 2025 9:45 PM IST" (audit 38)."""
    _parsed, _source, raw = chosen
    naive = _iso_wall_clock(raw)
    if naive is None or naive.tzinfo is not None:
        return chosen
    for source, other in others:
        zoned = _iso_wall_clock(other) if isinstance(other, str) else None
        if zoned is not None and zoned.tzinfo and zoned.replace(tzinfo=None) == naive:
            timed = parse_date(other)
            return (timed, source, other) if timed else chosen
    for written, clock in page.visible_stamps:
        timed = _printed_zone_of(naive, written, clock)
        if timed is not None:
            return timed, "text", f"{written} {clock}"
    return chosen


# The clock of a printed stamp without its zone: as crawler.core.page_times reads it.
_WALL_CLOCK = re.compile(CLOCK, re.IGNORECASE)


def _printed_zone_of(naive: datetime, written: str, clock: str) -> datetime | None:
    """The instant of a printed stamp on the naive value's day showing its wall clock with a
    zone other than UTC's; None when it shows another day or time, or no zone."""
    if naive.date() not in day_readings(written):
        return None
    wall = _WALL_CLOCK.match(clock.strip())
    if wall is None:
        return None
    day = naive.date().isoformat()
    local, timed = parse_date(f"{day} {wall.group(0)}"), parse_date(f"{day} {clock}")
    if local is None or timed is None or local == timed:
        return None
    return timed if local.replace(tzinfo=None) == naive.replace(second=0, microsecond=0) else None


def naive_markup_time(page: PageMeta) -> bool:
    """The page's markup dates it, or its update, with a clock and no zone: its printed
    stamps may name one."""
    published = page.jsonld.get("datePublished")
    if not isinstance(published, str):
        published = next((v for key in PUBLISHED_META for v in page.all(key)[:1]), None)
    updated = page.jsonld.get("dateModified")
    if not isinstance(updated, str):
        updated = page.first("article:modified_time", "og:updated_time")
    return _naive_clock(published) or _naive_clock(updated)


def _naive_clock(raw) -> bool:
    wall = _iso_wall_clock(raw) if isinstance(raw, str) else None
    return wall is not None and wall.tzinfo is None


def _iso_wall_clock(raw: str) -> datetime | None:
    """An ISO 8601 value with a clock, as written (aware only if it names its offset)."""
    if not _CLOCK.search(raw):
        return None
    try:
        return datetime.fromisoformat(raw.strip())
    except ValueError:
        return None


def _timed_same_day(chosen: tuple, others) -> tuple:
    """A day without its time ("datePublished": "2025-11-04") takes the time another of the
    page's sources gives for that day (`article:published_time` 2025-11-04T10:00-05:00):
    the day was right and the hour lost (audit 24)."""
    parsed, _source, raw = chosen
    if _CLOCK.search(raw):
        return chosen
    for source, other in others:
        if source not in _PUBLICATION_SOURCES:
            continue  # a page's first <time> may be its update's (audit 26)
        timed = parse_date(other) if isinstance(other, str) and _CLOCK.search(other) else None
        if timed and _local_day(other, timed) == parsed.date():
            return timed, source, other
    return chosen


def _local_day(raw: str, parsed: datetime) -> date:
    """The day as the page wrote it, in its own zone: 22:00-05:00 is still that day."""
    try:
        return datetime.fromisoformat(raw.strip()).date()
    except ValueError:
        return parsed.date()


def _in_page_order(day: datetime, page: PageMeta) -> datetime:
    """htmldate's day, or the other reading of the page's day in figures it came from when
    the page writes its days the other way round: htmldate reads "12/07/2025" day first,
    and a US blog whose other posts are dated "11/20/2025" meant December 7 (audit 34)."""
    order = figure_order(list(page.figure_days), page.html_lang)
    if order is None:
        return day
    for first, second, year, *_ in page.figure_days:
        month, of_month = (first, second) if order == "month" else (second, first)
        if year != day.year or {first, second} != {day.month, day.day} or month == day.month:
            continue
        try:
            return day.replace(month=month, day=of_month)
        except ValueError:
            return day
    return day


def _with_printed_time(day: datetime, raw: str, page: PageMeta) -> tuple[datetime, str, str]:
    """htmldate's day (midnight UTC), or the time the page prints beside that day with its
    zone, in UTC: "Mar 4, 2025, 02:15 IST" is March 3 in UTC. A printed time without a
    zone ("November 3, 2012, 9:33 am") is read as UTC, so an instant the markup keeps for
    that day (`data-timestamp="2012-11-03T13:33:16+00:00"`) comes before it (audit 39)."""
    printed = None
    for written, clock in page.visible_stamps:
        if day.date() in day_readings(written):
            timed = parse_date(f"{day.date().isoformat()} {clock}")
            if timed:
                printed = (timed, "text", f"{written} {clock}")
                if _names_zone(clock):
                    return printed
                break
    for epoch in page.attribute_stamps:
        timed = parse_date(epoch)
        # With a printed clock, only the same clock somewhere: its zone (a video's
        # `data-published-time` of the day before is not the story's, the review).
        if (
            timed
            and day - LOCAL_DAY_BEFORE <= timed < day + LOCAL_DAY_AFTER
            and (printed is None or _same_wall_clock(timed, printed[0]))
        ):
            return timed, "text", epoch
    return printed or (day, "trafilatura", raw)


def _same_wall_clock(instant: datetime, wall: datetime) -> bool:
    """The instant is the wall clock's time in some zone: whole quarter hours apart, within
    a day's zones (UTC-12 to UTC+14)."""
    apart = wall.replace(second=0, microsecond=0) - instant.replace(second=0, microsecond=0)
    minutes = apart.total_seconds() / 60
    return minutes % 15 == 0 and -12 * 60 <= minutes <= 14 * 60


_MERIDIEM_WORD = re.compile(r"(?<=\d)\s*[ap]\.?m\b\.?", re.IGNORECASE)


def _names_zone(clock: str) -> bool:
    """A printed clock with its zone ("9:45 PM IST", "14:30 GMT+1", "14:30 -0400"), not
    one with "am" or "p.m." alone."""
    rest = _MERIDIEM_WORD.sub("", clock)
    return any(ch.isalpha() or ch in "+-" for ch in rest)


# The instants of one calendar day somewhere on Earth, from its midnight in UTC: it starts
# 14 hours before (UTC+14) and ends 36 hours after (UTC-12).
LOCAL_DAY_BEFORE = timedelta(hours=14)
LOCAL_DAY_AFTER = timedelta(hours=36)


MARKUP_DATE_SOURCES = ("jsonld", "meta", "time")  # the page dates itself in its markup


def page_date_source(page: PageMeta) -> str | None:
    """Which of the page's own sources dates it (resolve_published's, before trafilatura)."""
    return resolve_published(page, None, "", Hints())[1]


def dated_in_markup(page: PageMeta) -> bool:
    """The page dates itself in JSON-LD, a meta tag or a `<time>`."""
    return page_date_source(page) in MARKUP_DATE_SOURCES


def resolve_updated(page: PageMeta, hints: Hints) -> datetime | None:
    """The update's instant; a time without a zone takes one as the publication's does
    (`_zoned_same_clock`): JSON-LD "dateModified": "2025-08-14T18:02:00" beside a printed
    "Updated: Aug 14, 2025 / 06:02 PM CDT" was read as UTC, five hours early, before the
    publication, and dropped (audit 51)."""
    candidates = _updated_candidates(page, hints)
    for index, (source, raw) in enumerate(candidates):
        parsed = parse_date(raw) if isinstance(raw, str) else None
        if parsed:
            return _zoned_same_clock((parsed, source, raw), candidates[index + 1 :], page)[0]
    return None


def _updated_candidates(page: PageMeta, hints: Hints) -> tuple:
    return (
        ("jsonld", page.jsonld.get("dateModified")),
        ("meta", page.first("article:modified_time", "og:updated_time")),
        ("hint", hints.updated),
    )


def resolve_authors(
    page: PageMeta, found: Document | None, hints: Hints, site_name: str | None = None
) -> list[str]:
    """Who the page says wrote it: JSON-LD, author meta tags, the page's byline
    (crawler.core.bylines), trafilatura, the feed, in that order of trust.

    People first: the first source that names a person gives the record its names, the
    organizations listed beside them included ("Jane Doe and Gear Team"), less those the
    JSON-LD types as organizations (the writer's outlet: a Person "Dana Whitlock" and an
    Organization "The Canadian Press"), and less the site or publisher itself (its name,
    JSON-LD publisher or copyright holder: a source naming only the publisher, as
    `<meta name="author" content="Condé Nast">`, names no person). A page that names no
    person anywhere gets the organizations of its first source that names one
    ("Associated Press", "BBC News"), the site's own name included: that is who the page
    says wrote it.
    """
    publisher = (site_name, *jsonld_names(page.jsonld.get("publisher")), copyright_holder(page))
    site = {_simple(o) for o in publisher if o}
    outlets = [o for o in publisher if o]
    sources = [
        [
            name
            for name in clean_authors(names, outlets=outlets)
            if not (from_text and is_phrase(name))
        ]
        for names, from_text in _author_sources(page, found, hints)
    ]
    typed = {_simple(name) for name in jsonld_organizations(page.jsonld.get("author"))}
    sources = [_writers(names, page) for names in sources]
    # An organization a source names, less its legal form, is no person in another source:
    # "Corvanta Systems, Inc." in the JSON-LD and "Corvanta Systems" in the byline.
    companies = {_simple(n) for names in sources for n in names if is_organization(n)}
    for index, names in enumerate(sources):
        people = [name for name in names if not _is_site(name, site)]
        if any(
            not (is_organization(name) or _simple(name) in typed or _company(name, companies))
            for name in people
        ):
            byline = clean_authors(page.byline_names, outlets=outlets)
            byline = [name for name in byline if not is_phrase(name)]
            people = [name for name in people if _simple(name) not in typed] or people
            people = _without_outlet_agencies(people, byline)
            if index in _META_SOURCES and len(people) == 1:
                writers = _writers_of_byline(people[0], byline, site)
                if writers:
                    return writers
            return _fuller_byline(people, byline, site, page.byline_names)
    return next((names for names in sources if names), [])


def _without_outlet_agencies(names: list[str], byline: list[str]) -> list[str]:
    """`names` less a news agency the visible byline prints as a writer's outlet: "By Jo
    Bell, Associated Press" reads as Jo Bell alone, and the JSON-LD list that types AP as a
    Person beside her names no second writer. A byline joining it with "and" lists it."""
    listed = {_simple(_THE.sub("", name)) for name in byline}
    if not listed & {_simple(name) for name in names if not is_organization(name)}:
        return names
    return [n for n in names if not is_wire_agency(n) or _simple(_THE.sub("", n)) in listed]


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def lists_several_authors(page: PageMeta) -> bool:
    """Metadata names more than one author: only then may it list people who did other
    work, and reading the page's credits (0.8 ms a page) is worth it."""
    values = [value for key in AUTHOR_META for value in page.all(key)]
    if len(values) + len(jsonld_names(page.jsonld.get("author"))) >= 2:
        return True
    return any(_LIST_MARK.search(value) for value in values)


_LIST_MARK = re.compile(r"[,;&|]|\band\b")


def _writers(names: list[str], page: PageMeta) -> list[str]:
    """`names` less those the page credits only for other work ("Photographed by …"): a
    list of everyone who worked on a piece names the photographer beside the writer. A
    name the byline gives too is the writer's, whatever else they did; and a page that
    names no one else ("Edited by Swati Bhasin", marked as its author) keeps its name."""
    if not page.credited_names:
        return names
    byline = {_simple(name) for value in page.byline_names for name in names_in(value)}
    other = {_simple(name) for name in page.credited_names} - byline
    writers = [name for name in names if _simple(name) not in other]
    return writers or names


def _writers_of_byline(meta_name: str, byline: list[str], site: set[str]) -> list[str]:
    """The persons a visible byline lists when it lists several and not the one name of a
    meta tag or the JSON-LD: that name is then a CMS's uploader or a contributor (AP's meta
    names a colleague who contributed, NPR's template its uploader, Microsoft Research's
    JSON-LD the account that posted)."""
    persons = [n for n in byline if not is_organization(n) and not _is_site(n, site)]
    named = _simple(meta_name) in {_simple(n) for n in persons}
    return persons if len(persons) >= 2 and not named else []


def _fuller_byline(
    people: list[str], byline: list[str], site: set[str], lines: tuple[str, ...] = ()
) -> list[str]:
    """`people` and the persons the visible byline lists after them: metadata often names
    only the first of several authors ("Priya Castellanos" in JSON-LD, "By Priya
    Castellanos and Dennis Marsh" on the page). Only when the byline starts with the same
    names, so a list of staff that merely includes the author adds nobody, and only
    persons, so the outlet after a name ("Jane Roe, IDG News Service") is not added."""
    byline = [name for name in byline if not _is_site(name, site) and _writer_shaped(name)]
    start = [_simple(name) for name in byline[: len(people)]]
    if start == [_simple(name) for name in people]:
        return people + [name for name in byline[len(people) :] if not is_organization(name)]
    # The metadata names a later writer of a short byline line: "By Naomi Kessler, J.R.
    # Smith and Aditi Venkataraman" with J.R. Smith alone in the JSON-LD. One line: a list
    # of staff names in elements of their own that merely includes the author adds nobody.
    listed = {_simple(name) for name in byline}
    one_line = len(lines) == 1
    if one_line and len(byline) <= MAX_FILLED_BYLINE and {_simple(p) for p in people} <= listed:
        return [name for name in byline if not is_organization(name)]
    return people


MAX_FILLED_BYLINE = 4


def _writer_shaped(name: str) -> bool:
    """A name the byline adds: capitalised, a person's or an organization's, not a piece of
    a bio sentence beside it ("the companies building it")."""
    return name[:1].isupper() and (person_shaped(name) or is_organization(name))


_COPYRIGHT_NOISE = re.compile(
    r"copyright|\(c\)|©|all rights reserved\.?|\b(19|20)\d{2}\b|[-–,.]+\s*$", re.IGNORECASE
)


def copyright_holder(page: PageMeta) -> str | None:
    """Who `<meta name="copyright">` names ("Copyright (c) Condé Nast 2022"): a publisher,
    which CMSes also put in `<meta name="author">`; never the writer."""
    text = page.first("copyright", "dc.rights")
    if not text:
        return None
    holder = " ".join(_COPYRIGHT_NOISE.sub(" ", decode_entities(text)).split()).strip(" ,.-–")
    return holder if 2 <= len(holder) <= 80 else None


def _author_sources(
    page: PageMeta, found: Document | None, hints: Hints
) -> list[tuple[list[str], bool]]:
    """Each source's names, and whether they were read from the page's text (its byline,
    trafilatura's search) rather than declared in metadata or the feed."""
    meta = [
        [uninverted(name) if key in SURNAME_FIRST else name for name in page.all(key)]
        for key in AUTHOR_META
    ]
    meta = [[name for name in names if "://" not in name] for names in meta]
    return [
        (jsonld_names(page.jsonld.get("author")), False),
        *((names, False) for names in meta),
        (list(page.byline_names), True),
        # After the theme's byline: a person there is the writer; where it names only the
        # account that posted ("VDB Online", the site), the byline the body prints is.
        (list(page.body_byline), True),
        (labelled_authors(page), False),
        ([found.author] if found and found.author else [], True),
        (list(hints.authors), False),
    ]


# Author meta tags, in use by CMSes and analytics tags besides the standard "author".
AUTHOR_META = (
    "author", "article:author", "dc.creator", "citation_author", "byl", "parsely-author",
    "sailthru.author",
)  # fmt: skip
# JSON-LD's and the tags' places in _author_sources' list: each may name the account that
# posted, where the byline lists the writers (Microsoft Research's JSON-LD, audit 34).
_META_SOURCES = range(0, 1 + len(AUTHOR_META))
# Fields whose standards write a person surname first, one person to a tag ("Roe, Jane").
SURNAME_FIRST = frozenset({"dc.creator", "citation_author"})


# Twitter's label/data pairs, which Yoast SEO and other CMSes fill with the post's author
# (twitter:label1 "Written by", twitter:data1 "Jane Doe") beside its reading time. That is
# the account that posted it, an editor's on some sites: the visible byline comes first.
_AUTHOR_LABEL = re.compile(r"(written|posted|published)? ?by|authors?|writers?", re.IGNORECASE)
MAX_TWITTER_LABELS = 4


def labelled_authors(page: PageMeta) -> list[str]:
    """The names a `twitter:dataN` gives when its `twitter:labelN` says "Written by"."""
    for n in range(1, MAX_TWITTER_LABELS + 1):
        label = page.first(f"twitter:label{n}")
        if label and _AUTHOR_LABEL.fullmatch(label.strip().rstrip(":")):
            return [name for name in page.all(f"twitter:data{n}") if "://" not in name]
    return []


LEGAL_FORMS = frozenset({"inc", "llc", "llp", "ltd", "corp", "plc", "gmbh", "ag", "sa", "nv"})


def _company(name: str, organizations: set[str]) -> bool:
    """`name` is one of `organizations` (simplified) less its legal form."""
    key = _simple(name)
    return any(org.startswith(key) and org[len(key) :] in LEGAL_FORMS for org in organizations)


def _is_site(name: str, site: set[str]) -> bool:
    """The site or publisher, or its staff ("Pulse Tech News Staff")."""
    key = _simple(name)
    return key in site or any(key.startswith(s) and key != s for s in site if len(s) > 3)


def clean_authors(names: list[str], organizations=(), outlets=()) -> list[str]:
    """The names in byline strings, in order, without repeats: "By", dates, job titles,
    social labels and other junk dropped (crawler.core.authors); `organizations` (the
    site, its publisher) left out; `outlets` (the same) cut from the end of a person's
    name they were run into."""
    excluded = {_simple(o) for o in organizations if o}
    result: list[str] = []
    for value in names:
        for name in names_in(decode_entities(value)):
            name = _without_outlet(name, outlets)
            if _simple(name) not in excluded and name not in result:
                result.append(name)
    return result


def _without_outlet(name: str, outlets) -> str:
    """A person's name with the site's or publisher's name run into it, as a writer's block
    prints the outlet under the name: "Amir Tehrani BBC News" is Amir Tehrani (audit 31)."""
    for outlet in outlets:
        if not outlet or len(name) <= len(outlet) + 1:
            continue
        head, tail = name[: -len(outlet)], name[-len(outlet) :]
        if tail.casefold() == outlet.casefold() and head.endswith(" "):
            person = head.strip()
            if len(person.split()) >= 2 and person_shaped(person):
                return person
    return name


MAX_TAGS = 30


def resolve_tags(page: PageMeta, found: Document | None, hints: Hints) -> list[str]:
    keywords = page.jsonld.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    raw = [
        *(keywords if isinstance(keywords, list) else []),
        *page.all("article:tag"),
        *(found.tags or [] if found else []),
        *(found.categories or [] if found else []),
        *hints.tags,
    ]
    tags: list[str] = []
    seen: set[str] = set()  # a list's `in` made 30,000 keywords take 18 s (quadratic)
    for tag in raw:
        if len(tags) == MAX_TAGS:
            break
        if isinstance(tag, str):
            tag = " ".join(decode_entities(tag).split())
            if tag and len(tag) <= 60 and tag.lower() not in seen:
                seen.add(tag.lower())
                tags.append(tag)
    return tags


def resolve_description(page: PageMeta, found: Document | None, hints: Hints) -> str | None:
    value = page.jsonld.get("description")
    value = value if isinstance(value, str) else None
    found_value = (
        value
        or page.first("og:description", "description", "twitter:description")
        or (found.description if found else None)
        or hints.description
    )
    description = text_key(decode_entities(found_value)) if found_value else ""
    return _bounded(description, MAX_DESCRIPTION_CHARS) if description else None


def resolve_image(page: PageMeta, found: Document | None, url: str) -> str | None:
    image = (
        jsonld_url(page.jsonld.get("image"))
        or page.first("og:image", "og:image:url", "twitter:image")
        or (found.image if found else None)
    )
    return absolute_http_url(url, image)


# A "soft 404": an error page served with 200, which a site's template fills with its chrome,
# trending stories and a search box, long enough to pass as an article. Its title says what
# it is, and says nothing else: "Page not found", "404 Error", "Oops! We can't find that page".
_NOT_FOUND_TITLE = re.compile(
    r"^(?:(?:error )?404(?: error)?(?:\s*[-:–|]\s*(?:page )?not found)?"
    r"|(?:page|article|story|content|post) (?:not found|cannot be found|could not be found"
    r"|does not exist|doesn'?’?t exist|no longer (?:exists|available)|(?:is )?unavailable)"
    r"|not found|nothing (?:was )?found"
    r"|oops!?.{0,40}\b(?:not found|can'?’?t (?:be )?f(?:i|ou)nd|doesn'?’?t exist)"
    r"(?: (?:that|the|this) page| what you.{0,30})?)[.!]?$",
    re.IGNORECASE,
)


def is_error_page(*titles: str | None) -> bool:
    """A page whose title (or `<title>`, before its site suffix) is an error's."""
    for title in filter(None, titles):
        first = TITLE_SEPARATORS.split(title.strip())[0]
        if _NOT_FOUND_TITLE.match(title.strip()) or _NOT_FOUND_TITLE.match(first):
            return True
    return False
