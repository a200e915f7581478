"""Find every fact in one clean text (the stage after normalize)."""
from __future__ import annotations

from extract.facts import Extraction, SectionInfo
from extract.metadata import extract_plan
from extract.outline import Section
from extract.budget import find_budget
from extract.deadlines import find_deadlines
from extract.indicators import find_indicators
from extract.tasks import find_tasks


def find_facts(text: str, root: Section) -> Extraction:
    """All facts of a clean text whose outline is `root`.

    >>> from extract.outline import outline
    >>> text = "KẾ HOẠCH\\nThử nghiệm\\nI. MỤC TIÊU"
    >>> find_facts(text, outline(text)).plan.title
    'Thử nghiệm'
    """
    sections = tuple(SectionInfo(s.path, s.title, s.start, s.end) for s in root.walk() if s.path)
    plan = extract_plan(text, [s.title for s in root.walk() if s.path])
    tasks = find_tasks(root)
    return Extraction(plan=plan, sections=sections, tasks=tasks, deadlines=find_deadlines(tasks),
                      indicators=find_indicators(root, plan), budget=find_budget(root, plan))
