"""The server as a user meets it: uvicorn in a subprocess, real SPARQL clients, limits and injection."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from tests.conftest import Listener
from tests.processes import free_port

ELI = "http://data.europa.eu/eli/ontology#"
SLOW_QUERY = ("SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"VALUES ?d{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(9))
              + " FILTER(STRLEN(SHA256(CONCAT(" + ", ".join(f"STR(?d{i})" for i in range(9)) + "))) = 64) }")


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]


def serve(store: Path, **env: str) -> Server:
    """Start `plangraph serve --store` on a free port and wait until /health answers."""
    return serve_from(["--store", str(store)], **env)


def serve_from(source: list[str], port: int | None = None, **env: str) -> Server:
    """Start `plangraph serve SOURCE…` (--store DIR or --endpoint URL) and wait until /health answers."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plangraph.api.cli", "serve", *source, "--port", str(port)],
        env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return Server(url, process)
        except httpx.TransportError:
            pass
        try:
            process.wait(timeout=0.1)  # waits on the process; returns early only if it died
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(f"server exited: {process.stderr.read().decode() if process.stderr else ''}")
    process.kill()
    raise RuntimeError("server did not answer /health")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_QUERY_TIMEOUT="3", PLANGRAPH_ROW_LIMIT="50", PLANGRAPH_WORKERS="2")
    yield running
    stop(running)


def triples(server: Server) -> int:
    return int(httpx.get(f"{server.url}/health").json()["triples"])


def test_server_sparqlwrapper_select_json(server: Server) -> None:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(f"SELECT ?plan ?title WHERE {{ ?plan a <{ELI}LegalResource> ; <{ELI}title> ?title }}")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert len(rows) >= 3 and all(row["plan"]["type"] == "uri" for row in rows)
    assert any("thư viện" in row["title"]["value"] for row in rows)


def test_server_sparqlwrapper_construct(server: Server) -> None:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(f"CONSTRUCT {{ ?plan <{ELI}title> ?t }} WHERE {{ ?plan a <{ELI}LegalResource> ; <{ELI}title> ?t }}")
    client.setReturnFormat(TURTLE)
    data = client.query().convert()
    graph = Graph().parse(data=data, format="turtle")
    assert len(set(graph.subjects(URIRef(f"{ELI}title"), None))) >= 3


def test_server_rdflib_sparqlstore(server: Server) -> None:
    graph = Graph(store=SPARQLStore(f"{server.url}/sparql", returnFormat="json"))
    rows = list(graph.query(f"SELECT ?plan WHERE {{ ?plan a <{ELI}LegalResource> ; <{ELI}title> ?t }}"))
    assert len(rows) >= 3
    assert (None, URIRef(f"{ELI}title"), None) in graph


def test_server_row_cap_is_stated(server: Server) -> None:
    response = httpx.get(f"{server.url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"},
                         headers={"Accept": "text/csv"})
    assert response.headers["x-truncated"] == "true" and response.headers["x-row-limit"] == "50"
    assert "row limit of 50" in response.headers["warning"]
    assert len(list(csv.reader(io.StringIO(response.text)))) == 51  # header + 50 rows


@pytest.mark.parametrize("value", ['x" } ; DROP ALL #', "a> <b", "'; DELETE WHERE { ?s ?p ?o } #"])
def test_server_injection_values_are_data(server: Server, value: str) -> None:
    before = triples(server)
    as_text = httpx.get(f"{server.url}/queries/tasks_by_agency", params={"agency_key": value})
    assert as_text.status_code == 200 and as_text.json()["rows"] == []
    as_iri = httpx.get(f"{server.url}/queries/agency_duties", params={"kind": value})
    assert as_iri.status_code == 422 and "not a valid iri" in as_iri.json()["error"]
    assert triples(server) == before


def test_server_update_is_refused_and_not_applied(server: Server) -> None:
    before = triples(server)
    response = httpx.post(f"{server.url}/sparql", content=b"DROP ALL",
                          headers={"Content-Type": "application/sparql-update"})
    assert 400 <= response.status_code < 500 and "read-only" in response.json()["error"]
    assert triples(server) == before


def test_server_slow_query_stops_at_time_limit_while_others_are_answered(server: Server) -> None:
    outcome: dict[str, httpx.Response] = {}
    started = threading.Event()

    def slow() -> None:
        started.set()
        outcome["slow"] = httpx.post(f"{server.url}/sparql", data={"query": SLOW_QUERY}, timeout=120)

    thread = threading.Thread(target=slow)
    thread.start()
    started.wait()
    answered = httpx.get(f"{server.url}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60)
    still_running = thread.is_alive()
    thread.join(120)
    assert answered.status_code == 200 and answered.json()["boolean"] is True
    assert still_running, "the quick query should be answered while the slow one runs"
    slow_response = outcome["slow"]
    assert slow_response.status_code == 503
    assert "time limit of 3 s" in slow_response.json()["error"]
    after = httpx.get(f"{server.url}/queries/plans", timeout=60)
    assert after.status_code == 200 and after.json()["rows"]


def test_server_named_query_csv_and_openapi(server: Server) -> None:
    response = httpx.get(f"{server.url}/queries/plans", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").splitlines()[0].startswith("plan,document,province")
    spec = httpx.get(f"{server.url}/openapi.json").json()
    assert "/queries/tasks_by_agency" in spec["paths"] and "/sparql" in spec["paths"]


def test_server_cors_is_off_by_default(server: Server) -> None:
    response = httpx.options(f"{server.url}/sparql", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert "access-control-allow-origin" not in response.headers
    plain = httpx.get(f"{server.url}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                      headers={"Origin": "http://example.org", "Accept": "application/sparql-results+json"})
    assert plain.status_code == 200 and "access-control-allow-origin" not in plain.headers


def test_server_service_is_refused_and_nothing_connects(server: Server, listener: Listener) -> None:
    for query in listener.service_queries():
        response = httpx.post(f"{server.url}/sparql", data={"query": query}, timeout=30)
        assert response.status_code == 400, query
        assert "SERVICE (federated query) is not allowed" in response.json()["error"]
    assert listener.connections == 0


def test_server_dereferences_plan_as_jsonld(server: Server) -> None:
    rows = httpx.get(f"{server.url}/queries/plans").json()["rows"]
    plan = rows[0]["plan"]
    path = "/" + plan.split("://", 1)[1].split("/", 1)[1]
    response = httpx.get(f"{server.url}{path}", headers={"Accept": "application/ld+json"})
    graph = Graph().parse(data=response.text, format="json-ld")
    assert (URIRef(plan), URIRef(f"{ELI}title"), None) in graph
