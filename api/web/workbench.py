"""The SPARQL workbench (Yasgui) and the API docs (Swagger UI), both served from static/vendor."""
from __future__ import annotations

import json
from functools import lru_cache

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from plangraph.api.execution.jobs import PREFIXES
from plangraph.api.query.catalog import NamedQuery, load_all
from plangraph.api.query.lexer import tokens
from plangraph.api.storage.remote import bind_values, term_n3
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
    text = query.text
    found = list(tokens(text))
    opening = next((i for i, (kind, word, _) in enumerate(found) if kind == "other" and word == "{"), None)
    if opening is None:
        return bind_values(text, bound)
    depth, pieces, last = 0, [], 0
    for kind, word, offset in found[opening:]:
        if kind == "other" and word in "{}":
            depth += 1 if word == "{" else -1
            if depth == 0:
                break
        elif kind == "var" and word[1:] in bound:
            pieces.append(text[last:offset] + term_n3(word[1:], bound[word[1:]]))
            last = offset + len(word)
    return "".join(pieces) + text[last:]


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

