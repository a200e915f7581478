#!/usr/bin/env python3
"""Dump each plan text's graph as sorted N-Triples, to check that a change keeps the output.

Writes one `<file name>.nt` per text into OUT (the graphs use no blank nodes, so equal sorted
N-Triples means equal graphs); a refused text gets `<file name>.refused` with its message.
Dump before and after a change and compare the folders with `diff -r`.

    python benchmarks/dump_graphs.py OUT [FOLDER ...]
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from plangraph.extract.decode import decode
from plangraph.extract.errors import InputError
from plangraph.extract.paths import ROOT, SAMPLE_CORPUS_DIR
from plangraph.extract.pipeline import process_text

REAL = ROOT.parent / "shared" / "real"
DEFAULT_SETS = (SAMPLE_CORPUS_DIR, REAL / "texts", REAL / "headers")


def dump(path: Path, out: Path) -> None:
    data = path.read_bytes()
    target = out / path.parent.name
    target.mkdir(parents=True, exist_ok=True)
    try:
        built = process_text(decode(data, path.name), path.name, hashlib.sha256(data).hexdigest())
    except InputError as error:
        (target / f"{path.name}.refused").write_text(str(error) + "\n", encoding="utf-8")
        return
    lines = built.graph.serialize(format="nt").splitlines()
    text = "\n".join(sorted(line for line in lines if line.strip()))
    (target / f"{path.name}.nt").write_text(f"# graph {built.graph_iri}\n{text}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    for folder in args.folders or [f for f in DEFAULT_SETS if f.is_dir()]:
        for path in sorted(folder.glob("*.txt")):
            dump(path, args.out)


if __name__ == "__main__":
    main()
