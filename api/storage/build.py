"""Build a store from plan texts: extract every file, then swap in a store holding the new graphs."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from plangraph.api.storage.schema import refresh_schema
from plangraph.api.storage.store import OxigraphStore, rebuild
from plangraph.extract.errors import InputError
from plangraph.extract.pipeline import MAX_FILE_BYTES, build_root, collect, process_all
from plangraph.extract.readers.ocr import INSTALL_ADVICE, missing_tools

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


def build(paths: list[Path], store_dir: Path | None, skip_bad: bool = False, workers: int = 1,
          progress: Callable[[int, int, str], None] | None = None, remote: "SparqlStore | None" = None,
          max_bytes: int = MAX_FILE_BYTES, ocr: bool = False) -> BuildReport:
    """Extract `paths` and store them in `store_dir` (or the `remote` store); a bad file refuses the batch unless `skip_bad`.

    The store is only replaced once everything succeeded. `ocr` reads scanned PDFs with Tesseract.
    """
    if ocr:
        missing = missing_tools()
        if missing is not None:
            raise InputError("--ocr", f"{missing}; {INSTALL_ADVICE}")
    ignored: list[str] = []
    files = collect(paths, ignored)
    built, skipped = process_all(files, workers=workers, skip_bad=skip_bad, progress=progress,
                                  max_bytes=max_bytes, root=build_root(paths), ocr=ocr)
    if not built:
        raise InputError(", ".join(str(p) for p in paths), "no readable plan text in the batch")

    def fill(store: OxigraphStore) -> dict[str, object]:
        store.replace_graphs({b.graph_iri: b.graph for b in built}, drop_files=[b.source_path for b in built],
                             drop_locations=[b.location for b in built if b.location])
        refresh_schema(store)  # ontology, reference data and the inferred graph, after the plans
        return {"files": [b.file_name for b in built], "skipped": [e.location for e in skipped]}

    if remote is not None:  # graphs go to the server only once every file was extracted
        remote.replace_graphs({b.graph_iri: b.graph for b in built}, drop_files=[b.source_path for b in built])
        remote.refresh_schema()
        summary: dict[str, object] = {"triples": remote.triple_count()}
    elif store_dir is None:
        raise InputError("build", "give a store directory or a remote store")
    else:
        summary = rebuild(store_dir, fill)
    return BuildReport(files=[b.file_name for b in built], skipped=skipped, ignored=ignored,
                       warnings=[f"{b.file_name}: {w}" for b in built for w in b.extraction.warnings],
                       triples=int(str(summary["triples"])), plans=len({b.plan_iri for b in built}))
