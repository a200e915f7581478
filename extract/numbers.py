"""Vietnamese numerals: "100.000" = 100000, "1,5" = 1.5, "100 000" = 100000, "01" = 1, ranges."""
from __future__ import annotations

import math
import re

# Thousands grouped by "." (or a space), decimals after ","; a "." followed by one or two digits
# is read as an English decimal point. No digit, "/", "." or "," may touch the number.
NUMBER = (r"(?<![\d.,/])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])"
          r"|\d{1,3}(?:[ \u00a0]\d{3})+(?![\d.,/])"
          r"|\d+\.\d{1,2}(?![\d.])"
          r"|\d+(?:,\d+)?(?![\d]))")
# Between the two ends of a range: a dash or "đến" / "tới".
RANGE_SEPARATOR = r"\s*(?:[-–—]|đến|tới)\s*"

_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_THOUSANDS_SPACE = re.compile(r"\d{1,3}(?: \d{3})+")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DECIMAL_POINT = re.compile(r"\d+\.\d{1,2}")
_INTEGER = re.compile(r"\d+")


def parse_number(written: str) -> float:
    """The value of a number as Vietnamese texts write it.

    >>> parse_number("100.000"), parse_number("1,5"), parse_number("100 000"), parse_number("01")
    (100000.0, 1.5, 100000.0, 1.0)
    """
    text = written.strip().replace("\u00a0", " ")
    if _THOUSANDS_DOT.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _THOUSANDS_SPACE.fullmatch(text):
        return float(text.replace(" ", ""))
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if _DECIMAL_POINT.fullmatch(text) or _INTEGER.fullmatch(text):
        return float(text)
    raise ValueError(f"not a number: {written!r}")


def format_number(value: float, decimals: int = 6) -> str:
    """Write a number the Vietnamese way: "." between thousands, "," before decimals.

    >>> format_number(1234.5), format_number(100000), format_number(0.4)
    ('1.234,5', '100.000', '0,4')
    """
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"cannot write {value!r}")
    whole, _, fraction = f"{value:.{decimals}f}".partition(".")
    fraction = fraction.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    written = ".".join(groups)
    return f"{written},{fraction}" if fraction else written


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every number standing on its own in `text`.

    >>> find_numbers("đạt 25.000 lượt, ngày 01/7/2020")
    [(4, 10, 25000.0), (22, 24, 1.0)]
    """
    return [(m.start(), m.end(), parse_number(m.group())) for m in re.finditer(NUMBER, text)]
