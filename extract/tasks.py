"""Tasks and who leads or coordinates them.

Every bullet or paragraph of a duty part is a task; so is a numbered heading that is itself a
long sentence, an article that assigns execution, and a closing paragraph that asks agencies
to act. Under TỔ CHỨC THỰC HIỆN a heading that names agencies makes them lead what stands
below, unless the task names its own doer, or opens with "Phối hợp với X" (X leads, the
heading agencies coordinate). Cue words come from patterns/sections.tsv, roles.tsv and
task_cues.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.agencies import Mention, distinct, list_at, mentions
from extract.facts import Agency, Task
from extract.normalize import fold
from extract.outline import Section
from extract.rules import compile_regex, cue_regex, read_table

_LABEL_WORDS = 30
_SENTENCE_TASK_WORDS = 20
_LEAF_TASK_WORDS = 8
_CLAUSE_END = re.compile(r"[;]|\.(?=\s|$)")
_DAY_MONTH = re.compile(r"trước\s+ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})(?!\s*(?:/|năm)\s*\d)", re.IGNORECASE)
_REVIEW_YEAR = re.compile(r"(?:sơ kết|tổng kết|hoàn thành)[^;.]{0,40}?năm\s+((?:19|20)\d\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A span of the clean text that may be a task, with the agencies of its heading."""

    section: str
    text: str
    start: int
    heading_agencies: tuple[Agency, ...]
    kind: str  # duty | assigning | budget | closing | article


@lru_cache(maxsize=1)
def _section_kinds() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = read_table("sections.tsv", ("id", "kind", "cue", "example"))
    return tuple((re.compile(fold(compile_regex(row, "cue").pattern), re.IGNORECASE), row["kind"]) for row in rows)


def role_cue(kind: str) -> re.Pattern[str]:
    return cue_regex("roles.tsv", kind, column="role")


def task_cue(kind: str) -> re.Pattern[str]:
    return cue_regex("task_cues.tsv", kind)


@lru_cache(maxsize=None)
def task_cues(kind: str) -> tuple[re.Pattern[str], ...]:
    """Each row of one kind on its own (rows that use named groups cannot be joined)."""
    rows = read_table("task_cues.tsv", ("id", "kind", "cue", "example"))
    return tuple(compile_regex(row, "cue") for row in rows if row["kind"] == kind)


def section_kind(section: Section) -> str | None:
    """duty | assigning | budget | objective | None, from a top-level part's title."""
    title = fold(section.title)
    for pattern, kind in _section_kinds():
        if pattern.search(title):
            return kind
    return None


def _is_label(title: str) -> bool:
    """A heading that names who, not what: short, no full stop ("2. Sở Tài chính", "Sở Y tế:")."""
    return not re.search(r"[.;]$", title.strip()) and len(title.split()) <= _LABEL_WORDS


def _heading_agencies(section: Section) -> tuple[Agency, ...]:
    """Agencies named by the nearest heading that is a label ("2. Sở Tài chính")."""
    for heading in [section, *section.ancestors()]:
        if heading.kind in ("roman", "article", "appendix"):
            break
        if _is_label(heading.title):
            listed = list_at(heading.title.rstrip(" :"), 0)
            if listed:
                return tuple(m.agency for m in listed)
    return ()


def _heading_is_task(section: Section) -> bool:
    words = len(section.title.split())
    if re.search(r"[.;:]$", section.title.strip()) and words >= _SENTENCE_TASK_WORDS:
        return True
    return not section.items and not section.children and words >= _LEAF_TASK_WORDS and not list_at(section.title, 0)


def candidates(root: Section) -> list[Candidate]:
    """Spans that may be tasks, in document order."""
    found: list[Candidate] = []
    for top in root.children:
        if top.kind == "article":
            if task_cue("article-duty").search(top.title):
                found.append(Candidate(top.path, top.title, top.start, (), "article"))
            continue
        kind = section_kind(top)
        for section in top.walk():
            inherited = _heading_agencies(section) if kind == "assigning" else ()
            if kind in ("duty", "assigning", "budget") and section is not top and _heading_is_task(section):
                found.append(Candidate(section.path, section.title, section.start, (), kind))
            for item in section.items:
                item_kind = kind if kind in ("duty", "assigning", "budget") else None
                if section is top and _closing(item.text):
                    item_kind = "closing"
                if item_kind:
                    found.append(Candidate(section.path, item.text, item.start, inherited, item_kind))
    return found


