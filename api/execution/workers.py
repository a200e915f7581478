"""Query workers: processes that each hold the store, run one job at a time, and can be killed.

Oxigraph cannot interrupt a query from another thread, so a time limit that really stops a
query has to stop the process running it (api/execution/pool.py keeps the processes). Each worker:
- opens the store on disk read-only (each worker its own handle on the same files, so start-up
  and memory do not grow with the store; `--in-memory` gives each a copy in memory instead) and
  reports its size when ready; a worker killed at the time limit is replaced in a fraction of a
  second, since its replacement only opens the store again;
- runs without a network when it can (a network namespace of its own), so no query it runs
  can connect anywhere, whatever the query says;
- has an address-space limit (RLIMIT_AS): a query that needs more memory than the limit ends
  the worker, and the pool answers 503 instead of letting it take the machine;
- dies with its parent (PR_SET_PDEATHSIG), so no worker outlives a killed server.
"""
from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import os
import resource
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from plangraph.api.execution import jobs
from plangraph.api.query.outbound import allowed_services
from plangraph.api.storage.store import OxigraphStore

log = logging.getLogger(__name__)
_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000
_PR_SET_PDEATHSIG = 1


class QueryTimeout(Exception):
    """The query ran past the time limit and was stopped."""


class QueryTooBig(Exception):
    """The query needed more memory than a worker may use, and was stopped."""


class Busy(Exception):
    """Every worker of the lane is busy and the wait line is full; try again after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class JobError(Exception):
    """A job failed inside the worker; `kind` is the exception class name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class Executor(Protocol):
    """Runs a named job of plangraph.api.execution.jobs against the store.

    `lane` separates people's pages and named queries ("page") from free SPARQL ("query"),
    so that one kind of work never waits behind the other.
    """

    async def run(self, job: str, timeout: float | None = None, lane: str = "page", **kwargs: Any) -> Any: ...

    async def triple_count(self) -> int: ...


def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def isolate_network() -> bool:
    """Move this process into a network namespace of its own (no interfaces up): nothing it runs can connect out.

    Best effort: Linux only, and it needs CAP_SYS_ADMIN or unprivileged user namespaces; False when refused.
    """
    libc = _libc()
    if libc is None:
        return False
    return any(libc.unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent ends (Linux; elsewhere nothing happens)."""
    libc = _libc()
    if libc is not None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def address_space() -> int:
    """This process's virtual memory size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def limit_memory(extra_mb: int) -> None:
    """Let this process grow by at most `extra_mb` MB of address space beyond what it holds now."""
    if extra_mb <= 0:
        return
    size = address_space()
    if size:
        limit = size + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def load_store(path: Path, in_memory: bool, snapshot: str | None) -> OxigraphStore:
    """The store a worker answers from: the N-Quads snapshot in memory (fastest), a copy in memory, or on disk."""
    if snapshot:
        store = OxigraphStore(None)
        store.db.load(path=snapshot, format=ox.RdfFormat.N_QUADS)
        store.path = path
        return store
    return OxigraphStore.in_memory_copy(path) if in_memory else OxigraphStore.open_existing(path)


def worker_main(conn: Connection, store_path: str, in_memory: bool, memory_mb: int, nice: int,
                snapshot: str | None = None) -> None:
    """Worker loop: open the store, then answer (job, kwargs) messages until the pipe closes."""
    die_with_parent()
    gc.freeze()  # the code inherited from the fork server: never scanned by the collector, never copied
    try:
        store = load_store(Path(store_path), in_memory, snapshot)
        count = store.recorded_count()  # a worker's start-up must not read the whole store
    except Exception as exc:  # the store moved or broke: tell the pool, which keeps the workers it has
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    if not allowed_services() and not isolate_network():
        log.warning("query workers cannot be cut off from the network here; SERVICE is still refused")
    if nice:
        os.nice(nice)
    limit_memory(memory_mb)
    conn.send(("ready", count))
    while True:
        try:
            job, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", getattr(jobs, job)(store, **kwargs)))
        except MemoryError:
            conn.send(("error", ("MemoryError", "out of memory")))
        except Exception as exc:  # every failure goes back to the server as a message
            conn.send(("error", (type(exc).__name__, str(exc))))


class InlineExecutor:
    """Runs jobs in a thread of this process (no time limit): for tests and tiny stores."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        # One thread: Oxigraph result iterators must be dropped on the thread that made them.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plangraph-query")

    def _call(self, job: str, kwargs: dict[str, Any]) -> tuple[str, Any]:
        try:
            return "ok", getattr(jobs, job)(self.store, **kwargs)
        except Exception as exc:  # reported without its traceback, which would keep query frames alive
            return "error", (type(exc).__name__, str(exc))
        finally:
            gc.collect()  # result iterators caught in reference cycles die here, on their own thread

    async def run(self, job: str, timeout: float | None = None, lane: str = "page", **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        status, payload = await loop.run_in_executor(self._thread, self._call, job, kwargs)
        if status == "error":
            raise JobError(*payload)
        return payload

    async def triple_count(self) -> int:
        return int(await self.run("triple_count"))
