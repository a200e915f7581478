"""Literal screens for cue patterns: words one of which every match of a pattern contains, read
from the pattern's parse tree, so that a text holding none of them is skipped without running it.

Most cue patterns open with a look-behind or an alternation, which the regex engine tries at every
position of a text; finding a word with `str.__contains__` is many times faster.
"""
from __future__ import annotations

import importlib
import re
import sys
from functools import lru_cache
from typing import Any

# the standard library's own parser of regular expressions (no public interface gives the tree)
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")
_LITERAL, _BRANCH, _SUBPATTERN, _ATOMIC = (_constants.LITERAL, _constants.BRANCH, _constants.SUBPATTERN,
                                           _constants.ATOMIC_GROUP)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
# Characters whose lower case `str.lower` and the regex engine's case-insensitive matching see
# differently (dotless i, long s, dotted I, Greek sigma and symbols matched as letters …): a text
# holding one is never screened.
_ODD = re.compile("[\u0131\u017f\u0130\u03a3\u03c2\u0345\u0390\u03b0\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
                  "\u03f5\u1e9b\u1fbe\u1fd3\u1fe3\ufb05\ufb06\u00b5\u212a\u212b]")


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased words one of which every match of `pattern` contains; None when none is known.

    >>> sorted(required(re.compile(r"(?<!\\w)(?:hằng|mỗi)\\s+tháng", re.IGNORECASE)))
    ['tháng']
    >>> sorted(required(re.compile(r"(?:trước|đến)\\s+\\d+")))
    ['trước', 'đến']
    """
    return _words(pattern.pattern, pattern.flags)


@lru_cache(maxsize=None)
def _words(source: str, flags: int) -> frozenset[str] | None:
    try:
        tree = _parser.parse(source, flags)
    except Exception:  # a pattern the parser of this Python version reads differently: no screen
        return None
    return _sequence(list(tree))


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of words one of which a match of these consecutive items contains."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, value in items + [(None, None)]:
        if op is _LITERAL:
            run.append(chr(value))
            continue
        if run:
            best = _better(best, _lowered_words(["".join(run)]))
            run = []
        if op is _SUBPATTERN:
            best = _better(best, _sequence(list(value[3])))
        elif op is _ATOMIC:
            best = _better(best, _sequence(list(value)))
        elif op in _REPEATS and value[0] >= 1:
            best = _better(best, _sequence(list(value[2])))
        elif op is _BRANCH:
            branches = [_sequence(list(branch)) for branch in value[1]]
            if all(branch is not None for branch in branches):
                best = _better(best, _lowered_words([w for branch in branches if branch for w in branch]))
    return best


def _lowered_words(words: list[str]) -> frozenset[str] | None:
    lowered = [word.lower() for word in words]
    if any(len(low) != len(word) or _ODD.search(word) for low, word in zip(lowered, words)):
        return None
    return frozenset(lowered)


def _better(one: frozenset[str] | None, other: frozenset[str] | None) -> frozenset[str] | None:
    """The set whose shortest word is longer (it rules out more texts)."""
    if one is None or other is None:
        return other if one is None else one
    return other if min(map(len, other)) > min(map(len, one)) else one


@lru_cache(maxsize=16)  # one text's cues are screened one after another
def _lowered(text: str) -> str | None:
    """`text` in lower case, or None when it holds a character the screens cannot judge."""
    return None if _ODD.search(text) else text.lower()


def could_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` cannot match anywhere in `text` (a word it needs is missing).

    >>> cue = re.compile(r"(?<!\\w)hằng\\s+quý", re.IGNORECASE)
    >>> could_match(cue, "Báo cáo HẰNG QUÝ"), could_match(cue, "báo cáo định kỳ")
    (True, False)
    """
    words = required(pattern)
    if not words:
        return True
    lowered = _lowered(text)
    return lowered is None or any(word in lowered for word in words)


def search(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
    """`pattern.search(text, pos, endpos)`, skipped when a word the pattern needs is not in `text`."""
    return pattern.search(text, pos, endpos) if could_match(pattern, text) else None


def finditer(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, skipped when a word the pattern needs is not in `text`."""
    return list(pattern.finditer(text)) if could_match(pattern, text) else []
