"""Facts from tables: task tables give tasks, indicator tables one target per (row, target year),
budget tables one budget line per (row, plan year).

Column roles, appendix numerals, table-wide units and columns that hold no target (estimates of
the current year, ratios between columns) come from patterns/table_cues.tsv. Target years are
the years of the table's caption ("giai đoạn 2026 - 2028"), else the plan's period, else the years
after the plan's own. Rows take section paths the way readers cite them: `PL` and the appendix's
numeral, or the body section the table stands in, then the STT of the group rows and the row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeVar

from plangraph.extract.agencies import distinct, mentions
from plangraph.extract.fields import finish_label
from plangraph.extract.facts import BudgetItem, Indicator, SectionInfo, TableCell, Task
from plangraph.extract.indicators import item_targets
from plangraph.extract.measures import canonical_unit, unit_rows
from plangraph.extract.metadata import PlanInfo
from plangraph.extract.numbers import NUMBER, RANGE_SEPARATOR, parse_number
from plangraph.extract.outline import Section
from plangraph.extract.rules import cue_patterns
from plangraph.extract.table_header import CUES, ROW_NUMBER, column_role, cue, label_years, time_due
from plangraph.extract.tables import Cell, Row, Table
from plangraph.extract.tasks import recurrence as task_recurrence

_VALUE = re.compile(rf"^(?P<lo>{NUMBER})(?:{RANGE_SEPARATOR}(?P<hi>{NUMBER}))?\s*(?P<pct>%)?$")
_BULLET = re.compile(r"^[-+•*–]\s*")
_Fact = TypeVar("_Fact", Task, Indicator, BudgetItem)
_UNIT_NOTE = re.compile(r"\(([^()]{1,25})\)\s*$")


@dataclass(frozen=True)
class TableFacts:
    tasks: tuple[Task, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    budget: tuple[BudgetItem, ...] = ()
    sections: tuple[SectionInfo, ...] = ()


@dataclass(frozen=True)
class _Column:
    index: int
    role: str | None
    years: tuple[int, int] | None  # (first, last) year the column is about
    target: bool  # holds targets (not an estimate, actual or ratio)
    measure: str  # what the column measures when it is not a year ("Lượng")
    unit: str | None  # a unit written in the label ("(Tấn)")
    agency_label: bool = False  # a label that may name the doer as well as the unit ("Đơn vị")
    finishes: bool = False  # a time column saying when each task is to be finished ("Thời gian hoàn thành")


def _cues(kind: str) -> tuple[re.Pattern[str], ...]:
    return cue_patterns(CUES, kind)


def _written_unit(text: str) -> str:
    """A unit as written, capitalised words in lower case ("Tấn" → "tấn", "USD" kept), or the
    canonical unit of units.tsv when it is one."""
    text = " ".join(text.strip(" .:;()").split())
    known = canonical_unit(text)
    if known is not None:
        return known[0]
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in text.split())


def _columns(table: Table) -> list[_Column]:
    formulas = {k for row in table.header if len(row.cells) == table.width
                for k, c in enumerate(row.cells) if "=" in c.text}
    found = []
    for k, labels in enumerate(table.columns):
        labels = tuple(" ".join(label.split()) for label in labels if label.strip())
        role = next((r for r in (column_role(label) for label in reversed(labels)) if r), None)
        years = next((y for y in (label_years(label) for label in reversed(labels)) if y), None)
        if years and role in ("subject", "budget", "product"):
            role = None  # "Chỉ tiêu năm 2026", "Kinh phí năm 2026": a column of that year
        blocked = k in formulas or any(p.search(label) for p in _cues("not_target") for label in labels)
        leaf = labels[-1] if labels else ""
        notes = [n.group(1) for n in map(_UNIT_NOTE.search, reversed(labels)) if n and not label_years(n.group(1))]
        unit = _written_unit(notes[0]) if notes else None  # "(Tấn)", or the group's "Kinh phí (triệu đồng)"
        measure = "" if years is None or label_years(leaf) else _UNIT_NOTE.sub("", leaf).strip()
        target = not blocked and role is None and (years is not None or any(
            p.search(label) for p in _cues("target_label") for label in labels))
        agency = bool(labels) and any(p.search(labels[-1]) for p in _cues("agency_label"))
        finishes = role == "due" and any(finish_label().search(label) for label in labels)
        found.append(_Column(k, role, years, target, measure, unit, agency, finishes))
    return found


def _agency_columns(columns: list[_Column]) -> list[_Column]:
    """A bare "Đơn vị" column names who does the work when the table has no lead column but
    a partner or time column (a task table), not a unit."""
    roles = {c.role for c in columns}
    if "lead" in roles or not roles & {"coordinate", "due"}:
        return columns
    return [replace(c, role="lead") if c.role == "unit" and c.agency_label else c for c in columns]


def _target_years(table: Table, plan: PlanInfo | None) -> tuple[int, int] | None:
    """Years whose columns hold targets: those of the caption and of the plan's period and horizon,
    else the years after the plan's own."""
    caption = label_years(" ".join(c.text for c in table.caption if not cue("attached").search(c.text)))
    spans = [caption] if caption else []
    if plan and plan.period_start and plan.period_end:
        spans.append((plan.period_start, max(plan.period_end, plan.horizon or 0)))
    if spans:
        return min(s[0] for s in spans), max(s[1] for s in spans)
    if plan and plan.year:
        return plan.year + 1, 9999
    return None


