"""Reference data the extractor needs: province names (data/reference/provinces.tsv)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract.normalize import fold
from plangraph.extract.paths import REFERENCE_DIR


@dataclass(frozen=True)
class Province:
    era: str  # pre2025 | 2025
    code: str
    name: str
    kind: str  # tỉnh | thành phố


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    with (REFERENCE_DIR / "provinces.tsv").open(encoding="utf-8") as handle:
        return tuple(Province(r["era"], r["code"], r["name"], r["kind"])
                     for r in csv.DictReader(handle, delimiter="\t"))


@lru_cache(maxsize=1)
def _province_regex() -> re.Pattern[str]:
    names = sorted({fold(p.name) for p in provinces()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def find_province(text: str, loose_spacing: bool = False) -> str | None:
    """The first province named in `text`, spelled as the reference data spells it; with
    `loose_spacing`, also a name whose spaces a text layer moved ("Hồ Chí M inh"), for short texts
    such as a date line's place.

    >>> find_province("trên địa bàn tỉnh Lạng Sơn"), find_province("T hành phố Hồ Chí M inh", loose_spacing=True)
    ('Lạng Sơn', 'Hồ Chí Minh')
    """
    match = _province_regex().search(fold(text))
    if match:
        key = match.group(0)
        return next(p.name for p in provinces() if fold(p.name) == key)
    if loose_spacing:
        squeezed = "".join(fold(text).split())
        return next((name for key, name in _unspaced_names() if key in squeezed), None)
    return None


@lru_cache(maxsize=1)
def _unspaced_names() -> tuple[tuple[str, str], ...]:
    """(folded name without spaces, name), longest first."""
    names = {"".join(fold(p.name).split()): p.name for p in provinces()}
    return tuple(sorted(names.items(), key=lambda item: len(item[0]), reverse=True))


def province_named(text: str) -> Province | None:
    """The province whose name is `text` (any era, the newest first)."""
    key = fold(text.strip())
    found = [p for p in provinces() if fold(p.name) == key]
    return sorted(found, key=lambda p: p.era != "2025")[0] if found else None
