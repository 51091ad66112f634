"""Run a snippet against stock trafilatura, for the tests that show an upstream behaviour
(docs/upstream.md): a fresh process that never imported crawler.core, whose import changes
trafilatura's module state (crawler.compat.trafilatura)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def stock_output(script: str, page: Path) -> list[str]:
    """The words `script` prints, run with the page's path as its one argument."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(page)], capture_output=True, text=True, check=True
    )
    return done.stdout.split()
