"""A memory-hungry query is stopped with 503 at the per-query memory limit; the server stays small."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.integration.test_server import Server, serve, stop

LIMIT_MB = 300
SERVER_LIMIT_MB = 1200  # the stated bound for the whole server: its process, fork server, 3 + 1 workers and the quick one
HUNGRY = ("SELECT ?a ?b ?c ?d WHERE { " + " ".join(
    f"VALUES ?{v} {{ " + " ".join(str(i) for i in range(60)) + " }" for v in "abcd")
    + " } ORDER BY DESC(STR(?a)) ?b ?c ?d LIMIT 1")


@pytest.fixture(scope="module")
def server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_QUERY_TIMEOUT="120", PLANGRAPH_QUERY_MEMORY_MB=str(LIMIT_MB))
    yield running
    stop(running)


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total / 2**20


def test_query_memory_hungry_query_is_stopped_with_503(server: Server) -> None:
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(server.process.pid))
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
