"""The SPARQL 1.1 Protocol query operation at /sparql: read-only, time-limited, row-capped."""
from __future__ import annotations

from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from plangraph.api.query import negotiate as nt
from plangraph.api.execution.jobs import Reply
from plangraph.api.query.lexer import is_update
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.web.linked_data import description, rdf_response
from plangraph.api.web.workbench import sparql_page
from plangraph.api.web.responses import error, valid_iri
from plangraph.api.execution.workers import Busy, Executor, JobError, QueryTimeout, QueryTooBig

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
_CHARSETS = ("utf-8", "utf8")


class ProtocolError(Exception):
    """A request the protocol does not allow; carries the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return None


def _decode(body: bytes, content_type: str) -> str:
    charset = _charset(content_type)
    if charset is not None and charset not in _CHARSETS:
        raise ProtocolError(415, f"the request body must be UTF-8, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not UTF-8: {exc}") from exc


async def read_request(request: Request) -> list[tuple[str, str]]:
    """All protocol parameters of a GET or POST, the query among them."""
    params = list(request.query_params.multi_items())
    if request.method == "GET":
        return params
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    body = await request.body()
    if media == FORM:
        return params + parse_qsl(_decode(body, content_type), keep_blank_values=True)
    if media == DIRECT:
        return params + [("query", _decode(body, content_type))]
    if media == UPDATE:
        raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are not accepted")
    if not media:
        raise ProtocolError(415, f"a POST needs a Content-Type: {FORM} or {DIRECT}")
    raise ProtocolError(415, f"unsupported Content-Type {media}; use {FORM} or {DIRECT}")


def protocol_query(params: list[tuple[str, str]]) -> tuple[str, list[str], list[str], str | None]:
    """The query, default graphs, named graphs and format name; ProtocolError when malformed."""
    names = [k for k, _ in params]
    if "update" in names or "using-graph-uri" in names or "using-named-graph-uri" in names:
        raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are not accepted")
    queries = [v for k, v in params if k == "query"]
    if len(queries) > 1:
        raise ProtocolError(400, "exactly one query parameter is allowed")
    if not queries or not queries[0].strip():
        raise ProtocolError(400, "missing the query parameter")
    if is_update(queries[0]):
        raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are not accepted")
    default_graphs = [v for k, v in params if k == "default-graph-uri"]
    named_graphs = [v for k, v in params if k == "named-graph-uri"]
    for graph in default_graphs + named_graphs:
        if not valid_iri(graph):
            raise ProtocolError(400, f"default-graph-uri and named-graph-uri must be absolute IRIs, not {graph[:200]!r}")
    format_name = next((v for k, v in params if k in ("format", "output", "results")), None)
    return queries[0], default_graphs, named_graphs, format_name


def to_response(reply: Reply) -> Response:
    """A worker's reply as an HTTP response."""
    media = reply.media_type
    if media.startswith("text/") or media.endswith("json") or media.endswith("xml"):
        media += "; charset=utf-8"
    return Response(reply.body, status_code=reply.status, headers={"Content-Type": media, **reply.headers})


async def describe_service(request: Request, executor: Executor) -> Response:
    """GET without a query: a query form for browsers, else the service description."""
    offered = (nt.TURTLE, nt.HTML, nt.JSONLD, nt.NTRIPLES, nt.RDFXML)
    media = nt.choose(request.headers.get("accept"), offered, default=nt.TURTLE)
    if media == nt.HTML:
        return sparql_page(request)
    if media is None:
        return error(400, "missing the query parameter")
    return rdf_response(description(request, await executor.triple_count()), media)


def router(executor: Executor, row_limit: int, timeout: float) -> APIRouter:
    """Routes of the SPARQL endpoint."""
    routes = APIRouter(tags=["SPARQL"], route_class=CancelOnDisconnect)

    async def answer(request: Request) -> Response:
        try:
            params = await read_request(request)
            if request.method == "GET" and not any(k in ("query", "update") for k, _ in params):
                return await describe_service(request, executor)
            query, default_graphs, named_graphs, format_name = protocol_query(params)
        except ProtocolError as exc:
            return error(exc.status, exc.message)
        try:
            reply = await executor.run("sparql", timeout=timeout, lane="query", query=query,
                                       accept=request.headers.get("accept"), format_name=format_name,
                                       default_graphs=default_graphs, named_graphs=named_graphs,
                                       row_limit=row_limit)
        except QueryTimeout as exc:
            return error(503, f"{exc}; narrow the query or add a LIMIT")
        except QueryTooBig as exc:
            return error(503, f"{exc}; narrow the query, sort less or add a LIMIT")
        except Busy as exc:
            return error(503, str(exc), headers={"Retry-After": str(exc.retry_after)})
        except JobError as exc:
            return error(400 if exc.kind == "ServiceRefused" else 500, f"the query failed: {exc.message}")
        return to_response(reply)

    describe = (f"Query by GET ?query=, POST form or POST {DIRECT}. Results are cut at {row_limit} rows "
                f"(stated in X-Truncated / Warning headers) and queries stop after {timeout:g} s.")
    for method in ("GET", "POST"):
        routes.add_api_route("/sparql", answer, methods=[method], operation_id=f"sparql_{method.lower()}",
                             summary="SPARQL 1.1 Protocol query endpoint (read-only)", description=describe)

    async def not_allowed(request: Request) -> Response:
        return error(405, f"{request.method} is not allowed; query with GET or POST",
                     headers={"Allow": "GET, POST, OPTIONS"})

    routes.add_api_route("/sparql", not_allowed, methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
    return routes
