"""Bounded extraction: long lines and large files build quickly; files over the size limit are refused."""
from __future__ import annotations

import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEEDS, Outcome
from tests.integration.test_build import fingerprint

Cli = Callable[..., Outcome]
PLAN = next(s for s in SEEDS if "Số: /KH-UBND" in s.read_text(encoding="utf-8"))


def with_line(line: str) -> str:
    """A sample plan with `line` inserted after its header."""
    head, sep, body = PLAN.read_text(encoding="utf-8").partition("\nI. ")
    return f"{head}\n{line}\n{sep}{body}"


def prose_plan(size: int) -> str:
    """A plan of about `size` bytes: a sample plan whose first part (purpose and requirements, plain
    paragraphs and bullets) is written again and again before its other parts."""
    head, sep, body = PLAN.read_text(encoding="utf-8").partition("\nI. ")
    first, rest = body.split("\nII. ", 1)
    part = f"{sep}{first}"
    copies = max(1, -(-(size - len(f"{head}\nII. {rest}".encode("utf-8"))) // len(part.encode("utf-8"))))
    return head + part * copies + "\nII. " + rest


def processor_time() -> float:
    """Processor time of this process and its finished children: on a shared machine the wall
    clock mostly measures the other processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


LONG_LINES = {
    "capitals": "KẾ HOẠCH TỔNG THỂ PHÁT TRIỂN " * 1700,
    "capitals-and-numbers": "".join(f"QUYẾT ĐỊNH số {i}/QĐ-UBND CỦA ỦY BAN " for i in range(1400)),
    "one-word": "X" * 48_000 + " số 5/KH-UBND",
}


@pytest.mark.parametrize("kind", sorted(LONG_LINES))
def test_build_a_48_kb_line_of_capitals_is_quick(kind: str, cli: Cli, tmp_path: Path) -> None:
    line = LONG_LINES[kind]
    assert len(line.encode("utf-8")) >= 48_000
    plan = tmp_path / "plan.txt"
    plan.write_text(with_line(line), encoding="utf-8")
    started, wall = processor_time(), time.perf_counter()
    outcome = cli("build", plan, "--store", tmp_path / "store", "--workers", "1")
    assert outcome.code == 0, outcome.err
    cpu = processor_time() - started
    assert cpu < 5, f"{cpu:.1f} s of processor time ({time.perf_counter() - wall:.1f} s wall clock)"


def test_build_a_4_mb_plan_is_quick(tmp_path: Path) -> None:
    """End to end in a fresh process (start-up, extraction, store, inference), timed as processor
    time: on a shared machine the wall clock mostly measures the other processes."""
    plan = tmp_path / "plan.txt"
    plan.write_text(prose_plan(4_000_000), encoding="utf-8")
    assert plan.stat().st_size >= 4_000_000
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "plangraph.api.cli", "build", str(plan), "--store",
                           str(tmp_path / "store")], capture_output=True, text=True, timeout=300)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stderr
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    assert cpu < 5, f"{cpu:.1f} s of processor time ({wall:.1f} s wall clock)"


def test_build_refuses_a_file_over_the_size_limit(cli: Cli, tmp_path: Path, seed_store: Path) -> None:
    big = tmp_path / "big.txt"
    text = with_line("")
    big.write_text(text * (1_100_000 // len(text.encode("utf-8")) + 1), encoding="utf-8")
    store = tmp_path / "store"
    before = fingerprint(seed_store)
    outcome = cli("build", big, "--store", seed_store, "--max-file-size", "1")
    assert outcome.code == 2 and str(big) in outcome.err and "over the limit of 1 MB" in outcome.err
    assert "Traceback" not in outcome.err
    assert fingerprint(seed_store) == before
    small = tmp_path / "small.txt"
    small.write_text(text, encoding="utf-8")
    skipped = cli("build", big, small, "--store", store, "--max-file-size", "1", "--skip-bad")
    assert skipped.code == 0 and "skipped" in skipped.err and str(big) in skipped.err


def test_build_size_limit_defaults_to_10_mb(cli: Cli, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as out:
        out.truncate(10_000_001)
    outcome = cli("build", big, "--store", tmp_path / "store")
    assert outcome.code == 2 and "over the limit of 10 MB" in outcome.err


def test_build_size_limit_must_be_positive(cli: Cli, tmp_path: Path) -> None:
    outcome = cli("build", PLAN, "--store", tmp_path / "store", "--max-file-size", "0")
    assert outcome.code == 2 and "--max-file-size" in outcome.err
