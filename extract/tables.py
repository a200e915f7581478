"""Tables in a clean plan text: rows and header columns recovered from the published forms.

Two forms are read. Cell per line: a row is a `|` line, then its cells, each followed by a `|`
line, so an empty cell is two `|` lines in a row and so is the break between two rows; the rows
are recovered as the split of the `|` lines that gives most rows the table's full width (header
rows may be narrower, their cells spanning columns). Markdown: `| a | b |` lines, with an
optional `|---|` line under the header. Lines of one cell (hard wraps) are joined. Each table
keeps the caption lines above it ("Phụ lục 01", "Đơn vị: triệu đồng") and every cell's span.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from plangraph.extract.table_header import (LABEL_WORDS, ROW_NUMBER, column_role, columns, cue, header_rows, is_numbering,
                                  is_numeric,
                                  label_years, markdown_header_rows)

_MAX_CELL_LINES = 12  # a longer run of lines between `|` lines is text between two tables
_MAX_WIDTH = 40
_MIXED_COST = 0.3  # per cell whose kind differs from its column's
_SEAM_COST = 0.5  # per full row, for each inner column left empty but for a few page numbers
_CAPTION_LINES = 6
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$")
_LOST_ROWS = re.compile(r"^[.…]{3,}$")  # a line of dots where the source lost rows and their breaks
MARKDOWN_RULE = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")  # "|---|---|" under a header row


@dataclass(frozen=True)
class Cell:
    """A cell's text (its lines joined by spaces) and span in the clean text; empty cells have
    start == end."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """A row's cells, one per column; `merged`: the columns whose cell the published row does
    not have (a cell of the row above spanning this one, in the cell-per-line form)."""

    cells: tuple[Cell, ...]
    merged: tuple[int, ...] = ()

    @property
    def start(self) -> int:
        return min((c.start for c in self.cells if c.text), default=self.cells[0].start if self.cells else 0)

    @property
    def end(self) -> int:
        return max((c.end for c in self.cells if c.text), default=self.start)


@dataclass(frozen=True)
class Table:
    """One table: its span, caption lines, header rows, data rows (each `width` cells) and, per
    column, the header labels that cover it from top to bottom."""

    start: int
    end: int
    caption: tuple[Cell, ...]
    header: tuple[Row, ...]
    rows: tuple[Row, ...]
    columns: tuple[tuple[str, ...], ...]

    @property
    def width(self) -> int:
        return len(self.columns)


class _Line(NamedTuple):
    text: str
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    found, position = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        found.append(_Line(stripped, position + lead, position + lead + len(stripped)))
        position += len(raw) + 1
    return found


def is_markdown_row(line: str) -> bool:
    return len(line) > 1 and line.startswith("|") and line.endswith("|") and line.count("|") >= 2


def find_tables(text: str) -> tuple[Table, ...]:
    """Every table of a clean text, in text order.

    >>> t = find_tables("Bảng\\n| STT | Nội dung |\\n|---|---|\\n| 1 | Làm A |")[0]
    >>> [c.text for c in t.rows[0].cells], t.columns, [c.text for c in t.caption]
    (['1', 'Làm A'], (('STT',), ('Nội dung',)), ['Bảng'])
    """
    lines = _lines(text)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        line = lines[i].text
        if line == "|":
            j, table = _cell_per_line(lines, i)
        elif _row_end(lines, i) is not None and i + 1 < len(lines) and lines[i + 1].text.startswith("|"):
            j, table = _markdown(lines, i)
        else:
            i += 1
            continue
        if table is not None:
            tables.append(table)
        i = max(j, i + 1)
    return tuple(tables)


def _caption(lines: list[_Line], first: int) -> tuple[Cell, ...]:
    """The lines just above a table, from the nearest caption cue ("Phụ lục", "Mẫu biểu") down."""
    above: list[_Line] = []
    k = first - 1
    while k >= 0 and len(above) < _CAPTION_LINES:
        line = lines[k].text
        if line == "|" or is_markdown_row(line):
            break
        if line:
            above.insert(0, lines[k])
        k -= 1
    starts = [n for n, line in enumerate(above) if cue("caption").match(line.text)]
    chosen = above[starts[0]:] if starts else above[-2:]
    return tuple(Cell(line.text, line.start, line.end) for line in chosen)


# ------------------------------------------------------------------ cell per line
def _cell_per_line(lines: list[_Line], first: int) -> tuple[int, Table | None]:
    """(index after the table, table) for the block of `|` lines starting at `first`."""
    gaps: list[Cell | None] = []  # gaps[k]: what stands between `|` line k and k + 1
    run: list[_Line] = []
    last_pipe = first
    k = first + 1
    while k < len(lines):
        line = lines[k]
        if line.text == "|":
            if run and (len(run) > _MAX_CELL_LINES or _opens_caption(run) or _ends_table(run, gaps)):
                break
            gaps.append(Cell(" ".join(r.text for r in run), run[0].start, run[-1].end) if run else None)
            run = []
            last_pipe = k
        elif line.text:
            run.append(line)
            if len(run) > _MAX_CELL_LINES:
                break
        k += 1
    rows = _split_rows(gaps)
    if rows is None:
        return last_pipe + 1, None
    return last_pipe + 1, _build(lines, first, lines[last_pipe].end, rows, markdown_header=None)


def _ends_table(run: list[_Line], gaps: list[Cell | None]) -> bool:
    """Lines between two `|` lines that open a part of the body ("III. TỔ CHỨC THỰC HIỆN"), but for
    a group row's one cell after a row break ("|" / "|" / "I. NÂNG CAO NHẬN THỨC" / "|")."""
    if len(run) == 1 and gaps and gaps[-1] is None:
        return False
    return any(cue("ends_table").match(r.text) for r in run)


