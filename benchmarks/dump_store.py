#!/usr/bin/env python3
"""Dump every quad of a built store as sorted N-Quads, to check that a change keeps the store.

Build the same texts before and after a change (the same paths: a document's graph keeps a hash
of its absolute path), dump both stores and compare the files with `cmp`. The graphs use no blank
nodes, so equal sorted lines mean equal stores. Prints the number of quads and a digest.

    python benchmarks/dump_store.py STORE OUT.nq
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pyoxigraph as ox

from plangraph.api.storage.store import DATABASE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    db = ox.Store.read_only(str(args.store / DATABASE))
    lines = sorted(f"{quad} .\n" for quad in db)
    text = "".join(lines)
    args.out.write_text(text, encoding="utf-8")
    print(len(lines), hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


if __name__ == "__main__":
    main()
