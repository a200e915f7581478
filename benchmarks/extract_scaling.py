#!/usr/bin/env python3
"""Benchmark: extraction time against input size, for generated plans from 10 KB to 5 MB.

Each plan is a sample plan's header followed by its body repeated until the size is reached
(so the density of tasks, indicators and citations stays that of a real plan), plus a plan with
one long line of capitals and document numbers. Linear extraction shows a constant time per MB
down the "CPU s/MB" column (processor time: on a shared machine the wall clock mostly measures the
other processes).

With --build, each plan is also built end to end into a fresh store by `plangraph build` in its
own process (start-up, extraction, loading, inference): wall clock and processor time of the
whole command.

    python benchmarks/extract_scaling.py [--max-mb 5] [--build]
"""
from __future__ import annotations

import argparse
import gc
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from plangraph.extract.paths import SAMPLE_CORPUS_DIR
from plangraph.extract.pipeline import process_file

SIZES_KB = (10, 30, 100, 300, 1000, 3000, 4000, 5000)
SEED = SAMPLE_CORPUS_DIR / "003_200558a54b89550a.txt"


def generated_plan(size: int, long_line: bool = False) -> str:
    """A plan of about `size` bytes (UTF-8): the seed's header, then its body again and again."""
    head, sep, body = SEED.read_text(encoding="utf-8").partition("\nI. ")
    if long_line:
        line = "".join(f"QUYẾT ĐỊNH số {i}/QĐ-UBND CỦA ỦY BAN " for i in range(size // 40))
        return f"{head}\n{line}\n{sep}{body}"
    part = sep + body
    if len((head + part).encode("utf-8")) > size:  # smaller than one body: cut it at a line
        text = (head + part).encode("utf-8")[:size].decode("utf-8", "ignore")
        return text[:text.rfind("\n") + 1]
    parts, length, step = [head, part], len((head + part).encode("utf-8")), len(part.encode("utf-8"))
    while length + step // 2 < size:
        parts.append(part)
        length += step
    return "".join(parts)


def build_seconds(path: Path, store: Path) -> tuple[float, float]:
    """Wall clock and processor seconds of `plangraph build PATH --store STORE` in a new process."""
    shutil.rmtree(store, ignore_errors=True)
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([sys.executable, "-m", "plangraph.api.cli", "build", str(path), "--store", str(store),
                    "--max-file-size", str(path.stat().st_size // 1_000_000 + 1)],
                   check=True, capture_output=True)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(store, ignore_errors=True)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-mb", type=float, default=5.0, help="largest plan to generate (default 5 MB)")
    parser.add_argument("--out", default="/tmp/plangraph-scaling", help="folder for the generated files")
    parser.add_argument("--build", action="store_true", help="also build each plan end to end (slower)")
    args = parser.parse_args()
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    warm = folder / "warm.txt"
    warm.write_text(generated_plan(10_000), encoding="utf-8")
    process_file(warm)  # start-up (imports, tables, tokenizer) off the clock
    print(f"{'kind':<11}{'size KB':>9}{'wall s':>8}{'CPU s':>8}{'CPU s/MB':>10}{'tasks':>8}{'citations':>10}"
          + (f"{'build wall s':>14}{'build CPU s':>13}" if args.build else ""))
    for long_line in (False, True):
        for kb in SIZES_KB:
            if kb > args.max_mb * 1000 or (long_line and kb > 1000):
                continue
            path = folder / f"plan-{kb}{'-line' if long_line else ''}.txt"
            path.write_text(generated_plan(kb * 1000, long_line), encoding="utf-8")
            size = path.stat().st_size
            gc.collect()  # the previous plan's objects are gone before the clock starts
            started, cpu = time.perf_counter(), time.process_time()
            built = process_file(path, max_bytes=size + 1)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            row = (f"{'long line' if long_line else 'plan':<11}{size // 1000:>9}{seconds:>8.2f}{cpu:>8.2f}"
                   f"{cpu / (size / 1_000_000):>10.2f}{len(built.extraction.tasks):>8}"
                   f"{len(built.extraction.plan.citations):>10}")
            del built
            if args.build:
                wall, processor = build_seconds(path, folder / "store")
                row += f"{wall:>14.2f}{processor:>13.2f}"
            print(row, flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
