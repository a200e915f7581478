"""A running server switches to a rebuilt store whole: every worker, both lanes, replacements too."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from plangraph.api.cli import main
from tests.conftest import SEEDS
from tests.integration.test_server import SLOW_QUERY, Server, serve, stop

DOCUMENTS = ("SELECT (COUNT(DISTINCT ?file) AS ?n) WHERE { ?doc <https://w3id.org/plangraph/ontology#fileName> ?file }")
# /health counts the quads of every graph but the facts graph, which merges them
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!STRENDS(STR(?g), \"/graph/facts\")) }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reload") / "store"
    assert main(["build", *map(str, SEEDS[:2]), "--store", str(path), "--workers", "1"]) == 0
    return path


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[Server]:
    running = serve(store, PLANGRAPH_STORE_POLL="0.3", PLANGRAPH_QUERY_TIMEOUT="2", PLANGRAPH_WORKERS="3",
                    PLANGRAPH_PAGE_WORKERS="2")
    yield running
    stop(running)


def count(server: Server, query: str) -> int:
    response = httpx.get(f"{server.url}/sparql", params={"query": query},
                         headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def documents_by_page_lane(server: Server) -> int:
    rows = httpx.get(f"{server.url}/queries/plans", timeout=30).json()["rows"]
    return len({row["document"] for row in rows})


def test_store_reload_every_worker_answers_from_the_rebuilt_store(server: Server, store: Path) -> None:
    before = httpx.get(f"{server.url}/health").json()["triples"]
    assert count(server, DOCUMENTS) == 2 and documents_by_page_lane(server) == 2
    assert main(["build", str(SEEDS[2]), "--store", str(store), "--workers", "1"]) == 0
    deadline = time.monotonic() + 60
    while httpx.get(f"{server.url}/health").json()["triples"] == before:
        assert time.monotonic() < deadline, "the server kept the old store"
        time.sleep(0.1)
    triples = httpx.get(f"{server.url}/health").json()["triples"]
    stopped = httpx.post(f"{server.url}/sparql", data={"query": SLOW_QUERY}, timeout=60)
    assert stopped.status_code == 503  # its worker is replaced: the replacement must hold the new store too
    answers = [count(server, DOCUMENTS) for _ in range(12)]
    assert answers == [3] * 12
    assert [documents_by_page_lane(server) for _ in range(6)] == [3] * 6
    assert count(server, QUADS) == triples