def _opens_caption(run: list[_Line]) -> bool:
    """Lines between two `|` lines that are the caption of a new table ("Phụ lục 02", its title)."""
    return bool(cue("caption").match(run[0].text)) and (len(run) > 1 or bool(cue("appendix_start").match(run[0].text)))


def _split_rows(gaps: list[Cell | None]) -> list[list[Cell]] | None:
    """Rows of `|`-separated gaps: each row of width w spans w + 1 `|` lines and the next row
    starts at the following `|` line (so the gap between them is empty). The width of the table
    is chosen so that most rows are full; narrower rows (header cells spanning columns, group
    rows, cells merged with the row above) are allowed at a cost. Of two widths that cost the
    same, the wider is taken: each row a cell merged with the row above made one cell narrower
    costs as much there as the row that has all its cells costs in the narrower width."""
    if not gaps:
        return None
    page = _row_break_stand_ins(gaps)
    runs = _runs([gap is None for gap in gaps])
    # the width: the longest run of filled cells or a little more (rows with empty cells), or
    # (a page number or a lost `|` joining two rows) the length of another run; and, where page
    # numbers join rows, the longest run up to a number (a row's first cell, "1", may be one)
    # and one more
    common = Counter(n for n in runs[1:-1] if n >= 2).most_common(2)  # from one empty gap to the next
    candidates = {max(runs), max(runs) + 1} | {n for n, _ in common} | {n for n, _ in Counter(runs).most_common(2)}
    longest_between_numbers = max(_runs([gap is None or number for gap, number in zip(gaps, page)]))
    candidates |= {longest_between_numbers, longest_between_numbers + 1}
    best: tuple[float, int, list[list[Cell]]] | None = None
    numeric = [0]
    for gap in gaps:
        numeric.append(numeric[-1] + (gap is not None and is_numeric(gap.text)))
    group = _group_starts(gaps)
    for width in sorted(c for c in candidates if 2 <= c <= _MAX_WIDTH):
        parsed = _parse(gaps, width, numeric, page, group)
        if parsed is None:
            continue
        cost = parsed[0] + _MIXED_COST * _mixed(parsed[1], width) + _SEAM_COST * _seams(parsed[1], width)
        if best is None or cost <= best[0]:  # on a tie the wider: rows a merged cell made narrower cost as much
            best = (cost, width, parsed[1])
    return best[2] if best else None


