"""newspaper4k on saved pages, for bench/quality.py; runs in bench/.venv, never with our code.

Reads a JSON list of [path, url] from stdin and prints one JSON object a page:
{"path", "text", "title", "authors", "date", "seconds", "error"}.
"""

from __future__ import annotations

import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")  # newspaper warns that nltk is missing: NLP is not used

from bs4 import UnicodeDammit  # noqa: E402
from newspaper import Article  # noqa: E402


def run(path: str, url: str) -> dict:
    start = time.perf_counter()
    with open(path, "rb") as handle:
        body = handle.read()
    result = {"path": path, "text": "", "title": "", "authors": [], "date": None, "error": ""}
    try:
        article = Article(url, fetch_images=False)
        article.download(input_html=UnicodeDammit(body, is_html=True).unicode_markup)
        article.parse()
        published = article.publish_date
        result.update(
            text=article.text or "",
            title=article.title or "",
            authors=list(article.authors or []),
            date=published.isoformat() if published else None,
        )
    except Exception as error:  # a peer's crash scores as an empty result
        result["error"] = f"{type(error).__name__}: {error}"[:300]
    result["seconds"] = time.perf_counter() - start
    return result


def main() -> int:
    for path, url in json.load(sys.stdin):
        print(json.dumps(run(path, url)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
