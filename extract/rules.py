"""Load the Vietnamese cue tables in extract/patterns/ (tab-separated, one rule a row)."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from plangraph.extract.errors import PatternFileError
from plangraph.extract.paths import PATTERNS_DIR


@dataclass(frozen=True)
class Row:
    """One row of a pattern table, with where it came from (for error messages and tests)."""

    table: str
    line: int
    fields: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    @property
    def where(self) -> str:
        return f"{self.table}:{self.line}"


def read_table(name: str, required: tuple[str, ...], folder: Path = PATTERNS_DIR) -> tuple[Row, ...]:
    """Rows of `name` (a .tsv in patterns/); blank lines and lines starting with # are skipped."""
    path = folder / name
    if not path.is_file():
        raise PatternFileError(name, "pattern table not found")
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(i, line) for i, line in enumerate(handle, start=1)
                 if line.strip() and not line.startswith("#")]
    if not lines:
        raise PatternFileError(name, "pattern table is empty")
    header_line, header = lines[0]
    columns = next(csv.reader([header], delimiter="\t"))
    missing = [c for c in required if c not in columns]
    if missing:
        raise PatternFileError(f"{name}:{header_line}", f"missing columns {missing}")
    for number, line in lines[1:]:
        cells = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(columns):
            raise PatternFileError(f"{name}:{number}",
                                   f"expected {len(columns)} tab-separated cells, got {len(cells)}")
        fields = dict(zip(columns, (c.strip() for c in cells)))
        for column in required:
            if not fields[column] and column != "example":
                raise PatternFileError(f"{name}:{number}", f"empty {column}")
        rows.append(Row(name, number, fields))
    return tuple(rows)


def compile_regex(row: Row, column: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile one cell as a regular expression, reporting the table and line if it is bad."""
    try:
        return re.compile(row[column], flags)
    except re.error as exc:
        raise PatternFileError(row.where, f"bad regular expression in {column}: {exc}") from exc


@lru_cache(maxsize=None)
def cue_regex(name: str, kind: str | None = None, column: str = "kind",
              flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation of all `cue` cells of a table (optionally only rows whose `column` is `kind`)."""
    rows = read_table(name, ("id", "cue"))
    cues = [row["cue"] for row in rows if kind is None or row.fields.get(column) == kind]
    if not cues:
        raise PatternFileError(name, f"no cues of {column} {kind!r}")
    for row in rows:
        compile_regex(row, "cue", flags)
    return re.compile("|".join(f"(?:{c})" for c in sorted(cues, key=len, reverse=True)), flags)


@lru_cache(maxsize=None)
def cue_patterns(name: str, kind: str, column: str = "kind",
                 flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """Each `cue` cell of the rows whose `column` is `kind`, compiled on its own (rows that use
    named groups cannot be joined into one alternation)."""
    rows = read_table(name, ("id", column, "cue", "example"))
    return tuple(compile_regex(row, "cue", flags) for row in rows if row[column] == kind)


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches can only start at `starts` (increasing)
    and are never empty: a pattern that opens with a look-behind or a word boundary is tried by the
    regex engine at every position, and only at these when they come from a quick scan."""
    found = []
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            found.append(match)
            end = match.end()
    return found
