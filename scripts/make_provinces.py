#!/usr/bin/env python3
"""Write data/reference/provinces.tsv from the `vietnam-provinces` package (GSO codes).

The package's releases hold one division list each, so run this once with each:
    pip install vietnam-provinces==0.6.0     && python scripts/make_provinces.py --era pre2025
    pip install vietnam-provinces==2025.10.1 && python scripts/make_provinces.py --era 2025
Each run replaces the rows of its era and keeps the other era's rows.
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "reference" / "provinces.tsv"
COLUMNS = ["era", "code", "name", "kind", "full_name"]


def _rows(era: str) -> list[dict[str, str]]:
    if era == "pre2025":
        from vietnam_provinces.enums import ProvinceEnum  # type: ignore[import-not-found]
        provinces = [p.value for p in ProvinceEnum]
    else:
        from vietnam_provinces import Province  # type: ignore[attr-defined]
        provinces = list(Province.iter_all())
    rows = []
    for p in provinces:
        full = p.name
        kind = "thành phố" if full.startswith("Thành phố") else "tỉnh"
        name = re.sub(r"^(Thành phố|Tỉnh)\s+", "", full)
        full = full if full.startswith(("Thành phố", "Tỉnh")) else f"Tỉnh {full}"
        code = int(getattr(p.code, "value", p.code))
        rows.append({"era": era, "code": f"{code:02d}", "name": name, "kind": kind, "full_name": full})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--era", choices=["pre2025", "2025"], required=True)
    args = parser.parse_args()
    kept: list[dict[str, str]] = []
    if OUT.exists():
        with OUT.open(encoding="utf-8") as handle:
            kept = [r for r in csv.DictReader(handle, delimiter="\t") if r["era"] != args.era]
    rows = sorted(kept + _rows(args.era), key=lambda r: (r["era"] != "pre2025", r["code"]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