def _closing(text: str) -> bool:
    return bool(role_cue("request").search(text)) or bool(re.match(r"Trong quá trình", text))


def _intro_end(text: str, position: int = 0) -> int:
    """Position after opening phrases such as "Căn cứ Kế hoạch này, hằng năm"."""
    pattern = task_cue("intro")
    while True:
        match = pattern.match(text, position)
        if not match or match.end() == position:
            return position
        position = match.end()


def _subject(text: str, found: list[Mention], anywhere: bool) -> list[Mention]:
    """The doer named at the start of the task (or, when `anywhere`, of a later sentence or clause)."""
    starts = [0]
    if anywhere:
        starts += [m.end() for m in re.finditer(r"(?:\.|:)\s+", text)]
    for start in starts:
        listed = list_at(text, _intro_end(text, start), found)
        if listed:
            return listed
    return []


def roles(candidate: Candidate) -> tuple[tuple[Agency, ...], tuple[Agency, ...]]:
    """(leads, coordinators) of one task."""
    text = candidate.text
    found = mentions(text)
    heading = list(candidate.heading_agencies)
    subject = _subject(text, found, anywhere=not heading and candidate.kind != "closing")
    request = role_cue("request").search(text)
    if not subject and request:
        subject = list_at(text, request.end(), found)
    cues = list(role_cue("coordinate").finditer(text))
    start = _intro_end(text)
    clause_end = _CLAUSE_END.search(text, start)
    first_clause = clause_end.start() if clause_end else len(text)
    leads: list[Agency] = [m.agency for m in subject] or heading
    coordinators: list[Agency] = []
    for index, cue in enumerate(cues):
        listed = [m.agency for m in list_at(text, cue.end(), found)]
        clause_start = max([0] + [m.end() for m in _CLAUSE_END.finditer(text, 0, cue.start())])
        before = text[clause_start:cue.start()]
        if role_cue("directing").search(before):
            continue
        opens_task = (index == 0 and cue.start() < first_clause and not subject
                      and not role_cue("lead").search(text[start:cue.start()]))
        if opens_task:
            leads, coordinators = listed, heading + coordinators
        else:
            coordinators += listed
    lead_set = distinct(leads)
    keys = {fold(a.name) for a in lead_set}
    return lead_set, tuple(a for a in distinct(coordinators) if fold(a.name) not in keys)


def recurrence(text: str) -> str | None:
    return "annual" if task_cue("annual").search(text) else None


def due(text: str) -> str | None:
    """An annual day ("trước ngày 20/12" → --12-20) or the last review year named."""
    day = _DAY_MONTH.search(text)
    if day:
        return f"--{int(day.group(2)):02d}-{int(day.group(1)):02d}"
    years = _REVIEW_YEAR.findall(text)
    return years[-1] if years else None


def find_tasks(root: Section) -> tuple[Task, ...]:
    """Tasks of a plan, numbered within their section.

    >>> from extract.outline import outline
    >>> text = "V. TỔ CHỨC THỰC HIỆN\\n1. Sở Nội vụ\\n- Chủ trì, phối hợp với Sở Y tế rà soát."
    >>> task = find_tasks(outline(text))[0]
    >>> [a.name for a in task.leads], [a.name for a in task.coordinators]
    (['Sở Nội vụ'], ['Sở Y tế'])
    """
    tasks: list[Task] = []
    counts: dict[str, int] = {}
    for candidate in candidates(root):
        leads, coordinators = roles(candidate)
        if candidate.kind in ("budget", "closing") and not leads:
            continue
        counts[candidate.section] = counts.get(candidate.section, 0) + 1
        tasks.append(Task(candidate.section, counts[candidate.section], candidate.text, candidate.start,
                          candidate.start + len(candidate.text), leads, coordinators,
                          recurrence(candidate.text), due(candidate.text)))
    return tuple(tasks)
