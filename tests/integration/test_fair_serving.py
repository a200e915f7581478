"""Fair serving: runaway and abandoned queries never hold up /health, pages or small queries."""
from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import pytest

from tests.integration.test_server import SLOW_QUERY, Server, serve, stop

ASK = {"query": "ASK { ?s ?p ?o }"}
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_QUERY_TIMEOUT="60", PLANGRAPH_WORKERS="3", PLANGRAPH_QUEUE="3",
                    PLANGRAPH_QUICK_WORKERS="0")
    yield running
    stop(running)


@pytest.fixture(scope="module")
def quick_server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_QUERY_TIMEOUT="60", PLANGRAPH_WORKERS="3", PLANGRAPH_QUEUE="3",
                    PLANGRAPH_QUICK_WORKERS="1", PLANGRAPH_QUICK_TIMEOUT="1")
    yield running
    stop(running)


def send_query(url: str, query: str) -> socket.socket:
    """POST a query on a raw connection and leave it open (closing it is hanging up)."""
    parts = urlsplit(url)
    body = urlencode({"query": query}).encode()
    sock = socket.create_connection((parts.hostname, parts.port))
    sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    return sock


def lanes(server: Server) -> dict[str, dict[str, int]]:
    return dict(httpx.get(f"{server.url}/health", timeout=10).json()["lanes"])


def wait_for(condition: object, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached")


def idle(server: Server) -> bool:
    query = lanes(server)["query"]
    return query["busy"] == 0 and query["waiting"] == 0


def timed(call: object) -> tuple[float, httpx.Response]:
    start = time.monotonic()
    response = call()  # type: ignore[operator]
    return time.monotonic() - start, response


def test_fair_serving_runaway_queries_leave_health_pages_and_named_queries_alone(server: Server) -> None:
    runaways = [send_query(server.url, SLOW_QUERY) for _ in range(6)]
    try:
        wait_for(lambda: lanes(server)["query"] == {"workers": 3, "busy": 3, "waiting": 3})
        for _ in range(5):
            took, health = timed(lambda: httpx.get(f"{server.url}/health", timeout=10))
            assert health.status_code == 200 and took < 1.0, took
        took, page = timed(lambda: httpx.get(f"{server.url}/", timeout=30))
        assert page.status_code == 200 and took < 5.0, took
        took, named = timed(lambda: httpx.get(f"{server.url}/queries/plans", timeout=30))
        assert named.status_code == 200 and named.json()["rows"] and took < 5.0, took
        took, refused = timed(lambda: httpx.get(f"{server.url}/sparql", params=ASK, headers=JSON, timeout=10))
        assert refused.status_code == 503 and took < 1.0, took
        assert int(refused.headers["retry-after"]) >= 1 and "busy" in refused.json()["error"]
    finally:
        for sock in runaways:
            sock.close()
    wait_for(lambda: idle(server))


def test_fair_serving_abandoned_queries_are_cancelled(server: Server) -> None:
    wait_for(lambda: idle(server))
    abandoned = [send_query(server.url, SLOW_QUERY) for _ in range(30)]
    time.sleep(0.5)  # the clients give up after half a second
    for sock in abandoned:
        sock.close()
    took, answer = timed(lambda: httpx.get(f"{server.url}/sparql", params=ASK, headers=JSON, timeout=30))
    assert answer.status_code == 200 and answer.json()["boolean"] is True
    assert took < 2.0, took
    wait_for(lambda: idle(server), limit=10)


SELECT = {"query": "SELECT ?s WHERE { ?s a ?c } LIMIT 3"}


def test_fair_serving_small_query_does_not_wait_behind_long_ones(quick_server: Server) -> None:
    runaways = [send_query(quick_server.url, SLOW_QUERY) for _ in range(3)]
    try:
        wait_for(lambda: lanes(quick_server)["query"]["busy"] == 3)
        for _ in range(3):
            took, answer = timed(lambda: httpx.get(f"{quick_server.url}/sparql", params=SELECT, headers=JSON,
                                                   timeout=30))
            assert answer.status_code == 200 and len(answer.json()["results"]["bindings"]) == 3
            assert took < 1.0, took
        took, long_one = timed(lambda: httpx.get(f"{quick_server.url}/sparql", params={"query": SLOW_QUERY},
                                                 headers=JSON, timeout=30))
        assert long_one.status_code == 503 and int(long_one.headers["retry-after"]) >= 1
        assert "busy" in long_one.json()["error"] and took < 5.0, took
        assert lanes(quick_server)["query"]["busy"] >= 3  # the long ones still run
    finally:
        for sock in runaways:
            sock.close()
    wait_for(lambda: idle(quick_server))
