"""Find every fact in one clean text (the stage after normalize)."""
from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from plangraph.extract.facts import BudgetItem, Extraction, Indicator, SectionInfo, Task
from plangraph.extract.metadata import extract_plan, lists_basis
from plangraph.extract.outline import Section
from plangraph.extract.budget import find_budget
from plangraph.extract.deadlines import find_deadlines
from plangraph.extract.indicators import find_indicators
from plangraph.extract.table_facts import find_table_facts
from plangraph.extract.tables import Table, find_tables
from plangraph.extract.tasks import find_tasks

_Fact = TypeVar("_Fact", Task, Indicator, BudgetItem)


def find_facts(text: str, root: Section, tables: tuple[Table, ...] | None = None) -> Extraction:
    """All facts of a clean text whose outline is `root` (outlined without its `tables`).

    >>> from extract.outline import outline
    >>> text = "KẾ HOẠCH\\nThử nghiệm\\nI. MỤC TIÊU"
    >>> find_facts(text, outline(text)).plan.title
    'Thử nghiệm'
    """
    tables = find_tables(text) if tables is None else tables
    sections = tuple(SectionInfo(s.path, s.title, s.start, s.end) for s in root.walk() if s.path)
    plan = extract_plan(text, [s.title for s in root.walk() if s.path], _opening_end_in_outline(root, len(text)),
                        tuple((s.title, s.items[0].text) for s in root.walk() if s.path and s.items))
    table = find_table_facts(tables, root, plan)
    known = {s.path for s in sections}
    sections += tuple(s for s in table.sections if s.path not in known)
    tasks = _joined(find_tasks(root), table.tasks)
    return Extraction(plan=plan, sections=sections, tasks=tasks, deadlines=find_deadlines(tasks),
                      indicators=_joined(find_indicators(root, plan), table.indicators),
                      budget=_joined(find_budget(root, plan), table.budget),
                      table_starts=tuple(t.start for t in tables))


def _opening_end_in_outline(root: Section, length: int) -> int | None:
    """Where the plan's opening ends: at its first heading, after the headings that only list what
    the plan rests on ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "1. Các văn bản chỉ đạo") and the numbered
    documents they list ("1. Quyết định số …")."""
    sections = root.walk()[1:]
    basis: list[str] = []
    for section in sections:
        if lists_basis(section.title):
            basis.append(section.path)
        elif not any(section.path.startswith(f"{path}.") for path in basis):
            return section.start
    return length if sections else None


def _joined(body: tuple[_Fact, ...], tables: tuple[_Fact, ...]) -> tuple[_Fact, ...]:
    """Facts of the body then of the tables; a table's facts are numbered after the body's of
    the same section so that no two share an ordinal."""
    last: dict[str, int] = {}
    for fact in body:
        last[fact.section] = max(last.get(fact.section, 0), fact.ordinal)
    return body + tuple(replace(f, ordinal=f.ordinal + last.get(f.section, 0)) for f in tables)
