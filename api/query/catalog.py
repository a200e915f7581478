"""Named queries: queries/*.rq, each describing itself in a header of `#:` comment lines.

    #: summary: Tasks led by one agency
    #: params: {agency: iri, year: year}
    #: optional: [year]
    #: defaults: {}
    #: example: {agency: "http://127.0.0.1:8000/org/lai-chau/so-noi-vu"}

Parameter values are checked against their type and bound as RDF terms (never pasted into
the query text), so an optional parameter left out simply stays a free variable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from plangraph.extract.errors import QueryError
from plangraph.extract.iris import DEFAULT_BASE, base_iri
from plangraph.extract.paths import QUERIES_DIR

PARAM_TYPES = ("iri", "string", "integer", "decimal", "year", "date", "boolean")
_HEADER = re.compile(r"^#:\s*(?P<key>\w+)\s*:\s*(?P<value>.*)$")
_MAP = re.compile(r"^\{(.*)\}$")
_LIST = re.compile(r"^\[(.*)\]$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    summary: str
    params: dict[str, str] = field(default_factory=dict)
    optional: tuple[str, ...] = ()
    defaults: dict[str, str] = field(default_factory=dict)
    example: dict[str, str] = field(default_factory=dict)

    @property
    def form(self) -> str:
        """SELECT, CONSTRUCT, ASK or DESCRIBE."""
        body = re.sub(r"#[^\n]*", "", self.text)
        match = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", body, re.IGNORECASE)
        return match.group(1).upper() if match else "SELECT"

    def bind(self, values: dict[str, str]) -> dict[str, Node]:
        """Check raw parameter values and turn them into RDF terms."""
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            raise QueryError(self.name, f"unknown parameter(s) {unknown}; this query takes {sorted(self.params)}")
        merged = {**self.defaults, **{k: v for k, v in values.items() if v != ""}}
        missing = [p for p in self.params if p not in merged and p not in self.optional]
        if missing:
            raise QueryError(self.name, f"missing required parameter(s) {missing}")
        return {name: to_term(name, self.params[name], raw) for name, raw in merged.items()}


def _parse_map(text: str, where: str) -> dict[str, str]:
    match = _MAP.match(text.strip())
    if not match:
        raise QueryError(where, f"expected {{key: value, …}}, got {text!r}")
    result: dict[str, str] = {}
    for part in re.findall(r'(\w+)\s*:\s*("(?:[^"\\]|\\.)*"|[^,]+)', match.group(1)):
        key, value = part
        value = value.strip()
        result[key] = value[1:-1] if value.startswith('"') else value
    return result


def parse(path: Path) -> NamedQuery:
    """Read one .rq file; a malformed header raises QueryError naming the file and line."""
    text = path.read_text(encoding="utf-8")
    name = path.stem
    if not _NAME.match(name):
        raise QueryError(str(path), "query file names are lower_case_with_underscores")
    header: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER.match(line)
        if match:
            header[match["key"]] = match["value"].strip()
            header[f"_{match['key']}_line"] = str(number)
    where = f"{path.name}"
    if "summary" not in header:
        raise QueryError(f"{where}:1", "missing '#: summary:' line")
    params = _parse_map(header.get("params", "{}"), f"{where}:{header.get('_params_line', 1)}")
    for param, kind in params.items():
        if kind not in PARAM_TYPES:
            raise QueryError(f"{where}:{header['_params_line']}", f"parameter {param}: unknown type {kind!r}")
        if not re.search(rf"[?$]{param}\b", text):
            raise QueryError(f"{where}:{header['_params_line']}", f"parameter {param} is not used as ?{param}")
    optional_text = header.get("optional", "[]")
    optional_match = _LIST.match(optional_text)
    if not optional_match:
        raise QueryError(f"{where}:{header.get('_optional_line', 1)}", "optional: expected [name, …]")
    optional = tuple(p.strip() for p in optional_match.group(1).split(",") if p.strip())
    for param in optional:
        if param not in params:
            raise QueryError(f"{where}:{header['_optional_line']}", f"optional parameter {param} is not declared")
    defaults = _parse_map(header.get("defaults", "{}"), f"{where}:{header.get('_defaults_line', 1)}")
    example = {k: _on_this_base(v) for k, v in
               _parse_map(header.get("example", "{}"), f"{where}:{header.get('_example_line', 1)}").items()}
    query = NamedQuery(name, path, text, header["summary"], params, optional, defaults, example)
    query.bind(example)  # the example must itself be valid
    return query


def from_file(path: Path) -> NamedQuery:
    """A query file given on the command line: with a `#:` header it is read like a named query;
    a plain SPARQL file (no header, any file name) runs as it is, without parameters."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(str(path), f"cannot read the query file: {exc}") from exc
    if any(_HEADER.match(line) for line in text.splitlines()):
        return parse(path)
    return NamedQuery(path.stem, path, text, summary=path.name)


def _on_this_base(value: str) -> str:
    """An example IRI written with the default base, moved to the configured one (so that it answers).

    >>> _on_this_base("http://127.0.0.1:8000/org/x") == base_iri() + "/org/x"
    True
    """
    return base_iri() + value[len(DEFAULT_BASE):] if value.startswith(DEFAULT_BASE + "/") else value


def load_all(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query; the first broken file stops everything (no half-working API)."""
    return {path.stem: parse(path) for path in sorted(folder.glob("*.rq"))}


def to_term(name: str, kind: str, raw: str) -> Node:
    """One parameter value as an RDF term of its declared type."""
    value = raw.strip()
    problem = f"parameter {name}: {raw!r} is not a valid {kind}"
    if kind == "iri":
        try:
            scheme = urlsplit(value).scheme
            ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(name, problem) from exc
        if scheme not in ("http", "https", "urn") or any(c in value for c in '<>"{}|\\^` \n'):
            raise QueryError(name, problem)
        return URIRef(value)
    if kind == "string":
        if len(value) > 500:
            raise QueryError(name, f"parameter {name}: longer than 500 characters")
        return Literal(value)
    if kind == "integer":
        if not re.fullmatch(r"-?\d{1,12}", value):
            raise QueryError(name, problem)
        return Literal(int(value))
    if kind == "decimal":
        try:
            return Literal(Decimal(value), datatype=XSD.decimal)
        except InvalidOperation as exc:
            raise QueryError(name, problem) from exc
    if kind == "year":
        if not re.fullmatch(r"\d{4}", value):
            raise QueryError(name, problem)
        return Literal(value, datatype=XSD.gYear)
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise QueryError(name, problem)
        return Literal(value, datatype=XSD.date)
    if kind == "boolean":
        if value.lower() not in ("true", "false"):
            raise QueryError(name, problem)
        return Literal(value.lower() == "true")
    raise QueryError(name, f"unknown parameter type {kind}")
