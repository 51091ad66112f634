"""A small process pool for CPU-bound page processing that survives crashes and hangs.

concurrent.futures.ProcessPoolExecutor does not fit when one page can kill or
hang a worker: a dead worker breaks the whole executor (BrokenProcessPool) and
a hung task cannot be stopped. Here each worker process has one thread in the
parent that hands it one task at a time over a pipe and waits for the answer
with a deadline:

- an answer: the task's result, or TaskFailed("error") with the traceback;
- the pipe closes (segfault, os._exit, OOM kill): TaskFailed("crashed");
- the task runs out of memory: TaskFailed("out_of_memory"). With `memory_limit`, each
  worker's address space is capped (RLIMIT_AS) once it has started, so one pathological
  page fails alone instead of growing a worker by gigabytes. Hitting the cap does not
  always raise MemoryError: libxml2 then returns a tree cut short, or lxml an XPath error,
  so a task whose worker peaked within MEMORY_HEADROOM of the cap is out of memory too;
- the deadline passes: the worker is killed, TaskFailed("timeout").

After a crash or a timeout the thread starts a fresh worker, so one bad page
costs one page. Tasks wait in one shared queue; `submit()` returns a
concurrent.futures.Future, which asyncio (and so Scrapy's reactor) can await.
Workers are fresh interpreters (subprocess, not multiprocessing): no crawler
threads or reactor inherited, and no forkserver or resource-tracker process
beside them, which multiprocessing adds (26 MB). They get the parent's sys.path
first, then the task by reference. Functions may be given as "module:name", so
the crawl's own process need not import what only workers run (trafilatura,
langdetect and wordfreq are about 35 MB). Workers ignore SIGINT,
so Ctrl-C stops the crawl gracefully while pages in flight finish, and they exit
by themselves when the parent dies (their pipe closes).
"""

from __future__ import annotations

import contextlib
import importlib
import queue
import signal
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from multiprocessing.connection import Connection, Pipe
from typing import Any

Task = Callable[..., Any] | str  # a module-level function, or "package.module:function"
STARTUP_TIMEOUT = 120.0  # seconds for a worker to import and run its initializer
STOP_GRACE = 5.0  # seconds a worker gets to exit before it is killed
# A failed allocation leaves the peak below the cap by at most its own size: measured 0.1
# and 4 MB on pages that hit 300 and 600 MB caps (10 MB of tiny elements, a huge table).
MEMORY_HEADROOM = 32 * 2**20
# The worker's first lines, stdlib only: this module may be importable only through the
# parent's sys.path (a scrapyd egg, a project run from another directory).
_BOOTSTRAP = (
    "import sys\n"
    "from multiprocessing.connection import Connection\n"
    "conn = Connection(int(sys.argv[1]))\n"
    "sys.path[:] = conn.recv()\n"
    "from crawler.workers.pool import serve\n"
    "serve(conn)\n"
)


