"""process_page(): bytes and URL in, an Outcome with a record or a reason out.

Pure: no network, no Scrapy, no global state beyond warmed-up models. The
crawl, `python -m crawler extract` and the benchmarks all call this one
function, so what an operator debugs is what the crawl runs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from pydantic import ValidationError

from crawler.core import fields, paywall
from crawler.core.authors import WIRE_AGENCIES, is_organization, names_in
from crawler.core.canonical import absolute_http_url, choose_canonical, same_site
from crawler.core.clean import clean_lines
from crawler.core.extract import ExtractionFailed, RawArticle, extract_article
from crawler.core.language import judge_document, primary_tag
from crawler.core.model import (
    SHORT_WORDS,
    ArticleRecord,
    Hints,
    Outcome,
    content_hash,
    count_words,
    record_id,
)
from crawler.core.options import Options
from crawler.core.relevance import ai_relevance
from crawler.core.sections import split_sections
from crawler.core.simhash import simhash
from crawler.core.writer_credits import WRITER_CREDIT, credit_names


@dataclass
class _Draft:
    """Cleaned text and the removals that produced it, before validation."""

    text: str
    removed: Counter = field(default_factory=Counter)
    original_publisher: str | None = None
    is_aggregator: bool = False
    reprint_byline: str | None = None
    truncated: bool = False  # a wall or the declared paid part was cut from the text
    walled: bool = False  # the text ends where a wall the extraction dropped stood


def process_page(
    body: bytes,
    url: str,
    hints: Hints | None = None,
    options: Options | None = None,
    content_type: str | None = None,
    fetched_at: datetime | None = None,
) -> Outcome:
    hints, options = hints or Hints(), options or Options()
    try:
        raw = extract_article(
            body, url, content_type, options.favor_precision, options.languages, options.max_words
        )
    except ExtractionFailed as failure:
        return Outcome(None, failure.reason, failure.detail)
    site_name = fields.resolve_site_name(raw.page, raw.found, url)
    title, title_source = fields.resolve_title(raw.page, raw.found, hints, site_name)
    if fields.is_error_page(title, raw.page.title_tag):
        return Outcome(None, "soft_404", f"an error page served as 200: {title!r}"[:300])
    authors = fields.resolve_authors(raw.page, raw.found, hints, site_name)
    draft = _clean(raw, title, authors)
    authors = _reprinted_authors(draft) or _wire_reporters(draft.text, authors) or authors
    authors = authors or _credited_writer(draft.text) or _wire_agency(draft.text)
    language = judge_document(draft.text, raw.code_lines)
    guess = language.guess
    if language.lines is not None:  # English: its foreign lines go
        draft.text = "\n".join(language.lines)
        draft.removed.update(language.removed)
    words = count_words(draft.text)
    if words < options.min_words:
        paid = "; the rest is the paid part" if draft.removed.get("paywall") else ""
        return Outcome(None, "too_short", f"{words} words after cleaning{paid}")
    if words > options.max_words:
        return Outcome(None, "too_long", f"{words} words after cleaning")
    if not title:
        title, title_source = fields.title_from_text(draft.text)
    if not title:
        return Outcome(None, "no_title", "no title in page, metadata, hints or text")
    values = _record_values(raw, url, hints, draft, (title, title_source), authors, site_name)
    values |= _language_values(guess)
    values["fetched_at"] = fetched_at or datetime.now(UTC)
    values["ai_relevance"] = ai_relevance(title, values["tags"], draft.text)
    off_topic = guess.language == "en" and _is_off_topic(values["ai_relevance"], hints, options)
    paywalled = (
        paywall.declared(raw.page.jsonld) or bool(draft.removed.get("paywall")) or draft.walled
    )
    truncated = draft.truncated or paywall.words_missing(raw.page.jsonld, values["word_count"])
    values["flags"] = _flags(
        values, guess.foreign, draft.is_aggregator, off_topic, paywalled, truncated
    )
    try:
        record = ArticleRecord.model_validate(values)
    except ValidationError as error:
        return Outcome(None, "validation_error", str(error)[:2000])
    outcome = _language_verdict(record, options)
    if outcome.accepted and "off_topic" in record.flags and not options.keep_off_topic:
        detail = f"ai_relevance {record.ai_relevance} < {options.ai_relevance_threshold}"
        return Outcome(None, "off_topic", detail, rejected_record=record.to_json_dict())
    if outcome.accepted:
        outcome = replace(outcome, simhash=simhash(record.text))
    return outcome


def _is_off_topic(score: float, hints: Hints, options: Options) -> bool:
    """Only English records from a catalogue source not marked ai_only are judged: an
    ad-hoc URL list is the operator's own choice, an AI-only source is on topic by
    definition, and the lexicon is English."""
    return bool(hints.source) and not hints.ai_only and score < options.ai_relevance_threshold


def _clean(raw: RawArticle, title: str | None, authors: list[str]) -> _Draft:
    text = unicodedata.normalize("NFC", raw.text)
    lines, paid = paywall.without_paid_part(text.split("\n"), raw.paid_lines)
    result = clean_lines(lines, title, authors, raw.page.link_texts, raw.headings, raw.code_lines)
    result.removed["paywall"] += paid
    walled = paywall.ends_before_wall(result.lines, raw.before_wall)
    return _Draft(
        result.text,
        result.removed,
        # Said in the text ("Originally published in X"), else by a link in the chrome.
        result.original_publisher or raw.page.original_publisher,
        result.is_aggregator,
        result.reprint_byline,
        truncated=result.ends_at_wall or bool(paid) or walled,
        walled=walled,
    )


# A wire story's credit line at its end: "(Reporting by Ji-won Seo and Hyunwoo Cha in
# Seoul; Writing by Ann Lee; Editing by Miral Fahmy)". Not "Additional reporting by".
_WIRE_CREDIT = re.compile(r"^\(?(reporting|writing) by (?P<names>[^;)]+)", re.IGNORECASE)
_WIRE_CREDIT_PART = re.compile(r"(?:^\(?|;\s*)(?:reporting|writing) by ([^;)]+)", re.IGNORECASE)
CREDIT_LINES = 3  # the credit is among the text's last lines


def _wire_reporters(text: str, authors: list[str]) -> list[str]:
    """The reporters a wire story credits at its end, when the byline names only the wire
    ("Reuters"): they are the people who wrote it."""
    if not authors or not all(map(is_organization, authors)):
        return []
    for line in text.split("\n")[-CREDIT_LINES:]:
        if _WIRE_CREDIT.match(line.strip()):
            parts = _WIRE_CREDIT_PART.findall(line.strip())
            return [name for part in parts for name in names_in(part)]
    return []


# A writer the text itself credits at its edge, on a page that names no author anywhere
# else: "Guest post by Amara Okafor", "This article was written by Chidi Okonkwo, a PhD
# student at …" (crawler.core.writer_credits reads the same credit in the page's markup,
# where the text may have left it out).
def _credited_writer(text: str) -> list[str]:
    lines = text.split("\n")
    for line in (*lines[:CREDIT_LINES], *lines[-CREDIT_LINES:]):
        match = WRITER_CREDIT.match(line.strip())
        if match:
            return list(credit_names(match["names"]))
    return []


# A name as the wire spells it, or in capitals ("— BERNAMA").
_AGENCY_SPELLINGS = {name: name for name in WIRE_AGENCIES} | {
    name.upper(): name for name in WIRE_AGENCIES
}
_AGENCY = "|".join(sorted(_AGENCY_SPELLINGS, key=len, reverse=True))
# A wire story's dateline names the agency that wrote it: "WASHINGTON (AP) — …",
# "LONDON, June 5 (Reuters) - …". On a page that names no author anywhere else, the agency
# is the author, as it would be had the byline named it (audit 23: the record had none).
_DATELINE_AGENCY = re.compile(rf"^[A-Z][\w .,'’-]{{1,60}}\((?P<agency>{_AGENCY})\)\s*[—–-]")
# Or the credit closes the story, as Malaysian, Indian and other wire subscribers print it:
# "… next year. — Bernama", "-- PTI" below the text, "(Reuters)", "(With inputs from PTI)".
# After a sentence's stop, or on a line of its own: "(CP)" after "cerebral palsy" and
# "- PA" after an address are no credits (the review).
_CLOSING_AGENCY = re.compile(
    rf"(?:^|(?<=[.!?”\"])\s*)(?:(?:[—–]|--?)\s*(?P<agency>{_AGENCY})"
    rf"|\((?i:with inputs from\s+)?(?P<inner>{_AGENCY})\))\.?$"
)
# Letters that are an abbreviation as often (Andhra Pradesh, Pennsylvania, a nursing
# assistant): only a line of their own.
_AMBIGUOUS_AGENCIES = frozenset({"AP", "PA", "CP", "CNA", "ANI"})


def _wire_agency(text: str) -> list[str]:
    """The agency a wire story's dateline or closing credit names."""
    dateline = _DATELINE_AGENCY.match(text.lstrip())
    if dateline:
        return [_AGENCY_SPELLINGS[dateline["agency"]]]
    credit = _CLOSING_AGENCY.search(text.rstrip().rsplit("\n", 1)[-1].strip())
    if credit is None:
        return []
    agency = _AGENCY_SPELLINGS[credit["agency"] or credit["inner"]]
    if agency in _AMBIGUOUS_AGENCIES and credit.start() > 0:
        return []
    return [agency]


