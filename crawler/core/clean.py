"""Our cleaning of what trafilatura leaves: comment forms, share/newsletter lines,
"Related" blocks, aggregator chrome, credits and copyright lines.

Rules work on whole lines (trafilatura emits one paragraph a line). Strict
patterns, which never match article prose, apply anywhere; loose ones (calls to
action, bios) apply only to the trailing edge, so a sentence from the middle of
the body is never removed. Every removal is counted by kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from crawler.core.authors import is_title_line, names_a_role
from crawler.core.chrome_patterns import (
    ADVERTISEMENT,
    AFFILIATE,
    AGGREGATOR,
    AGGREGATOR_MARKERS,
    AGGREGATOR_SECTION,
    APP_PUSH,
    APPEAL,
    BARE_COUNT,
    BARE_DATE,
    BYLINE,
    CITATION_HEADING,
    COMMENT_FORM,
    COMMENT_SIGNATURE,
    CONTACT_LABEL,
    COOKIE,
    COUNTER,
    CREDIT,
    DISCLAIMER,
    EDGE_ONLY,
    END_MARK,
    EVENT_CALL,
    EVENT_PROMO,
    HOW_WE_WORK,
    LICENCE_NOTICE,
    LIST_ITEM,
    MACHINE_TRANSLATION_NOTE,
    MIN_POLL_CHOICES,
    NAVIGATION,
    NEWSLETTER_NOTE,
    NEWSLETTER_PLUG,
    NOT_A_PUBLISHER,
    ORIGINAL_PUBLISHER,
    OTHER_FORMAT,
    PAGER,
    PHOTO_CREDIT_END,
    PHOTO_CREDIT_TAIL,
    POLL_QUESTION,
    PROMO_LABEL,
    RELATED_HEADING,
    RELATED_LINK_LABEL,
    REPRINT,
    RIGHTS_NOTICE,
    SHARE,
    SITE_CALL,
    SPONSOR,
    STANDARDS_HEADING,
    STATUS_BADGE,
    STOCK_PICK_PITCH,
    STRONG_PROMO_LABEL,
    SUBSCRIPTION_OFFER,
    TEASER_DATE,
    TEASER_READ_MORE,
    TEASER_SIGNATURE,
    THREAD_START,
    TIME_LABEL_WORDS,
    TIME_LABELS_LEFT,
    TIME_STAMP,
    TIP_BOX,
    TIP_CALL,
    TRANSCRIPT_NOTE,
    UI_CONTROL,
    UNLABELLED_DISCLAIMER,
    VIDEO_LABEL,
    WIDGET_HEADING,
)
from crawler.core.page_numbers import without_page_number
from crawler.core.paywall import WALL, WALL_PROMPT
from crawler.core.reader_calls import is_reader_call
from crawler.core.sign_offs import sign_off_lines
from crawler.core.source_lists import source_list_start
from crawler.core.stamp_rows import is_stamp_row

HEADLINE_SEPARATOR = re.compile(r"\s*[-–—:|]\s")
MAX_CHROME_WORDS = 25  # a matching line longer than this is prose that mentions the words
MAX_APPEAL_WORDS = 90  # a closing paragraph of site calls ("follow us", "join our") is longer
MIN_SITE_CALLS = 2
MIN_THREAD_SIGNATURES = 3  # reader-comment signatures that make a comment thread
MIN_TEASERS = 5  # headline-like lines at the end that make a list of links
MAX_TEASER_WORDS = 40  # a headline with its dateline or a line of teaser
MAX_CARD_WORDS = 80  # a headline, a blurb of a few sentences, "Read more" and a date
TEASER_SHARE = 0.8  # share of teaser lines in such a trailing block
MIN_BODY_WORDS = 150  # prose words before a trailing link list for it to be chrome
LEADING_LINES = 4  # how far into the text a duplicated title or byline is looked for


@dataclass
class CleanResult:
    lines: list[str]
    removed: Counter = field(default_factory=Counter)
    original_publisher: str | None = None
    is_aggregator: bool = False
    reprint_byline: str | None = None  # the reprinted story's own byline line
    ends_at_wall: bool = False  # a subscribe wall was cut from the end: the text is the free part

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def clean_lines(
    lines: list[str],
    title: str | None = None,
    authors: list[str] | tuple[str, ...] = (),
    links: frozenset[str] = frozenset(),
    headings: Collection[str] = frozenset(),
    code: Collection[str] = frozenset(),
) -> CleanResult:
    """Clean extracted lines; `links` are the page's anchor texts (lower-cased), `headings`
    the page's heading texts (crawler.core.sections), `code` the lines of its code listings
    (crawler.core.extract.code_lines)."""
    result = CleanResult(lines=[line for line in (normalize_space(x) for x in lines) if line])
    _drop_table_rules(result)
    result.original_publisher = _find_original_publisher(result.lines)
    result.is_aggregator = any(
        _words(line) <= MAX_CHROME_WORDS and any(p.search(line) for p in AGGREGATOR_MARKERS)
        for line in result.lines
    )
    if _cut_to_reprint(result):
        result.is_aggregator = True
    if result.is_aggregator:
        _drop_aggregator_sections(result)
    _drop_related_blocks(result, headings)
    _drop_comment_thread(result)
    _drop_comment_form_tail(result)
    _drop_inline_promos(result, links)
    _drop_pager(result, links)
    _drop_pull_quotes(result)
    _drop_matching(result)
    _drop_orphaned_widget_headings(result)
    _drop_reaction_polls(result)
    # The contact block and the end mark before the trailing edge, whose notices (a rights
    # notice, a call to follow) may sit above them, and after it, as notices may follow.
    _drop_standards_box(result)
    _drop_contact_block(result)
    _drop_after_end_mark(result)
    _drop_trailing_edge(result, authors)
    _drop_trailing_teasers(result, links)
    _drop_trailing_link_list(result, links)
    _drop_trailing_edge(result, authors)
    _drop_source_list(result)
    _drop_trailing_details(result, code)
    _drop_contact_block(result, followed=True)
    _drop_unlabelled_contact(result)
    _drop_after_end_mark(result)
    _drop_leading_edge(result, title, authors)
    return result


def normalize_space(line: str) -> str:
    return " ".join(line.split())


def _words(line: str) -> int:
    return len(line.split())


# An affiliate disclosure runs to a paragraph ("... we may earn an affiliate commission.
# Our process"), and its wording is no sentence of an article's.
MAX_DISCLOSURE_WORDS = 60
MAX_TRANSCRIPT_NOTE_WORDS = 90
NEWSLETTER_LINES = (*NEWSLETTER_PLUG, *NEWSLETTER_NOTE)
MAX_CAPTION_WORDS = 80  # a caption with its credit; a line of the story never ends in one


def _strict_kind(line: str) -> str | None:
    """Kinds recognised anywhere in the text: UI strings that prose never is alone."""
    if _words(line) <= MAX_CAPTION_WORDS and (
        (line.endswith(")") and PHOTO_CREDIT_END.search(line)) or PHOTO_CREDIT_TAIL.search(line)
    ):
        return "caption"
    if line.endswith(":") and _labels_left(line):
        return "time_stamp"
    if _words(line) <= MAX_DISCLOSURE_WORDS and MACHINE_TRANSLATION_NOTE.search(line):
        return "disclaimer"
    if _words(line) <= MAX_DISCLOSURE_WORDS and LICENCE_NOTICE.search(line):
        return "copyright"
    if _words(line) > MAX_CHROME_WORDS:
        if _words(line) <= MAX_DISCLOSURE_WORDS:
            if any(p.search(line) for p in AFFILIATE):
                return "affiliate"
            if any(p.search(line) for p in SPONSOR):
                return "sponsor"
            if any(p.search(line) for p in EVENT_CALL):
                return "event_promo"
            if any(p.search(line) for p in STOCK_PICK_PITCH):
                return "newsletter"
            if any(p.search(line) for p in NEWSLETTER_NOTE):
                return "newsletter"
            if any(p.search(line) for p in APPEAL):
                return "appeal"
            if any(p.search(line) for p in APP_PUSH):
                return "app_promo"
            if any(p.search(line) for p in OTHER_FORMAT):
                return "ui_control"
        return None
    for kind, patterns in (
        ("comment_form", COMMENT_FORM),
        ("aggregator", AGGREGATOR),
        ("share", SHARE),
        ("ui_control", UI_CONTROL),
        ("cookie_banner", COOKIE),
        ("advertisement", ADVERTISEMENT),
        ("affiliate", AFFILIATE),
        ("sponsor", SPONSOR),
        ("event_promo", EVENT_CALL),
        ("newsletter", STOCK_PICK_PITCH),
        ("credit", CREDIT),
        ("video", VIDEO_LABEL),
        ("newsletter", NEWSLETTER_LINES),
        ("appeal", APPEAL),
        ("app_promo", APP_PUSH),
        ("paywall", WALL_PROMPT),
        ("feedback", (TIP_BOX,)),
    ):
        if any(p.search(line) for p in patterns):
            return kind
    return None


MAX_LABELS_LEFT_WORDS = 6


def _labels_left(line: str) -> bool:
    """Two or more time labels and nothing else, "Issued on: Modified:", a byline row's times
    gone: never prose, wherever it is (a lone "on" is, so it goes at the edges only)."""
    return (
        _words(line) <= MAX_LABELS_LEFT_WORDS
        and TIME_LABELS_LEFT.match(line) is not None
        and len(TIME_LABEL_WORDS.findall(line)) >= 2
    )


def _edge_kind(line: str) -> str | None:
    # The site's call to its reader in its own words, when no notice's wording says more.
    return _notice_kind(line) or ("reader_call" if is_reader_call(line) else None)


def _notice_kind(line: str) -> str | None:
    # A broadcaster's note on its transcripts, after its copyright (NPR's, 66 words).
    if _words(line) <= MAX_TRANSCRIPT_NOTE_WORDS and TRANSCRIPT_NOTE.search(line):
        return "disclaimer"
    # Notices that run to a paragraph: a rights notice, a call for tips, a subscription offer.
    if _words(line) <= MAX_DISCLOSURE_WORDS:
        if RIGHTS_NOTICE.search(line):
            return "copyright"
        if TIP_CALL.match(line) or HOW_WE_WORK.match(line):
            return "feedback"
        if SUBSCRIPTION_OFFER.match(line):
            return "newsletter"
        if EVENT_PROMO.search(line):
            return "event_promo"
        if DISCLAIMER.search(line) or TRANSCRIPT_NOTE.search(line):
            return "disclaimer"
    if _words(line) <= MAX_UNLABELLED_DISCLAIMER_WORDS and _is_unlabelled_disclaimer(line):
        return "disclaimer"
    if _words(line) > MAX_CHROME_WORDS:
        return "social" if _is_site_appeal(line) else None
    for kind, patterns in EDGE_ONLY.items():
        if any(p.search(line) for p in patterns):
            return kind
    return _strict_kind(line)


# "This post contains sponsored content. This content is for informational purposes only and
# is not intended to be investing advice." runs to two sentences; a paragraph is the story's.
MAX_UNLABELLED_DISCLAIMER_WORDS = 40
_QUOTE = re.compile(r"[\"“”]")


def _is_unlabelled_disclaimer(line: str) -> bool:
    """A closing disclosure without its label (UNLABELLED_DISCLAIMER); not a line that
    quotes one ("'This is not financial advice,' the influencer said") or reports one ("…,
    according to the filing")."""
    return (
        UNLABELLED_DISCLAIMER.match(line) is not None
        and _QUOTE.search(line) is None
        and _ATTRIBUTION.search(line) is None
    )


_ATTRIBUTION = re.compile(
    r"\b(said|says|told|wrote|writes|according to|warned|warns|added|noted|argued)\b", re.I
)


def _is_site_appeal(line: str) -> bool:
    calls = {match.group(0).lower() for match in SITE_CALL.finditer(line)}
    return len(calls) >= MIN_SITE_CALLS and _words(line) <= MAX_APPEAL_WORDS


# The row trafilatura draws under a table's header when it writes the table as text,
# "|---|---|": a divider, not a row of the table.
TABLE_RULE = re.compile(r"^\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$")


def _drop_table_rules(result: CleanResult) -> None:
    kept = [line for line in result.lines if not TABLE_RULE.match(line)]
    result.removed["table_rule"] += len(result.lines) - len(kept)
    result.lines = kept


def _drop_matching(result: CleanResult) -> None:
    kept = []
    for line in result.lines:
        kind = _strict_kind(line)
        if kind:
            result.removed[kind] += 1
        else:
            kept.append(line)
    result.lines = kept


def _promo_label(line: str, links: frozenset[str]) -> tuple[str, bool] | None:
    """An inline promo's label at the start of `line`: the text after it (lowercased) and
    whether that text reads as a headline after a label that says "another story" on its
    own (STRONG_PROMO_LABEL: a few words, no sentence's end). None without a label, and for
    "Related:" before anything but a whole link's text ("Related: the earlier filings")."""
    strong = STRONG_PROMO_LABEL.match(line)
    label = PROMO_LABEL.match(line) or strong
    if label is None:
        related = RELATED_LINK_LABEL.match(line)
        rest = line[related.end() :].strip().lower() if related else ""
        return (rest, False) if rest and rest in links else None
    rest = line[label.end() :].strip()
    if line.startswith("["):
        rest = rest.removesuffix("]").strip()
    headline = line[strong.end() :].strip().removesuffix("]").strip() if strong else ""
    is_headline = (
        bool(headline)
        and _words(headline) <= MAX_HEADLINE_WORDS
        and not headline.endswith((".", "!"))
    )
    return rest.lower(), is_headline


MAX_HEADLINE_WORDS = 20


def _drop_inline_promos(result: CleanResult, links: frozenset[str]) -> None:
    """A label and a link to another story, anywhere in the text: "Also Read: <the other
    story's headline>" on one line, or the label on a line of its own (a `<br>` after it)
    over one or more such links. The rest must be whole link texts: "Read: the full
    statement is below" stays."""
    lines, kept, index = result.lines, [], 0
    while index < len(lines):
        line = lines[index]
        label = _promo_label(line, links) if _words(line) <= MAX_CHROME_WORDS else None
        rest, is_headline = label or ("", False)
        if rest and (rest in links or is_headline):
            result.removed["related" if rest in links else "read_more"] += 1
            index += 1
            continue
        if label and not rest:
            end = index + 1
            while end < len(lines) and _is_link_line(lines[end], links):
                end += 1
            if end > index + 1:
                result.removed["related"] += end - index
                index = end
                continue
        kept.append(line)
        index += 1
    result.lines = kept


PULL_QUOTE_ATTRIBUTION_WORDS = 10
_QUOTE_MARKS = "\"“”‘’'«»"


def _drop_pull_quotes(result: CleanResult) -> None:
    """A pull quote set in the text with its attribution: a quoted line that repeats part
    of a paragraph of the article, followed by a short line that opens with a dash
    ("—Anjali Deshpande, Lumora Photonics"). A quoted subheading has no such line."""
    lines, kept, index = result.lines, [], 0
    while index < len(lines):
        if index + 1 < len(lines) and _is_pull_quote(lines, index):
            result.removed["pull_quote"] += 2
            index += 2
            continue
        kept.append(lines[index])
        index += 1
    result.lines = kept


def _is_pull_quote(lines: list[str], index: int) -> bool:
    line, attribution = lines[index].strip(), lines[index + 1].strip()
    if not (line[:1] in _QUOTE_MARKS and line[-1:] in _QUOTE_MARKS + ".”"):
        return False
    if attribution[:1] not in "—–-" or _words(attribution) > PULL_QUOTE_ATTRIBUTION_WORDS:
        return False
    quoted = _simplify(line)
    return len(quoted.split()) >= 5 and any(
        quoted in _simplify(other) and len(other) > len(line) + 10
        for other in lines
        if other is not lines[index]
    )


def _is_link_line(line: str, links: frozenset[str]) -> bool:
    return _words(line) <= MAX_CHROME_WORDS and line.strip().lower() in links


# A last line this long is the story's text, never a notice, call or sign-off: its rules
# each split the line, and a page of megabytes in one line took seconds a rule.
MAX_EDGE_CHARS = 5000


def _drop_trailing_edge(result: CleanResult, authors=()) -> None:
    while result.lines:
        if len(result.lines[-1]) > MAX_EDGE_CHARS:
            return
        _drop_labelled_link(result)
        # The writer's sign-off: "See you tomorrow," over "Dana and Rafi" (a line or two).
        if signed := sign_off_lines(result.lines):
            result.removed["sign_off"] += signed
            del result.lines[-signed:]
            continue
        line = result.lines[-1]
        # A byline printed after the article ("BY KIM JI-HYE [kim@example.com]"), as
        # Korean and other Asian papers set it: a byline naming the record's author. Or the
        # name alone, an author box's heading whose bio went (audit 24).
        if _names_an_author(line, authors) or _only_names(line, authors):
            kind = "byline"
        else:
            kind = "author_bio" if _is_authors_bio(line, authors) else _edge_kind(line)
        if not kind:
            return
        result.removed[kind] += 1
        result.ends_at_wall |= kind == "paywall"
        result.lines.pop()
        if _hears_from_you(line) and result.lines and _asks_the_reader(result.lines[-1]):
            # The callout's question over its call: "Do You Work for a State Benefits
            # Agency?" over "We want to hear from you." (ProPublica's, audit 41).
            result.removed[kind] += 1
            result.lines.pop()


_BARE_URL = re.compile(r"^https?://\S+$")


def _drop_labelled_link(result: CleanResult) -> None:
    """A bare address on the last line under the chrome label that announces it ("View
    source version on accesswire.com:" over the release's address): the label's kind. A bare
    address under a sentence of the story ("The code is on GitHub:") stays."""
    lines = result.lines
    if len(lines) < 2 or not _BARE_URL.match(lines[-1]) or not lines[-2].endswith(":"):
        return
    kind = _edge_kind(lines[-2])
    if kind:
        result.removed[kind] += 1
        lines.pop()


MAX_CALLOUT_QUESTION_WORDS = 15
# The callout's call and its question: "Do you work …?", "Have you been …?", "Are you …?";
# not a story's closing question ("Would you still buy a home …?") over a tip line.
_HEAR_FROM_YOU = re.compile(r"^we('d| would)? (want|like|love) to hear from you\b", re.I)
_TO_THE_READER = re.compile(r"^(do|did|are|were|have|has|is) you\b", re.IGNORECASE)


def _hears_from_you(line: str) -> bool:
    return _HEAR_FROM_YOU.match(line) is not None


def _asks_the_reader(line: str) -> bool:
    return (
        line.endswith("?")
        and _words(line) <= MAX_CALLOUT_QUESTION_WORDS
        and _TO_THE_READER.match(line) is not None
    )


# A press release ends with whom to call: "Media Contact:", a name, a company, a phone
# number. Those lines are no sentence, and the label is no heading of an article's.
CONTACT_LINES = 8  # a block of up to this many short lines after its label
CONTACT_LINE_WORDS = 10


# A release's details after it, label over value: "Journal", "Nature Energy", "Method of
# Research", "Experimental study", "Article Publication Date", "14-Jan-2026". A run of
# this many short lines, none a sentence or a list item, after the last paragraph.
DETAILS_MIN_LINES = 6
DETAILS_LINE_WORDS = 12


def _drop_trailing_details(result: CleanResult, code: Collection[str] = ()) -> None:
    lines, start = result.lines, len(result.lines)
    # A listing's lines are short and end without a stop too: a tutorial's last code block,
    # a paper's BibTeX entry, were cut as details (audit 27).
    while start > 0 and _is_detail_line(lines[start - 1]) and lines[start - 1] not in code:
        start -= 1
    run = len(lines) - start
    prose = sum(w for w in map(_words, lines[:start]) if w >= 12)
    # After an article's worth of prose: a roundup of links under a line is the page itself.
    if run >= DETAILS_MIN_LINES and prose >= MIN_BODY_WORDS and _is_paragraph(lines[start - 1]):
        result.removed["details"] += run
        del lines[start:]


def _is_detail_line(line: str) -> bool:
    return (
        _words(line) <= DETAILS_LINE_WORDS
        and not LIST_ITEM.match(line)
        and not line.startswith("|")
        and not line.endswith((".", "!", "?", ":", ";", "”", '"'))
    )


STANDARDS_BOX_LINES = 2
STANDARDS_BOX_WORDS = 80


MAX_PAGER_TITLE_WORDS = 15


def _drop_pager(result: CleanResult, links: frozenset[str]) -> None:
    """A pager's labels and the title each points to, a link of its own line after it:
    "- ← Previous", "Counting what counts", "- Next →", "Notes on audits" (audit 40)."""
    lines, kept, index = result.lines, [], 0
    while index < len(lines):
        line = lines[index]
        if not any(p.search(line) for p in PAGER):
            kept.append(line)
            index += 1
            continue
        result.removed["navigation"] += 1
        index += 1
        after = lines[index] if index < len(lines) else ""
        if after.lower() in links and _words(after) <= MAX_PAGER_TITLE_WORDS:
            result.removed["navigation"] += 1
            index += 1
    result.lines = kept


def _drop_standards_box(result: CleanResult) -> None:
    """A standards box's heading and its short statement at the end of the text; or a
    citation box's heading and its reference."""
    lines = result.lines
    for index in range(max(1, len(lines) - STANDARDS_BOX_LINES - 1), len(lines)):
        rest = lines[index + 1 :]
        if sum(map(_words, rest)) > STANDARDS_BOX_WORDS:
            continue
        for kind, heading in (("standards", STANDARDS_HEADING), ("citation", CITATION_HEADING)):
            if heading.match(lines[index]):
                result.removed[kind] += len(lines) - index
                del lines[index:]
                return


def _drop_source_list(result: CleanResult) -> None:
    """A fact-check's "Our Sources" and its citations, once the trailing edge (a call to
    become a member) is gone (crawler.core.source_lists)."""
    start = source_list_start(result.lines)
    if start is not None:
        result.removed["sources"] += len(result.lines) - start
        del result.lines[start:]


def _drop_contact_block(result: CleanResult, followed: bool = False) -> None:
    """The label and its short lines, in the text's second half, to the end; or, once the
    trailing edge is gone (`followed`), up to the paragraph a newsroom sets after them (its
    forward-looking statements, an "About")."""
    lines = result.lines
    words = list(map(_words, lines))
    total, before = sum(words), 0
    for index, line in enumerate(lines):
        if index and 2 * before >= total and _is_contact_label(line):
            end = index + 1
            while end < len(lines) and end - index <= CONTACT_LINES:
                if not _is_contact_line(lines[end]):
                    break
                end += 1
            if end == len(lines) or (followed and end > index + 1):
                result.removed["contact"] += end - index
                del lines[index:end]
                return
        before += words[index]


# A contact block whose label was a heading trafilatura dropped: the name, the office, an
# address and a phone number, short lines at the very end, one an e-mail address or a
# phone number.
_EMAIL = re.compile(r"^\S+@[\w-]+(\.[\w-]+)+$")
_PHONE = re.compile(r"^(phone|tel|t)?[.:]?\s*\+?\(?\d[\d\s().-]{5,}\d$", re.IGNORECASE)
UNLABELLED_CONTACT_LINES = 5
UNLABELLED_CONTACT_WORDS = 6


def _drop_unlabelled_contact(result: CleanResult) -> None:
    if result.lines and _is_contact_row(result.lines[-1]):
        result.removed["contact"] += 1
        result.lines.pop()
    lines, start = result.lines, len(result.lines)
    while start > 0 and len(lines) - start < UNLABELLED_CONTACT_LINES:
        line = lines[start - 1]
        if _words(line) > UNLABELLED_CONTACT_WORDS or LIST_ITEM.match(line):
            break
        if line.endswith((".", "?", "!", ":", "”", '"')) and not _EMAIL.match(line):
            break
        start -= 1
    block = lines[start:]
    if len(block) >= 2 and any(_EMAIL.match(x) or _PHONE.match(x) for x in block):
        result.removed["contact"] += len(block)
        del lines[start:]


# The same block squeezed onto one line, as a university's news CMS sets its media contact
# (Drupal 7's, audit 45): "Name Surname, 555-0142, name@example.edu", an office between.
_CONTACT_PARTS = re.compile(r"\s*[,;|·•]\s*")
_PERSON_NAME = re.compile(r"^[A-ZÀ-Þ][\w.'’-]+( [A-ZÀ-Þ][\w.'’-]+){1,3}$")
_LABELLED_EMAIL = re.compile(r"^(e-?mail\s*:?\s*)?" + _EMAIL.pattern[1:], re.IGNORECASE)
CONTACT_ROW_WORDS = 16
CONTACT_OFFICE_WORDS = 5


def _is_contact_row(line: str) -> bool:
    """A name first, then a phone number or an e-mail address, and between them only an
    office's short name; a sentence has words the parts are not. A name and a phone number
    alone are a story's tip line ("Crime Stoppers, 1-800-222-8477", a name in capitals too):
    an e-mail address or an office says it is a contact."""
    name, *rest = _CONTACT_PARTS.split(line.strip())
    if _words(line) > CONTACT_ROW_WORDS or not _PERSON_NAME.match(name):
        return False
    if not all(_reaches(part) or _is_office(part) for part in rest) or not any(map(_reaches, rest)):
        return False
    return any(_LABELLED_EMAIL.match(part) or not _reaches(part) for part in rest)


def _reaches(part: str) -> bool:
    return bool(_PHONE.match(part) or _LABELLED_EMAIL.match(part))


def _is_office(part: str) -> bool:
    """ "University Communications", "Media Relations": a few words, no figure."""
    return _words(part) <= CONTACT_OFFICE_WORDS and not any(ch.isdigit() for ch in part)


def _is_contact_label(line: str) -> bool:
    return bool(CONTACT_LABEL.match(line)) and _words(line) <= CONTACT_LINE_WORDS


def _is_contact_line(line: str) -> bool:
    """A name, a company, a phone number or an address: short, no sentence."""
    return _words(line) <= CONTACT_LINE_WORDS and not line.endswith((".", "?", "!", "”", '"'))


def _drop_after_end_mark(result: CleanResult) -> None:
    """From a press release's "###" to the end, when the article comes before it."""
    lines = result.lines
    marks = [index for index, line in enumerate(lines) if END_MARK.match(line.strip())]
    if not marks:
        return
    cut = marks[-1]
    if sum(map(_words, lines[:cut])) >= sum(map(_words, lines[cut:])):
        result.removed["end_marker"] += len(lines) - cut
        del lines[cut:]


def _is_title_like(line: str) -> bool:
    return _words(line) <= 16 and not line.rstrip().endswith((".", ":", ";"))


def _drop_related_blocks(result: CleanResult, headings: Collection[str] = ()) -> None:
    """A "Related ..." heading followed only by headline-like lines is a link list; it ends
    before a heading of the article (a heading with prose after it)."""
    lines, index = result.lines, 0
    while index < len(lines):
        line = lines[index]
        if _words(line) <= 8 and (RELATED_HEADING.search(line) or WIDGET_HEADING.match(line)):
            end = index + 1
            while end < len(lines) and _is_title_like(lines[end]):
                if _opens_section(lines, end, headings):
                    break
                end += 1
            # Under a heading that names other stories, teasers with their blurbs (list
            # items of any length) to the end; not under "Further reading", a bibliography.
            if WIDGET_HEADING.match(lines[index]) and all(
                _is_title_like(line) or LIST_ITEM.match(line) for line in lines[end:]
            ):
                end = len(lines)
            # Only a block that runs to the end or to the next section, or that holds a
            # list, is chrome; a "Related work" heading of the article's own stays.
            own = lines[index] in headings and end == index + 1
            at_section = not own and _opens_section(lines, end, headings)
            # A widget's heading whose list is gone: alone between paragraphs.
            orphan = end == index + 1 and WIDGET_HEADING.match(lines[index]) is not None
            if end == len(lines) or at_section or end - index > 2 or orphan:
                result.removed["related"] += end - index
                del lines[index:end]
                continue
        index += 1


def _drop_orphaned_widget_headings(result: CleanResult) -> None:
    """A widget's heading left alone once the lines under it went as chrome: "Read Next:"
    over a photo credit, its list of stories dropped before extraction (audit 35)."""
    lines = result.lines
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if _words(line) > 8 or not WIDGET_HEADING.match(line):
            continue
        if index + 1 == len(lines) or not _is_title_like(lines[index + 1]):
            result.removed["related"] += 1
            del lines[index]


MAX_CHOICE_WORDS = 3


def _drop_reaction_polls(result: CleanResult) -> None:
    """A reaction poll's question and its moods, as short lines under it (audit 35)."""
    lines = result.lines
    for index in range(len(lines) - 1, -1, -1):
        if not POLL_QUESTION.match(lines[index]):
            continue
        end = index + 1
        while end < len(lines) and _words(LIST_ITEM.sub("", lines[end])) <= MAX_CHOICE_WORDS:
            end += 1
        if end - index - 1 >= MIN_POLL_CHOICES:
            result.removed["poll"] += end - index
            del lines[index:end]


def _opens_section(lines: list[str], index: int, headings: Collection[str]) -> bool:
    """A heading of the article with prose after it: where a list of links ends."""
    if index + 1 >= len(lines) or lines[index] not in headings:
        return False
    return not _is_title_like(lines[index + 1])


REPRINT_WRAPPER_SHARE = 0.5  # the reprint line stands before this share of the words


def _cut_to_reprint(result: CleanResult) -> bool:
    """A reprint said above the story ("Originally published in X. Reprinted with
    permission."): the wrapper's intro and sponsor lines before it, with the story's own
    byline, go; so does the wrapper's part after the story, from its first section heading
    ("Why it matters", "Key takeaway") on. A reprint credited below the story (The
    Conversation's) changes nothing."""
    lines = result.lines
    index = _reprint_line(lines)
    if index is None:
        return False
    bylines = [line for line in lines[max(0, index - 2) : index] if BYLINE.match(line)]
    result.reprint_byline = bylines[-1] if bylines else None
    start = index + 1
    end = next(
        (i for i in range(start, len(lines)) if AGGREGATOR_SECTION.match(lines[i])), len(lines)
    )
    result.removed["aggregator"] += start + len(lines) - end
    result.lines = lines[start:end]
    return True


def _reprint_line(lines: list[str]) -> int | None:
    total, seen = sum(map(_words, lines)), 0
    for index, line in enumerate(lines):
        if seen > total * REPRINT_WRAPPER_SHARE:
            return None
        if _words(line) <= MAX_CHROME_WORDS and any(p.search(line) for p in REPRINT):
            return index
        seen += _words(line)
    return None


def _drop_aggregator_sections(result: CleanResult) -> None:
    """On an aggregator's page, its section headings and their bullet lists are chrome."""
    kept, in_list = [], False
    for line in result.lines:
        if AGGREGATOR_SECTION.match(line):
            result.removed["aggregator"] += 1
            in_list = True
        elif in_list and LIST_ITEM.match(line) and _words(line) <= 16:
            result.removed["aggregator"] += 1
        else:
            in_list = False
            kept.append(line)
    result.lines = kept


def _drop_comment_form_tail(result: CleanResult) -> None:
    """From the first comment-form line on, a tail of short UI lines is the form."""
    lines = result.lines
    for index, line in enumerate(lines):
        if _words(line) <= MAX_CHROME_WORDS and any(p.search(line) for p in COMMENT_FORM):
            tail = lines[index:]
            if all(_words(x) <= 20 or _strict_kind(x) for x in tail):
                result.removed["comment_form"] += len(tail)
                del lines[index:]
            return


def _drop_comment_thread(result: CleanResult) -> None:
    """Reader comments kept in the main text: cut from where the thread starts.

    The thread is recognised by its repeated signature lines ("Posted by: Ann at ...");
    it starts at the nearest post signature or comments heading before the first one.
    Without such a start the thread is left alone rather than cut at a guess.
    """
    lines = result.lines
    signatures = [i for i, line in enumerate(lines) if _is_signature(line)]
    if len(signatures) < MIN_THREAD_SIGNATURES:
        return
    first = signatures[0]
    for start in range(first - 1, max(-1, first - 12), -1):
        if _words(lines[start]) <= 20 and any(p.search(lines[start]) for p in THREAD_START):
            if start > 0:  # never the whole text
                result.removed["comments"] += len(lines) - start
                del lines[start:]
            return


def _is_signature(line: str) -> bool:
    return _words(line) <= 20 and any(p.search(line) for p in COMMENT_SIGNATURE)


def _is_teaser(line: str, links: frozenset[str]) -> bool:
    """A pointer to another article: mostly link text, or a list item with a date or
    "Read more" (a headline with its dateline or teaser)."""
    if re.match(r"^\d+[.)]\s", line):
        return False  # numbered items are the article's own lists
    if _words(line) > MAX_TEASER_WORDS:
        return _is_dated_card(line)
    if LIST_ITEM.match(line) and any(p.search(line) for p in TEASER_SIGNATURE):
        return True
    return _link_share(line, links) >= 0.5


def _is_dated_card(line: str) -> bool:
    """A list item with a long blurb, its "Read more" and its date: another story's card."""
    return (
        _words(line) <= MAX_CARD_WORDS
        and LIST_ITEM.match(line) is not None
        and TEASER_READ_MORE.search(line) is not None
        and any(p.search(line) for p in TEASER_DATE)
    )


def _link_share(line: str, links: frozenset[str]) -> float:
    """Share of the line that is one link's text; "Linked headline - summary" counts whole.

    The longest link text found in the line, as a share of it, among those of a tenth of it
    or more. The texts are looked up by where they could start (`_LinkIndex`), not tried one
    by one: a transcript of 2,500 lines beside 30,000 archive links took 20 s that way.
    """
    text = LIST_ITEM.sub("", line).strip().lower()
    if not text or not links:
        return 0.0
    if text in links:
        return 1.0
    index, size = _link_index(links), len(text)
    longest = 0
    for start, length in index.occurrences(text, min_length=0.1 * size):
        if start == 0 and _is_linked_headline(text, length):
            return 1.0
        longest = max(longest, length)
    return longest / size if longest else 0.0


def _is_linked_headline(text: str, length: int) -> bool:
    """The line opens with a link text of two words or more, then " - " and a summary."""
    return _words(text[:length]) >= 2 and HEADLINE_SEPARATOR.match(text, length) is not None


@lru_cache(maxsize=2)  # one page's links, asked for by every line of its text
def _link_index(links: frozenset[str]) -> _LinkIndex:
    return _LinkIndex(links)


class _LinkIndex:
    """Link texts by their first characters: where a line holds one, found in about the
    time of reading the line, whatever the number of links. At each place in the line only
    the lengths of the texts opening with its next characters are tried (a page's link
    texts are 3 to 300 characters, crawler.core.metadata), so a line costs its length times
    at most that many look-ups."""

    KEY = 3  # characters; shorter texts are looked for by their length

    def __init__(self, links: frozenset[str]):
        self.links = links
        lengths: dict[str, set[int]] = {}
        short: set[int] = set()
        for link in links:
            if len(link) < self.KEY:
                short.add(len(link))
            else:
                lengths.setdefault(link[: self.KEY], set()).add(len(link))
        self.lengths = {key: sorted(found) for key, found in lengths.items()}
        self.short = sorted(short - {0})

    def occurrences(self, text: str, min_length: float):
        """(start, length) of each link text in `text` at least `min_length` long."""
        links, size = self.links, len(text)
        for length in self.short:
            if length >= min_length:
                for start in range(size - length + 1):
                    if text[start : start + length] in links:
                        yield start, length
        for start in range(size - self.KEY + 1):
            for length in self.lengths.get(text[start : start + self.KEY], ()):
                if length > size - start:
                    break
                if length >= min_length and text[start : start + length] in links:
                    yield start, length


def _drop_trailing_teasers(result: CleanResult, links: frozenset[str]) -> None:
    """A trailing block that is mostly links to other articles, after an article body.

    A page that is mostly such a list (a roundup, a deals post) keeps it: the block is
    removed only when the prose before it is an article of its own.
    """
    lines, teasers, start = result.lines, 0, None
    flags = [_is_teaser(line, links) for line in lines]
    for index in range(len(lines) - 1, 0, -1):
        if start is not None and all(
            not flags[i] and _is_paragraph(lines[i]) for i in (index, index - 1)
        ):
            break  # two paragraphs of prose: the article body above the list
        teasers += flags[index]
        seen = len(lines) - index
        if teasers / seen >= TEASER_SHARE and flags[index]:
            start = index
        elif seen >= 2 * MIN_TEASERS and teasers / seen < TEASER_SHARE / 2:
            break
    if start is None or sum(flags[start:]) < MIN_TEASERS:
        return
    if sum(w for w in map(_words, lines[:start]) if w >= 12) >= MIN_BODY_WORDS:
        result.removed["related"] += len(lines) - start
        del lines[start:]


MIN_LINKED_ITEMS = 2
LINK_LIST_HEADING_WORDS = 6


def _drop_trailing_link_list(result: CleanResult, links: frozenset[str]) -> None:
    """A short heading over list items that are each a whole link, at the end of an article:
    a "Deep Dive" or "More on this" box, too short for _drop_trailing_teasers."""
    lines, start = result.lines, len(result.lines)
    while (
        start > 0
        and LIST_ITEM.match(lines[start - 1])
        and _link_share(lines[start - 1], links) == 1.0
    ):
        start -= 1
    heading = start - 1
    if len(lines) - start < MIN_LINKED_ITEMS or heading < 1:
        return
    if _words(lines[heading]) > LINK_LIST_HEADING_WORDS or not _is_title_like(lines[heading]):
        return
    if sum(w for w in map(_words, lines[:heading]) if w >= 12) >= MIN_BODY_WORDS:
        result.removed["related"] += len(lines) - heading
        del lines[heading:]


def _is_paragraph(line: str) -> bool:
    return _words(line) >= 12 and not LIST_ITEM.match(line)


def _drop_leading_edge(result: CleanResult, title: str | None, authors) -> None:
    """Navigation, a duplicated title and a byline in the first lines of the text."""
    index = 0
    while index < min(LEADING_LINES, len(result.lines) - 1):
        line = result.lines[index]
        kind = _leading_kind(line, title, authors)
        if kind == "duplicate_title" and index > 0:
            _drop_kickers_above(result, index)
            index = 0
            continue
        if kind:
            result.removed[kind] += 1
            del result.lines[index]
            if kind == "byline" and index < len(result.lines) - 1:
                _drop_role_line(result, index)
        elif _words(line) > 16:
            return  # the body has started: nothing below is the leading edge
        else:
            index += 1


MAX_ROLE_LINE_WORDS = 5


def _drop_role_line(result: CleanResult, index: int) -> None:
    """The writer's job title on the line under a byline that went ("By MARIA SANTOS" over
    "Correspondent", "Senior Reporter, Cebu"): a title alone, not a line of the story."""
    line = result.lines[index]
    if _words(line) <= MAX_ROLE_LINE_WORDS and is_title_line(line.split(",")[0]):
        result.removed["byline"] += 1
        del result.lines[index]


MAX_KICKER_WORDS = 6


def _drop_kickers_above(result: CleanResult, title_index: int) -> None:
    """The headline repeated at `title_index`, and the short labels above it: a section's
    name or a kicker set over the headline ("Politics & Government"), which an article
    taken whole with its header leaves first (audit 23). A sentence there stays."""
    for index in range(title_index - 1, -1, -1):
        line = result.lines[index]
        if _words(line) > MAX_KICKER_WORDS or line.endswith((".", "!", "?", ":", '"', "”")):
            break
        if any(ch.isdigit() for ch in line):  # "Coordinates: 42°S 174°E", a date: not a label
            break
        result.removed["navigation"] += 1
        del result.lines[index]
        title_index -= 1
    result.removed["duplicate_title"] += 1
    del result.lines[title_index]


def _leading_kind(line: str, title: str | None, authors) -> str | None:
    # First, at any length: a tabloid's headline runs to thirty words.
    if title and _titled(line, title):
        return "duplicate_title"
    if _words(line) <= MAX_CHROME_WORDS and any(p.search(line) for p in WALL):
        return "paywall"  # an access note over the story: sign-in, free-to-read
    if _words(line) > 16:
        return None
    if any(p.search(line) for p in NAVIGATION) or COUNTER.match(line):
        return "navigation"
    if BARE_COUNT.match(line):
        return "counter"  # Medium's claps and responses over the story
    if STATUS_BADGE.match(line) or any(p.search(line) for p in EDGE_ONLY["ui_control"]):
        return "ui_control"  # a live page's badge set as a line of its own: "LIVE"
    if STANDARDS_HEADING.match(line):
        return "standards"  # "Why You Can Trust CNET" over the story, its box's rest gone
    if any(p.search(line) for p in TIME_STAMP) or BARE_DATE.match(line):
        return "time_stamp"  # "Last updated: March 12, 2026, 1:45 p.m. ET" over the story
    if _is_contact_label(line) and line.split(":", 1)[-1].strip() and ":" in line:
        return "contact"  # a release's "Contact: Mark Sutton, 555-0123" over the story
    if TIME_LABELS_LEFT.match(line):
        return "time_stamp"  # "Posted , updated": the labels of times that are gone
    if BYLINE.match(line) and (not any(authors) or _names_an_author(line, authors)):
        return "byline"
    if _only_names(line, authors):
        return "byline"  # a byline without "By": `<p class="by">Kwame Asante</p>`
    # After the byline's checks: a row led by the author's name is a byline.
    if is_stamp_row(line):
        return "time_stamp"  # "Press release · 5 October 2021", "14:20 | Written by: …"
    return None


def _only_names(line: str, authors) -> bool:
    """The line is the record's authors' names and nothing else ("A", "A and B", "A, B"),
    but for the status, time and job title a byline row carries beside them ("LIVE Tessa
    Moreno and Luis Arriaga · Last updated 10:42 PT", "Kwame Asante · 5 hours ago",
    "Posted February 24, 2026 by Margaret Ellison, club secretary"). A job title is a part
    of its own, after a comma or a bar: "Margaret Ellison visited the club secretary" is a
    sentence."""
    named = False
    for part in _BYLINE_PARTS.split(line):
        rest = f" {_simplify(part)} "
        for name in authors:
            simple = _simplify(name) if name else ""
            if simple and f" {simple} " in rest:
                rest, named = rest.replace(f" {simple} ", " "), True
        other = [w for w in rest.split() if w not in _BYLINE_ROW_WORDS and not _is_time_word(w)]
        if other and (rest != f" {_simplify(part)} " or not names_a_role(" ".join(other))):
            return False
    return named


_BYLINE_PARTS = re.compile(r"[,|·•—–]")


# What a byline row holds beside the names: joiners, a status badge, a time and its labels.
_BYLINE_ROW_WORDS = frozenset(
    ("and", "by", "on", "at", "a", "an", "live", "breaking", "exclusive", "read")
    + ("updated", "update", "last", "published", "posted", "ago", "today", "yesterday")
    + ("hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "day", "days")
    + ("week", "weeks", "am", "pm", "et", "pt", "ct", "mt", "gmt", "utc", "bst", "cet", "cest")
)
_TIME_WORD = re.compile(
    r"\d+(st|nd|rd|th)?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
    r"|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?"
    r"|mon|tue|wed|thu|fri|sat|sun|(mon|tues|wednes|thurs|fri|satur|sun)day"
)


def _is_time_word(word: str) -> bool:
    return _TIME_WORD.fullmatch(word) is not None


# An author's bio after the article runs to a paragraph; one that names a record's author
# as its subject is taken to this length ("Ellen Kowalski is a freelance science
# journalist based in Gdańsk. She writes about …"); unnamed ones keep MAX_CHROME_WORDS.
MAX_BIO_WORDS = 60
_BIO_VERB = re.compile(r"(is|was|has|covers|writes|reports|lives|joined|leads|edits)\b")


def _is_authors_bio(line: str, authors) -> bool:
    if _words(line) > MAX_BIO_WORDS:
        return False
    folded = line.casefold()
    names = [name.casefold() for name in authors if name]  # casefold may lengthen: "ß" "ss"
    return any(
        folded.startswith(name + " ") and _BIO_VERB.match(folded, len(name) + 1) is not None
        for name in names
    )


def _names_an_author(line: str, authors) -> bool:
    """A short "By ..." line with one of the record's authors in it."""
    if _words(line) > MAX_CHROME_WORDS or not BYLINE.match(line):
        return False
    folded = line.casefold()
    return any(name and name.casefold() in folded for name in authors)


def _simplify(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


# A kicker the heading carries before the headline ("LIVE", "Opinion:", "Technology" run
# into the headline's first word when the text joins the two elements): this many characters.
MAX_KICKER_CHARS = 30


def _titled(line: str, title: str) -> bool:
    """The line is the headline, or the headline after the kicker its heading carries; also
    with the page number a paginated article's heading prints and its title leaves out
    (crawler.core.page_numbers)."""
    numbered = without_page_number(line)
    return _headline_line(line, title) or (numbered != line and _headline_line(numbered, title))


def _headline_line(line: str, title: str) -> bool:
    line, title = _simplify(line), _simplify(title)
    if line == title:
        return True
    kicker = len(line) - len(title)
    return len(title.split()) >= 3 and line.endswith(title) and kicker <= MAX_KICKER_CHARS


def _find_original_publisher(lines: list[str]) -> str | None:
    for line in lines:
        if _words(line) > MAX_CHROME_WORDS:
            continue
        match = ORIGINAL_PUBLISHER.search(line)
        if match and not NOT_A_PUBLISHER.match(match.group("publisher")):
            return match.group("publisher").strip(" .")
    return None
