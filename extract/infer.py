"""Inference: owlrl closes the ontology once; the rules taken from it apply to the data.

owlrl on data grows with the graph (seconds at 10k triples). The rules are one-triple rules
(subclass, subproperty, inverse) and transitivity: `entailed` applies them to one document's
triples in a few milliseconds, so each document's inferred triples are made beside its graph; only
transitive chains that cross documents are left to a store-wide pass. `updates` / `refresh` are
the same rules as SPARQL updates over a whole store (used for remote stores).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import owlrl
import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.term import _toPythonMapping

from plangraph.extract import iris
from plangraph.extract.vocab import ORG

_TOP = {OWL.Thing, RDFS.Resource, OWL.topObjectProperty, OWL.topDataProperty, OWL.Nothing}
_MAX_PASSES = 10
Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Rules:
    """The entailments the queries rely on, as pairs taken from the ontology's closure."""

    subclass: tuple[tuple[URIRef, URIRef], ...]
    subproperty: tuple[tuple[URIRef, URIRef], ...]
    inverse: tuple[tuple[URIRef, URIRef], ...]
    transitive: tuple[URIRef, ...]


def closure(ontology: Graph) -> Graph:
    """The triples OWL RL entails from the ontology alone (the argument is left untouched)."""
    work = Graph()
    for triple in ontology:
        work.add(triple)
    # owlrl's "improved" datatype conversions replace rdflib's process-wide literal parsers (and
    # reject valid xsd:gMonthDay such as "--12-20"); keep rdflib's own, and restore them regardless.
    saved = dict(_toPythonMapping)
    try:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, improved_datatypes=False).expand(work)
    finally:
        _toPythonMapping.clear()
        _toPythonMapping.update(saved)
    return work - ontology


def _pairs(graph: Graph, predicate: URIRef) -> tuple[tuple[URIRef, URIRef], ...]:
    found = {(s, o) for s, o in graph.subject_objects(predicate)
             if isinstance(s, URIRef) and isinstance(o, URIRef) and s != o and o not in _TOP and s not in _TOP}
    return tuple(sorted(found))


def rules_from(ontology: Graph) -> Rules:
    """Subclass, subproperty, inverse and transitivity pairs of the closed ontology.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data="@prefix r: <http://www.w3.org/2000/01/rdf-schema#> . <urn:a> r:subClassOf <urn:b> .", format="turtle")
    >>> rules_from(g).subclass
    ((rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b')),)
    """
    full = ontology + closure(ontology)
    inverse = set(_pairs(full, OWL.inverseOf))
    inverse |= {(b, a) for a, b in inverse}
    transitive = {s for s in full.subjects(RDF.type, OWL.TransitiveProperty) if isinstance(s, URIRef)}
    return Rules(_pairs(full, RDFS.subClassOf), _pairs(full, RDFS.subPropertyOf), tuple(sorted(inverse)),
                 tuple(sorted(transitive | {ORG.transitiveSubOrganizationOf})))


# OWL RL reads only the RDF, RDFS and OWL vocabulary. An ontology that uses no more of it than
# these terms entails no subclass, subproperty, inverse or transitive pair beyond the closure of
# those it states: its rules are read directly (owlrl takes a quarter of a second of each fresh
# build), and anything else goes through owlrl.
_STATED = frozenset({RDF.type, RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, RDFS.domain,
                     RDFS.range, RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, OWL.versionInfo,
                     OWL.versionIRI})
_DECLARED = frozenset({OWL.Ontology, OWL.Class, RDFS.Class, RDF.Property, OWL.ObjectProperty,
                       OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.TransitiveProperty})
_KERNEL = (str(RDF), str(RDFS), str(OWL))


def _plain(ontology: Graph) -> bool:
    """Whether the ontology states nothing OWL RL would act on but subclasses, subproperties,
    inverses and transitive properties."""
    for _, p, o in ontology:
        if str(p).startswith(_KERNEL) and p not in _STATED:
            return False
        if p == RDF.type and str(o).startswith(_KERNEL) and o not in _DECLARED:
            return False
    return True


