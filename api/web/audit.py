"""Pages for auditors: gaps per plan and across plans, and the SHACL report, on the web and as CSV."""
from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from rdflib import URIRef

from plangraph.api.execution.workers import Executor
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.web.page_messages import MESSAGES
from plangraph.api.web.page_queries import rows
from plangraph.api.web.templating import TEMPLATES
from plangraph.api.web.responses import error, valid_iri

CHECKS = ("no_lead", "vague_lead", "report_no_date", "indicator_no_year", "objective_no_task",
          "draft_no_number", "draft_no_date")  # their names are messages check.*
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
CSV_COLUMNS = ["kind", "check", "plan", "plan_title", "item", "text", "section", "agency", "message", "document"]


def findings(found: list[dict[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """Rows of audit.rq as one finding per check and distinct item, each with one evidence link."""
    out: dict[str, dict[str, dict[str, Any]]] = {check: {} for check in CHECKS}
    for row in found:
        entry = out.setdefault(row["check"], {}).setdefault(row["item"], {**row, "agencies": []})
        entry["evidence"] = entry["evidence"] or row["evidence"]
        if row["agency"] and row["agency"] not in entry["agencies"]:
            entry["agencies"].append(row["agency"])
    return {check: list(items.values()) for check, items in out.items()}


def as_csv(gaps: dict[str, list[dict[str, Any]]], shacl: list[dict[str, str]], titles: dict[str, str]) -> str:
    """Every finding as one CSV row (with a byte-order mark, so spreadsheets read the Vietnamese)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for check, items in gaps.items():
        for f in items:
            writer.writerow({"kind": "gap", "check": check, "plan": f["plan"], "plan_title": titles.get(f["plan"], ""),
                             "item": f["item"], "text": f["text"], "section": f["section"],
                             "agency": "; ".join(f["agencies"]), "message": " / ".join(MESSAGES.get(f"check.{check}", (check,))), "document": ""})
    for f in shacl:
        writer.writerow({"kind": "shacl", "check": f["severity"], "plan": f["plan"],
                         "plan_title": titles.get(f["plan"], ""), "item": f["focus"], "text": f["label"],
                         "section": "", "agency": "", "message": f"{f['message_vi']} / {f['message_en']}",
                         "document": f["document"]})
    return "\ufeff" + buffer.getvalue()


def router(executor: Executor) -> APIRouter:
    """The audit page."""
    routes = APIRouter(include_in_schema=False, route_class=CancelOnDisconnect)

    @routes.get("/audit", response_class=HTMLResponse)
    async def audit(request: Request, plan: str = "", format: str = "html") -> Response:
        if plan and not valid_iri(plan):
            return error(422, f"plan must be a plan IRI, not {plan[:100]!r}")
        if format not in ("html", "csv"):
            return error(422, f"format must be html or csv, not {format[:50]!r}")
        plans = await rows(executor, "plan_titles")
        titles = {p["plan"]: p["title"] or p["plan"] for p in plans}
        bound = {"plan": URIRef(plan)} if plan else {}
        gaps = findings(await rows(executor, "audit", **bound))
        shacl = [f for f in await executor.run("shacl_findings") if not plan or f["plan"] == plan]
        shacl.sort(key=lambda f: (SEVERITY_ORDER.get(f["severity"], 3), f["plan"], f["message_en"], f["label"]))
        if format == "csv":
            name = "audit.csv" if not plan else f"audit-{plan.rstrip('/').rsplit('/', 1)[-1]}.csv"
            return Response(as_csv(gaps, shacl, titles), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})
        per_plan = Counter((f["plan"], check) for check, items in gaps.items() for f in items)
        context = {"plan": plan, "plans": plans, "titles": titles, "gaps": gaps, "checks": CHECKS,
                   "per_plan": per_plan, "shacl": shacl, "severities": Counter(f["severity"] for f in shacl),
                   "title": titles.get(plan, "") if plan else ""}
        return TEMPLATES.TemplateResponse(request, "audit.html", context)

    return routes
