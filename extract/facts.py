"""Facts found in one plan text; each remembers its section path and clean-text span."""
from __future__ import annotations

from dataclasses import dataclass

from plangraph.extract.metadata import PlanInfo


@dataclass(frozen=True)
class Agency:
    """An organisation as the plan names it, in canonical full form."""

    name: str
    kind: str | None  # id of an agency kind (agency_kinds.tsv) or None when unknown
    vague: bool = False  # a vague group such as "các đơn vị liên quan"


@dataclass(frozen=True)
class TableCell:
    """Where a fact was read in a table: the table's start in the clean text, the data row and
    the column (both 0-based)."""

    table: int
    row: int
    column: int


@dataclass(frozen=True)
class Task:
    section: str
    ordinal: int  # 1-based position among the tasks of its section
    text: str
    start: int
    end: int
    leads: tuple[Agency, ...] = ()
    coordinators: tuple[Agency, ...] = ()
    recurrence: str | None = None  # "annual", "monthly", "daily" or None
    due: str | None = None  # "2025", "--12-20", "2025-12-31" or "2025-12"
    schedule: str = ""  # the "Thời gian thực hiện: …" value of the task's field block
    schedule_start: int = 0
    schedule_finishes: bool = False  # the schedule says when the task is to be finished ("Thời gian hoàn thành: …")
    cell: TableCell | None = None  # where in a table the task was read


@dataclass(frozen=True)
class Indicator:
    section: str
    ordinal: int
    subject: str
    value: float
    value_max: float | None
    unit: str
    year: int | None
    comparator: str | None  # ">=" (ít nhất, trở lên), ">" (trên), "<" (dưới) or None
    start: int
    end: int
    cell: TableCell | None = None  # where in a table the value was read


@dataclass(frozen=True)
class Deadline:
    section: str
    ordinal: int
    what: str
    date: str  # "2025", "--11-01" or "2025-12-31"
    recurrence: str | None
    who: tuple[Agency, ...]
    to: Agency | None
    start: int
    end: int


@dataclass(frozen=True)
class BudgetItem:
    section: str
    ordinal: int
    label: str
    amount: float
    unit: str
    period: str | None  # "2026" or "2026-2030"
    is_total: bool
    parts_add_up: bool | None  # on a total with parts: whether they sum to it
    start: int
    end: int
    cell: TableCell | None = None  # where in a table the value was read


@dataclass(frozen=True)
class SectionInfo:
    path: str
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything found in one text."""

    plan: PlanInfo
    sections: tuple[SectionInfo, ...]
    tasks: tuple[Task, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    budget: tuple[BudgetItem, ...] = ()
    warnings: tuple[str, ...] = ()  # what could not be read (the text is still a plan)
    table_starts: tuple[int, ...] = ()  # where each table of the text starts (TableCell.table is one)
