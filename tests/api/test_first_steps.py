"""A newcomer's first commands: query help names the questions, plain .rq files run, tables fit,
the store remembers its IRI base and a store built for one address refuses another."""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from plangraph.api.query.catalog import load_all
from plangraph.api.query.text_table import render
from plangraph.api.settings import serving_base
from plangraph.api.storage.store import recorded_base
from plangraph.extract.iris import DEFAULT_BASE
from tests.conftest import Outcome

Cli = Callable[..., Outcome]


def test_cli_query_help_lists_every_named_query(cli: Cli) -> None:
    outcome = cli("query", "--help")
    assert outcome.code == 0
    for name, query in load_all().items():
        assert f"  {name} " in outcome.out
    assert "agency_key" in outcome.out


def test_cli_query_runs_a_plain_rq_file_without_header(cli: Cli, seed_store: Path, tmp_path: Path) -> None:
    plain = tmp_path / "My count.rq"
    plain.write_text("PREFIX plan: <https://w3id.org/plangraph/ontology#>\n"
                     "SELECT (COUNT(DISTINCT ?task) AS ?n) WHERE { ?plan plan:hasTask ?task }\n", encoding="utf-8")
    outcome = cli("query", plain, "--store", seed_store, "--format", "csv")
    assert outcome.code == 0, outcome.err
    assert int(outcome.csv()[0]["n"]) > 100


def test_cli_query_missing_rq_file_is_a_usage_error(cli: Cli, seed_store: Path, tmp_path: Path) -> None:
    outcome = cli("query", tmp_path / "absent.rq", "--store", seed_store)
    assert outcome.code == 2 and "no such query file" in outcome.err


@pytest.mark.parametrize("width", [60, 100, 160])
def test_text_table_fits_the_terminal_width(width: int) -> None:
    cells = [["Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu " * 2, "lead", "x" * 90],
             ["Sở Nội vụ", "coordinate", "ngắn"]]
    text = render(["agency", "role", "task_text"], cells, width=width)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines), lines
    assert lines[0].split() == ["agency", "role", "task_text"]  # headers are never cut
    assert "…" in lines[2] and lines[-1] == "(2 rows)"


def test_text_table_too_many_columns_become_blocks_that_fit() -> None:
    columns = [f"column_{i}" for i in range(13)]
    cells = [[f"value {i} " + "rất dài " * 12 for i in range(13)] for _ in range(2)]
    text = render(columns, cells, width=80)
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert lines[0] == "-- 1 --" and lines[-1] == "(2 rows)"
    assert sum(line.startswith("column_") for line in lines) == 26  # every cell of every row, none cut
    assert "…" not in text


def test_cli_query_table_fits_columns_env(cli: Cli, seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    for name in ("tasks", "plans"):
        outcome = cli("query", name, "--store", seed_store)
        assert outcome.code == 0
        assert max(len(line) for line in outcome.out.splitlines()) <= 90


def test_build_records_its_base_and_refuses_another(cli: Cli, seed_store: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANGRAPH_BASE", DEFAULT_BASE)  # --base sets it in this process: undone after the test
    assert recorded_base(seed_store) == DEFAULT_BASE
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    plan = next((Path(__file__).parents[2] / "data" / "plans").glob("001_*.txt"))
    refused = cli("build", plan, "--store", store, "--base", "http://127.0.0.1:8765")
    assert refused.code == 2 and "http://127.0.0.1:8765" in refused.err and DEFAULT_BASE in refused.err
    fresh = tmp_path / "fresh"
    assert cli("build", plan, "--store", fresh, "--base", "http://127.0.0.1:8765/").code == 0
    assert json.loads((fresh / "plangraph.json").read_text())["base"] == "http://127.0.0.1:8765"
    iris = cli("query", "plans", "--store", fresh, "--format", "csv").csv()
    assert iris and all(row["plan"].startswith("http://127.0.0.1:8765/eli/") for row in iris)


def test_serving_base_follows_the_store_unless_configured(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANGRAPH_BASE", "")
    assert serving_base(str(seed_store), "127.0.0.1", 8000) == (DEFAULT_BASE, None)
    base, note = serving_base(str(seed_store), "127.0.0.1", 8765)
    assert base == DEFAULT_BASE and note and "--base http://127.0.0.1:8765" in note
    monkeypatch.setenv("PLANGRAPH_BASE", "http://example.org/")
    assert serving_base(str(seed_store), "127.0.0.1", 8765) == ("http://example.org", None)
