"""`plangraph validate` prints a bilingual report and exits 1 only on a Violation."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from plangraph.api.cli import main
from plangraph.api.storage.store import OxigraphStore, rebuild

PLAN = "http://127.0.0.1:8000/eli/vn/lai-chau/kh/draft/ke-hoach"
SOURCE = f"{PLAN}/source/abcdef0123456789"
GOOD = f"""
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix plan: <https://w3id.org/plangraph/ontology#> .
<{SOURCE}> a eli:LegalExpression ; eli:realizes <{PLAN}> ; plan:fileName "000_a.txt" ;
    plan:sha256 "{'a' * 64}" .
<{PLAN}> a eli:LegalResource ; eli:title "Kế hoạch"@vi ; plan:hasTask <{PLAN}/task/III.1-1> .
<{PLAN}/task/III.1-1> a plan:Task .
"""
BAD_TASK = f"<{PLAN}/task/III.1-1> <https://w3id.org/plangraph/ontology#taskText> \"Tuyên truyền\"@vi ."


def _store(tmp_path: Path, turtle: str) -> Path:
    graph = Graph().parse(data=turtle, format="turtle")
    target = tmp_path / "store"

    def fill(store: OxigraphStore) -> dict[str, object]:
        store.replace_graphs({URIRef(SOURCE): graph})
        return {}
    rebuild(target, fill)
    return target


def test_validate_exits_1_on_violation_with_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = _store(tmp_path, GOOD)  # a task without text and without evidence
    assert main(["validate", "--store", str(store)]) == 1
    out = capsys.readouterr().out
    assert "Nhiệm vụ không có nội dung." in out and "Task has no text." in out
    assert "Plan has no number" in out and "000_a.txt" in out


def test_validate_exits_0_when_only_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    turtle = GOOD.replace(f"<{PLAN}/task/III.1-1> a plan:Task .", "") + BAD_TASK.replace("taskText", "ordinal")
    store = _store(tmp_path, turtle)
    assert main(["validate", "--store", str(store), "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["conforms"] is True
    assert body["counts"]["Warning"] >= 2  # no number, no date
    assert body["plans"][0]["plan"] == PLAN
    assert body["plans"][0]["documents"][0]["document"] == "000_a.txt"


def test_validate_turtle_is_one_shacl_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = _store(tmp_path, GOOD)
    assert main(["validate", "--store", str(store), "--format", "turtle"]) == 1
    graph = Graph().parse(data=capsys.readouterr().out, format="turtle")
    reports = list(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                  URIRef("http://www.w3.org/ns/shacl#ValidationReport")))
    assert len(reports) == 1


def test_validate_exits_2_without_a_store(tmp_path: Path) -> None:
    assert main(["validate", "--store", str(tmp_path / "missing")]) == 2
