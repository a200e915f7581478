"""Request limits and small protections: body size, updates as 403, spreadsheet-safe CSV, no 500 for bad input."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plangraph.api.web.app import create_app
from plangraph.api.settings import Settings
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.execution.workers import InlineExecutor
from tests.conftest import LOCAL, Outcome


@pytest.fixture(scope="module")
def client(seed_store: Path) -> Iterator[TestClient]:
    store = OxigraphStore.in_memory_copy(seed_store)
    app = create_app(Settings(store=str(seed_store), workers=0, max_body_bytes=2000), executor=InlineExecutor(store))
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as test_client:
        yield test_client


def test_limits_body_over_the_limit_is_413(client: TestClient) -> None:
    query = "ASK { ?s ?p ?o } #" + "x" * 3000
    for response in (client.post("/sparql", data={"query": query}),
                     client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})):
        assert response.status_code == 413 and "over the limit of 2000 bytes" in response.json()["error"]
    assert client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_limits_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%23"
        for _ in range(10):
            yield b"x" * 500
    response = client.post("/sparql", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and "over the limit" in response.json()["error"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "plans.attacker.test."])
def test_limits_other_sites_host_names_are_refused(client: TestClient, host: str) -> None:
    for path in ("/health", "/sparql?query=ASK%7B%7D", "/"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400 and "PLANGRAPH_ALLOWED_HOSTS" in response.json()["error"], path


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "localhost:8000", "[::1]:8000", "10.1.2.3",
                                  "127.0.0.1"])
def test_limits_local_names_and_addresses_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/health", headers={"Host": host}).status_code == 200


def test_limits_allowed_hosts_come_from_the_environment(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANGRAPH_ALLOWED_HOSTS", "plans.example.org, data.example.org")
    settings = Settings.from_env(store=str(seed_store), workers=0)
    app = create_app(settings, executor=InlineExecutor(OxigraphStore.in_memory_copy(seed_store)))
    with TestClient(app, base_url="http://plans.example.org") as named:
        assert named.get("/health").status_code == 200
        assert named.get("/health", headers={"Host": "data.example.org:8443"}).status_code == 200
        assert named.get("/health", headers={"Host": "other.example.org"}).status_code == 400


@pytest.mark.parametrize("text", ["INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }",
                                  "PREFIX e: <http://a/> delete where { ?s ?p ?o }", "DROP ALL",
                                  "LOAD <http://127.0.0.1:9/x>", "WITH <http://a/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"])
def test_limits_update_in_the_query_parameter_is_403(client: TestClient, text: str) -> None:
    for response in (client.get("/sparql", params={"query": text}), client.post("/sparql", data={"query": text}),
                     client.post("/sparql", content=text.encode(), headers={"Content-Type": "application/sparql-query"})):
        assert response.status_code == 403 and "read-only" in response.json()["error"]


def test_limits_http_csv_cells_never_run_as_formulas(client: TestClient) -> None:
    values = ['"=HYPERLINK(1)"', '"+1+2"', '"-cmd"', '"@SUM(A1)"', '"--11-20"', "-5", "+2.5", '"plain"']
    query = f"SELECT ?v WHERE {{ VALUES ?v {{ {' '.join(values)} }} }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    cells = [row[0] for row in csv.reader(io.StringIO(response.text))][1:]
    assert cells == ["'=HYPERLINK(1)", "'+1+2", "'-cmd", "'@SUM(A1)", "'--11-20", "-5", "2.5", "plain"]


def test_limits_named_query_csv_is_safe_while_the_cli_prints_exact_values(
        client: TestClient, seed_store: Path, cli: Callable[..., Outcome]) -> None:
    web = list(csv.DictReader(io.StringIO(client.get("/queries/deadlines", params={"format": "csv"}).content.decode("utf-8-sig"))))
    exact = cli("query", "deadlines", "--store", seed_store, "--format", "csv").csv()
    assert any(row["date"].startswith("--") for row in exact)  # recurring dates such as --11-20
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in web for cell in row.values())
    assert sorted(row["date"] for row in web) == sorted("'" + r["date"] if r["date"].startswith("-") else r["date"]
                                                       for r in exact)


@pytest.mark.parametrize("path,params", [
    ("/sparql", {"query": "ASK {}", "default-graph-uri": "not an iri"}),
    ("/sparql", {"query": "ASK {}", "default-graph-uri": ""}),
    ("/sparql", {"query": "ASK {}", "named-graph-uri": "x y"}),
    ("/eli/%ZZ", {}),
    ("/queries/agency_duties", {"kind": "http://[::1"}),
    ("/queries/plans", {"format": "xlsx"}),
    ("/queries/indicators_by_year", {"year": "20x4"}),
    ("/queries/tasks_by_agency", {"agency_key": "x" * 600}),
])
def test_limits_malformed_parameters_are_4xx_with_a_message(client: TestClient, path: str,
                                                            params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert 400 <= response.status_code < 500 and response.json()["error"], response.text
    if path.startswith("/queries"):
        assert response.status_code == 422
