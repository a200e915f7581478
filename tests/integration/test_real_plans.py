"""Real plans from other provinces (../shared/real beside the clone): none is refused, and each
text is its own plan except renderings of one plan (seeds 000 and 002)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from plangraph.api.cli import main
from plangraph.extract.paths import ROOT
from tests.conftest import OCR_SEED, PDF_SEED, SEEDS, Outcome

REAL = ROOT.parent / "shared" / "real"
REAL_TEXTS = sorted(REAL.glob("texts/*.txt")) + sorted(REAL.glob("headers/*.txt"))

pytestmark = pytest.mark.skipif(not REAL_TEXTS, reason=f"no real plans at {REAL} (shared material beside the clone)")


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real plans (whole texts and plan beginnings) and the seeds, built in one batch by two workers."""
    store = tmp_path_factory.mktemp("real") / "store"
    code = main(["build", *map(str, REAL_TEXTS), *map(str, SEEDS), "--store", str(store), "--workers", "2"])
    assert code == 0, "a real plan was refused"
    yield store


def test_real_plans_none_is_refused(cli: Callable[..., Outcome], real_store: Path) -> None:
    rows = cli("query", "plans", "--store", real_store, "--format", "csv").csv()
    assert {r["document"] for r in rows} == {p.name for p in REAL_TEXTS + SEEDS}
    for row in rows:
        if row["document"] in {p.name for p in REAL_TEXTS}:
            assert row["number"] and row["issued"] and row["province"] and row["title"], row


def test_real_plans_distinct_texts_are_distinct_plans(cli: Callable[..., Outcome], real_store: Path) -> None:
    rows = cli("query", "plans", "--store", real_store, "--format", "csv").csv()
    plan_of = {r["document"]: r["plan"] for r in rows}
    assert len(plan_of) == len(REAL_TEXTS) + len(SEEDS) == 26
    assert plan_of[OCR_SEED.name] == plan_of[PDF_SEED.name]
    assert len(set(plan_of.values())) == len(plan_of) - 1 == 25
