"""The document type written before a cited number ("Quyết định số 12/QĐ-UBND"), in linear time.

`type_before(line, end)` gives what this regular expression finds in `line[:end]`:

    (?P<type>(?:[A-ZĐ][\\wđ]*\\s+){0,1}[A-ZĐ][\\wđ]*(?:\\s+[a-zđ][\\wđ]*){0,2})\\s+số\\s*$

(`type`, stripped), but looks only at the last four words before "số": the expression itself
backtracks over the whole line for every number, which is quadratic on long lines.
"""
from __future__ import annotations

_SO = "số"
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzđ")
# Word roles from first to last: one or two capitalised words, then up to two lower-case words.
_SHAPES: dict[int, tuple[tuple[str, ...], ...]] = {
    4: (("W", "W", "L", "L"),),
    3: (("W", "W", "L"), ("W", "L", "L")),
    2: (("W", "W"), ("W", "L")),
    1: (("W",),),
}


def _word_char(c: str) -> bool:
    """A character of `[\\wđ]`: what `str.isalnum()` accepts, and the underscore."""
    return c.isalnum() or c == "_"


def type_before(line: str, end: int) -> str | None:
    """The type words ending with " số" just before `end` in `line`, or None."""
    i = end
    while i > 0 and line[i - 1].isspace():
        i -= 1
    if i < len(_SO) + 1 or line[i - len(_SO):i] != _SO or not line[i - len(_SO) - 1].isspace():
        return None
    j = i - len(_SO)
    while j > 0 and line[j - 1].isspace():
        j -= 1
    tokens: list[tuple[int, int]] = []  # (start, end) of the last words, last first
    k = j
    while k > 0 and len(tokens) < 4:
        stop = k
        while k > 0 and not line[k - 1].isspace():
            k -= 1
        tokens.append((k, stop))
        while k > 0 and line[k - 1].isspace():
            k -= 1
    tokens.reverse()
    for count in (4, 3, 2, 1):
        if count > len(tokens):
            continue
        chosen = tokens[len(tokens) - count:]
        first_start, first_end = chosen[0]
        rest = [line[s:e] for s, e in chosen[1:]]
        for shape in _SHAPES[count]:
            if not all(_fits(word, role) for word, role in zip(rest, shape[1:])):
                continue
            start = _leftmost_capital(line, first_start, first_end)
            if start is not None:
                return line[start:chosen[-1][1]]
    return None


def _fits(word: str, role: str) -> bool:
    return bool(word) and (word[0] in _UPPER if role == "W" else word[0] in _LOWER) and all(
        _word_char(c) for c in word)


def _leftmost_capital(line: str, start: int, end: int) -> int | None:
    """Leftmost position in line[start:end] of a capital from which the rest are word characters."""
    k = end
    best = None
    while k > start and _word_char(line[k - 1]):
        k -= 1
        if line[k] in _UPPER:
            best = k
    return best
