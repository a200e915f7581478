"""Real plans from other provinces (../shared/real beside the clone): none is refused, each text
is its own plan except renderings of one plan (seeds 000 and 002), and the layouts portals give
them (page numbers, Markdown tables, paragraphs run together) keep what is read."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from plangraph.api.cli import main
from plangraph.extract.normalize import normalize
from plangraph.extract.paths import ROOT
from plangraph.extract.outline import Section, outline
from plangraph.extract.tables import find_tables, table_spans
from tests.conftest import OCR_SEED, PDF_SEED, SEEDS, Outcome
from tests.render_layouts import markdown_tables, run_in, with_page_numbers

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


def long_tables(path: Path) -> bool:
    """Whether a text has a cell-per-line table of more than 12 rows."""
    text = path.read_text(encoding="utf-8")
    return "\n|\n" in text and any(len(t.rows) > 12 for t in find_tables(normalize(text).text))


@pytest.mark.parametrize("path", [p for p in REAL_TEXTS if long_tables(p)], ids=lambda p: p.name)
def test_real_plans_page_numbers_between_table_rows_change_no_row(path: Path) -> None:
    text = normalize(path.read_text(encoding="utf-8")).text
    paged = with_page_numbers(text, 12)
    assert paged.count("\n") > text.count("\n")
    assert [[[c.text for c in r.cells] for r in t.rows] for t in find_tables(paged)] == \
        [[[c.text for c in r.cells] for r in t.rows] for t in find_tables(text)]


def cell_tables(path: Path) -> bool:
    """Whether a text has a cell-per-line table."""
    return "\n|\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [p for p in REAL_TEXTS if cell_tables(p)], ids=lambda p: p.name)
def test_real_plans_tables_written_as_markdown_rows_keep_their_rows_and_columns(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    markdown = markdown_tables(text)
    assert "|---|" in markdown
    written, read = find_tables(normalize(text).text), find_tables(normalize(markdown).text)
    assert [t.columns for t in read] == [t.columns for t in written]
    assert [[[c.text for c in r.cells] for r in t.rows] for t in read] == \
        [[[c.text for c in r.cells] for r in t.rows] for t in written]


@pytest.mark.parametrize("path", [p for p in sorted(REAL.glob("texts/*.txt")) if cell_tables(p)], ids=lambda p: p.name)
def test_real_plans_tables_run_together_with_the_text_keep_their_rows(path: Path) -> None:
    """A page that lost every line break, its tables' too ("… như sau: | STT | Nội dung | | 1 | Làm A
    |"), still gives each table's rows and cells."""
    text = path.read_text(encoding="utf-8")
    run_together = run_in(text, tables=True)
    assert "\n|\n" not in run_together
    published, read = find_tables(normalize(text).text), find_tables(normalize(run_together).text)
    assert [[[c.text for c in r.cells] for r in t.rows] for t in read if t.rows] == \
        [[[c.text for c in r.cells] for r in t.rows] for t in published if t.rows]


def section_paths(text: str) -> set[str]:
    """The paths of every section the outline reads in a text."""
    clean = normalize(text).text
    found, stack = set(), [outline(clean, skip=table_spans(find_tables(clean)))]
    while stack:
        section: Section = stack.pop()
        found |= {child.path for child in section.children}
        stack += section.children
    return found


WHOLE_TEXTS = sorted(REAL.glob("texts/*.txt")) + SEEDS


@pytest.mark.parametrize("path", WHOLE_TEXTS, ids=lambda p: p.name)
def test_real_plans_run_together_keep_their_outline(path: Path) -> None:
    """A page that lost its paragraph breaks ("… như sau: I. MỤC ĐÍCH 1. Mục đích - Nâng cao …")
    still gives the plan's parts and items: at least 80 % of the sections of the text as published."""
    text = path.read_text(encoding="utf-8")
    published, run_together = section_paths(text), section_paths(run_in(text))
    assert len(published) >= 10
    assert len(published & run_together) >= 0.8 * len(published), sorted(published - run_together)
