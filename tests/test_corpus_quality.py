"""Extraction quality regression test on the shared Dragnet-subset corpus.

Scores our core (process_page, nothing rejected for language or length)
against the gold article text on every 5th corpus page, with the same
token-level scoring as bench/quality.py. Skipped when ../shared/corpus is
absent. The scoring function itself is unit-tested on hand-made strings.
"""

from __future__ import annotations

import importlib.util
import re
import statistics
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
STEP = 5  # every 5th page: 60 of 300, a few seconds
# Measured mean F1 of `ours` on this subset: 0.929. Floor leaves ~0.03 margin.
MIN_MEAN_F1 = 0.90
REASON = re.compile(r"[a-z][a-z_]*")  # "ok" or a named reject reason such as "no_text"


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_quality", REPO / "bench" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


quality = _load_bench()


# --- scoring function ------------------------------------------------------


def test_score_identical_text_is_perfect():
    s = quality.score("The cat sat.", "the CAT sat")
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_score_partial_overlap():
    # predicted: a b c d (4 tokens), gold: a b e (3 tokens), overlap a b = 2
    s = quality.score("a b c d", "a, b; e")
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_score_counts_repeated_tokens_as_a_multiset():
    # predicted "x x x y" vs gold "x y y": overlap min(3,1) + min(1,2) = 2
    s = quality.score("x x x y", "x y y")
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(2 / 3)


def test_score_empty_prediction_is_zero():
    s = quality.score("", "some gold text")
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_score_both_empty_is_perfect():
    s = quality.score("  ...  ", "")
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_score_no_overlap_is_zero():
    s = quality.score("alpha beta", "gamma delta")
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_tokens_are_lowercased_unicode_words():
    assert quality.tokens("Café AI-news, 2024!") == ["café", "ai", "news", "2024"]


# --- corpus ----------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
def test_core_quality_on_corpus_subset():
    entries = quality.load_gold(CORPUS)[::STEP]
    assert entries, "empty gold.jsonl"
    f1s, unnamed = [], []
    for entry in entries:
        body = (CORPUS / "pages" / f"{entry['id']}.html").read_bytes()
        text, _title, reason = quality.run_ours(body, quality.page_url(entry))  # must not raise
        if not REASON.fullmatch(reason or ""):
            unnamed.append((entry["id"], reason))
        f1s.append(quality.score(text, entry["gold_text"]).f1)
    assert not unnamed, f"pages with unexpected outcomes: {unnamed}"
    mean_f1 = statistics.fmean(f1s)
    assert mean_f1 >= MIN_MEAN_F1, (
        f"mean F1 {mean_f1:.3f} < floor {MIN_MEAN_F1} on {len(f1s)} pages"
    )


# --- matching rules of the other sets (bench/quality_scoring.py) -----------------------------


def test_titles_match_ignoring_case_quotes_and_dashes_but_not_entities():
    assert quality.titles_match(
        "Strava taps AI \u2014 unveils \u2018family\u2019 plan",
        "strava taps AI - unveils 'family' plan",
    )
    assert not quality.titles_match(
        "unveils &#8216;family&#8217; plan", "unveils \u2018family\u2019 plan"
    )
    assert not quality.titles_match("", "")  # no gold title: nothing to match


def test_author_names_are_compared_as_sets_after_splitting_the_same_way():
    assert quality.authors_match(
        ["Josh Haskell", "David Caplan", "Patrick Reevell"],
        "JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL",
    )
    assert quality.authors_match(["Mike Cason"], "By Mike Cason | mcason@al.com")
    assert not quality.authors_match(["Jane O", "8217", "Neil"], "Jane O\u2019Neil")
    assert not quality.authors_match([], "Jane Doe")


def test_dates_match_on_the_utc_day():
    assert quality.dates_match("2016-12-09T04:13:00-05:00", "2016-12-09T09:13:00.000Z")
    assert quality.dates_match("2016-12-09", "2016-12-09T23:59:00Z")
    assert not quality.dates_match("2016-12-09T22:00:00-05:00", "2016-12-09T09:13:00Z")
    assert not quality.dates_match(None, "2016-12-09T09:13:00Z")


def test_halves_are_fixed_by_the_id_alone():
    ids = [f"page-{n}" for n in range(200)]
    halves = [quality.half_of(i) for i in ids]
    assert halves == [quality.half_of(i) for i in ids]
    assert 60 < halves.count("check") < 140