def _row_break_stand_ins(gaps: list[Cell | None]) -> list[bool]:
    """Whether each gap may stand where the empty gap between two rows was: a page number, or a line of
    dots where the source lost rows ("…......").
    A number just after an empty gap is the first cell of the row that gap opens (its STT: "|" /
    "|" / "4" / "|" / "Tham gia …"), unless another number follows it (the row's own STT after a
    page number that an empty last cell precedes)."""
    def bare(k: int) -> bool:
        gap = gaps[k] if 0 <= k < len(gaps) else None
        return gap is not None and bool(_PAGE_NUMBER.match(gap.text))
    def lost(k: int) -> bool:
        gap = gaps[k]
        return gap is not None and bool(_LOST_ROWS.match(gap.text))
    return [bare(k) and (k == 0 or gaps[k - 1] is not None or bare(k + 1)) or lost(k) for k in range(len(gaps))]


def _group_starts(gaps: list[Cell | None]) -> list[int]:
    """For each gap, the nearest gap after it that opens a row: a row number (Roman, arabic, with its
    path, a letter) after an empty gap and before words ("|" / "|" / "II" / "|" / "Tuyên truyền",
    "1.1.2" / "|" / "Vùng nuôi …")."""
    nearest = [len(gaps) + 1] * (len(gaps) + 1)
    for k in range(len(gaps) - 2, 0, -1):
        gap, after = gaps[k], gaps[k + 1]
        opens = (gaps[k - 1] is None and gap is not None and bool(ROW_NUMBER.match(gap.text))
                 and after is not None and not is_numeric(after.text))
        nearest[k - 1] = k if opens else nearest[k]
    return nearest


def _runs(breaks: list[bool]) -> list[int]:
    """Lengths of the runs of gaps between breaks."""
    runs, current = [], 0
    for stop in breaks:
        if stop:
            runs.append(current)
            current = 0
        else:
            current += 1
    runs.append(current)
    return runs


def _seams(rows: list[list[Cell]], width: int) -> int:
    """Full rows times the inner columns that are empty in most of them and hold nothing but a
    number that may be a page number in the others: the seam of a split that takes two rows for
    one, joined at the empty gap between them, or at the page number that stands in for it
    (`|` 14 `|`). Such a split costs nothing where the page number costs each time."""
    full = [row for row in rows if len(row) == width][1:]  # the first may be the header's
    if len(full) < 2:
        return 0
    seams = 0
    for k in range(1, width - 1):
        filled = [row[k].text for row in full if row[k].text]
        if 4 * len(filled) <= len(full) and all(_PAGE_NUMBER.match(text) for text in filled):
            seams += 1
    return len(full) * seams


def _mixed(rows: list[list[Cell]], width: int) -> int:
    """Cells of full data rows whose kind (amount or words) differs from most of their column's:
    a split that shifts cells across columns mixes them."""
    counts = [[0, 0] for _ in range(width)]
    for row in rows:
        if len(row) == width and any(is_numeric(c.text) for c in row):  # data rows, not labels
            for k, cell in enumerate(row):
                if cell.text:
                    counts[k][is_numeric(cell.text)] += 1
    return sum(min(pair) for pair in counts)


def _parse(gaps: list[Cell | None], width: int, numeric: list[int],
           page: list[bool], group: list[int]) -> tuple[float, list[list[Cell]]] | None:
    """The cheapest split of the gaps into rows of `width` cells; `numeric[k]` counts the
    amounts among gaps[:k] (a narrower row holding one after its first cell, its number, is dear:
    data rows are full); `page[k]`: gap k may be a page number; `group[k]`: the first gap after
    gap k that starts a row."""
    pipes = len(gaps) + 1
    last = pipes - 1
    cost: list[float | None] = [None] * (pipes + 1)
    choice = [0] * (pipes + 1)
    cost[last] = 0.0
    # a row ends at an empty gap, a page number or the last `|` line, nowhere else
    ends = [k for k in range(1, last) if gaps[k] is None or page[k]] + [last]
    for start in range(pipes - 2, -1, -1):
        best: float | None = None
        stop = min(start + 2 * width + 2, last + 1, group[start])
        for k in range(bisect_right(ends, start), len(ends)):
            end = ends[k]
            if end >= stop:
                break
            if end == last:
                rest: float | None = 0.0
            else:
                gap, after = gaps[end], cost[end + 1]
                if gap is None:
                    rest = after
                elif after is not None and page[end]:
                    rest = after + 0.9  # a page number between two rows (dearer than a two-row header)
                else:
                    continue
            if rest is None:
                continue
            w = end - start
            total = rest + (0.0 if w == width else 3.0 if w > width
                            else 1.0 if numeric[end] > numeric[start + 1] else 0.3)
            if best is None or total < best:
                best, choice[start] = total, w
        cost[start] = best
    if cost[0] is None:
        return None
    rows: list[list[Cell]] = []
    start = 0
    while start < last:
        w = choice[start]
        rows.append([gaps[k] or Cell("", 0, 0) for k in range(start, start + w)])
        start += w + 1
    return (cost[0], rows)


