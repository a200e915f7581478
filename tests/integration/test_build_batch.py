"""Large batches: many files, several workers, one bad file among them."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from plangraph.api.storage.store import OxigraphStore

from tests.conftest import SEEDS, Outcome
from tests.integration.test_build import BAD_INPUTS, fingerprint

FILES = ("SELECT ?g ?name WHERE { GRAPH ?g { ?g <https://w3id.org/plangraph/ontology#fileName> ?name } }")
Cli = Callable[..., Outcome]
NUMBERED = [s for s in SEEDS if "Số: /KH-UBND" in s.read_text(encoding="utf-8")]


def plan_variants(folder: Path, count: int) -> list[Path]:
    """`count` distinct plans: copies of the sample plans that lack a number, each given its own number."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        seed = NUMBERED[i % len(NUMBERED)]
        text = seed.read_text(encoding="utf-8").replace("Số: /KH-UBND", f"Số: {100 + i}/KH-UBND", 1)
        target = folder / f"plan-{i:02d}.txt"
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def stored_files(store: Path) -> list[str]:
    """The file name of every document graph in the store (one entry per graph)."""
    db = OxigraphStore.open_existing(store)
    try:
        return [str(row["name"]) for row in db.select(FILES).rows]
    finally:
        db.close()


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    plan_variants(folder, 20)
    (folder / "plan-07-scan.txt").write_bytes(BAD_INPUTS["png"][0])
    return folder


@pytest.fixture
def store(tmp_path: Path, seed_store: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


def test_build_bad_file_among_many_with_workers_is_a_message(cli: Cli, batch: Path, store: Path) -> None:
    before = fingerprint(store)
    outcome = cli("build", batch, "--store", store, "--workers", "2")
    assert outcome.code == 2, outcome.err
    assert "Traceback" not in outcome.err
    assert str(batch / "plan-07-scan.txt") in outcome.err and "PNG image" in outcome.err
    assert fingerprint(store) == before
    single = cli("build", batch, "--store", store, "--workers", "1")
    assert (single.code, single.err) == (outcome.code, outcome.err)


def test_build_skip_bad_with_workers_stores_the_others(cli: Cli, batch: Path, tmp_path: Path) -> None:
    store = tmp_path / "new-store"
    outcome = cli("build", batch, "--store", store, "--workers", "2", "--skip-bad")
    assert outcome.code == 0, outcome.err
    assert "plan-07-scan.txt" in outcome.err
    assert sorted(stored_files(store)) == [f"plan-{i:02d}.txt" for i in range(20)]
