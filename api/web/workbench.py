"""The SPARQL workbench (Yasgui) and the API docs (Swagger UI), both served from static/vendor."""
from __future__ import annotations

import json
from functools import lru_cache

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from plangraph.api.execution.jobs import PREFIXES
from plangraph.api.query.catalog import NamedQuery, load_all
from plangraph.api.query.binding import term_n3, where_group, write_values_in
from plangraph.api.web.named import fold_key
from plangraph.api.web.i18n import message
from plangraph.api.web.templating import TEMPLATES, page_language_of

START = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX plan: <https://w3id.org/plangraph/ontology#>
SELECT ?plan ?title WHERE {
  ?plan a eli:LegalResource ;
        eli:title ?title .
} LIMIT 20
"""
# Swagger UI would otherwise send the API description to validator.swagger.io for a badge.
SWAGGER_PARAMETERS = {"validatorUrl": None, "deepLinking": True, "defaultModelsExpandDepth": -1}


def example_text(query: NamedQuery) -> str:
    """A named query as a ready example: its example parameters written into its WHERE group.

    Each parameter variable inside the group becomes its value, so that a filter in an inner
    group sees it (a VALUES block at the top would not reach into a group that filters on it);
    the projection keeps the variable's name, unbound.

    >>> from pathlib import Path
    >>> q = NamedQuery("q", Path("q.rq"), 'SELECT ?a ?k WHERE { { ?a ?p ?v FILTER(?v = ?k) } }', "", {"k": "string"},
    ...                example={"k": "x"})
    >>> example_text(q)
    'SELECT ?a ?k WHERE { { ?a ?p ?v FILTER(?v = "x") } }'
    """
    values = {k: fold_key(v) if k.endswith("_key") else v for k, v in query.example.items()}
    bound = query.bind(values)
    start, end, _ = where_group(query.text)
    terms = {name: term_n3(name, term) for name, term in bound.items()}
    return query.text[:start] + write_values_in(query.text[start:end], terms) + query.text[end:]


@lru_cache(maxsize=1)
def examples() -> tuple[tuple[str, str, str], ...]:
    """(name, summary, query text) of every named query, by name."""
    queries = load_all()
    return tuple((q.name, q.summary, example_text(q)) for q in sorted(queries.values(), key=lambda q: q.name))


def workbench_config(lang: str) -> str:
    """The workbench's settings as JSON for the page script: prefixes, examples, the first query."""
    labels = {"editor": message("sparql.query", lang), "field": message("sparql.field", lang)}
    return json.dumps({"prefixes": PREFIXES, "start": START, "labels": labels,
                       "examples": [{"name": n, "summary": s, "query": q} for n, s, q in examples()]},
                      ensure_ascii=False).replace("</", "<\\/")


def sparql_page(request: Request) -> Response:
    """The workbench page: Yasgui over this endpoint, with every named query as an example."""
    return TEMPLATES.TemplateResponse(request, "sparql.html", {
        "start": START, "examples": examples(), "config": workbench_config(page_language_of(request))},
        headers={"Vary": "Accept"})


def router() -> APIRouter:
    """The /docs page (Swagger UI from the package, no CDN)."""
    routes = APIRouter(include_in_schema=False)

    @routes.get("/docs", response_class=HTMLResponse)
    async def docs(request: Request) -> Response:
        return TEMPLATES.TemplateResponse(request, "docs.html", {
            "parameters": json.dumps(SWAGGER_PARAMETERS)})

    return routes

