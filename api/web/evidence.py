"""Evidence in context: the whole source text with one fact's span highlighted."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from rdflib import URIRef

from plangraph.api.execution.workers import Executor
from plangraph.api.web import page_messages  # noqa: F401  (the pages' messages)
from plangraph.api.web.page_queries import rows
from plangraph.api.web.templating import TEMPLATES


def split_text(text: str, start: int | None, end: int | None) -> tuple[str, str, str]:
    """(before, span, after) of a text for offsets into it; no span when they do not fit.

    >>> split_text("abcdef", 2, 4)
    ('ab', 'cd', 'ef')
    >>> split_text("abc", 2, 9)
    ('abc', '', '')
    """
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return text, "", ""
    return text[:start], text[start:end], text[end:]


def _offset(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


async def evidence_page(request: Request, executor: Executor, iri: URIRef) -> Response | None:
    """The source text of one evidence node, its span highlighted (None when the source text is unknown)."""
    found = await rows(executor, "evidence", evidence=iri)
    if not found:
        return None
    row = found[0]
    before, span, after = split_text(row["text"], _offset(row["start"]), _offset(row["end"]))
    context = {"iri": iri, "row": row, "before": before, "span": span, "after": after,
               "title": row["file"]}
    return TEMPLATES.TemplateResponse(request, "source.html", context, headers={"Vary": "Accept"})


async def source_page(request: Request, executor: Executor, iri: URIRef) -> Response | None:
    """A whole source text; `?start=&end=` highlight a span of it."""
    found = await rows(executor, "source", source=iri)
    if not found:
        return None
    row = found[0]
    start, end = _offset(request.query_params.get("start", "")), _offset(request.query_params.get("end", ""))
    before, span, after = split_text(row["text"], start, end)
    context = {"iri": iri, "row": row, "before": before, "span": span, "after": after,
               "title": row["file"]}
    return TEMPLATES.TemplateResponse(request, "source.html", context, headers={"Vary": "Accept"})
