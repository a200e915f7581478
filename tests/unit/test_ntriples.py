"""N-Quads written straight from triples hold the same graph as rdflib's serializer writes."""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
from rdflib import XSD, Literal, URIRef

from plangraph.extract import ntriples

S, P, Q = URIRef("http://x/s"), URIRef("http://x/p"), URIRef("http://x/q")
TRIPLES = [
    (S, P, Literal('a "quoted" back\\slash\nnew line\r\ttab', lang="vi")),
    (S, P, Literal("Sở Văn hóa, Thể thao và Du lịch")),
    (S, P, Literal(Decimal("12.50"), datatype=XSD.decimal)),
    (S, P, Literal("2025", datatype=XSD.gYear)),
    (S, P, Literal(True)),
    (S, Q, URIRef("http://x/o/V.1-2")),
]


def _quads(data: bytes) -> set[ox.Quad]:
    return set(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def test_ntriples_lines_hold_the_graph_rdflib_serializes() -> None:
    from plangraph.extract.to_rdf import graph_of

    expected = graph_of(TRIPLES).serialize(format="nt", encoding="utf-8").replace(b" .\n", b" <http://x/g> .\n")
    written = ntriples.nquads(ntriples.bodies(TRIPLES), "http://x/g")
    assert _quads(written) == set(ox.parse(expected, format=ox.RdfFormat.N_QUADS))


def test_ntriples_repeated_triples_are_written_once() -> None:
    twice = TRIPLES + [(S, P, Literal("2025", datatype=XSD.gYear))]
    assert len(ntriples.bodies(twice)) == len(TRIPLES)


def test_ntriples_no_lines_no_quads() -> None:
    assert ntriples.nquads([], "http://x/g") == b""
