"""SparqlStore's query rewriting: parameters written into the query as escaped terms, and bound by a VALUES block."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from plangraph.api.query.catalog import load_all
from plangraph.api.query.binding import bind_values
from plangraph.api.storage.remote import default_graph_store, from_json, iso_duration
from plangraph.api.storage.store import OxigraphStore
from plangraph.extract.errors import QueryError

INJECTIONS = ['x" } ; DROP ALL #', "x' } ; DROP ALL #", 'a\n""" } DROP ALL #', "a> <b", 'end"', "\\", "x\" . ?s ?p ?o"]
DATA = """
<http://e/a> <http://e/name> "alpha" .
<http://e/b> <http://e/name> "x\\" } ; DROP ALL #" .
<http://e/c> <http://e/name> "a> <b" .
<http://e/c> <http://e/year> "2025"^^<http://www.w3.org/2001/XMLSchema#gYear> .
"""


@pytest.fixture()
def store() -> OxigraphStore:
    store = OxigraphStore(None)
    store.replace_graphs({URIRef("http://e/graph"): Graph().parse(data=DATA, format="nt")})
    return store


def test_remote_values_block_goes_into_where() -> None:
    query = "SELECT ?s WHERE { ?s <http://e/name> ?name }"
    assert bind_values(query, {"name": Literal("alpha")}) == \
        'SELECT ?s WHERE { VALUES (?name) { ("alpha") } ?s <http://e/name> "alpha" }'


def test_remote_no_bindings_leaves_the_query_alone() -> None:
    assert bind_values("ASK { ?s ?p ?o }", {}) == "ASK { ?s ?p ?o }"


@pytest.mark.parametrize("name", sorted(load_all()))
def test_remote_named_queries_still_parse_when_bound(name: str) -> None:
    query = load_all()[name]
    bound = bind_values(query.text, {"document": Literal("000.txt"), "plan": URIRef("http://e/plan")})
    prepareQuery(bound)
    assert 'VALUES (?document ?plan) { ("000.txt" <http://e/plan>) }' in bound


@pytest.mark.parametrize("value", INJECTIONS)
def test_remote_injection_stays_one_literal(value: str) -> None:
    bound = bind_values("SELECT ?s WHERE { ?s <http://e/name> ?name }", {"name": Literal(value)})
    parsed = prepareQuery(bound)  # one well-formed SELECT, nothing else
    assert parsed.algebra.name == "SelectQuery"
    graph = Graph().parse(data=DATA, format="nt")
    rows = list(graph.query(bound))
    expected = [s for s, _, o in graph.triples((None, URIRef("http://e/name"), None)) if str(o) == value]
    assert [r[0] for r in rows] == expected  # type: ignore[index]
    assert len(graph) == 4


@pytest.mark.parametrize("value", INJECTIONS)
def test_remote_rewrite_matches_embedded_substitution(store: OxigraphStore, value: str) -> None:
    query = "SELECT ?s ?name WHERE { GRAPH ?g { ?s <http://e/name> ?name } }"
    bindings = {"name": Literal(value)}
    held = store.triple_count()  # the 4 triples, and the facts graph's copy of them
    assert store.select(bind_values(query, bindings)).rows == store.select(query, bindings).rows
    assert store.triple_count() == held == 8


def test_remote_typed_literal_binds_by_term(store: OxigraphStore) -> None:
    query = "SELECT ?s WHERE { ?s <http://e/year> ?year }"
    assert [r["s"] for r in store.select(bind_values(query, {"year": Literal("2025", datatype=XSD.gYear)})).rows] \
        == [URIRef("http://e/c")]
    assert store.select(bind_values(query, {"year": Literal("2025")})).rows == []


def test_remote_broken_iri_is_refused() -> None:
    with pytest.raises(QueryError, match="not a valid IRI"):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef("a> <b")})


def test_remote_blank_node_and_bad_variable_are_refused() -> None:
    with pytest.raises(QueryError):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"s": BNode()})
    with pytest.raises(QueryError):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"s) } DROP ALL #": Literal("x")})


