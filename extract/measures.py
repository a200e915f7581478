"""Numbers with a unit of measure (patterns/units.tsv): value, range, unit, "/denominator", span.

A unit is matched right after its number; a range ("6.000 – 8.000 bản", "10 - 10,5%/năm") gives
value and value_max; a denominator follows after "/" ("bản/người dân", "buổi/01 cơ sở" = "buổi/cơ
sở", "bé trai/100 bé gái" keeps its 100), and a rate may have no counted word ("4/100.000 trẻ sinh ra
còn sống": "/100.000 trẻ sinh ra còn sống"). The units are shared by indicators and budgets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract.numbers import NUMBER, RANGE_SEPARATOR, format_number, parse_number
from plangraph.extract.rules import compile_regex, finditer_at, read_table

UNITS = "units.tsv"
_NOT_LETTER = r"(?![^\W\d_])"


@dataclass(frozen=True)
class Measure:
    """A value with its unit, found at [start, end) of a text."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str  # canonical, with "/denominator" when written ("bản/người dân")
    kind: str  # percent | count | area | money
    gap: str = ""  # words between the unit and its "/denominator" ("sách" in "bản sách/người dân")


@lru_cache(maxsize=1)
def unit_rows() -> tuple[tuple[str, str, re.Pattern[str], str, float | None], ...]:
    """(kind, id, full-match regex, canonical unit, factor) for every row of units.tsv."""
    rows = read_table(UNITS, ("id", "kind", "cue", "unit", "example"))
    return tuple((row["kind"], row["id"], re.compile(compile_regex(row, "cue").pattern, re.IGNORECASE),
                  row["unit"], float(row.fields.get("factor") or 0) or None) for row in rows)


def _alternation(denominators: bool) -> str:
    """The units (or the denominators) of units.tsv as one alternation, the longest first."""
    patterns = sorted((r[2].pattern for r in unit_rows() if (r[0] == "denominator") == denominators),
                      key=len, reverse=True)
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=1)
def _value_regex() -> re.Pattern[str]:
    units, dens = _alternation(False), _alternation(True)
    return re.compile(
        rf"(?P<lo>{NUMBER})(?:(?:\s*(?:{units}))?{RANGE_SEPARATOR}(?P<hi>{NUMBER}))?"
        rf"\s*(?P<unit>{units}){_NOT_LETTER}"
        rf"(?:(?P<gap>(?:,?\s+[^\W\d]+){{0,6}}?)\s*/\s*(?:(?P<per>\d{{1,3}}(?:\.\d{{3}})*)\s+)?(?P<den>{dens}){_NOT_LETTER}"
        rf"(?:\s*/\s*(?P<den2>{dens}){_NOT_LETTER})?)?",
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _rate_regex() -> re.Pattern[str]:
    """A rate without a counted word, per a round number of a denominator ("4/100.000 trẻ sinh ra còn sống")."""
    dens = _alternation(True)
    return re.compile(rf"(?P<lo>{NUMBER})\s*/\s*(?P<per>\d{{1,3}}(?:\.000)+)\s+(?P<den>{dens}){_NOT_LETTER}",
                      re.IGNORECASE)


_DIGITS = re.compile(r"\d+")


def _values(text: str, regex: re.Pattern[str] | None = None) -> list[re.Match[str]]:
    """The matches of `regex` (`_value_regex()`) in `text`: a value opens a run of digits (no digit may precede it)."""
    return finditer_at(regex or _value_regex(), text, (run.start() for run in _DIGITS.finditer(text)))


def canonical_unit(written: str, denominator: bool = False) -> tuple[str, str] | None:
    """(canonical unit, kind) of a unit as written, None when units.tsv does not know it.

    >>> canonical_unit("tỉ đồng"), canonical_unit("Triệu  lượt"), canonical_unit("bó")
    (('tỷ đồng', 'money'), ('triệu lượt', 'count'), None)
    """
    for kind, _, regex, unit, _ in unit_rows():
        if (kind == "denominator") == denominator and _fits(regex, written):
            return (" ".join(written.lower().split()) if unit == "=" else unit), kind
    return None


def _fits(regex: re.Pattern[str], written: str) -> bool:
    """Whether a unit as written is all a row's cue matches; a cue may ask for a "/" after it
    ("ngày" is a unit only per something: "2,5 ngày/khách", not "1.000 ngày đầu đời")."""
    found = regex.match(f"{written}/")
    return found is not None and found.end() == len(written)


def _canonical(written: str, denominator: bool) -> tuple[str, str]:
    found = canonical_unit(written, denominator)
    if found is None:
        raise ValueError(f"unknown unit {written!r}")
    return found


def find_measures(text: str) -> list[Measure]:
    """Every number with a unit in `text`; ranges give value and value_max.

    >>> [(m.value, m.value_max, m.unit) for m in find_measures("có 6.000 – 8.000 bản, 1,5 bản/người dân")]
    [(6000.0, 8000.0, 'bản'), (1.5, None, 'bản/người dân')]
    """
    return list(_measures(text))


@lru_cache(maxsize=4096)
def _measures(text: str) -> tuple[Measure, ...]:
    """`find_measures`, remembered per text: indicators and budget lines read the same items."""
    found = []
    for match in _values(text):
        unit, kind = _canonical(match["unit"], False)
        if match["den"]:
            per = parse_number(match["per"]) if match["per"] else 1.0
            count = "" if per == 1 else f"{format_number(per)} "  # "/100 bé gái" keeps its 100
            unit = f"{unit}/{count}{_canonical(match['den'], True)[0]}"
            if match["den2"]:  # "triệu đồng/người/năm"
                unit = f"{unit}/{_canonical(match['den2'], True)[0]}"
        high = parse_number(match["hi"]) if match["hi"] else None
        found.append(Measure(match.start(), match.end(), parse_number(match["lo"]), high, unit, kind,
                             (match["gap"] or "").strip()))
    for match in _values(text, _rate_regex()):
        if all(match.end() <= m.start or match.start() >= m.end for m in found):
            unit = f"/{match['per']} {_canonical(match['den'], True)[0]}"
            found.append(Measure(match.start(), match.end(), parse_number(match["lo"]), None, unit, "count"))
    return tuple(sorted(found, key=lambda m: m.start))


__all__ = ["Measure", "canonical_unit", "find_measures", "unit_rows"]
