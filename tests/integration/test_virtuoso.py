"""The remote store against a real Virtuoso 7 started here on free ports of 127.0.0.1.

The server gets its own virtuoso.ini and data directory in a temporary folder, runs in the
foreground as a child process, and is stopped at the end. Loading uses the Graph Store
endpoint that needs authentication (/sparql-graph-crud-auth, digest auth as dba), so
nothing has to be granted to the anonymous SPARQL user.
"""
from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.term import Node

from plangraph.api.storage.build import build
from plangraph.api.cli import main
from plangraph.api.query.catalog import load_all
from plangraph.api.storage.remote import SparqlStore
from plangraph.api.storage.store import OxigraphStore, Rows
from plangraph.extract.errors import QueryError, StoreError
from tests.integration.test_server import serve_from, stop
from tests.processes import free_port

VIRTUOSO = shutil.which("virtuoso-t")
PLANS = Path(__file__).resolve().parents[2] / "data" / "plans"
CONTRACT = ["plans", "tasks", "responsibilities", "indicators", "deadlines", "citations", "budget"]
# GROUP_CONCAT's order is left to the engine by SPARQL; these columns compare as sets of parts.
CONCATENATED = {"deadlines": {"who": "; "}}

pytestmark = [
    pytest.mark.virtuoso,
    pytest.mark.skipif(VIRTUOSO is None, reason="virtuoso-t is not installed (Debian: apt install virtuoso-opensource-7)"),
]

INI = """\
[Database]
DatabaseFile = {data}/virtuoso.db
ErrorLogFile = {data}/virtuoso.log
LockFile = {data}/virtuoso.lck
TransactionFile = {data}/virtuoso.trx
xa_persistent_file = {data}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {data}/virtuoso-temp.db
TransactionFile = {data}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {data}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {data}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
"""


