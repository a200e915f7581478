"""Chains the stages for plan files; the only extraction module that touches files."""
from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
import ctypes
import multiprocessing
import os
import signal
import sys
import unicodedata
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from plangraph.extract import iris, ntriples
from plangraph.extract.infer import Rules, entailed
from plangraph.extract.iris import document_inferred_graph_iri
from plangraph.extract.paths import ONTOLOGY_DIR, PATTERNS_DIR

from plangraph.extract.errors import InputError
from plangraph.extract.facts import Extraction
from plangraph.extract.find import find_facts
from plangraph.extract.metadata import has_plan_header
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import has_plan_structure, outline
from plangraph.extract.readers import Reading, read
from plangraph.extract.tables import find_tables, table_spans
from plangraph.extract.to_rdf import Source, Triple, graph_of, plan_iri_of, to_triples
from plangraph.extract.vocab import PLAN

TEXT_SUFFIXES = (".txt", ".text", ".md")
# what a folder's files may be; each file's format is then told by its bytes (.doc gets advice)
READ_SUFFIXES = TEXT_SUFFIXES + (".pdf", ".docx", ".html", ".htm", ".doc")
_NO_STRUCTURE = "no Roman-numbered parts (I., II., …), articles (Điều 1) or numbered parts (1., 2., 3.)"
NO_OUTLINE_WARNING = "plan header found but no plan structure (" + _NO_STRUCTURE + "); only its header was read"
MAX_FILE_BYTES = 10_000_000  # default limit per file; the build's --max-file-size changes it
_NOT_PLANS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES"})
_PR_SET_PDEATHSIG = 1
_POOL_FROM = 12  # files; fewer are quicker in one process than the pool's start-up
_AHEAD = 16  # files handed to the pool per worker ahead of the one being stored


@dataclass(frozen=True)
class Built:
    """One source text turned into its named graph."""

    file_name: str
    graph_iri: URIRef
    plan_iri: URIRef
    triples: tuple[Triple, ...]  # the graph's triples as written (a triple may repeat)
    extraction: Extraction
    source_path: str = ""  # path relative to the build's root: the document's key in the store
    location: str = ""  # SHA-256 of the file's absolute path: the same file built from another root

    @property
    def graph(self) -> Graph:
        """The named graph as an rdflib graph (made at each call: a build only needs its lines)."""
        return graph_of(self.triples)


@dataclass(frozen=True)
class Compact:
    """One source text as a store takes it: its graph and its inferred triples as N-Quads bytes
    (a few hundred kB, where a pickled rdflib graph is megabytes and slow to send between processes),
    and the same triples as N-Quads of the facts graph."""

    file_name: str
    graph_iri: str
    plan_iri: str
    source_path: str
    location: str
    warnings: tuple[str, ...]
    nquads: bytes
    quads: int
    facts: bytes = b""


def compact(built: Built, rules: Rules) -> Compact:
    """A built document with the triples the rules infer from it alone, ready for the bulk loader;
    both also go to the store's facts graph (the merge of every graph: a triple loaded twice is
    stored once), so that the store need not read them back to merge them."""
    own = ntriples.bodies(built.triples)
    derived = ntriples.bodies(entailed(built.triples, rules))
    name = str(built.graph_iri)
    data = ntriples.nquads(own, name) + ntriples.nquads(derived, str(document_inferred_graph_iri(name)))
    return Compact(built.file_name, name, str(built.plan_iri), built.source_path, built.location,
                   built.extraction.warnings, data, len(own) + len(derived),
                   ntriples.nquads(own + derived, str(iris.facts_graph_iri())))


def shown(path: Path) -> str:
    """A path as it can be printed: bytes of a name that is not UTF-8 appear as \\xNN escapes."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def file_name(path: Path) -> str:
    """A file's name as text: names that are not UTF-8 are read as Windows-1258 (Vietnamese Windows)."""
    raw = path.name.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return unicodedata.normalize("NFC", raw.decode("cp1258", "backslashreplace"))


def _ignored(entry: Path) -> str | None:
    """Why a folder's entry is not read as a plan text, or None when it is."""
    if entry.name.startswith("."):
        return "a hidden file"
    if entry.is_dir():
        return "a folder (folders inside folders are not read)"
    if not entry.is_file():
        return "not a regular file"
    if entry.suffix.lower() not in READ_SUFFIXES:
        return f"not a plan file ({', '.join(READ_SUFFIXES[:-1])})"
    if entry.stem.upper() in _NOT_PLANS:
        return "a project file, not a plan"
    return None


