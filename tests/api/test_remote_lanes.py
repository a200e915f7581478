"""serve --endpoint is fair too: slow remote queries never hold up /health or pages; waits are bounded."""
from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from plangraph.api.storage.remote import SparqlStore
from plangraph.api.execution.remote_executor import RemoteExecutor
from plangraph.api.execution.workers import Busy

SLOW = "SELECT ?n WHERE { ?s ?p ?n } # slow"


class Endpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint that takes 3 s for queries marked slow and answers the rest at once."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length", "0"))
        query = parse_qs(self.rfile.read(length).decode()).get("query", [""])[0]
        if "# slow" in query:
            time.sleep(3)
        if "SELECT DISTINCT ?g" in query:
            bindings = [{"g": {"type": "uri", "value": "http://example.org/g"}}]
            head = ["g"]
        else:
            bindings = [{"n": {"type": "literal", "value": "42"}}]
            head = ["n"]
        body = json.dumps({"head": {"vars": head}, "results": {"bindings": bindings}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


def test_remote_lanes_slow_queries_leave_health_and_pages_alone(endpoint: str) -> None:
    executor = RemoteExecutor(SparqlStore(endpoint, timeout=10), timeout=10, size=3, page_size=1, queue=3)

    async def scenario() -> None:
        assert await executor.triple_count() == 42
        slow = [asyncio.ensure_future(executor.run("sparql", lane="query", query=SLOW, accept=None, format_name=None,
                                                   default_graphs=[], named_graphs=[], row_limit=10))
                for _ in range(6)]
        await asyncio.sleep(0.3)
        start = time.monotonic()
        assert await executor.triple_count() == 42
        table = await executor.run("select", query="SELECT ?n WHERE { ?s ?p ?n }", bindings=None, row_limit=10)
        assert table.rows and time.monotonic() - start < 1.0
        with pytest.raises(Busy):
            await executor.run("sparql", lane="query", query=SLOW, accept=None, format_name=None,
                               default_graphs=[], named_graphs=[], row_limit=10)
        replies = await asyncio.gather(*slow)
        assert all(reply.status == 200 for reply in replies)

    asyncio.run(scenario())
