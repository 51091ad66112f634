"""Extraction and metadata quality on every shared set, against trafilatura and newspaper4k.

Sets (under ../shared; none is copied into this repo):

- corpus       300 Dragnet pages: gold text (the headline usually its first line);
- readability  79 pages of Mozilla Readability's tests: text, byline and date as
               Readability expects them;
- postlight    100 pages of the Postlight Parser's tests: title, author, date.

and one in this repo (bench/templates/, bench/README.md):

- templates    270 pages written in the markup of 2023-26 news templates (AP, Reuters, BBC,
               Guardian, Conde Nast, Substack, a live blog, a brief among teaser cards...),
               by writers who did not see our code, with the article's text, title, authors
               and date (bench/README.md lists them). Faults were fixed from the tuning half
               only after the first 40: a regression check, not evidence of generality.

Systems, each on every page:

- ours            crawler.core.pipeline.process_page, languages=(), min_words=1 (a reject
                  scores as empty);
- ours+title      the same with the record title as the text's first line, on the corpus
                  only (its gold starts with the headline, and a summarizer reads both);
- traf default    trafilatura.extract(body, url=url, output_format="json",
                  with_metadata=True), its text then its comments, as its text output
                  gives them (it keeps comments by default);
- traf precision  the same with favor_precision=True, include_comments=False;
- newspaper4k     Article(url).download(input_html=...).parse(), in bench/.venv.

trafilatura runs in spawned processes that never import crawler.core (importing
crawler.core.extract changes trafilatura's module state: crawler.compat.trafilatura), and
newspaper4k in bench/.venv's interpreter (installed there on first use). Matching rules are
in bench/quality_scoring.py. Every set is split into a tuning half and a check half by a
hash of the page id (fixed); both are reported, and the issue's targets are judged on the
check half. Per set: a table, the worst pages, and per-page CSVs in bench/results/.

Run from the repo root:

    python bench/quality.py [--sets corpus,readability,postlight,templates] [--limit N]
                            [--workers N] [--no-newspaper] [--shared PATH]
                            [--templates FOLDER]

--templates scores another folder written in the templates format (gold.jsonl, pages/)
in place of bench/templates: how a page audit is run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing import Pool, get_context
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
for _path in (REPO, BENCH):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from peer_venv import peer_python  # noqa: E402
from quality_report import print_hygiene, print_set_report, write_csvs  # noqa: E402
from quality_scoring import (  # noqa: E402, F401  (tests use these)
    Score,
    authors_match,
    dates_match,
    score,
    titles_match,
    tokens,
)

SHARED = REPO.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus"
PEER_PACKAGES = ["newspaper4k==0.9.6"]
SET_NAMES = ("corpus", "readability", "postlight", "templates")
TEMPLATES = BENCH / "templates"
PEERS = ("traf default", "traf precision", "newspaper4k")


@dataclass(frozen=True)
class Page:
    set: str
    id: str
    path: str
    url: str
    gold: dict = field(default_factory=dict)  # text, title, authors, date: what the set has
    genre: str = ""

    @property
    def half(self) -> str:
        return half_of(self.id)


def half_of(page_id: str) -> str:
    """'tuning' or 'check', fixed by the id alone: a page never changes sides."""
    return "tuning" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "check"


# --- sets -----------------------------------------------------------------------------------
def load_gold(folder: Path) -> list[dict]:
    """A set's entries from gold.jsonl, in file order."""
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def page_url(entry: dict) -> str:
    """The page's declared URL, or a stand-in for pages that declare none."""
    return entry.get("url") or f"http://example.invalid/{entry['id']}"


def _pages(name: str, folder: Path, gold_of) -> list[Page]:
    pages = []
    for entry in load_gold(folder):
        path = folder / (entry.get("file") or f"pages/{entry['id']}.html")
        gold = {key: value for key, value in gold_of(entry).items() if value}
        pages.append(
            Page(name, entry["id"], str(path), page_url(entry), gold, entry.get("genre", ""))
        )
    return pages


def set_folder(name: str, shared: Path, templates: Path = TEMPLATES) -> Path:
    if name == "templates":
        return templates
    return shared / ("corpus" if name == "corpus" else f"devsets/{name}")


