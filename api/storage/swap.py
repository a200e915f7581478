"""Replacing a store directory safely: one build at a time, a swap that never leaves the path
without a store, and recovery of whatever an interrupted build left behind.

Beside a store `DIR` live, for the time of a build only:
- `.DIR.lock`: held (flock) by the build that writes the store; a second build waits for it;
- `.DIR.building-PID`: the new store being filled;
- `.DIR.old-PID`: the previous store, only where the atomic exchange is not available and the
  swap has to take two renames. If a build dies between them, the next build (or the next
  start of a server or query on the store) moves it back.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from plangraph.extract.errors import StoreError

LOCK_WAIT_SECONDS = 600.0
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _step(name: str) -> None:
    """A named point of the swap; tests replace this to stop the process exactly there."""


def lock_path(store_dir: Path) -> Path:
    return store_dir.parent / f".{store_dir.name}.lock"


def leftovers(store_dir: Path, kind: str) -> list[Path]:
    """`.DIR.building-*` or `.DIR.old-*` beside the store, oldest first."""
    found = list(store_dir.parent.glob(f".{store_dir.name}.{kind}-*"))
    return sorted(found, key=lambda p: p.stat().st_mtime)


@contextmanager
def locked(store_dir: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the store's lock; wait up to `wait` seconds (default LOCK_WAIT_SECONDS) for another
    build to finish first."""
    with open(lock_path(store_dir), "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise StoreError(str(store_dir), f"another build ({holder}) is writing this store; "
                                                     "try again when it has finished") from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover(store_dir: Path, marker: str) -> None:
    """With the lock held: put back a previous store an interrupted swap left aside, and remove
    the copies of builds that did not finish."""
    olds = leftovers(store_dir, "old")
    if olds and not store_dir.exists() and (olds[-1] / marker).is_file():
        olds.pop().rename(store_dir)
    for path in olds + leftovers(store_dir, "building"):
        shutil.rmtree(path, ignore_errors=True)


def recover_if_idle(store_dir: Path, marker: str) -> None:
    """Recover an interrupted swap unless a build is at work on the store right now."""
    if store_dir.exists() or not leftovers(store_dir, "old"):
        return
    try:
        with locked(store_dir, wait=0):
            recover(store_dir, marker)
    except (StoreError, OSError):
        pass  # a build is running (it recovers itself) or the folder is not writable


def swap_in(work: Path, store_dir: Path) -> None:
    """Make the finished store `work` the store at `store_dir`; the previous one is removed.

    Where the system can exchange two paths atomically, the path holds the previous store until
    the instant it holds the new one. Elsewhere the previous store is renamed aside first and
    `recover` puts it back if the process dies before the new one is in place.
    """
    if not store_dir.exists():
        work.rename(store_dir)
        _step("moved-in")
        return
    if _exchange(work, store_dir):
        _step("exchanged")
        shutil.rmtree(work)  # it now holds the previous store
        _step("removed-old")
        return
    old = store_dir.parent / f".{store_dir.name}.old-{os.getpid()}"
    store_dir.rename(old)
    _step("moved-aside")
    work.rename(store_dir)
    _step("moved-in")
    shutil.rmtree(old)
    _step("removed-old")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
