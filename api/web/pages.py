"""Pages for people: plan list, plan page with its evidence, search, resource pages, SPARQL form."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from plangraph.api.execution.jobs import Table
from plangraph.api.web.named import fold_key
from plangraph.api.query.catalog import load_all
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.execution.workers import Executor
from plangraph.api.web.templating import TEMPLATES, href, short

ELI = Namespace("http://data.europa.eu/eli/ontology#")
PREFIX = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX plan: <https://w3id.org/plangraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
TASKS = PREFIX + """SELECT DISTINCT ?plan ?task ?section ?text ?role ?agency ?agency_iri ?due ?recurrence ?quote ?evidence ?ordinal WHERE {
  ?plan plan:hasTask ?task . ?task plan:taskText ?text .
  OPTIONAL { ?task plan:inSection/plan:sectionPath ?section }
  OPTIONAL { ?task plan:ordinal ?ordinal }
  OPTIONAL { { ?task plan:leadAgency ?agency_iri BIND("lead" AS ?role) }
             UNION { ?task plan:coordinatingAgency ?agency_iri BIND("coordinate" AS ?role) }
             OPTIONAL { ?agency_iri rdfs:label ?agency } }
  OPTIONAL { ?task plan:dueYear|plan:dueDate ?due }
  OPTIONAL { ?task plan:recurrence ?recurrence }
  OPTIONAL { ?task plan:evidence ?evidence . ?evidence oa:exact ?quote }
} ORDER BY ?section ?ordinal ?task"""
INDICATORS = PREFIX + """SELECT DISTINCT ?plan ?indicator ?section ?subject ?comparator ?value ?value_max ?unit ?year ?quote ?evidence WHERE {
  ?plan plan:hasIndicator ?indicator . ?indicator plan:subjectText ?subject .
  OPTIONAL { ?indicator plan:inSection/plan:sectionPath ?section }
  OPTIONAL { ?indicator plan:hasTarget ?target . ?target schema:value ?value .
             OPTIONAL { ?target schema:maxValue ?value_max } OPTIONAL { ?target schema:unitText ?unit }
             OPTIONAL { ?target plan:targetYear ?year } OPTIONAL { ?target plan:comparator ?comparator } }
  OPTIONAL { ?indicator plan:evidence ?evidence . ?evidence oa:exact ?quote }
} ORDER BY ?section ?indicator"""
DEADLINES = PREFIX + """SELECT DISTINCT ?plan ?deadline ?what ?date ?recurrence ?who ?to ?quote ?evidence WHERE {
  ?plan plan:hasDeadline ?deadline . ?deadline plan:what ?what .
  OPTIONAL { ?deadline plan:dueYear|plan:dueDate ?date }
  OPTIONAL { ?deadline plan:recurrence ?recurrence }
  OPTIONAL { ?deadline plan:responsibleAgency/rdfs:label ?who }
  OPTIONAL { ?deadline plan:reportsTo/rdfs:label ?to }
  OPTIONAL { ?deadline plan:evidence ?evidence . ?evidence oa:exact ?quote }
} ORDER BY ?date ?deadline"""
CITATIONS = PREFIX + """SELECT DISTINCT ?plan ?number ?relation ?cited ?quote ?evidence WHERE {
  ?plan plan:hasCitation ?citation . ?citation plan:citedNumber ?number ; plan:relation ?relation .
  OPTIONAL { ?citation plan:citedDocument ?cited }
  OPTIONAL { ?citation plan:evidence ?evidence . ?evidence oa:exact ?quote }
} ORDER BY ?relation ?number"""
SOURCES = PREFIX + """SELECT DISTINCT ?plan ?source ?file WHERE { ?source eli:realizes ?plan ; plan:fileName ?file } ORDER BY ?file"""
SEARCH = PREFIX + """SELECT ?thing ?needle (SAMPLE(?label_) AS ?label) (SAMPLE(?kind_) AS ?kind)
       (SAMPLE(?province_) AS ?province) WHERE {
  ?thing plan:searchKey ?key . FILTER(CONTAINS(?key, ?needle))
  OPTIONAL { ?thing plan:province/skos:prefLabel ?province_ FILTER(LANG(?province_) = "vi") }
  OPTIONAL { ?thing rdfs:label|eli:title|skos:prefLabel|plan:taskText|plan:subjectText ?label_ }
  OPTIONAL { ?thing a ?kind_ }
} GROUP BY ?thing ?needle ORDER BY ?label LIMIT 200"""


def _plain(table: Table) -> list[dict[str, str]]:
    return [{c: "" if row[c] is None else str(row[c]) for c in table.columns} for row in table.rows]


def _grouped_tasks(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    tasks: dict[str, dict[str, Any]] = {}
    for row in rows:
        task = tasks.setdefault(row["task"], {**row, "lead": [], "coordinate": [], "quotes": []})
        if row["role"] and row["agency"]:
            names = task[row["role"]]
            if (row["agency"], row["agency_iri"]) not in names:
                names.append((row["agency"], row["agency_iri"]))
        if row["quote"] and (row["quote"], row["evidence"]) not in task["quotes"]:
            task["quotes"].append((row["quote"], row["evidence"]))
    return list(tasks.values())


def _with_quotes(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Rows that differ only in their evidence as one row with a list of (quote, evidence)."""
    merged: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple((k, v) for k, v in row.items() if k not in ("quote", "evidence"))
        entry = merged.setdefault(key, {**row, "quotes": []})
        if row.get("quote") and (row["quote"], row["evidence"]) not in entry["quotes"]:
            entry["quotes"].append((row["quote"], row["evidence"]))
    return list(merged.values())


