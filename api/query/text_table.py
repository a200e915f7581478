"""SELECT rows as plain text that fits the terminal: a table whose wide columns give way first,
or, when there are too many columns for a readable table, one block of `name  value` lines per row."""
from __future__ import annotations

import shutil
import textwrap

GAP = "  "
MIN_WIDTH = 6
MAX_WIDTH = 60
READABLE = 12  # below this many characters a column says too little: rows become blocks


def fit_widths(natural: list[int], headers: list[int], total: int) -> list[int]:
    """Column widths whose sum (with gaps) stays within `total`: the widest column shrinks first,
    none below its header or MIN_WIDTH (so a very narrow terminal may still wrap).

    >>> fit_widths([10, 50, 5], [4, 5, 3], 40)
    [10, 21, 5]
    >>> fit_widths([3, 4], [3, 4], 80)
    [3, 4]
    """
    widths = [min(MAX_WIDTH, w) for w in natural]
    floors = [min(w, max(MIN_WIDTH, h)) for w, h in zip(widths, headers)]
    room = total - len(GAP) * max(0, len(widths) - 1)
    while sum(widths) > room:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def clip(text: str, width: int) -> str:
    """One cell on one line, cut with '…' when longer than its column.

    >>> clip("Sở Văn hóa, Thể thao", 10)
    'Sở Văn hó…'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


def records(columns: list[str], cells: list[list[str]], total: int) -> str:
    """Each row as a numbered block of `name  value` lines, long values wrapped under themselves.

    >>> print(records(["plan", "title"], [["p1", "Kế hoạch phát triển thư viện"]], 30), end="")
    -- 1 --
    plan   p1
    title  Kế hoạch phát triển thư
           viện
    (1 rows)
    """
    label = max(len(c) for c in columns)
    room = max(MIN_WIDTH, total - label - len(GAP))
    lines: list[str] = []
    for number, row in enumerate(cells, start=1):
        lines.append(f"-- {number} --")
        for name, value in zip(columns, row):
            wrapped = textwrap.wrap(" ".join(value.split()), room) or [""]
            lines.append(f"{name.ljust(label)}{GAP}{wrapped[0]}".rstrip())
            lines.extend(" " * (label + len(GAP)) + more for more in wrapped[1:])
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines) + "\n"


def render(columns: list[str], cells: list[list[str]], width: int | None = None) -> str:
    """A table with a header line, a rule and one line per row, then the row count; blocks per row
    when the columns cannot each get READABLE characters."""
    total = width or shutil.get_terminal_size((100, 24)).columns
    natural = [max([len(c)] + [len(" ".join(r[i].split())) for r in cells]) for i, c in enumerate(columns)]
    needed = sum(min(w, READABLE) for w in natural) + len(GAP) * max(0, len(columns) - 1)
    if needed > total:
        return records(columns, cells, total)
    widths = fit_widths(natural, [len(c) for c in columns], total)
    lines = [GAP.join(clip(c, w).ljust(w) for c, w in zip(columns, widths)).rstrip(),
             GAP.join("-" * w for w in widths)]
    for row in cells:
        lines.append(GAP.join(clip(v, w).ljust(w) for v, w in zip(row, widths)).rstrip())
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines) + "\n"
