"""Bulk loads per build: N-Quads handed to Oxigraph's bulk loader, in loads of bounded size.

The bulk loader writes sorted, compressed files straight to disk (no write-ahead log). Its
memory grows with the quads one load is given, up to two batches of a million quads (one being
read, one being sorted). So a corpus goes to the loader in loads of `LOAD_QUADS` lines, the next
one read while the one before writes its files: at 2,000 plans the build process peaks at about
0.8 GB instead of 1.3 GB, and builds no slower. The files of successive loads overlap (each
graph's keys spread over every index), and RocksDB merges them as they come, into files it does
not compress at these sizes (as the whole-store compaction does, `OxigraphStore.compact`).

A build's lines come in two parts (`Loads`): each document's own graphs, and the same triples for
the facts graph (the merge of every graph, api/storage/facts.py). For a small build they go to
two loads side by side, where one load would parse and sort in a single thread; a corpus has them
in one stream of loads (api/storage/loading.py).

Two writers, one interface (`add`, `close`, `flush`, `discard`):
- `SpooledWriter` writes the lines to a file beside the store and loads it at `flush`: for a
  store that already holds documents, whose older versions are removed while the lines arrive
  (Oxigraph's bulk loader must not run beside deletions).
- `StreamedWriter` feeds a loader that runs in a thread from the start, through a named pipe: a
  fresh store's load then goes on while the next plans are extracted (where the file system has
  no named pipes, the lines are spooled instead).
"""
from __future__ import annotations

import errno
import fcntl
import itertools
import os
import threading
import time
from pathlib import Path
from typing import BinaryIO, Protocol

import pyoxigraph as ox

_OPEN_WAIT_SECONDS = 0.01
_PIPE_BYTES = 1 << 20  # a pipe's buffer (Linux's default is 64 kB; 1 MB is what it allows without privileges)
_SLICE_BYTES = 1 << 19  # written to one loader before turning to the other
# lines per load of a corpus: 2,000 plans built with one worker in loads of 200,000 / 300,000 /
# 400,000 / all quads peaked at 0.6 / 0.8 / 1.0 / 1.3 GB and took 77 / 72 / 68 / 76 s
LOAD_QUADS = 300_000


class BulkWriter(Protocol):
    db: ox.Store

    def add(self, data: bytes | memoryview) -> None: ...

    def close(self) -> None: ...

    def flush(self) -> None: ...

    def discard(self) -> None: ...


def _load(db: ox.Store, source: Path | bytes) -> None:
    # lenient: the lines are written here from terms minted here (about a third less parsing
    # time than checking every IRI again)
    if isinstance(source, Path):
        db.bulk_load(path=str(source), format=ox.RdfFormat.N_QUADS, lenient=True)
    else:
        db.bulk_load(source, format=ox.RdfFormat.N_QUADS, lenient=True)


