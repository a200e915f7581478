"""Parameters written into SPARQL text, for endpoints that have no substitution API.

Each parameter variable inside the query's WHERE group is written as its value, as the embedded
store's substitution binds it before the query runs (a filter in an inner group sees it), and a
VALUES block at the start of the group gives the projection the value too. Values are written
from the terms' own escaped N3 form (`Literal.n3()`, `URIRef.n3()`): a parameter value can only
ever be data.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

from plangraph.api.query.lexer import tokens
from plangraph.extract.errors import QueryError

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}
_BRACKETS = {"{": "open", "}": "close", "(": "lparen", ")": "rparen"}


def where_group(query: str) -> tuple[int, int, bool]:
    """Offsets of the `{` and matching `}` of the query's WHERE group, and whether it holds a sub-SELECT."""
    braces = parens = 0
    form: str | None = None
    seen_where = False
    top_groups = 0
    start: int | None = None
    first_in_group = False
    for kind, text, offset in tokens(query):
        kind = _BRACKETS.get(text, kind) if kind == "other" else kind
        if kind in ("string", "iri", "var", "pname", "lang"):
            first_in_group = False
            continue
        if start is not None:
            if first_in_group:
                subselect = kind == "word" and text.upper() == "SELECT"
                first_in_group = False
            if kind == "open":
                braces += 1
            elif kind == "close":
                braces -= 1
                if braces == 0:
                    return start, offset, subselect
            continue
        if kind == "word" and braces == 0 and parens == 0:
            word = text.upper()
            if form is None and word in _FORMS:
                form = word
            elif form is not None and word == "WHERE":
                seen_where = True
        elif kind == "lparen":
            parens += 1
        elif kind == "rparen":
            parens -= 1
        elif kind == "open":
            if braces == 0 and parens == 0 and form is not None:
                top_groups += 1
                if seen_where or form != "CONSTRUCT" or top_groups == 2:
                    start, braces, first_in_group, subselect = offset, 1, True, False
                    continue
            braces += 1
        elif kind == "close":
            braces -= 1
    raise QueryError("query", "cannot find the WHERE clause to bind parameters in")


def term_n3(name: str, term: Node) -> str:
    """One bound value as escaped SPARQL syntax; anything that is not a clean IRI or literal is refused."""
    if isinstance(term, URIRef):
        try:
            return term.n3()
        except Exception as exc:  # rdflib refuses IRIs that would break out of <…>
            raise QueryError(name, f"parameter {name}: not a valid IRI") from exc
    if isinstance(term, Literal):
        return term.n3()
    raise QueryError(name, f"parameter {name}: only IRIs and literals can be bound")


# Where a variable cannot be replaced by a value: a projection or a VALUES head (up to the next
# `{`), GROUP BY and ORDER BY (up to the next group brace or clause), and the target of `AS`.
_KEEP_FROM = {"SELECT", "VALUES", "GROUP", "ORDER"}
_KEEP_UNTIL = {"WHERE", "HAVING", "LIMIT", "OFFSET"}


def write_values_in(group: str, values: Mapping[str, str]) -> str:
    """The group with each parameter variable written as its value, where the grammar allows a term.

    >>> write_values_in('{ { ?a ?p ?v FILTER(?v = ?k) } BIND(1 AS ?k) }', {"k": '"x"'})
    '{ { ?a ?p ?v FILTER(?v = "x") } BIND(1 AS ?k) }'
    """
    pieces, last, keep, before = [], 0, False, ""
    for kind, text, offset in tokens(group):
        word = text.upper() if kind == "word" else ""
        if word in _KEEP_FROM:
            keep = True
        elif word in _KEEP_UNTIL or (kind == "other" and text in "{}"):
            keep = False
        elif kind == "var" and text[1:] in values and not keep and before != "AS":
            pieces.append(group[last:offset] + values[text[1:]])
            last = offset + len(text)
        before = word
    return "".join(pieces) + group[last:]


def bind_values(query: str, bindings: Mapping[str, Node] | None) -> str:
    """The query with its parameters written into its WHERE group and bound by a VALUES block there.

    >>> bind_values("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal("x")})
    'SELECT ?s ?o WHERE { VALUES (?o) { ("x") } ?s ?p "x" }'
    """
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not _VARIABLE.match(name):
            raise QueryError(name, "not a SPARQL variable name")
    terms = {name: term_n3(name, bindings[name]) for name in names}
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms.values())}) }}"
    start, end, subselect = where_group(query)
    body = write_values_in(query[start + 1:end], terms)
    if subselect:  # a group that is a sub-SELECT cannot hold anything else: nest it
        return f"{query[:start + 1]} {block} {{{body}}}{query[end:]}"
    return f"{query[:start + 1]} {block}{body}{query[end:]}"
