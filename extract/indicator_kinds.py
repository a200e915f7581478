"""The kind of an indicator (patterns/indicator_kinds.tsv), so that free-text subjects line up across plans."""
from __future__ import annotations

import re
from functools import lru_cache

from plangraph.extract.cues import fold_pattern
from plangraph.extract.normalize import fold
from plangraph.extract.rules import compile_regex, read_table

TABLE = "indicator_kinds.tsv"


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = read_table(TABLE, ("id", "kind", "cue", "example"))
    for row in rows:
        compile_regex(row, "cue")
    return tuple((row["kind"], re.compile(fold_pattern(row["cue"]), re.IGNORECASE)) for row in rows)


def indicator_kind(subject: str) -> str | None:
    """The kind of the first cue row that matches the subject, or None.

    >>> indicator_kind("Tài liệu cổ được số hoá"), indicator_kind("diện tích rừng")
    ('digitised-documents', None)
    """
    key = fold(subject)
    return next((kind for kind, cue in _rules() if cue.search(key)), None)
