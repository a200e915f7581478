"""Store integrity: one build at a time, a swap that always leaves a valid store at the path,
no leftovers, and no extraction worker outliving a terminated build."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from plangraph.api.storage import swap
from plangraph.api.storage.store import MARKER, OxigraphStore
from tests.conftest import SEEDS, Outcome
from tests.integration.test_build_batch import plan_variants, stored_files

Cli = Callable[..., Outcome]
CRASH = """
import os, sys
import plangraph.api.storage.swap as swap
step, mode = sys.argv[1], sys.argv[2]
def crash(name):
    if name == step:
        os._exit(9)
swap._step = crash
if mode == "two-renames":
    swap._exchange = lambda a, b: False
from plangraph.api.cli import main
sys.exit(main(sys.argv[3:]))
"""
STEPS = [("exchange", "built"), ("exchange", "exchanged"), ("exchange", "removed-old"),
         ("two-renames", "built"), ("two-renames", "moved-aside"), ("two-renames", "moved-in"),
         ("two-renames", "removed-old")]


@pytest.fixture
def store(tmp_path: Path, seed_store: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


def leftovers(store: Path) -> list[str]:
    return sorted(p.name for p in store.parent.iterdir()
                  if p.name.startswith(f".{store.name}.") and p.name != f".{store.name}.lock")


def plangraph(*args: object, env_extra: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "plangraph.api.cli", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env_extra or {})})


@pytest.mark.parametrize("mode, step", STEPS)
def test_store_swap_killed_at_any_step_leaves_a_valid_store(mode: str, step: str, store: Path,
                                                            tmp_path: Path) -> None:
    old = sorted(stored_files(store))
    new_plan = plan_variants(tmp_path / "new", 1)[0]
    done = subprocess.run([sys.executable, "-c", CRASH, step, mode, "build", new_plan, "--store", store,
                           "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 9, done.stderr
    # whatever the step, the path holds a whole store: the previous one or the new one
    assert sorted(stored_files(store)) in (old, sorted(old + [new_plan.name]))
    assert (store / MARKER).is_file()
    again = subprocess.run([sys.executable, "-m", "plangraph.api.cli", "build", new_plan, "--store", store,
                            "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert sorted(stored_files(store)) == sorted(old + [new_plan.name])
    assert leftovers(store) == []


def test_store_swap_recovers_a_store_left_aside(store: Path) -> None:
    files = stored_files(store)
    store.rename(store.parent / f".{store.name}.old-4242")  # a build died between its two renames
    assert stored_files(store) == files
    assert leftovers(store) == []


def test_store_build_removes_copies_of_killed_builds(cli: Cli, store: Path) -> None:
    for name in (f".{store.name}.building-4242", f".{store.name}.old-4243"):
        (store.parent / name / "oxigraph").mkdir(parents=True)
        (store.parent / name / "oxigraph" / "big.sst").write_bytes(b"\0" * 1000)
    outcome = cli("build", SEEDS[0], "--store", store, "--workers", "1")
    assert outcome.code == 0, outcome.err
    assert leftovers(store) == []


def test_store_second_build_waits_for_the_first(tmp_path: Path, store: Path) -> None:
    for round_ in range(2):
        plans = plan_variants(tmp_path / f"round{round_}", 2)
        before = set(stored_files(store))
        builds = [plangraph("build", plan, "--store", store, "--workers", "1") for plan in plans]
        for build in builds:
            _, err = build.communicate(timeout=300)
            assert build.returncode == 0, err
        assert set(stored_files(store)) == before | {p.name for p in plans}


def test_store_build_refuses_when_another_keeps_the_store_too_long(cli: Cli, store: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(swap, "LOCK_WAIT_SECONDS", 0.5)
    with swap.locked(store.resolve()):
        outcome = cli("build", SEEDS[0], "--store", store, "--workers", "1")
    assert outcome.code == 2 and str(store.resolve()) in outcome.err
    assert f"another build (pid {os.getpid()}) is writing this store" in outcome.err


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_store_sigterm_during_build_leaves_no_workers(tmp_path: Path) -> None:
    plans = plan_variants(tmp_path / "batch", 24)
    store = tmp_path / "store"
    build = plangraph("build", plans[0].parent, "--store", store, "--workers", "2")
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and build.poll() is None and len(workers) < 2:
            workers = [c for c in _children(build.pid) if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text()]
            time.sleep(0.1)
        assert len(workers) >= 2, ("the build did not start its workers", build.poll())
        time.sleep(1)
        build.send_signal(signal.SIGTERM)
        try:
            build.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail("the build did not end on SIGTERM")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "workers outlived the build"
        assert not store.exists() and leftovers(store) == []
    finally:  # whatever happened, end the processes this test started
        for pid in [build.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        build.communicate()
