"""Result cells as plain values: JSON values (numbers and booleans as such) or CSV texts.

A named query's rows leave the worker in this form, so that no rdflib term is built for each cell
and pickled between processes (at 10,000 rows that took longer than the query itself). Strings and
IRIs are read straight from Oxigraph's terms; other literals go through rdflib, whose lexical forms
the API has always given.
"""
from __future__ import annotations

from typing import Literal as Choice

import pyoxigraph as ox
from rdflib import XSD, Literal
from rdflib.term import Node

from plangraph.api.storage.store import from_ox

Plain = str | int | float | bool | None
Form = Choice["json", "csv"]
_NUMBERS = {XSD.integer: int, XSD.int: int, XSD.long: int, XSD.decimal: float, XSD.double: float,
            XSD.float: float}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_OX_NUMBERS = {str(datatype): kind for datatype, kind in _NUMBERS.items()}


def json_value(term: Node | None) -> Plain:
    """A JSON value for one result cell: numbers and booleans as such, everything else as text.

    >>> json_value(Literal("12", datatype=XSD.integer)), json_value(Literal("Sở Y tế", lang="vi"))
    (12, 'Sở Y tế')
    """
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype in _NUMBERS:
        try:
            number: int | float = _NUMBERS[term.datatype](str(term))
            return number
        except ValueError:
            return str(term)
    if isinstance(term, Literal) and term.datatype == XSD.boolean:
        return str(term) == "true"
    return str(term)


def plain(term: Node | None, form: Form) -> Plain:
    """One rdflib cell as a JSON value or a CSV text (empty when unbound)."""
    if form == "json":
        return json_value(term)
    return "" if term is None else str(term)


def plain_ox(term: object, form: Form) -> Plain:
    """One Oxigraph cell as `plain` gives it for the same term in rdflib.

    >>> plain_ox(ox.Literal("1.50", datatype=ox.NamedNode(str(XSD.decimal))), "json")
    1.5
    """
    if term is None:
        return None if form == "json" else ""
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return term.value
    if isinstance(term, ox.Literal):
        if term.language:
            return term.value
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return term.value
        if form == "json" and datatype in _OX_NUMBERS:
            try:
                number: int | float = _OX_NUMBERS[datatype](term.value)
                return number
            except ValueError:
                pass
    return plain(from_ox(term), form)
