"""Golden pages: realistic HTML in `tests/pages/<name>.html`, with what a correct crawler
must produce in `<name>.expected.json` (written from the page, not from crawler output).

Keys of an expected file:

- `_input`: `url`, optional `hints` (fields of `Hints`) and `content_type`.
- `_known_failure`: the core is known to get this page wrong; the case is a strict xfail.
- `reason`: `"ok"` or the reject reason.
- `record` / `rejected_record`: fields compared exactly (nested dicts as subsets), against
  the record's JSON form (UTC datetimes end in `Z`).
- `text_lines`: the whole text, one paragraph a line, in order.
- `text_starts_with`, `text_ends_with`, `text_excludes` (substrings that must not occur).
- `text_has_lines`: lines the text must hold, each a whole line (for a page whose text is
  not pinned whole).
- `flags_include`, `flags_exclude`, `cleaning_includes` (kinds with a count above zero).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.core.model import Hints
from crawler.core.pipeline import process_page

PAGES = Path(__file__).parent / "pages"
FETCHED_AT = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
KNOWN_KEYS = {
    "_input",
    "_known_failure",
    "reason",
    "record",
    "rejected_record",
    "text_lines",
    "text_starts_with",
    "text_ends_with",
    "text_excludes",
    "text_has_lines",
    "flags_include",
    "flags_exclude",
    "cleaning_includes",
}
TEXT_KEYS = KNOWN_KEYS - {"_input", "_known_failure", "reason", "rejected_record"}


def _expected_files() -> list[Path]:
    return sorted(PAGES.glob("*.expected.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _case_name(path: Path) -> str:
    return path.name.removesuffix(".expected.json")


def _cases() -> list[Any]:
    cases = []
    for path in _expected_files():
        why = _load(path).get("_known_failure")
        marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
        cases.append(pytest.param(path, id=_case_name(path), marks=marks))
    return cases


def _forbidden_lines() -> set[str]:
    """Every chrome string named by any page: none may be a whole line of any record."""
    forbidden = set()
    for path in _expected_files():
        forbidden.update(_line_key(s) for s in _load(path).get("text_excludes", []))
    forbidden.discard("")
    return forbidden


def _line_key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _hints(raw: dict[str, Any] | None) -> Hints:
    raw = dict(raw or {})
    for key in ("authors", "tags"):
        if key in raw:
            raw[key] = tuple(raw[key])
    return Hints(**raw)


def _subset_problems(expected: dict[str, Any], actual: dict[str, Any], where: str) -> list[str]:
    problems = []
    for key, want in expected.items():
        if key not in actual:
            problems.append(f"{where}.{key}: missing (want {want!r})")
            continue
        got = actual[key]
        if isinstance(want, dict) and isinstance(got, dict):
            problems += _subset_problems(want, got, f"{where}.{key}")
        elif got != want:
            problems.append(f"{where}.{key}: got {got!r}, want {want!r}")
    return problems


def _text_problems(spec: dict[str, Any], record: dict[str, Any]) -> list[str]:
    text: str = record["text"]
    lines = text.split("\n")
    problems = []
    for chrome in spec.get("text_excludes", []):
        if chrome in text:
            problems.append(f"text contains chrome {chrome!r}")
    if "text_starts_with" in spec and not text.startswith(spec["text_starts_with"]):
        problems.append(f"text starts {text[:80]!r}, want {spec['text_starts_with']!r}")
    problems += [
        f"no line {line!r}" for line in spec.get("text_has_lines", []) if line not in lines
    ]
    if "text_ends_with" in spec and not text.endswith(spec["text_ends_with"]):
        problems.append(f"text ends {text[-80:]!r}, want {spec['text_ends_with']!r}")
    if "text_lines" in spec and lines != spec["text_lines"]:
        want = spec["text_lines"]
        extra = [x for x in lines if x not in want]
        missing = [x for x in want if x not in lines]
        problems.append(f"text lines differ: extra {extra!r}, missing {missing!r}")
    flags = set(record["flags"])
    for flag in spec.get("flags_include", []):
        if flag not in flags:
            problems.append(f"flag {flag!r} missing from {sorted(flags)}")
    for flag in spec.get("flags_exclude", []):
        if flag in flags:
            problems.append(f"flag {flag!r} should not be set ({sorted(flags)})")
    for kind in spec.get("cleaning_includes", []):
        if not record["cleaning"].get(kind):
            problems.append(f"cleaning has no {kind!r}: {record['cleaning']}")
    return problems


def test_every_page_has_an_expectation_and_every_expectation_a_page():
    pages = {p.name.removesuffix(".html") for p in PAGES.glob("*.html")}
    expected = {_case_name(p) for p in _expected_files()}
    assert pages == expected
    assert len(pages) >= 10


@pytest.mark.parametrize("expected_path", _expected_files(), ids=_case_name)
def test_expectation_file_is_well_formed(expected_path: Path):
    spec = _load(expected_path)
    assert set(spec) <= KNOWN_KEYS, set(spec) - KNOWN_KEYS
    assert spec["_input"]["url"].startswith(("http://", "https://"))
    if spec["reason"] != "ok":
        assert not set(spec) & TEXT_KEYS, "a rejected page has no record or text to check"


@pytest.mark.parametrize("expected_path", _cases())
def test_golden_page(expected_path: Path):
    spec = _load(expected_path)
    body = expected_path.with_name(f"{_case_name(expected_path)}.html").read_bytes()
    given = spec["_input"]
    outcome = process_page(
        body,
        given["url"],
        hints=_hints(given.get("hints")),
        content_type=given.get("content_type"),
        fetched_at=FETCHED_AT,
    )
    assert outcome.reason == spec["reason"], outcome.detail

    if spec["reason"] != "ok":
        assert outcome.record is None
        if "rejected_record" in spec:
            assert outcome.rejected_record is not None
            problems = _subset_problems(spec["rejected_record"], outcome.rejected_record, "rej")
            assert not problems, "\n".join(problems)
        return

    assert outcome.record is not None
    record = outcome.record.to_json_dict()
    problems = _subset_problems(spec.get("record", {}), record, "record")
    problems += _text_problems(spec, record)
    forbidden = _forbidden_lines()
    problems += [
        f"text line is chrome named by a golden page: {line!r}"
        for line in record["text"].split("\n")
        if _line_key(line) in forbidden
    ]
    assert not problems, "\n".join(problems)
