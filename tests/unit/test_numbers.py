"""Vietnamese numerals: thousands dots, decimal commas, spaces, leading zeros."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plangraph.extract.numbers import find_numbers, format_number, parse_number


@pytest.mark.parametrize("written, value", [
    ("100.000", 100000.0), ("1.234,5", 1234.5), ("1,5", 1.5), ("0,4", 0.4),
    ("100 000", 100000.0), ("01", 1.0), ("10.580", 10580.0), ("2.530", 2530.0), ("1.5", 1.5),
])
def test_numbers_parse_vietnamese_forms(written: str, value: float) -> None:
    assert parse_number(written) == value


def test_numbers_reject_non_numbers() -> None:
    with pytest.raises(ValueError):
        parse_number("12a")


def test_numbers_format_groups_thousands_and_uses_decimal_comma() -> None:
    assert format_number(1234.5) == "1.234,5"
    assert format_number(1234567) == "1.234.567"
    assert format_number(7) == "7"


def test_numbers_find_skips_dates_and_document_numbers() -> None:
    found = [value for _, _, value in find_numbers("Nghị định 93/2020/NĐ-CP ngày 01/7/2020 đạt 25.000 lượt")]
    assert 25000.0 in found
    assert 2020.0 not in found and 7.0 not in found


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_numbers_round_trip(value: object) -> None:
    number = float(str(value))
    assert parse_number(format_number(number)) == pytest.approx(number)


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_integers_round_trip_exactly(value: int) -> None:
    written = format_number(value)
    assert "," not in written
    assert parse_number(written) == value
