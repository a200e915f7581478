"""Builds that only do what changed: each document carries its own inferred graph, the whole store
entails the same triples as the rules run over everything, and texts stored as they are are left alone."""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from plangraph.api.storage.store import DATABASE, MARKER
from plangraph.extract.infer import refresh, rules_for
from plangraph.extract.iris import facts_graph_iri, inferred_graph_iri
from plangraph.extract.schemas import ontology_graph
from tests.conftest import SEEDS, Outcome
from tests.integration.test_build import fingerprint

Cli = Callable[..., Outcome]
_INFERRED = "/inferred"


def _split(store: Path) -> tuple[set[ox.Quad], set[ox.Triple], set[ox.Triple]]:
    """Quads of the documents' and schema graphs, asserted triples, inferred triples (any inferred graph)."""
    db = ox.Store.read_only(str(store / DATABASE))
    facts = str(facts_graph_iri())
    # the summary's count (every graph but the facts graph, their merge) is kept up to date by
    # each build, not counted again
    assert json.loads((store / MARKER).read_text(encoding="utf-8"))["triples"] == sum(
        1 for q in db if q.graph_name.value != facts)  # type: ignore[union-attr]
    merged = {q.triple for q in db.quads_for_pattern(None, None, None, ox.NamedNode(facts))}
    asserted_quads, asserted, inferred = set(), set(), set()
    for quad in db:
        name = quad.graph_name.value  # type: ignore[union-attr]
        if name == facts:
            continue
        if name.endswith(_INFERRED):
            inferred.add(quad.triple)
        else:
            asserted_quads.add(quad)
            asserted.add(quad.triple)
    assert merged == asserted | inferred  # the facts graph follows every change
    return asserted_quads, asserted, inferred - asserted


def _whole_store_inference(asserted_quads: set[ox.Quad]) -> set[ox.Triple]:
    """What the rules infer when run over every graph at once (the store-wide SPARQL updates)."""
    db = ox.Store()
    db.extend(asserted_quads)
    target = inferred_graph_iri()
    refresh(db, rules_for(ontology_graph()), target)
    return {q.triple for q in db.quads_for_pattern(None, None, None, ox.NamedNode(str(target)))}


