"""The vocabulary served: /ontology (classes and properties with their vi/en labels and
definitions) and /shapes (the SHACL checks), as HTML for people and as RDF for programs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.term import Node

from plangraph.api.query import negotiate as nt
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.web.i18n import local_name
from plangraph.api.web.linked_data import pick, rdf_response
from plangraph.api.web.templating import TEMPLATES, page_language_of
from plangraph.extract import iris
from plangraph.extract.paths import SHAPES_DIR
from plangraph.extract.schemas import DEFAULT_BASE_PATTERN, ontology_graph

ONTOLOGY = URIRef("https://w3id.org/plangraph/ontology")
SHAPES_NS = "https://w3id.org/plangraph/shapes#"
OFFERED = (nt.HTML, nt.TURTLE, nt.JSONLD, nt.NTRIPLES, nt.RDFXML)
_KINDS = {OWL.Class: "class", OWL.ObjectProperty: "object property", OWL.DatatypeProperty: "datatype property",
          OWL.TransitiveProperty: "transitive property", RDF.Property: "property"}


@dataclass(frozen=True)
class Term:
    """One class or property, in both languages."""

    iri: str
    name: str
    kind: str
    label: dict[str, str]
    definition: dict[str, str]
    parents: tuple[str, ...]
    domain: tuple[str, ...]
    range: tuple[str, ...]


def _texts(graph: Graph, subject: Node, *predicates: URIRef) -> dict[str, str]:
    out: dict[str, str] = {}
    for predicate in predicates:
        for value in graph.objects(subject, predicate):
            if isinstance(value, Literal):
                out.setdefault(value.language or "", str(value))
    return out


def _iris(graph: Graph, subject: Node, predicate: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, URIRef)))


def terms(graph: Graph) -> list[Term]:
    """The vocabulary's own classes and properties, classes first, by name."""
    found = []
    for subject in set(graph.subjects(RDF.type, None)):
        if not isinstance(subject, URIRef) or subject == ONTOLOGY or not str(subject).startswith(str(ONTOLOGY)):
            continue
        kinds = [_KINDS[k] for k in graph.objects(subject, RDF.type) if isinstance(k, URIRef) and k in _KINDS]
        if not kinds:
            continue
        kind = "class" if "class" in kinds else next((k for k in kinds if k != "property"), kinds[0])
        found.append(Term(str(subject), local_name(subject), kind,
                          _texts(graph, subject, RDFS.label, SKOS.prefLabel),
                          _texts(graph, subject, SKOS.definition, RDFS.comment),
                          _iris(graph, subject, RDFS.subClassOf) + _iris(graph, subject, RDFS.subPropertyOf),
                          _iris(graph, subject, RDFS.domain), _iris(graph, subject, RDFS.range)))
    return sorted(found, key=lambda t: (t.kind != "class", t.name.lower()))


@dataclass(frozen=True)
class Check:
    """One SHACL shape as a reader meets it: what it applies to, what it checks, how bad, what it says."""

    iri: str
    name: str
    label: dict[str, str]
    targets: tuple[str, ...]
    path: str
    severity: str
    message: dict[str, str]


def shapes_graph() -> Graph:
    """The shapes as written (not rearranged for speed), the base pattern set to the served base."""
    graph = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    pattern = "^" + re.escape(iris.base_iri() + "/")
    for shape in list(graph.subjects(SH.pattern, Literal(DEFAULT_BASE_PATTERN))):
        graph.set((shape, SH.pattern, Literal(pattern)))
    return graph


def checks(graph: Graph) -> list[Check]:
    """Every named node or property shape, by name."""
    parents: dict[Node, list[Node]] = {}
    for node, prop in graph.subject_objects(SH.property):
        parents.setdefault(prop, []).append(node)
    found = []
    for shape in set(graph.subjects(RDF.type, SH.NodeShape)) | set(graph.subjects(RDF.type, SH.PropertyShape)):
        if not isinstance(shape, URIRef):
            continue
        targets = _iris(graph, shape, SH.targetClass)
        for parent in parents.get(shape, []):
            targets += _iris(graph, parent, SH.targetClass)
        path = graph.value(shape, SH.path)
        severity = graph.value(shape, SH.severity)
        found.append(Check(str(shape), local_name(shape), _texts(graph, shape, RDFS.label), tuple(sorted(set(targets))),
                           str(path) if isinstance(path, URIRef) else "",
                           local_name(severity) if severity is not None else "",
                           _texts(graph, shape, SH.message)))
    return sorted(found, key=lambda c: c.name.lower())


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return ontology_graph()


def router() -> APIRouter:
    """GET /ontology and /shapes, negotiated: HTML for browsers, Turtle, JSON-LD, N-Triples, RDF/XML."""
    routes = APIRouter(tags=["linked data"], route_class=CancelOnDisconnect)

    @routes.get("/ontology", summary="The plangraph vocabulary (HTML, Turtle, JSON-LD, …)", response_class=HTMLResponse)
    async def ontology(request: Request) -> Response:
        graph = _ontology()
        media = pick(request, OFFERED) or nt.HTML
        if media != nt.HTML:
            return rdf_response(graph, media)
        lang = page_language_of(request)
        found = terms(graph)
        about = _texts(graph, ONTOLOGY, RDFS.label)
        return TEMPLATES.TemplateResponse(request, "ontology.html", {
            "classes": [t for t in found if t.kind == "class"], "properties": [t for t in found if t.kind != "class"],
            "lang": lang, "about": about, "summary": _texts(graph, ONTOLOGY, SKOS.definition),
            "version": str(graph.value(ONTOLOGY, OWL.versionInfo) or "")}, headers={"Vary": "Accept"})

    @routes.get("/shapes", summary="The SHACL shapes the data is checked with (HTML, Turtle, …)",
                response_class=HTMLResponse)
    async def shapes(request: Request) -> Response:
        graph = shapes_graph()
        media = pick(request, OFFERED) or nt.HTML
        if media != nt.HTML:
            return rdf_response(graph, media)
        return TEMPLATES.TemplateResponse(request, "shapes.html", {
            "checks": checks(graph), "lang": page_language_of(request)}, headers={"Vary": "Accept"})

    return routes