# ------------------------------------------------------------------ markdown
def _markdown(lines: list[_Line], first: int) -> tuple[int, Table | None]:
    rows: list[list[Cell]] = []
    header_rows: int | None = None
    k = first
    while k < len(lines):
        line = lines[k]
        if MARKDOWN_RULE.match(line.text):
            header_rows = len(rows) if header_rows is None else header_rows
            k += 1
            continue
        end = _row_end(lines, k)
        if end is None:
            break
        rows.append(_markdown_cells(lines[k:end + 1]))
        k = end + 1
    if not rows:
        return k, None
    return k, _build(lines, first, lines[k - 1].end, rows, markdown_header=header_rows)


def _row_end(lines: list[_Line], k: int) -> int | None:
    """Index of the last line of the Markdown row starting at line k (a cell may wrap onto the
    next lines), or None when no row starts there."""
    if is_markdown_row(lines[k].text):
        return k
    if not (lines[k].text.startswith("|") and lines[k].text.count("|") >= 2):
        return None
    for j in range(k + 1, min(k + 1 + _MAX_CELL_LINES, len(lines))):
        text = lines[j].text
        if not text or text.startswith("|"):
            return None
        if text.endswith("|"):
            return j
    return None


def _markdown_cells(parts: list[_Line]) -> list[Cell]:
    """Cells between the `|` of a row written on one line or wrapped over several."""
    cells: list[Cell] = []
    pieces: list[tuple[str, int, int]] = []
    opened = False
    for line in parts:
        position = 0
        for match in [*re.finditer(r"\|", line.text), None]:
            stop = match.start() if match else len(line.text)
            raw = line.text[position:stop]
            text = raw.strip()
            if text and opened:
                start = line.start + position + len(raw) - len(raw.lstrip())
                pieces.append((text, start, start + len(text)))
            if match is None:
                break
            if opened:
                at = line.start + match.start()
                cells.append(Cell(" ".join(p[0] for p in pieces), pieces[0][1], pieces[-1][2]) if pieces
                             else Cell("", at, at))
            pieces, opened, position = [], True, match.end()
    return cells


# ------------------------------------------------------------------ header and columns
def _build(lines: list[_Line], first: int, end: int, rows: list[list[Cell]],
           markdown_header: int | None) -> Table | None:
    width = max(len(r) for r in rows)
    if width < 2:
        return None
    texts = [[c.text for c in r] for r in rows]
    count = header_rows(texts, width) if markdown_header is None else markdown_header_rows(texts, markdown_header)
    labelled = [r for r in texts[:count] if not is_numbering(r) and not (len(r) == 1 and width > 2)]
    numbered = markdown_header is None and _numbered_rows(texts[count:], width)
    amounts = _amount_columns(texts[count:], width) if markdown_header is None else ()
    body = tuple(_body_row(r, width, numbered, amounts) for r, t in zip(rows[count:], texts[count:])
                 if any(t) and not _repeats_header(t, texts[:count]) and not (count and is_numbering(t)))
    return Table(lines[first].start, end, _caption(lines, first), tuple(Row(tuple(r)) for r in rows[:count]),
                 body, tuple(tuple(label for label in column if label) for column in columns(labelled, width)))


def _repeats_header(texts: list[str], header: list[list[str]]) -> bool:
    """Whether a row is the header again: on a new page, or under a group with its subject column
    named anew ("| | Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | …" under "STT | Nhiệm vụ, giải pháp | …",
    its empty first cell read as a row break): all but one of its cells, and at least two, are the
    header's labels."""
    if any(texts == row for row in header):
        return True
    labels = {" ".join(label.split()).lower() for row in header for label in row if label.strip()}
    filled = [" ".join(t.split()).lower() for t in texts if t.strip()]
    same = sum(1 for t in filled if t in labels)
    return same >= 2 and same >= len(filled) - 1