def load_set(name: str, shared: Path, templates: Path = TEMPLATES) -> list[Page]:
    if name == "templates":
        return _pages(
            name,
            templates,
            lambda e: {
                "text": e["text"],
                "title": e["title"],
                "authors": ", ".join(e["authors"]),
                "date": e["published"],
            },
        )
    if name == "corpus":
        return _pages(name, shared / "corpus", lambda e: {"text": e["gold_text"]})
    folder = shared / "devsets" / name
    if name == "readability":
        return _pages(
            name,
            folder,
            lambda e: {"text": e["text"], "authors": e["byline"], "date": e["published"]},
        )
    if name == "postlight":
        return _pages(
            name,
            folder,
            lambda e: {
                "title": e["title"],
                "authors": e.get("author"),
                "date": e.get("date_published"),
            },
        )
    raise ValueError(f"unknown set {name!r}")


# --- systems --------------------------------------------------------------------------------
def run_ours(body: bytes, url: str) -> tuple[str, str, str]:
    """Our core with nothing rejected for language or length: (text, title, reason)."""
    result = ours_fields(body, url)
    return result["text"], result["title"], result["reason"]


def ours_fields(body: bytes, url: str) -> dict:
    from crawler.core.pipeline import Options, process_page

    outcome = process_page(body, url, options=Options(languages=(), min_words=1))
    record = outcome.record
    if record is None:
        return _empty(reason=outcome.reason)
    published = record.published_at.isoformat() if record.published_at else None
    return _empty(
        text=record.text,
        title=record.title or "",
        authors=list(record.authors),
        date=published,
        site_name=record.site_name,
        description=record.description,
        reason=outcome.reason,
    )


def _empty(**values) -> dict:
    base = {"text": "", "title": "", "authors": [], "date": None, "reason": "ok"}
    return {**base, "site_name": None, "description": None, "seconds": 0.0, **values}


def evaluate_ours(page: Page) -> dict:
    body = Path(page.path).read_bytes()
    start = time.perf_counter()
    try:
        result = ours_fields(body, page.url)
    except Exception as error:  # a crash is a finding, not a reason to stop the run
        result = _empty(reason=f"crash:{type(error).__name__}", crash=f"{error}"[:300])
    result["seconds"] = time.perf_counter() - start
    return result


def run_trafilatura(page: Page) -> dict:
    """Stock trafilatura, default and precision, in a process that never imported our core."""
    import trafilatura

    body = Path(page.path).read_bytes()
    results = {}
    for name, options in (
        ("traf default", {}),
        ("traf precision", {"favor_precision": True, "include_comments": False}),
    ):
        start = time.perf_counter()
        found = trafilatura.extract(
            body, url=page.url, output_format="json", with_metadata=True, **options
        )
        data = json.loads(found) if found else {}
        authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
        # extract()'s text output appends the comments; its JSON keeps them apart.
        text = "\n".join(filter(None, (data.get("text"), data.get("comments"))))
        results[name] = _empty(
            text=text,
            title=data.get("title") or "",
            authors=authors,
            date=data.get("date"),
            site_name=data.get("sitename"),
            description=data.get("description"),
            seconds=time.perf_counter() - start,
        )
    return results


