#!/usr/bin/env python3
"""Benchmark: every named query at growing corpus sizes, via the CLI and over HTTP, with rdflib as anchor.

For each size (generated plans, built once and cached under --work):
- `serve` start-up: seconds until /health answers and the server's resident memory (all processes);
- every named query (with its header's example parameters) over HTTP, `--rounds` times: p50 and
  p95 wall-clock, rows returned (cut at the server's row limit), and whether rows repeat;
- the same through `plangraph query NAME --store DIR` (one process per run, start-up included);
- at the --rdflib sizes, the same query text on an rdflib Dataset holding the same graphs (the
  document graphs, whose union is the default graph there), run once in a child process with a
  time cap: the ratio rdflib / Oxigraph-in-process is measured in this run, in wall-clock and in CPU
  seconds (on a shared machine the two sides run under different loads; CPU time does not see them).

    python benchmarks/query_scaling.py [--sizes 50,500,2000] [--rdflib 50,500] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import PLANGRAPH, ROOT, serve, store, summary  # noqa: E402

from plangraph.api.query.catalog import NamedQuery, load_all  # noqa: E402
import pyoxigraph as ox  # noqa: E402

from plangraph.api.storage.store import OxigraphStore, to_ox  # noqa: E402

SHARED_SUFFIXES = ("/graph/facts",)


def example(query: NamedQuery) -> dict[str, str]:
    return dict(query.example)


def over_http(url: str, query: NamedQuery, rounds: int) -> dict[str, Any]:
    seconds: list[float] = []
    rows = repeats = 0
    status = 0
    with httpx.Client(timeout=120) as client:
        for _ in range(rounds):
            started = time.perf_counter()
            response = client.get(f"{url}/queries/{query.name}", params={**example(query), "format": "json"})
            seconds.append(time.perf_counter() - started)
            status = response.status_code
            if status == 200:
                body = response.json()
                rows = body["row_count"]
                repeats = rows - len({json.dumps(r, sort_keys=True) for r in body["rows"]})
    return {**summary(seconds), "status": status, "rows": rows, "repeated_rows": repeats}


def via_cli(store_dir: Path, query: NamedQuery, rounds: int) -> dict[str, Any]:
    seconds: list[float] = []
    rows = 0
    params = [a for k, v in example(query).items() for a in ("--param", f"{k}={v}")]
    for _ in range(rounds):
        started = time.perf_counter()
        done = subprocess.run([*PLANGRAPH, "query", query.name, "--store", str(store_dir), "--format", "csv",
                               *params], cwd=ROOT, capture_output=True, text=True)
        seconds.append(time.perf_counter() - started)
        rows = max(0, len(done.stdout.splitlines()) - 1) if done.returncode == 0 else -1
    return {**summary(seconds), "rows": rows}


def in_process(store_dir: Path, queries: dict[str, NamedQuery], rounds: int) -> dict[str, tuple[float, float]]:
    """Oxigraph on the same store in this process, every row read: the engine side of the rdflib
    ratio (median wall-clock and CPU seconds); rdflib's side reads every row too."""
    store = OxigraphStore.open_existing(store_dir)
    out = {}
    for name, query in queries.items():
        substitutions = {ox.Variable(k): to_ox(v) for k, v in query.bind(_folded(query)).items()}
        seconds, cpu = [], []
        for _ in range(rounds):
            started, started_cpu = time.perf_counter(), time.process_time()
            for _ in store.db.query(query.text, substitutions=substitutions or None, **store.dataset()):  # type: ignore[arg-type]
                pass
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        out[name] = (statistics.median(seconds), statistics.median(cpu))
    return out


def _folded(query: NamedQuery) -> dict[str, str]:
    from plangraph.api.web.named import fold_key
    return {k: fold_key(v) if k.endswith("_key") else v for k, v in example(query).items()}


def _rdflib_child(store_dir: str, names: list[str], conn: Any) -> None:
    """Load the document graphs and the shared graphs (not the facts graph) into rdflib, then time each query."""
    import pyoxigraph as ox
    from rdflib import Dataset
    from rdflib.plugins.sparql import prepareQuery

    from plangraph.api.storage.store import from_ox
    started = time.perf_counter()
    source = ox.Store.read_only(str(Path(store_dir) / "oxigraph"))
    dataset = Dataset(default_union=True)
    for graph in source.named_graphs():
        if graph.value.endswith(SHARED_SUFFIXES):
            continue
        target = dataset.graph(from_ox(graph))  # type: ignore[arg-type]
        for quad in source.quads_for_pattern(None, None, None, graph):
            target.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))  # type: ignore[arg-type]
    conn.send(("loaded", time.perf_counter() - started))
    queries = load_all()
    for name in names:
        query = queries[name]
        prepared = prepareQuery(query.text)
        started, started_cpu = time.perf_counter(), time.process_time()
        rows = len(list(dataset.query(prepared, initBindings=query.bind(_folded(query)))))
        conn.send((name, time.perf_counter() - started, rows, time.process_time() - started_cpu))
    conn.send(("done", 0.0))


