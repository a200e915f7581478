"""Query workers: processes that each hold the store, killed and replaced when a query overruns.

Oxigraph cannot interrupt a query from another thread, so a time limit that really stops a
query has to stop the process running it. The server keeps several workers, so a runaway
query holds one of them while the others keep answering.
"""
from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import multiprocessing as mp
import sys
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

from api import jobs
from api.outbound import allowed_services
from api.store import OxigraphStore

log = logging.getLogger(__name__)
_START_LIMIT = 300.0
_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000


class QueryTimeout(Exception):
    """The query ran past the time limit and was stopped."""


class JobError(Exception):
    """A job failed inside the worker; `kind` is the exception class name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class Executor(Protocol):
    """Runs a named job of api.jobs against the store."""

    async def run(self, job: str, timeout: float | None = None, **kwargs: Any) -> Any: ...


def isolate_network() -> bool:
    """Move this process into a network namespace of its own (no interfaces up): nothing it runs can connect out.

    Best effort: Linux only, and it needs CAP_SYS_ADMIN or unprivileged user namespaces; False when refused.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True
    return False


def _worker_main(conn: Connection, store_path: str, in_memory: bool) -> None:
    """Worker loop: open the store, then answer (job, kwargs) messages until the pipe closes."""
    path = Path(store_path)
    store = OxigraphStore.in_memory_copy(path) if in_memory else OxigraphStore.open_existing(path)
    if not allowed_services() and not isolate_network():
        log.warning("query workers cannot be cut off from the network here; SERVICE is still refused")
    conn.send(("ready", None))
    while True:
        try:
            job, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", getattr(jobs, job)(store, **kwargs)))
        except Exception as exc:  # every failure goes back to the server as a message
            conn.send(("error", (type(exc).__name__, str(exc))))


class _Worker:
    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class ProcessPool:
    """A fixed number of worker processes over one store directory."""

    def __init__(self, store_path: Path, in_memory: bool = True, size: int = 2, timeout: float = 10.0) -> None:
        self.store_path = store_path
        self.in_memory = in_memory
        self.size = max(1, size)
        self.timeout = timeout
        self._context = mp.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._pending: set[asyncio.Task[None]] = set()

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child, str(self.store_path), self.in_memory),
                                        daemon=True, name="plangraph-query-worker")
        process.start()
        child.close()
        if not parent.poll(_START_LIMIT):
            process.kill()
            raise RuntimeError("a query worker did not start")
        try:
            parent.recv()
        except EOFError as exc:
            raise RuntimeError(f"a query worker could not open the store {self.store_path}") from exc
        return _Worker(process, parent)

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the store."""
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(*(asyncio.to_thread(self._spawn) for _ in range(self.size)))
        for worker in workers:
            self._all.add(worker)
            self._idle.put_nowait(worker)

    async def _replace(self) -> None:
        worker = await asyncio.to_thread(self._spawn)
        self._all.add(worker)
        assert self._idle is not None
        self._idle.put_nowait(worker)

    def _discard(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.stop()
        task = asyncio.get_running_loop().create_task(self._replace())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def run(self, job: str, timeout: float | None = None, **kwargs: Any) -> Any:
        """Run a job on an idle worker; QueryTimeout when it overruns, JobError when it fails."""
        if self._idle is None:
            raise RuntimeError("the worker pool is not started")
        limit = timeout or self.timeout
        worker = await self._idle.get()
        try:
            worker.conn.send((job, kwargs))
            finished = await asyncio.to_thread(worker.conn.poll, limit)
            if not finished:
                self._discard(worker)
                raise QueryTimeout(f"the query was stopped at the time limit of {limit:g} s")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._discard(worker)
            raise JobError("WorkerLost", "the query worker stopped unexpectedly") from exc
        except BaseException:
            if worker in self._all and not worker.conn.closed:
                # Cancelled while waiting: the worker may still be busy, so replace it.
                self._discard(worker)
            raise
        self._idle.put_nowait(worker)
        if status == "error":
            raise JobError(*payload)
        return payload

    async def close(self) -> None:
        """Stop every worker."""
        for task in list(self._pending):
            task.cancel()
        for worker in list(self._all):
            worker.stop()
        self._all.clear()


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

    async def run(self, job: str, timeout: float | None = None, **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        status, payload = await loop.run_in_executor(self._thread, self._call, job, kwargs)
        if status == "error":
            raise JobError(*payload)
        return payload
