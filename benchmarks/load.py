#!/usr/bin/env python3
"""Benchmark: concurrent clients against the server, on a named query with a province and on /sparql.

For each corpus size, one `plangraph serve` over the cached store; for each target and each
number of clients (1, 8, 32), every client sends requests back to back for --seconds: requests
per second, p50 / p95 latency, errors (no answer or 5xx other than 503) and 503s (busy or time
limit). The ratio of 8 clients to 1 is printed from the same run.

    python benchmarks/load.py [--sizes 2000] [--clients 1,8,32] [--seconds 30] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import serve, store, summary  # noqa: E402

SPARQL = ("PREFIX plan: <https://w3id.org/plangraph/ontology#> "
          "SELECT ?task ?text WHERE { ?task plan:taskText ?text } LIMIT 10")


def targets(province: str) -> dict[str, tuple[str, dict[str, str]]]:
    return {
        "responsibilities?province_key": ("/queries/responsibilities", {"province_key": province, "format": "json"}),
        "sparql (10-row SELECT)": ("/sparql", {"query": SPARQL}),
    }


def hammer(url: str, path: str, params: dict[str, str], clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    counts = {"ok": 0, "busy": 0, "errors": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        with httpx.Client(timeout=60, headers={"Accept": "application/sparql-results+json, application/json"}) as http:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    status = http.get(f"{url}{path}", params=params).status_code
                except httpx.HTTPError:
                    status = 0
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    counts["ok" if status == 200 else "busy" if status == 503 else "errors"] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {"clients": clients, "seconds": elapsed, "requests": len(latencies),
            "req_per_s": counts["ok"] / elapsed, **counts, **(summary(latencies) if latencies else {})}


def measure(work: Path, size: int, clients: list[int], seconds: float, province: str) -> dict[str, Any]:
    server = serve(store(work, size))
    result: dict[str, Any] = {"size": size, "ready_seconds": server.ready_seconds, "targets": {}}
    peak = server.rss_mb()
    try:
        for name, (path, params) in targets(province).items():
            rows = httpx.get(f"{server.url}{path}", params=params, timeout=120,
                             headers={"Accept": "application/sparql-results+json, application/json"})
            result["targets"][name] = {"status": rows.status_code, "runs": []}
            for count in clients:
                result["targets"][name]["runs"].append(hammer(server.url, path, params, count, seconds))
                peak = max(peak, server.rss_mb())
    finally:
        server.stop()
    result["rss_mb_peak"] = peak
    return result


def report(result: dict[str, Any]) -> None:
    print(f"\n{result['size']} plans (serve ready in {result['ready_seconds']:.1f} s, peak RSS "
          f"{result['rss_mb_peak']:.0f} MiB)")
    print(f"{'target':32} {'clients':>7} {'req/s':>8} {'p50 s':>7} {'p95 s':>7} {'ok':>6} {'503':>5} {'errors':>6}")
    for name, target in result["targets"].items():
        runs = target["runs"]
        for run in runs:
            print(f"{name:32} {run['clients']:7d} {run['req_per_s']:8.1f} {run.get('p50', 0):7.3f} "
                  f"{run.get('p95', 0):7.3f} {run['ok']:6d} {run['busy']:5d} {run['errors']:6d}")
        one = next((r for r in runs if r["clients"] == 1), None)
        for run in runs:
            if one and run is not one and one["req_per_s"]:
                print(f"{'':32} {run['clients']:>3} vs 1 clients: {run['req_per_s'] / one['req_per_s']:.2f}x req/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000", help="corpus sizes in plans (default 2000)")
    parser.add_argument("--clients", default="1,8,32", help="numbers of concurrent clients (default 1,8,32)")
    parser.add_argument("--seconds", type=float, default=30.0, help="seconds per run (default 30)")
    parser.add_argument("--province", default="lai chau", help="province_key of the named query")
    parser.add_argument("--work", type=Path, default=Path("/tmp/plangraph-bench"), help="corpora and stores")
    parser.add_argument("--out", type=Path, default=Path("load.json"), help="JSON result")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",") if s):
        results.append(measure(args.work, size, [int(c) for c in args.clients.split(",")], args.seconds,
                               args.province))
        report(results[-1])
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
