"""Per-source health: what each source yielded this run, and alerts an operator can act on.

A blocked or redesigned publisher shows up as a source that keeps yielding nothing or
whose reject rate jumps; fundus users complain such sources "simply produce no
articles" with no warning. Here they are listed under `alerts` and logged.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

ZERO_RUNS = 3  # this many runs in a row with no articles raises an alert
REJECT_JUMP = 0.3  # reject rate this much above the recent average raises an alert
MIN_FETCHED = 5  # below this many fetches a reject rate says nothing
NO_SOURCE = "(none)"


@dataclass
class SourceTally:
    new: int = 0
    updated: int = 0
    near_duplicate: int = 0
    rejected: Counter = field(default_factory=Counter)
    word_counts: list[int] = field(default_factory=list)
    with_date: int = 0
    with_author: int = 0
    with_image: int = 0


class HealthLedger:
    def __init__(self) -> None:
        self.sources: dict[str, SourceTally] = defaultdict(SourceTally)

    def accepted(self, source: str | None, record: dict) -> None:
        tally = self.sources[source or NO_SOURCE]
        flags = record.get("flags", [])
        if "updated" in flags:
            tally.updated += 1
        else:
            tally.new += 1
        tally.near_duplicate += "near_duplicate" in flags
        tally.word_counts.append(record["word_count"])
        tally.with_date += record.get("published_at") is not None
        tally.with_author += bool(record.get("authors"))
        tally.with_image += record.get("image_url") is not None

    def rejected(self, source: str | None, reason: str) -> None:
        self.sources[source or NO_SOURCE].rejected[reason] += 1

    def summary(self, stats: dict) -> dict[str, dict]:
        names = set(self.sources) | _names_in_stats(stats)
        return {name: self._source_summary(name, stats) for name in sorted(names)}

    def _source_summary(self, name: str, stats: dict) -> dict:
        tally = self.sources[name]
        accepted = tally.new + tally.updated
        prefix = f"source/{name}/"
        http_errors = {
            reason.removeprefix("http_"): count
            for reason, count in tally.rejected.items()
            if reason.startswith("http_")
        }
        return {
            "discovered": stats.get(prefix + "discovered", 0),
            "fetched": stats.get(prefix + "fetched", 0),
            "new": tally.new,
            "updated": tally.updated,
            "near_duplicate": tally.near_duplicate,
            "unchanged": stats.get(prefix + "unchanged", 0),
            "rejected": dict(tally.rejected.most_common()),
            "http_errors": http_errors,
            "median_words": statistics.median(tally.word_counts) if tally.word_counts else 0,
            "coverage": {
                "date": _share(tally.with_date, accepted),
                "author": _share(tally.with_author, accepted),
                "image": _share(tally.with_image, accepted),
            },
        }


def _names_in_stats(stats: dict) -> set[str]:
    return {key.split("/")[1] for key in stats if key.startswith("source/")}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _yielded(summary: dict) -> int:
    # Unchanged articles count: an incremental run of a healthy source may find nothing new.
    return sum(summary.get(key, 0) for key in ("new", "updated", "unchanged"))


def reject_rate(summary: dict) -> float | None:
    rejected = sum(summary.get("rejected", {}).values())
    fetched = summary.get("fetched", 0) or (
        rejected + summary.get("new", 0) + summary.get("updated", 0)
    )
    return rejected / fetched if fetched >= MIN_FETCHED else None


def alerts_for(name: str, current: dict, history: list[dict]) -> list[str]:
    """history: this source's earlier run summaries, newest first."""
    alerts = []
    recent = [current, *history][:ZERO_RUNS]
    if len(recent) == ZERO_RUNS and all(_yielded(r) == 0 for r in recent):
        alerts.append(f"{name}: no articles in the last {ZERO_RUNS} runs")
    rate = reject_rate(current)
    earlier = [r for r in (reject_rate(h) for h in history[:5]) if r is not None]
    if rate is not None and earlier and rate > statistics.mean(earlier) + REJECT_JUMP:
        alerts.append(
            f"{name}: reject rate {rate:.0%} against {statistics.mean(earlier):.0%} before"
        )
    return alerts


def compare_and_record(store, run_id: str, sources: dict[str, dict]) -> list[str]:
    """Each named source's alerts against its history, then this run added to it. A store
    that fails (another process holds the SQLite lock past its timeout, Redis went away)
    costs the comparison, not the run's summary: it was an exception in the spider_closed
    handler, and run.json was never written."""
    alerts: list[str] = []
    for name, current in sources.items():
        if name == NO_SOURCE:
            continue
        try:
            alerts += alerts_for(name, current, store.source_history(name, limit=10))
            store.add_source_run(name, run_id, current)
        except Exception as error:  # the store's own errors: sqlite3, redis, OSError
            return [*alerts, f"source history not read or saved ({type(error).__name__}: "
                             f"{error}): no source was compared with its earlier runs"]  # fmt: skip
    return alerts
