"""Deadlines in tasks: an annual day ("trước ngày 01/11" → --11-01), a date, a review year, and the
time a task is to be finished by where a label says so ("Thời gian hoàn thành: Quý IV/2025", a
table's "Thời hạn hoàn thành" column).

Cues are the `deadline` rows of patterns/task_cues.tsv; `who` is the task's lead, `to` the
agency a report is sent to.
"""
from __future__ import annotations

import re

from plangraph.extract.agencies import list_at, mentions
from plangraph.extract.facts import Agency, Deadline, Task
from plangraph.extract.table_header import time_due
from plangraph.extract.tasks import date_of, deadline_matches, task_cue

_SHORT_CLAUSE = 8  # words; a shorter clause is prefixed with what the task is about
_SCHEDULE_WORDS = 12  # words of the task that say what a "Thời gian thực hiện" date is for
_SENTENCE = re.compile(r"(?<!\d)\.\s+|(?<=(?:19|20)\d\d)\.\s+(?=[^\W\d_])")  # also after a year ("… năm 2025. Định kỳ …")
_YEARS = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:năm\s*)?(?:19|20)\d\d")  # "2026 - 2030": a time to work in, not an end


def _clause(text: str, sentence_start: int, start: int, end: int) -> str:
    """The clause around [start, end): between semicolons, within its sentence (which starts at
    `sentence_start`)."""
    left = max(text.rfind(";", 0, start) + 1, sentence_start)
    right = text.find(";", end)
    stop = _SENTENCE.search(text, end)
    ends = [at for at in (right, stop.start() if stop else -1) if at >= 0]
    return text[left:min(ends) if ends else len(text)]


def _what(text: str, sentence_start: int, match: re.Match[str], opening: str) -> str:
    """The sentence around the date; a short one ("Hoàn thành trong quý II/2026") gets the task's opening."""
    end = _SENTENCE.search(text, match.end())
    sentence = text[sentence_start:end.start() if end else len(text)].strip(" ,;.")
    if (len(sentence.split()) >= _SHORT_CLAUSE and len(opening.split()) < _SCHEDULE_WORDS) or not opening \
            or opening in sentence:
        return sentence
    return f"{opening} … {sentence}"


def _first_sentence(text: str) -> str:
    end = _SENTENCE.search(text)
    return text[:end.start() if end else len(text)].strip(" ,;.")


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


def _recurrence(match: re.Match[str], date: str, scope: str) -> str | None:
    """monthly (quarterly) for a day of every month (of a quarter's last month); annual for a day and
    month without a year (a date that comes once names its year) or a year stated as yearly."""
    if date.startswith("---"):
        return "quarterly" if match.groupdict().get("qday") else "monthly"
    if date.startswith("--") or task_cue("annual").search(scope):
        return "annual"
    return None


def _texts(task: Task) -> list[tuple[str, int, str]]:
    """(text, offset of the text, opening to prefix a short sentence) for a task and its schedule."""
    opening = re.split(r"[;,.:]", task.text, maxsplit=1)[0].strip()
    found = [(task.text, task.start, opening)]
    if task.schedule:
        found.append((task.schedule, task.schedule_start, " ".join(task.text.split()[:_SCHEDULE_WORDS])))
    return found


def find_deadlines(tasks: tuple[Task, ...]) -> tuple[Deadline, ...]:
    """Deadlines stated in task texts (and their schedules), numbered within their section.

    >>> from extract.facts import Task
    >>> task = Task("VI", 1, "Hằng năm, các sở gửi báo cáo trước ngày 01/11.", 0, 46)
    >>> [(d.date, d.recurrence) for d in find_deadlines((task,))]
    [('--11-01', 'annual')]
    """
    found: list[Deadline] = []
    counts: dict[str, int] = {}
    seen: set[int] = set()  # a field block's schedule is shared by its tasks: one deadline
    for task in tasks:
        if task.schedule_finishes and not deadline_matches(task.schedule) and task.schedule_start not in seen \
                and not _YEARS.search(task.schedule) and (date := time_due(task.schedule)):
            seen.add(task.schedule_start)
            counts[task.section] = counts.get(task.section, 0) + 1
            found.append(Deadline(task.section, counts[task.section], _first_sentence(task.text), date,
                                  task.recurrence, task.leads, None, task.schedule_start,
                                  task.schedule_start + len(task.schedule)))
        for text, offset, opening in _texts(task):
            matches = sorted(deadline_matches(text), key=lambda m: m.start())
            for match in matches:
                # one deadline per date written: where two cues read one date, the first; "trước
                # ngày 01/6 và 15/11" holds two, each its own day
                at = offset + (match.start("day") if match.groupdict().get("day") else match.start())
                if at in seen:
                    continue
                seen.add(at)
                date = date_of(match)
                sentence_start = _sentence_start(text, match.start())
                clause = _clause(text, sentence_start, match.start(), match.end())
                scope = text[sentence_start:match.end() + 20] if date.startswith("--") else clause
                counts[task.section] = counts.get(task.section, 0) + 1
                found.append(Deadline(task.section, counts[task.section], _what(text, sentence_start, match, opening),
                                      date, _recurrence(match, date, scope), task.leads,
                                      _recipient(text, max(sentence_start, text.rfind(";", 0, match.start()) + 1),
                                                 match.start()),
                                      offset + match.start(), offset + match.end()))
    return tuple(found)
