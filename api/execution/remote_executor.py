"""The web app's jobs over a remote SPARQL endpoint (`plangraph serve --endpoint URL`).

The same job names as api/execution/jobs.py, answered through `SparqlStore`; each job runs in a thread
and is abandoned at the time limit (the HTTP request is given the same limit, so the server's
connection ends too; the remote engine's own limit, such as Virtuoso's MaxQueryExecutionTime,
bounds the work on its side).
"""
from __future__ import annotations

import asyncio
import math
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pyoxigraph as ox
from rdflib.term import Node
from SPARQLWrapper import JSON, N3, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from plangraph.api.execution.jobs import Cells, Reply, Table, _error, ask_reply, graph_reply, select_reply
from plangraph.api.query.cells import Form, plain
from plangraph.api.query.outbound import ServiceRefused, refuse_service
from plangraph.api.storage.remote import SparqlStore, from_json
from plangraph.api.query.results import Row
from plangraph.api.storage.store import to_ox
from plangraph.api.execution.workers import Busy, JobError, QueryTimeout
from plangraph.extract.errors import StoreError

COUNT_AGE = 30.0  # seconds a quad count is reused for /health
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


class _Lane:
    """Threads for one kind of request, and how many of its jobs run or wait (abandoned ones included)."""

    def __init__(self, name: str, size: int, queue: int) -> None:
        self.threads = ThreadPoolExecutor(max_workers=max(1, size), thread_name_prefix=f"plangraph-{name}")
        self.size = max(1, size)
        self.queue = max(0, queue)
        self.pending = 0

    def done(self, _: object) -> None:
        self.pending -= 1


class RemoteExecutor:
    """Runs the app's jobs against a SparqlStore, each bounded by the time limit.

    As with the worker pool, free SPARQL ("query") and pages ("page") have threads of their
    own, at most `queue` jobs wait per lane (beyond that: Busy), and /health answers from a
    count refreshed in the background. A job past its time limit is abandoned; its thread stays
    busy until the HTTP request to the endpoint ends, which has the same limit.
    """

    def __init__(self, store: SparqlStore, timeout: float = 10.0, size: int = 3, page_size: int = 1,
                 queue: int = 6) -> None:
        self.store = store
        self.timeout = timeout
        self._lanes = {"query": _Lane("query", size, queue), "page": _Lane("page", page_size, queue)}
        self._count: int | None = None
        self._counted_at = 0.0
        self._counting: asyncio.Task[int] | None = None

    async def triple_count(self) -> int:
        """The endpoint's quad count, at most COUNT_AGE seconds old; only the first call waits for it."""
        loop = asyncio.get_running_loop()
        if self._counting is None and (self._count is None or loop.time() - self._counted_at > COUNT_AGE):
            self._counting = loop.create_task(self._recount())
        if self._count is None and self._counting is not None:
            return await asyncio.shield(self._counting)
        return self._count or 0

    async def _recount(self) -> int:
        try:
            self._count = int(await self.run("triple_count"))
            self._counted_at = asyncio.get_running_loop().time()
            return self._count
        finally:
            self._counting = None

    async def run(self, job: str, timeout: float | None = None, lane: str = "page", **kwargs: Any) -> Any:
        limit = timeout or self.timeout
        chosen = self._lanes[lane]
        if chosen.pending >= chosen.size + chosen.queue:
            retry = max(1, math.ceil(limit / 2))
            raise Busy(f"all {chosen.size} {lane} connections are busy and {chosen.pending - chosen.size} "
                       f"requests wait; try again in {retry} s", retry)
        chosen.pending += 1
        future = asyncio.get_running_loop().run_in_executor(chosen.threads, self._call, job, kwargs)
        future.add_done_callback(chosen.done)
        try:
            status, payload = await asyncio.wait_for(asyncio.shield(future), limit)
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

    def _cells(self, query: str, bindings: dict[str, Node] | None, row_limit: int, form: Form) -> Cells:
        rows = self.store.select(query, bindings)
        return Cells(rows.columns, [[plain(row[c], form) for c in rows.columns] for row in rows.rows[:row_limit]],
                     len(rows.rows) > row_limit)

    def _shacl_findings(self) -> list[dict[str, str]]:
        from plangraph.api.storage.validate import finding_rows
        return finding_rows(self.store)

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
