"""Shared fixtures: the sample corpus, a store built from it once per run, and a CLI runner."""
from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from api.cli import main
from extract.paths import SAMPLE_CORPUS_DIR

SEEDS = sorted(SAMPLE_CORPUS_DIR.glob("*.txt"))
OCR_SEED = SAMPLE_CORPUS_DIR / "000_9d97a9bda7f39042.txt"
PDF_SEED = SAMPLE_CORPUS_DIR / "002_a90d6cc7bffac5f6.txt"


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    def csv(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.out)))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Outcome]:
    """Run `plangraph ARGS…` in this process and capture what it prints."""

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store built from the five sample plans (read-only for tests: copy it before changing it)."""
    store = tmp_path_factory.mktemp("seed") / "store"
    assert main(["build", str(SAMPLE_CORPUS_DIR), "--store", str(store), "--workers", "1"]) == 0
    yield store
    shutil.rmtree(store, ignore_errors=True)
