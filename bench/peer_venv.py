"""bench/.venv: the peers' own interpreter (news-please, newspaper4k), never the project's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH_VENV = Path(__file__).resolve().parent / ".venv"


def peer_python(module: str, packages: list[str]) -> Path | None:
    """bench/.venv's python able to import `module`, installing `packages` there on first
    use; None if that is impossible."""
    python = BENCH_VENV / "bin" / "python"
    check = [str(python), "-c", f"import {module}"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    print(f"installing {', '.join(packages)} into {BENCH_VENV} ...", flush=True)
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", *packages]
    subprocess.run(pip, capture_output=True)
    return python if subprocess.run(check, capture_output=True).returncode == 0 else None
