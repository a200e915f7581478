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


def find_province(text: str) -> str | None:
    """The first province named in `text`, spelled as the reference data spells it.

    >>> find_province("trên địa bàn tỉnh Lạng Sơn")
    'Lạng Sơn'
    """
    match = _province_regex().search(fold(text))
    if not match:
        return None
    key = match.group(0)
    return next(p.name for p in provinces() if fold(p.name) == key)


def province_named(text: str) -> Province | None:
    """The province whose name is `text` (any era, the newest first)."""
    key = fold(text.strip())
    found = [p for p in provinces() if fold(p.name) == key]
    return sorted(found, key=lambda p: p.era != "2025")[0] if found else None