def _numbered_rows(texts: list[list[str]], width: int) -> bool:
    """Whether the rows open with their number: most full rows have one in their first cell."""
    full = [t for t in texts if len(t) == width]
    return len(full) >= 2 and 2 * sum(bool(ROW_NUMBER.match(t[0])) for t in full) > len(full)


def _amount_columns(texts: list[list[str]], width: int) -> tuple[int, ...]:
    """The columns that hold amounts in most full rows that fill them."""
    full = [t for t in texts if len(t) == width]
    found = []
    for k in range(1, width):
        filled = [t[k] for t in full if t[k]]
        if len(filled) >= 2 and 2 * sum(is_numeric(text) for text in filled) > len(filled):
            found.append(k)
    return tuple(found)


_NUMBERED_CELL = re.compile(r"^(?P<number>[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[A-ZĐa-zđ])[.)]\s+(?P<words>[^\W\d_].*)$")


def _number_and_words(cell: Cell, match: re.Match[str]) -> list[Cell]:
    """A group row's cell "I. NÂNG CAO NHẬN THỨC" as its two cells, the number and the words."""
    return [Cell(match["number"], cell.start, cell.start + match.end("number")),
            Cell(match["words"], cell.start + match.start("words"), cell.end)]


def _body_row(cells: list[Cell], width: int, numbered: bool, amounts: tuple[int, ...] = ()) -> Row:
    """A data row of `width` cells. In the cell-per-line form a cell merged over several rows is
    written in the first of them only: a narrower row of a numbered table that opens with words
    lacks its number (it goes on the numbered row above), unless its first cell holds its number
    and its words ("I. NÂNG CAO …" across the row), and a narrower row lacks its last cells.
    A narrower row whose words span several columns ends with the amounts of the last columns that
    hold amounts ("I" / "Quan trắc …" / "1.364.329.243": the group's total under "Thành tiền")."""
    merged: list[int] = []
    filled = [cell for cell in cells if cell.text]
    lone = _NUMBERED_CELL.match(filled[0].text) if numbered and len(filled) == 1 else None
    glued = _NUMBERED_CELL.match(cells[0].text) if numbered and len(cells) < width else None
    if lone and not glued:  # "| | I. Kinh tế số | |": a group row's one cell among empty ones
        cells = _number_and_words(filled[0], lone)
        cells += [Cell("", filled[0].end, filled[0].end)] * (width - len(cells))
    elif glued:  # "I. NÂNG CAO NHẬN THỨC" in one cell across the row: its number, then its words
        cells = [*_number_and_words(cells[0], glued), *cells[1:]]
    elif numbered and len(cells) < width and cells[0].text and not ROW_NUMBER.match(cells[0].text):
        cells = [Cell("", cells[0].start, cells[0].start), *cells]
        merged.append(0)
    end = len(cells)
    while end > 2 and not cells[end - 1].text:
        end -= 1  # the empty cells after the totals ("Ghi chú")
    tail = end
    while tail > 2 and cells[tail - 1].text and is_numeric(cells[tail - 1].text):
        tail -= 1
    count = end - tail
    if (len(cells) < width and 0 < count <= len(amounts) and amounts[-count] > tail
            and amounts[-count] + len(cells) - tail <= width):
        spanned = [Cell("", cells[tail - 1].end, cells[tail - 1].end)] * (amounts[-count] - tail)
        cells = [*cells[:tail], *spanned, *cells[tail:]]
    merged.extend(range(len(cells), width))
    return Row(tuple(cells) + tuple(Cell("", cells[-1].end, cells[-1].end) for _ in range(width - len(cells))),
               tuple(merged))


def table_spans(tables: tuple[Table, ...]) -> tuple[tuple[int, int], ...]:
    """Spans the body reading must leave to the table reader: every table with a column it reads
    facts from (not a header or signature block set out as a table), from its appendix caption on."""
    spans = []
    for table in tables:
        labels = [label for column in table.columns for label in column]
        if not any(column_role(label) or len(label.split()) <= LABEL_WORDS and label_years(label) for label in labels):
            continue  # no column a fact is read from: a layout block, left to the body
        appendix = [c for c in table.caption if cue("caption").match(c.text)]
        spans.append((appendix[0].start if appendix else table.start, table.end))
    return tuple(spans)