def test_remote_braces_and_where_in_comments_strings_and_iris_are_skipped() -> None:
    query = ('PREFIX e: <http://e/where#x>\n# WHERE { not here }\n'
             'SELECT ?s (CONCAT("{ WHERE", ?n) AS ?l) WHERE { ?s e:where ?n }')
    bound = bind_values(query, {"n": Literal("v")})
    assert bound.endswith('WHERE { VALUES (?n) { ("v") } ?s e:where "v" }')
    prepareQuery(bound)


def test_remote_construct_binds_in_the_pattern_not_the_template() -> None:
    for query in ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }"):
        bound = bind_values(query, {"s": URIRef("http://e/a")})
        assert bound.startswith("CONSTRUCT { ?s ?p ?o } ")
        assert "{ VALUES (?s) { (<http://e/a>) } <http://e/a> ?p ?o }" in bound
        prepareQuery(bound)


def test_remote_subselect_where_group_is_nested() -> None:
    bound = bind_values("SELECT * WHERE { SELECT ?s WHERE { ?s ?p ?o } }", {"s": URIRef("http://e/a")})
    assert bound == "SELECT * WHERE { VALUES (?s) { (<http://e/a>) } { SELECT ?s WHERE { <http://e/a> ?p ?o } }}"
    prepareQuery(bound)


def test_remote_query_without_where_is_an_error() -> None:
    with pytest.raises(QueryError):
        bind_values("PREFIX e: <http://e/>", {"s": Literal("x")})


def test_remote_json_cells_become_terms() -> None:
    assert from_json(None) is None
    assert from_json({"type": "uri", "value": "http://e/a"}) == URIRef("http://e/a")
    assert from_json({"type": "literal", "value": "Sở", "xml:lang": "vi"}) == Literal("Sở", lang="vi")
    assert from_json({"type": "typed-literal", "value": "x", "datatype": str(XSD.string)}) == Literal("x")
    year = from_json({"type": "typed-literal", "value": "2025", "datatype": str(XSD.gYear)})
    assert year == Literal("2025", datatype=XSD.gYear)
    assert from_json({"type": "typed-literal", "value": "12", "datatype": str(XSD.duration)}) \
        == Literal("P1Y", datatype=XSD.duration)


@pytest.mark.parametrize("virtuoso, iso", [("12", "P1Y"), ("1", "P1M"), ("0", "P0M"), ("-18", "-P1Y6M"),
                                           ("86400.0", "P1D"), ("3600.0", "PT1H"), ("0.0", "PT0S"),
                                           ("P1Y2M3DT4H5M6.5S", "P1Y2M3DT4H5M6.5S")])
def test_remote_virtuoso_durations_read_back_as_iso(virtuoso: str, iso: str) -> None:
    assert iso_duration(virtuoso) == iso


def test_remote_graph_store_defaults_beside_virtuoso_sparql() -> None:
    assert default_graph_store("http://h:8890/sparql", True) == "http://h:8890/sparql-graph-crud-auth"
    assert default_graph_store("http://h:8890/sparql/", False) == "http://h:8890/sparql-graph-crud"


@pytest.fixture(scope="module")
def samples(seed_store: Path) -> OxigraphStore:
    return OxigraphStore(seed_store, read_only=True)


@pytest.mark.parametrize("name", sorted(n for n, q in load_all().items() if q.example))
def test_remote_bound_named_query_gives_the_embedded_rows(samples: OxigraphStore, name: str) -> None:
    """A remote endpoint gets the parameters written into the query text: the rows must be those of
    the embedded store's own substitution, filters in inner groups included."""
    query = load_all()[name]
    bindings = query.bind(query.example)
    embedded = samples.select(query.text, bindings)
    assert embedded.rows, f"{name}: its example finds nothing on the samples"
    rewritten = samples.select(bind_values(query.text, bindings))
    key = sorted(map(repr, embedded.rows))
    assert sorted(map(repr, rewritten.rows)) == key
