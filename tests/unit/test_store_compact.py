"""A large store written whole is compacted before it is swapped in; a small one, or one that got documents
added, is not."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from plangraph.api.storage.store import OxigraphStore, rebuild

G = ox.NamedNode("http://example.org/graph/a")


def _quad(i: int) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                   ox.Literal(f"value {i}"), G)


def _fill(first: int) -> Callable[[OxigraphStore], dict[str, object]]:
    def fill(store: OxigraphStore) -> dict[str, object]:
        store.db.bulk_load(b"".join(f"{q} .\n".encode() for q in map(_quad, range(first, first + 50))),
                           format=ox.RdfFormat.N_QUADS)
        return {"triples": len(store.db)}
    return fill


def test_store_rebuild_compacts_a_large_store_written_whole_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compacted: list[int] = []
    real = OxigraphStore.compact

    def counted(self: OxigraphStore) -> None:
        compacted.append(len(self.db))
        real(self)
    monkeypatch.setattr(OxigraphStore, "compact", counted)
    store_dir = tmp_path / "store"
    rebuild(store_dir, _fill(0), compact_from=50)
    assert compacted == [50]
    rebuild(store_dir, _fill(50), compact_from=50)  # a copy with documents added
    assert compacted == [50]
    rebuild(store_dir, _fill(100), replaced=lambda existing: True, compact_from=50)  # written whole
    assert compacted == [50, 50]
    rebuild(store_dir, _fill(200), replaced=lambda existing: True, compact_from=51)  # written whole, small
    assert compacted == [50, 50]


def test_store_compact_keeps_every_quad(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    store = OxigraphStore(tmp_path / "store")
    for first in (0, 50, 100):  # three loads: three sets of overlapping files
        store.db.bulk_load(b"".join(f"{q} .\n".encode() for q in map(_quad, range(first, first + 50))),
                           format=ox.RdfFormat.N_QUADS)
    before = set(store.db)
    store.compact()
    assert set(store.db) == before and len(before) == 150
    answer = store.db.query('SELECT ?s WHERE { GRAPH ?g { ?s ?p "value 120" } }')
    assert [s["s"] for s in answer] == [ox.NamedNode("http://example.org/s120")]  # type: ignore[union-attr]