def _texts(tmp_path: Path, name: str, sources: list[Path]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for source in sources:
        shutil.copy(source, folder / source.name)
    return folder


def test_build_incremental_inference_equals_whole_store_rules(cli: Cli, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert cli("build", _texts(tmp_path, "first", SEEDS[:3]), "--store", store).code == 0
    assert cli("build", _texts(tmp_path, "then", SEEDS[3:]), "--store", store).code == 0
    quads, _, inferred = _split(store)
    assert inferred
    assert inferred == _whole_store_inference(quads)
    names = {q.graph_name.value for q in quads}  # type: ignore[union-attr]
    stored = ox.Store.read_only(str(store / DATABASE))
    for doc in (n for n in names if "/source/" in n):
        assert stored.contains_named_graph(ox.NamedNode(doc + _INFERRED)), doc


def test_build_incremental_same_texts_again_leave_the_store_untouched(cli: Cli, tmp_path: Path) -> None:
    texts = _texts(tmp_path, "texts", SEEDS)
    store = tmp_path / "store"
    assert cli("build", texts, "--store", store).code == 0
    before = fingerprint(store)
    again = cli("build", texts, "--store", store, "--workers", "2")
    assert again.code == 0, again.err
    assert fingerprint(store) == before


def test_build_incremental_edited_text_is_extracted_again_and_replaces_its_inference(cli: Cli, tmp_path: Path) -> None:
    texts = _texts(tmp_path, "texts", SEEDS[:2])
    store = tmp_path / "store"
    assert cli("build", texts, "--store", store).code == 0
    edited = texts / SEEDS[0].name
    edited.write_bytes(edited.read_bytes().replace("Sở Tư pháp".encode(), "Sở Y tế".encode()))
    assert cli("build", texts, "--store", store).code == 0
    quads, _, inferred = _split(store)
    assert inferred == _whole_store_inference(quads)
    graphs = {q.graph_name.value for q in quads if "/source/" in q.graph_name.value}  # type: ignore[union-attr]
    assert len(graphs) == 2
    all_graphs = {g.value for g in ox.Store.read_only(str(store / DATABASE)).named_graphs()}  # type: ignore[union-attr]
    assert {g for g in all_graphs if g.endswith(_INFERRED)} == {g + _INFERRED for g in graphs}


@pytest.mark.parametrize("change", ["fingerprint", "layout"])
def test_build_incremental_store_of_another_version_is_brought_up_to_date(change: str, cli: Cli, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert cli("build", _texts(tmp_path, "first", SEEDS[:3]), "--store", store).code == 0
    marker = json.loads((store / MARKER).read_text(encoding="utf-8"))
    if change == "layout":  # as the earlier layout was: no inferred graph per document
        db = ox.Store(str(store / DATABASE))
        for graph in [g for g in db.named_graphs() if g.value.endswith(_INFERRED)]:  # type: ignore[union-attr]
            db.remove_graph(graph)
        db.flush()
        del db
        marker.pop("layout")
    marker["fingerprint"] = "another version"
    (store / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    assert cli("build", _texts(tmp_path, "then", SEEDS[3:]), "--store", store).code == 0
    quads, _, inferred = _split(store)
    assert inferred == _whole_store_inference(quads)
    assert json.loads((store / MARKER).read_text(encoding="utf-8"))["fingerprint"] != "another version"


def test_build_incremental_same_texts_of_another_version_give_the_fresh_store(cli: Cli, tmp_path: Path) -> None:
    """Every stored text built again by a new version: the store is made anew (not emptied one
    document at a time), exactly as a fresh build makes it; a stored text left out is kept."""
    texts = _texts(tmp_path, "texts", SEEDS[:3])
    store, fresh, partial = tmp_path / "store", tmp_path / "fresh", tmp_path / "partial"
    for target in (store, partial):
        assert cli("build", texts, "--store", target).code == 0
        marker = json.loads((target / MARKER).read_text(encoding="utf-8"))
        marker["fingerprint"] = "another version"
        (target / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    assert cli("build", texts, "--store", store).code == 0
    assert cli("build", texts, "--store", fresh).code == 0
    assert _split(store)[0] == _split(fresh)[0]
    assert set(ox.Store.read_only(str(store / DATABASE))) == set(ox.Store.read_only(str(fresh / DATABASE)))
    # (removing every document and loading them again leaves a store several times larger)
    size = {s: sum(p.stat().st_size for p in (s / DATABASE).rglob("*.sst")) for s in (store, fresh)}
    assert size[store] < 1.5 * size[fresh], size
    assert cli("build", texts / SEEDS[0].name, texts / SEEDS[1].name, "--store", partial).code == 0
    kept = ox.Store.read_only(str(partial / DATABASE))
    names = {str(row["n"].value) for row in kept.query(  # type: ignore[union-attr, index]
        "SELECT ?n WHERE { GRAPH ?g { ?g <https://w3id.org/plangraph/ontology#fileName> ?n } }")}
    assert names == {s.name for s in SEEDS[:3]}


def test_build_incremental_store_wide_graph_joins_chains_across_documents() -> None:
    from plangraph.api.storage.schema import refresh_shared

    link = ox.NamedNode("http://www.w3.org/ns/org#subOrganizationOf")
    closed = ox.NamedNode("http://www.w3.org/ns/org#transitiveSubOrganizationOf")
    a, b, c = (ox.NamedNode(f"urn:org:{n}") for n in "abc")
    db = ox.Store()
    db.extend([ox.Quad(a, link, b, ox.NamedNode("urn:doc:1")), ox.Quad(a, closed, b, ox.NamedNode("urn:doc:1/inferred")),
               ox.Quad(b, link, c, ox.NamedNode("urn:doc:2")), ox.Quad(b, closed, c, ox.NamedNode("urn:doc:2/inferred"))])
    assert refresh_shared(db, rules_for(ontology_graph()), [], inferred_graph_iri()) >= 1
    shared = {q.triple for q in db.quads_for_pattern(None, None, None, ox.NamedNode(str(inferred_graph_iri())))}
    assert ox.Triple(a, closed, c) in shared
    assert ox.Triple(a, closed, b) not in shared  # already in a document's inferred graph
