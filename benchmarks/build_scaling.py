#!/usr/bin/env python3
"""Benchmark: building stores from generated corpora of 50, 500 and 2,000 plans.

For each size: a fresh build with one worker and with two (plans per second end to end, peak
memory of the whole process tree, store size on disk with the kept originals, quads, bytes per quad of the database), then adding 10
new plans to each store, and building the same texts again (nothing changed: should cost little).
Ratios are measured in the same run. Corpora come from `../shared/bench/gen_corpus.py`, run from
the project root, and are kept in the work folder for the next run.

    python benchmarks/build_scaling.py [--sizes 50,500,2000] [--work /tmp/plangraph-build-scaling]
                                       [--out benchmarks/results/build_scaling.json]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
EXTRA = 10
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants, read from /proc."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return found


def _rss(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


class Run:
    """One command run to its end: wall time, peak summed RSS of its process tree (sampled),
    and the largest single process's peak RSS (from the kernel's accounting)."""

    def __init__(self, command: list[str]) -> None:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.peak_tree = 0
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                self.peak_tree = max(self.peak_tree, _rss(_tree(process.pid)))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = process.communicate()
        done.set()
        sampler.join()
        self.seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        after = usage.ru_maxrss
        self.cpu_seconds = usage.ru_utime + usage.ru_stime - cpu  # all processes of the run: less sensitive to load
        self.peak_single = after * 1024 if after > before else 0  # 0: not above an earlier run's
        self.returncode = process.returncode
        self.stderr = err.decode("utf-8", "replace")
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{self.stderr[-2000:]}")


def _corpus(work: Path, size: int, start: int = 0) -> Path:
    folder = work / (f"corpus-{size}" if start == 0 else f"extra-{start}-{size}")
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, str(GENERATOR), str(size), str(folder), "--start", str(start)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return folder


def _disk(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _quads(store: Path) -> int:
    return int(json.loads((store / "plangraph.json").read_text(encoding="utf-8"))["triples"])


def _build(plangraph: str, corpus: Path, store: Path, workers: int) -> Run:
    return Run([plangraph, "build", str(corpus), "--store", str(store), "--workers", str(workers)])


def measure(size: int, work: Path, plangraph: str) -> dict[str, object]:
    corpus = _corpus(work, size)
    extra = _corpus(work, EXTRA, start=size)
    result: dict[str, object] = {"plans": size}
    for workers in (1, 2):
        store = work / f"store-{size}-w{workers}"
        shutil.rmtree(store, ignore_errors=True)
        fresh = _build(plangraph, corpus, store, workers)
        disk, database, quads = _disk(store), _disk(store / "oxigraph"), _quads(store)
        add = _build(plangraph, extra, store, workers)
        again = _build(plangraph, corpus, store, workers)
        result[f"workers_{workers}"] = {
            "fresh_seconds": round(fresh.seconds, 2), "fresh_cpu_seconds": round(fresh.cpu_seconds, 1), "plans_per_second": round(size / fresh.seconds, 2),
            "peak_rss_tree_mib": round(fresh.peak_tree / 2**20), "peak_rss_process_mib": round(fresh.peak_single / 2**20),
            "store_bytes": disk, "database_bytes": database, "quads": quads,
            "bytes_per_quad": round(database / quads, 1), "store_bytes_per_quad": round(disk / quads, 1),
            "add_10_seconds": round(add.seconds, 2), "add_10_cpu_seconds": round(add.cpu_seconds, 2), "add_10_peak_rss_tree_mib": round(add.peak_tree / 2**20),
            "rebuild_unchanged_seconds": round(again.seconds, 2), "rebuild_unchanged_cpu_seconds": round(again.cpu_seconds, 2),
            "store_bytes_after": _disk(store), "database_bytes_after": _disk(store / "oxigraph"),
            "quads_after": _quads(store)}
        shutil.rmtree(store, ignore_errors=True)
        print(f"  {size} plans, {workers} worker(s): {result[f'workers_{workers}']}", file=sys.stderr, flush=True)
    one, two = result["workers_1"], result["workers_2"]
    assert isinstance(one, dict) and isinstance(two, dict)
    result["speedup_2_over_1"] = round(two["plans_per_second"] / one["plans_per_second"], 2)
    return result


def _table(results: list[dict[str, object]]) -> str:
    head = ("plans", "workers", "plans/s", "CPU s", "peak RSS MiB", "store MB", "quads", "B/quad (database)",
            "add 10 s (CPU s)", "same again s (CPU s)")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        for workers in (1, 2):
            w = r[f"workers_{workers}"]
            assert isinstance(w, dict)
            lines.append(f"| {r['plans']} | {workers} | {w['plans_per_second']} | {w['fresh_cpu_seconds']} | "
                         f"{w['peak_rss_tree_mib']} | {w['store_bytes'] / 1e6:.0f} | {w['quads']} | {w['bytes_per_quad']} | "
                         f"{w['add_10_seconds']} ({w['add_10_cpu_seconds']}) | "
                         f"{w['rebuild_unchanged_seconds']} ({w['rebuild_unchanged_cpu_seconds']}) |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,500,2000", help="corpus sizes, comma-separated (default 50,500,2000)")
    parser.add_argument("--work", default="/tmp/plangraph-build-scaling", help="folder for corpora and stores")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "build_scaling.json"))
    parser.add_argument("--plangraph", default=str(Path(sys.executable).parent / "plangraph"),
                        help="the plangraph command to measure (default: beside this Python)")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results = []
    for size in sizes:
        results.append(measure(size, work, args.plangraph))
    print(_table(results))
    for r in results:
        print(f"{r['plans']} plans: 2 workers / 1 worker = {r['speedup_2_over_1']}x")
    if len(results) > 1:
        first, last = results[0], results[-1]
        w1, wl = first["workers_2"], last["workers_2"]
        assert isinstance(w1, dict) and isinstance(wl, dict)
        grow = int(str(last["plans"])) / int(str(first["plans"]))
        print(f"{first['plans']} -> {last['plans']} plans ({grow:.0f}x): peak RSS x{wl['peak_rss_tree_mib'] / max(1, w1['peak_rss_tree_mib']):.2f}, "
              f"add 10 plans x{wl['add_10_seconds'] / w1['add_10_seconds']:.2f}, "
              f"plans/s x{wl['plans_per_second'] / w1['plans_per_second']:.2f}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"measured": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
                               "results": results}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
