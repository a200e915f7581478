"""Documents into an Oxigraph store: the index of stored source documents, which texts a build
can keep as they are, and extracted documents streamed in with the bulk loader as they arrive."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from plangraph.api.storage import facts
from plangraph.api.storage.bulk import LOAD_QUADS, BulkWriter, Loads, SpooledWriter, StreamedWriter
from plangraph.extract.errors import InputError
from plangraph.extract.iris import document_inferred_graph_iri
from plangraph.extract.pipeline import Compact, file_name, location_of, source_path

LAYOUT = 2  # stores whose documents each carry their own inferred graph
# plan text whose quads fit in one batch of the bulk loader (a million quads) once with their
# facts-graph copy: at a real plan's density, about 120,000 quads per MB with the copy
SIDE_BY_SIDE_BYTES = 8_000_000
_PLAN = "https://w3id.org/plangraph/ontology#"
_INDEX = ("SELECT ?g ?name ?plan ?path ?place ?sha WHERE { GRAPH ?g { ?g <" + _PLAN + "fileName> ?name "
          "OPTIONAL { ?g <http://data.europa.eu/eli/ontology#realizes> ?plan } "
          "OPTIONAL { ?g <" + _PLAN + "sourcePath> ?path } OPTIONAL { ?g <" + _PLAN + "sourceLocation> ?place } "
          "OPTIONAL { ?g <" + _PLAN + "sha256> ?sha } } }")


@dataclass(frozen=True)
class Document:
    """A source document in the store, as its graph describes itself."""

    graph: str
    name: str
    plan: str | None
    path: str | None
    place: str | None  # SHA-256 of the absolute path it was built from
    sha256: str | None


@dataclass(frozen=True)
class Request:
    """A file given to a build, with the keys that find its earlier version in a store."""

    path: Path
    name: str
    source_path: str
    location: str
    sha256: str | None  # None: not read here (too large, unreadable); the extraction says why
    size: int  # bytes


def _value(term: object) -> str | None:
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else None


def documents(db: ox.Store) -> list[Document]:
    """Every source document stored (one row each)."""
    found: dict[str, Document] = {}
    for s in db.query(_INDEX):  # type: ignore[union-attr]
        graph = s["g"].value
        found.setdefault(graph, Document(graph, _value(s["name"]) or "", _value(s["plan"]), _value(s["path"]),
                                         _value(s["place"]), _value(s["sha"])))
    return list(found.values())


def requests(files: Iterable[Path], root: Path | None, max_bytes: int) -> list[Request]:
    """The keys of each file; its content hash when it can be read within the size limit."""
    out = []
    for path in files:
        digest, size = None, 0
        try:
            size = path.stat().st_size
            if size <= max_bytes:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            pass
        out.append(Request(path, file_name(path), source_path(path, root), location_of(path), digest, size))
    return out


class Index:
    """Stored documents by the keys a build finds them with."""

    def __init__(self, stored: Iterable[Document]) -> None:
        self.by_place: dict[str, list[Document]] = {}
        self.by_path: dict[str, list[Document]] = {}
        self.by_name: dict[str, list[Document]] = {}
        for doc in stored:
            if doc.place is not None:
                self.by_place.setdefault(doc.place, []).append(doc)
            elif doc.path is not None:
                self.by_path.setdefault(doc.path, []).append(doc)
            else:
                self.by_name.setdefault(doc.name, []).append(doc)

    def older(self, request: Request) -> list[Document]:
        """Earlier versions of the file: built from the same absolute path; documents from before
        locations were kept are matched by source path, then by file name."""
        return (self.by_place.get(request.location, []) + self.by_path.get(request.source_path, [])
                + self.by_name.get(request.name, []))

    def unchanged(self, request: Request) -> Document | None:
        """The stored document that is exactly this file as it is now, if any."""
        for doc in self.by_place.get(request.location, []):
            if request.sha256 is not None and doc.sha256 == request.sha256 and doc.path == request.source_path:
                return doc
        return None


@dataclass
class Loaded:
    """What a load stored and what it left out."""

    built: list[Compact] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # graphs of older versions removed
    added: int = 0  # quads loaded
    removed: int = 0  # quads of the graphs removed


def remove_graph(db: ox.Store, graph: str) -> int:
    """Remove one named graph; returns how many quads it held."""
    node = ox.NamedNode(graph)
    if not db.contains_named_graph(node):
        return 0
    size = sum(1 for _ in db.quads_for_pattern(None, None, None, node))
    db.remove_graph(node)
    return size


def remove_document(db: ox.Store, graph: str) -> int:
    """A document's graph and its inferred graph (and what only they held, from the facts graph);
    returns how many quads the two held."""
    facts.forget(db, [graph, str(document_inferred_graph_iri(graph))])
    return remove_graph(db, graph) + remove_graph(db, str(document_inferred_graph_iri(graph)))


def _writer(db: ox.Store, beside: Path, name: str, load_quads: int = 0) -> BulkWriter:
    """Lines streamed to a loader through a named pipe (in loads of `load_quads` lines; 0: one
    load), or spooled to a file where the file system has no named pipes."""
    return (StreamedWriter.beside(db, beside / f"{name}.pipe", load_quads)
            or SpooledWriter(db, beside / f"{name}.nq"))


def writer_for(db: ox.Store, beside: Path, text_bytes: int) -> Loads:
    """The build's loads of `text_bytes` of plan text.

    Into a store without documents, the lines stream to the loader while plans are extracted. A
    build whose quads fit in one batch of the loader has its facts graph's lines go to a second
    loader beside the first: the two then parse and sort side by side on two cores. A larger
    build hands them to one stream of loads of `bulk.LOAD_QUADS` lines each, whose memory stays
    bounded. A store that already holds documents gets a spooled load at the end, since older
    versions are removed while the lines arrive.
    """
    if any(True for _ in db.named_graphs()):
        return Loads(SpooledWriter(db, beside / "load.nq"))
    if text_bytes > SIDE_BY_SIDE_BYTES:
        return Loads(_writer(db, beside, "load", load_quads=LOAD_QUADS))
    own = _writer(db, beside, "load")
    if isinstance(own, SpooledWriter):  # no named pipes: one spooled load
        return Loads(own)
    return Loads(own, _writer(db, beside, "facts"))


def load_stream(writer: Loads, index: Index, wanted: dict[Path, Request],
                stream: Iterator[tuple[Path, Compact | InputError]], skip_bad: bool,
                progress: Callable[[Path], None] | None = None) -> Loaded:
    """Store each document as it arrives, replacing its older versions; a bad file raises its
    InputError (the caller's store copy is then thrown away) unless `skip_bad`. What `writer`
    holds already (the schema graphs) is loaded with the documents, in one load; the caller
    discards `writer` whatever happens."""
    loaded = Loaded()
    _load(stream, index, wanted, skip_bad, progress, writer, loaded)
    writer.flush()
    # (each document's lines include its triples in the facts graph: nothing to merge here)
    return loaded


def _load(stream: Iterator[tuple[Path, Compact | InputError]], index: Index, wanted: dict[Path, Request],
          skip_bad: bool, progress: Callable[[Path], None] | None, writer: Loads, loaded: Loaded) -> None:
    handed: set[str] = set()  # graphs given to the loader: never removed as someone's older version
    for path, outcome in stream:
        if isinstance(outcome, InputError):
            if not skip_bad:
                raise outcome
            loaded.skipped.append(outcome)
        else:
            if outcome.graph_iri not in handed:  # (a file given twice is stored once)
                older = [doc.graph for doc in index.older(wanted[path])] + [outcome.graph_iri]
                for graph in dict.fromkeys(g for g in older if g not in handed):
                    loaded.removed += remove_document(writer.db, graph)
                    loaded.replaced.append(graph)
                handed.add(outcome.graph_iri)
                writer.add(outcome.nquads, outcome.facts)
                loaded.added += outcome.quads
            loaded.built.append(replace(outcome, nquads=b"", facts=b""))  # what the report needs; the data is in the store
        if progress:
            progress(path)
