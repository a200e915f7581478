"""Build a store from plan texts: extract every file, then swap in a store holding the new graphs."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from plangraph.api.storage import facts, originals
from plangraph.api.storage.loading import LAYOUT, Index, Request, documents, load_stream, requests, writer_for
from plangraph.api.storage.schema import refresh_schema, rules_from_json, rules_to_json, stage_schema
from plangraph.api.storage.store import MARKER, OxigraphStore, rebuild, recorded_base
from plangraph.extract.errors import InputError, StoreError
from plangraph.extract.iris import base_iri, facts_graph_iri
from plangraph.extract.infer import rules_for
from plangraph.extract.pipeline import (MAX_FILE_BYTES, build_root, collect, extract_stream, fingerprint,
                                        process_all, shown)
from plangraph.extract.readers.ocr import INSTALL_ADVICE, missing_tools
from plangraph.extract.schemas import ontology_graph

if TYPE_CHECKING:
    from plangraph.api.storage.remote import SparqlStore


@dataclass
class BuildReport:
    files: list[str] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # folder entries that are not plan texts, with why
    warnings: list[str] = field(default_factory=list)  # "file: what could not be read"
    triples: int = 0
    plans: int = 0
    unchanged: int = 0  # texts already stored exactly as they are, left alone


def _marker(store_dir: Path) -> dict[str, object]:
    try:
        loaded = json.loads((store_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _size(store: OxigraphStore, graph: str) -> int:
    return sum(1 for _ in store.db.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))))


def _current(marker: dict[str, object], version: str) -> bool:
    """A store built with this extraction and this layout: its unchanged texts need no new extraction."""
    return marker.get("layout") == LAYOUT and marker.get("fingerprint") == version


def build(paths: list[Path], store_dir: Path | None, skip_bad: bool = False, workers: int = 1,
          progress: Callable[[int, int, str], None] | None = None, remote: "SparqlStore | None" = None,
          max_bytes: int = MAX_FILE_BYTES, ocr: bool = False) -> BuildReport:
    """Extract `paths` and store them in `store_dir` (or the `remote` store); a bad file refuses the batch unless `skip_bad`.

    The store is only replaced once everything succeeded. Texts already stored exactly as they
    are (same file, same bytes, same extraction) are left as they are; when all are, the store is
    not touched at all. `ocr` reads scanned PDFs with Tesseract.
    """
    if ocr:
        missing = missing_tools()
        if missing is not None:
            raise InputError("--ocr", f"{missing}; {INSTALL_ADVICE}")
    if store_dir is not None:
        check_base(store_dir)
    ignored: list[str] = []
    files = collect(paths, ignored)
    root = build_root(paths)
    if remote is not None:
        return _build_remote(paths, files, root, remote, skip_bad, workers, progress, max_bytes, ignored, ocr)
    if store_dir is None:
        raise InputError("build", "give a store directory or a remote store")
    version = fingerprint()
    wanted = requests(files, root, max_bytes)
    report = BuildReport(ignored=ignored)

    def nothing_new(existing: OxigraphStore) -> dict[str, object] | None:
        """The store's summary when every text is stored as it is (nothing to do), else None."""
        marker = _marker(store_dir)
        if not _current(marker, version):
            return None
        stored = documents(existing.db)
        index = Index(stored)
        kept = [index.unchanged(r) for r in wanted]
        if any(doc is None for doc in kept):
            return None
        report.files = [r.name for r in wanted]
        report.unchanged = len(wanted)
        report.plans = len({doc.plan for doc in kept if doc is not None})
        if progress:
            progress(len(wanted), len(wanted), wanted[-1].path.name)
        return marker

    def replaced(existing: OxigraphStore) -> bool:
        """Whether the build extracts every stored document again (a new version of the
        extraction, the same texts): then it starts from an empty store rather than removing
        them one by one. Not with `skip_bad`, which keeps the stored version of a bad file."""
        if skip_bad or _current(_marker(store_dir), version):
            return False
        stored = documents(existing.db)
        index = Index(stored)
        older = {doc.graph for r in wanted for doc in index.older(r)}
        return bool(stored) and all(doc.graph in older for doc in stored)

    def fill(store: OxigraphStore) -> dict[str, object]:
        # a store started empty (see `replaced`) owes nothing to the previous one's summary
        marker = _marker(store_dir) if any(True for _ in store.db.named_graphs()) else {}
        current = _current(marker, version)
        index = Index(documents(store.db))
        kept = {r.path: index.unchanged(r) for r in wanted} if current else {}
        todo = [r for r in wanted if kept.get(r.path) is None]
        done = len(wanted) - len(todo)
        by_path: dict[Path, Request] = {r.path: r for r in todo}

        def step(path: Path) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, len(wanted), path.name)

        rules = (rules_from_json(marker.get("rules")) if current else None) or rules_for(ontology_graph())
        stream = extract_stream([r.path for r in todo], rules, workers=workers,
                                max_bytes=max_bytes, root=root, ocr=ocr)
        assert store.path is not None
        facts.ensure(store.db)  # a store built before the facts graph existed gets it before anything changes
        writer = writer_for(store.db, store.path, sum(r.size for r in todo))
        try:
            # the schema graphs of this version go in the documents' bulk load: one load per build
            gained = 0 if current else stage_schema(store.db, writer)
            loaded = load_stream(writer, index, by_path, stream, skip_bad, step)
        finally:
            stream.close()  # a refused batch ends its workers at once
            writer.discard()
        if not loaded.built and not any(kept.values()):
            raise InputError(", ".join(str(p) for p in paths), "no readable plan text in the batch")
        # a store of an earlier layout: its other documents get their own inferred graphs now
        earlier = bool(marker) and marker.get("layout") != LAYOUT
        gained += refresh_schema(store, rules, reload=False, migrate=earlier,
                                 fresh={b.graph_iri for b in loaded.built})
        # counting a large store's quads takes seconds: keep the count up to date instead (the
        # quads of every graph but the facts graph, which merges them)
        counted = marker.get("triples", 0 if not marker else None)
        triples = (counted + loaded.added - loaded.removed + gained if isinstance(counted, int) and not earlier
                   else store.triple_count() - _size(store, facts_graph_iri()))
        if store.path is not None:  # each source's original file, for download
            held = {doc.sha256 for doc in documents(store.db) if doc.sha256}
            originals.keep(store.path, store_dir.resolve(), [(r.sha256, str(r.path)) for r in wanted if r.sha256], held)
        skipped = {e.location for e in loaded.skipped}
        report.files = [r.name for r in wanted if shown(r.path) not in skipped]
        report.skipped = loaded.skipped
        report.unchanged = sum(1 for doc in kept.values() if doc is not None)
        report.warnings = [f"{b.file_name}: {w}" for b in loaded.built for w in b.warnings]
        report.plans = len({b.plan_iri for b in loaded.built} | {d.plan for d in kept.values() if d is not None})
        return {"files": report.files, "skipped": [e.location for e in loaded.skipped],
                "layout": LAYOUT, "fingerprint": version, "rules": rules_to_json(rules), "base": base_iri(),
                "triples": triples}

    summary = rebuild(store_dir, fill, unchanged=nothing_new, replaced=replaced)
    report.triples = int(str(summary.get("triples", 0)))
    return report


