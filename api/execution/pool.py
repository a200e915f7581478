"""The pool of query workers: lanes that never wait behind each other, bounded waits, store reloads.

- Lanes. Free SPARQL queries run in the "query" lane; pages, named queries and linked data in
  the "page" lane, each with workers of its own, so a runaway query never holds up a page.
  `/health` needs no worker at all.
- Bounded waits. A request waits for a worker of its lane only while fewer than `queue`
  others wait; beyond that it is answered at once with `Busy` (503 and Retry-After).
- Short queries. The query lane keeps `quick` more workers for short queries: a query takes one
  only when every other query worker is busy, and there it may run for `quick_timeout` seconds
  (beyond that: Busy). So a small query never waits behind long ones, and long ones cannot
  take every worker.
- Cancelling. A request that is cancelled (its client hung up) leaves the wait line, or, if
  its job already runs, the worker is killed and replaced.
- Stopping. A job past its time limit kills its worker (QueryTimeout); a worker that dies from
  its memory limit gives QueryTooBig. Replacements start from a fork server that already has
  the code loaded, so a replacement is ready in a fraction of a second.
- Reloads. The pool watches the store's marker file; when a build swaps a new store in, a
  whole new set of workers is started over it, and once all are ready every new job goes to
  them at once (the old workers finish what they run and stop). No mixed answers.
"""
from __future__ import annotations

import asyncio
import logging
import math
import multiprocessing as mp
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from plangraph.api.storage.store import DATABASE, MARKER
from plangraph.api.execution.workers import Busy, JobError, QueryTimeout, QueryTooBig, worker_main

log = logging.getLogger(__name__)
_START_LIMIT = 300.0
_RETRY_BROKEN = 30.0  # seconds before a store that failed to load is tried again
_PRELOAD = ["plangraph.api.execution.workers", "plangraph.api.execution.jobs", "plangraph.api.cli"]  # the CLI: each new process re-runs the main module


def _preload() -> list[str]:
    """Modules the fork server imports once: the workers' code and whatever the main module imports."""
    main = getattr(sys.modules["__main__"].__spec__, "name", None)
    return _PRELOAD + ([main] if main and not main.endswith("__main__") and main not in _PRELOAD else [])
Identity = tuple[int, int, int, int]


def store_identity(store: Path) -> Identity | None:
    """What tells one built store from the next: device, inode, mtime and size of its marker file."""
    try:
        info = (store / MARKER).stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)


def _remove(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)


class _Worker:
    def __init__(self, process: Any, conn: Any, quick: bool = False) -> None:
        self.process = process
        self.conn = conn
        self.quick = quick  # kept for short queries: taken last, with the short time limit
        self._stopping = threading.Lock()

    def stop(self) -> None:
        """End the process and close its pipe, once: a worker ended by its query's cancellation may
        be stopped again, from another thread, when the server stops."""
        with self._stopping:
            if self.conn.closed:
                return
            self.process.kill()
            self.process.join(5)
            self.conn.close()


@dataclass
class _Lane:
    name: str
    size: int
    queue: int
    quick: int = 0
    # (rank, order, worker): the lane's own workers before its quick ones; None wakes a waiter
    idle: asyncio.PriorityQueue[tuple[int, int, _Worker | None]] = field(default_factory=asyncio.PriorityQueue)
    waiting: int = 0
    _order: int = 0

    def put(self, worker: _Worker | None) -> None:
        self._order += 1
        self.idle.put_nowait((-1 if worker is None else int(worker.quick), self._order, worker))

    async def get(self) -> _Worker | None:
        return (await self.idle.get())[2]

    def take(self) -> _Worker | None:
        return self.idle.get_nowait()[2]


@dataclass
class _Generation:
    identity: Identity | None
    triples: int
    lanes: dict[str, _Lane]
    snapshot: Path | None
    workers: set[_Worker] = field(default_factory=set)


