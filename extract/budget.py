"""Budget amounts in a plan's funding sections (KINH PHÍ): totals, their parts and periods.

An amount is a number with a money unit from patterns/units.tsv. An amount followed by
"trong đó" / "gồm" (or labelled "tổng") is a total; the amounts after it, in the same bullet or
in the bullets below, are its parts. A total with no period of its own spans its parts'.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract.facts import BudgetItem
from plangraph.extract.cues import cues
from plangraph.extract.indicators import statements
from plangraph.extract.measures import find_measures, unit_rows
from plangraph.extract.metadata import PlanInfo
from plangraph.extract.normalize import fold
from plangraph.extract.outline import Section

_LABEL_EDGES = " \t,.;:()-–"


@dataclass(frozen=True)
class _Amount:
    section: str
    label: str
    amount: float
    unit: str
    period: str | None
    is_total: bool
    start: int
    end: int


def _matches(text: str, kind: str) -> bool:
    return any(cue.search(fold(text)) for cue in cues(kind))


def is_budget(section: Section) -> bool:
    """Whether a section (or a heading above it) is about funding."""
    return any(_matches(s.title, "budget") for s in [section, *section.ancestors()])


def period_of(label: str) -> str | None:
    """The period a label names: "Năm 2026" → "2026", "Giai đoạn 2027-2030" → "2027-2030".

    >>> period_of("Giai đoạn 2027 - 2030"), period_of("Năm 2026"), period_of("Tổng")
    ('2027-2030', '2026', None)
    """
    for cue in cues("budget_period"):
        match = cue.search(fold(label))
        if match:
            return f"{match['start']}-{match['end']}" if match["end"] else match["start"]
    return None


def _factor(unit: str) -> float:
    for kind, _, _, canonical, factor in unit_rows():
        if kind == "money" and canonical == unit:
            return factor or 1.0
    return 1.0


def _span(periods: list[str]) -> str | None:
    years = [int(y) for p in periods for y in p.split("-")]
    if not years:
        return None
    low, high = min(years), max(years)
    return str(low) if low == high else f"{low}-{high}"


@lru_cache(maxsize=1)
def _label_edges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Joining words ("là", "trong đó:") and bullets at the start, and joining words at the end, of a label."""
    edge = "|".join(c.pattern for kind in ("total", "link") for c in cues(kind) if "?P<" not in c.pattern)
    return (re.compile(rf"^(?:[-+•]|{edge})(?![^\W\d_])", re.IGNORECASE),
            re.compile(rf"(?<![^\W\d_])(?:{edge})$", re.IGNORECASE))


def _label(text: str, fallback: str) -> str:
    """The words before an amount, without joining words ("là", "trong đó:") at their edges."""
    lead, trail = _label_edges()
    label = re.sub(r"\s+", " ", text).strip(_LABEL_EDGES)
    while True:
        before = label
        label = lead.sub("", label).strip(_LABEL_EDGES)
        label = trail.sub("", label).strip(_LABEL_EDGES)
        if label == before:
            return label or fallback.strip(_LABEL_EDGES)


def _amounts(section: Section) -> list[_Amount]:
    """Amounts of a section's items; one followed by "trong đó:" or labelled "tổng" is a total."""
    found: list[_Amount] = []
    for item in statements(section):
        money = [m for m in find_measures(item.text) if m.kind == "money"]
        previous_end = 0
        for i, measure in enumerate(money):
            before = item.text[previous_end:measure.start]
            if _matches(before, "past"):  # "năm trước đã bố trí 300 triệu đồng" is no budget line
                previous_end = measure.end
                continue
            after = item.text[measure.end:money[i + 1].start if i + 1 < len(money) else len(item.text)]
            after = re.sub(r"^\s*\([^()]*\)", "", after)  # "(Mười hai tỷ đồng), trong đó:" spells it out
            label = _label(before, section.title if i == 0 else "")
            opens = bool(re.match(r"^[\s,.;:(]*(?:" + "|".join(c.pattern for c in cues("total")) + ")",
                                  fold(after)))
            named_total = _matches(label, "total_label")
            period = period_of(label) or (period_of(section.title) if i == 0 and not before.strip() else None)
            found.append(_Amount(section.path, label, measure.value, measure.unit, period,
                                 opens or named_total, item.start + measure.start, item.start + measure.end))
            previous_end = measure.end
    return found


def find_budget(root: Section, plan: PlanInfo | None = None) -> tuple[BudgetItem, ...]:
    """Every amount under the funding headings of an outline, totals linked to their parts.

    >>> from extract.outline import outline
    >>> root = outline("I. KINH PHÍ\\n1. Dự kiến: 300 triệu đồng, trong đó:\\n- Năm 2026: 100 triệu đồng.\\n"
    ...                "- Năm 2027: 200 triệu đồng.")
    >>> [(b.amount, b.period, b.is_total, b.parts_add_up) for b in find_budget(root)]
    [(300.0, '2026-2027', True, True), (100.0, '2026', False, None), (200.0, '2027', False, None)]
    """
    plan_period = None
    if plan and plan.period_start and plan.period_end:
        plan_period = _span([f"{plan.period_start}-{plan.period_end}"])  # "2026" for a one-year plan
    items: list[BudgetItem] = []
    for section in root.walk():
        if not section.path or not is_budget(section):
            continue
        amounts = _amounts(section)
        ordinal = 0
        i = 0
        while i < len(amounts):
            head = amounts[i]
            parts: list[_Amount] = []
            if head.is_total:
                j = i + 1
                while j < len(amounts) and not amounts[j].is_total:
                    parts.append(amounts[j])
                    j += 1
            group = [head, *parts]
            total_period = head.period or _span([p.period for p in parts if p.period]) or plan_period
            # parts with no period of their own (sources of a total) span the total's period; an amount
            # on its own ("2. Vốn doanh nghiệp: 5.800 tỷ đồng") is for the plan's years
            if head.is_total:
                shared = None if any(p.period for p in parts) else total_period
            else:
                shared = plan_period
            for k, amount in enumerate(group):
                ordinal += 1
                period = amount.period or shared
                adds_up: bool | None = None
                if k == 0 and amount.is_total:
                    period = total_period
                    if parts:
                        total = sum(p.amount * _factor(p.unit) for p in parts)
                        adds_up = math.isclose(total, amount.amount * _factor(amount.unit), rel_tol=1e-9)
                items.append(BudgetItem(section.path, ordinal, amount.label, amount.amount, amount.unit,
                                        period, k == 0 and amount.is_total, adds_up, amount.start, amount.end))
            i += len(group)
    return tuple(items)
