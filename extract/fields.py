"""Field blocks that assign the tasks above them: "Đơn vị chủ trì: X", "Đơn vị phối hợp: Y",
"Cơ quan thực hiện: X chủ trì, phối hợp với Y", "Thời gian thực hiện: Z"; and the particulars of
an activity ("Địa điểm: …", "Thành phần: …", "Số lượng: …"), which are no tasks of their own.

A block (one or more field lines) applies to every task since the previous block. Labels are the
`field-lead`, `field-coordinate`, `field-time` and `field-detail` rows of patterns/task_cues.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract.agencies import list_at, mentions
from plangraph.extract.facts import Agency
from plangraph.extract.rules import cue_regex

_KINDS = ("field-lead", "field-coordinate", "field-time", "field-detail")


@dataclass(frozen=True)
class Field:
    """One labelled value: its kind (lead | coordinate | time), text and offset in the item."""

    kind: str
    value: str
    start: int
    finishes: bool = False  # a time said to finish by ("Thời hạn hoàn thành: …")


@lru_cache(maxsize=1)
def _labels() -> re.Pattern[str]:
    parts = [f"(?P<{kind.replace('-', '_')}>{cue_regex('task_cues.tsv', kind).pattern})" for kind in _KINDS]
    return re.compile("|".join(parts), re.IGNORECASE)


def fields(text: str) -> list[Field]:
    """The labelled values of an item that opens with a field label; [] for any other item.

    >>> [(f.kind, f.value) for f in fields("Cơ quan thực hiện: Sở Y tế. -Thời gian thực hiện: Hằng năm.")]
    [('lead', 'Sở Y tế.'), ('time', 'Hằng năm.')]
    """
    if not _labels().match(text):
        return []
    labels = list(_labels().finditer(text))
    found = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        kind = (label.lastgroup or "").removeprefix("field_")
        finishes = kind == "time" and bool(finish_label().search(label.group()))
        found.append(Field(kind, text[label.end():end].strip(" -–*"), label.end(), finishes))
    return found


@lru_cache(maxsize=1)
def finish_label() -> re.Pattern[str]:
    """A time label that says when the task is to be finished ("Thời gian hoàn thành", "Thời hạn")."""
    return cue_regex("task_cues.tsv", "finish")


def names_a_field(heading: str) -> bool:
    """Whether a heading is a field's label, its value given after it ("c) Thời gian thực hiện: …")."""
    return bool(_labels().match(heading.rstrip(" :") + ": "))


@lru_cache(maxsize=4096)
def trailing(text: str) -> int | None:
    """Where a field block starts after the task's own text in the same item
    ("Tổ chức tập huấn. Đơn vị chủ trì: Sở Y tế …" → 18); None when there is none.

    >>> trailing("Tổ chức tập huấn. Đơn vị chủ trì: Sở Y tế; thời gian thực hiện: quý II/2026.")
    18
    """
    for label in _labels().finditer(text):
        before = text[:label.start()].rstrip(" –-")
        if label.start() > 0 and before.endswith((".", ";", ":", "(")) and before[:-1].strip():
            return label.start()
    return None


def listed(value: str) -> tuple[Agency, ...]:
    """Every agency named in a field's value, in order."""
    return tuple(m.agency for m in mentions(value))


def first_listed(value: str) -> tuple[Agency, ...]:
    """The agencies listed at the start of a value ("Sở A, Sở B chủ trì …")."""
    return tuple(m.agency for m in list_at(value, 0))
