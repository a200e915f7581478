"""Puts the ontology and reference schemes in a store and brings its inferred graphs up to date.

Each source document has its own inferred graph (what the rules infer from its triples alone,
made when it is extracted). The store-wide inferred graph holds the rest: what the ontology and
reference data entail, and transitive chains that cross documents. Only the latter is
recomputed at every build, from the triples of transitive properties, so its cost does not grow
with the documents' size.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable

import pyoxigraph as ox
from rdflib import Graph, URIRef

from plangraph.api.storage import facts
from plangraph.api.storage.bulk import Loads
from plangraph.api.storage.loading import documents, remove_graph
from plangraph.api.storage.store import OxigraphStore, from_ox, to_ox
from plangraph.extract.infer import Rules, Triple, entailed, rules_for
from plangraph.extract import ntriples
from plangraph.extract.iris import document_inferred_graph_iri, facts_graph_iri, inferred_graph_iri, reference_graph_iri
from plangraph.extract.schemas import ONTOLOGY_GRAPH, ontology_graph, schema_graphs


def _triple(quad: ox.Quad) -> Triple:
    s, p, o = from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)
    assert s is not None and p is not None and o is not None
    return s, p, o


def _triples(db: ox.Store, graph: str) -> set[Triple]:
    return {_triple(q) for q in db.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def _stored(db: ox.Store, triple: Triple) -> bool:
    s, p, o = (to_ox(t) for t in triple)
    return next(iter(db.quads_for_pattern(s, p, o, None)), None) is not None  # type: ignore[arg-type]


def _put(db: ox.Store, graph: str, triples: Iterable[Triple]) -> int:
    name = ox.NamedNode(graph)
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples]  # type: ignore[arg-type]
    db.extend(quads)
    return len(quads)


def infer_documents(db: ox.Store, rules: Rules, graphs: Iterable[str]) -> int:
    """Give stored documents their own inferred graph (stores built before documents had one)."""
    added = 0
    for graph in graphs:
        target = str(document_inferred_graph_iri(graph))
        added -= remove_graph(db, target)
        added += _put(db, target, entailed(_triples(db, graph), rules))
    return added


def refresh_shared(db: ox.Store, rules: Rules, schema: Iterable[Iterable[Triple]], target: URIRef | None = None) -> int:
    """Recompute the store-wide inferred graph; returns its size.

    Every document's inferred graph is closed under the rules already, so what the whole store
    entails beyond them comes from joining triples of transitive properties across graphs, and
    from the schema graphs themselves.
    """
    graph = ox.NamedNode(str(target or inferred_graph_iri()))
    remove_graph(db, graph.value)
    seed: set[Triple] = set()
    for part in schema:
        seed.update(part)
    for prop in rules.transitive:
        for quad in db.quads_for_pattern(None, ox.NamedNode(str(prop)), None, None):
            seed.add(_triple(quad))
    return _put(db, graph.value, sorted((t for t in entailed(seed, rules) if not _stored(db, t)), key=str))


def stage_schema(db: ox.Store, writer: Loads) -> int:
    """Remove the ontology and reference graphs and hand their new versions, with their triples in
    the facts graph, to `writer`: they are loaded with the documents, in the build's one bulk
    load. Returns how many quads the store gains by them (negative: loses)."""
    graphs = schema_graphs()
    facts.forget(db, [str(iri) for iri in graphs])
    gained = 0
    for iri, graph in graphs.items():
        gained -= remove_graph(db, str(iri))
        lines = ntriples.bodies(graph)
        writer.add(ntriples.nquads(lines, str(iri)), ntriples.nquads(lines, str(facts_graph_iri())))
        gained += len(lines)
    return gained


def refresh_schema(store: OxigraphStore, rules: Rules | None = None, reload: bool = True, migrate: bool = False,
                   fresh: Collection[str] = ()) -> int:
    """Replace the ontology and reference graphs (unless `reload` is off: the store holds them as
    this version makes them), then the store-wide inferred graph; returns how many quads the
    store gained (negative: lost).

    With `migrate`, every document but the `fresh` ones (which have theirs) first gets its own
    inferred graph (a store of an earlier layout).
    Both steps replace whole graphs, so building the same texts twice gives the same store.
    """
    rules = rules or rules_for(ontology_graph())
    gained = 0
    if reload:
        graphs = schema_graphs()
        for iri in graphs:
            gained -= sum(1 for _ in store.db.quads_for_pattern(None, None, None, ox.NamedNode(str(iri))))
        store.replace_graphs(graphs)  # (it keeps the facts graph in step)
        gained += sum(len(g) for g in graphs.values())
        schema: list[set[Triple]] = [set(g) for g in graphs.values()]
    else:
        schema = [_triples(store.db, str(iri)) for iri in (ONTOLOGY_GRAPH, reference_graph_iri())]
    if migrate:
        older = [doc.graph for doc in documents(store.db) if doc.graph not in fresh]
        facts.forget(store.db, [str(document_inferred_graph_iri(g)) for g in older])
        gained += infer_documents(store.db, rules, older)
        facts.remember(store.db, [str(document_inferred_graph_iri(g)) for g in older])
    shared = [str(inferred_graph_iri())]
    facts.forget(store.db, shared)  # the facts graph follows every graph (api/storage/facts.py)
    gained -= sum(1 for _ in store.db.quads_for_pattern(None, None, None, ox.NamedNode(shared[0])))
    gained += refresh_shared(store.db, rules, schema)
    facts.remember(store.db, shared)
    return gained


def rules_to_json(rules: Rules) -> dict[str, list[list[str]] | list[str]]:
    """The rules as a store's summary keeps them (closing the ontology with owlrl takes a second)."""
    return {"subclass": [[str(a), str(b)] for a, b in rules.subclass],
            "subproperty": [[str(a), str(b)] for a, b in rules.subproperty],
            "inverse": [[str(a), str(b)] for a, b in rules.inverse], "transitive": [str(p) for p in rules.transitive]}


def rules_from_json(data: object) -> Rules | None:
    """Rules kept by `rules_to_json`; None when `data` is not such a record."""
    if not isinstance(data, dict):
        return None
    try:
        pairs = {k: tuple((URIRef(a), URIRef(b)) for a, b in data[k]) for k in ("subclass", "subproperty", "inverse")}
        return Rules(pairs["subclass"], pairs["subproperty"], pairs["inverse"],
                     tuple(URIRef(p) for p in data["transitive"]))
    except (KeyError, TypeError, ValueError):
        return None
