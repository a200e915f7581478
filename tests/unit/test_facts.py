"""The facts graph follows the documents' graphs: a triple leaves it only when no document states it."""
from __future__ import annotations

import pyoxigraph as ox

from plangraph.api.storage import facts
from plangraph.extract.iris import facts_graph_iri

A, B = "http://x/eli/vn/a/source/1", "http://x/eli/vn/a/source/2"
SHARED = ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("both"))
ONLY_A = ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("a"))


def _store() -> ox.Store:
    db = ox.Store()
    db.extend([ox.Quad(*SHARED, ox.NamedNode(A)), ox.Quad(*ONLY_A, ox.NamedNode(A)), ox.Quad(*SHARED, ox.NamedNode(B))])
    facts.remember(db, [A, B])
    return db


def _facts(db: ox.Store) -> set[str]:
    return {q.object.value for q in db.quads_for_pattern(None, None, None, ox.NamedNode(str(facts_graph_iri())))}


def test_facts_remember_keeps_each_triple_once() -> None:
    db = _store()
    assert _facts(db) == {"both", "a"}
    assert len(list(db.quads_for_pattern(None, None, None, ox.NamedNode(str(facts_graph_iri()))))) == 2


def test_facts_forget_keeps_what_another_document_states() -> None:
    db = _store()
    facts.forget(db, [A])
    assert _facts(db) == {"both"}


def test_facts_forget_both_documents_empties_the_graph() -> None:
    db = _store()
    facts.forget(db, [A, B])
    assert _facts(db) == set()


def test_facts_default_graph_is_the_facts_graph_when_there_is_one() -> None:
    names = ["http://x/graph/reference", A, "http://x/graph/facts", "https://w3id.org/plangraph/ontology"]
    assert facts.default_graph(names) == ox.NamedNode("http://x/graph/facts")
    assert facts.default_graph([A, "http://x/graph/reference"]) is None


def test_facts_rebuild_merges_every_graph_once() -> None:
    db = _store()
    db.add(ox.Quad(*SHARED, ox.NamedNode("http://x/graph/reference")))
    facts.rebuild(db)
    assert _facts(db) == {"both", "a"}
    facts.forget(db, [A, B])
    assert _facts(db) == {"both"}  # the reference graph still holds it
