"""The store over any SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, QLever).

Queries go through SPARQLWrapper; named graphs are loaded with the Graph Store HTTP Protocol.

The dataset. The embedded store answers over the union of the plangraph named graphs, with
each of them also reachable as `GRAPH ?g`. Endpoints differ here (Virtuoso's default graph
is every graph it holds, system graphs included; Fuseki's is a graph of its own), so every
query names its dataset explicitly through the protocol's `default-graph-uri` and
`named-graph-uri` parameters: as named graphs, all plangraph graphs (the source documents'
graphs, whose IRI carries plan:fileName, and the facts, ontology, reference and inferred graphs);
as the default graph, the facts graph (the merge of the others, each triple once, see
api/storage/facts.py), as on the embedded store. The same named queries then see the same data on every engine, and triples that others
keep in the same server stay out of answers.

Parameters are written into the query text (api/query/binding.py).
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

import httpx
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from plangraph.api.query.binding import bind_values
from plangraph.api.query.outbound import refuse_service
from plangraph.api.storage.schema import refresh_schema as refresh_inferred
from plangraph.api.storage.store import OxigraphStore, Rows
from plangraph.extract.errors import StoreError
from plangraph.extract.iris import document_inferred_graph_iri, facts_graph_iri, inferred_graph_iri, reference_graph_iri
from plangraph.extract.schemas import ONTOLOGY_GRAPH, schema_graphs

FILE_NAME = "https://w3id.org/plangraph/ontology#fileName"
INFERRED_SUFFIX = str(document_inferred_graph_iri(""))  # a source document's inferred graph: its IRI + this
EMPTY_GRAPH = "urn:plangraph:no-graph"  # names the dataset when no plangraph graph exists yet


def from_json(cell: Mapping[str, str] | None) -> Node | None:
    """One SPARQL JSON results cell as an rdflib term (xsd:string literals as plain literals)."""
    if cell is None:
        return None
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in cell:
        return Literal(value, lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    if datatype is None or datatype == str(XSD.string):
        return Literal(value)
    if datatype == str(XSD.duration):
        value = iso_duration(value)
    return Literal(value, datatype=URIRef(datatype))


def iso_duration(value: str) -> str:
    """An xsd:duration in ISO 8601 form; Virtuoso 7 returns year-month ones as months, day-time ones as seconds.

    >>> iso_duration("12"), iso_duration("14"), iso_duration("86400.0"), iso_duration("5400.5"), iso_duration("P1Y")
    ('P1Y', 'P1Y2M', 'P1D', 'PT1H30M0.5S', 'P1Y')
    """
    sign = "-" if value.startswith("-") else ""
    number = value.lstrip("-")
    if re.fullmatch(r"\d+", number):
        years, months = divmod(int(number), 12)
        text = (f"{years}Y" if years else "") + (f"{months}M" if months or not years else "")
        return f"{sign}P{text}"
    if re.fullmatch(r"\d+\.\d*", number):
        whole, fraction = number.split(".")
        days, rest = divmod(int(whole), 86400)
        hours, rest = divmod(rest, 3600)
        minutes, seconds = divmod(rest, 60)
        fraction = fraction.rstrip("0")
        time_part = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        if seconds or fraction:
            time_part += f"{seconds}{'.' + fraction if fraction else ''}S"
        text = (f"{days}D" if days else "") + (f"T{time_part}" if time_part else "")
        return f"{sign}P{text or 'T0S'}"
    return value


def fixed_graphs() -> list[str]:
    """The graphs beside the documents' own: facts, ontology, reference data, inferred triples."""
    return [str(facts_graph_iri()), str(ONTOLOGY_GRAPH), str(reference_graph_iri()), str(inferred_graph_iri())]


def default_graph_store(endpoint_url: str, authenticated: bool) -> str:
    """Virtuoso's Graph Store endpoint beside its /sparql (other servers: pass it explicitly)."""
    parts = urlsplit(endpoint_url)
    path = parts.path.rstrip("/")
    base = path[: -len("/sparql")] if path.endswith("/sparql") else path
    crud = "/sparql-graph-crud-auth" if authenticated else "/sparql-graph-crud"
    return urlunsplit((parts.scheme, parts.netloc, base + crud, "", ""))


