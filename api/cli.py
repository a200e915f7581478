"""The `plangraph` command: build, query, validate, serve. Exit codes: 0 ok, 1 not conforming, 2 bad input."""
from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import os
import signal
import sys
import threading
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from plangraph.api.storage.build import build
from plangraph.api.query.catalog import from_file, load_all
from plangraph.api.query.text_table import render
from plangraph.api.storage.remote import SparqlStore
from plangraph.api.storage.store import OxigraphStore, Rows, Store
from plangraph.extract.errors import PipelineError, QueryError
from plangraph.extract.normalize import strip_marks
from plangraph.extract.pipeline import MAX_FILE_BYTES

EXIT_OK, EXIT_NOT_CONFORMING, EXIT_BAD_INPUT = 0, 1, 2
QUERY_SUFFIXES = (".rq", ".sparql")


def _progress(stream: io.TextIOBase) -> object:
    """A progress printer for a terminal; None (quiet) when stderr is a pipe or a file."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, name: str) -> None:
        stream.write(f"\r[{done}/{total}] {name[:60]:<60}")
        if done == total:
            stream.write("\n")
        stream.flush()
    return show


def _remote(args: argparse.Namespace) -> SparqlStore:
    """The remote store named by --endpoint; credentials for loading come from the environment."""
    return SparqlStore(args.endpoint, graph_store_url=getattr(args, "graph_store", None),
                       user=os.environ.get("PLANGRAPH_ENDPOINT_USER"),
                       password=os.environ.get("PLANGRAPH_ENDPOINT_PASSWORD"))


def _store_options(p: argparse.ArgumentParser, loading: bool = False) -> None:
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", metavar="DIR", help="embedded store directory")
    where.add_argument("--endpoint", metavar="URL",
                       help="remote SPARQL 1.1 endpoint (user and password for loading: "
                            "PLANGRAPH_ENDPOINT_USER, PLANGRAPH_ENDPOINT_PASSWORD)")
    if loading:
        p.add_argument("--graph-store", metavar="URL",
                       help="Graph Store HTTP Protocol endpoint for loading (default: Virtuoso's, beside --endpoint)")


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds: the build's copy is removed and its workers ended


def cmd_build(args: argparse.Namespace) -> int:
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if in_main else None
    try:
        return _build(args)
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)


def _build(args: argparse.Namespace) -> int:
    if args.base:
        os.environ["PLANGRAPH_BASE"] = args.base  # read by every stage, also in the extraction processes
    report = build([Path(p) for p in args.paths], Path(args.store) if args.store else None,
                   skip_bad=args.skip_bad, workers=args.workers, progress=_progress(sys.stderr),  # type: ignore[arg-type]
                   remote=_remote(args) if args.endpoint else None,
                   max_bytes=int(args.max_file_size * 1_000_000), ocr=args.ocr)
    for notice in report.ignored:
        print(f"ignored {notice}", file=sys.stderr)
    for error in report.skipped:
        print(f"skipped {error}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if sys.stderr.isatty():
        print(f"stored {len(report.files)} documents of {report.plans} plans, {report.triples} triples "
              f"in {args.store or args.endpoint}", file=sys.stderr)
    return EXIT_OK


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    return str(term)


def _json_term(term: Node | None) -> object:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, Literal):
        out: dict[str, str] = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "bnode", "value": str(term)}


def format_rows(rows: Rows, fmt: str) -> str:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(rows.columns)
        for row in rows.rows:
            writer.writerow([_cell(row[c]) for c in rows.columns])
        return buffer.getvalue()
    if fmt == "json":
        bindings = [{c: _json_term(row[c]) for c in rows.columns if row[c] is not None} for row in rows.rows]
        return json.dumps({"head": {"vars": rows.columns}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return render(rows.columns, [[_cell(row[c]) for c in rows.columns] for row in rows.rows])
    raise QueryError("--format", f"{fmt} is for graphs; a SELECT query prints table, csv or json")


def cmd_query(args: argparse.Namespace) -> int:
    target = Path(args.name)
    query = from_file(target) if target.is_file() else None
    if query is None and target.suffix in QUERY_SUFFIXES:
        raise QueryError(args.name, "no such query file")
    if query is None:
        queries = load_all()
        if args.name not in queries:
            raise QueryError(args.name, f"no such query; known: {', '.join(sorted(queries))}")
        query = queries[args.name]
    values: dict[str, str] = {}
    for item in args.param or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise QueryError("--param", f"expected key=value, got {item!r}")
        values[key] = " ".join(strip_marks(value).split()) if key.endswith("_key") else value  # as the API folds it
    bindings = query.bind(values)
    store: Store = _remote(args) if args.endpoint else OxigraphStore.open_existing(Path(args.store))
    if query.form in ("CONSTRUCT", "DESCRIBE"):
        graph: Graph = store.construct(query.text, bindings)
        fmt = {"turtle": "turtle", "json": "json-ld", "csv": "nt", "table": "turtle"}[args.format]
        sys.stdout.write(graph.serialize(format=fmt))
    elif query.form == "ASK":
        sys.stdout.write(("true" if store.ask(query.text, bindings) else "false") + "\n")
    else:
        sys.stdout.write(format_rows(store.select(query.text, bindings), args.format))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from plangraph.api.storage.validate import validate_store  # the SHACL machinery loads only when asked for
    return validate_store(Path(args.store), args.format)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from plangraph.api.web.app import create_app
    from plangraph.api.settings import Settings, serving_base

    from plangraph.api.web.connections import HeaderTimeoutProtocol

    settings = replace(Settings.from_env(store=args.store, endpoint=args.endpoint, in_memory=args.in_memory),
                       served_host=args.host)
    base, note = serving_base(settings.store, args.host, args.port)
    os.environ["PLANGRAPH_BASE"] = base  # the pages and the query workers (started later) dereference this base
    url = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '') else args.host}:{args.port}"
    print(f"plangraph: serving {settings.store or settings.endpoint} at {url}/ "
          f"(SPARQL {url}/sparql, API docs {url}/docs); Ctrl+C stops", flush=True)
    if note:
        print(f"plangraph: note: {note}", file=sys.stderr, flush=True)
    protocol = type("Protocol", (HeaderTimeoutProtocol,), {"header_timeout": settings.header_timeout})
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning", http=protocol,
                timeout_keep_alive=5, timeout_graceful_shutdown=5, limit_concurrency=settings.max_connections,
                h11_max_incomplete_event_size=16 * 1024)
    return EXIT_OK


def _positive_megabytes(value: str) -> float:
    try:
        size = float(value)
    except ValueError:
        size = 0.0
    if not 0 < size < 1_000_000:
        raise argparse.ArgumentTypeError(f"expected a size in MB greater than 0, got {value!r}")
    return size


def _query_names() -> str:
    """The named queries with their parameters, for `plangraph query --help`."""
    try:
        queries = load_all()
    except PipelineError as exc:
        return f"named queries: cannot be listed ({exc})"
    lines = ["named queries (parameters: --param key=value; ? = optional):"]
    for query in queries.values():
        params = ", ".join(f"{k}{'?' if k in query.optional or k in query.defaults else ''}" for k in query.params)
        lines.append(f"  {query.name:<20} {query.summary}" + (f" [{params}]" if params else ""))
    lines.append("example: plangraph query tasks_by_agency --store store --param agency_key='so van hoa'")
    return "\n".join(lines)


def _base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise argparse.ArgumentTypeError(f"expected an http(s) URL such as http://127.0.0.1:8765, got {value!r}")
    return value.rstrip("/")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="plangraph",
        description="Turn Vietnamese provincial plans (Kế hoạch) into a queryable knowledge graph.")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="read plan files and store their validated graph",
                       description="Read plans (files or folders of .txt, .pdf, .docx, .html; each file's format is "
                                   "told by its content) and store one named graph per file. The store is "
                                   "replaced only when the whole build succeeds.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="plan files (.txt, .pdf, .docx, .html) or folders of them")
    _store_options(p, loading=True)
    p.add_argument("--skip-bad", action="store_true",
                   help="leave out files that are not plan text (reported on stderr) instead of refusing the batch")
    p.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)),
                   help="parallel extraction processes (default: up to 4)")
    p.add_argument("--base", type=_base_url, metavar="URL",
                   help="IRI base of the minted IRIs, e.g. http://127.0.0.1:8765 (default: PLANGRAPH_BASE, "
                        "else http://127.0.0.1:8000); serve the store at this address so its IRIs answer")
    p.add_argument("--max-file-size", type=_positive_megabytes, default=MAX_FILE_BYTES / 1_000_000, metavar="MB",
                   help=f"refuse plan files larger than this (default: {MAX_FILE_BYTES // 1_000_000} MB)")
    p.add_argument("--ocr", action="store_true",
                   help="read scanned PDFs (no text layer) with Tesseract OCR (needs tesseract-ocr and tesseract-ocr-vie)")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("query", help="run a named query or a .rq file",
                       description="Run a named query (see queries/) or a SPARQL file against the store.",
                       epilog=_query_names(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", metavar="NAME|FILE.rq",
                   help="a named query (listed below) or a path to a SPARQL file (a header of '#:' lines is optional)")
    _store_options(p)
    p.add_argument("--param", action="append", metavar="KEY=VALUE", help="query parameter (repeatable)")
    p.add_argument("--format", choices=["table", "csv", "json", "turtle"], default="table",
                   help="output format (default: table)")
    p.set_defaults(run=cmd_query)

    p = sub.add_parser("validate", help="check the stored graph with the SHACL shapes",
                       description="Check every plan in the store against shapes/; exit 1 on a Violation.")
    p.add_argument("--store", required=True, metavar="DIR", help="store directory")
    p.add_argument("--format", choices=["text", "json", "turtle"], default="text", help="report format")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("serve", help="serve the API, SPARQL endpoint and pages",
                       description="Serve the SPARQL endpoint, named-query API and pages.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--store", metavar="DIR", help="embedded store directory")
    source.add_argument("--endpoint", metavar="URL", help="remote SPARQL 1.1 endpoint")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    memory = p.add_mutually_exclusive_group()
    memory.add_argument("--in-memory", action="store_true",
                        help="give every query worker a copy of the store in memory (small stores only; "
                             "start-up and memory grow with the store)")
    memory.add_argument("--on-disk", action="store_true",
                        help="query workers share the store on disk, each opening it read-only (the default)")
    p.set_defaults(run=cmd_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except PipelineError as error:
        print(f"plangraph: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """The `plangraph` command: `main`, then an exit that leaves what is still alive (a large
    plan's remembered extraction results) out of the interpreter's last collection, which would
    walk it all (0.2 s after a 4 MB plan)."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
