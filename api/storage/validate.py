"""`plangraph validate`: check every source graph of a store and report by plan and severity."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from plangraph.api.storage.store import OxigraphStore
from plangraph.extract.check import SEVERITIES, Report, check
from plangraph.extract.schemas import shapes_graph

EXIT_OK, EXIT_NOT_CONFORMING = 0, 1

HEADINGS = {"Violation": "Vi phạm / Violations", "Warning": "Cảnh báo / Warnings", "Info": "Thông tin / Info"}

_SOURCES = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX plan: <https://w3id.org/plangraph/ontology#>
SELECT ?graph ?plan ?file WHERE {
  GRAPH ?graph { ?graph eli:realizes ?plan . OPTIONAL { ?graph plan:fileName ?file } }
} ORDER BY ?plan ?file
"""
_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass(frozen=True)
class DocumentReport:
    """The check of one source text (one named graph) of a plan."""

    plan: str
    document: str
    graph: str
    report: Report


def validate_documents(store: OxigraphStore, shapes: Graph) -> list[DocumentReport]:
    """Check each source graph in the store on its own (pySHACL, no inference)."""
    out = []
    for row in store.select(_SOURCES).rows:
        graph = row["graph"]
        assert isinstance(graph, URIRef)
        data = store.construct(_GRAPH, {"g": graph})
        out.append(DocumentReport(str(row["plan"]), str(row["file"] or graph), str(graph), check(data, shapes)))
    return out


_LABELS = ("taskText", "subjectText", "what", "title", "citedNumber", "sectionPath", "label", "prefLabel", "fileName")


def _label(data: Graph, focus: str) -> str:
    """The text people know a focus node by (a task's text, an indicator's subject, …)."""
    node = URIRef(focus)
    for p, o in sorted(data.predicate_objects(node), key=lambda po: str(po[0])):
        name = str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if isinstance(o, Literal) and name in _LABELS[:5]:
            return str(o)
    for p, o in data.predicate_objects(node):
        if isinstance(o, Literal) and str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1] in _LABELS[5:]:
            return str(o)
    return ""


def finding_rows(store: Any) -> list[dict[str, str]]:
    """Every finding of every source text as plain text cells, the focus named by its text (for pages)."""
    shapes = shapes_graph()
    out = []
    for row in store.select(_SOURCES).rows:
        graph = row["graph"]
        data = store.construct(_GRAPH, {"g": graph})
        for f in check(data, shapes).findings:
            out.append({"plan": str(row["plan"]), "document": str(row["file"] or graph), "severity": f.severity,
                        "focus": f.focus, "label": _label(data, f.focus), "path": f.path or "",
                        "value": f.value or "", "message_vi": f.message_vi, "message_en": f.message_en})
    return out


def _totals(reports: list[DocumentReport]) -> dict[str, int]:
    return {s: sum(r.report.count(s) for r in reports) for s in SEVERITIES}


def as_text(reports: list[DocumentReport]) -> str:
    """A report for people: plan, then document, then findings grouped by severity, in vi and en."""
    totals = _totals(reports)
    lines = ["Báo cáo kiểm tra SHACL / SHACL validation report",
             f"{len({r.plan for r in reports})} kế hoạch / plans, {len(reports)} văn bản / documents: "
             + ", ".join(f"{totals[s]} {HEADINGS[s]}" for s in SEVERITIES), ""]
    plan = None
    for doc in reports:
        if doc.plan != plan:
            plan = doc.plan
            lines.append(f"Kế hoạch / Plan: {plan}")
        counts = ", ".join(f"{doc.report.count(s)} {HEADINGS[s]}" for s in SEVERITIES)
        lines.append(f"  Văn bản / Document: {doc.document} ({counts})")
        for severity in SEVERITIES:
            found = [f for f in doc.report.findings if f.severity == severity]
            if found:
                lines.append(f"    {HEADINGS[severity]}:")
            for f in found:
                lines.append(f"      - {f.message_vi}")
                lines.append(f"        {f.message_en}")
                where = f"        {f.focus}" + (f"  [{f.path}]" if f.path else "")
                lines.append(where + (f"  = {f.value}" if f.value and f.value != f.focus else ""))
        lines.append("")
    verdict = ("KHÔNG ĐẠT: có vi phạm / DOES NOT CONFORM: there are Violations" if totals["Violation"]
               else "ĐẠT: không có vi phạm / CONFORMS: no Violations")
    lines.append(verdict)
    return "\n".join(lines) + "\n"


def as_json(reports: list[DocumentReport]) -> str:
    """The same report as JSON: totals, then plans → documents → findings."""
    plans: dict[str, list[dict[str, object]]] = {}
    for doc in reports:
        plans.setdefault(doc.plan, []).append({
            "document": doc.document, "graph": doc.graph, "conforms": doc.report.conforms,
            "counts": {s: doc.report.count(s) for s in SEVERITIES},
            "findings": [{"severity": f.severity, "focus": f.focus, "path": f.path, "value": f.value,
                          "shape": f.shape, "message": {"vi": f.message_vi, "en": f.message_en}}
                         for f in doc.report.findings]})
    totals = _totals(reports)
    body = {"conforms": totals["Violation"] == 0, "counts": totals,
            "plans": [{"plan": plan, "documents": docs} for plan, docs in plans.items()]}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def as_graph(reports: list[DocumentReport]) -> Graph:
    """One sh:ValidationReport holding every document's results."""
    out = Graph()
    out.bind("sh", SH)
    top = BNode()
    out.add((top, RDF.type, SH.ValidationReport))
    out.add((top, SH.conforms, Literal(_totals(reports)["Violation"] == 0)))
    for doc in reports:
        results = doc.report.results
        for s, p, o in results:
            if p == SH.conforms or (p == RDF.type and o == SH.ValidationReport):
                continue
            if p == SH.result:
                out.add((top, SH.result, o))
                continue
            out.add((s, p, o))
    return out


def render(reports: list[DocumentReport], fmt: str) -> str:
    if fmt == "json":
        return as_json(reports)
    if fmt == "turtle":
        return as_graph(reports).serialize(format="turtle")
    return as_text(reports)


def validate_store(path: Path, fmt: str = "text") -> int:
    """Print the report of the store at `path`; exit code 1 when any Violation is found."""
    store = OxigraphStore.open_existing(path)
    reports = validate_documents(store, shapes_graph())
    sys.stdout.write(render(reports, fmt))
    return EXIT_NOT_CONFORMING if _totals(reports)["Violation"] else EXIT_OK