def with_rdflib(store_dir: Path, names: list[str], cap: float) -> tuple[float, dict[str, dict[str, Any]]]:
    """Seconds per query on rdflib (a lower bound, marked capped, when it ran past `cap`)."""
    results: dict[str, dict[str, Any]] = {}
    load = 0.0
    todo = list(names)
    while todo:
        parent, child = mp.Pipe()
        process = mp.get_context("fork").Process(target=_rdflib_child, args=(str(store_dir), todo, child))
        process.start()
        _, load = parent.recv()
        for name in list(todo):
            if not parent.poll(cap):
                results[name] = {"seconds": cap, "cpu_seconds": cap, "capped": True, "rows": None}
                todo.remove(name)
                process.kill()
                break
            _, seconds, rows, cpu = parent.recv()
            results[name] = {"seconds": seconds, "cpu_seconds": cpu, "capped": False, "rows": rows}
            todo.remove(name)
        else:
            process.kill()
        process.join()
    return load, results


def measure(work: Path, size: int, rounds: int, cli_rounds: int, rdflib: bool, cap: float) -> dict[str, Any]:
    store_dir = store(work, size)
    queries = load_all()
    server = serve(store_dir)
    result: dict[str, Any] = {"size": size, "ready_seconds": server.ready_seconds,
                              "rss_mb_ready": server.rss_mb(), "queries": {}}
    try:
        for name, query in sorted(queries.items()):
            result["queries"][name] = {"http": over_http(server.url, query, rounds)}
        result["rss_mb_after"] = server.rss_mb()
    finally:
        server.stop()
    for name, query in sorted(queries.items()):
        result["queries"][name]["cli"] = via_cli(store_dir, query, cli_rounds)
    engine = in_process(store_dir, queries, max(1, rounds // 2))
    for name, (seconds, cpu) in engine.items():
        result["queries"][name]["oxigraph_seconds"] = seconds
        result["queries"][name]["oxigraph_cpu_seconds"] = cpu
    if rdflib:
        load, anchor = with_rdflib(store_dir, sorted(queries), cap)
        result["rdflib_load_seconds"] = load
        for name, timing in anchor.items():
            entry = result["queries"][name]
            entry["rdflib"] = timing
            entry["rdflib_ratio"] = timing["seconds"] / max(entry["oxigraph_seconds"], 1e-6)
            # CPU seconds: on a shared machine the two sides run at different times under different load
            entry["rdflib_cpu_ratio"] = timing["cpu_seconds"] / max(entry["oxigraph_cpu_seconds"], 1e-6)
    return result


def report(result: dict[str, Any]) -> None:
    print(f"\n{result['size']} plans: serve ready in {result['ready_seconds']:.1f} s, "
          f"RSS {result['rss_mb_ready']:.0f} MiB at start, {result.get('rss_mb_after', 0):.0f} MiB after the queries")
    print(f"{'query':22} {'http p50':>9} {'p95':>7} {'rows':>6} {'rep':>4} {'cli p50':>8} {'oxi':>7} {'rdflib':>9} {'ratio':>7}"
          f" {'oxi cpu':>8} {'rdf cpu':>8} {'cpu ratio':>9}")
    for name, entry in result["queries"].items():
        http, cli = entry["http"], entry["cli"]
        anchor = entry.get("rdflib")
        rdf = f"{'>' if anchor and anchor['capped'] else ''}{anchor['seconds']:.2f}" if anchor else ""
        ratio = f"{'>' if anchor and anchor['capped'] else ''}{entry['rdflib_ratio']:.0f}x" if anchor else ""
        rdf_cpu = f"{'>' if anchor and anchor['capped'] else ''}{anchor['cpu_seconds']:.2f}" if anchor else ""
        cpu_ratio = f"{'>' if anchor and anchor['capped'] else ''}{entry['rdflib_cpu_ratio']:.0f}x" if anchor else ""
        status = "" if http["status"] == 200 else f" [{http['status']}]"
        print(f"{name:22} {http['p50']:9.3f} {http['p95']:7.3f} {http['rows']:6d} {http['repeated_rows']:4d} "
              f"{cli['p50']:8.2f} {entry['oxigraph_seconds']:7.3f} {rdf:>9} {ratio:>7} "
              f"{entry['oxigraph_cpu_seconds']:8.3f} {rdf_cpu:>8} {cpu_ratio:>9}{status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,500,2000", help="corpus sizes in plans (default 50,500,2000)")
    parser.add_argument("--rdflib", default="50,500", help="sizes at which rdflib runs the same queries")
    parser.add_argument("--work", type=Path, default=Path("/tmp/plangraph-bench"), help="corpora and stores")
    parser.add_argument("--rounds", type=int, default=7, help="HTTP requests per query (default 7)")
    parser.add_argument("--cli-rounds", type=int, default=2, help="CLI runs per query (default 2)")
    parser.add_argument("--rdflib-cap", type=float, default=120.0, help="seconds before an rdflib query is stopped")
    parser.add_argument("--out", type=Path, default=Path("query_scaling.json"), help="JSON result")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    anchors = {int(s) for s in args.rdflib.split(",") if s}
    results = []
    for size in sizes:
        results.append(measure(args.work, size, args.rounds, args.cli_rounds, size in anchors, args.rdflib_cap))
        report(results[-1])
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(f"\ngrowth {first['size']} -> {last['size']} plans (HTTP p50 ratio):")
        for name in first["queries"]:
            a, b = first["queries"][name]["http"]["p50"], last["queries"][name]["http"]["p50"]
            print(f"  {name:22} {b / max(a, 1e-6):6.1f}x")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
