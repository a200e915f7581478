"""Shared fixtures: the sample corpus, a store built from it once per run, and a CLI runner."""
from __future__ import annotations

import csv
import io
import re
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plangraph.api.cli import main
from plangraph.api.execution.workers import InlineExecutor
from plangraph.api.settings import Settings
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.web.app import create_app
from plangraph.extract.paths import SAMPLE_CORPUS_DIR
from tests.leftovers import pytest_configure, pytest_sessionfinish, pytest_unconfigure  # noqa: F401  (run-wide hooks)

SEEDS = sorted(SAMPLE_CORPUS_DIR.glob("*.txt"))
OCR_SEED = SAMPLE_CORPUS_DIR / "000_9d97a9bda7f39042.txt"
PDF_SEED = SAMPLE_CORPUS_DIR / "002_a90d6cc7bffac5f6.txt"
LOCAL = "http://127.0.0.1"  # base URL for TestClient: the server answers local hosts, not its "testserver"


@contextmanager
def inline_client(store_dir: Path, store: OxigraphStore | None = None) -> Iterator[TestClient]:
    """The app over a built store, answering in this process (no worker processes): `store` or an
    in-memory copy of `store_dir`."""
    executor = InlineExecutor(store or OxigraphStore.in_memory_copy(store_dir))
    app = create_app(Settings(store=str(store_dir), workers=0), executor=executor)
    with TestClient(app, base_url=LOCAL) as client:
        yield client


def text_of(html: str) -> str:
    """A page's visible words, tags dropped and entities read."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    def csv(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.out)))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Outcome]:
    """Run `plangraph ARGS…` in this process and capture what it prints."""

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store built from the five sample plans (read-only for tests: copy it before changing it)."""
    store = tmp_path_factory.mktemp("seed") / "store"
    assert main(["build", str(SAMPLE_CORPUS_DIR), "--store", str(store), "--workers", "1"]) == 0
    yield store
    shutil.rmtree(store, ignore_errors=True)


class Listener:
    """A socket on 127.0.0.1 that records every connection made to it (proves nothing reaches out)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()

    def service_queries(self) -> list[str]:
        """Queries that would make a SPARQL engine contact this listener (SERVICE in every disguise)."""
        url = f"http://127.0.0.1:{self.port}/x"
        return [
            f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
            f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
            f"PREFIX in: <http://127.0.0.1:{self.port}/> SELECT * WHERE {{ SeRvIcE in:x {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
            f"SELECT * WHERE {{ BIND(<{url}> AS ?where) SERVICE ?where {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ VALUES ?x {{ <{url}> }} FILTER(1<2)SERVICE?x#>\n{{?s?p?o}} }}",
            f"ASK {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        ]


@pytest.fixture
def listener() -> Iterator[Listener]:
    running = Listener()
    yield running
    running.close()