def _build_remote(paths: list[Path], files: list[Path], root: Path, remote: "SparqlStore", skip_bad: bool, workers: int,
                  progress: Callable[[int, int, str], None] | None, max_bytes: int,
                  ignored: list[str], ocr: bool) -> BuildReport:
    """Graphs go to the server only once every file was extracted."""
    built, skipped = process_all(files, workers=workers, skip_bad=skip_bad, progress=progress,
                                 max_bytes=max_bytes, root=root, ocr=ocr)
    if not built:
        raise InputError(", ".join(str(p) for p in paths), "no readable plan text in the batch")
    remote.replace_graphs({b.graph_iri: b.graph for b in built}, drop_files=[b.source_path for b in built])
    remote.refresh_schema()
    return BuildReport(files=[b.file_name for b in built], skipped=skipped, ignored=ignored,
                       warnings=[f"{b.file_name}: {w}" for b in built for w in b.extraction.warnings],
                       triples=remote.triple_count(), plans=len({b.plan_iri for b in built}))


def check_base(store_dir: Path) -> None:
    """Refuse to add graphs minted with one IRI base to a store built with another: the two would
    never meet, and the reference graphs would be there twice."""
    recorded = recorded_base(store_dir)
    if recorded is not None and recorded != base_iri():
        raise StoreError(str(store_dir), f"its IRIs were minted with the base {recorded}, this build's base is "
                                         f"{base_iri()} (PLANGRAPH_BASE or --base); build into another --store, "
                                         f"or remove {store_dir} to rebuild it with the new base")
