"""Reads the ontology, the reference schemes and the SHACL shapes from ontology/ and shapes/."""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from plangraph.extract import iris
from plangraph.extract.paths import ONTOLOGY_DIR, SHAPES_DIR

ONTOLOGY_FILE = "plan.ttl"
ONTOLOGY_GRAPH = URIRef("https://w3id.org/plangraph/ontology")
# The shapes files name the default base; `shapes_graph` swaps in the configured one.
DEFAULT_BASE_PATTERN = "^" + re.escape(iris.DEFAULT_BASE + "/")


@lru_cache(maxsize=1)
def _ontology_text() -> str:
    return (ONTOLOGY_DIR / ONTOLOGY_FILE).read_text(encoding="utf-8")


def ontology_graph() -> Graph:
    """The plangraph OWL vocabulary (a fresh graph each call)."""
    return Graph().parse(data=_ontology_text(), format="turtle")


def reference_graph(base: str | None = None) -> Graph:
    """All SKOS reference schemes, their relative IRIs resolved against the base."""
    graph = Graph()
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if path.name != ONTOLOGY_FILE:
            graph.parse(path, format="turtle", publicID=f"{base or iris.base_iri()}/")
    return graph


def schema_graphs(base: str | None = None) -> dict[URIRef, Graph]:
    """Named graphs holding the ontology and the reference data, ready for a store."""
    return {ONTOLOGY_GRAPH: ontology_graph(), iris.reference_graph_iri(base): reference_graph(base)}


def shapes_graph(base: str | None = None) -> Graph:
    """All SHACL shapes, with the base-IRI pattern set to the configured base."""
    graph = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    pattern = "^" + re.escape((base or iris.base_iri()) + "/")
    for shape in list(graph.subjects(SH.pattern, Literal(DEFAULT_BASE_PATTERN))):
        graph.set((shape, SH.pattern, Literal(pattern)))
    return hoist_property_shapes(graph)


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def hoist_property_shapes(shapes: Graph) -> Graph:
    """Give each property shape its node shape's targets instead of the sh:property link.

    The results are the same, but pySHACL evaluates a linked property shape once per focus node
    and a targeted one once per graph, which is several times faster on a plan's hundreds of nodes.
    """
    out = Graph()
    for triple in shapes:
        out.add(triple)
    for node, prop in list(shapes.subject_objects(SH.property)):
        targets = [(p, o) for p, o in shapes.predicate_objects(node) if p in _TARGETS]
        if not targets:
            continue
        for p, o in targets:
            out.add((prop, p, o))
        out.remove((node, SH.property, prop))
    return out