class SparqlStore:
    """The Store protocol over a SPARQL 1.1 endpoint (queries) and its Graph Store endpoint (loading)."""

    def __init__(self, endpoint_url: str, graph_store_url: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 60.0, graph_cache_seconds: float = 10.0) -> None:
        if urlsplit(endpoint_url).scheme not in ("http", "https"):
            raise StoreError(endpoint_url, "the endpoint must be an http(s) URL")
        self.endpoint_url = endpoint_url
        self.graph_store_url = graph_store_url or default_graph_store(endpoint_url, user is not None)
        self.auth: httpx.Auth | None = httpx.DigestAuth(user, password or "") if user is not None else None
        self.timeout = timeout
        self.graph_cache_seconds = graph_cache_seconds
        self._graphs: list[str] | None = None
        self._graphs_at = 0.0

    # -- queries ---------------------------------------------------------------------------

    def _wrapper(self, query: str, fmt: str, dataset: bool = True) -> SPARQLWrapper:
        sparql = SPARQLWrapper(self.endpoint_url)
        sparql.setMethod(POST)
        sparql.setRequestMethod(URLENCODED)
        sparql.setReturnFormat(fmt)
        sparql.setTimeout(int(self.timeout))
        if dataset:
            graphs = self.graphs() or [EMPTY_GRAPH]
            facts = str(facts_graph_iri())
            for graph in [facts] if facts in graphs else graphs:  # each fact once; else (older stores) all
                sparql.addDefaultGraph(graph)
            for graph in graphs:
                sparql.addNamedGraph(graph)
        sparql.setQuery(query)
        return sparql

    def _run(self, query: str, fmt: str, dataset: bool = True) -> object:
        try:
            return self._wrapper(query, fmt, dataset).queryAndConvert()
        except SPARQLWrapperException as exc:
            raise StoreError(self.endpoint_url, f"query refused: {str(exc).strip()[:500]}") from exc
        except OSError as exc:  # urllib's URLError, timeouts, refused connections
            raise StoreError(self.endpoint_url, f"endpoint unreachable: {exc}") from exc

    def _select_json(self, query: str, dataset: bool = True) -> Rows:
        result = self._run(query, JSON, dataset)
        if not isinstance(result, dict) or "results" not in result:
            raise StoreError("query", "not a SELECT query")
        columns = list(result["head"]["vars"])
        rows = [{c: from_json(b.get(c)) for c in columns} for b in result["results"]["bindings"]]
        return Rows(columns, rows)

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        refuse_service(query)
        return self._select_json(bind_values(query, bindings))

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        refuse_service(query)
        result = self._run(bind_values(query, bindings), TURTLE)
        if isinstance(result, Graph):
            return result
        if not isinstance(result, bytes | str):
            raise StoreError("query", "not a CONSTRUCT or DESCRIBE query")
        return Graph().parse(data=result, format="turtle")

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        refuse_service(query)
        result = self._run(bind_values(query, bindings), JSON)
        if not isinstance(result, dict) or "boolean" not in result:
            raise StoreError("query", "not an ASK query")
        return bool(result["boolean"])

    # -- graphs ----------------------------------------------------------------------------

    def _files(self) -> list[tuple[str, str]]:
        query = f"SELECT DISTINCT ?g ?name WHERE {{ GRAPH ?g {{ ?g <{FILE_NAME}> ?name }} }}"
        rows = self._select_json(query, dataset=False).rows
        return [(str(r["g"]), str(r["name"])) for r in rows]

    def graphs(self) -> list[str]:
        """The plangraph named graphs at the endpoint (looked up again after a short while).

        Those are the graphs of source documents (their IRI carries plan:fileName), each
        document's inferred graph, and, when present, the facts, ontology, reference and
        store-wide inferred graphs.
        """
        if self._graphs is None or time.monotonic() - self._graphs_at > self.graph_cache_seconds:
            fixed = " ".join(f"<{g}>" for g in fixed_graphs())
            query = (f"SELECT DISTINCT ?g WHERE {{ {{ GRAPH ?g {{ ?g <{FILE_NAME}> ?name }} }} UNION "
                     f"{{ GRAPH ?d {{ ?d <{FILE_NAME}> ?name }} BIND(IRI(CONCAT(STR(?d), \"{INFERRED_SUFFIX}\")) AS ?g) "
                     f"FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }} UNION "
                     f"{{ VALUES ?g {{ {fixed} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }} }}")
            self._graphs = sorted({str(r["g"]) for r in self._select_json(query, dataset=False).rows})
            self._graphs_at = time.monotonic()
        return self._graphs

    def fetch_graph(self, iri: str) -> Graph:
        """One named graph, read through the Graph Store protocol."""
        try:
            response = httpx.get(self.graph_store_url, params={"graph": iri}, headers={"Accept": "text/turtle"},
                                 auth=self.auth, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise StoreError(self.graph_store_url, f"graph store unreachable: {exc}") from exc
        if response.status_code == 404:
            return Graph()
        if response.status_code >= 400:
            raise StoreError(self.graph_store_url, f"GET <{iri}> refused: HTTP {response.status_code}")
        return Graph().parse(data=response.content, format="turtle")

    def graphs_of_files(self, names: Iterable[str]) -> list[str]:
        wanted = set(names)
        return sorted({g for g, name in self._files() if name in wanted})

    def _send(self, method: str, graph: str, body: bytes | None = None) -> None:
        headers = {"Content-Type": "text/turtle; charset=utf-8"} if body is not None else {}
        try:
            response = httpx.request(method, self.graph_store_url, params={"graph": graph}, content=body,
                                     headers=headers, auth=self.auth, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise StoreError(self.graph_store_url, f"graph store unreachable: {exc}") from exc
        if method == "DELETE" and response.status_code == 404:
            return
        if response.status_code >= 400:
            raise StoreError(self.graph_store_url,
                             f"{method} <{graph}> refused: HTTP {response.status_code} {response.text[:300]}")

    def replace_graphs(self, graphs: Mapping[URIRef, Graph], drop_files: Iterable[str] = ()) -> None:
        """Put each graph in its named graph (replacing it), then drop older graphs of the same files.

        Each graph is replaced atomically by the server; a batch is not: a failure part-way leaves
        the graphs already sent in place (run the build again).
        """
        stale = [g for g in self.graphs_of_files(drop_files) if URIRef(g) not in graphs]
        for iri, graph in graphs.items():
            self._send("PUT", str(iri), graph.serialize(format="turtle", encoding="utf-8"))
        for name in stale:  # the document's graph and the one inferred from it
            self._send("DELETE", name)
            self._send("DELETE", name + INFERRED_SUFFIX)
        self._graphs = None

    def refresh_schema(self) -> int:
        """Replace the ontology and reference graphs, then recompute the inferred and facts graphs;
        returns how many triples the inferred graphs hold.

        The graphs are laid out as in the embedded store: each source document has its own
        inferred graph beside it, the store-wide inferred graph holds what only the whole store
        entails, and the facts graph merges them all. They are made on an in-memory copy of the
        server's source graphs with the embedded store's own code, and only they are sent back;
        inferred graphs of documents no longer held are dropped.
        """
        self.replace_graphs(schema_graphs())
        held = self.graphs()
        derived = {str(inferred_graph_iri()), str(facts_graph_iri())}
        mirror = OxigraphStore(None)
        for iri in held:
            if iri not in derived and not iri.endswith(INFERRED_SUFFIX):
                mirror.replace_graphs({URIRef(iri): self.fetch_graph(iri)})
        refresh_inferred(mirror, reload=False, migrate=True)
        made = [iri for iri in mirror.named_graphs() if iri in derived or iri.endswith(INFERRED_SUFFIX)]
        graphs = {URIRef(iri): mirror.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
                  for iri in made}
        self.replace_graphs(graphs)
        for iri in sorted(set(held) - set(made)):
            if iri.endswith(INFERRED_SUFFIX):
                self._send("DELETE", iri)
        self._graphs = None
        return sum(len(g) for iri, g in graphs.items() if str(iri) != str(facts_graph_iri()))

    def triple_count(self) -> int:
        rows = self._select_json("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        value = rows[0]["n"] if rows else None
        return int(str(value)) if value is not None else 0

    def close(self) -> None:
        self._graphs = None
