"""Throughput and memory: our crawl against trafilatura alone, its CLI and news-please.

One command, all figures from one run so they are comparable:

    .venv/bin/python bench/throughput.py [--n 3000] [--memory-sizes 1000,5000] [--no-peers]
                                         [--rounds 1]

1. A threaded stdlib HTTP server on 127.0.0.1 serves a page set: the demo web's
   article pages plus ../shared/corpus/pages/*.html, repeated to N URLs with
   distinct paths.
2. Systems, each a subprocess over the same N pages:
   - ours: `scrapy crawl urls` with politeness off (`-s`), default EXTRACT_WORKERS;
   - floor: trafilatura `extract(body, include_comments=False, with_metadata=True,
     output_format="json")` over the N bodies in one process, no network;
   - trafilatura CLI: `trafilatura -i urls --parallel 2` (SLEEP_TIME = 0,
     SSRF_PROTECTION = off, so it accepts loopback);
   - news-please: `NewsPlease.from_urls(urls, fetch_images=False)`, from bench/.venv.
3. For each: pages/s (N / wall time, start-up included), CPU seconds per page
   (the whole process tree), and the peak over the run of the summed RSS and PSS
   of the process tree (sampled from /proc every 0.1 s; PSS counts shared pages
   once), plus the largest single process.
   With --rounds K, every system runs K times, the order reversed every other round,
   and the table keeps each system's fastest round (its note lists every round).
4. Ours again at each --memory-sizes N: peak memory must not grow with the crawl.
5. The share of language detection in our per-page cost, in this process.

Peers live in bench/.venv (git-ignored), made on first use:
`python3 -m venv bench/.venv && bench/.venv/bin/pip install news-please`.
If news-please cannot be installed, it is reported as unavailable.
Linux only (/proc, prctl). Numbers on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for _path in (REPO, REPO / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from peer_venv import peer_python  # noqa: E402

CORPUS_PAGES = REPO.parent / "shared" / "corpus" / "pages"
DEMO = REPO / "crawler" / "demo"
PEER_PACKAGES = ["news-please"]
OURS_SETTINGS = {
    "ROBOTSTXT_OBEY": "0",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "0",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
    "LOG_LEVEL": "INFO",  # INFO only adds the final stats dump (extract/in_flight_max)
    "ALLOWED_PRIVATE_HOSTS": "127.0.0.1,localhost",
    "PROGRESS_INTERVAL": "0",
}
FLOOR_SCRIPT = """
import sys
from pathlib import Path
from trafilatura import extract
bodies = [p.read_bytes() for p in sorted(Path(sys.argv[1]).iterdir())]
done = 0
for i in range(int(sys.argv[2])):
    body = bodies[i % len(bodies)]
    json = extract(body, include_comments=False, with_metadata=True, output_format="json")
    done += json is not None
