"""`python -m crawler report RUN_DIR`: a run's ledger and source health as a readable table."""

from __future__ import annotations

import json
import re
from pathlib import Path

RUN_ID = re.compile(r"\d{8}T\d{6}Z(-\d+)?$")  # crawler.runs.output.new_run_dir's names


class RunFileError(ValueError):
    """A run directory's run.json is missing or unreadable; the message names it."""


COLUMNS = ("source", "found", "fetched", "new", "upd", "same", "dup", "rej", "words", "date",
           "author", "image", "top reject")  # fmt: skip


def load_run(run_dir: Path) -> dict:
    path = run_dir / "run.json" if run_dir.is_dir() else run_dir
    try:
        summary = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as error:
        hint = _spider_folder_hint(run_dir)
        if hint:
            raise RunFileError(f"{run_dir} is a spider's folder, not a run: {hint}") from error
        raise RunFileError(f"no run.json at {path} ({_why_no_summary(run_dir)})") from error
    except ValueError as error:
        raise RunFileError(f"{path} is not valid JSON: {error}") from error
    except OSError as error:
        raise RunFileError(f"{path}: cannot read it ({error.strerror})") from error
    counts = summary.get("counts") if isinstance(summary, dict) else None
    if not isinstance(counts, dict) or not all(isinstance(counts.get(k), int) for k in _COUNTS):
        # JSON of another shape ({}, [], null, counts as text): a KeyError traceback in render
        raise RunFileError(f"{path} is not a run.json: no counts of {', '.join(_COUNTS)}")
    sources = summary.get("sources") or {}
    if not isinstance(sources, dict) or not all(isinstance(s, dict) for s in sources.values()):
        raise RunFileError(f"{path} is not a run.json: its sources are not a table")
    return summary


def _why_no_summary(run_dir: Path) -> str:
    """A killed run that a later start recovered says so in recovered.json; "still running,
    or killed?" sent the operator looking for a crawl long over (operator audit 42)."""
    try:
        recovered = json.loads((run_dir / "recovered.json").read_text("utf-8"))
        replayed = int(recovered["records_replayed"])
    except (OSError, ValueError, KeyError, TypeError):
        return "a crawl still running, or killed?"
    return f"the crawl was killed; a later start recovered its {replayed} records"


def _spider_folder_hint(folder: Path) -> str | None:
    """Where to look instead, when `folder` holds runs (OUTPUT_DIR/<spider>) rather than
    being one: "no run.json at output/feeds/run.json (a crawl still running, or killed?)"
    sent the operator looking for a crawl that had never been."""
    if (folder / "latest").is_dir():
        return f"try {folder / 'latest'}"
    runs = sorted(run.parent for run in folder.glob("*/run.json") if RUN_ID.match(run.parent.name))
    return f"try one of its runs, the newest {runs[-1]}" if runs else None


_COUNTS = ("requests", "accepted", "rejected", "skipped", "unaccounted")


def _percent(value) -> str:
    return f"{value:.0%}" if _is_number(value) else "-" if value is None else "?"


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value, default: int = 0) -> str:
    """A count as the table prints it; a hand-edited value of another type ("12", [])
    is shown as "?" (it was a traceback)."""
    value = default if value is None else value
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if _is_number(value) else "?"


def _table(value) -> dict:
    return value if isinstance(value, dict) else {}


def source_rows(sources: dict) -> list[tuple[str, ...]]:
    rows = []
    for name, s in sources.items():
        rejected = {k: v for k, v in _table(s.get("rejected")).items() if _is_number(v)}
        top = max(rejected.items(), key=lambda kv: kv[1], default=None)
        coverage = _table(s.get("coverage"))
        rows.append(
            (
                str(name),
                _number(s.get("discovered")),
                _number(s.get("fetched")),
                _number(s.get("new")),
                _number(s.get("updated")),
                _number(s.get("unchanged")),
                _number(s.get("near_duplicate")),
                _number(sum(rejected.values())),
                _number(s.get("median_words")),
                _percent(coverage.get("date")),
                _percent(coverage.get("author")),
                _percent(coverage.get("image")),
                f"{top[0]} ({_number(top[1])})" if top else "",
            )
        )
    return rows


def format_table(rows: list[tuple[str, ...]], header: tuple[str, ...] = COLUMNS) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in [header, *rows]]  # fmt: skip
    return "\n".join(line.rstrip() for line in lines)


def render(summary: dict) -> str:
    counts = summary["counts"]
    parts = [
        f"Run {summary.get('run_dir')} ({summary.get('spider')}, {summary.get('finish_reason')})",
        f"{summary.get('started_at')} -> {summary.get('finished_at')}",
        "requests {requests}: accepted {accepted}, rejected {rejected}, skipped {skipped}, "
        "unaccounted {unaccounted}".format(**counts),
    ]
    for title, key in (("Rejected", "rejected_by_reason"), ("Skipped", "skipped_by_reason")):
        items = _table(summary.get(key))
        if items:
            parts.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in items.items()))
    if summary.get("sources"):
        parts += ["", format_table(source_rows(summary["sources"]))]
    alerts = summary.get("alerts") or []
    alerts = alerts if isinstance(alerts, list) else [alerts]
    parts += ["", "Alerts:" if alerts else "Alerts: none", *(f"  ! {a}" for a in alerts)]
    return "\n".join(parts)