def run_newspaper(pages: list[Page], workers: int) -> list[dict] | None:
    python = peer_python("newspaper", PEER_PACKAGES)
    if python is None:
        print("newspaper4k unavailable: could not install it into bench/.venv", file=sys.stderr)
        return None
    chunks = [pages[i::workers] for i in range(workers)]
    script = str(BENCH / "newspaper_peer.py")
    running = [
        subprocess.Popen(
            [str(python), script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in chunks
    ]
    by_path = {}
    for process, chunk in zip(running, chunks, strict=True):
        process.stdin.write(json.dumps([[p.path, p.url] for p in chunk]))
        process.stdin.close()
    for process in running:
        for line in process.stdout:
            row = json.loads(line)
            by_path[row["path"]] = _empty(
                **{k: row[k] for k in ("text", "title", "authors", "date", "seconds")}
            )
        process.wait()
    return [by_path.get(page.path, _empty(reason="missing")) for page in pages]


# --- scoring --------------------------------------------------------------------------------
def scored(page: Page, outputs: dict[str, dict]) -> dict:
    """One page's scores for every system that ran."""
    row = {"page": page, "outputs": outputs, "scores": {}}
    for system, out in outputs.items():
        marks: dict = {}
        if "text" in page.gold:
            marks["text"] = score(out["text"], page.gold["text"])
        if "title" in page.gold:
            marks["title"] = titles_match(out["title"], page.gold["title"])
        if "authors" in page.gold:
            marks["authors"] = authors_match(out["authors"], page.gold["authors"])
        if "date" in page.gold:
            marks["date"] = dates_match(out["date"], page.gold["date"])
        row["scores"][system] = marks
    return row


def with_title(out: dict) -> dict:
    text = f"{out['title']}\n{out['text']}" if out["text"] else ""
    return {**out, "text": text}


def summarise(rows: list[dict], system: str) -> dict:
    """Mean text P/R/F1, F1 < 0.5 count, and the share of matched titles, authors, dates."""
    marks = [row["scores"][system] for row in rows if system in row["scores"]]
    texts: list[Score] = [m["text"] for m in marks if "text" in m]
    summary = {"n": len(marks)}
    if texts:
        summary.update(
            p=statistics.fmean(s.precision for s in texts),
            r=statistics.fmean(s.recall for s in texts),
            f1=statistics.fmean(s.f1 for s in texts),
            low=sum(s.f1 < 0.5 for s in texts),
        )
    for key in ("title", "authors", "date"):
        values = [m[key] for m in marks if key in m]
        if values:
            summary[key] = sum(values) / len(values)
            summary[f"{key}_n"] = len(values)
    seconds = [row["outputs"][system]["seconds"] for row in rows if system in row["outputs"]]
    summary["seconds"] = statistics.fmean(seconds) if seconds else 0.0
    return summary


# --- running --------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(SET_NAMES), help="comma-separated")
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder with corpus/, devsets/")
    parser.add_argument("--limit", type=int, default=None, help="the first N pages of each set")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-newspaper", action="store_true", help="skip newspaper4k")
    parser.add_argument("--no-peers", action="store_true", help="ours only (quick iteration)")
    parser.add_argument(
        "--templates", type=Path, default=TEMPLATES,
        help="score this folder (gold.jsonl and pages/, the templates format) as the templates set",
    )  # fmt: skip
    return parser.parse_args(argv)


def run_all(pages: list[Page], args: argparse.Namespace) -> list[dict]:
    workers = max(1, args.workers)
    with Pool(workers) as pool:
        ours = pool.map(evaluate_ours, pages, chunksize=1)
    outputs = [{"ours": out} for out in ours]
    for page, out in zip(pages, outputs, strict=True):
        if page.set == "corpus":
            out["ours+title"] = with_title(out["ours"])
    if not args.no_peers:
        with get_context("spawn").Pool(workers) as pool:
            for out, peers in zip(outputs, pool.map(run_trafilatura, pages), strict=True):
                out.update(peers)
        papers = None if args.no_newspaper else run_newspaper(pages, workers)
        for out, paper in zip(outputs, papers or [], strict=False):
            out["newspaper4k"] = paper
    return [scored(page, out) for page, out in zip(pages, outputs, strict=True)]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = [name.strip() for name in args.sets.split(",") if name.strip()]
    pages: list[Page] = []
    for name in names:
        folder = set_folder(name, args.shared, args.templates)
        if not (folder / "gold.jsonl").is_file():
            print(f"set not found: {folder} (expected gold.jsonl and pages/)", file=sys.stderr)
            return 2
        pages += load_set(name, args.shared, args.templates)[: args.limit]
    start = time.perf_counter()
    rows = run_all(pages, args)
    elapsed = time.perf_counter() - start
    print(f"{len(rows)} pages, {args.workers} workers, {elapsed:.1f} s wall\n")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for name in names:
        subset = [row for row in rows if row["page"].set == name]
        print_set_report(name, subset, summarise)
        for path in write_csvs(name, subset, stamp, BENCH / "results"):
            print(f"wrote {path.relative_to(REPO)}")
        print()
    print_hygiene(rows)
    crashes = Counter(row["page"].set for row in rows if "crash" in row["outputs"]["ours"])
    for name, count in crashes.items():
        print(f"CRASHES in ours on {name}: {count} pages (see the CSV's reason column)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