async def plan_page(request: Request, executor: Executor, plan: URIRef, data: Graph) -> Response:
    """One plan: metadata, sources, tasks with owners, indicators, deadlines, citations, evidence."""
    async def rows(query: str) -> list[dict[str, str]]:
        return _plain(await executor.run("select", query=query, bindings={"plan": plan}, row_limit=5000))
    context = {
        "plan": plan, "title": str(data.value(plan, ELI.title) or plan),
        "facts": _facts(plan, data),
        "sources": await rows(SOURCES),
        "tasks": _grouped_tasks(await rows(TASKS)),
        "indicators": _with_quotes(await rows(INDICATORS)),
        "deadlines": _with_quotes(await rows(DEADLINES)),
        "citations": _with_quotes(await rows(CITATIONS)),
    }
    return TEMPLATES.TemplateResponse(request, "plan.html", context, headers={"Vary": "Accept"})


def _facts(iri: URIRef, data: Graph) -> list[tuple[str, Node, str]]:
    """(property IRI, value, label of value) for the resource's own statements."""
    out = []
    for p, o in sorted(data.predicate_objects(iri), key=lambda po: (short(po[0]), str(po[1]))):
        label = data.value(o, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) or \
            data.value(o, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))
        out.append((str(p), o, str(label) if label else ""))
    return out


async def resource_page(request: Request, executor: Executor, iri: URIRef, data: Graph) -> Response:
    """The HTML view of a dereferenced IRI (a plan gets its plan page)."""
    if (iri, RDF.type, ELI.LegalResource) in data and (iri, ELI.title, None) in data:
        return await plan_page(request, executor, iri, data)
    incoming = sorted({(str(p), s) for s, p in data.subject_predicates(iri)}, key=lambda x: (short(x[0]), str(x[1])))
    label = next((str(o) for p, o in data.predicate_objects(iri) if isinstance(o, Literal)
                  and short(p) in ("label", "prefLabel", "title", "taskText", "exact")), str(iri))
    return TEMPLATES.TemplateResponse(request, "resource.html", {
        "iri": iri, "label": label, "facts": _facts(iri, data), "incoming": incoming[:300]},
        headers={"Vary": "Accept"})


def router(executor: Executor) -> APIRouter:
    """Page routes."""
    routes = APIRouter(include_in_schema=False, route_class=CancelOnDisconnect)
    queries = load_all()

    @routes.get("/", response_class=HTMLResponse)
    async def home(request: Request) -> Response:
        table: Table = await executor.run("select", query=queries["plans"].text, bindings={}, row_limit=5000)
        plans: dict[str, dict[str, Any]] = defaultdict(dict)
        for row in _plain(table):
            entry = plans[row["plan"]]
            for key, value in row.items():
                if value and not entry.get(key):
                    entry[key] = value
            entry.setdefault("documents", []).append(row["document"])
        ordered = sorted(plans.values(), key=lambda p: (p.get("province", ""), p.get("year", ""), p.get("title", "")))
        return TEMPLATES.TemplateResponse(request, "plans.html", {"plans": ordered,
                                                                  "queries": sorted(queries.values(), key=lambda q: q.name)})

    @routes.get("/search", response_class=HTMLResponse)
    async def search(request: Request, q: str = "") -> Response:
        needle = fold_key(q)[:200]
        results: list[dict[str, str]] = []
        if needle:
            results = _plain(await executor.run("select", query=SEARCH, bindings={"needle": Literal(needle)},
                                                row_limit=200))
        return TEMPLATES.TemplateResponse(request, "search.html", {"q": q, "key": needle, "results": results})

    return routes
