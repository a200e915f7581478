"""Indicator kinds: every cue row gives its kind to its own example, and every kind is in the scheme."""
from __future__ import annotations

import csv

import pytest

from plangraph.extract.indicator_kinds import TABLE, indicator_kind
from plangraph.extract.paths import ROOT
from plangraph.extract.rules import Row, read_table

ROWS = read_table(TABLE, ("id", "kind", "cue", "example"))


def _scheme_ids() -> set[str]:
    with (ROOT / "data" / "reference" / "indicator_kinds.tsv").open(encoding="utf-8") as handle:
        return {r["id"] for r in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")}


@pytest.mark.parametrize("row", ROWS, ids=[r.where for r in ROWS])
def test_indicator_kinds_example_gets_its_kind(row: Row) -> None:
    assert indicator_kind(row["example"]) == row["kind"], row.where


def test_indicator_kinds_are_concepts_of_the_scheme() -> None:
    assert {row["kind"] for row in ROWS} == _scheme_ids()


def test_indicator_kinds_ignore_tone_placement_and_case() -> None:
    assert indicator_kind("TÀI LIỆU ĐƯỢC SỐ HOÁ") == indicator_kind("tài liệu được số hóa") == "digitised-documents"


def test_indicator_kinds_leave_unknown_subjects_without_kind() -> None:
    assert indicator_kind("diện tích trồng rừng mới") is None
