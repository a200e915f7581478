"""Two renderings of one plan (OCR text 000, PDF export 002) are one plan with two sources."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from plangraph.extract.decode import decode
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from tests.conftest import OCR_SEED, PDF_SEED, Outcome


def _outline_of(path: Path) -> list[tuple[str, int]]:
    root = outline(normalize(decode(path.read_bytes(), path.name)).text)
    return [(s.path, len(s.items)) for s in root.walk() if s.path]


def test_renderings_have_identical_section_paths_and_item_counts() -> None:
    ocr, pdf = _outline_of(OCR_SEED), _outline_of(PDF_SEED)
    assert len(ocr) > 40
    assert ocr == pdf


def test_renderings_share_one_plan_iri(cli: Callable[..., Outcome], seed_store: Path) -> None:
    rows = cli("query", "plans", "--store", seed_store, "--format", "csv").csv()
    plan_of = {r["document"]: r["plan"] for r in rows}
    assert plan_of[OCR_SEED.name] == plan_of[PDF_SEED.name]


def test_renderings_give_the_same_tasks_per_section(cli: Callable[..., Outcome], seed_store: Path) -> None:
    rows = cli("query", "tasks", "--store", seed_store, "--format", "csv").csv()
    per_doc = {name: Counter(r["section"] for r in rows if r["document"] == name)
               for name in (OCR_SEED.name, PDF_SEED.name)}
    assert sum(per_doc[OCR_SEED.name].values()) > 50
    assert per_doc[OCR_SEED.name] == per_doc[PDF_SEED.name]


def test_plans_query_lists_five_documents_of_four_plans(cli: Callable[..., Outcome], seed_store: Path) -> None:
    rows = cli("query", "plans", "--store", seed_store, "--format", "csv").csv()
    assert len(rows) == 5
    assert len({r["plan"] for r in rows}) == 4
    for row in rows:
        assert row["province"] and row["issuer"].startswith("Ủy ban nhân dân tỉnh") and row["title"]
    pdf = next(r for r in rows if r["document"] == PDF_SEED.name)
    assert pdf["year"] == "2021"  # the PDF export lost its date line; the OCR rendering has it