def collect(paths: Iterable[Path], notices: list[str] | None = None) -> list[Path]:
    """Files to read: files as given, folders' plan texts (sorted); missing paths are an error.

    What a folder holds besides plan texts (hidden files, images, README.md, subfolders) is left
    out, with a line in `notices` for each.
    """
    found: list[Path] = []
    for path in paths:
        try:
            if path.is_dir():
                for entry in sorted(path.iterdir()):
                    reason = _ignored(entry)
                    if reason is None:
                        found.append(entry)
                    elif notices is not None:
                        notices.append(f"{shown(entry)}: {reason}")
            elif path.is_file():
                found.append(path)
            elif path.exists():
                raise InputError(shown(path), "not a file or a folder")
            else:
                raise InputError(shown(path), "no such file or folder")
        except OSError as exc:
            raise InputError(shown(path), f"cannot read it: {exc.strerror or exc}") from exc
    if not found:
        raise InputError(", ".join(shown(p) for p in paths), "no plan files (.txt, .pdf, .docx, .html) found")
    return found


def process_text(original: str, file_name: str, sha256: str, media_type: str = "text/plain",
                 location: str | None = None, source_path: str | None = None,
                 reading: Reading | None = None) -> Built:
    """Pure: a decoded text to its graph. Raises InputError (at `location`, default the file name)
    when it has no plan structure."""
    clean = normalize(original)
    tables = find_tables(clean.text)
    root = outline(clean.text, skip=table_spans(tables))
    warnings: tuple[str, ...] = ()
    if not has_plan_structure(root):
        if not has_plan_header(clean.text):
            raise InputError(location or file_name, "no plan structure: " + _NO_STRUCTURE)
        warnings = (NO_OUTLINE_WARNING,)  # a plan's header: built from what can be read
    extraction = replace(find_facts(clean.text, root, tables), warnings=warnings)
    source = Source(file_name, sha256, reading.media_type if reading else media_type, original,
                    source_path or file_name, converted=reading is not None and reading.is_converted,
                    ocr_confidence=reading.ocr_confidence if reading else None)
    graph_iri, triples = to_triples(extraction, clean, source)
    return Built(file_name, graph_iri, plan_iri_of(extraction), tuple(triples), extraction, source_path or file_name)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: extraction makes millions of small objects and
    collecting them generation by generation made large plans superlinear."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_root(paths: Iterable[Path]) -> Path:
    """The folder documents are keyed from: the deepest folder holding every given folder and file."""
    bases = [str(p.resolve() if p.is_dir() else p.resolve().parent) for p in paths]
    return Path(os.path.commonpath(bases)) if bases else Path.cwd()


def source_path(path: Path, root: Path | None) -> str:
    """A file's key: its path from `root` with / (`x/plan.txt`), or its name."""
    if root is not None:
        try:
            parts = path.resolve().relative_to(root).parts
            return "/".join(parts[:-1] + (file_name(path),))
        except ValueError:
            pass
    return file_name(path)


def location_of(path: Path) -> str:
    """SHA-256 of a file's absolute path: the same file, whichever folder it is built from."""
    return hashlib.sha256(os.fsencode(path.resolve())).hexdigest()


