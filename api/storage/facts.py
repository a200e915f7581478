"""One fact, counted once: the facts graph is the RDF merge of every other graph, each triple once.

Oxigraph's union default graph repeats a triple once per named graph that holds it: a task
stated by two renderings of one plan counts twice, an agency's label once per plan naming it,
and joins multiply those repeats. So the default graph of every query is the facts graph alone:
each triple of the documents' graphs and of the ontology, reference and inferred graphs, once.
(One graph, not a list of them: Oxigraph looks a pattern up once per default graph.) Each
document's own graph stays a named graph, reachable with `GRAPH ?g`, and still says which
source text (and span) every fact came from.

The facts graph is kept in step as graphs are written: `forget` runs before graphs are removed
or replaced (a triple leaves the facts graph only when no other graph holds it), `remember` after
they are written. Both run inside the engine and cost little per triple, whatever the store size.
"""
from __future__ import annotations

import io
from collections.abc import Iterable

import pyoxigraph as ox

from plangraph.extract.iris import facts_graph_iri
from plangraph.extract.schemas import ONTOLOGY_GRAPH

FACTS_SUFFIX = "/graph/facts"
SHARED_SUFFIXES = (FACTS_SUFFIX, "/graph/reference", "/graph/inferred")
_CHUNK_BYTES = 32_000_000  # N-Triples handed to the loader at once
_SMALL_BYTES = 4_000_000  # less is written in a transaction


def is_shared(graph: str) -> bool:
    """A graph that belongs to no source document: the facts, ontology, reference or inferred graph.

    >>> is_shared("http://x/graph/reference"), is_shared("http://x/eli/vn/a/kh/2024/1/source/ab")
    (True, False)
    """
    return graph == str(ONTOLOGY_GRAPH) or graph.endswith(SHARED_SUFFIXES)


def _facts() -> ox.NamedNode:
    return ox.NamedNode(str(facts_graph_iri()))


def default_graph(graphs: Iterable[str]) -> ox.NamedNode | None:
    """The facts graph among a store's named graphs: the default graph of its queries (None for a
    store built before it existed, which is then queried over the union of its graphs)."""
    return next((ox.NamedNode(g) for g in graphs if g.endswith(FACTS_SUFFIX)), None)


def forget(db: ox.Store, graphs: Iterable[str]) -> None:
    """Before `graphs` are removed or replaced: take out of the facts graph each of their triples
    that no other graph holds."""
    facts = _facts()
    leaving = sorted({g for g in graphs if g != facts.value})
    if not leaving or not db.contains_named_graph(facts):
        return
    names = " ".join(f"<{g}>" for g in leaving)
    db.update(f"DELETE {{ GRAPH <{facts.value}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {names} }} "
              f"GRAPH ?g {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
              f"FILTER(?h NOT IN (<{facts.value}>, {', '.join(f'<{g}>' for g in leaving)})) }} }}")


def remember(db: ox.Store, graphs: Iterable[str]) -> None:
    """After `graphs` were written: put their triples in the facts graph."""
    facts = _facts()
    chunk = io.BytesIO()
    for name in sorted({g for g in graphs if g != facts.value}):
        db.dump(chunk, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        if chunk.tell() >= _CHUNK_BYTES:
            _load(db, chunk, facts)
            chunk = io.BytesIO()
    _load(db, chunk, facts)


def _load(db: ox.Store, chunk: io.BytesIO, facts: ox.NamedNode) -> None:
    if not chunk.tell():
        return
    if chunk.tell() < _SMALL_BYTES:
        # a few triples (the store-wide inferred graph) go through a transaction: a bulk load
        # adds files that overlap the store's, and merging them rewrites the store uncompressed
        db.load(chunk.getvalue(), format=ox.RdfFormat.N_TRIPLES, to_graph=facts)
    else:
        db.bulk_load(chunk.getvalue(), format=ox.RdfFormat.N_TRIPLES, to_graph=facts)


def source_graphs(db: ox.Store) -> list[str]:
    """Every named graph but the facts graph."""
    facts = _facts().value
    return sorted(g.value for g in db.named_graphs() if isinstance(g, ox.NamedNode) and g.value != facts)


def rebuild(db: ox.Store) -> None:
    """Make the facts graph anew from every other graph (a store built before it existed)."""
    facts = _facts()
    if db.contains_named_graph(facts):
        db.remove_graph(facts)
    remember(db, source_graphs(db))


def ensure(db: ox.Store) -> None:
    """Give a store of graphs without a facts graph its facts graph."""
    if not db.contains_named_graph(_facts()) and source_graphs(db):
        rebuild(db)
