"""Connections: unfinished request heads time out, big bodies are refused, and stopping the server stops its workers."""
from __future__ import annotations

import re
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import pytest

from tests.integration.test_server import SLOW_QUERY, Server, serve, stop
from tests.processes import descendants


def read_answer(sock: socket.socket) -> bytes:
    """One HTTP answer: its head and as much of its body as Content-Length announces (the server may
    send them in separate segments), or what came before the connection closed."""
    answer = b""
    while True:
        head, found, body = answer.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        if found and length and len(body) >= int(length.group(1)):
            return answer
        chunk = sock.recv(4096)
        if not chunk:
            return answer
        answer += chunk


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                    living.add(pid)
        except OSError:
            pass
    return living


def wait_until(condition: object, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_HEADER_TIMEOUT="1", PLANGRAPH_BODY_TIMEOUT="1")
    yield running
    stop(running)


def closed_by_server(sock: socket.socket) -> bool:
    sock.settimeout(0.01)
    try:
        return sock.recv(1) == b""
    except socket.timeout:
        return False
    except OSError:
        return True


def test_connections_unfinished_heads_time_out(server: Server) -> None:
    parts = urlsplit(server.url)
    idle = []
    for _ in range(50):
        sock = socket.create_connection((parts.hostname, parts.port))
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # the head never ends
        idle.append(sock)
    try:
        assert httpx.get(f"{server.url}/health", timeout=10).status_code == 200
        assert wait_until(lambda: all(closed_by_server(s) for s in idle), 15), "idle connections stay open"
    finally:
        for sock in idle:
            sock.close()
    assert httpx.get(f"{server.url}/health", timeout=10).status_code == 200


def test_connections_body_that_never_arrives_is_408(server: Server) -> None:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK {")  # 95 bytes never come
        sock.settimeout(15)
        start = time.monotonic()
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 408") and time.monotonic() - start < 10, answer[:200]


def test_connections_big_body_is_refused(server: Server) -> None:
    body = b"query=" + b"x" * 2_000_000
    response = httpx.post(f"{server.url}/sparql", content=body, timeout=30,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and "over the limit" in response.json()["error"]


def test_connections_body_announced_too_big_is_a_json_413_at_once(server: Server) -> None:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 200000000\r\n\r\nASK {")  # the rest never comes: the length alone decides
        sock.settimeout(10)
        answer = read_answer(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413") and b"application/json" in head, answer[:300]
    assert b"over the limit" in body


def test_connections_other_sites_host_is_refused(server: Server) -> None:
    response = httpx.get(f"{server.url}/sparql", params={"query": "ASK {}"}, headers={"Host": "rebound.example"})
    assert response.status_code == 400 and "PLANGRAPH_ALLOWED_HOSTS" in response.json()["error"]
    assert httpx.get(f"{server.url}/health", headers={"Host": "localhost"}).status_code == 200


def test_connections_query_running_when_the_server_stops_gets_an_answer(seed_store: Path) -> None:
    running = serve(seed_store, PLANGRAPH_WORKERS="1", PLANGRAPH_QUERY_TIMEOUT="60")
    parts = urlsplit(running.url)
    try:
        with socket.create_connection((parts.hostname, parts.port)) as sock:
            body = urlencode({"query": SLOW_QUERY}).encode()
            sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                         b"application/x-www-form-urlencoded\r\nContent-Length: " + str(len(body)).encode()
                         + b"\r\n\r\n" + body)
            assert wait_until(lambda: httpx.get(f"{running.url}/health").json()["lanes"]["query"]["busy"] >= 1, 30)
            running.process.send_signal(signal.SIGTERM)
            sock.settimeout(30)
            answer = read_answer(sock)
        running.process.wait(timeout=30)
        log = running.process.stderr.read().decode() if running.process.stderr else ""
    finally:
        stop(running)
    assert answer.startswith(b"HTTP/1.1 503") and b"stopping" in answer, answer[:300]
    assert "Traceback" not in log and "500" not in log, log


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_connections_stopping_the_server_stops_every_worker(seed_store: Path, how: signal.Signals) -> None:
    running = serve(seed_store, PLANGRAPH_WORKERS="2")
    try:
        assert httpx.get(f"{running.url}/queries/plans", timeout=30).status_code == 200
        workers = descendants(running.process.pid)
        assert len(workers) >= 3  # fork server, 2 query workers, 1 page worker
        running.process.send_signal(how)
        running.process.wait(timeout=30)
        assert wait_until(lambda: not alive(workers), 15), f"left running: {alive(workers)}"
    finally:
        stop(running)
