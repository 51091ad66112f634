"""Property tests (hypothesis): the pure core never raises on any input, and keeps its promises.

`PROPERTY_EXAMPLES=2000 pytest tests/test_properties.py` searches harder than CI does.
"""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import UTC, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crawler.core.canonical import (
    canonicalize,
    choose_canonical,
    is_fetchable,
    same_site,
    url_problem,
)
from crawler.core.clean import clean_lines
from crawler.core.language import (
    detect_document,
    foreign_kind,
    latin_share,
    primary_tag,
    strip_foreign_lines,
    warm_up,
)
from crawler.core.model import (
    ArticleRecord,
    Extraction,
    Reject,
    content_hash,
    count_words,
    record_id,
)

SLOW = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# --- URLs -----------------------------------------------------------------------------------
url_chars = st.sampled_from("aZ09-._~:/?#[]@!$&'()*+,;=% \t\n\u00e9\u4e2d\x00")
hosts = st.one_of(
    st.from_regex(r"(www\.)?[a-z0-9-]{1,12}(\.[a-z]{2,6}){1,2}\.?", fullmatch=True),
    st.sampled_from(["[::1]", "[fe80::1%25eth0]", "127.0.0.1", "[", "xn--bcher-kva.example"]),
    st.text(url_chars, max_size=12),
)
urlish = st.builds(
    lambda scheme, host, port, path, query, fragment: (
        f"{scheme}://{host}{port}{path}{'?' + query if query else ''}{fragment}"
    ),
    st.sampled_from(["http", "https", "HTTP", "ftp", "javascript", ""]),
    hosts,
    st.sampled_from(["", ":80", ":443", ":8080", ":99999", ":x", ":"]),
    st.text(url_chars, max_size=30).map(lambda p: "/" + p),
    st.one_of(
        st.text(url_chars, max_size=30),
        st.sampled_from(["utm_source=x&b=2&a=1", "PHPSESSID=1&amp=1", "a=1;b=2"]),
    ),
    st.sampled_from(["", "#top", "#"]),
)
any_url = st.one_of(st.text(), urlish)


@given(any_url)
@example("HTTP://[::]/ #")  # a path ending in a space once the fragment is gone
@example("http://a.com/x/amp #")
@SLOW
def test_canonicalize_is_idempotent_and_never_raises(url):
    once = canonicalize(url)
    assert canonicalize(once) == once


@given(any_url, any_url)
@example("", "A://[")  # an og:url or rel=canonical no parser accepts
@SLOW
def test_url_helpers_never_raise(a, b):
    assert same_site(a, b) == same_site(b, a)  # symmetric
    assert is_fetchable(a) in (True, False)
    assert (url_problem(a) is None) <= is_fetchable(a)  # no problem means fetchable
    chosen = choose_canonical("https://example.com/a/", a, b)
    # a declared canonical is taken only when it stays on the fetched page's site
    assert same_site(chosen, "https://example.com/a/")
    assert chosen == canonicalize(chosen)


# --- Cleaning -------------------------------------------------------------------------------
chrome_lines = st.sampled_from(
    [
        "Share this article",
        "Leave a comment",
        "Related",
        "Related articles",
        "Sign up for our newsletter",
        "Read more",
        "© 2026 Example Media",
        "Photo: Jane Doe/Reuters",
        "Curated from The Example Times",
        "Editorial summary",
        "发表评论",
        "コメントを残す",
        "Kommentar schreiben",
        "Submit",
        "Name *",
        "Email *",
        "Reply",
    ]
)
lines = st.lists(st.one_of(st.text(max_size=200), chrome_lines), max_size=25)


@given(lines, st.one_of(st.none(), st.text(max_size=60)))
@SLOW
def test_cleaning_never_raises_and_only_removes_words(raw_lines, title):
    result = clean_lines(raw_lines, title)
    kept = set(result.text.split())
    assert kept <= {word for line in raw_lines for word in line.split()}
    assert all(line == " ".join(line.split()) and line for line in result.lines)


# --- Language -------------------------------------------------------------------------------
@given(st.text(max_size=3000))
@SLOW
def test_language_step_never_raises_on_any_unicode(text):
    warm_up()
    guess = detect_document(text)
    assert guess.language == "und" or len(guess.language) == 2
    assert 0.0 <= guess.confidence <= 1.0
    kept, removed = strip_foreign_lines(text.split("\n"))
    assert len(kept) + sum(removed.values()) <= len(text.split("\n"))
    for line in text.split("\n")[:20]:
        foreign_kind(line)
        latin_share(line)
    primary_tag(text[:40])


# --- Records --------------------------------------------------------------------------------
def _nfc_text(draw_text: str) -> str:
    text = unicodedata.normalize("NFC", draw_text)
    return text if text.split() else "word"


http_urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"[a-z0-9]{1,10}\.(com|org|ai)", fullmatch=True),
    st.from_regex(r"[a-z0-9/_-]{0,30}", fullmatch=True),
)
aware = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
words = st.text(min_size=1, max_size=40)


@st.composite
def records(draw) -> ArticleRecord:
    text = _nfc_text(draw(st.text(min_size=1, max_size=2000)))
    canonical = draw(http_urls)
    return ArticleRecord(
        id=record_id(canonical),
        url=draw(http_urls),
        canonical_url=canonical,
        source=draw(st.one_of(st.none(), words)),
        site_name=draw(st.one_of(st.none(), words)),
        title=draw(words),
        authors=draw(st.lists(words, max_size=3)),
        published_at=draw(st.one_of(st.none(), aware)),
        updated_at=draw(st.one_of(st.none(), aware)),
        fetched_at=draw(aware),
        description=draw(st.one_of(st.none(), st.text(max_size=200))),
        tags=draw(st.lists(words, max_size=5)),
        image_url=draw(st.one_of(st.none(), http_urls)),
        language=draw(st.sampled_from(["en", "de", "zh", "und"])),
        language_confidence=draw(st.floats(0, 1)),
        declared_language=draw(st.one_of(st.none(), st.sampled_from(["en", "ja"]))),
        text=text,
        word_count=count_words(text),
        content_hash=content_hash(text),
        flags=draw(st.lists(st.sampled_from(["no_date", "short", "aggregator"]), unique=True)),
        cleaning=draw(st.dictionaries(st.sampled_from(["share", "related"]), st.integers(0, 9))),
        extraction=Extraction(published_at_raw=draw(st.one_of(st.none(), st.text(max_size=30)))),
    )


@given(records())
@SLOW
def test_every_record_round_trips_through_json_unchanged(record):
    line = json.dumps(record.to_json_dict(), ensure_ascii=False)
    assert ArticleRecord.model_validate(json.loads(line)) == record
    assert ArticleRecord.model_validate_json(record.model_dump_json()) == record


@given(records(), st.text(), st.one_of(st.none(), st.integers(100, 599)))
@SLOW
def test_every_reject_round_trips_through_json_unchanged(record, detail, status):
    reject = Reject(
        url="http://example.com/x", reason="non_english", detail=detail, http_status=status,
        record=record.to_json_dict(),
    )  # fmt: skip
    line = json.dumps(reject.model_dump(mode="json"), ensure_ascii=False)
    assert Reject.model_validate(json.loads(line)) == reject
