"""The HTML view of a dereferenced IRI: agencies, evidence and source texts get pages of their own."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from rdflib import RDF, Graph, Namespace, URIRef

from plangraph.api.execution.workers import Executor
from plangraph.api.web.evidence import evidence_page, source_page
from plangraph.api.web.fact_page import fact_page
from plangraph.api.web.pages import resource_page
from plangraph.api.web.researcher import agency_page

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PLAN = Namespace("https://w3id.org/plangraph/ontology#")


async def html_view(request: Request, executor: Executor, iri: URIRef, data: Graph) -> Response:
    """The page for one IRI, by what the graph says it is."""
    types = set(data.objects(iri, RDF.type))
    page: Response | None = None
    if PLAN.Evidence in types:
        page = await evidence_page(request, executor, iri)
    elif ELI.LegalExpression in types:
        page = await source_page(request, executor, iri)
    elif types & {PLAN.Task, PLAN.Indicator, PLAN.Deadline}:
        page = await fact_page(request, executor, iri)
    elif ORG.Organization in types and PLAN.Province not in types:
        page = await agency_page(request, executor, iri)
    return page or await resource_page(request, executor, iri, data)