def fingerprint() -> str:
    """A digest of everything that shapes a text's graph (extraction code, cue tables, ontology,
    base IRI): a store built with the same fingerprint need not extract an unchanged text again."""
    digest = hashlib.sha256(iris.base_iri().encode("utf-8"))
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *PATTERNS_DIR.glob("*.tsv"), *ONTOLOGY_DIR.glob("*.ttl")]):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def process_file(path: Path, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None, ocr: bool = False) -> Built:
    """Read, decode and extract one file; a file over `max_bytes` is refused before it is read.
    Its format (text, PDF, Word, web page) is told by its bytes; `ocr` reads scanned PDFs.

    Every failure is an InputError naming the file: unreadable, too large, not text, no plan, or
    a text the extraction cannot handle (headings nested too deep, a paragraph too long).
    """
    where = shown(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(where, f"the file is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)} "
                                    "per file (raise it with --max-file-size MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read the file: {exc.strerror or exc}") from exc
    try:
        reading = read(data, where, ocr=ocr)
    except InputError:
        raise
    except Exception as exc:  # a file its format's library cannot read is a refused file, never a traceback
        raise InputError(where, f"cannot read the file ({type(exc).__name__}: {str(exc)[:300]})") from exc
    try:
        with _no_cyclic_gc():
            built = process_text(reading.text, file_name(path), hashlib.sha256(data).hexdigest(), location=where,
                                 source_path=source_path(path, root), reading=reading)
            location = location_of(path)
            return replace(built, location=location,
                           triples=built.triples + ((built.graph_iri, PLAN.sourceLocation, Literal(location)),))
    except InputError:
        raise
    except RecursionError as exc:
        raise InputError(where, "its headings are nested too deeply to outline") from exc
    except MemoryError as exc:
        raise InputError(where, "not enough memory to extract it") from exc
    except Exception as exc:  # a text the rules cannot handle is a refused file, never a traceback
        raise InputError(where, _failure(exc)) from exc


def _failure(exc: Exception) -> str:
    text = str(exc)
    if "[E088]" in text:  # spaCy's limit on the length of one text
        return "one paragraph is over 1,000,000 characters, too long to read; split it into paragraphs"
    return f"extraction failed ({type(exc).__name__}: {text[:300]})"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size % 1_000_000 else f"{size // 1_000_000} MB"


def _try(path: Path, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None,
         ocr: bool = False) -> Built | InputError:
    try:
        return process_file(path, max_bytes, root, ocr)
    except InputError as error:
        return error


def _try_compact(path: Path, rules: Rules, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None,
                 ocr: bool = False) -> Compact | InputError:
    outcome = _try(path, max_bytes, root, ocr)
    if isinstance(outcome, InputError):
        return outcome
    with _no_cyclic_gc():  # as for extraction: a large plan's graph is millions of objects to walk
        return compact(outcome, rules)


def extract_stream(paths: list[Path], rules: Rules, workers: int = 1, max_bytes: int = MAX_FILE_BYTES,
                   root: Path | None = None,
                   ocr: bool = False) -> Generator[tuple[Path, Compact | InputError], None, None]:
    """Each file's compact result or its InputError, in the order given, as soon as it is ready.

    With workers > 1 the files go to a process pool a few at a time, so memory holds only the
    results not yet taken, whatever the number of files. Closing the generator ends the workers.
    """
    work = partial(_try_compact, rules=rules, max_bytes=max_bytes, root=root, ocr=ocr)
    if workers <= 1 or len(paths) < _POOL_FROM:
        for path in paths:
            yield path, work(path)
        return
    context = multiprocessing.get_context("spawn")  # a forked copy of a process holding store threads can stall
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_die_with_parent,
                               initargs=(os.getpid(),))
    pending: deque[tuple[Path, Future[Compact | InputError]]] = deque()
    waiting = iter(paths)
    try:
        for path in waiting:
            pending.append((path, pool.submit(work, path)))
            if len(pending) >= workers * _AHEAD:
                break
        while pending:
            path, future = pending.popleft()
            outcome = future.result()
            following = next(waiting, None)
            if following is not None:
                pending.append((following, pool.submit(work, following)))
            yield path, outcome
    except BaseException:  # interrupted (Ctrl-C, SIGTERM) or abandoned: no worker outlives the build
        _stop(pool)
        raise
    pool.shutdown()


def _die_with_parent(parent: int) -> None:
    """Pool worker start-up: ask Linux to end this worker when the build process dies."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the build died before that took effect
        os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)  # (shutdown forgets it)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
    # A worker ended while sending its result leaves half a message in the result pipe, and the
    # pool's manager thread (joined when the interpreter exits) would wait for the rest forever:
    # closing this process's writing end as well gives it an end of file instead.
    if results is not None:
        results._writer.close()


def process_all(paths: list[Path], workers: int = 1, skip_bad: bool = False,
                progress: Callable[[int, int, str], None] | None = None,
                max_bytes: int = MAX_FILE_BYTES, root: Path | None = None,
                ocr: bool = False) -> tuple[list[Built], list[InputError]]:
    """Process files in order (a process pool when workers > 1).

    A bad file raises its InputError, unless `skip_bad`: then it is left out and returned in
    the second list.
    """
    built: list[Built] = []
    errors: list[InputError] = []
    if workers > 1 and len(paths) >= _POOL_FROM:
        # spawn, not fork: a forked copy of a process holding store threads can stall
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_die_with_parent,
                                   initargs=(os.getpid(),))
        results = []
        try:
            for i, outcome in enumerate(pool.map(partial(_try, max_bytes=max_bytes, root=root, ocr=ocr), paths, chunksize=4), start=1):
                results.append(outcome)
                if progress:
                    progress(i, len(paths), paths[i - 1].name)
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): no worker outlives the build
            _stop(pool)
            raise
        pool.shutdown()
    else:
        results = []
        for i, path in enumerate(paths, start=1):
            results.append(_try(path, max_bytes, root, ocr))
            if progress:
                progress(i, len(paths), path.name)
    for outcome in results:
        if isinstance(outcome, InputError):
            if not skip_bad:
                raise outcome
            errors.append(outcome)
        else:
            built.append(outcome)
    return built, errors