def _closed(graph: Graph, predicate: URIRef) -> set[tuple[Node, Node]]:
    """The transitive closure of one relation stated in `graph`."""
    above: dict[Node, set[Node]] = defaultdict(set)
    for s, o in graph.subject_objects(predicate):
        above[s].add(o)
    closed: set[tuple[Node, Node]] = set()
    for start in list(above):
        seen: set[Node] = set()
        todo = list(above[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(above.get(node, ()))
        closed.update((start, node) for node in seen)
    return closed


def _kept(pairs: Iterable[tuple[Node, Node]]) -> tuple[tuple[URIRef, URIRef], ...]:
    return tuple(sorted({(s, o) for s, o in pairs if isinstance(s, URIRef) and isinstance(o, URIRef)
                         and s != o and o not in _TOP and s not in _TOP}))


def stated_rules(ontology: Graph) -> Rules | None:
    """`rules_from` without OWL RL's closure, for an ontology `_plain` enough (else None).

    >>> from rdflib import Graph
    >>> g = Graph().parse(data="@prefix r: <http://www.w3.org/2000/01/rdf-schema#> . <urn:a> r:subClassOf <urn:b> . <urn:b> r:subClassOf <urn:c> .", format="turtle")
    >>> [(str(a), str(b)) for a, b in stated_rules(g).subclass]
    [('urn:a', 'urn:b'), ('urn:a', 'urn:c'), ('urn:b', 'urn:c')]
    """
    if not _plain(ontology):
        return None
    inverse = {(s, o) for s, o in ontology.subject_objects(OWL.inverseOf)}
    inverse |= {(b, a) for a, b in inverse}
    transitive = {s for s in ontology.subjects(RDF.type, OWL.TransitiveProperty) if isinstance(s, URIRef)}
    return Rules(_kept(_closed(ontology, RDFS.subClassOf)), _kept(_closed(ontology, RDFS.subPropertyOf)),
                 _kept(inverse), tuple(sorted(transitive | {ORG.transitiveSubOrganizationOf})))


@lru_cache(maxsize=4)
def _cached_rules(text: str) -> Rules:
    ontology = Graph().parse(data=text, format="turtle")
    return stated_rules(ontology) or rules_from(ontology)


def rules_for(ontology: Graph) -> Rules:
    """`rules_from`, remembered per ontology content (owlrl takes a while even on the ontology)."""
    return _cached_rules(ontology.serialize(format="nt"))


def _lookup(pairs: tuple[tuple[URIRef, URIRef], ...]) -> dict[Node, list[URIRef]]:
    table: dict[Node, list[URIRef]] = defaultdict(list)
    for a, b in pairs:
        table[a].append(b)
    return table


def entailed(triples: Iterable[Triple], rules: Rules) -> set[Triple]:
    """The triples the rules add to `triples` (up to their fixpoint), without those given.

    The subclass and subproperty pairs come from the closed ontology, so one step of each is
    enough; transitive properties are joined as each new triple arrives (semi-naive).

    >>> from rdflib import URIRef as U
    >>> r = Rules((), ((U("urn:p"), U("urn:q")),), (), (U("urn:q"),))
    >>> sorted(str(o) for _, _, o in entailed([(U("urn:a"), U("urn:p"), U("urn:b")), (U("urn:b"), U("urn:q"), U("urn:c"))], r))
    ['urn:b', 'urn:c']
    """
    subclass, subproperty, inverse = _lookup(rules.subclass), _lookup(rules.subproperty), _lookup(rules.inverse)
    transitive = set(rules.transitive)
    after: dict[tuple[Node, Node], set[Node]] = defaultdict(set)  # (p, a) -> {b : a p b}
    before: dict[tuple[Node, Node], set[Node]] = defaultdict(set)  # (p, b) -> {a : a p b}
    # only triples some rule reads start a derivation, and only those of a predicate some rule
    # writes can be derived again (most of a plan's triples are neither: its texts and spans)
    read = set(subproperty) | set(inverse) | transitive
    written = ({RDF.type} | {q for qs in subproperty.values() for q in qs}
               | {q for qs in inverse.values() for q in qs} | transitive)
    relevant = read | written
    kept = [t for t in triples if t[1] in relevant]
    known = {t for t in kept if t[1] in written}
    given = frozenset(known)
    todo = [t for t in dict.fromkeys(kept) if t[1] in read or (t[1] == RDF.type and t[2] in subclass)]
    while todo:
        s, p, o = todo.pop()
        found: list[Triple] = [(s, q, o) for q in subproperty.get(p, ())]
        if p == RDF.type:
            found += [(s, p, d) for d in subclass.get(o, ())]
        if not isinstance(o, Literal):
            found += [(o, q, s) for q in inverse.get(p, ())]
        if p in transitive:
            after[(p, s)].add(o)
            before[(p, o)].add(s)
            found += [(s, p, c) for c in after.get((p, o), ())]
            found += [(a, p, o) for a in before.get((p, s), ())]
        for triple in found:
            if triple not in known:
                known.add(triple)
                todo.append(triple)
    return known - given


def _values(pairs: tuple[tuple[URIRef, URIRef], ...]) -> str:
    return " ".join(f"(<{a}> <{b}>)" for a, b in pairs)


def updates(rules: Rules, target: URIRef) -> list[str]:
    """SPARQL updates that add, to `target`, each entailed triple not already in some graph."""
    into = f"INSERT {{ GRAPH <{target}> {{ {{triple}} }} }}"
    absent = "FILTER NOT EXISTS {{ GRAPH ?any {{ {triple} }} }}"
    out: list[str] = []
    if rules.subclass:
        out.append(into.replace("{triple}", "?x a ?d") + " WHERE { VALUES (?c ?d) { " + _values(rules.subclass)
                   + " } GRAPH ?g { ?x a ?c } " + absent.format(triple="?x a ?d") + " }")
    if rules.subproperty:
        out.append(into.replace("{triple}", "?s ?q ?o") + " WHERE { VALUES (?p ?q) { " + _values(rules.subproperty)
                   + " } GRAPH ?g { ?s ?p ?o } " + absent.format(triple="?s ?q ?o") + " }")
    if rules.inverse:
        out.append(into.replace("{triple}", "?o ?q ?s") + " WHERE { VALUES (?p ?q) { " + _values(rules.inverse)
                   + " } GRAPH ?g { ?s ?p ?o } FILTER(!isLiteral(?o)) " + absent.format(triple="?o ?q ?s") + " }")
    for prop in rules.transitive:
        out.append(into.replace("{triple}", f"?a <{prop}> ?c") + f" WHERE {{ GRAPH ?g {{ ?a <{prop}> ?b }} "
                   f"GRAPH ?h {{ ?b <{prop}> ?c }} " + absent.format(triple=f"?a <{prop}> ?c") + " }")
    return out


def _premises(rules: Rules, skip: ox.NamedNode) -> str:
    """A CONSTRUCT of the triples the rules read or test, in any graph but `skip`: those of the
    rules' properties, and typings by their classes."""
    properties = sorted({p for pair in rules.subproperty + rules.inverse for p in pair} | set(rules.transitive))
    classes = sorted({c for pair in rules.subclass for c in pair})
    parts = []
    if properties:
        parts.append("{ VALUES ?p { " + " ".join(f"<{p}>" for p in properties) + " } GRAPH ?g { ?s ?p ?o } }")
    if classes:
        parts.append(f"{{ VALUES ?o {{ {' '.join(f'<{c}>' for c in classes)} }} BIND(<{RDF.type}> AS ?p) "
                     "GRAPH ?g { ?s ?p ?o } }")
    return ("CONSTRUCT { ?s ?p ?o } WHERE { " + (" UNION ".join(parts) or "FILTER(false)")
            + f" FILTER(?g != {skip}) }}")


def refresh(db: ox.Store, rules: Rules, target: URIRef | None = None) -> int:
    """Recompute the inferred graph of a store from scratch; returns its size.

    The rules run in memory, over one graph holding every triple they read (they only ask whether
    a triple is in some graph), where their passes to a fixed point are several times quicker than
    on a store on disk; the inferred graph is then written back whole.
    """
    graph = ox.NamedNode(str(target or iris.inferred_graph_iri()))
    found = db.query(_premises(rules, graph))
    assert isinstance(found, ox.QueryTriples)
    work = ox.Store()
    work.load(found.serialize(format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES,
              to_graph=ox.NamedNode("urn:plangraph:premises"))
    statements = updates(rules, URIRef(graph.value))
    for _ in range(_MAX_PASSES):
        before = len(work)
        for statement in statements:
            work.update(statement)
        if len(work) == before:
            break
    if db.contains_named_graph(graph):
        db.remove_graph(graph)
    inferred = work.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    db.bulk_load(inferred, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    return sum(1 for _ in work.quads_for_pattern(None, None, None, graph))


def infer(graph: Graph, ontology: Graph) -> Graph:
    """Only the triples the rules add to a copy of `graph` (the argument is left untouched)."""
    db = ox.Store()
    source = ox.NamedNode("urn:plangraph:data")
    db.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=source)
    target = URIRef("urn:plangraph:inferred")
    refresh(db, rules_for(ontology), target)
    data = b"".join(str(q.triple).encode("utf-8") + b" .\n"
                    for q in db.quads_for_pattern(None, None, None, ox.NamedNode(str(target))))
    return Graph().parse(data=data, format="nt")
