#!/usr/bin/env python3
"""Benchmark: extraction time per plan after start-up (target: under 100 ms per plan).

Each plan is processed as `plangraph build` processes a file (`process_file`: read, decode,
normalize, outline, find the facts, write the graph). Start-up (imports, loading the cue tables
and spaCy) is paid once before the clock starts, by processing every text once; then each set of
texts is processed several rounds in one process. A set is a folder of .txt files: the five
sample plans and, when they sit beside the repository, the real plans (`../shared/real/texts`,
whole plans) and plan beginnings (`../shared/real/headers`).

Per set it prints the time per plan (a round's time over its plans), best and median round, as
wall-clock time and as the process's CPU time: on a shared, loaded machine the wall clock also
counts time spent waiting for a core, the CPU time does not. Then the ratio to the target and the
slowest plan. A text the pipeline refuses is timed as well (its refusal is its result).

`--save FILE` keeps the figures as JSON; `--baseline FILE` prints, per set, how many times faster
this run is than the saved one (run the two versions back to back, under the same load).

    python benchmarks/extract_seeds.py [FOLDER ...] [--rounds 7] [--save FILE] [--baseline FILE]
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from plangraph.extract.errors import InputError
from plangraph.extract.paths import ROOT, SAMPLE_CORPUS_DIR
from plangraph.extract.pipeline import process_file

TARGET_MS = 100.0
REAL = ROOT.parent / "shared" / "real"
DEFAULT_SETS = (SAMPLE_CORPUS_DIR, REAL / "texts", REAL / "headers")


@dataclass(frozen=True)
class Figures:
    """Milliseconds per plan over a set's rounds, and the slowest plan (its best CPU time)."""

    plans: int
    facts: int
    refused: int
    wall_best: float
    wall_median: float
    cpu_best: float
    cpu_median: float
    slowest: str
    slowest_cpu: float


def _process(path: Path) -> int:
    """Facts found in one text (tasks, indicators, budget lines); -1 when it is refused."""
    try:
        found = process_file(path).extraction
    except InputError:
        return -1
    return len(found.tasks) + len(found.indicators) + len(found.budget)


def measure(paths: list[Path], rounds: int) -> Figures:
    walls: list[float] = []
    cpus: list[float] = []
    per_plan: dict[str, float] = {}
    facts = refused = 0
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        facts = refused = 0
        for path in paths:
            plan_cpu = time.process_time()
            found = _process(path)
            elapsed = time.process_time() - plan_cpu
            per_plan[path.name] = min(elapsed, per_plan.get(path.name, elapsed))
            facts += max(found, 0)
            refused += found < 0
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    slowest = max(per_plan, key=lambda name: per_plan[name])
    per = 1000 / len(paths)
    return Figures(len(paths), facts, refused, per * min(walls), per * statistics.median(walls),
                   per * min(cpus), per * statistics.median(cpus), slowest, 1000 * per_plan[slowest])


def report(name: str, figures: Figures, baseline: dict[str, dict[str, float]] | None) -> None:
    f = figures
    print(f"{name}/ ({f.plans} plans, {f.facts} tasks, indicators and budget lines, {f.refused} refused)")
    print(f"  ms per plan   wall: best {f.wall_best:6.1f}  median {f.wall_median:6.1f}   "
          f"cpu: best {f.cpu_best:6.1f}  median {f.cpu_median:6.1f}")
    print(f"  ratio to target ({TARGET_MS:.0f} ms): wall best {f.wall_best / TARGET_MS:.2f}, "
          f"median {f.wall_median / TARGET_MS:.2f}; cpu best {f.cpu_best / TARGET_MS:.2f}, "
          f"median {f.cpu_median / TARGET_MS:.2f}; slowest {f.slowest} {f.slowest_cpu:.1f} ms cpu")
    before = (baseline or {}).get(name)
    if before:
        ratios = ", ".join(f"{key.replace('_', ' ')} {before[key] / getattr(f, key):.2f}x"
                           for key in ("wall_best", "wall_median", "cpu_best", "cpu_median"))
        print(f"  faster than the baseline: {ratios}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="folders of plan texts (default: samples and real sets)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--baseline", type=Path, help="JSON figures of an earlier run to compare with")
    args = parser.parse_args()
    folders = args.folders or [f for f in DEFAULT_SETS if f.is_dir()]
    sets = [(folder.name, sorted(folder.glob("*.txt"))) for folder in folders]
    sets = [(name, paths) for name, paths in sets if paths]
    if not sets:
        raise SystemExit("no plan texts found")
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    started = time.perf_counter()
    for _, paths in sets:
        for path in paths:
            _process(path)
    print(f"start-up and one pass over every text: {time.perf_counter() - started:.2f} s")
    print(f"target: {TARGET_MS:.0f} ms per plan after start-up; {args.rounds} rounds per set")
    results = {}
    for name, paths in sets:
        results[name] = measure(paths, args.rounds)
        report(name, results[name], baseline)
    if args.save:
        args.save.write_text(json.dumps({k: asdict(v) for k, v in results.items()}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
