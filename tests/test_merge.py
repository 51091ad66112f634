"""`python -m crawler merge`: newest version per record id; bad input is one line, not a
traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from crawler.cli.cluster import merge
from crawler.cli.errors import CommandError
from crawler.demo.runner import PROJECT_ROOT


def run_dir(path, *lines: str):
    path.mkdir(parents=True)
    (path / "articles.jsonl").write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def record(key: str, fetched_at: str, title: str) -> str:
    return json.dumps({"id": key, "fetched_at": fetched_at, "title": title})


def test_newest_version_wins_and_broken_lines_are_counted(tmp_path):
    first = run_dir(tmp_path / "a", record("1", "2026-11-01T00:00:00Z", "old"),
                    record("2", "2026-11-01T00:00:00Z", "two"))  # fmt: skip
    second = run_dir(tmp_path / "b", record("1", "2026-11-02T00:00:00Z", "new"),
                     '{"title": "no id"}', '{"id": "3", "fetched_')  # fmt: skip
    summary = merge([first, second], tmp_path / "out")
    merged = [
        json.loads(x) for x in (tmp_path / "out" / "articles.jsonl").read_text().split("\n") if x
    ]
    assert sorted((r["id"], r["title"]) for r in merged) == [("1", "new"), ("2", "two")]
    assert summary["duplicates_dropped"] == 1 and summary["lines_skipped"] == 2


def test_a_directory_without_articles_is_named_not_a_traceback(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CommandError, match="no articles.jsonl"):
        merge([tmp_path / "empty"], tmp_path / "out")
    done = subprocess.run([sys.executable, "-m", "crawler", "merge", str(tmp_path / "nope"),
                           "-o", str(tmp_path / "out")], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "no articles.jsonl" in done.stderr


def test_a_run_without_run_json_is_merged_and_named(tmp_path):
    """Audit 22: a killed worker's directory was summed in silence, and the merged counts
    did not balance with nothing to say why."""
    finished = run_dir(tmp_path / "w1", record("1", "2026-11-01T00:00:00Z", "one"))
    counts = {"requests": 1, "accepted": 1, "rejected": 0, "skipped": 0, "unaccounted": 0}
    (finished / "run.json").write_text(json.dumps({"counts": counts, "worker": "w1"}))
    killed = run_dir(tmp_path / "w2", record("2", "2026-11-01T00:00:00Z", "two"))
    summary = merge([finished, killed], tmp_path / "out")
    assert summary["records"] == 2 and summary["unfinished_runs"] == [str(killed)]
    done = subprocess.run([sys.executable, "-m", "crawler", "merge", str(finished), str(killed),
                           "-o", str(tmp_path / "out2")], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0 and f"warning: {killed} has no run.json" in done.stderr
