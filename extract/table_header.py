"""Table headers: which rows are the header, what each column is labelled and what role it has.

Works on the cells' texts. A header is a label row, possibly a second row of leaves under cells
that span them (written narrower, or as a label followed by empty cells), then possibly a row
numbering the columns ("1 | 2 | 3", "A | B | 1"). Roles and cues come from patterns/table_cues.tsv.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from plangraph.extract.rules import compile_regex, cue_patterns, cue_regex, read_table

CUES = "table_cues.tsv"
LABEL_WORDS = 15  # a header label is short; a longer cell is text set out in a table
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LABEL_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])")
_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d|tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d", re.IGNORECASE)
_NUMERIC = re.compile(r"^[-+]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?%?$")
_NUMBERING = re.compile(r"^(?:\(?[A-Z]\)?|\(?\d{1,2}\)?|\d{1,2}\s*=\s*[\d\s()+\-*/x:]+)$")
ROW_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?$")  # a row's STT: "II", "3", "2.1", "a)"
_ALONE = ("stt", "subject", "unit", "note", "product")  # never a group over other columns


@lru_cache(maxsize=None)
def cue(kind: str) -> re.Pattern[str]:
    """The cues of one kind from patterns/table_cues.tsv, as one alternation."""
    return cue_regex(CUES, kind)


_OPEN_ENDED = re.compile(r"(?:các\s+năm\s+tiếp\s+theo|trở\s+đi)", re.IGNORECASE)  # "Quý IV/2025 và các năm tiếp theo"
_UNTIL = re.compile(r"(?<![^\W\d_])từ\b.*?\bđến\b", re.IGNORECASE)
_FROM_ONLY = re.compile(r"từ\b(?!.*(?:đến|[-–]\s*(?:năm\s*)?(?:19|20)\d\d))", re.IGNORECASE)


def time_due(text: str) -> str | None:
    """The date a time value gives, as a table's time cell or a task's "Thời gian thực hiện:" states
    it: "30/6/2026" → 2026-06-30, "Tháng 6/2026" → 2026-06, "Quý II/2026", "Năm 2026" → 2026,
    "Năm 2025 - 2026" → 2026 (the `due` rows of table_cues.tsv); a start ("Từ 01/7/2025") or an open
    end ("… và các năm tiếp theo") gives none."""
    if _FROM_ONLY.match(text.strip()) or _OPEN_ENDED.search(text):
        return None
    until = _UNTIL.search(text)
    text = text[until.end():] if until else text  # "Từ ngày 01/01/2026 đến ngày 31/3/2026": the end
    for pattern in cue_patterns(CUES, "due"):
        found = list(pattern.finditer(text.strip()))
        match = found[-1] if found else None  # "Tháng 11/2025 - tháng 02/2026": the window's end
        if match:
            groups = match.groupdict()
            year = groups["year"]
            if groups.get("day"):
                return f"{year}-{int(groups['month']):02d}-{int(groups['day']):02d}"
            if groups.get("month"):
                return f"{year}-{int(groups['month']):02d}"
            return str(year)
    return None


@lru_cache(maxsize=1)
def _roles() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = read_table(CUES, ("id", "kind", "role", "cue", "example"))
    return tuple((compile_regex(row, "cue"), row["role"]) for row in rows if row["kind"] == "column")


def label_years(text: str) -> tuple[int, int] | None:
    """(first, last) year a label or caption names, dates left aside.

    >>> label_years("Giai đoạn 2026 - 2030"), label_years("Kèm theo văn bản ngày 05/3/2025")
    ((2026, 2030), None)
    """
    found = [int(y) for y in _LABEL_YEAR.findall(_DATE.sub(" ", text))]
    return (min(found), max(found)) if found else None


def column_role(label: str) -> str | None:
    """stt | subject | unit | lead | coordinate | due | product | note | budget, from a header label.

    >>> column_role("Cơ quan chủ trì"), column_role("Đơn vị tính"), column_role("Năm 2026")
    ('lead', 'unit', None)
    """
    text = " ".join(label.split())
    if len(text.split()) > LABEL_WORDS:
        return None
    for pattern, role in _roles():
        if pattern.search(text):
            return role
    return None


@lru_cache(maxsize=8192)
def is_numeric(text: str) -> bool:
    """An amount, a range or a percentage ("1.200", "1-1,5", "45%")."""
    return bool(_NUMERIC.match(text.replace(" ", "")))


def is_numbering(row: list[str]) -> bool:
    """A row numbering the columns: "1 | 2 | 3", "A | B | 1 | 2=1/3"."""
    texts = [t for t in row if t]
    return len(texts) >= 3 and all(_NUMBERING.match(t) for t in texts) and len(texts) >= 0.8 * len(row)


def is_label_row(row: list[str]) -> bool:
    """Header-like: words, no amounts (years and numbering aside)."""
    texts = [t for t in row if t]
    return bool(texts) and not any(is_numeric(t) and not _YEAR.fullmatch(t) for t in texts)


def header_rows(rows: list[list[str]], width: int) -> int:
    """How many rows the header takes: a title row across the table, one label row (two when the
    first is narrower than the table: cells spanning leaves below), then a numbering row."""
    count = 0
    if len(rows) > 1 and len(rows[0]) == 1 and width > 2 and is_label_row(rows[0]):
        count = 1
    if count < len(rows) and is_label_row(rows[count]) and not is_numbering(rows[count]):
        count += 1
        narrow = len(rows[count - 1]) < width
        if count < len(rows) and is_label_row(rows[count]) and not is_numbering(rows[count]) and (
                narrow or not rows[count][0] and any(not t for t in rows[count - 1])):
            count += 1  # leaves under cells that span them (drawn narrower, or as empty cells)
    if count < len(rows) and is_numbering(rows[count]):
        count += 1
    return count


def markdown_header_rows(rows: list[list[str]], declared: int) -> int:
    """How many rows the header of a Markdown table takes: the rows above its `|---|` line, and
    the leaves under cells that span them when a page's converter put them below that line
    ("| … | GIAI ĐOẠN 2026 - 2030 | | |" / "|---|…" / "| | … | Năm 2026 | Năm 2027 | …")."""
    count = declared
    if (0 < count < len(rows) and is_label_row(rows[count]) and not is_numbering(rows[count])
            and not rows[count][0] and any(not t for t in rows[count - 1])):
        count += 1
    return count


def columns(header: list[list[str]], width: int) -> tuple[tuple[str, ...], ...]:
    """Labels covering each column. The last header row holds the leaves; a cell above is either
    alone over its column (spanning rows down) or spans a run of leaves, chosen so that column
    roles (STT, Nội dung) stand alone and years agree."""
    if not header:
        return tuple(() for _ in range(width))
    leaves = list(header[-1])
    if len(header) == 1 or len(leaves) >= width:
        base = [(t,) for t in leaves] + [()] * (width - len(leaves))
        if len(header) > 1:
            above = _spread(list(header[-2]), leaves)
            return tuple(((above[k],) if k < len(above) and len(above) == width else ()) + base[k]
                         for k in range(width))
        return tuple(base[:width])
    parents = list(header[-2])
    alone = width - len(leaves)
    groups = len(parents) - alone
    if alone < 0 or groups < 1 or groups > len(leaves):
        return tuple(((leaves[k],) if k < len(leaves) else ()) for k in range(width))
    alone_roles = [column_role(p) in _ALONE for p in parents]
    parent_years = [set(_YEAR.findall(p)) for p in parents]
    leaf_years = [set(_YEAR.findall(t)) for t in leaves]
    best: tuple[float, tuple[int, ...], tuple[int, ...]] | None = None
    for chosen in combinations(range(len(parents)), groups):
        if any(alone_roles[k] for k in chosen):
            continue
        for sizes in _compositions(len(leaves), groups):
            score = _fit(chosen, sizes, parent_years, leaf_years)
            if best is None or score > best[0]:
                best = (score, chosen, sizes)
    if best is None:
        return tuple(((leaves[k],) if k < len(leaves) else ()) for k in range(width))
    return _layout(parents, leaves, best[1], best[2])


def _spread(above: list[str], leaves: list[str]) -> list[str]:
    """A full-width row above the leaves, its spanning cells (drawn as a label then empty cells)
    repeated over the leaves they cover."""
    spread = list(above)
    for k in range(1, len(spread)):
        if not spread[k] and k < len(leaves) and leaves[k] and leaves[k - 1] and spread[k - 1]:
            spread[k] = spread[k - 1]
    return spread


def _compositions(total: int, parts: int) -> list[tuple[int, ...]]:
    if parts == 1:
        return [(total,)]
    return [(first, *rest) for first in range(1, total - parts + 2)
            for rest in _compositions(total - first, parts - 1)]


def _fit(groups: tuple[int, ...], sizes: tuple[int, ...], parent_years: list[set[str]],
         leaf_years: list[set[str]]) -> float:
    """How well cells `groups` of the row above, spanning `sizes` leaves each, fit the years."""
    score = -0.01 * (max(sizes) - min(sizes)) - 0.001 * min(groups)  # prefer even groups, on the left
    leaf = 0
    for k, size in zip(groups, sizes):
        above = parent_years[k]
        for years in leaf_years[leaf:leaf + size]:
            if years and above and not years <= _span(above):
                score -= 1
            elif bool(years) != bool(above) or years:
                score += 1
        leaf += size
    return score


def _layout(parents: list[str], leaves: list[str], groups: tuple[int, ...],
            sizes: tuple[int, ...]) -> tuple[tuple[str, ...], ...]:
    columns: list[tuple[str, ...]] = []
    leaf = 0
    size = iter(sizes)
    for k, parent in enumerate(parents):
        if k not in groups:
            columns.append((parent,))
            continue
        for _ in range(next(size)):
            columns.append((parent, leaves[leaf]))
            leaf += 1
    return tuple(columns)


def _span(years: set[str]) -> set[str]:
    numbers = [int(y) for y in years]
    return {str(y) for y in range(min(numbers), max(numbers) + 1)}
