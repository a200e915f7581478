"""SHACL check of one plan graph: pySHACL with inference off, results as plain records."""
from __future__ import annotations

from dataclasses import dataclass, field

from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class Finding:
    """One SHACL result: what is wrong, where, and how bad."""

    severity: str  # Violation | Warning | Info
    focus: str
    path: str | None
    value: str | None
    shape: str
    message_vi: str
    message_en: str


@dataclass(frozen=True)
class Report:
    """All findings of one graph, worst first."""

    findings: tuple[Finding, ...] = field(default_factory=tuple)
    results: Graph = field(default_factory=Graph, compare=False)

    @property
    def conforms(self) -> bool:
        """True when nothing reaches Violation (Warnings and Info do not break a graph)."""
        return self.count("Violation") == 0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def _text(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef | Literal):
        return str(node)
    return f"_:{node}"


def _path(results: Graph, node: Node | None) -> str | None:
    if node is None or isinstance(node, URIRef):
        return _text(node)
    items = list(results.items(node))
    return " / ".join(str(i) for i in items) if items else None


def _messages(results: Graph, result: Node) -> tuple[str, str]:
    found = {m.language: str(m) for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)}
    english = found.get("en") or found.get(None) or ""
    return found.get("vi") or english, english


def findings_of(results: Graph) -> tuple[Finding, ...]:
    """Findings read from a SHACL results graph, Violations first, then by focus node."""
    out = []
    for result in results.subjects(SH.resultSeverity, None):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        vi, en = _messages(results, result)
        out.append(Finding(severity, _text(results.value(result, SH.focusNode)) or "",
                           _path(results, results.value(result, SH.resultPath)),
                           _text(results.value(result, SH.value)),
                           _text(results.value(result, SH.sourceShape)) or "", vi, en))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return tuple(sorted(set(out), key=lambda f: (order.get(f.severity, 9), f.focus, f.message_en)))


def check(graph: Graph, shapes: Graph) -> Report:
    """Validate `graph` against `shapes` (no inference) and collect the findings.

    >>> from rdflib import Graph
    >>> check(Graph(), Graph()).conforms
    True
    """
    _, results, _ = validate(graph, shacl_graph=shapes, inference="none", advanced=False,
                             allow_warnings=True, abort_on_first=False)
    assert isinstance(results, Graph)
    return Report(findings_of(results), results)
