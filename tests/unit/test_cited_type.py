"""cited_type.type_before finds what the document-type expression finds, in linear time."""
from __future__ import annotations

import random
import re
import time

import pytest

from plangraph.extract.cited_type import type_before

# The expression type_before replaces (it backtracks over the whole line for every number).
REFERENCE = re.compile(r"(?P<type>(?:[A-ZĐ][\wđ]*\s+){0,1}[A-ZĐ][\wđ]*(?:\s+[a-zđ][\wđ]*){0,2})\s+số\s*$")
PIECES = ["Quyết", "định", "Kế", "hoạch", "số", "SỐ", "X", "x", "đ", "Đ", "Ab", "1", "_", "(", "a(B", "xY",
          " ", "  ", "\t", "\u00a0", "ố", "/", "-", "É", "é", "A1", "s"]


def reference(before: str) -> str | None:
    match = REFERENCE.search(before)
    return match["type"].strip() if match else None


@pytest.mark.parametrize("before, expected", [
    ("Căn cứ Quyết định số ", "Quyết định"),
    ("theo Kế hoạch số", "Kế hoạch"),
    ("Nghị quyết số ", "Nghị quyết"),
    ("văn bản số ", None),
    ("Quyết định ", None),
])
def test_cited_type_examples(before: str, expected: str | None) -> None:
    assert type_before(before + "12/QĐ-UBND", len(before)) == expected == reference(before)


def test_cited_type_agrees_with_the_expression_on_random_text() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        before = "".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 9)))
        assert type_before(before, len(before)) == reference(before), repr(before)


def test_cited_type_is_quick_on_a_long_word() -> None:
    line = "X" * 200_000 + " 1 số "
    started = time.perf_counter()
    assert type_before(line, len(line)) is None
    assert time.perf_counter() - started < 0.5
