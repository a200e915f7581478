"""A task, indicator or deadline as a page: its text, plan, agencies, due date and evidence in context."""
from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response
from rdflib import URIRef

from plangraph.api.execution.workers import Executor
from plangraph.api.web.page_queries import rows
from plangraph.api.web.researcher import ROLES
from plangraph.api.web.templating import TEMPLATES


def summarise(found: list[dict[str, str]]) -> dict[str, Any]:
    """Rows of fact.rq and fact_details.rq as one fact: agencies by role, due dates, targets and
    evidence, each once (each query's rows have only its own columns)."""
    first = found[0]
    fact: dict[str, Any] = {**first, "agencies": {role: [] for role in ROLES}, "dues": [], "targets": [],
                            "evidence": []}
    for row in found:
        for key, value in (("dues", (row["due"], row.get("recurrence")) if row.get("due") else ""),
                           ("targets", row.get("target")),
                           ("evidence", (row["evidence"], row.get("quote"), row.get("file")) if row.get("evidence") else "")):
            if value and value not in fact[key]:
                fact[key].append(value)
        agency = (row.get("agency"), row.get("agency_label"), row.get("vague") == "true")
        if row.get("role") and agency not in fact["agencies"][row["role"]]:
            fact["agencies"][row["role"]].append(agency)
    return fact


async def fact_page(request: Request, executor: Executor, iri: URIRef) -> Response | None:
    """The page of one fact (None when the IRI is no task, indicator or deadline)."""
    found = await rows(executor, "fact", fact=iri)
    if not found:
        return None
    fact = summarise(found + await rows(executor, "fact_details", fact=iri))
    return TEMPLATES.TemplateResponse(request, "fact.html", {"iri": iri, "fact": fact}, headers={"Vary": "Accept"})
