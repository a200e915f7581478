#!/usr/bin/env python3
"""Per-plan SHACL validation time on a store (pySHACL, inference off), and what the audit finds.

    python benchmarks/validate_per_plan.py --store /tmp/store [--repeat 5] [--gold ../shared/gold]

Prints, per source document: triples, median validation ms, and counts by severity. With --gold,
also lists the gold's drafts (no number or date) and its tasks with no lead, and whether the
report warns about each.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import URIRef  # noqa: E402

from plangraph.api.storage.store import OxigraphStore  # noqa: E402
from plangraph.api.storage.validate import _GRAPH, _SOURCES  # noqa: E402
from plangraph.extract.check import Report, check  # noqa: E402
from plangraph.extract.schemas import shapes_graph  # noqa: E402

_TASKS = """
PREFIX plan: <https://w3id.org/plangraph/ontology#>
SELECT ?task ?path ?text WHERE { GRAPH ?g { ?task a plan:Task ; plan:taskText ?text ; plan:inSection ?s .
  ?s plan:sectionPath ?path } }
"""


def _gold_check(store: OxigraphStore, gold_dir: Path, reports: dict[str, tuple[str, Report]]) -> None:
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = gold["document"]
        if name not in reports:
            continue
        graph, report = reports[name]
        warned = {(f.focus, f.message_en) for f in report.findings if f.severity == "Warning"}
        plan = gold["plan"]
        for field, message in (("number", "Plan has no number (it may be a draft)."),
                               ("issued", "Plan has no date of issue.")):
            if plan.get(field) is None:
                hit = any(m == message for _, m in warned)
                print(f"  {name}: gold has no {field:6} -> warned: {hit}")
        tasks = store.select(_TASKS.replace("GRAPH ?g", f"GRAPH <{graph}>")).rows
        no_lead = [t for t in gold["tasks"] if not t["lead"]]
        found = 0
        for item in no_lead:
            match = [r for r in tasks if str(r["path"]) == item["section"]
                     and " ".join(str(r["text"]).split()).startswith(" ".join(item["text_start"].split())[:40])]
            hit = any((str(r["task"]), "Task has no lead agency.") in warned for r in match)
            found += hit
            if not hit:
                print(f"    not warned: {item['section']} {item['text_start'][:60]!r} (task found: {bool(match)})")
        print(f"  {name}: gold tasks with no lead {len(no_lead)}, warned {found}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--gold", type=Path)
    args = parser.parse_args()
    store = OxigraphStore.in_memory_copy(args.store)
    shapes = shapes_graph()
    print(f"{'document':32} {'triples':>7} {'ms':>7} {'Viol':>5} {'Warn':>5} {'Info':>5}")
    times: list[float] = []
    triples_total = 0
    reports: dict[str, tuple[str, Report]] = {}
    for row in store.select(_SOURCES).rows:
        graph = row["graph"]
        assert isinstance(graph, URIRef)
        data = store.construct(_GRAPH, {"g": graph})
        check(data, shapes)  # warm-up
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            report = check(data, shapes)
            runs.append((time.perf_counter() - start) * 1000)
        ms = statistics.median(runs)
        times.append(ms)
        triples_total += len(data)
        name = str(row["file"] or graph)
        reports[name] = (str(graph), report)
        print(f"{name:32} {len(data):7} {ms:7.1f} {report.count('Violation'):5} {report.count('Warning'):5} "
              f"{report.count('Info'):5}")
    if times:
        print(f"median {statistics.median(times):.1f} ms per plan; "
              f"{sum(times) / max(1, triples_total) * 1000:.1f} ms per 1k triples")
    if args.gold:
        _gold_check(store, args.gold, reports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
