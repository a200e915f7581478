"""Bounded extraction: long lines and large files cost in proportion to their text; files over the size limit are refused."""
from __future__ import annotations

import resource
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


def build_cost(cli: Cli, text: str, where: Path) -> float:
    """Processor seconds to build `text` as a one-plan store in this process (spaCy already loaded)."""
    where.mkdir()
    plan = where / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    started = processor_time()
    outcome = cli("build", plan, "--store", where / "store", "--workers", "1")
    assert outcome.code == 0, outcome.err
    return processor_time() - started


LONG_LINES = {
    "capitals": "KẾ HOẠCH TỔNG THỂ PHÁT TRIỂN " * 1700,
    "capitals-and-numbers": "".join(f"QUYẾT ĐỊNH số {i}/QĐ-UBND CỦA ỦY BAN " for i in range(1400)),
    "one-word": "X" * 48_000 + " số 5/KH-UBND",
}


@pytest.mark.parametrize("kind", sorted(LONG_LINES))
def test_build_a_48_kb_line_of_capitals_costs_about_what_the_plan_costs(kind: str, cli: Cli, tmp_path: Path) -> None:
    """Measured against the same plan without the line, in the same run: a pattern that backtracks
    over a long line (22 s once) shows as a multiple, whatever else the machine is doing."""
    line = LONG_LINES[kind]
    assert len(line.encode("utf-8")) >= 48_000
    build_cost(cli, with_line(""), tmp_path / "warm-up")
    plain = build_cost(cli, with_line(""), tmp_path / "plain")
    long = build_cost(cli, with_line(line), tmp_path / "long")
    assert long < 5 * plain, f"{long:.2f} s of processor time with the line, {plain:.2f} s without"


def test_build_cost_grows_linearly_with_the_plan(cli: Cli, tmp_path: Path) -> None:
    """A 4 MB plan (extraction, store, inference) against a 1 MB one in the same run: about 4x the
    processor time when the cost is linear in the text (3.1-3.5x here), 16x when quadratic."""
    build_cost(cli, with_line(""), tmp_path / "warm-up")
    small = build_cost(cli, prose_plan(1_000_000), tmp_path / "1mb")
    text = prose_plan(4_000_000)
    assert len(text.encode("utf-8")) >= 4_000_000
    large = build_cost(cli, text, tmp_path / "4mb")
    assert large < 6 * small, f"4 MB: {large:.2f} s of processor time, 1 MB: {small:.2f} s"


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
