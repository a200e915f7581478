"""Deadlines in tasks: an annual day ("trước ngày 01/11" → --11-01), a date, a review year.

Cues are the `deadline` rows of patterns/task_cues.tsv; `who` is the task's lead, `to` the
agency a report is sent to.
"""
from __future__ import annotations

import re

from extract.agencies import list_at, mentions
from extract.facts import Agency, Deadline, Task
from extract.tasks import task_cue, task_cues

_SHORT_CLAUSE = 8  # words; a shorter clause is prefixed with what the task is about
_SENTENCE = re.compile(r"(?<!\d)\.\s+")


def _date(match: re.Match[str]) -> str:
    groups = match.groupdict()
    year = groups.get("year")
    if groups.get("day") and groups.get("month"):
        day, month = int(groups["day"]), int(groups["month"])
        return f"{int(year):04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return str(year)


def _clause(text: str, start: int, end: int) -> str:
    """The ;-delimited clause around [start, end)."""
    left = text.rfind(";", 0, start) + 1
    right = text.find(";", end)
    return text[left:len(text) if right < 0 else right]


def _what(text: str, sentence_start: int, match: re.Match[str]) -> str:
    """The clause up to the date; a short one ("tổ chức sơ kết vào năm 2023") gets the task's opening."""
    left = max(sentence_start, text.rfind(";", 0, match.start()) + 1)
    clause = text[left:match.end()].strip(" ,;")
    if len(clause.split()) >= _SHORT_CLAUSE or left == sentence_start:
        return clause
    opening = re.split(r"[;,]", text[sentence_start:], maxsplit=1)[0].strip()
    return f"{opening} … {clause}"


def _sentence_start(text: str, position: int) -> int:
    starts = [m.end() for m in _SENTENCE.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _recipient(text: str, begin: int, end: int) -> Agency | None:
    cue = task_cue("recipient")
    found = mentions(text)
    for match in cue.finditer(text, begin, end):
        listed = list_at(text, match.end(), found)
        if listed:
            return listed[0].agency
    return None


def find_deadlines(tasks: tuple[Task, ...]) -> tuple[Deadline, ...]:
    """Deadlines stated in task texts, numbered within their section.

    >>> from extract.facts import Task
    >>> task = Task("VI", 1, "Hằng năm, các sở gửi báo cáo trước ngày 01/11.", 0, 46)
    >>> [(d.date, d.recurrence) for d in find_deadlines((task,))]
    [('--11-01', 'annual')]
    """
    annual = task_cue("annual")
    found: list[Deadline] = []
    counts: dict[str, int] = {}
    for task in tasks:
        text = task.text
        matches = sorted((m for cue in task_cues("deadline") for m in cue.finditer(text)), key=lambda m: m.start())
        for match in matches:
            date = _date(match)
            clause = _clause(text, match.start(), match.end())
            sentence_start = _sentence_start(text, match.start())
            yearless = date.startswith("--")
            scope = text[sentence_start:match.end() + 20] if yearless else clause
            recurrence = "annual" if annual.search(scope) else None
            what = _what(text, sentence_start, match)
            counts[task.section] = counts.get(task.section, 0) + 1
            found.append(Deadline(task.section, counts[task.section], what, date, recurrence, task.leads,
                                  _recipient(text, max(sentence_start, text.rfind(";", 0, match.start()) + 1),
                                             match.start()),
                                  task.start + match.start(), task.start + match.end()))
    return tuple(found)
