"""The web app's jobs over a remote SPARQL endpoint (`plangraph serve --endpoint URL`).

The same job names as api/jobs.py, answered through `SparqlStore`; each job runs in a thread
and is abandoned at the time limit (the HTTP request is given the same limit, so the server's
connection ends too; the remote engine's own limit, such as Virtuoso's MaxQueryExecutionTime,
bounds the work on its side).
"""
from __future__ import annotations

import asyncio
import os
from typing import Any

import pyoxigraph as ox
from rdflib.term import Node
from SPARQLWrapper import JSON, N3, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from api.jobs import Reply, Table, _error, ask_reply, graph_reply, select_reply
from api.outbound import ServiceRefused, refuse_service
from api.remote import SparqlStore, from_json
from api.results import Row
from api.store import to_ox
from api.workers import JobError, QueryTimeout
from extract.errors import StoreError

_EMPTY = ox.Store()  # parses queries (and tells their form) without touching any data


def store_from_env(endpoint: str, timeout: float) -> SparqlStore:
    """A SparqlStore with the credentials of PLANGRAPH_ENDPOINT_USER / _PASSWORD, if set."""
    return SparqlStore(endpoint, user=os.environ.get("PLANGRAPH_ENDPOINT_USER"),
                       password=os.environ.get("PLANGRAPH_ENDPOINT_PASSWORD"), timeout=timeout)


def _form(query: str) -> str:
    """select | ask | graph, by running the query on an empty store; SyntaxError when it is not SPARQL."""
    result = _EMPTY.query(query)
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "select" if isinstance(result, ox.QuerySolutions) else "graph"


class RemoteExecutor:
    """Runs the app's jobs against a SparqlStore, each bounded by the time limit."""

    def __init__(self, store: SparqlStore, timeout: float = 10.0) -> None:
        self.store = store
        self.timeout = timeout

    async def triple_count(self) -> int:
        return int(await self.run("triple_count"))

    async def run(self, job: str, timeout: float | None = None, lane: str = "page", **kwargs: Any) -> Any:
        limit = timeout or self.timeout
        try:
            status, payload = await asyncio.wait_for(asyncio.to_thread(self._call, job, kwargs), limit)
        except asyncio.TimeoutError as exc:
            raise QueryTimeout(f"the query was stopped at the time limit of {limit:g} s") from exc
        if status == "error":
            raise JobError(*payload)
        return payload

    def _call(self, job: str, kwargs: dict[str, Any]) -> tuple[str, Any]:
        try:
            return "ok", getattr(self, f"_{job}")(**kwargs)
        except StoreError as exc:
            return "error", ("StoreError", exc.message)
        except ServiceRefused as exc:
            return "error", ("ServiceRefused", exc.message)

    def _triple_count(self) -> int:
        return self.store.triple_count()

    def _select(self, query: str, bindings: dict[str, Node] | None, row_limit: int) -> Table:
        rows = self.store.select(query, bindings)
        return Table(rows.columns, rows.rows[:row_limit], len(rows.rows) > row_limit)

    def _construct(self, query: str, bindings: dict[str, Node] | None) -> bytes:
        return self.store.construct(query, bindings).serialize(format="nt", encoding="utf-8")

    def _sparql(self, query: str, accept: str | None, format_name: str | None,
                default_graphs: list[str], named_graphs: list[str], row_limit: int) -> Reply:
        try:
            refuse_service(query)
        except ServiceRefused as exc:
            return _error(400, exc.message)
        try:
            form = _form(query)
        except SyntaxError as exc:
            return _error(400, f"not a SPARQL query: {exc}")
        wrapper = SPARQLWrapper(self.store.endpoint_url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(int(self.store.timeout))
        mine = self.store.graphs()
        for graph in default_graphs or ([] if named_graphs else mine):
            wrapper.addDefaultGraph(graph)
        for graph in named_graphs or ([] if default_graphs else mine):
            wrapper.addNamedGraph(graph)
        wrapper.setQuery(query)
        wrapper.setReturnFormat(N3 if form == "graph" else JSON)
        try:
            result: Any = wrapper.queryAndConvert()
        except (SPARQLWrapperException, OSError) as exc:
            return _error(502, f"the remote endpoint failed: {str(exc).strip()[:300]}")
        if form == "ask":
            return ask_reply(bool(result["boolean"]), accept, format_name)
        if form == "select":
            head: list[str] = result["head"]["vars"]
            bindings = result["results"]["bindings"]
            rows: list[Row] = [[_ox(from_json(b.get(v))) for v in head] for b in bindings[:row_limit + 1]]
            return select_reply(head, rows, accept, format_name, row_limit)
        data = result if isinstance(result, bytes) else result.serialize(format="nt").encode()
        return graph_reply(ox.parse(data, format=ox.RdfFormat.TURTLE), accept, format_name, row_limit)


def _ox(term: Node | None) -> Any:
    return None if term is None else to_ox(term)
