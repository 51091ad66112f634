import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from crawler.cli.main import schema_json
from crawler.core.model import ArticleRecord, content_hash, record_id

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "crawler" / "schema" / "article.v1.json"


def make_record(**overrides) -> dict:
    text = overrides.pop("text", "A short but valid body of text for the record.")
    values = {
        "id": record_id("https://a.example/x"),
        "url": "https://a.example/x?utm_source=y",
        "canonical_url": "https://a.example/x",
        "title": "Title",
        "fetched_at": "2026-11-23T10:00:00+01:00",
        "language": "en",
        "language_confidence": 0.99,
        "text": text,
        "word_count": len(text.split()),
        "content_hash": content_hash(text),
    }
    values.update(overrides)
    return values


def test_committed_schema_matches_the_model():
    assert json.loads(COMMITTED.read_text()) == json.loads(schema_json())


def test_schema_command_prints_the_schema():
    out = subprocess.run(
        [sys.executable, "-m", "crawler", "schema"], cwd=ROOT, capture_output=True, check=True
    )
    assert json.loads(out.stdout) == json.loads(COMMITTED.read_text())


def test_record_round_trips_and_validates_against_schema():
    record = ArticleRecord.model_validate(make_record())
    data = record.to_json_dict()
    jsonschema.validate(data, json.loads(COMMITTED.read_text()))
    assert ArticleRecord.model_validate(data) == record
    assert data["fetched_at"] == "2026-11-23T09:00:00Z"  # normalized to UTC


@pytest.mark.parametrize(
    "bad",
    [
        {"unknown_field": 1},
        {"word_count": 3},
        {"content_hash": "0" * 64},
        {"language": "english"},
        {"published_at": "2026-11-23T10:00:00"},  # naive datetime
        {"title": ""},
        {"url": "file:///etc/passwd"},
    ],
)
def test_invalid_records_are_refused(bad):
    with pytest.raises(ValidationError):
        ArticleRecord.model_validate(make_record(**bad))


def test_assignment_is_validated_too():
    record = ArticleRecord.model_validate(make_record())
    with pytest.raises(ValidationError):
        record.language_confidence = 2.0
