#!/usr/bin/env python3
"""Write data/reference/provinces.tsv from the `vietnam-provinces` package (GSO codes).

The package's releases hold one division list each, so run this once with each:
    pip install vietnam-provinces==0.6.0     && python scripts/make_provinces.py --era pre2025
    pip install vietnam-provinces==2025.10.1 && python scripts/make_provinces.py --era 2025
Each run replaces the rows of its era and keeps the other era's rows.

The 2025 mergers (data/reference/province_successors.tsv) come from the two releases' ward
lists: a merged ward keeps the GSO code of one of the wards it was made from, so each old
province's wards show which new province took them over:
    python scripts/make_provinces.py --successors OLD/nested-divisions.json NEW/nested-divisions.json
(the files are in each release's vietnam_provinces/data/ folder).
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "reference" / "provinces.tsv"
SUCCESSORS = OUT.parent / "province_successors.tsv"
COLUMNS = ["era", "code", "name", "kind", "full_name"]
# Units the package lists before 2025 under a later name: Thừa Thiên Huế became the city of Huế on
# 1 January 2025, and the plans it issued before then name the province.
FORMER_NAMES = {"46": "Tỉnh Thừa Thiên Huế"}


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
        if era == "pre2025" and f"{code:02d}" in FORMER_NAMES:
            full = FORMER_NAMES[f"{code:02d}"]
            kind, name = "tỉnh", _name(full)
        rows.append({"era": era, "code": f"{code:02d}", "name": name, "kind": kind, "full_name": full})
    return rows


def _name(full: str) -> str:
    return re.sub(r"^(Thành phố|Tỉnh)\s+", "", full)


def successors(old_file: Path, new_file: Path) -> None:
    """Old province → the new province holding its wards (by GSO ward code), with the evidence count."""
    old = json.loads(old_file.read_text(encoding="utf-8"))
    new = json.loads(new_file.read_text(encoding="utf-8"))
    province_of_ward = {w["code"]: p for p in old for d in p.get("districts", []) for w in d.get("wards", [])}
    votes: dict[int, collections.Counter[int]] = collections.defaultdict(collections.Counter)
    new_by_code = {p["code"]: p for p in new}
    for province in new:
        for ward in province["wards"]:
            if ward["code"] in province_of_ward:
                votes[province_of_ward[ward["code"]]["code"]][province["code"]] += 1
    rows = []
    for province in sorted(old, key=lambda p: p["code"]):
        counted = votes[province["code"]]
        if not counted:
            raise SystemExit(f"no ward of {province['name']} is found in the new list")
        code, wards = counted.most_common(1)[0]
        old_name = _name(FORMER_NAMES.get(f"{province['code']:02d}", province["name"]))
        rows.append({"old_code": f"{province['code']:02d}", "old_name": old_name,
                     "new_code": f"{code:02d}", "new_name": _name(new_by_code[code]["name"]),
                     "wards": f"{wards}/{sum(counted.values())}"})
    with SUCCESSORS.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{SUCCESSORS}: {len(rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--era", choices=["pre2025", "2025"])
    parser.add_argument("--successors", nargs=2, type=Path, metavar=("OLD_JSON", "NEW_JSON"),
                        help="write province_successors.tsv from two releases' nested-divisions.json")
    args = parser.parse_args()
    if args.successors:
        successors(*args.successors)
        return
    if not args.era:
        parser.error("give --era or --successors")
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
