"""Foreign fragments in English pages: what the language step removes and what it keeps.

    python bench/language.py [--set bench/results/langset.jsonl] [--half tune|check|both]
                             [--examples N] [--no-documents]

Runs the pipeline's language step (crawler.core.language: the document's language, then,
in an English document, the line decision) on every page of the dev set built by
bench/langset.py, and prints, per half:

- pages clean: the whole fragment removed and no English paragraph removed;
- fragments left: pages where a line of the fragment survives;
- English paragraphs lost, English interface lines stripped (all, and those under 30
  characters);
- the same by fragment length (short: one line under 30 characters), kind, script, source
  and language;
- the language step's cost per page (ms, this process; the machine may be shared).

Then, unless --no-documents, the English documents of ../shared (corpus and readability
gold texts): how many are not detected as English (false flags) and how many of their lines
the line decision removes. --examples N prints N failures of the tuning half (never of the
check half: it stays unseen while tuning).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.core.language import judge_document, judge_lines, warm_up  # noqa: E402

SHORT = 30
SHARED = ROOT.parent / "shared"


def judge_page(page: dict) -> dict:
    texts = [line["text"] for line in page["lines"]]
    start = time.perf_counter()
    document = judge_document("\n".join(texts)).guess.language  # the pipeline's decision
    elapsed = time.perf_counter() - start
    verdicts = judge_lines(texts) if document == "en" else [None] * len(texts)
    removed = [bool(v) for v in verdicts]
    roles = [line["role"] for line in page["lines"]]
    fragment = [r for r, role in zip(removed, roles, strict=True) if role == "fragment"]
    paragraphs = [r for r, role in zip(removed, roles, strict=True) if role == "paragraph"]
    ui = [(r, len(t)) for r, t, role in zip(removed, texts, roles, strict=True) if role == "ui"]
    left = not all(fragment)
    return {
        "document": document,
        "left": left,
        "paragraphs": len(paragraphs),
        "paragraphs_lost": sum(paragraphs),
        "ui": len(ui),
        "ui_stripped": sum(r for r, _ in ui),
        "ui_short": sum(n < SHORT for _, n in ui),
        "ui_short_stripped": sum(r for r, n in ui if n < SHORT),
        # As the issue counts it: clean + fragment left = 100 % while no paragraph is lost;
        # interface lines stripped are their own figure.
        "clean": not left and not any(paragraphs),
        "seconds": elapsed,
        "removed": removed,
    }


def script_of(page: dict) -> str:
    text = "".join(line["text"] for line in page["lines"] if line["role"] == "fragment")
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in letters)
    return "latin" if letters and latin / len(letters) >= 0.5 else "other"


class Tally:
    def __init__(self):
        self.pages = self.clean = self.left = 0
        self.paragraphs = self.paragraphs_lost = 0
        self.ui = self.ui_stripped = self.ui_short = self.ui_short_stripped = 0
        self.seconds = 0.0

    def add(self, result: dict) -> None:
        self.pages += 1
        self.clean += result["clean"]
        self.left += result["left"]
        for key in ("paragraphs", "paragraphs_lost", "ui", "ui_stripped", "ui_short",
                    "ui_short_stripped", "seconds"):  # fmt: skip
            setattr(self, key, getattr(self, key) + result[key])

    def row(self, name: str) -> str:
        return (
            f"| {name} | {self.pages} | {_pct(self.clean, self.pages)} | "
            f"{_pct(self.left, self.pages)} | {_pct(self.paragraphs_lost, self.paragraphs)} | "
            f"{_pct(self.ui_stripped, self.ui)} | {_pct(self.ui_short_stripped, self.ui_short)} |"
        )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


HEADER = (
    "| {} | pages | clean | fragment left | EN paragraphs lost | EN UI lines stripped | "
    "EN UI < 30 stripped |\n|---|---|---|---|---|---|---|"
)


def report(name: str, pages: list[dict], results: list[dict]) -> None:
    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    total = Tally()
    for page, result in zip(pages, results, strict=True):
        fragment = page["fragment"]
        total.add(result)
        groups["length"]["short" if fragment["short"] else "long"].add(result)
        groups["kind"][fragment["kind"]].add(result)
        groups["script"][script_of(page)].add(result)
        groups["source"][fragment["source"]].add(result)
        groups["language"][fragment["language"]].add(result)
    print(f"\n## {name}: {total.pages} pages, {len(groups['language'])} languages\n")
    print(HEADER.format("set"))
    print(total.row("all"))
    for group in ("length", "kind", "script", "source"):
        print(f"\n{HEADER.format(group)}")
        for key, tally in sorted(groups[group].items()):
            print(tally.row(key))
    ranked = sorted(groups["language"].items(), key=lambda kv: (kv[1].clean / kv[1].pages, kv[0]))
    print("\nlanguages, worst first (clean / pages): " + ", ".join(
        f"{lang} {tally.clean}/{tally.pages}" for lang, tally in ranked[:40]
    ))  # fmt: skip
    documents = sum(r["document"] != "en" for r in results)
    print(f"\npages whose document language was not en (nothing stripped): {documents}")
    print(f"language step per page: {1000 * total.seconds / max(total.pages, 1):.2f} ms")


def examples(pages: list[dict], results: list[dict], count: int) -> None:
    shown = 0
    print(f"\n## up to {count} failures of the tuning half\n")
    for page, result in zip(pages, results, strict=True):
        if page["half"] != "tune" or result["clean"] or shown >= count:
            continue
        shown += 1
        fragment = page["fragment"]
        for line, removed in zip(page["lines"], result["removed"], strict=True):
            wrong = (line["role"] == "fragment") != removed
            if wrong:
                what = "LEFT" if removed is False else "LOST"
                print(f"{what} {line['role']:9} {fragment['language']:6} {fragment['source']:14} "
                      f"{line['text'][:110]}")  # fmt: skip


def shared_documents() -> list[tuple[str, str]]:
    documents = []
    for gold, field in ((SHARED / "corpus" / "gold.jsonl", "gold_text"),
                        (SHARED / "devsets" / "readability" / "gold.jsonl", "text")):  # fmt: skip
        if gold.exists():
            for line in gold.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                if item.get(field):
                    documents.append((item["id"], unicodedata.normalize("NFC", item[field])))
    return documents


def document_check() -> None:
    documents = shared_documents()
    if not documents:
        print("\n../shared is absent: no document check")
        return
    flagged, lines_total, lines_removed = [], 0, 0
    for doc_id, text in documents:
        guess = judge_document(text).guess
        if guess.language != "en":
            flagged.append(f"{doc_id}={guess.language}")
            continue
        lines = [line for line in text.split("\n") if line.strip()]
        verdicts = judge_lines(lines)
        lines_total += len(lines)
        lines_removed += sum(bool(v) for v in verdicts)
    print(
        f"\n## English documents of ../shared (corpus + readability gold texts): {len(documents)}\n"
        f"not detected as en: {len(flagged)} ({_pct(len(flagged), len(documents))}) "
        f"{' '.join(flagged)}\nlines removed as foreign: {lines_removed} of {lines_total} "
        f"({_pct(lines_removed, lines_total)})"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=ROOT / "bench" / "results" / "langset.jsonl")
    parser.add_argument("--half", choices=("tune", "check", "both"), default="both")
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--no-documents", action="store_true")
    args = parser.parse_args(argv)
    if not args.set.exists():
        print(f"{args.set} is missing: build it with python bench/langset.py", file=sys.stderr)
        return 2
    pages = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines()]
    warm_up()
    results = [judge_page(page) for page in pages]
    halves = ("tune", "check") if args.half == "both" else (args.half,)
    for half in halves:
        chosen = [(p, r) for p, r in zip(pages, results, strict=True) if p["half"] == half]
        report(f"{half} half", [p for p, _ in chosen], [r for _, r in chosen])
    if args.examples:
        examples(pages, results, args.examples)
    if not args.no_documents:
        document_check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
