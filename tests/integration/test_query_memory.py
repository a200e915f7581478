"""A memory-hungry query is stopped with 503 at the per-query memory limit; the server stays small."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.integration.test_server import Server, serve, stop
from tests.processes import tree_pss_mb

LIMIT_MB = 300
SERVER_LIMIT_MB = 1200  # the stated bound for the whole server: its process, fork server, 3 + 1 workers and the quick one
# (each shared page counted once: the workers are forked from one fork server)
HUNGRY = ("SELECT ?a ?b ?c ?d WHERE { " + " ".join(
    f"VALUES ?{v} {{ " + " ".join(str(i) for i in range(60)) + " }" for v in "abcd")
    + " } ORDER BY DESC(STR(?a)) ?b ?c ?d LIMIT 1")


@pytest.fixture(scope="module")
def server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_QUERY_TIMEOUT="120", PLANGRAPH_QUERY_MEMORY_MB=str(LIMIT_MB))
    yield running
    stop(running)


def test_query_memory_hungry_query_is_stopped_with_503(server: Server) -> None:
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_pss_mb(server.process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        response = httpx.post(f"{server.url}/sparql", data={"query": HUNGRY}, timeout=120)
    finally:
        done.set()
        sampler.join()
    assert response.status_code == 503, response.text
    assert f"memory limit of {LIMIT_MB} MB" in response.json()["error"]
    assert peak < SERVER_LIMIT_MB, peak
    small = httpx.get(f"{server.url}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert small.status_code == 200 and small.json()["boolean"] is True
