"""Named queries as API operations: GET /queries/{name} with typed, validated parameters."""
from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from plangraph.api.query import negotiate as nt
from plangraph.api.execution.jobs import Cells
from plangraph.api.query.results import spreadsheet_safe
from plangraph.api.query.catalog import NamedQuery
from plangraph.api.web.query_pages import listing_page, query_page, wants_html
from plangraph.api.web.responses import error
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.execution.workers import Executor
from plangraph.extract.errors import QueryError
from plangraph.extract.normalize import strip_marks

RESERVED = ("format", "lang")
BOM = "\ufeff"
_SCHEMAS: dict[str, dict[str, Any]] = {
    "iri": {"type": "string", "format": "uri"},
    "string": {"type": "string", "maxLength": 500},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "year": {"type": "string", "pattern": r"^\d{4}$"},
    "date": {"type": "string", "format": "date"},
    "boolean": {"type": "boolean"},
}


def fold_key(value: str) -> str:
    """A `*_key` parameter as the folded search key the graph stores (no marks, đ → d, lower case).

    >>> fold_key("Sở Văn hóa")
    'so van hoa'
    """
    return " ".join(strip_marks(value).split())


def table_csv(table: Cells) -> str:
    """Rows as CSV with a header line, cells that a spreadsheet would run as formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([spreadsheet_safe(str(value)) for value in row] for row in table.rows)
    return buffer.getvalue()


def openapi_parameters(query: NamedQuery) -> list[dict[str, Any]]:
    """OpenAPI parameter objects for a query's header, with its example values."""
    params: list[dict[str, Any]] = []
    for name, kind in query.params.items():
        param: dict[str, Any] = {"name": name, "in": "query", "required": name not in query.optional
                                 and name not in query.defaults,
                                 "schema": dict(_SCHEMAS[kind]), "description": f"{kind} value"}
        if name in query.defaults:
            param["schema"]["default"] = query.defaults[name]
        if name in query.example:
            param["example"] = query.example[name]
        params.append(param)
    params.append({"name": "format", "in": "query", "required": False,
                   "schema": {"type": "string", "enum": ["json", "csv"]},
                   "description": "json or csv (or ask with Accept: text/csv)"})
    return params


def router(executor: Executor, queries: dict[str, NamedQuery], row_limit: int, timeout: float) -> APIRouter:
    """One GET operation per named query, a list of them, and a 404 for unknown names."""
    routes = APIRouter(tags=["named queries"], route_class=CancelOnDisconnect)

    async def run(query: NamedQuery, request: Request) -> Response:
        values = {k: fold_key(v) if k.endswith("_key") else v
                  for k, v in request.query_params.items() if k not in RESERVED}
        if wants_html(request):
            return await query_page(request, executor, query, values, RESERVED, timeout)
        try:
            bindings = query.bind(values)
        except QueryError as exc:
            return error(422, str(exc))
        asked = request.query_params.get("format")
        if asked is not None and asked.lower() not in ("json", "csv"):
            return error(422, f"format must be json or csv, not {asked[:50]!r}")
        media = nt.from_format_name(asked, (nt.CSV, nt.RESULTS_JSON)) or \
            nt.choose(request.headers.get("accept"), ("application/json", nt.CSV), default="application/json")
        form = "csv" if media == nt.CSV else "json"
        table: Cells = await executor.run("cells", timeout=timeout, query=query.text, bindings=bindings,
                                          row_limit=row_limit, form=form)
        headers = {"X-Row-Limit": str(row_limit), "X-Truncated": "true" if table.truncated else "false"}
        if media == nt.CSV:
            # The byte-order mark makes spreadsheets read the file as UTF-8 (Excel shows mojibake without it).
            headers["Content-Disposition"] = f'attachment; filename="{query.name}.csv"'
            return Response(BOM + table_csv(table), media_type="text/csv; charset=utf-8", headers=headers)
        return JSONResponse({
            "query": query.name, "summary": query.summary,
            "params": {k: str(v) for k, v in bindings.items()},
            "columns": table.columns,
            "rows": [dict(zip(table.columns, row)) for row in table.rows],
            "row_count": len(table.rows), "truncated": table.truncated, "row_limit": row_limit,
        }, headers=headers)

    def operation(query: NamedQuery) -> Any:
        async def handler(request: Request) -> Response:
            return await run(query, request)
        return handler

    @routes.get("/queries", summary="List the named queries with their parameters and examples")
    async def listing(request: Request) -> Any:
        if wants_html(request):
            return listing_page(request, queries)
        return {"queries": [{"name": q.name, "summary": q.summary, "params": q.params,
                             "optional": list(q.optional), "defaults": q.defaults, "example": q.example,
                             "url": str(request.url_for(f"query_{q.name}"))} for q in queries.values()]}

    for query in queries.values():
        routes.add_api_route(
            f"/queries/{query.name}", operation(query), methods=["GET"], name=f"query_{query.name}",
            operation_id=query.name, summary=query.summary,
            description=f"{query.summary}. Rows as JSON or CSV; at most {row_limit} rows (X-Truncated says "
                        f"when the limit cut them).\n\nExample: `{query.example or {}}`",
            responses={200: {"content": {"application/json": {}, "text/csv": {}}},
                       422: {"description": "a parameter is missing or not of its type"}},
            openapi_extra={"parameters": openapi_parameters(query)})

    @routes.get("/queries/{name}", include_in_schema=False)
    async def unknown(name: str) -> Response:
        return error(404, f"no named query {name!r}; known: {', '.join(sorted(queries))}")

    return routes