class TaskFailed(Exception):
    """A task without a result. `reason`: "error", "crashed", "out_of_memory" or "timeout"."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail


class WorkerPool:
    def __init__(
        self,
        func: Task,
        workers: int,
        timeout: float,
        initializer: Task | None = None,
        maintenance: Sequence[Task] = (),
        maintenance_every: int = 500,
        memory_limit: int | None = None,
    ):
        """`func`, `initializer` and `maintenance` (each run every `maintenance_every` tasks,
        e.g. to drop caches) are module-level functions or their "module:name": workers
        get them by reference. `memory_limit`: bytes of address space a worker may hold,
        set after its initializer ran (None: no limit)."""
        if workers < 1:  # no thread would ever take a task: every page would wait forever
            raise ValueError(f"a pool needs at least one worker, not {workers}")
        self.func, self.timeout = func, timeout
        self._hooks = (initializer, tuple(maintenance), maintenance_every, memory_limit)
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._live: dict[int, _Worker] = {}  # thread slot -> its current worker
        self._closed = False
        self._threads = [
            threading.Thread(target=self._serve, args=(slot,), name=f"pool-{slot}", daemon=True)
            for slot in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, *args: Any) -> Future:
        if self._closed:
            raise RuntimeError("the pool is closed")
        future: Future = Future()
        self._jobs.put((future, args))
        return future

    @property
    def pids(self) -> list[int]:
        return [worker.process.pid for worker in list(self._live.values())]

    def close(self) -> None:
        """Cancel queued tasks, stop every worker and wait for them: no process is left."""
        self._closed = True
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            job[0].cancel()
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join(STOP_GRACE)
        for worker in list(self._live.values()):  # threads still waiting on a task
            worker.kill()
        for thread in self._threads:
            thread.join()

    def _serve(self, slot: int) -> None:
        worker = self._try_start(slot)  # eagerly, so warm-up overlaps the first downloads
        while (job := self._jobs.get()) is not None:
            future, args = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                if worker is None or not worker.alive:  # died between tasks
                    worker = self._discard(worker)
                    worker = self._start(slot)
                future.set_result(worker.run(args, self.timeout))
            except Exception as error:  # TaskFailed, or a failure to start a process
                failed = error if isinstance(error, TaskFailed) else _unexpected()
                future.set_exception(failed)
                if failed.reason != "error":
                    worker = self._discard(worker)  # the next task starts a fresh one
        if worker is not None:
            worker.stop()
        self._live.pop(slot, None)

    def _try_start(self, slot: int) -> _Worker | None:
        try:
            return self._start(slot)
        except Exception:
            return None  # retried with the first task, which then carries the reason

    def _discard(self, worker: _Worker | None) -> None:
        if worker is not None:
            worker.kill()
            worker.conn.close()

    def _start(self, slot: int) -> _Worker:
        here, there = Pipe()
        process = subprocess.Popen(
            [sys.executable, "-c", _BOOTSTRAP, str(there.fileno())],
            pass_fds=(there.fileno(),),
            stdin=subprocess.DEVNULL,
        )
        there.close()  # only the worker holds its end: its death closes our pipe
        worker = _Worker(process, here)
        self._live[slot] = worker
        try:
            with contextlib.suppress(OSError):  # a worker that died at once: wait_ready says
                here.send(list(sys.path))
                here.send((self.func, *self._hooks))
            worker.wait_ready()
        except TaskFailed:
            self._discard(worker)
            raise
        return worker


class _Worker:
    def __init__(self, process: subprocess.Popen, conn: Connection):
        self.process, self.conn = process, conn

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self) -> None:
        status, detail = self._receive(STARTUP_TIMEOUT, "crashed")
        if status != "ready":
            raise TaskFailed("crashed", f"worker failed to start:\n{detail}")

    def run(self, args: tuple, timeout: float) -> Any:
        with contextlib.suppress(OSError):  # the worker is gone; _receive says how it ended
            self.conn.send(args)
        status, value = self._receive(timeout, "timeout")
        if status == "ok":
            return value
        if status == "error":
            raise TaskFailed("error", value)
        self.kill()  # after a MemoryError the worker is exiting anyway
        raise TaskFailed(status, value)

    def _receive(self, timeout: float, on_timeout: str) -> tuple[str, Any]:
        try:
            if not self.conn.poll(timeout):
                self.kill()
                raise TaskFailed(on_timeout, f"no answer after {timeout:g} s; worker killed")
            return self.conn.recv()
        except (EOFError, OSError):
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(1.0)
            self.kill()
            raise TaskFailed("crashed", _exit_detail(self.process.returncode)) from None

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(STOP_GRACE)
        self.kill()
        self.conn.close()

    def kill(self) -> None:
        """Kill and reap the process. Safe from any thread: the pipe stays open."""
        if self.alive:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
        self.process.wait()


def _unexpected() -> TaskFailed:
    return TaskFailed("crashed", f"pool error:\n{traceback.format_exc()}")


def _exit_detail(code: int | None) -> str:
    if code is not None and code < 0:
        return f"worker killed by {signal.Signals(-code).name}"
    return f"worker exited with code {code}"


def resolve(task: Task) -> Callable[..., Any]:
    if callable(task):
        return task
    module, _, name = task.partition(":")
    return getattr(importlib.import_module(module), name)


def serve(conn: Connection) -> None:
    """The worker process: one task at a time until told to stop or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawl's; it closes the pool
    try:  # imports count as start-up: a broken install fails here, with its traceback
        func, initializer, maintenance, maintenance_every, memory_limit = conn.recv()
        func, maintenance = resolve(func), [resolve(step) for step in maintenance]
        if initializer is not None:
            resolve(initializer)()
        if memory_limit is not None:
            memory_limit = _limit_memory(memory_limit)
    except BaseException:
        with contextlib.suppress(OSError):  # the parent may be gone too
            conn.send(("failed", traceback.format_exc()))
        return
    try:
        conn.send(("ready", None))
    except OSError:  # the parent left while this worker warmed up (`scrapy parse` does)
        return
    done = 0
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            # The parent is gone: a closed pipe reads as EOF, or as a reset connection when
            # the parent exits mid-read (`scrapy shell` printed that traceback on exit).
            return
        if args is None:
            return
        reply = _call(func, args, memory_limit)
        try:
            conn.send(reply)
        except Exception:  # a result that does not pickle
            conn.send(("error", traceback.format_exc()))
        if reply[0] == "out_of_memory":
            return
        done += 1
        if done % maintenance_every == 0:
            _maintain(maintenance)


def _limit_memory(limit: int) -> int:
    """Cap the address space, where the kernel's OOM killer would otherwise pick a process
    (perhaps the crawl's own); returns the cap in force."""
    import resource  # POSIX only; the pool itself runs anywhere subprocess does

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)  # an unprivileged process cannot raise its hard limit
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit


def _peak_address_space() -> int | None:
    """VmPeak, in bytes (Linux); None where /proc does not say."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _maintain(steps) -> None:
    """Cache resets between pages. The reply is sent already: a step that raises must not
    kill the worker, or the next page would be lost as `extract_crashed`."""
    for step in steps:
        try:
            step()
        except Exception:
            traceback.print_exc()  # the worker's stderr is the crawl's log


def _call(func, args: tuple, memory_limit: int | None = None) -> tuple[str, Any]:
    try:
        reply = "ok", func(*args)
    except MemoryError:
        # The process may be unusable (a C library that failed half-way): replace it.
        return "out_of_memory", traceback.format_exc()
    except Exception:
        reply = "error", traceback.format_exc()
    if memory_limit is not None and (_peak_address_space() or 0) >= memory_limit - MEMORY_HEADROOM:
        # Whatever came back was computed short of memory (a truncated tree, say).
        limit_mb = memory_limit // 2**20
        return "out_of_memory", f"the worker reached its memory limit of {limit_mb} MB"
    return reply