class SpooledWriter:
    """N-Quads spooled to a file, loaded at `flush` in loads of `LOAD_QUADS` lines."""

    def __init__(self, db: ox.Store, spool: Path) -> None:
        self.db = db
        self.spool = spool
        self.handle: BinaryIO | None = None
        self.size = 0

    def add(self, data: bytes | memoryview) -> None:
        if not data:
            return
        if self.handle is None:
            self.handle = open(self.spool, "wb")
        self.handle.write(data)
        self.size += len(data)

    def close(self) -> None:
        """Nothing to do before `flush`: the spool is loaded there."""

    def flush(self) -> None:
        if self.handle is None:
            return
        self.handle.close()
        self.handle = None
        try:
            if self.size:
                with open(self.spool, "rb") as lines:
                    while piece := b"".join(itertools.islice(lines, LOAD_QUADS)):
                        _load(self.db, piece)
        finally:
            self.size = 0
            self.spool.unlink(missing_ok=True)

    def discard(self) -> None:
        """Drop what was not loaded (a refused batch)."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        self.size = 0
        self.spool.unlink(missing_ok=True)


class StreamedWriter:
    """N-Quads written into a named pipe that a loader thread reads as they come."""

    @classmethod
    def beside(cls, db: ox.Store, pipe: Path, load_quads: int = 0) -> StreamedWriter | None:
        """A writer through a new named pipe at `pipe`; None where the file system has none."""
        pipe.unlink(missing_ok=True)
        try:
            os.mkfifo(pipe)
        except OSError:
            return None
        return cls(db, pipe, load_quads)

    def __init__(self, db: ox.Store, pipe: Path, load_quads: int = 0) -> None:
        """`load_quads`: once a load was handed that many lines, the next `add` starts another
        (each `add` must then hand whole lines); 0: one load for everything."""
        self.db = db
        self.pipe = pipe
        self.load_quads = load_quads
        self.handed = 0  # lines given to the current load
        self.fd: int | None = None
        self.thread: threading.Thread | None = None
        self.previous: threading.Thread | None = None  # the load before, finishing its last batch
        self.errors: list[BaseException] = []
        self.closed = False

    def _run(self) -> None:
        try:
            _load(self.db, self.pipe)
        except BaseException as exc:  # handed to the build's thread at flush
            self.errors.append(exc)

    def _open(self) -> int:
        """Start the loader and open the pipe's writing end once it reads (or fail with it)."""
        self.thread = threading.Thread(target=self._run, name="bulk-load", daemon=True)
        self.thread.start()
        while (fd := self._writing_end()) is None:
            if not self.thread.is_alive():
                self._finish()
                raise OSError(errno.EPIPE, "the bulk loader stopped before reading")
            time.sleep(_OPEN_WAIT_SECONDS)
        os.set_blocking(fd, True)
        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        except OSError:  # a smaller buffer only means more turns between writer and loader
            pass
        return fd

    def _writing_end(self) -> int | None:
        """The pipe's writing end (non-blocking), or None while the loader has not opened it."""
        try:
            return os.open(self.pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
            return None

    def add(self, data: bytes | memoryview) -> None:
        if not data:
            return
        if self.load_quads and self.handed >= self.load_quads:
            self._next_load()
        if self.fd is None:
            self.fd = self._open()
        if self.load_quads:
            self.handed += bytes(data).count(b"\n")
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view):]
        except BrokenPipeError:
            self._finish()  # the loader failed: its error says why
            raise

    def close(self) -> None:
        """End the input: the loader goes on with what it was given (`flush` waits for it)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        elif not self.closed:
            self._release_reader()
        self.closed = True

    def _next_load(self) -> None:
        """End the current load's input and make the pipe for the next one: the current load
        finishes its last batch while the next one's lines arrive (an earlier one is waited for
        first, so at most two are under way)."""
        self._join_previous()
        assert self.fd is not None
        os.close(self.fd)
        self.fd = None
        self.previous, self.thread = self.thread, None
        self.pipe.unlink(missing_ok=True)  # the current load has it open already
        os.mkfifo(self.pipe)
        self.handed = 0

    def _join_previous(self) -> None:
        if self.previous is not None:
            self.previous.join()
            self.previous = None
        if self.errors:
            self._finish()  # (raises the first error)

    def _finish(self, report: bool = True) -> None:
        """Close the writing end and wait for the loader to take what it was given; raise its
        error unless `report` is off."""
        self.close()
        for thread in (self.previous, self.thread):
            if thread is not None:
                thread.join()
        self.previous = self.thread = None
        self.pipe.unlink(missing_ok=True)
        errors, self.errors = self.errors, []
        if errors and report:
            raise errors[0]

    def _release_reader(self) -> None:
        """A loader still waiting for the pipe's writing end (the build was stopped while opening
        it) is given one that closes at once: it reads an empty input and ends."""
        while self.thread is not None and self.thread.is_alive():
            try:
                fd = self._writing_end()
            except OSError:  # no pipe left to open: nothing waits on it
                return
            if fd is not None:
                os.close(fd)
                return
            time.sleep(_OPEN_WAIT_SECONDS)

    def flush(self) -> None:
        self._finish()

    def discard(self) -> None:
        """End the load without a word (a refused batch: its store copy is thrown away)."""
        self._finish(report=False)


class Loads:
    """Each document's own graphs and its part of the facts graph, through two writers (two loads
    side by side) or one."""

    def __init__(self, own: BulkWriter, facts: BulkWriter | None = None) -> None:
        self.own = own
        self.facts = facts  # None: the facts graph's lines go through `own` too
        self.db = own.db

    def add(self, own: bytes, facts: bytes = b"") -> None:
        """Hand over both. To two writers, a slice of each in turn: each loader parses while the
        other's pipe is filled (writing one whole and then the other would leave a loader waiting)."""
        if self.facts is None:
            self.own.add(own)
            self.own.add(facts)
            return
        first, second = memoryview(own), memoryview(facts)
        for start in range(0, max(len(first), len(second)), _SLICE_BYTES):
            self.own.add(first[start:start + _SLICE_BYTES])
            self.facts.add(second[start:start + _SLICE_BYTES])

    def flush(self) -> None:
        """Both inputs end first, then both loads are waited for: the two finish side by side."""
        if self.facts is None:
            self.own.flush()
            return
        self.own.close()
        self.facts.close()
        try:
            self.own.flush()
        except BaseException:
            self.facts.discard()
            raise
        self.facts.flush()

    def discard(self) -> None:
        self.own.discard()
        if self.facts is not None:
            self.facts.discard()
