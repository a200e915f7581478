"""Named queries as pages: the question's form, its answer as a table, CSV/JSON links and its SPARQL."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response
from rdflib import Literal, URIRef

from plangraph.api.execution.jobs import Table
from plangraph.api.execution.workers import Executor
from plangraph.api.query import negotiate as nt
from plangraph.api.query.catalog import NamedQuery
from plangraph.api.web import page_messages  # noqa: F401  (the pages' messages)
from plangraph.api.web.templating import TEMPLATES
from plangraph.extract.errors import QueryError

PAGE_ROWS = 2000
INPUT_TYPES = {"integer": "number", "decimal": "number", "year": "text", "date": "date", "iri": "url"}


def wants_html(request: Request) -> bool:
    """Whether a browser asked (`format=html`, or `Accept` that puts HTML before JSON and CSV)."""
    asked = request.query_params.get("format")
    if asked is not None:
        return asked.strip().lower() == "html"
    return nt.choose(request.headers.get("accept"), (nt.HTML, "application/json", nt.CSV),
                     default="application/json") == nt.HTML


def _cells(table: Table) -> list[list[tuple[str, bool]]]:
    """Each row as (text, is a link) cells, in column order."""
    return [[("" if row[c] is None else str(row[c]), isinstance(row[c], URIRef)) for c in table.columns]
            for row in table.rows]


async def query_page(request: Request, executor: Executor, query: NamedQuery, values: dict[str, str],
                     reserved: tuple[str, ...], timeout: float) -> Response:
    """The page of one named query; it runs when every required parameter is given."""
    given = {k: v for k, v in request.query_params.items() if k not in reserved}
    required = [p for p in query.params if p not in query.optional and p not in query.defaults]
    context: dict[str, object] = {
        "query": query, "given": given, "input_types": INPUT_TYPES, "error": "", "table": None,
        "csv": f"?{urlencode({**given, 'format': 'csv'})}", "json": f"?{urlencode({**given, 'format': 'json'})}",
        "example": f"?{urlencode(query.example)}" if query.example else ""}
    status = 200
    if all(given.get(p) for p in required):
        try:
            bindings = query.bind(values)
        except QueryError as exc:
            context["error"], status = str(exc), 422
        else:
            table: Table = await executor.run("select", timeout=timeout, query=query.text, bindings=bindings,
                                              row_limit=PAGE_ROWS)
            context.update(table=table, rows=_cells(table),
                           bound={k: str(v) for k, v in bindings.items() if isinstance(v, (Literal, URIRef))})
    return TEMPLATES.TemplateResponse(request, "query.html", context, status_code=status)


def listing_page(request: Request, queries: dict[str, NamedQuery]) -> Response:
    """Every named query with its summary and parameters."""
    return TEMPLATES.TemplateResponse(request, "queries.html",
                                      {"queries": sorted(queries.values(), key=lambda q: q.name)})
