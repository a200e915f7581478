"""A test run ends with its processes: nothing a test started outlives the run, and the run exits.

Servers, builds, Virtuoso and Chromium are started by the tests. A process orphaned by one of
them (a worker whose server was killed, a helper that detached itself) would keep the run's output
open after pytest has finished, and a thread still busy at exit would keep pytest from exiting.
So the run adopts orphans (Linux's child subreaper), ends whatever is still running below it when
the session finishes (and names it), and, should the interpreter still not exit, prints where
every thread stands and exits with the session's status.
"""
from __future__ import annotations

import ctypes
import faulthandler
import os
import signal
import sys
import threading
import time

import pytest

from tests.processes import descendants

PR_SET_CHILD_SUBREAPER = 36
EXIT_GRACE_S = 60.0
STATUS = pytest.StashKey[int]()
# Started by multiprocessing for this process itself; they end when it exits.
OWN_HELPERS = ("multiprocessing.resource_tracker", "multiprocessing.forkserver")


def _adopt_orphans() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: orphans go to init, as before
        pass


def _command(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            return file.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()[:200]
    except OSError:
        return "?"


def _end_leftovers() -> list[str]:
    """Kill every process still running below this one (its own multiprocessing helpers apart),
    reap those that are its children, and return their command lines."""
    left = {pid: _command(pid) for pid in descendants(os.getpid())}
    left = {pid: command for pid, command in left.items() if not any(h in command for h in OWN_HELPERS)}
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 5
    while left.keys() & descendants(os.getpid()) and time.monotonic() < deadline:
        _reap()
        time.sleep(0.05)
    _reap()
    return [f"{pid} {command}" for pid, command in sorted(left.items())]


def _reap() -> None:
    """Collect the exit status of every ended child, orphans adopted by this process included."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _exit_anyway(status: int) -> None:
    time.sleep(EXIT_GRACE_S)
    sys.stderr.write(f"\nThe test run did not exit within {EXIT_GRACE_S:.0f} s of its end; its threads:\n")
    faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
    sys.stderr.flush()
    os._exit(status)


def pytest_configure(config: pytest.Config) -> None:
    _adopt_orphans()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[STATUS] = int(exitstatus)
    left = _end_leftovers()
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = ["processes still running when the tests ended (killed):", *left]
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line("\n".join(lines), yellow=True)
        else:
            sys.stderr.write("\n".join(lines) + "\n")


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    status = config.stash.get(STATUS, 1)
    threading.Thread(target=_exit_anyway, args=(status,), name="exit-watchdog", daemon=True).start()
