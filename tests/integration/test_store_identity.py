"""One document per source path and content: no document is dropped because another has the same
bytes or the same file name."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from plangraph.api.storage.store import OxigraphStore
from tests.conftest import Outcome
from tests.integration.test_build_batch import plan_variants

Cli = Callable[..., Outcome]
DOCUMENTS = """SELECT ?g ?name ?path ?sha WHERE { GRAPH ?g { ?g <https://w3id.org/plangraph/ontology#fileName> ?name ;
  <https://w3id.org/plangraph/ontology#sourcePath> ?path ; <https://w3id.org/plangraph/ontology#sha256> ?sha } }"""


def documents(store: Path) -> list[tuple[str, str, str]]:
    """(source path, file name, content hash) of every document graph."""
    db = OxigraphStore.open_existing(store)
    try:
        rows = db.select(DOCUMENTS).rows
    finally:
        db.close()
    return sorted((str(r["path"]), str(r["name"]), str(r["sha"])) for r in rows)


def test_store_same_content_under_two_names_is_two_documents(cli: Cli, tmp_path: Path) -> None:
    plan = plan_variants(tmp_path / "plans", 1)[0]
    shutil.copy(plan, plan.parent / "copy.txt")
    store = tmp_path / "store"
    assert cli("build", plan.parent, "--store", store, "--workers", "1").code == 0
    found = documents(store)
    assert [(p, n) for p, n, _ in found] == [("copy.txt", "copy.txt"), (plan.name, plan.name)]
    assert found[0][2] == found[1][2]  # the same bytes, two documents
    plans = cli("query", "plans", "--store", store, "--format", "csv").csv()
    assert sorted(row["document"] for row in plans) == ["copy.txt", plan.name]


def test_store_same_name_in_two_folders_is_two_documents(cli: Cli, tmp_path: Path) -> None:
    first, second = plan_variants(tmp_path / "variants", 2)
    for folder, plan in (("x", first), ("y", second)):
        (tmp_path / folder).mkdir()
        shutil.copy(plan, tmp_path / folder / "plan.txt")
    store = tmp_path / "store"
    outcome = cli("build", tmp_path / "x", tmp_path / "y", "--store", store, "--workers", "1")
    assert outcome.code == 0, outcome.err
    assert [(p, n) for p, n, _ in documents(store)] == [("x/plan.txt", "plan.txt"), ("y/plan.txt", "plan.txt")]
    # rebuilding one folder's plan after an edit replaces that document only
    edited = (tmp_path / "x" / "plan.txt")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cli("build", tmp_path / "x", tmp_path / "y", "--store", store, "--workers", "1").code == 0
    after = documents(store)
    assert [(p, n) for p, n, _ in after] == [("x/plan.txt", "plan.txt"), ("y/plan.txt", "plan.txt")]
    assert len({sha for _, _, sha in after}) == 2


def test_store_a_folder_is_keyed_by_file_names(cli: Cli, tmp_path: Path) -> None:
    plans = plan_variants(tmp_path / "plans", 2)
    store = tmp_path / "store"
    assert cli("build", plans[0].parent, "--store", store, "--workers", "1").code == 0
    assert cli("build", plans[0], "--store", store, "--workers", "1").code == 0  # one file again: replaced
    assert [p for p, _, _ in documents(store)] == sorted(p.name for p in plans)


def test_store_a_folder_built_again_with_another_keeps_one_document_per_file(cli: Cli, tmp_path: Path) -> None:
    first, second, third = plan_variants(tmp_path / "variants", 3)
    for folder, plan in (("x", first), ("y", second), ("z", third)):
        (tmp_path / folder).mkdir()
        shutil.copy(plan, tmp_path / folder / "plan.txt")
    store = tmp_path / "store"
    assert cli("build", tmp_path / "z", "--store", store, "--workers", "1").code == 0
    assert cli("build", tmp_path / "x", "--store", store, "--workers", "1").code == 0  # replaces nothing of z
    assert cli("build", tmp_path / "x", tmp_path / "y", "--store", store, "--workers", "1").code == 0
    assert [p for p, _, _ in documents(store)] == ["plan.txt", "x/plan.txt", "y/plan.txt"]
    assert cli("build", tmp_path / "y", "--store", store, "--workers", "1").code == 0  # y alone again
    assert [p for p, _, _ in documents(store)] == ["plan.txt", "plan.txt", "x/plan.txt"]