def _reprinted_authors(draft: _Draft) -> list[str]:
    """A reprinted story's writers, from its own byline, less its outlet: the newsletter's
    editor, named by the page's metadata, did not write it."""
    if not draft.reprint_byline:
        return []
    outlet = (draft.original_publisher or "").casefold()
    return [name for name in names_in(draft.reprint_byline) if name.casefold() != outlet]


def _language_verdict(record: ArticleRecord, options: Options) -> Outcome:
    if not options.languages or record.language in options.languages:
        return Outcome(record, "ok")
    # "und" and flagged non_english: not English, in a language no profile names.
    unnamed = record.language == "und" and "non_english" in record.flags
    if record.language == "und" and not unnamed:
        reason = "language_undetermined"
    else:
        reason = "non_english" if options.languages == ("en",) else "unwanted_language"
    detail = "not English; no profile names its language" if unnamed else None
    return Outcome(
        None,
        reason,
        detail or f"detected {record.language}",
        rejected_record=record.to_json_dict(),
    )


def _record_values(raw, url, hints, draft, titled, authors, site_name) -> dict:
    page, found = raw.page, raw.found
    title, title_source = fields.bounded_title(titled[0]), titled[1]
    published, date_source, date_raw = fields.resolve_published(page, found, url, hints)
    # The page's relative URLs resolve against its <base href>, as a browser resolves them.
    base = absolute_http_url(url, page.base_href) or url
    canonical = choose_canonical(url, page.canonical, page.first("og:url"), base=base)
    original_url = _original_url(page.original_link, url, base)
    declared = primary_tag(page.html_lang) or primary_tag(page.first("og:locale"))
    image = fields.resolve_image(page, found, base)
    return dict(
        id=record_id(canonical),
        url=url,
        canonical_url=canonical,
        source=hints.source,
        site_name=site_name,
        title=title,
        authors=authors,
        published_at=published,
        updated_at=fields.resolve_updated(page, hints),
        description=fields.resolve_description(page, found, hints),
        tags=fields.resolve_tags(page, found, hints),
        image_url=image,
        declared_language=declared,
        text=draft.text,
        sections=split_sections(draft.text.split("\n"), raw.headings),
        word_count=count_words(draft.text),
        content_hash=content_hash(draft.text),
        original_url=original_url,
        original_publisher=draft.original_publisher,
        cleaning={kind: count for kind, count in sorted(draft.removed.items()) if count},
        extraction={
            "method": raw.method,
            "title_source": title_source,
            "date_source": date_source,
            "published_at_raw": date_raw,
        },
    )


def _original_url(link: str | None, url: str, base: str) -> str | None:
    absolute = absolute_http_url(base, link)
    return absolute if absolute and not same_site(absolute, url) else None


def _language_values(guess) -> dict:
    return {"language": guess.language, "language_confidence": guess.confidence}


def _flags(
    values: dict,
    foreign: bool,
    aggregator: bool,
    off_topic: bool,
    paywalled: bool,
    truncated: bool,
) -> list[str]:
    removed, language = values["cleaning"], values["language"]
    declared = values["declared_language"]
    original = bool(values["original_publisher"] or values["original_url"])
    checks = {
        "no_date": values["published_at"] is None,
        "no_author": not values["authors"],
        "short": values["word_count"] < SHORT_WORDS,
        "aggregator": aggregator,
        "syndicated": original and not aggregator,
        "foreign_fragments_removed": bool(
            removed.get("foreign_script") or removed.get("foreign_language")
        ),
        "language_undetermined": language == "und" and not foreign,
        "non_english": foreign,
        "off_topic": off_topic,
        "declared_language_mismatch": bool(declared) and language not in ("und", declared),
        "paywalled": paywalled,
        "truncated": truncated,
    }
    return [flag for flag, applies in checks.items() if applies]
