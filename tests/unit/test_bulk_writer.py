"""The bulk writers: streamed loads end however the build stops; a build's two parts (documents'
graphs, facts graph) load side by side or in one stream of loads of bounded size."""
from __future__ import annotations

import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from plangraph.api.storage import bulk
from plangraph.api.storage.bulk import LOAD_QUADS, Loads, SpooledWriter, StreamedWriter
from plangraph.api.storage.loading import SIDE_BY_SIDE_BYTES, writer_for

LINE = b'<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .\n'


def _discard_within(writer: StreamedWriter, seconds: float) -> bool:
    ended = threading.Thread(target=writer.discard, daemon=True)
    ended.start()
    ended.join(seconds)
    return not ended.is_alive()


def test_streamed_writer_loads_what_it_was_given(tmp_path: Path) -> None:
    db = ox.Store(str(tmp_path / "store"))
    writer = StreamedWriter.beside(db, tmp_path / "load.pipe")
    assert writer is not None
    writer.add(LINE * 3)
    writer.flush()
    assert len(db) == 1 and not (tmp_path / "load.pipe").exists()


def test_streamed_writer_stopped_while_opening_its_pipe_ends_its_loader(tmp_path: Path) -> None:
    """A build stopped (SIGTERM, Ctrl-C) after the loader started but before the pipe's writing
    end was open: the loader waits in its open for a writer, and discarding must not wait forever."""
    db = ox.Store(str(tmp_path / "store"))
    writer = StreamedWriter.beside(db, tmp_path / "load.pipe")
    assert writer is not None
    writer.thread = threading.Thread(target=writer._run, daemon=True)  # as `_open` starts it
    writer.thread.start()
    assert _discard_within(writer, 30), "discarding waited for a loader that had no writer"
    assert len(db) == 0 and not (tmp_path / "load.pipe").exists()


def _lines(count: int, graph: str) -> bytes:
    return b"".join(f'<http://example.org/s{i}> <http://example.org/p> "o" <{graph}> .\n'.encode() for i in range(count))


def test_loads_side_by_side_load_both_parts_whole(tmp_path: Path) -> None:
    """Parts larger than one slice reach both loaders whole, each slice cut inside a line."""
    db = ox.Store(str(tmp_path / "store"))
    own, facts = (StreamedWriter.beside(db, tmp_path / f"{name}.pipe") for name in ("own", "facts"))
    assert own is not None and facts is not None
    loads = Loads(own, facts)
    first, second = _lines(20_000, "http://example.org/g"), _lines(30_000, "http://example.org/facts")
    assert len(first) > 1 << 20
    loads.add(first, second)
    loads.flush()
    assert len(db) == 50_000
    assert not (tmp_path / "own.pipe").exists() and not (tmp_path / "facts.pipe").exists()


def test_loads_one_writer_takes_both_parts(tmp_path: Path) -> None:
    db = ox.Store(str(tmp_path / "store"))
    loads = Loads(SpooledWriter(db, tmp_path / "load.nq"))
    loads.add(_lines(3, "http://example.org/g"), _lines(2, "http://example.org/facts"))
    loads.flush()
    assert len(db) == 5 and not (tmp_path / "load.nq").exists()


def test_loads_a_failed_load_ends_the_other(tmp_path: Path) -> None:
    db = ox.Store(str(tmp_path / "store"))
    own, facts = (StreamedWriter.beside(db, tmp_path / f"{name}.pipe") for name in ("own", "facts"))
    assert own is not None and facts is not None
    loads = Loads(own, facts)
    loads.add(b"<http://example.org/s> not N-Quads .\n", LINE)
    with pytest.raises(SyntaxError, match="predicate"):
        loads.flush()
    assert facts.thread is None and not (tmp_path / "facts.pipe").exists()


def test_loads_side_by_side_only_for_a_small_fresh_build(tmp_path: Path) -> None:
    db = ox.Store(str(tmp_path / "store"))
    (tmp_path / "small").mkdir()
    (tmp_path / "large").mkdir()
    small = writer_for(db, tmp_path / "small", 4_000_000)
    large = writer_for(db, tmp_path / "large", SIDE_BY_SIDE_BYTES + 1)
    assert isinstance(small.own, StreamedWriter) and isinstance(small.facts, StreamedWriter)
    assert isinstance(large.own, StreamedWriter) and large.own.load_quads == LOAD_QUADS and large.facts is None
    assert small.own.load_quads == 0
    small.discard()
    large.discard()
    db.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("o"),
                   ox.NamedNode("http://example.org/g")))
    held = writer_for(db, tmp_path, 1_000)  # a store with documents: one spooled load
    assert isinstance(held.own, SpooledWriter) and held.facts is None


def _counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path | bytes]:
    """What each load the writers start is given (a pipe, or the lines themselves)."""
    sources: list[Path | bytes] = []
    real = bulk._load

    def counted(db: ox.Store, source: Path | bytes) -> None:
        sources.append(source)
        real(db, source)

    monkeypatch.setattr(bulk, "_load", counted)
    return sources


def test_streamed_writer_hands_a_corpus_to_loads_of_bounded_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _counting_loads(monkeypatch)
    db = ox.Store(str(tmp_path / "store"))
    writer = StreamedWriter.beside(db, tmp_path / "load.pipe", load_quads=3)
    assert writer is not None
    for start in range(0, 10, 2):  # whole lines, two at a time
        writer.add(b"".join(_lines(10, "http://example.org/g").splitlines(keepends=True)[start:start + 2]))
    writer.flush()
    assert len(db) == 10 and len(sources) == 3  # 4 lines, 4 lines, 2 lines
    assert writer.thread is None and writer.previous is None and not (tmp_path / "load.pipe").exists()


def test_streamed_writer_a_failed_earlier_load_stops_the_stream(tmp_path: Path) -> None:
    db = ox.Store(str(tmp_path / "store"))
    writer = StreamedWriter.beside(db, tmp_path / "load.pipe", load_quads=1)
    assert writer is not None
    writer.add(b"<http://example.org/s> not N-Quads .\n")
    with pytest.raises(SyntaxError, match="predicate"):
        # the first load's input ends at the next line, and the load fails while that one reads, or
        # before (it fails on reading the bad line): a later turn waits for it and raises its error
        for _ in range(1_000):
            writer.add(LINE)
        writer.flush()
    assert writer.thread is None and writer.previous is None and not (tmp_path / "load.pipe").exists()


def test_streamed_writer_a_load_that_failed_before_the_next_turn_stops_it(tmp_path: Path) -> None:
    db = ox.Store(str(tmp_path / "store"))
    writer = StreamedWriter.beside(db, tmp_path / "load.pipe", load_quads=1)
    assert writer is not None
    writer.add(b"<http://example.org/s> not N-Quads .\n")
    assert writer.thread is not None
    writer.thread.join()  # the loader fails on the bad line without waiting for the end of its input
    with pytest.raises(SyntaxError, match="predicate"):
        writer.add(LINE)
    assert writer.thread is None and writer.previous is None and not (tmp_path / "load.pipe").exists()


def test_spooled_writer_loads_in_loads_of_bounded_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _counting_loads(monkeypatch)
    monkeypatch.setattr(bulk, "LOAD_QUADS", 4)
    db = ox.Store(str(tmp_path / "store"))
    writer = SpooledWriter(db, tmp_path / "load.nq")
    writer.add(_lines(10, "http://example.org/g"))
    writer.flush()
    assert len(db) == 10 and [s.count(b"\n") for s in sources if isinstance(s, bytes)] == [4, 4, 2] and not (tmp_path / "load.nq").exists()
