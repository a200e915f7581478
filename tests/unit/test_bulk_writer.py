"""The streamed bulk writer ends its loader however the build stops."""
from __future__ import annotations

import threading
from pathlib import Path

import pyoxigraph as ox

from plangraph.api.storage.bulk import StreamedWriter

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
