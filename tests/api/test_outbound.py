"""No query makes the server connect anywhere: SERVICE is refused on every path, a listener proves it."""
from __future__ import annotations

import asyncio
import multiprocessing
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plangraph.api.web.app import create_app
from plangraph.api.query.outbound import ServiceRefused, refuse_service, services
from plangraph.api.storage.remote import SparqlStore
from plangraph.api.execution.remote_executor import RemoteExecutor
from plangraph.api.settings import Settings
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.execution.workers import InlineExecutor
from tests.conftest import LOCAL, Listener, inline_client


def test_outbound_lexer_finds_service_but_not_data_named_service() -> None:
    assert services("SELECT ?service WHERE { ?service <http://x/SERVICE> 'SERVICE' . ?s ?p ex:service }") == []
    assert services("SELECT * { ?s <http://www.w3.org/ns/sparql-service-description#Service> ?o } # SERVICE <x>") == []
    assert services("SELECT * { ?s ?p 'a'@service ; ?q \"\"\"x\nSERVICE <http://a/> {}\"\"\" }") == []
    assert services("SELECT * { SERVICE ?x { ?s ?p ?o } }") == [None]
    assert services("PREFIX e: <http://a/> SELECT * { SERVICE SILENT e:b { } SERVICE <http://c/> { } }") == \
        ["http://a/b", "http://c/"]


def test_outbound_allow_list_admits_only_listed_endpoints() -> None:
    refuse_service("SELECT * { SERVICE <http://ok.example/sparql> { ?s ?p ?o } }",
                   allowed=frozenset({"http://ok.example/sparql"}))
    for query in ("SELECT * { SERVICE <http://other.example/sparql> { ?s ?p ?o } }",
                  "SELECT * { SERVICE ?x { ?s ?p ?o } }"):
        with pytest.raises(ServiceRefused):
            refuse_service(query, allowed=frozenset({"http://ok.example/sparql"}))


@pytest.fixture(scope="module")
def client(seed_store: Path) -> Iterator[TestClient]:
    with inline_client(seed_store) as test_client:
        yield test_client


def test_outbound_sparql_service_is_400_and_nothing_connects(client: TestClient, listener: Listener) -> None:
    for query in listener.service_queries():
        for response in (client.get("/sparql", params={"query": query}),
                         client.post("/sparql", data={"query": query}),
                         client.post("/sparql", content=query.encode(),
                                     headers={"Content-Type": "application/sparql-query"})):
            assert response.status_code == 400, query
            assert "SERVICE (federated query) is not allowed" in response.json()["error"]
    assert listener.connections == 0


def test_outbound_store_and_remote_refuse_service(seed_store: Path, listener: Listener) -> None:
    store = OxigraphStore.in_memory_copy(seed_store)
    remote = SparqlStore(f"http://127.0.0.1:{listener.port}/sparql", timeout=2)
    executor = RemoteExecutor(remote, timeout=5)
    for query in listener.service_queries():
        with pytest.raises(ServiceRefused):
            (store.ask if query.startswith("ASK") else store.construct if query.startswith("CONSTRUCT")
             else store.select)(query)
        with pytest.raises(ServiceRefused):
            remote.select(query)
        reply = asyncio.run(executor.run("sparql", query=query, accept=None, format_name=None,
                                         default_graphs=[], named_graphs=[], row_limit=10))
        assert reply.status == 400 and b"not allowed" in reply.body
    assert listener.connections == 0


def test_outbound_cors_is_off_unless_origins_are_configured(seed_store: Path, client: TestClient) -> None:
    preflight = {"Origin": "http://evil.example", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    assert "access-control-allow-origin" not in client.options("/sparql", headers=preflight).headers
    assert "access-control-allow-origin" not in client.get("/health", headers={"Origin": "http://evil.example"}).headers
    store = OxigraphStore.in_memory_copy(seed_store)
    app = create_app(Settings(store=str(seed_store), workers=0, cors_origins=("http://yasgui.example",)),
                     executor=InlineExecutor(store))
    with TestClient(app, base_url=LOCAL) as allowed:
        ok = allowed.options("/sparql", headers={**preflight, "Origin": "http://yasgui.example"})
        assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "http://yasgui.example"
        assert "access-control-allow-origin" not in allowed.options("/sparql", headers=preflight).headers


def _try_connect(port: int, isolate: bool) -> str:
    from plangraph.api.execution.workers import isolate_network
    if isolate and not isolate_network():
        return "no isolation"
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        return "refused"
    return "connected"


def test_outbound_worker_network_isolation_blocks_connections(listener: Listener) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        isolated = pool.apply(_try_connect, (listener.port, True))
    if isolated == "no isolation":
        pytest.skip("this system does not allow network namespaces")
    assert isolated == "refused" and listener.connections == 0
