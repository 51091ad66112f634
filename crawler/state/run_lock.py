"""Who writes a run directory (its run.lock), and whether that process still runs.

A pid alone names no process for long: in a container every crawl is PID 1, so a run killed
with kill -9 looked owned by the next run (pid == os.getpid()), and its records were never
replayed. The lock also holds when its process started (field 22 of /proc/<pid>/stat, clock
ticks since boot) and the boot's id: a process with that pid and another start is another
process. Where /proc cannot be read, and in a lock an older release wrote (a bare pid), the
pid alone decides, as before.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

LOCK_NAME = "run.lock"
_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def write_lock(run_dir: Path) -> None:
    (run_dir / LOCK_NAME).write_text(json.dumps(this_process()) + "\n", "utf-8")


def this_process() -> dict:
    """This process's identity, as a lock holds it (process_alive reads it)."""
    return {"pid": os.getpid(), "started": process_start("self")}


def owner_alive(run_dir: Path) -> bool:
    """True while the process that wrote run_dir's lock runs (this one included)."""
    try:
        lock = json.loads((run_dir / LOCK_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return process_alive(lock)


def process_alive(lock) -> bool:
    """True while the process a lock names (this_process()) runs."""
    if type(lock) is int:  # an older release's lock
        return _pid_alive(lock)
    if not isinstance(lock, dict) or type(lock.get("pid")) is not int:
        return False
    started = lock.get("started")
    if started is None or process_start("self") is None:  # no /proc where it ran, or here
        return _pid_alive(lock["pid"])
    current = process_start(lock["pid"])
    if current is None:  # gone, or hidden from us (/proc mounted hidepid=2): ask the kernel
        return _pid_alive(lock["pid"])
    return current == started


def process_start(pid: int | str) -> str | None:
    """A process's "<boot id>:<start ticks>" ("self": this one's), or None when /proc has
    no such process (gone, or no /proc at all)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    # Counted after the command name, which may hold spaces and parentheses: field 3 is [0].
    fields = stat.rpartition(b")")[2].split()
    if len(fields) < 20:
        return None
    return f"{_boot_id()}:{fields[19].decode('ascii', 'replace')}"


def _boot_id() -> str:
    # Start ticks count from boot: after a reboot, the same pid may start at the same tick.
    try:
        return _BOOT_ID.read_text("ascii").strip()
    except (OSError, ValueError):
        return ""


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
