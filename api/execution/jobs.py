"""Work done inside a query worker: each job gets the worker's store and returns picklable data."""
from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from plangraph.api.query import negotiate as nt
from plangraph.api.query.cells import Form, Plain, plain_ox
from plangraph.api.query.outbound import ServiceRefused, refuse_service
from plangraph.api.query.results import Row, boolean_body, select_body
from plangraph.api.storage.store import OxigraphStore, from_ox, to_ox

_FROM = re.compile(r"\bFROM\s+(?:NAMED\s+)?<", re.IGNORECASE)
_GRAPH_FORMATS = {nt.TURTLE: ox.RdfFormat.TURTLE, nt.NTRIPLES: ox.RdfFormat.N_TRIPLES,
                  nt.JSONLD: ox.RdfFormat.JSON_LD, nt.RDFXML: ox.RdfFormat.RDF_XML}
PREFIXES = {
    "plan": "https://w3id.org/plangraph/ontology#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Reply:
    """An HTTP answer made in a worker: status, media type, body and extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    """SELECT rows as rdflib terms, and whether the row limit cut them."""

    columns: list[str]
    rows: list[dict[str, Node | None]]
    truncated: bool


@dataclass(frozen=True)
class Cells:
    """SELECT rows as plain JSON values or CSV texts, and whether the row limit cut them."""

    columns: list[str]
    rows: list[list[Plain]]
    truncated: bool


def _error(status: int, message: str) -> Reply:
    import json
    return Reply(status, "application/json", json.dumps({"error": message}, ensure_ascii=False).encode("utf-8"))


def _limit_headers(truncated: bool, limit: int) -> dict[str, str]:
    headers = {"X-Row-Limit": str(limit), "X-Truncated": "true" if truncated else "false"}
    if truncated:
        headers["Warning"] = f'199 plangraph "results cut at the row limit of {limit} rows"'
    return headers


def sparql(store: OxigraphStore, query: str, accept: str | None, format_name: str | None,
           default_graphs: list[str], named_graphs: list[str], row_limit: int) -> Reply:
    """Run one protocol query and write it in the negotiated format."""
    try:
        refuse_service(query)
    except ServiceRefused as exc:
        return _error(400, exc.message)
    options: dict[str, object] = {}
    if default_graphs or named_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    elif not _FROM.search(query):
        options.update(store.dataset())
    try:
        result = store.db.query(query, **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        return _error(400, f"not a SPARQL query: {exc}")
    except ValueError as exc:
        return _error(400, f"bad request: {exc}")
    if isinstance(result, ox.QueryBoolean):
        return ask_reply(bool(result), accept, format_name)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[Row] = [list(s) for s in itertools.islice(result, row_limit + 1)]
        return select_reply(variables, rows, accept, format_name, row_limit)
    return graph_reply(itertools.islice(result, row_limit + 1), accept, format_name, row_limit)


def ask_reply(value: bool, accept: str | None, format_name: str | None) -> Reply:
    """An ASK answer in the negotiated format (406 when none fits)."""
    media = nt.from_format_name(format_name, nt.BOOLEAN_TYPES) or nt.choose(accept, nt.BOOLEAN_TYPES)
    if media is None:
        return _error(406, f"ASK results come as {', '.join(nt.BOOLEAN_TYPES)}")
    return Reply(200, media, boolean_body(value, media))


def select_reply(variables: list[str], rows: list[Row], accept: str | None, format_name: str | None,
                 row_limit: int) -> Reply:
    """SELECT rows (up to row_limit + 1, to tell a cut) in the negotiated format, the cut stated."""
    media = nt.from_format_name(format_name, nt.RESULT_TYPES) or nt.choose(accept, nt.RESULT_TYPES)
    if media is None:
        return _error(406, f"SELECT results come as {', '.join(nt.RESULT_TYPES)}")
    truncated = len(rows) > row_limit
    body = select_body(variables, rows[:row_limit], media, truncated, row_limit)
    return Reply(200, media, body, _limit_headers(truncated, row_limit))


def graph_reply(triples: Iterable[ox.Triple], accept: str | None, format_name: str | None, row_limit: int) -> Reply:
    """Triples (up to row_limit + 1) in the negotiated graph format, the cut stated."""
    media = nt.from_format_name(format_name, nt.GRAPH_TYPES) or nt.choose(accept, nt.GRAPH_TYPES)
    if media is None:
        return _error(406, f"graphs come as {', '.join(nt.GRAPH_TYPES)}")
    kept = list(itertools.islice(triples, row_limit + 1))
    truncated = len(kept) > row_limit
    written = ox.serialize(kept[:row_limit], format=_GRAPH_FORMATS[media],
                           prefixes=PREFIXES if media == nt.TURTLE else None)
    return Reply(200, media, written or b"", _limit_headers(truncated, row_limit))


def _substitutions(bindings: Mapping[str, Node] | None) -> dict[ox.Variable, object] | None:
    return {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()} or None


def _solutions(store: OxigraphStore, query: str,
               bindings: Mapping[str, Node] | None) -> tuple[list[str], ox.QuerySolutions]:
    """A SELECT's column names and its solutions over the default graph (each fact once)."""
    refuse_service(query)
    result = store.db.query(query, substitutions=_substitutions(bindings), **store.dataset())  # type: ignore[arg-type]
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError("not a SELECT query")
    return [v.value for v in result.variables], result


def select(store: OxigraphStore, query: str, bindings: Mapping[str, Node] | None, row_limit: int) -> Table:
    """A SELECT over the default graph (each fact once), as rdflib terms, cut at the row limit."""
    columns, result = _solutions(store, query, bindings)
    rows = [{c: from_ox(s[c]) for c in columns} for s in itertools.islice(result, row_limit + 1)]
    return Table(columns, rows[:row_limit], len(rows) > row_limit)


def cells(store: OxigraphStore, query: str, bindings: Mapping[str, Node] | None, row_limit: int,
          form: Form) -> Cells:
    """A SELECT over the default graph as plain cells (`form`: json values or csv texts), cut at the row limit."""
    columns, result = _solutions(store, query, bindings)
    # a solution unpacks in the order of its variables: half the time of looking each cell up by name
    rows = [[plain_ox(term, form) for term in s] for s in itertools.islice(result, row_limit + 1)]
    return Cells(columns, rows[:row_limit], len(rows) > row_limit)


def construct(store: OxigraphStore, query: str, bindings: Mapping[str, Node] | None) -> bytes:
    """A CONSTRUCT or DESCRIBE over the default graph (each fact once), as N-Triples."""
    refuse_service(query)
    result = store.db.query(query, substitutions=_substitutions(bindings), **store.dataset())  # type: ignore[arg-type]
    if not isinstance(result, ox.QueryTriples):
        raise TypeError("not a CONSTRUCT or DESCRIBE query")
    return ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b""


def graph(data: bytes) -> Graph:
    """N-Triples from `construct` as an rdflib graph."""
    g = Graph()
    if data:
        g.parse(data=data.decode("utf-8"), format="nt")
    return g


def triple_count(store: OxigraphStore) -> int:
    """How many quads the store holds."""
    return store.triple_count()


_FINDINGS: "weakref.WeakKeyDictionary[OxigraphStore, list[dict[str, str]]]" = weakref.WeakKeyDictionary()


def shacl_findings(store: OxigraphStore) -> list[dict[str, str]]:
    """The SHACL findings of every source text, for the audit page (checked once per store a worker holds)."""
    from plangraph.api.storage.validate import finding_rows
    if store not in _FINDINGS:
        _FINDINGS[store] = finding_rows(store)
    return _FINDINGS[store]
