"""Plain result cells read from Oxigraph terms agree with those read through rdflib terms."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from plangraph.api.query.cells import plain, plain_ox
from plangraph.api.storage.store import from_ox

XSD = "http://www.w3.org/2001/XMLSchema#"
TERMS = [
    ox.NamedNode("http://example.org/plan/task/V.1-2"),
    ox.BlankNode("b0"),
    ox.Literal("Sở Văn hóa, Thể thao và Du lịch", language="vi"),
    ox.Literal("=1+1"),
    ox.Literal("12", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("007", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("1e3", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("INF", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("2025", datatype=ox.NamedNode(XSD + "gYear")),
    ox.Literal("--12-20", datatype=ox.NamedNode(XSD + "gMonthDay")),
    ox.Literal("P1Y", datatype=ox.NamedNode(XSD + "duration")),
    None,
]


@pytest.mark.parametrize("form", ["json", "csv"])
@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_cells_plain_ox_matches_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, form: str) -> None:
    assert plain_ox(term, form) == plain(from_ox(term), form)  # type: ignore[arg-type]


def test_cells_json_numbers_and_booleans_are_typed() -> None:
    assert plain_ox(TERMS[4], "json") == 12 and plain_ox(TERMS[9], "json") is True
    assert plain_ox(TERMS[4], "csv") == "12" and plain_ox(None, "csv") == ""
