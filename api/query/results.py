"""SPARQL query results (JSON, XML, CSV, TSV) written from Oxigraph terms, with a row cap noted."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from plangraph.api.query.negotiate import CSV, RESULTS_JSON, RESULTS_XML, TSV

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = Sequence[Term | None]


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def _csv_cell(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula: `'` before a leading = + - @ tab or CR.

    Numbers stay as they are; dates such as `--11-20` (a day of every year) get the `'` too,
    since a spreadsheet would compute them. Only CSV for people (the HTTP downloads) does this;
    the command line prints values exactly.

    >>> spreadsheet_safe("=1+2"), spreadsheet_safe("-5"), spreadsheet_safe("--11-20"), spreadsheet_safe("Sở")
    ("'=1+2", '-5', "'--11-20", 'Sở')
    """
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _notice(truncated: bool, limit: int) -> str:
    return f"results cut at the row limit of {limit} rows" if truncated else ""


def select_body(variables: list[str], rows: list[Row], media: str, truncated: bool, limit: int) -> bytes:
    """SELECT results in one of the four result formats."""
    if media == RESULTS_JSON:
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        doc: dict[str, object] = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        if truncated:
            doc["head"] = {"vars": variables, "link": [f"urn:plangraph:row-limit:{limit}"]}
            doc["truncated"] = True
            doc["message"] = _notice(truncated, limit)
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if media == RESULTS_XML:
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        if truncated:
            head += f'<link href="urn:plangraph:row-limit:{limit}"/>'
        parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
                 f"<head>{head}</head><results>"]
        for row in rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(variables, row) if t is not None)
            parts.append(f"<result>{cells}</result>")
        parts.append("</results></sparql>\n")
        return "\n".join(parts).encode("utf-8")
    if media == CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([spreadsheet_safe(_csv_cell(t)) for t in row])
        return buffer.getvalue().encode("utf-8")
    if media == TSV:
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"not a results media type: {media}")


def boolean_body(value: bool, media: str) -> bytes:
    """ASK results as JSON or XML."""
    if media == RESULTS_XML:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode("utf-8")
    return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
