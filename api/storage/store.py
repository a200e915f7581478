"""The store: one interface, Oxigraph on disk (embedded) here; a remote SPARQL endpoint elsewhere.

A store directory holds `oxigraph/` (the database) and `plangraph.json` (what built it).
Builds never write into the live directory: they copy it, load into the copy and swap the
directories, so a failed build leaves the previous store exactly as it was.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from plangraph.api.storage import facts, swap
from plangraph.extract.errors import StoreError

# from this size on, a store written whole has its files merged (`OxigraphStore.compact`): its bulk
# load wrote several sets of files per index (one per batch of a million quads, the facts graph's
# copy counted)
COMPACT_FROM_TRIPLES = 500_000
MARKER = "plangraph.json"
DATABASE = "oxigraph"


@dataclass(frozen=True)
class Rows:
    """A SELECT result: variable names and rows of rdflib terms (None where unbound)."""

    columns: list[str]
    rows: list[dict[str, Node | None]]


class Store(Protocol):
    """What the API and the CLI need from a store, whatever the backend."""

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows: ...

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph: ...

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool: ...

    def replace_graphs(self, graphs: Mapping[URIRef, Graph], drop_files: Iterable[str] = ()) -> None: ...

    def triple_count(self) -> int: ...


def _matches(term: object, values: set[str]) -> bool:
    return isinstance(term, (ox.Literal, ox.NamedNode)) and term.value in values


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: object) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value if term.datatype else None
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype) if datatype else None)
    raise TypeError(f"not an Oxigraph term: {term!r}")


class OxigraphStore:
    """Oxigraph on disk (or in memory when `path` is None).

    The default graph of queries is the facts graph, the merge of all its graphs with each triple
    once (api/storage/facts.py); a store built before the facts graph existed is queried over the
    union of its graphs.
    """

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if path is None:
                self.db = ox.Store()
            elif read_only:
                self.db = ox.Store.read_only(str(path / DATABASE))
            else:
                self.db = ox.Store(str(path / DATABASE))
        except OSError as exc:
            raise StoreError(str(path), f"cannot open the store: {exc}") from exc
        self._dataset: dict[str, object] | None = None

    def dataset(self) -> dict[str, object]:
        """The query options that name the default graph (remembered while the store cannot change)."""
        if self._dataset is not None:
            return self._dataset
        graph = facts.default_graph(g.value for g in self.db.named_graphs() if isinstance(g, ox.NamedNode))
        options: dict[str, object] = ({"use_default_graph_as_union": True} if graph is None
                                      else {"default_graph": graph})
        if self.read_only:
            self._dataset = options
        return options

    @classmethod
    def open_existing(cls, path: Path, read_only: bool = True) -> "OxigraphStore":
        if not (path / MARKER).is_file():
            swap.recover_if_idle(path.resolve(), MARKER)  # a build died in the middle of its swap
        if not (path / MARKER).is_file():
            raise StoreError(str(path), "not a plangraph store (run `plangraph build … --store DIR` first)")
        return cls(path, read_only=read_only)

    @classmethod
    def in_memory_copy(cls, path: Path) -> "OxigraphStore":
        """Load an on-disk store into memory (queries run several times faster there)."""
        disk = cls.open_existing(path)
        memory = cls(None)
        memory.db.bulk_extend(disk.db.quads_for_pattern(None, None, None, None))
        memory.path = path
        memory.read_only = True  # nothing writes into a served copy: its dataset can be remembered
        return memory

    def _query(self, query: str, bindings: Mapping[str, Node] | None) -> object:
        from plangraph.api.query.outbound import refuse_service
        refuse_service(query)
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        return self.db.query(query, substitutions=substitutions or None, **self.dataset())  # type: ignore[arg-type]

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("query", "not a SELECT query")
        columns = [v.value for v in result.variables]
        rows = [{c: from_ox(solution[c]) for c in columns} for solution in result]
        return Rows(columns, rows)

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise StoreError("query", "not a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in result:
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))  # type: ignore[arg-type]
        return graph

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError("query", "not an ASK query")
        return bool(result)

    def graphs_of_files(self, paths: Iterable[str], locations: Iterable[str] = ()) -> list[str]:
        """Graphs of the source documents at these locations (hashes of absolute paths), so that a
        file built again replaces its document and a file of the same name elsewhere does not.
        Graphs from before documents had a location are matched by source path, then file name."""
        wanted, places = set(paths), set(locations)
        names = {p.rsplit("/", 1)[-1] for p in wanted}
        query = ("SELECT DISTINCT ?g ?name ?path ?place WHERE { GRAPH ?g { ?g "
                 "<https://w3id.org/plangraph/ontology#fileName> ?name "
                 "OPTIONAL { ?g <https://w3id.org/plangraph/ontology#sourcePath> ?path } "
                 "OPTIONAL { ?g <https://w3id.org/plangraph/ontology#sourceLocation> ?place } } }")
        found = []
        for s in self.db.query(query):  # type: ignore[union-attr]
            if s["place"] is not None:
                stale = _matches(s["place"], places)
            elif s["path"] is not None:
                stale = _matches(s["path"], wanted)
            else:
                stale = _matches(s["name"], names)
            if stale:
                found.append(s["g"].value)
        return found

    def replace_graphs(self, graphs: Mapping[URIRef, Graph], drop_files: Iterable[str] = (),
                       drop_locations: Iterable[str] = ()) -> None:
        """Put each graph in its named graph, replacing what was there and older versions of the
        documents (same source path, or the same file built from another root). The facts graph
        follows: what only the replaced graphs held leaves it, what the new ones hold enters it."""
        facts.ensure(self.db)
        stale = self.graphs_of_files(drop_files, drop_locations)
        replaced = [str(iri) for iri in graphs if self.db.contains_named_graph(ox.NamedNode(str(iri)))]
        facts.forget(self.db, stale + replaced)
        for name in stale:
            self.db.remove_graph(ox.NamedNode(name))
        for iri, graph in graphs.items():
            target = ox.NamedNode(str(iri))
            if self.db.contains_named_graph(target):
                self.db.remove_graph(target)
            # no transaction needed: builds write into a private copy that is only swapped in whole
            self.db.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                              to_graph=target)
        facts.remember(self.db, [str(iri) for iri in graphs])

    def update(self, sparql: str) -> None:
        self.db.update(sparql)

    def compact(self) -> None:
        """Merge the database's files (RocksDB's full compaction, Oxigraph's `optimize`).

        A bulk load writes its quads in batches, each a set of files spanning every index's whole
        key range, so every lookup of a query seeks in each batch's file: at 2,000 plans the
        named queries answer 3-6 times faster from the merged files (indicators_by_year's first
        10,001 rows: 2.45 s of CPU -> 0.59 s). RocksDB writes the merged files of a store this
        size uncompressed, about twice the bytes.
        """
        self.db.optimize()

    def triple_count(self) -> int:
        return len(self.db)

    def recorded_count(self) -> int:
        """How many quads the build recorded in the store's marker, those of every graph but the
        facts graph (Oxigraph counts by reading them all: seconds at 2,000 plans); counted when the
        marker does not say."""
        if self.path is not None:
            try:
                recorded = json.loads((self.path / MARKER).read_text(encoding="utf-8")).get("triples")
            except (OSError, ValueError, AttributeError):
                recorded = None
            if isinstance(recorded, int):
                return recorded
        return self.triple_count()

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.db.named_graphs() if isinstance(g, ox.NamedNode))

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self.db.flush()
        del self.db


Summary = dict[str, object]


def recorded_base(store_dir: Path) -> str | None:
    """The IRI base the store's graphs were minted with, as its last build recorded it (None: unknown)."""
    try:
        summary = json.loads((store_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    base = summary.get("base") if isinstance(summary, dict) else None
    return str(base) if base else None


def rebuild(store_dir: Path, fill: Callable[["OxigraphStore"], Summary],
            unchanged: Callable[["OxigraphStore"], Summary | None] | None = None,
            replaced: Callable[["OxigraphStore"], bool] | None = None,
            compact_from: int = COMPACT_FROM_TRIPLES) -> Summary:
    """Copy the store (or start empty), let `fill` write into the copy, then swap it in.

    On any error the copy is removed and `store_dir` is untouched. `unchanged`, given the store
    as it is (read-only, the lock held), may return its summary to say there is nothing to do:
    then nothing is copied or written. `replaced`, given the same, may say that the build
    replaces all it holds: then the new store starts empty instead of from a copy. A store that
    started empty (new or replaced) is compacted (`OxigraphStore.compact`) before it is swapped in
    when its summary counts `compact_from` triples or more.
    """
    try:
        return _rebuild(store_dir, fill, unchanged, replaced, compact_from)
    except OSError as exc:
        raise StoreError(str(store_dir), _os_reason(exc)) from exc


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC or "No space left on device" in str(exc):
        return "cannot write the store: the disk is full (the previous store is unchanged)"
    if exc.errno == errno.EROFS:
        return "cannot write the store: the file system is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot write the store: permission denied ({exc.filename or ''})"
    return f"cannot write the store: {exc.strerror or exc}"


def _rebuild(store_dir: Path, fill: Callable[["OxigraphStore"], Summary],
             unchanged: Callable[["OxigraphStore"], Summary | None] | None,
             replaced: Callable[["OxigraphStore"], bool] | None, compact_from: int) -> Summary:
    if store_dir.exists() and not store_dir.is_dir():
        raise StoreError(str(store_dir), "is a file, not a store folder; give a folder for --store")
    store_dir = store_dir.resolve()
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    with swap.locked(store_dir):
        swap.recover(store_dir, MARKER)
        if store_dir.exists() and not (store_dir / MARKER).is_file() and any(store_dir.iterdir()):
            raise StoreError(str(store_dir), "exists and is not a plangraph store; refusing to overwrite it")
        whole = False  # the build replaces every document: the copy starts empty
        if (unchanged is not None or replaced is not None) and (store_dir / MARKER).is_file():
            current = OxigraphStore(store_dir, read_only=True)
            try:
                same = unchanged(current) if unchanged is not None else None
                whole = same is None and replaced is not None and replaced(current)
            finally:
                del current
            if same is not None:
                return same
        work = store_dir.parent / f".{store_dir.name}.building-{os.getpid()}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        copied = (store_dir / MARKER).is_file() and not whole
        try:
            if copied:
                source = OxigraphStore(store_dir, read_only=True)
                source.db.backup(str(work / DATABASE))
                del source
            store = OxigraphStore(work)
            try:
                summary = fill(store)
            except BaseException as exc:
                # the copy's database stays open while anything refers to it (the frames of the
                # traceback do): release it now, so that a next build in this process can open one
                traceback.clear_frames(exc.__traceback__)
                del store.db
                raise
            if "triples" not in summary:
                summary["triples"] = store.triple_count()
            triples = summary["triples"]
            if not copied and isinstance(triples, int) and triples >= compact_from:
                # a store written whole is merged into one run of files per index (see `compact`);
                # one that got a few documents more is not: merging costs as much as the whole
                # store (13 s at 2,000 plans), where adding plans costs the same at any size. Nor
                # is a small one, whose load wrote a set of files or two per index: merging them
                # would cost more than its build (a 4 MB plan: 2 s)
                store.compact()
            store.close()
            (work / MARKER).write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
            swap._step("built")
            swap.swap_in(work, store_dir)
        finally:
            shutil.rmtree(work, ignore_errors=True)  # the failed copy, or the previous store after an exchange
            swap.recover(store_dir, MARKER)
    return summary