print(done)
"""
# news-please 1.6.16's from_urls reads request_args["timeout"] when collecting results and,
# with request_args=None, turns every page into {}: pass a timeout.
NEWSPLEASE_SCRIPT = """
import sys
from newsplease import NewsPlease
urls = open(sys.argv[1]).read().split()
articles = NewsPlease.from_urls(urls, request_args={"timeout": 60}, fetch_images=False)
print(sum(1 for a in articles.values() if a is not None and getattr(a, "maintext", None)))
"""
TRAFILATURA_CONFIG = "[DEFAULT]\nSLEEP_TIME = 0\nSSRF_PROTECTION = off\n"


# --- page set and server -------------------------------------------------------------------
def page_set(origin: str) -> list[tuple[str, bytes]]:
    """(name, body) of every demo article and corpus page."""
    from crawler.demo.server import PLACEHOLDER

    pages = []
    manifest = json.loads((DEMO / "manifest.json").read_text("utf-8"))
    for site in manifest["sites"]:
        for entry in (p for p in site["paths"] if p["kind"] == "article"):
            path = entry["path"] + ("index.html" if entry["path"].endswith("/") else "")
            text = (DEMO / "sites" / site["site"] / path.lstrip("/")).read_text("utf-8")
            name = f"{site['site']}-{Path(entry['path'].rstrip('/')).stem}.html"
            pages.append((name, PLACEHOLDER.sub(origin, text).encode("utf-8")))
    pages += [(p.name, p.read_bytes()) for p in sorted(CORPUS_PAGES.glob("*.html"))]
    return pages


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 (stdlib name)
        body = self.server.routes.get(self.path)
        self.send_response(200 if body is not None else 404)
        body = body if body is not None else b"not found"
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class PageServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.origin = f"http://127.0.0.1:{self.server_address[1]}"
        self.pages = page_set(self.origin)
        self.routes: dict[str, bytes] = {}
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def urls(self, n: int) -> list[str]:
        """N distinct URLs cycling over the page set."""
        urls = []
        for i in range(n):
            name, body = self.pages[i % len(self.pages)]
            self.routes[f"/p/{i}/{name}"] = body
            urls.append(f"{self.origin}/p/{i}/{name}")
        return urls


# --- measuring a process tree --------------------------------------------------------------
@dataclass
class Run:
    name: str
    n: int
    wall: float = 0.0
    cpu: float = 0.0
    rss_sum: int = 0  # peak over samples of the summed RSS of the tree, bytes
    pss_sum: int = 0
    rss_max: int = 0  # largest single process
    processes: int = 0
    leftover: int = 0  # descendants still alive 10 s after the main process exited
    returncode: int = 0
    output: str = ""
    note: str = ""

    @property
    def rate(self) -> float:
        return self.n / self.wall if self.wall else 0.0


def _become_subreaper() -> None:
    """Orphans of the measured tree (forkservers, resource trackers) are reparented to us,
    so their CPU time is counted when we reap them and none escapes the sampling."""
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _descendants() -> list[int]:
    me, children = os.getpid(), {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], list(children.get(me, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes, (0, 0) once the process is gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = {line.split(":")[0]: line.split()[1] for line in rollup.splitlines()[1:]}
    return int(fields.get("Rss", 0)) * 1024, int(fields.get("Pss", 0)) * 1024


def _sample(run: Run, stop: threading.Event) -> None:
    seen = set()
    while not stop.wait(0.1):
        pids = _descendants()
        seen.update(pids)
        memory = [_memory(pid) for pid in pids]
        run.rss_sum = max(run.rss_sum, sum(m[0] for m in memory))
        run.pss_sum = max(run.pss_sum, sum(m[1] for m in memory))
        run.rss_max = max([run.rss_max] + [m[0] for m in memory])
    run.processes = len(seen)


def measure(name: str, n: int, command: list[str], cwd: Path = REPO) -> Run:
    run = Run(name, n)
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(run, stop), daemon=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+") as log:
        started = time.monotonic()
        sampler.start()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        run.returncode = process.wait()
        run.wall = time.monotonic() - started
        run.leftover = _reap_orphans()
        stop.set()
        sampler.join()
        log.seek(0)
        run.output = log.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return run


def _reap_orphans(grace: float = 10.0) -> int:
    """Wait for the rest of the tree; kill and count what is still alive after `grace` s."""
    deadline, leftover = time.monotonic() + grace, 0
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return leftover
        if pid == 0 and time.monotonic() > deadline:
            for stray in _descendants():
                leftover += 1
                os.kill(stray, 9)
            deadline = float("inf")
        elif pid == 0:
            time.sleep(0.05)


# --- the systems ---------------------------------------------------------------------------
def run_ours(urls: list[str], work: Path, label: str = "ours", **extra: str) -> Run:
    """A fresh OUTPUT_DIR each run, so the state store (OUTPUT_DIR/state.sqlite3) is new."""
    urls_file = work / f"urls-{len(urls)}.txt"
    urls_file.write_text("\n".join(urls) + "\n")
    output = work / f"out-{len(list(work.glob('out-*')))}"
    command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"urls_file={urls_file}"]
    for key, value in {**OURS_SETTINGS, "OUTPUT_DIR": str(output), **extra}.items():
        command += ["-s", f"{key}={value}"]
    run = measure(label, len(urls), command)
    runs = sorted((output / "urls").glob("*/run.json"))
    if runs:
        summary = json.loads(runs[-1].read_text())
        counts, reasons = summary["counts"], summary.get("rejected_by_reason", {})
        top = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])[:4])
        run.note = f"accepted {counts['accepted']}, rejected {counts['rejected']} ({top})"
    in_flight = _stat(run.output, "extract/in_flight_max")
    run.note += f"; pages in the pool at most {in_flight}"
    return run


def _stat(log: str, key: str) -> str:
    marker = f"'{key}': "
    at = log.find(marker)
    return log[at + len(marker) :].split(",")[0].split("}")[0] if at >= 0 else "?"


def run_floor(server: PageServer, n: int, work: Path) -> Run:
    folder = work / "bodies"
    folder.mkdir(exist_ok=True)
    for i, (name, body) in enumerate(server.pages):
        (folder / f"{i:04d}-{name}").write_bytes(body)
    run = measure("trafilatura floor", n, [sys.executable, "-c", FLOOR_SCRIPT, str(folder), str(n)])
    run.note = f"{run.output.strip().splitlines()[-1] if run.output.strip() else '?'} extracted"
    return run


def run_trafilatura_cli(urls: list[str], work: Path) -> Run:
    urls_file, config = work / "cli-urls.txt", work / "trafilatura.cfg"
    out = work / f"cli-out-{len(list(work.glob('cli-out-*')))}"  # a fresh one every round
    urls_file.write_text("\n".join(urls) + "\n")
    config.write_text(TRAFILATURA_CONFIG)
    out.mkdir(exist_ok=True)
    command = [
        str(Path(sys.executable).with_name("trafilatura")),
        *("-i", str(urls_file), "--parallel", "2", "--config-file", str(config)),
        *("-o", str(out), "--json", "--with-metadata", "--no-comments"),
    ]
    run = measure("trafilatura CLI --parallel 2", len(urls), command)
    # Files go to numbered folders of 1,000; identical texts in one folder share a name.
    run.note = f"{sum(1 for _ in out.rglob('*.json'))} files written"
    return run


def run_newsplease(urls: list[str], work: Path) -> Run | None:
    python = peer_python("newsplease", PEER_PACKAGES)
    if python is None:
        return None
    urls_file = work / "np-urls.txt"
    urls_file.write_text("\n".join(urls) + "\n")
    command = [str(python), "-c", NEWSPLEASE_SCRIPT, str(urls_file)]
    run = measure("news-please from_urls", len(urls), command)
    lines = run.output.strip().splitlines()
    run.note = f"{lines[-1] if lines else '?'} articles with main text"
    return run


# --- language detection's share of our per-page cost ---------------------------------------
def language_share(pages: list[tuple[str, bytes]], origin: str) -> str:
    """Time process_page on every distinct page in this process, with timers around the
    language steps it calls and around langdetect itself."""
    import crawler.core.language as language
    import crawler.core.pipeline as pipeline

    # judge_document is the whole decision; within it, detect_document (the first opinion)
    # and judge_lines (the lines of a text that may be English).
    names = ("decision", "document", "lines", "langdetect")
    timers = {name: [0.0, 0] for name in names}

    def timed(name, func):
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                timers[name][0] += time.process_time() - started
                timers[name][1] += 1

        return wrapper

    originals = (
        pipeline.judge_document,
        language.detect_document,
        language.judge_lines,
        language.detect_langs,
    )
    pipeline.judge_document = timed("decision", originals[0])
    language.detect_document = timed("document", originals[1])
    language.judge_lines = timed("lines", originals[2])
    language.detect_langs = timed("langdetect", originals[3])
    try:
        language.warm_up()
        for name in timers:
            timers[name][:] = [0.0, 0]
        started = time.process_time()
        for i, (name, body) in enumerate(pages):
            pipeline.process_page(body, f"{origin}/p/{i}/{name}")
        total = time.process_time() - started
    finally:
        (
            pipeline.judge_document,
            language.detect_document,
            language.judge_lines,
            language.detect_langs,
        ) = originals
    n, ms = len(pages), 1000 / len(pages)
    steps = timers["decision"][0]
    return (
        f"per page over {n} distinct pages: total {total * ms:.1f} ms; language detection "
        f"{steps * ms:.1f} ms ({steps / total:.1%}: document {timers['document'][0] * ms:.1f} ms, "
        f"lines {timers['lines'][0] * ms:.1f} ms); of which langdetect itself "
        f"{timers['langdetect'][0] * ms:.1f} ms ({timers['langdetect'][0] / total:.1%}), "
        f"{timers['langdetect'][1] / n:.2f} calls a page"
    )


# --- report --------------------------------------------------------------------------------
def _mb(n: int) -> str:
    return f"{n / 2**20:.0f}"


def print_table(runs: list[Run]) -> None:
    print(
        f"{'system':<30}{'pages':>6}{'pages/s':>9}{'cpu s/page':>11}{'RSS sum MB':>11}"
        f"{'PSS sum MB':>11}{'max proc MB':>12}{'procs':>6}{'exit':>5}"
    )
    for r in runs:
        print(
            f"{r.name:<30}{r.n:>6}{r.rate:>9.1f}{r.cpu / r.n:>11.4f}{_mb(r.rss_sum):>11}"
            f"{_mb(r.pss_sum):>11}{_mb(r.rss_max):>12}{r.processes:>6}{r.returncode:>5}"
        )
    for r in runs:
        leftover = f"; {r.leftover} processes left behind" if r.leftover else ""
        print(f"  {r.name}: {r.note}{leftover}")


def print_targets(ours: Run, peers: dict[str, Run | None], memory: list[Run]) -> None:
    print("\nRatios, ours / peer (pages/s):")
    goals = {"trafilatura floor": 1.6, "trafilatura CLI --parallel 2": 2.5,
             "news-please from_urls": 4.0}  # fmt: skip
    for name, goal in goals.items():
        if name not in peers:
            continue  # --no-peers
        peer = peers[name]
        if peer is None:
            print(f"  {name:<30} unavailable (could not be installed)")
            continue
        ratio = ours.rate / peer.rate if peer.rate else float("inf")
        print(f"  {name:<30} {ratio:5.2f}x   target >= {goal}x: {_verdict(ratio >= goal)}")
    if len(memory) >= 2:
        small, large = memory[0], memory[-1]
        for label, key in (("RSS", "rss_sum"), ("PSS", "pss_sum")):
            a, b = getattr(small, key), getattr(large, key)
            print(
                f"  peak {label} sum at {small.n} / {large.n} pages: {_mb(a)} / {_mb(b)} MB "
                f"({b / a - 1:+.1%}; target < 400 MB: {_verdict(b < 400 * 2**20)}, "
                f"within 15 %: {_verdict(abs(b / a - 1) <= 0.15)})"
            )


def run_rounds(systems: dict, rounds: int) -> dict[str, Run | None]:
    """Each system `rounds` times, the order reversed every other round; each one's fastest.

    This machine's speed drifts by 15 % and more within minutes. Alternating the order
    gives every system both early and late slots, and taking each system's best round,
    as timeit does, compares them at their least disturbed.
    """
    runs: dict[str, list[Run]] = {name: [] for name in systems}
    for round_number in range(rounds):
        order = list(systems) if round_number % 2 == 0 else list(systems)[::-1]
        for name in order:
            run = systems[name]()
            if run is not None:
                runs[name].append(run)
    best: dict[str, Run | None] = {}
    for name, done in runs.items():
        # a round that failed (exit status) is quick, not fast: it never counts as best
        passed = [run for run in done if run.returncode == 0] or done[-1:]
        best[name] = max(passed, key=lambda run: run.rate) if passed else None
        if best[name] is not None and len(done) > 1:
            rates = ", ".join(f"{run.rate:.1f}" for run in done)
            best[name].note += f"; best of {len(done)} rounds ({rates} pages/s)"
    return best


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=3000, help="URLs in the main comparison")
    parser.add_argument("--memory-sizes", default="1000,5000", help="crawl sizes for memory")
    parser.add_argument("--no-peers", action="store_true", help="ours only (and the floor)")
    parser.add_argument(
        "--rounds", type=int, default=1, help="run every system this often; keep each one's best"
    )
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if not CORPUS_PAGES.is_dir():
        print(f"corpus not found: {CORPUS_PAGES}", file=sys.stderr)
        return 2
    _become_subreaper()
    server = PageServer()
    print(f"{len(server.pages)} distinct pages on {server.origin}, {os.cpu_count()} CPUs")
    print("language:", language_share(server.pages, server.origin), flush=True)
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        work = Path(tmp)
        urls = server.urls(max([args.n] + [int(n) for n in args.memory_sizes.split(",") if n]))
        systems = {"ours": lambda: run_ours(urls[: args.n], work),
                   "trafilatura floor": lambda: run_floor(server, args.n, work)}  # fmt: skip
        if not args.no_peers:
            systems["trafilatura CLI --parallel 2"] = lambda: run_trafilatura_cli(
                urls[: args.n], work
            )
            systems["news-please from_urls"] = lambda: run_newsplease(urls[: args.n], work)
        best = run_rounds(systems, args.rounds)
        ours = best.pop("ours")
        peers: dict[str, Run | None] = best
        variants = [run_ours(urls[: args.n], work, "ours, state store off", STATE_URI="")]
        sizes = [int(n) for n in args.memory_sizes.split(",") if n]
        memory = [run_ours(urls[:n], work, f"ours (memory, N={n})") for n in sizes]
    print()
    print_table([ours, *variants, *(p for p in peers.values() if p is not None), *memory])
    print_targets(ours, peers, memory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
