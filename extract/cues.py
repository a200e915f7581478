"""The cues of patterns/indicator_cues.tsv, compiled for folded text (shared by indicators and budget)."""
from __future__ import annotations

import re
from functools import lru_cache

from plangraph.extract.normalize import fold
from plangraph.extract.rules import compile_regex, read_table

CUES = "indicator_cues.tsv"
_NOT_LETTER = r"(?![^\W\d_])"


@lru_cache(maxsize=None)
def cues(kind: str) -> tuple[re.Pattern[str], ...]:
    """Compiled cues of one kind from indicator_cues.tsv (matched on folded text)."""
    rows = read_table(CUES, ("id", "kind", "cue", "example"))
    for row in rows:
        compile_regex(row, "cue")
    # The text is folded (tone marks placed one way), so the cues are folded the same way.
    found = tuple(re.compile(fold_pattern(row["cue"]), re.IGNORECASE) for row in rows if row["kind"] == kind)
    if not found:
        raise ValueError(f"{CUES}: no cues of kind {kind!r}")
    return found


def fold_pattern(pattern: str) -> str:
    """Fold the literal parts of a regular expression, leaving escapes and group names alone."""
    return re.sub(r"\\.|\(\?P<\w+>|[^\\(]+|\(",
                  lambda m: m.group() if m.group().startswith(("\\", "(")) else fold(m.group()), pattern)


@lru_cache(maxsize=None)
def either(kind: str) -> re.Pattern[str]:
    """All cues of one kind as one word-bounded alternation (for cues without groups)."""
    body = "|".join(f"(?:{c.pattern})" for c in cues(kind))
    return re.compile(rf"(?<![^\W\d_])(?:{body}){_NOT_LETTER}", re.IGNORECASE)


def key(text: str) -> str:
    """Match key of a text: folded when that keeps every offset, else only lower-cased."""
    folded = fold(text)
    return folded if len(folded) == len(text) else text.lower()


__all__ = ["cues", "either", "fold_pattern", "key"]