def wait_until_answering(url: str, process: subprocess.Popen[bytes], log: Path, deadline: float = 180.0) -> None:
    """Poll the SPARQL endpoint until it answers a query (or the server exits or the deadline passes)."""
    started = time.monotonic()
    probe = url + "?query=ASK%20%7B%7D"
    while time.monotonic() - started < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Virtuoso did not answer within {deadline:.0f} s:\n{log.read_text(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh Virtuoso; yields its SPARQL endpoint URL."""
    data = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    ini = data / "virtuoso.ini"
    ini.write_text(INI.format(data=data, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = data / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(VIRTUOSO), "+foreground", "+configfile", str(ini)], cwd=data,
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        endpoint = f"http://127.0.0.1:{http_port}/sparql"
        wait_until_answering(endpoint, process, log)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def remote(endpoint: str) -> SparqlStore:
    return SparqlStore(endpoint, user="dba", password="dba", graph_cache_seconds=0)


@pytest.fixture(scope="module")
def stores(virtuoso: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[OxigraphStore, SparqlStore]:
    """The seed plans built once into an embedded store and once, through the CLI, into Virtuoso."""
    store_dir = tmp_path_factory.mktemp("embedded") / "store"
    build([PLANS], store_dir)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PLANGRAPH_ENDPOINT_USER", "dba")
        env.setenv("PLANGRAPH_ENDPOINT_PASSWORD", "dba")
        assert main(["build", str(PLANS), "--endpoint", virtuoso, "--workers", "1"]) == 0
    return OxigraphStore.open_existing(store_dir), remote(virtuoso)


def comparable(name: str, rows: Rows) -> list[tuple[object, ...]]:
    """Rows as sortable tuples of N3 terms (concatenated columns as sorted parts)."""
    split = CONCATENATED.get(name, {})
    result = []
    for row in rows.rows:
        cells: list[object] = []
        for column in rows.columns:
            term = row[column]
            if term is not None and column in split:
                cells.append(tuple(sorted(str(term).split(split[column]))))
            else:
                cells.append(term.n3() if term is not None else None)
        result.append(tuple(cells))
    return sorted(result, key=repr)


@pytest.mark.parametrize("name", CONTRACT)
def test_virtuoso_contract_queries_identical(stores: tuple[OxigraphStore, SparqlStore], name: str) -> None:
    embedded, virtuoso = stores
    query = load_all()[name]
    here = embedded.select(query.text, query.bind({}))
    there = virtuoso.select(query.text, query.bind({}))
    assert there.columns == here.columns
    expected, actual = comparable(name, here), comparable(name, there)
    missing = [r for r in expected if r not in actual]
    extra = [r for r in actual if r not in expected]
    assert not missing and not extra, f"{name}: only embedded {missing[:5]}; only Virtuoso {extra[:5]}"


def test_virtuoso_holds_the_same_triples(stores: tuple[OxigraphStore, SparqlStore]) -> None:
    embedded, virtuoso = stores
    assert sorted(virtuoso.graphs()) == embedded.named_graphs()
    assert virtuoso.triple_count() == embedded.triple_count()


def test_virtuoso_bound_parameters_select_like_embedded(stores: tuple[OxigraphStore, SparqlStore]) -> None:
    embedded, virtuoso = stores
    plans = embedded.select(load_all()["plans"].text).rows
    document, plan = plans[0]["document"], plans[0]["plan"]
    assert document is not None and plan is not None
    query = ("PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
             "PREFIX plan: <https://w3id.org/plangraph/ontology#>\n"
             "SELECT ?g ?document ?plan WHERE { GRAPH ?g { ?g eli:realizes ?plan ; plan:fileName ?document } }")
    for bindings in ({"document": document}, {"plan": plan}, {"plan": plan, "document": document}):
        here = comparable("bound", embedded.select(query, bindings))
        assert here, bindings
        assert comparable("bound", virtuoso.select(query, bindings)) == here


def test_virtuoso_contract_queries_have_rows(stores: tuple[OxigraphStore, SparqlStore]) -> None:
    embedded, virtuoso = stores
    counts = {name: len(virtuoso.select(load_all()[name].text).rows) for name in CONTRACT}
    assert counts["plans"] == len(list(PLANS.glob("*.txt")))
    assert counts["tasks"] > 0 and counts["citations"] > 0, counts


# Oxigraph stores xsd:nonNegativeInteger (the text offsets) and the other integer subtypes as
# xsd:integer; Virtuoso keeps the datatype as written. The values are the same.
INTEGER_SUBTYPES = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger,
                    XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong, XSD.unsignedInt,
                    XSD.unsignedShort, XSD.unsignedByte}


def integer_as_oxigraph(row: dict[str, Node | None]) -> dict[str, Node | None]:
    return {k: Literal(str(v), datatype=XSD.integer) if isinstance(v, Literal) and v.datatype in INTEGER_SUBTYPES
            else v for k, v in row.items()}


def test_virtuoso_literals_round_trip(stores: tuple[OxigraphStore, SparqlStore]) -> None:
    """Every literal (typed, tagged, plain, Vietnamese) reads back as the same term on both stores."""
    embedded, virtuoso = stores
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o)) } }"
    here, there = embedded.select(query).rows, [integer_as_oxigraph(r) for r in virtuoso.select(query).rows]
    kinds = {(r["o"].datatype, r["o"].language) for r in here if isinstance(r["o"], Literal)}
    assert len(kinds) >= 4
    expected, actual = comparable("literal", Rows(["s", "p", "o"], here)), comparable("literal", Rows(["s", "p", "o"], there))
    assert len(actual) == len(expected)
    assert [r for r in expected if r not in actual] == []


# Virtuoso compares bound numbers by value across datatypes (12 = 12.0 = "P1Y" as 12 months,
# true = 1), so numeric and boolean parameters can match more on Virtuoso; these kinds match exactly.
EXACT_KINDS = [XSD.gYear, XSD.date, XSD.gMonthDay, XSD.string, RDF.langString]


def test_virtuoso_bound_literals_match_like_embedded(stores: tuple[OxigraphStore, SparqlStore]) -> None:
    embedded, virtuoso = stores
    kinds = embedded.select("SELECT ?datatype (SAMPLE(?o) AS ?example) WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } "
                            "GROUP BY (DATATYPE(?o) AS ?datatype)").rows
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    checked = 0
    for kind in kinds:
        value = kind["example"]
        if kind["datatype"] not in EXACT_KINDS or value is None:
            continue
        here = comparable("literal", embedded.select(query, {"o": value}))
        assert here, value
        assert comparable("literal", virtuoso.select(query, {"o": value})) == here, value.n3()
        checked += 1
    assert checked >= 3


def test_virtuoso_folded_search_key_matches_like_embedded(stores: tuple[OxigraphStore, SparqlStore]) -> None:
    embedded, virtuoso = stores
    query = ("PREFIX plan: <https://w3id.org/plangraph/ontology#>\n"
             "SELECT ?s ?key ?needle WHERE { ?s plan:searchKey ?key FILTER(CONTAINS(?key, ?needle)) }")
    for needle in ("thu vien", "van hoa"):
        here = comparable("search", embedded.select(query, {"needle": Literal(needle)}))
        assert here, needle
        assert comparable("search", virtuoso.select(query, {"needle": Literal(needle)})) == here


@pytest.mark.parametrize("value", ['x" } ; DROP ALL #', "x' } ; DROP ALL #", 'a\n""" } DROP ALL #', "a> <b"])
def test_virtuoso_injection_stays_data(stores: tuple[OxigraphStore, SparqlStore], value: str) -> None:
    _, virtuoso = stores
    before = virtuoso.triple_count()
    query = ("PREFIX plan: <https://w3id.org/plangraph/ontology#>\n"
             "SELECT ?g WHERE { GRAPH ?g { ?g plan:fileName ?document } }")
    assert virtuoso.select(query, {"document": Literal(value)}).rows == []
    assert virtuoso.triple_count() == before


def test_virtuoso_refuses_a_broken_iri(stores: tuple[OxigraphStore, SparqlStore]) -> None:
    _, virtuoso = stores
    with pytest.raises(QueryError):
        virtuoso.select("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef("a> <b")})


def test_virtuoso_rebuild_replaces_graphs_of_the_same_files(
        stores: tuple[OxigraphStore, SparqlStore], virtuoso: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    embedded, store = stores
    monkeypatch.setenv("PLANGRAPH_ENDPOINT_USER", "dba")
    monkeypatch.setenv("PLANGRAPH_ENDPOINT_PASSWORD", "dba")
    before = store.triple_count()
    one = sorted(PLANS.glob("*.txt"))[0]
    assert main(["build", str(one), "--endpoint", virtuoso, "--workers", "1"]) == 0
    assert store.triple_count() == before == embedded.triple_count()
    assert main(["query", "citations", "--endpoint", virtuoso, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("plan,document,cited_number")
    assert one.name in out


def test_virtuoso_down_is_a_store_error(tmp_path: Path) -> None:
    store = SparqlStore(f"http://127.0.0.1:{free_port()}/sparql", timeout=5)
    with pytest.raises(StoreError):
        store.triple_count()


def test_virtuoso_serve_endpoint_answers_like_the_embedded_store(
        stores: tuple[OxigraphStore, SparqlStore], virtuoso: str) -> None:
    """`plangraph serve --endpoint URL` answers named queries and /sparql from the remote store."""
    embedded, _ = stores
    server = serve_from(["--endpoint", virtuoso], PLANGRAPH_ENDPOINT_USER="dba", PLANGRAPH_ENDPOINT_PASSWORD="dba")
    try:
        tasks = httpx.get(f"{server.url}/queries/tasks", headers={"Accept": "application/json"}, timeout=60)
        assert tasks.status_code == 200
        served = tasks.json()["rows"]
        expected = embedded.select(load_all()["tasks"].text).rows
        assert len(served) == len(expected) > 100
        answer = httpx.post(f"{server.url}/sparql", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                            headers={"Accept": "application/sparql-results+json"}, timeout=60)
        assert answer.status_code == 200 and int(answer.json()["results"]["bindings"][0]["n"]["value"]) > 1000
        refused = httpx.post(f"{server.url}/sparql", data={"update": "DROP ALL"}, timeout=30)
        assert refused.status_code == 403
    finally:
        stop(server)