class ProcessPool:
    """Worker processes over one store directory, in lanes, switched whole to each new build of the store."""

    def __init__(self, store_path: Path, in_memory: bool = False, size: int = 3, timeout: float = 10.0,
                 page_size: int = 1, queue: int = 6, memory_mb: int = 0, poll: float = 2.0, quick: int = 1,
                 quick_timeout: float = 1.0) -> None:
        self.store_path = store_path
        self.in_memory = in_memory
        self.sizes = {"query": max(1, size), "page": max(1, page_size)}
        self.quick = {"query": max(0, quick), "page": 0}
        self.quick_timeout = quick_timeout
        self.timeout = timeout
        self.queue = max(0, queue)
        self.memory_mb = memory_mb
        self.poll = poll
        forkserver = "forkserver" in mp.get_all_start_methods()  # not on Windows
        self._context: Any = mp.get_context("forkserver" if forkserver else "spawn")
        if forkserver:
            self._context.set_forkserver_preload(_preload())
        self._current: _Generation | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        self._generations = 0
        self._scratch = tempfile.TemporaryDirectory(prefix="plangraph-serve-")

    # -- processes ------------------------------------------------------------------------

    def _snapshot(self) -> Path | None:
        """The store as one N-Quads file, which a new worker loads three times faster than the store itself."""
        if not self.in_memory:
            return None
        self._generations += 1
        target = Path(self._scratch.name) / f"store-{self._generations}.nq"
        try:
            source = ox.Store.read_only(str(self.store_path / DATABASE))
            source.dump(output=str(target), format=ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise RuntimeError(f"cannot read the store {self.store_path}: {exc}") from exc
        return target

    def _spawn(self, lane: str, snapshot: Path | None, quick: bool = False) -> tuple[_Worker, int]:
        parent, child = self._context.Pipe()
        nice = 5 if lane == "query" else 0  # pages keep the processor when free queries compete for it
        process = self._context.Process(target=worker_main, daemon=True, name=f"plangraph-{lane}-worker",
                                        args=(child, str(self.store_path), self.in_memory, self.memory_mb, nice,
                                              str(snapshot) if snapshot else None))
        process.start()
        child.close()
        worker = _Worker(process, parent, quick)
        if not parent.poll(_START_LIMIT):
            worker.stop()
            raise RuntimeError("a query worker did not start")
        try:
            status, payload = parent.recv()
        except EOFError:
            status, payload = "failed", "the worker ended while loading the store"
        if status != "ready":
            worker.stop()
            raise RuntimeError(f"a query worker could not open the store {self.store_path}: {payload}")
        return worker, int(payload)

    async def _new_generation(self) -> _Generation:
        identity = store_identity(self.store_path)
        snapshot = await asyncio.to_thread(self._snapshot)
        names = [(name, False) for name, size in self.sizes.items() for _ in range(size)]
        names += [(name, True) for name, quick in self.quick.items() for _ in range(quick)]
        results = await asyncio.gather(*(asyncio.to_thread(self._spawn, name, snapshot, quick)
                                         for name, quick in names), return_exceptions=True)
        started = [r for r in results if not isinstance(r, BaseException)]
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            await asyncio.gather(*(asyncio.to_thread(w.stop) for w, _ in started))
            _remove(snapshot)
            raise failures[0]
        generation = _Generation(identity, started[0][1] if started else 0,
                                 {name: _Lane(name, size, self.queue, self.quick[name])
                                  for name, size in self.sizes.items()}, snapshot)
        for (name, _), (worker, _) in zip(names, started):
            generation.workers.add(worker)
            generation.lanes[name].put(worker)
        return generation

    def _background(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _stop(self, worker: _Worker) -> None:
        await asyncio.to_thread(worker.stop)

    async def _replace(self, generation: _Generation, lane: _Lane, quick: bool) -> None:
        while not self._closed and generation is self._current:
            try:
                worker, _ = await asyncio.to_thread(self._spawn, lane.name, generation.snapshot, quick)
            except RuntimeError as exc:  # the store is being swapped: the watcher will start a new generation
                log.warning("%s", exc)
                await asyncio.sleep(self.poll or 1.0)
                continue
            if generation is self._current and not self._closed:
                generation.workers.add(worker)
                lane.put(worker)
            else:
                await self._stop(worker)
            return

    def _discard(self, worker: _Worker, generation: _Generation, lane: _Lane) -> None:
        generation.workers.discard(worker)
        self._background(self._stop(worker))
        self._background(self._replace(generation, lane, worker.quick))

    def _release(self, worker: _Worker, generation: _Generation, lane: _Lane) -> None:
        if generation is self._current and not self._closed:
            lane.put(worker)
        else:
            generation.workers.discard(worker)
            self._background(self._stop(worker))

    # -- life cycle -----------------------------------------------------------------------

    async def start(self) -> None:
        """Start every worker, wait until each has loaded the store, and watch the store for new builds."""
        self._current = await self._new_generation()
        if self.poll > 0:
            self._background(self._watch())

    async def _watch(self) -> None:
        failed: tuple[Identity | None, float] = (None, 0.0)
        loop = asyncio.get_running_loop()
        while not self._closed:
            await asyncio.sleep(self.poll)
            identity = store_identity(self.store_path)
            if self._current is None or identity is None or identity == self._current.identity:
                continue
            if identity == failed[0] and loop.time() - failed[1] < _RETRY_BROKEN:
                continue
            try:
                fresh = await self._new_generation()
            except Exception as exc:  # a half-swapped or broken store: keep serving the one we have
                log.warning("cannot load the new store yet: %s", exc)
                failed = (identity, loop.time())
                continue
            if self._closed:
                await asyncio.gather(*(self._stop(w) for w in fresh.workers))
                _remove(fresh.snapshot)
                return
            self._switch(fresh)

    def _switch(self, fresh: _Generation) -> None:
        old, self._current = self._current, fresh
        if old is None:
            return
        _remove(old.snapshot)
        for lane in old.lanes.values():
            while not lane.idle.empty():
                worker = lane.take()
                if worker is not None:
                    old.workers.discard(worker)
                    self._background(self._stop(worker))
            for _ in range(lane.waiting):
                lane.put(None)  # wakes each waiter, which then waits in the new generation

    async def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        if self._current is not None:
            await asyncio.gather(*(self._stop(w) for w in list(self._current.workers)))
            self._current.workers.clear()
        self._scratch.cleanup()

    # -- jobs -----------------------------------------------------------------------------

    async def triple_count(self) -> int:
        """How many quads the served store holds (counted when its workers loaded it; no worker needed)."""
        if self._current is None:
            raise RuntimeError("the worker pool is not started")
        return self._current.triples

    def load(self) -> dict[str, dict[str, int]]:
        """Per lane: workers, how many are busy (or being replaced) and how many requests wait."""
        if self._current is None:
            return {}
        return {name: {"workers": lane.size + lane.quick, "busy": lane.size + lane.quick - lane.idle.qsize(),
                       "waiting": lane.waiting} for name, lane in self._current.lanes.items()}

    async def _worker(self, lane_name: str) -> tuple[_Worker, _Generation, _Lane]:
        while True:
            generation = self._current
            if generation is None or self._closed:
                raise RuntimeError("the worker pool is not started")
            lane = generation.lanes[lane_name]
            if lane.idle.empty() and lane.waiting >= lane.queue:
                retry = max(1, math.ceil(self.timeout / 2))
                raise Busy(f"all {lane.size + lane.quick} {lane_name} workers are busy and {lane.waiting} requests wait; "
                           f"try again in {retry} s", retry)
            lane.waiting += 1
            try:
                worker = await lane.get()
            finally:
                lane.waiting -= 1
            if worker is not None:
                return worker, generation, lane

    async def _reply(self, worker: _Worker, limit: float) -> Any:
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        fd = worker.conn.fileno()

        def readable() -> None:
            if not ready.done():
                ready.set_result(None)
        loop.add_reader(fd, readable)
        try:
            await asyncio.wait_for(ready, limit)
        finally:
            loop.remove_reader(fd)
        return worker.conn.recv()

    def _lost(self, worker: _Worker) -> Exception:
        worker.process.join(1)
        code = worker.process.exitcode
        if code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):
            return QueryTooBig(f"the query was stopped: it needed more than the memory limit of "
                               f"{self.memory_mb} MB per query")
        return JobError("WorkerLost", "the query worker stopped unexpectedly")

    async def run(self, job: str, timeout: float | None = None, lane: str = "page", **kwargs: Any) -> Any:
        """Run a job in a worker of the lane: Busy when the wait line is full, QueryTimeout when it overruns,
        QueryTooBig when it runs out of memory, JobError when it fails."""
        limit = timeout or self.timeout
        worker, generation, chosen = await self._worker(lane)
        if worker.quick:
            limit = min(limit, self.quick_timeout)
        try:
            worker.conn.send((job, kwargs))
            status, payload = await self._reply(worker, limit)
        except asyncio.TimeoutError:
            self._discard(worker, generation, chosen)
            if worker.quick:
                retry = max(1, math.ceil(self.timeout / 2))
                raise Busy(f"every {lane} worker is busy with a long query, and the one kept for short queries "
                           f"stops them at {limit:g} s; try again in {retry} s", retry) from None
            raise QueryTimeout(f"the query was stopped at the time limit of {limit:g} s") from None
        except (EOFError, OSError) as exc:
            lost = self._lost(worker)
            self._discard(worker, generation, chosen)
            raise lost from exc
        except BaseException:
            # Cancelled (the client hung up) while the worker may still be busy: replace it.
            self._discard(worker, generation, chosen)
            raise
        self._release(worker, generation, chosen)
        if status == "error":
            if payload[0] == "MemoryError":
                raise QueryTooBig(f"the query was stopped: it needed more than the memory limit of "
                                  f"{self.memory_mb} MB per query")
            raise JobError(*payload)
        return payload
