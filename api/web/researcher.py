"""Pages for researchers: an agency with its duties grouped by plan, and who does what across plans."""
from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from rdflib import URIRef

from plangraph.api.execution.workers import Executor
from plangraph.api.web import page_messages  # noqa: F401  (the pages' messages)
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.web.page_queries import rows
from plangraph.api.web.templating import TEMPLATES
from plangraph.api.web.named import fold_key

ROLES = ("lead", "coordinate", "responsible")  # their names are messages role.*


TEMPLATES.env.globals["ROLES"] = ROLES


def agency_title(label: str, province: str) -> str:
    """An agency's name with its province, so that the same department of two provinces reads apart.

    >>> agency_title("Sở Tài chính", "Lai Châu"), agency_title("UBND tỉnh Lai Châu", "Lai Châu")
    ('Sở Tài chính — Lai Châu', 'UBND tỉnh Lai Châu')
    """
    return f"{label} — {province}" if province and province not in label else label


def duties_by_plan(found: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Rows of agency_tasks.rq as plans, each with its distinct duties (one entry per item and role)."""
    plans: dict[str, dict[str, Any]] = {}
    for row in found:
        plan = plans.setdefault(row["plan"], {"plan": row["plan"], "title": row["plan_title"], "items": {}})
        plan["title"] = plan["title"] or row["plan_title"]
        item = plan["items"].setdefault((row["item"], row["role"]), {**row, "dues": []})
        if row["due"] and (row["due"], row["recurrence"]) not in item["dues"]:
            item["dues"].append((row["due"], row["recurrence"]))
    return [{**p, "items": list(p["items"].values())} for p in plans.values()]


async def agency_page(request: Request, executor: Executor, iri: URIRef) -> Response:
    """An agency: its province and kind, and every task it leads or supports, grouped by plan."""
    info = (await rows(executor, "agency", agency=iri) or [{}])[0]
    plans = duties_by_plan(await rows(executor, "agency_tasks", agency=iri))
    counts = Counter(item["role"] for plan in plans for item in plan["items"])
    context = {"iri": iri, "info": info, "plans": plans, "counts": counts,
               "issued": await rows(executor, "agency_issued", agency=iri),
               "title": agency_title(info.get("label", str(iri)), info.get("province_label", ""))}
    return TEMPLATES.TemplateResponse(request, "agency.html", context, headers={"Vary": "Accept"})


def matching_tasks(found: list[dict[str, str]], words: str, province: str, kind_of: dict[str, str],
                   kind: str, role: str) -> list[dict[str, Any]]:
    """Tasks whose text holds the words (marks and case ignored), with their lead and coordinating agencies."""
    needle = fold_key(words)
    tasks: dict[str, dict[str, Any]] = {}
    for row in found:
        if province and row["province"] != province:
            continue
        if row["task"] not in tasks and needle not in fold_key(row["text"]):
            continue
        task = tasks.setdefault(row["task"], {**row, "lead": [], "coordinate": []})
        if row["role"] and (row["agency"], row["label"]) not in task[row["role"]]:
            task[row["role"]].append((row["agency"], row["label"]))
    kept = []
    for t in tasks.values():
        agencies = t[role] if role else t["lead"] + t["coordinate"]
        if (not role or agencies) and (not kind or any(kind_of.get(a) == kind for a, _ in agencies)):
            kept.append(t)
    return kept


def _choices(found: list[dict[str, str]], key: str, label: str) -> list[tuple[str, str]]:
    return sorted({(r[key], r[label] or r[key].rsplit("/", 1)[-1]) for r in found if r[key]}, key=lambda c: fold_key(c[1]))


def router(executor: Executor) -> APIRouter:
    """The who-does-what page."""
    routes = APIRouter(include_in_schema=False, route_class=CancelOnDisconnect)

    @routes.get("/who", response_class=HTMLResponse)
    async def who(request: Request, province: str = "", kind: str = "", role: str = "", task: str = "") -> Response:
        found = await rows(executor, "who")
        kind_of = {r["agency"]: r["kind"] for r in found}
        tasks = matching_tasks(await rows(executor, "who_tasks"), task[:200], province, kind_of, kind, role) \
            if task.strip() else []
        shown = [r for r in found if (not province or r["province"] == province) and
                 (not kind or r["kind"] == kind) and (not role or r["role"] == role)]
        context = {
            "rows": shown, "province": province, "kind": kind, "role": role, "task": task, "tasks": tasks,
            "provinces": _choices(found, "province", "province_label"),
            "kinds": _choices(found, "kind", "kind_label"),
            "agencies": len({r["agency"] for r in shown}),
            "by_role": {name: sum(int(r["tasks"]) for r in shown if r["role"] == name) for name in ("lead", "coordinate")},
        }
        return TEMPLATES.TemplateResponse(request, "who.html", context)

    return routes
