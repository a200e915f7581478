"""The SPARQL workbench (Yasgui) and the API docs (Swagger UI), both served from static/vendor."""
from __future__ import annotations

import json
from functools import lru_cache

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from plangraph.api.execution.jobs import PREFIXES
from plangraph.api.query.catalog import NamedQuery, load_all
from plangraph.api.storage.remote import bind_values
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
    """A named query as a ready example: its text with its example parameters bound by VALUES."""
    values = {k: fold_key(v) if k.endswith("_key") else v for k, v in query.example.items()}
    return bind_values(query.text, query.bind(values))


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

