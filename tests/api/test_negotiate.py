"""Content negotiation and result writing."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from plangraph.api.query import negotiate as nt
from plangraph.api.web.named import fold_key
from plangraph.api.query.results import boolean_body, select_body


def test_negotiate_prefers_higher_q() -> None:
    assert nt.choose("text/csv;q=0.2, application/sparql-results+xml;q=0.9", nt.RESULT_TYPES) == nt.RESULTS_XML


def test_negotiate_wildcard_gives_default() -> None:
    assert nt.choose("*/*", nt.RESULT_TYPES) == nt.RESULTS_JSON
    assert nt.choose("text/*", nt.GRAPH_TYPES, default=nt.TURTLE) == nt.TURTLE


def test_negotiate_aliases_and_format_names() -> None:
    assert nt.choose("application/json", nt.RESULT_TYPES) == nt.RESULTS_JSON
    assert nt.from_format_name("json-ld", nt.GRAPH_TYPES) == nt.JSONLD
    assert nt.from_format_name("csv", nt.GRAPH_TYPES) is None


def test_negotiate_unknown_type_is_none() -> None:
    assert nt.choose("image/png", nt.RESULT_TYPES) is None


def test_results_json_marks_truncation() -> None:
    rows = [[ox.NamedNode("http://x/a"), ox.Literal("Sở", language="vi")]]
    body = json.loads(select_body(["s", "o"], rows, nt.RESULTS_JSON, True, 1))
    assert body["truncated"] is True
    assert body["results"]["bindings"][0]["o"] == {"type": "literal", "value": "Sở", "xml:lang": "vi"}


def test_results_csv_and_tsv_terms() -> None:
    rows = [[ox.NamedNode("http://x/a"), ox.Literal("2025", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))],
            [None, ox.Literal('a "b", c')]]
    parsed = list(csv.reader(io.StringIO(select_body(["s", "o"], rows, nt.CSV, False, 9).decode())))
    assert parsed == [["s", "o"], ["http://x/a", "2025"], ["", 'a "b", c']]
    tsv = select_body(["s", "o"], rows, nt.TSV, False, 9).decode().splitlines()
    assert tsv[0] == "?s\t?o" and tsv[1].startswith("<http://x/a>\t\"2025\"^^")


def test_results_boolean_xml() -> None:
    assert b"<boolean>false</boolean>" in boolean_body(False, nt.RESULTS_XML)


def test_fold_key_strips_marks_and_case() -> None:
    assert fold_key("  Sở Văn hóa,  Thể thao ") == "so van hoa, the thao"
