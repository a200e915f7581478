#!/usr/bin/env python3
"""Benchmark: extraction time per plan after start-up (target: under 100 ms per plan).

Start-up (imports, loading the cue tables) is done once before the clock starts, by extracting
one plan; then each set of texts is extracted, several rounds, in one process. A set is a folder
of .txt files: the five sample plans, and by default the real plans beside the repository
(`../shared/real/texts`, whole plans, and `../shared/real/headers`, plan beginnings) when they
exist. Prints, per set, the best and median round, the time per plan and its ratio to the target,
and the slowest plan. A text the pipeline refuses is timed as well (its refusal is its result).

    python benchmarks/extract_seeds.py [FOLDER ...] [--rounds 5]
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from pathlib import Path

from extract.decode import decode
from extract.errors import InputError
from extract.paths import ROOT, SAMPLE_CORPUS_DIR
from extract.pipeline import process_text

TARGET_MS = 100.0
REAL = ROOT.parent / "shared" / "real"
DEFAULT_SETS = (SAMPLE_CORPUS_DIR, REAL / "texts", REAL / "headers")

Text = tuple[str, str, str]  # file name, decoded text, sha256


def _load(folder: Path) -> list[Text]:
    texts = []
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        texts.append((path.name, decode(data, path.name), hashlib.sha256(data).hexdigest()))
    return texts


def _extract(text: Text) -> int:
    """Facts found in one text (tasks, indicators, budget lines); -1 when it is refused."""
    name, decoded, digest = text
    try:
        built = process_text(decoded, name, digest)
    except InputError:
        return -1
    found = built.extraction
    return len(found.tasks) + len(found.indicators) + len(found.budget)


def _measure(texts: list[Text], rounds: int) -> tuple[list[float], dict[str, float], int, int]:
    """Round times (s), best time per plan (s), facts found and texts refused."""
    round_times: list[float] = []
    per_plan: dict[str, float] = {}
    facts = refused = 0
    for _ in range(rounds):
        started = time.perf_counter()
        facts = refused = 0
        for text in texts:
            plan_started = time.perf_counter()
            found = _extract(text)
            elapsed = time.perf_counter() - plan_started
            per_plan[text[0]] = min(elapsed, per_plan.get(text[0], elapsed))
            facts += max(found, 0)
            refused += found < 0
        round_times.append(time.perf_counter() - started)
    return round_times, per_plan, facts, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="folders of plan texts (default: samples and real sets)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folders = args.folders or [f for f in DEFAULT_SETS if f.is_dir()]
    sets = [(folder, _load(folder)) for folder in folders]
    sets = [(folder, texts) for folder, texts in sets if texts]
    if not sets:
        raise SystemExit("no plan texts found")
    started = time.perf_counter()
    _extract(sets[0][1][0])
    print(f"start-up (first plan, imports and tables): {time.perf_counter() - started:.2f} s")
    print(f"target: {TARGET_MS:.0f} ms per plan after start-up; {args.rounds} rounds per set")
    for folder, texts in sets:
        rounds, per_plan, facts, refused = _measure(texts, args.rounds)
        best, median = min(rounds), statistics.median(rounds)
        per_best, per_median = 1000 * best / len(texts), 1000 * median / len(texts)
        slowest = max(per_plan, key=lambda name: per_plan[name])
        print(f"{folder.name}/ ({len(texts)} plans, {sum(len(t[1]) for t in texts) // 1000} k characters, "
              f"{facts} tasks, indicators and budget lines, {refused} refused): "
              f"best {best:.3f} s, median {median:.3f} s")
        print(f"  per plan: best {per_best:.1f} ms, median {per_median:.1f} ms; ratio to target: "
              f"best {per_best / TARGET_MS:.2f}, median {per_median / TARGET_MS:.2f}; "
              f"slowest {slowest} {1000 * per_plan[slowest]:.1f} ms")


if __name__ == "__main__":
    main()
