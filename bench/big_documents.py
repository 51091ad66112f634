"""Peak RSS, time to the first page and SIGTERM-to-exit of `sitemap` on one huge document.

    python bench/big_documents.py [ENTRIES] [SECONDS_BEFORE_SIGTERM]

Serves a sitemap of ENTRIES `<loc>`s (1,000,000 is 50.9 MB, under MAX_XML_BYTES) and 404
pages on 127.0.0.1, crawls it under /usr/bin/time -v, sends SIGTERM, and prints what it saw.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from crawler.demo.runner import LOOPBACK_SETTINGS  # noqa: E402


def main(entries: int, wait: float) -> None:
    first_page: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/sitemap.xml":
                body, status = self.server.sitemap, 200
            else:
                if not first_page and self.path[1:].isdigit():
                    first_page.append(time.monotonic())
                body, status = b"gone", 404
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    origin = f"http://127.0.0.1:{server.server_port}"
    locs = "".join(f"<url><loc>{origin}/{n}</loc></url>\n" for n in range(entries))
    server.sitemap = f'<?xml version="1.0"?>\n<urlset>\n{locs}</urlset>\n'.encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = Path(tempfile.mkdtemp())
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "scrapy", "crawl", "sitemap",
               "-a", f"sitemap={origin}/sitemap.xml", "-s", f"OUTPUT_DIR={out}",
               "-s", "STATE_URI="]  # fmt: skip
    command += [arg for key, value in LOOPBACK_SETTINGS.items() for arg in ("-s", f"{key}={value}")]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True)
    time.sleep(wait)
    # To the crawl itself: /usr/bin/time would die of it and leave the crawl running.
    crawl = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()[0]
    os.kill(int(crawl), signal.SIGTERM)
    signalled = time.monotonic()
    _, log = process.communicate()
    exited = time.monotonic()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", log)
    summary = json.loads(next(out.glob("sitemap/2*/run.json")).read_text("utf-8"))
    print(f"document: {len(server.sitemap) / 1e6:.1f} MB, {entries} entries")
    print(f"peak RSS: {int(rss[1]) / 1024:.0f} MB" if rss else "peak RSS: ?")
    print(f"first page: {first_page[0] - started:.1f} s" if first_page else "first page: none")
    print(f"SIGTERM at {signalled - started:.0f} s, exit {exited - signalled:.1f} s later")
    print("counts:", summary["counts"], "not_requested:", summary["not_requested"])
    (out / "crawl.log").write_text(log, "utf-8")
    print("log:", out / "crawl.log")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000,
         float(sys.argv[2]) if len(sys.argv) > 2 else 60)  # fmt: skip