def _table_unit(table: Table) -> str | None:
    """A unit stated for the whole table ("Đơn vị tính: triệu đồng")."""
    for cell in [*table.caption, *(c for row in table.header for c in row.cells)]:
        match = cue("unit_line").search(cell.text)
        if match:
            return _written_unit(cell.text[match.end():])
    return None


def _is_money(unit: str | None) -> bool:
    return unit is not None and any(kind == "money" and canonical == unit for kind, _, _, canonical, _ in unit_rows())


def _prefix(table: Table, root: Section) -> str:
    """`PL` and the appendix's numeral, or the path of the body section the table stands in."""
    for cell in table.caption:
        for pattern in _cues("appendix"):
            match = pattern.search(cell.text)
            if match:
                return f"PL.{match['num']}" if match["num"] else "PL"
    inside = [s for s in root.walk() if s.path and s.start <= table.start]
    return inside[-1].path if inside else "PL"


def _level(stt: str, previous_letter: str | None) -> int | None:
    """Depth of a row number: A/B (1), I/II (2), 1 (3), 1.1 (4…), a (8); None for bullets."""
    stt = stt.rstrip(".)")
    if not stt or not ROW_NUMBER.match(stt):
        return None
    if re.fullmatch(r"[A-ZĐ]", stt) and (stt not in "IVXLC" or previous_letter == chr(ord(stt) - 1)):
        return 1
    if re.fullmatch(r"[IVXLC]+", stt):
        return 2
    if re.fullmatch(r"\d+(?:\.\d+)*", stt):
        return 3 + stt.count(".")
    return 8


@dataclass(frozen=True)
class _RowInfo:
    row: Row
    path: str
    stt: str
    subject: Cell
    group: str  # subject of the numbered row above a row without its own number
    table: int  # start of the table in the clean text
    index: int  # position among the table's data rows
    subject_column: int

    def at(self, column: int) -> TableCell:
        return TableCell(self.table, self.index, column)


def _rows(table: Table, columns: list[_Column], prefix: str) -> list[_RowInfo]:
    stt_col = next((c.index for c in columns if c.role == "stt"), 0)
    named = [c.index for role in ("subject", "product") for c in columns if c.role == role]
    subject_col = (named or [c.index for c in columns if c.index != stt_col and c.role is None] or [1])[0]
    chain: dict[int, str] = {}
    letter: str | None = None
    group = ""
    found = []
    for index, row in enumerate(table.rows):
        stt = row.cells[stt_col].text.strip() if stt_col < len(row.cells) else ""
        subject = row.cells[subject_col] if subject_col < len(row.cells) else Cell("", row.start, row.start)
        level = _level(stt, letter)
        clean = stt.rstrip(".)")
        if level is not None:
            if level == 1:
                letter = clean
            chain = {k: v for k, v in chain.items() if k < level}
            chain[level] = clean
            group = _BULLET.sub("", subject.text)
        labels = [chain[k] for k in sorted(chain)]
        labels = [v for i, v in enumerate(labels) if not any(w.startswith(v + ".") for w in labels[i + 1:])]
        path = ".".join([prefix, *labels])
        found.append(_RowInfo(row, path, clean if level is not None else "", subject,
                              group if level is None else "", table.start, index, subject_col))
    return found


def _subject(info: _RowInfo, column: _Column) -> str:
    own = _BULLET.sub("", info.subject.text).strip(" :")
    parts = [p for p in (info.group.strip(" :"), own, column.measure) if p]
    return " - ".join(parts)


