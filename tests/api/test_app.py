"""The web application in-process: protocol, negotiation, named queries, linked data and pages."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from plangraph.api.web.app import create_app
from plangraph.api.query.catalog import load_all
from plangraph.api.settings import Settings
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.execution.workers import InlineExecutor
from tests.conftest import LOCAL

JSON = "application/sparql-results+json"
ELI_TITLE = URIRef("http://data.europa.eu/eli/ontology#title")
PLANS_Q = "SELECT ?plan WHERE { ?plan a <http://data.europa.eu/eli/ontology#LegalResource> ; " \
          "<http://data.europa.eu/eli/ontology#title> ?t }"


@pytest.fixture(scope="module")
def store(seed_store: Path) -> OxigraphStore:
    return OxigraphStore.in_memory_copy(seed_store)


@pytest.fixture(scope="module")
def client(seed_store: Path, store: OxigraphStore) -> Iterator[TestClient]:
    app = create_app(Settings(store=str(seed_store), row_limit=3, workers=0), executor=InlineExecutor(store))
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client


def plan_iris(store: OxigraphStore) -> list[str]:
    rows = store.select(load_all()["plans"].text).rows
    return sorted({str(row["plan"]) for row in rows})


def test_app_health_counts_triples(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["triples"] > 100


def test_app_sparql_ask_by_get_post_form_and_direct(client: TestClient) -> None:
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": JSON}).json()["boolean"]
    assert client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"}).json()["boolean"]
    direct = client.post("/sparql", content="ASK { ?s ?p ?o }".encode(),
                         headers={"Content-Type": "application/sparql-query"})
    assert direct.json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize("accept,media", [
    (JSON, JSON), ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
])
def test_app_sparql_select_negotiates_result_format(client: TestClient, accept: str, media: str) -> None:
    response = client.get("/sparql", params={"query": 'SELECT ?x WHERE { VALUES ?x { "Sở Nội vụ" } }'},
                          headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert "Sở Nội vụ" in response.text


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                        ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_app_sparql_construct_negotiates_graph_format(client: TestClient, accept: str, fmt: str) -> None:
    query = "CONSTRUCT { ?p <http://data.europa.eu/eli/ontology#title> ?t } WHERE { " \
            "?p <http://data.europa.eu/eli/ontology#title> ?t ; a <http://data.europa.eu/eli/ontology#LegalResource> }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.text, format=fmt)
    assert len(set(graph.subjects(ELI_TITLE, None))) >= 3


def test_app_sparql_unacceptable_type_is_406(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                          headers={"Accept": "image/png"})
    assert response.status_code == 406 and "error" in response.json()


def test_app_sparql_row_cap_is_stated(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }"}, headers={"Accept": JSON})
    body = response.json()
    assert len(body["results"]["bindings"]) == 3
    assert body["truncated"] is True and "3 rows" in body["message"]
    assert response.headers["x-truncated"] == "true" and response.headers["x-row-limit"] == "3"


def test_app_sparql_small_result_is_not_marked_truncated(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { VALUES ?x { 1 2 } }"},
                          headers={"Accept": JSON})
    assert response.headers["x-truncated"] == "false" and "truncated" not in response.json()


@pytest.mark.parametrize("request_kwargs", [
    {"method": "GET", "url": "/sparql", "params": {"update": "DROP ALL"}},
    {"method": "POST", "url": "/sparql", "data": {"update": "DROP ALL"}},
    {"method": "POST", "url": "/sparql", "content": b"DROP ALL",
     "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "GET", "url": "/sparql", "params": {"query": "DROP ALL"}},
    {"method": "POST", "url": "/sparql", "content": b"CLEAR DEFAULT",
     "headers": {"Content-Type": "application/sparql-query"}},
])
def test_app_sparql_refuses_updates(client: TestClient, request_kwargs: dict[str, object]) -> None:
    before = client.get("/health").json()["triples"]
    response = client.request(**request_kwargs)  # type: ignore[arg-type]
    assert 400 <= response.status_code < 500
    assert "error" in response.json() and "Traceback" not in response.text
    assert client.get("/health").json()["triples"] == before


def test_app_sparql_syntax_error_is_400_with_message(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT WHERE {"})
    assert response.status_code == 400 and "not a SPARQL query" in response.json()["error"]


def test_app_sparql_protocol_dataset_restricts_default_graph(client: TestClient) -> None:
    graphs = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                        headers={"Accept": JSON}).json()["results"]["bindings"]
    assert len(graphs) >= 2
    params = {"query": "ASK { ?s ?p ?o }", "default-graph-uri": "urn:x-no-such-graph"}
    assert client.get("/sparql", params=params, headers={"Accept": JSON}).json()["boolean"] is False


def test_app_sparql_put_is_405(client: TestClient) -> None:
    response = client.put("/sparql", content=b"ASK {}")
    assert response.status_code == 405 and "GET" in response.headers["allow"]


def test_app_sparql_without_query_describes_the_service(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    assert any(graph.subjects(VOID.sparqlEndpoint, None))
    assert "<form" in client.get("/sparql", headers={"Accept": "text/html"}).text


@pytest.mark.parametrize("name", sorted(load_all()))
def test_app_named_query_example_runs(client: TestClient, name: str) -> None:
    query = load_all()[name]
    response = client.get(f"/queries/{name}", params=query.example)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["query"] == name and body["row_limit"] == 3
    csv_response = client.get(f"/queries/{name}", params={**query.example, "format": "csv"})
    assert csv_response.content.startswith("\ufeff".encode("utf-8"))  # spreadsheets then read UTF-8
    assert csv_response.headers["content-disposition"] == f'attachment; filename="{name}.csv"'
    header = next(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert header == body["columns"]


def test_app_named_query_unknown_is_404(client: TestClient) -> None:
    response = client.get("/queries/no_such_question")
    assert response.status_code == 404 and "plans" in response.json()["error"]


@pytest.mark.parametrize("name,params,problem", [
    ("indicators_by_year", {"year": "20x5"}, "not a valid year"),
    ("indicators_by_year", {}, "missing required"),
    ("agency_duties", {"kind": "a> <b"}, "not a valid iri"),
    ("plans", {"bogus": "1"}, "unknown parameter"),
])
def test_app_named_query_bad_parameter_is_422(client: TestClient, name: str, params: dict[str, str],
                                              problem: str) -> None:
    response = client.get(f"/queries/{name}", params=params)
    assert response.status_code == 422 and problem in response.json()["error"]


def test_app_named_query_injection_text_is_data(client: TestClient) -> None:
    before = client.get("/health").json()["triples"]
    response = client.get("/queries/tasks_by_agency", params={"agency_key": 'x" } ; DROP ALL #'})
    assert response.status_code == 200 and response.json()["rows"] == []
    assert client.get("/health").json()["triples"] == before


def test_app_named_query_folds_keys(client: TestClient) -> None:
    accented = client.get("/queries/plans_implementing", params={"decision_key": "1687/QĐ-TTg"}).json()
    plain = client.get("/queries/plans_implementing", params={"decision_key": "1687/qd-ttg"}).json()
    assert accented["rows"] and accented["rows"] == plain["rows"]


def test_app_openapi_lists_every_named_query(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for name, query in load_all().items():
        operation = spec["paths"][f"/queries/{name}"]["get"]
        assert operation["operationId"] == name and operation["summary"] == query.summary
        declared = {p["name"]: p for p in operation["parameters"]}
        for param, value in query.example.items():
            assert declared[param]["example"] == value


def test_app_plan_iri_dereferences(client: TestClient, store: OxigraphStore) -> None:
    plan = plan_iris(store)[0]
    path = plan.split("://", 1)[1].split("/", 1)[1]
    turtle = client.get(f"/{path}", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert graph.value(URIRef(plan), ELI_TITLE) is not None
    jsonld = client.get(f"/{path}", headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert plan in jsonld.text
    html = client.get(f"/{path}", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert html.headers["content-type"].startswith("text/html") and 'id="plan-title"' in html.text


def test_app_section_iri_with_escapes_dereferences(client: TestClient) -> None:
    rows = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s <https://w3id.org/plangraph/ontology#"
                                                   "sectionPath> ?p FILTER(CONTAINS(STR(?s), '%')) } LIMIT 1"},
                      headers={"Accept": JSON}).json()["results"]["bindings"]
    if not rows:
        pytest.skip("no section IRI with a percent-escape in the sample")
    iri = rows[0]["s"]["value"]
    response = client.get("/" + iri.split("://", 1)[1].split("/", 1)[1], headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and "sectionPath" in response.text


def test_app_unknown_iri_is_404(client: TestClient) -> None:
    response = client.get("/eli/vn/nowhere/kh/1999/0", headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and "nothing is known" in response.json()["error"]


def test_app_void_describes_dataset(client: TestClient) -> None:
    graph = Graph().parse(data=client.get("/void").text, format="turtle")
    endpoints = list(graph.objects(None, VOID.sparqlEndpoint))
    assert endpoints and str(endpoints[0]).endswith("/sparql")
    assert int(next(graph.objects(None, VOID.triples))) > 100


def test_app_pages_list_plans_and_search_ignores_marks(client: TestClient, store: OxigraphStore) -> None:
    home = client.get("/")
    assert home.text.count('class="plan-link"') == len(plan_iris(store)) >= 3
    accented = client.get("/search", params={"q": "Ủy ban nhân dân tỉnh Lai Châu"}).text
    plain = client.get("/search", params={"q": "uy ban nhan dan tinh lai chau"}).text
    assert 'class="result"' in accented
    assert accented.count('class="result"') == plain.count('class="result"')


def test_app_errors_are_json_without_traceback(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404 and response.json() == {"error": "Not Found"}


def test_app_optional_province_key_filters_rows(client: TestClient, store: OxigraphStore) -> None:
    query = load_all()["tasks_by_agency"]
    every = store.select(query.text, query.bind({"agency_key": "so van hoa"})).rows
    if not every:
        pytest.skip("no tasks with agencies extracted from the sample yet")
    one = store.select(query.text, query.bind({"agency_key": "so van hoa", "province_key": "lai chau"})).rows
    none = store.select(query.text, query.bind({"agency_key": "so van hoa", "province_key": "nowhere"})).rows
    assert 0 < len(one) < len(every) and none == []
    assert {str(r["province"]) for r in one} == {"Lai Châu"}
