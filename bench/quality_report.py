"""Tables, worst pages, targets and CSVs for bench/quality.py."""

from __future__ import annotations

import csv
from pathlib import Path

from quality_scoring import entities_in, title_key

SYSTEM_ORDER = ("ours", "ours+title", "traf default", "traf precision", "newspaper4k")
HALVES = ("tuning", "check", "all")
FIELDS = ("title", "authors", "date")
WORST = 8
# The targets (issue 13), judged on the check half.
TEXT_TARGETS = {"corpus": ("ours+title", 0.955), "readability": ("ours", 0.955)}
FIELD_TARGETS = {"postlight": {"title": 0.95, "authors": 0.75, "date": 0.90}}


def _systems(rows: list[dict]) -> list[str]:
    present = {system for row in rows for system in row["outputs"]}
    return [system for system in SYSTEM_ORDER if system in present]


def _in_half(rows: list[dict], half: str) -> list[dict]:
    return [row for row in rows if half == "all" or row["page"].half == half]


def _table(rows: list[dict], summarise) -> str:
    has_text = any("text" in row["page"].gold for row in rows)
    fields = [key for key in FIELDS if any(key in row["page"].gold for row in rows)]
    header = ["system", "half", "pages"]
    header += ["text P", "text R", "text F1", "F1<0.5"] if has_text else []
    header += [f"{key} ({_count(rows, key)})" for key in fields] + ["s/page"]
    lines = []
    for system in _systems(rows):
        for half in HALVES:
            s = summarise(_in_half(rows, half), system)
            cells = [system, half, str(s["n"])]
            if has_text:
                cells += [f"{s.get(k, 0.0):.3f}" for k in ("p", "r", "f1")] + [str(s.get("low", 0))]
            cells += [f"{s[key]:.3f}" if key in s else "-" for key in fields]
            cells.append(f"{s['seconds']:.3f}" if half == "all" else "")
            lines.append(cells)
    return _render(header, lines)


def _count(rows: list[dict], key: str) -> int:
    return sum(key in row["page"].gold for row in rows)


def _render(header: list[str], lines: list[list[str]]) -> str:
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        padded = (
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(
        "-" * (w + 1) + ":" if i >= 2 else "-" * (w + 2) for i, w in enumerate(widths)
    )
    return "\n".join([render(header), rule + "|", *(render(cells) for cells in lines)])


def _targets(name: str, rows: list[dict], summarise) -> list[str]:
    check = _in_half(rows, "check")
    peers = [s for s in _systems(rows) if not s.startswith("ours")]
    found = []
    if name in TEXT_TARGETS:
        system, floor = TEXT_TARGETS[name]
        mine = summarise(check, system).get("f1", 0.0)
        best = max((summarise(check, peer).get("f1", 0.0) for peer in peers), default=0.0)
        found.append(f"{system} text F1 {mine:.3f} >= {floor} and >= best peer {best:.3f}: "
                     f"{mine >= floor and mine >= best}")  # fmt: skip
    for key, floor in FIELD_TARGETS.get(name, {}).items():
        mine = summarise(check, "ours").get(key, 0.0)
        found.append(f"ours {key} {mine:.3f} >= {floor}: {mine >= floor}")
    return found


def _worst(rows: list[dict]) -> list[str]:
    """Our lowest text F1 (beside the best peer's), then our field mismatches."""
    lines = []
    texts = [row for row in rows if "text" in row["scores"]["ours"]]
    texts.sort(key=lambda row: row["scores"]["ours"]["text"].f1)
    for row in texts[:WORST]:
        mine = row["scores"]["ours"]["text"]
        peers = [m["text"].f1 for s, m in row["scores"].items() if not s.startswith("ours")]
        best = f"{max(peers):.3f}" if peers else "-"
        lines.append(
            f"  text {row['page'].id} ({row['page'].half}): F1 {mine.f1:.3f} "
            f"(P {mine.precision:.3f} R {mine.recall:.3f}), best peer {best}, "
            f"{row['outputs']['ours']['reason']}"
        )
    for key in FIELDS:
        wrong = [row for row in rows if row["scores"]["ours"].get(key) is False]
        for row in wrong[:WORST]:
            got = row["outputs"]["ours"][key]
            lines.append(f"  {key} {row['page'].id} ({row['page'].half}): got {got!r}, "
                         f"want {row['page'].gold[key]!r}")  # fmt: skip
        if len(wrong) > WORST:
            lines.append(f"  {key}: {len(wrong) - WORST} more in the CSV")
    return lines


def print_set_report(name: str, rows: list[dict], summarise) -> None:
    print(f"## {name} ({len(rows)} pages)\n")
    print(_table(rows, summarise))
    print()
    for line in _targets(name, rows, summarise):
        print(f"target: {line}")
    print("worst pages (ours):")
    for line in _worst(rows):
        print(line)


def hygiene_problems(rows: list[dict]) -> list[str]:
    """HTML entities left in our title, authors, description or text (text: only those the
    gold text does not hold itself), and records whose title is their site's name."""
    problems = []
    for row in rows:
        out, page = row["outputs"]["ours"], row["page"]
        gold_text = page.gold.get("text", "")
        for key in ("title", "authors", "description", "text"):
            found = [e for e in entities_in(out[key]) if key != "text" or e not in gold_text]
            if found:
                problems.append(f"{page.set}/{page.id}: {key} holds {sorted(set(found))}")
        if (
            out["title"]
            and out["site_name"]
            and title_key(out["title"]) == title_key(out["site_name"])
        ):
            problems.append(f"{page.set}/{page.id}: title is the site name {out['title']!r}")
    return problems


def print_hygiene(rows: list[dict]) -> None:
    problems = hygiene_problems(rows)
    print(f"target: no HTML entity, no title equal to its site name: {not problems}")
    for line in problems:
        print(f"  {line}")


def write_csvs(name: str, rows: list[dict], stamp: str, folder: Path) -> list[Path]:
    """Per-page scores and our values: quality-<set>-<UTC>.csv and quality-<set>-latest.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    systems = _systems(rows)
    columns = ["id", "half", "genre"]
    for system in systems:
        columns += [f"{system} {k}" for k in ("P", "R", "F1", *FIELDS)]
    columns += ["our reason", "our title value", "our authors value", "our date value"]
    paths = [folder / f"quality-{name}-{stamp}.csv", folder / f"quality-{name}-latest.csv"]
    for path in paths:
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(_csv_cells(row, systems))
    return paths


def _csv_cells(row: dict, systems: list[str]) -> list[str]:
    page, ours = row["page"], row["outputs"]["ours"]
    cells = [page.id, page.half, page.genre]
    for system in systems:
        marks = row["scores"].get(system, {})
        text = marks.get("text")
        cells += [f"{getattr(text, k):.4f}" if text else "" for k in ("precision", "recall", "f1")]
        cells += ["" if key not in marks else str(int(marks[key])) for key in FIELDS]
    return [*cells, ours["reason"], ours["title"], "; ".join(ours["authors"]), ours["date"] or ""]
