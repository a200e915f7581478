"""No query reaches out: SPARQL `SERVICE` clauses are refused before a query runs.

Oxigraph runs `SERVICE <url> { … }` itself, with its own HTTP client, and pyoxigraph has no
switch to turn that off; a remote store (Virtuoso, Fuseki) would do the same. So every query
the server or the CLI runs is read by the SPARQL lexer first: a `SERVICE` keyword anywhere
(any case, in sub-queries, `SERVICE SILENT`, `SERVICE ?var`) refuses the query, unless its
endpoint is an absolute IRI listed in `PLANGRAPH_ALLOWED_SERVICES` (space- or comma-separated;
empty by default). Keywords are told apart from strings, IRIs, comments, prefixed names,
variables and language tags exactly as the grammar does, so `"SERVICE"`, `?service` or
`ex:service` are data, while a `SERVICE` keyword can never be missed: in SPARQL that word has
no other meaning. The query workers also run without a network (see api/execution/workers.py).
"""
from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from plangraph.api.query.lexer import lex
from plangraph.extract.errors import QueryError

ALLOWED_ENV = "PLANGRAPH_ALLOWED_SERVICES"


class ServiceRefused(QueryError):
    """The query asks the server to contact another endpoint (SPARQL SERVICE)."""


def allowed_services() -> frozenset[str]:
    """The endpoints a SERVICE clause may name (PLANGRAPH_ALLOWED_SERVICES; none by default)."""
    return frozenset(part for part in re.split(r"[\s,]+", os.environ.get(ALLOWED_ENV, "")) if part)


def services(query: str) -> list[str | None]:
    """The endpoint of every SERVICE clause, in order; None where it is a variable or cannot be resolved.

    >>> services('PREFIX e: <http://x/> SELECT * { ?s ?p "SERVICE" . sErViCe SILENT e:q { ?s ?p ?o } }')
    ['http://x/q']
    >>> services("SELECT * { SERVICE ?where { ?s ?p ?o } }"), services("SELECT ?service { ?service a ex:SERVICE }")
    ([None], [])
    """
    tokens = lex(query)
    prefixes: dict[str, str] = {}
    found: list[str | None] = []
    for i, (kind, text) in enumerate(tokens):
        if kind != "word":
            continue
        word = text.upper()
        if word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname" and tokens[i + 2][0] == "iri":
            prefixes[tokens[i + 1][1][:-1]] = tokens[i + 2][1][1:-1]
        elif word == "SERVICE":
            j = i + 1
            if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "SILENT":
                j += 1
            found.append(_endpoint(tokens[j] if j < len(tokens) else ("other", ""), prefixes))
    return found


def _endpoint(token: tuple[str, str], prefixes: dict[str, str]) -> str | None:
    kind, text = token
    if kind == "iri":
        iri = text[1:-1]
    elif kind == "pname" and text.split(":", 1)[0] in prefixes and "\\" not in text:
        prefix, local = text.split(":", 1)
        iri = prefixes[prefix] + local
    else:
        return None
    return iri if urlsplit(iri).scheme in ("http", "https") else None


def refuse_service(query: str, allowed: frozenset[str] | None = None) -> None:
    """Raise ServiceRefused when the query has a SERVICE clause whose endpoint is not allowed."""
    permitted = allowed_services() if allowed is None else allowed
    for endpoint in services(query):
        if endpoint is None or endpoint not in permitted:
            raise ServiceRefused("query", "SERVICE (federated query) is not allowed: this server never "
                                          "contacts other endpoints on behalf of a query")
