"""Linked data: every IRI the graph mints dereferences; a VoID/DCAT and service description."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from plangraph.api.query import negotiate as nt
from plangraph.api.execution.jobs import PREFIXES, graph
from plangraph.api.web.templating import TEMPLATES
from plangraph.api.web.views import html_view
from plangraph.api.web.responses import error, valid_iri
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.execution.workers import Executor
from plangraph.extract.iris import base_iri

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = {nt.TURTLE: "turtle", nt.JSONLD: "json-ld", nt.NTRIPLES: "nt", nt.RDFXML: "xml"}
LINKED_TYPES = (nt.HTML, nt.TURTLE, nt.JSONLD, nt.NTRIPLES, nt.RDFXML)
MINTED = ("eli", "org", "ref", "graph")

DESCRIBE = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?iri ?p ?o . ?o rdfs:label ?label . ?o skos:prefLabel ?pref . ?s ?in ?iri . ?s rdfs:label ?slabel }
WHERE {
  { ?iri ?p ?o OPTIONAL { ?o rdfs:label ?label } OPTIONAL { ?o skos:prefLabel ?pref } }
  UNION
  { SELECT ?s ?in ?iri ?slabel WHERE { ?s ?in ?iri OPTIONAL { ?s rdfs:label ?slabel } } LIMIT 500 }
}
"""


def local_path(iri: str) -> str | None:
    """The path this server answers an IRI at, if the IRI is one it mints."""
    base = base_iri()
    if iri.startswith(base + "/"):
        path = iri[len(base):]
        if path.split("/")[1] in MINTED:
            return path
    return None


def serialize(data: Graph, media: str) -> bytes:
    """A graph in one of the RDF media types, with the usual prefixes."""
    for prefix, namespace in PREFIXES.items():
        data.bind(prefix, namespace)
    text = data.serialize(format=FORMATS[media])
    return text.encode("utf-8") if isinstance(text, str) else text


def pick(request: Request, offered: tuple[str, ...] = LINKED_TYPES) -> str | None:
    """The media type asked for by ?format= or by Accept (HTML when nothing is said)."""
    return nt.from_format_name(request.query_params.get("format"), offered) or \
        nt.choose(request.headers.get("accept"), offered, default=offered[0])


def rdf_response(data: Graph, media: str) -> Response:
    """An RDF graph response that varies with Accept."""
    return Response(serialize(data, media), media_type=media, headers={"Vary": "Accept"})


def description(request: Request, triples: int) -> Graph:
    """VoID and DCAT for the dataset, and an SD service description of the endpoint."""
    root = str(request.base_url).rstrip("/")
    dataset = URIRef(f"{base_iri()}/dataset")
    endpoint = URIRef(f"{root}/sparql")
    service = URIRef(f"{root}/sparql#service")
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    g.bind("dcterms", DCTERMS)
    g.bind("sd", SD)
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("Kế hoạch cấp tỉnh (plangraph)", lang="vi")))
    g.add((dataset, DCTERMS.title, Literal("Vietnamese provincial plans (plangraph)", lang="en")))
    g.add((dataset, DCTERMS.description, Literal(
        "Provincial plans as linked data: agencies, tasks, indicators, deadlines and citations, each traced "
        "to the span of text it came from.", lang="en")))
    g.add((dataset, VOID.sparqlEndpoint, endpoint))
    g.add((dataset, VOID.uriSpace, Literal(base_iri() + "/")))
    g.add((dataset, VOID.triples, Literal(triples, datatype=XSD.integer)))
    g.add((dataset, VOID.vocabulary, URIRef(PREFIXES["plan"])))
    g.add((dataset, VOID.vocabulary, URIRef(PREFIXES["eli"])))
    g.add((dataset, VOID.vocabulary, URIRef(PREFIXES["org"])))
    g.add((dataset, FOAF.homepage, URIRef(f"{root}/")))
    g.add((dataset, DCAT.landingPage, URIRef(f"{root}/")))
    g.add((dataset, DCTERMS.language, URIRef("http://id.loc.gov/vocabulary/iso639-1/vi")))
    access = URIRef(f"{root}/sparql#access")
    g.add((dataset, DCAT.distribution, access))
    g.add((access, RDF.type, DCAT.Distribution))
    g.add((access, DCAT.accessURL, endpoint))
    g.add((access, DCAT.accessService, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, RDF.type, SD.Service))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((service, DCAT.endpointDescription, URIRef(f"{root}/openapi.json")))
    g.add((service, SD.endpoint, endpoint))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        g.add((service, SD.resultFormat, URIRef(f"http://www.w3.org/ns/formats/{fmt}")))
    g.add((service, SD.defaultDataset, dataset))
    return g


def dataset_page(request: Request, data: Graph) -> Response:
    """The dataset description for people: each described node with its statements."""
    nodes = sorted({s for s in data.subjects() if isinstance(s, URIRef)}, key=lambda n: (str(n) != f"{base_iri()}/dataset", str(n)))
    described = [(node, sorted(((p, o) for p, o in data.predicate_objects(node)), key=lambda po: (str(po[0]), str(po[1]))))
                 for node in nodes]
    page: Response = TEMPLATES.TemplateResponse(request, "void.html", {"described": described}, headers={"Vary": "Accept"})
    return page


def router(executor: Executor) -> APIRouter:
    """Routes that dereference minted IRIs and describe the dataset."""
    routes = APIRouter(tags=["linked data"], route_class=CancelOnDisconnect)

    async def void(request: Request) -> Response:
        media = pick(request, (nt.TURTLE, nt.HTML, nt.JSONLD, nt.NTRIPLES, nt.RDFXML)) or nt.TURTLE
        data = description(request, await executor.triple_count())
        if media == nt.HTML:  # a browser (programs that accept anything get Turtle)
            return dataset_page(request, data)
        return rdf_response(data, media)

    for path in ("/void", "/.well-known/void", "/dataset"):
        routes.add_api_route(path, void, methods=["GET"], summary="VoID/DCAT description of the dataset",
                             include_in_schema=path == "/void")

    async def dereference(request: Request, path: str) -> Response:
        # The raw path keeps percent-escapes exactly as minted (section paths like %C4%90i%E1%BB%81u_1).
        raw = request.scope.get("raw_path") or request.url.path.encode("utf-8")
        iri = base_iri() + raw.decode("latin-1").split("?", 1)[0]
        media = pick(request)
        if media is None:
            return error(406, f"this resource comes as {', '.join(LINKED_TYPES)}")
        if not valid_iri(iri):
            return error(400, f"not a valid IRI: <{iri[:300]}>")
        data = graph(await executor.run("construct", query=DESCRIBE, bindings={"iri": URIRef(iri)}))
        if len(data) == 0:
            return error(404, f"nothing is known about <{iri}>")
        if media == nt.HTML:
            return await html_view(request, executor, URIRef(iri), data)
        return rdf_response(data, media)

    for prefix in MINTED:
        routes.add_api_route(f"/{prefix}/{{path:path}}", dereference, methods=["GET"],
                             summary=f"Dereference a minted IRI under /{prefix}/ (HTML, Turtle, JSON-LD, …)",
                             include_in_schema=prefix == "eli")
    return routes
