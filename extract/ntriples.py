"""N-Quads written straight from triples of rdflib terms, without an rdflib graph in between.

A plan's graph goes to the store as N-Quads lines. Building an rdflib Graph only to serialize it
costs several times the writing itself (each add indexes the triple three ways; its serializer
checks every IRI again and writes one term at a time), so lines are made from the triples here:
each line's "subject predicate object" once, then one join per graph that holds it. The IRIs come
from `iris.py`, which mints them from slugs and percent-encoded keys only.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node


def literal(node: Literal) -> str:
    """A literal as N-Triples writes it (escapes as rdflib's N-Triples serializer).

    >>> from rdflib import XSD
    >>> literal(Literal('a "b"\\n', lang="vi")), literal(Literal(2025, datatype=XSD.gYear))
    ('"a \\\\"b\\\\"\\\\n"@vi', '"2025"^^<http://www.w3.org/2001/XMLSchema#gYear>')
    """
    text = str(node)
    if "\\" in text or "\n" in text or '"' in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    if node.language:
        return f'"{text}"@{node.language}'
    if node.datatype:
        return f'"{text}"^^<{node.datatype}>'
    return f'"{text}"'


def bodies(triples: Iterable[tuple[Node, Node, Node]]) -> list[bytes]:
    """Each distinct triple as UTF-8 "subject predicate object", in first-seen order.

    >>> bodies([(URIRef("urn:a"), URIRef("urn:p"), Literal("x"))] * 2)
    [b'<urn:a> <urn:p> "x"']
    """
    made: dict[int, tuple[Literal, str]] = {}  # by identity (a text makes each literal once); holds the literal
    out: list[bytes] = []
    append = out.append
    for s, p, o in triples:
        if type(o) is URIRef:
            obj = f"<{o}>"
        elif isinstance(o, Literal):
            known = made.get(id(o))
            if known is None:
                known = made[id(o)] = (o, literal(o))
            obj = known[1]
        else:
            obj = _other(o)
        subject = f"<{s}>" if type(s) is URIRef else _other(s)
        append(f"{subject} <{p}> {obj}".encode("utf-8"))
    return list(dict.fromkeys(out))


def _other(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        return literal(node)
    raise TypeError(f"not an RDF term: {node!r}")


def nquads(lines: Sequence[bytes], graph: str) -> bytes:
    """The lines as N-Quads of the named graph `graph`.

    >>> nquads([b'<urn:a> <urn:p> "x"'], "urn:g")
    b'<urn:a> <urn:p> "x" <urn:g> .\\n'
    """
    if not lines:
        return b""
    suffix = f" <{graph}> .\n".encode("utf-8")
    return suffix.join(lines) + suffix
