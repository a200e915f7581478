"""The comparison page for analysts: two or more provinces or plans side by side, with charts."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from plangraph.api.execution.workers import Executor
from plangraph.api.web.connections import CancelOnDisconnect
from plangraph.api.web.named import fold_key
from plangraph.api.web.page_queries import rows
from plangraph.api.web.templating import TEMPLATES

UNCLASSIFIED = ""  # a kind no cue row gave; the page names it (compare.unclassified)


def short_title(title: str, limit: int = 60) -> str:
    """A plan title cut at a word for a column head.

    >>> short_title("Kế hoạch phát triển thư viện tỉnh", 20)
    'Kế hoạch phát triển…'
    """
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def groups_of(plans: list[dict[str, str]], provinces: list[str], chosen: list[str]) -> dict[str, str]:
    """plan IRI → column name: the province's name when provinces are compared, else the plan's title."""
    if provinces:
        return {p["plan"]: p["province_label"] or p["province"] for p in plans if p["province"] in provinces}
    return {p["plan"]: f"{p['province_label']}: {short_title(p['title'] or p['plan'])}" for p in plans
            if p["plan"] in chosen}


def _target(row: dict[str, str]) -> str:
    value = row["value"] + (f"–{row['value_max']}" if row["value_max"] else "")
    comparator = {">=": "≥", "<=": "≤"}.get(row["comparator"], row["comparator"])
    return " ".join(part for part in (comparator, value, row["unit"]) if part)


def indicator_table(found: list[dict[str, str]], group: dict[str, str]) -> list[dict[str, Any]]:
    """(kind, year) rows with one cell per column: the targets set there, each with its subject."""
    table: dict[tuple[str, str], dict[str, list[tuple[str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in found:
        if row["plan"] not in group:
            continue
        cell = table[(row["kind_label"] or UNCLASSIFIED, row["year"])][group[row["plan"]]]
        entry = (_target(row), row["subject"], row["indicator"])
        if entry not in cell:
            cell.append(entry)
    ordered = sorted(table.items(), key=lambda kv: (kv[0][0] == UNCLASSIFIED, fold_key(kv[0][0]), kv[0][1]))
    return [{"kind": kind, "year": year, "cells": cells} for (kind, year), cells in ordered]


def task_table(found: list[dict[str, str]], group: dict[str, str]) -> list[dict[str, Any]]:
    """Agency kinds with the distinct tasks they lead and support in each column."""
    table: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: {"lead": 0, "coordinate": 0}))
    for row in found:
        if row["plan"] in group and row["role"]:
            table[row["kind_label"] or UNCLASSIFIED][group[row["plan"]]][row["role"]] += int(row["tasks"])
    totals = {kind: sum(c["lead"] for c in cells.values()) for kind, cells in table.items()}
    return [{"kind": kind, "cells": cells} for kind, cells in sorted(table.items(), key=lambda kv: -totals[kv[0]])]


def calendar(found: list[dict[str, str]], group: dict[str, str]) -> list[dict[str, str]]:
    """Deadlines of every column on one calendar: yearly ones by day of the year, then dated ones."""
    entries = [{**row, "column": group[row["plan"]]}
               for row in found if row["plan"] in group]
    return sorted(entries, key=lambda r: (not r["date"].startswith("--"), r["date"].lstrip("-"), r["column"]))


def _plan_label(column: str, title: str) -> str:
    return column if title[:20] in column else f"{column}: {short_title(title, 30)}"


def chart_data(indicators: list[dict[str, str]], coverage: list[dict[str, str]], group: dict[str, str],
               titles: dict[str, str]) -> dict[str, list[dict[str, object]]]:
    """Points for the charts: percentage targets by year and column, and lead coverage per plan."""
    targets = []
    for row in indicators:
        if row["plan"] in group and row["unit"] == "%" and row["year"][:4].isdigit():
            targets.append({"column": group[row["plan"]], "year": row["year"][:4], "value": float(row["value"]),
                            "kind": row["kind_label"] or "—", "subject": short_title(row["subject"], 80)})
    plans = [{"plan": _plan_label(group[r["plan"]], titles.get(r["plan"], r["plan"])), "column": group[r["plan"]],
              "share": round(100 * int(r["led_tasks"]) / int(r["tasks"]), 1) if int(r["tasks"]) else 0.0,
              "tasks": int(r["tasks"])} for r in coverage if r["plan"] in group]
    return {"targets": targets, "coverage": plans}


def router(executor: Executor) -> APIRouter:
    """The comparison page."""
    routes = APIRouter(include_in_schema=False, route_class=CancelOnDisconnect)

    @routes.get("/compare", response_class=HTMLResponse)
    async def compare(request: Request, province: list[str] = Query(default=[]),
                      plan: list[str] = Query(default=[])) -> Response:
        plans = await rows(executor, "plan_titles")
        titles = {p["plan"]: p["title"] or p["plan"] for p in plans}
        provinces = sorted({(p["province"], p["province_label"]) for p in plans if p["province"]}, key=lambda p: fold_key(p[1]))
        group = groups_of(plans, province, plan)
        columns = sorted(set(group.values()))
        context: dict[str, Any] = {"plans": plans, "provinces": provinces, "chosen_provinces": province,
                                   "chosen_plans": plan, "columns": columns, "group": group, "titles": titles}
        if len(columns) >= 1:
            indicators = await rows(executor, "compare_indicators")
            coverage = await rows(executor, "compare_plan_tasks")
            context.update(indicators=indicator_table(indicators, group),
                           tasks=task_table(await rows(executor, "compare_tasks"), group),
                           calendar=calendar(await rows(executor, "compare_deadlines"), group),
                           charts=chart_data(indicators, coverage, group, titles))
        return TEMPLATES.TemplateResponse(request, "compare.html", context)

    return routes
