#!/usr/bin/env python3
"""Benchmark: wall time to extract the five sample plans after start-up (target: under 2 s).

Start-up (imports, loading the cue tables and spaCy's tokenizer) is done once before the
clock starts, by extracting one plan; then all five are extracted, several rounds, in one
process. Prints the best and median round and their ratio to the target.
"""
from __future__ import annotations

import hashlib
import statistics
import time

from extract.decode import decode
from extract.paths import SAMPLE_CORPUS_DIR
from extract.pipeline import process_text

TARGET_SECONDS = 2.0
ROUNDS = 5


def main() -> None:
    files = sorted(SAMPLE_CORPUS_DIR.glob("*.txt"))
    texts = [(p.name, decode(p.read_bytes(), p.name), hashlib.sha256(p.read_bytes()).hexdigest()) for p in files]
    started = time.perf_counter()
    process_text(texts[0][1], texts[0][0], texts[0][2])
    startup = time.perf_counter() - started
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        facts = 0
        for name, text, digest in texts:
            built = process_text(text, name, digest)
            facts += len(built.extraction.tasks) + len(built.extraction.indicators)
        rounds.append(time.perf_counter() - started)
    best, median = min(rounds), statistics.median(rounds)
    print(f"start-up (first plan, imports and tables): {startup:.2f} s")
    print(f"extract {len(texts)} plans ({facts} tasks and indicators), {ROUNDS} rounds: "
          f"best {best:.3f} s, median {median:.3f} s")
    print(f"ratio to the {TARGET_SECONDS:.0f} s target: best {best / TARGET_SECONDS:.2f}, median {median / TARGET_SECONDS:.2f}")


if __name__ == "__main__":
    main()