def _value(text: str) -> tuple[float, float | None, bool, str | None] | None:
    """(value, value_max, is a percentage, comparator) of a cell: "1-1,5", "≥ 90%", "Trên 50"."""
    text = " ".join(text.split())
    comparator = None
    for pattern in _cues("value_lead"):
        text = pattern.sub("", text, count=1).strip()
    for pattern in _cues("at_least"):
        match = pattern.match(text)
        if match:
            text, comparator = text[match.end():].strip(), ">="
            break
    match = _VALUE.match(text)
    if not match:
        return None
    high = parse_number(match["hi"]) if match["hi"] else None
    return parse_number(match["lo"]), high, bool(match["pct"]), comparator


def find_table_facts(tables: tuple[Table, ...], root: Section, plan: PlanInfo | None = None) -> TableFacts:
    """Tasks, indicators and budget lines of every table.

    >>> from extract.tables import find_tables
    >>> from extract.outline import outline
    >>> text = ("PHỤ LỤC 01\\n| STT | Chỉ tiêu | ĐVT | Năm 2026 |\\n|---|---|---|---|\\n"
    ...         "| 1 | Số xã | xã | 12 |")
    >>> [(i.section, i.subject, i.value, i.unit, i.year) for i in find_table_facts(find_tables(text),
    ...     outline(text)).indicators]
    [('PL.01.1', 'Số xã', 12.0, 'xã', 2026)]
    """
    tasks: list[Task] = []
    indicators: list[Indicator] = []
    budget: list[BudgetItem] = []
    sections: dict[str, SectionInfo] = {}
    for table in tables:
        columns = _agency_columns(_columns(table))
        roles = {c.role for c in columns}
        prefix = _prefix(table, root)
        rows = _rows(table, columns, prefix)
        _add_sections(sections, table, prefix, rows)
        table_unit = _table_unit(table)
        span = _target_years(table, plan)
        targets = [c for c in columns if c.target and c.years and
                   (span is None or span[0] <= c.years[0] and c.years[1] <= span[1])]
        period = _period(targets, plan)
        if not any(c.years for c in columns):  # "Mục tiêu" columns: the year of the caption or plan
            year = span[1] if span and span[1] < 9999 else None
            targets = [replace(c, years=(year, year) if year else None) for c in columns if c.target]
        money_columns = [c for c in columns if c.years is None and c.role != "price" and  # a unit price is no budget
                         (c.role == "budget" and _is_money(c.unit or table_unit) or _is_money(c.unit))]
        budget.extend(_amounts(rows, money_columns, table_unit, period))
        if "subject" in roles and roles & {"lead", "coordinate"}:
            tasks.extend(_tasks(rows, columns))
        if not targets and _states_targets(table, rows):
            indicators.extend(_stated_targets(rows, span[1] if span and span[1] < 9999 else None))
        unit_col = next((c.index for c in columns if c.role == "unit"), None)
        for info in rows:
            row_unit = info.row.cells[unit_col].text if unit_col is not None else ""
            note = _UNIT_NOTE.search(info.subject.text)
            subject_unit = _written_unit(note.group(1)) if note and not label_years(note.group(1)) else None
            for column in targets:
                cell = info.row.cells[column.index]
                parsed = _value(cell.text)
                if parsed is None:
                    continue
                low, high, pct, comparator = parsed
                money = column.unit or table_unit
                if unit_col is None and _is_money(money) and subject_unit != "%" and not pct:
                    budget.append(BudgetItem(info.path, 0, _subject(info, column), low, money or "",
                                             _written_period(column.years) if column.years else period, False,
                                             None, cell.start, cell.end, info.at(column.index)))
                    continue
                unit = "%" if pct else (column.unit or (_written_unit(row_unit) if row_unit else None)
                                        or subject_unit or table_unit)
                if unit:
                    indicators.append(Indicator(info.path, 0, _subject(info, column), low, high, unit,
                                                column.years[1] if column.years else None, comparator,
                                                cell.start, cell.end,
                                                info.at(column.index)))
    return TableFacts(_numbered(tasks), _numbered(indicators), _numbered(budget), tuple(sections.values()))


def _states_targets(table: Table, rows: list[_RowInfo]) -> bool:
    """Whether the rows' subject column is headed as targets ("Chỉ tiêu"): its cells state them."""
    if not rows:
        return False
    labels = [" ".join(label.split()) for label in table.columns[rows[0].subject_column] if label.strip()]
    return bool(labels) and any(p.search(labels[-1]) for p in _cues("statement_label"))


def _stated_targets(rows: list[_RowInfo], year: int | None) -> list[Indicator]:
    """The targets each row's subject cell states, read as a sentence of the body is
    ("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%"); the year is the
    table's."""
    found = []
    for info in rows:
        for target in item_targets(info.subject.text, year):
            m = target.measure
            found.append(Indicator(info.path, 0, target.subject, m.value, m.value_max, target.unit, target.year,
                                   target.comparator, info.subject.start, info.subject.end,
                                   info.at(info.subject_column)))
    return found


def _add_sections(sections: dict[str, SectionInfo], table: Table, prefix: str, rows: list[_RowInfo]) -> None:
    """The appendix and the numbered rows of a table as sections (first seen wins)."""
    if prefix.startswith("PL") and table.caption:
        sections.setdefault(prefix, SectionInfo(prefix, " ".join(c.text for c in table.caption[:3]),
                                                table.caption[0].start, table.caption[-1].end))
    for info in rows:
        if info.stt and info.path != prefix:
            sections.setdefault(info.path, SectionInfo(info.path, info.subject.text or info.stt,
                                                       info.row.start, info.row.end))


def _written_period(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"


def _period(targets: list[_Column], plan: PlanInfo | None) -> str | None:
    """The period a column without years covers: the table's target years, else the plan's."""
    years = [y for c in targets if c.years for y in c.years]
    if years:
        return _written_period((min(years), max(years)))
    if plan and plan.period_start and plan.period_end:
        return _written_period((plan.period_start, plan.period_end))
    return None


def _amounts(rows: list[_RowInfo], columns: list[_Column], table_unit: str | None,
             period: str | None) -> list[BudgetItem]:
    """One budget line per row and money column without years ("Kinh phí (triệu đồng)")."""
    found = []
    for column in columns:
        unit = column.unit if _is_money(column.unit) else table_unit
        for info in rows:
            cell = info.row.cells[column.index]
            parsed = _value(cell.text)
            if parsed is not None and unit:
                found.append(BudgetItem(info.path, 0, _subject(info, replace(column, measure="")), parsed[0],
                                        unit, period, False, None, cell.start, cell.end, info.at(column.index)))
    return found


def _tasks(rows: list[_RowInfo], columns: list[_Column]) -> list[Task]:
    """One task per row with a task and someone or a time to do it by. A row without its own
    number whose published form lacks the lead, partner or time cells shares them with the row
    above (a cell merged over both)."""
    by_role = {c.role: c.index for c in reversed(columns) if c.role}
    finishes = any(c.finishes for c in columns if c.role == "due" and c.index == by_role["due"])
    found = []
    above: dict[str, str] = {}
    for info in rows:
        cells = info.row.cells
        text = _BULLET.sub("", info.subject.text).strip()
        doers: dict[str, str] = {role: cells[by_role[role]].text for role in ("lead", "coordinate", "due")
                                 if role in by_role}
        if not info.stt:
            doers.update({role: above.get(role, "") for role in doers if by_role[role] in info.row.merged})
        above = doers
        if not text or (not any(doers.values()) and _level(info.stt, None) in (1, 2)):
            continue
        leads = distinct([m.agency for m in mentions(doers.get("lead", ""))])
        coordinators = distinct([m.agency for m in mentions(doers.get("coordinate", ""))])
        due, recurrence = _due(doers.get("due", ""))
        start = info.subject.start + (len(info.subject.text) - len(text))
        task = Task(info.path, 0, text, start, info.subject.end, leads, coordinators, recurrence, due,
                    cell=info.at(info.subject_column))
        time = cells[by_role["due"]] if "due" in by_role and by_role["due"] not in info.row.merged else None
        if time and time.text:  # the time cell is the task's schedule, as a field block's "Thời gian …: …"
            task = replace(task, schedule=time.text, schedule_start=time.start, schedule_finishes=finishes)
        found.append(task)
    return found


def _due(text: str) -> tuple[str | None, str | None]:
    """(due, recurrence) of a time cell: "30/6/2026" → 2026-06-30, "Tháng 6/2026" → 2026-06, "Năm 2026",
    "Năm 2025 - 2026" → 2026; the recurrence as the body reads it ("hằng năm", "định kỳ hằng quý")."""
    return time_due(text), task_recurrence(text)


def _numbered(facts: list[_Fact]) -> tuple[_Fact, ...]:
    """The facts with ordinals counted within each section."""
    counts: dict[str, int] = {}
    out = []
    for fact in facts:
        counts[fact.section] = counts.get(fact.section, 0) + 1
        out.append(replace(fact, ordinal=counts[fact.section]))
    return tuple(out)

