"""Tasks and who leads or coordinates them.

Every bullet or paragraph of a duty part is a task; so is a numbered heading that is itself a
long sentence (not an aim over the paragraph of its doer), an article that assigns execution,
and a closing paragraph that asks agencies to act. Under TỔ CHỨC THỰC HIỆN a heading that names
agencies makes them lead what stands below, unless the task names its own doer, or opens with
"Phối hợp với X" (X leads, the heading agencies coordinate); a lead-in that names its doers does
the same for the items it introduces, and the parts a task lists ("Dự án 1: …") are no tasks.
Cue words come from patterns/sections.tsv, roles.tsv and task_cues.tsv.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dataclasses import replace

from plangraph.extract.agencies import Mention, distinct, list_at, mentions, other_parties_cue, party_cue
from plangraph.extract.cues import fold_pattern
from plangraph.extract.facts import Agency, Task
from plangraph.extract.fields import Field, fields, listed, names_a_field, trailing
from plangraph.extract.normalize import fold, is_caps
from plangraph.extract.outline import Item, Section
from plangraph.extract.rules import compile_regex, cue_patterns, cue_regex, read_table
from plangraph.extract.screens import could_match, finditer as screened_finditer, search as screened_search
from plangraph.extract.table_header import time_due

_LABEL_WORDS = 30
_SENTENCE_TASK_WORDS = 20
_LEAF_TASK_WORDS = 8
_SHORT_SENTENCE_WORDS = 3
_OPENING_WORDS = 3
_INSTANCES = re.compile(r"[.;]\s*(?:Trong đó|Cụ thể)\s*:\s*$")  # a duty, then "Trong đó:" and its parts
_CAPS_LETTERS = 2  # a line in capitals ("ỦY BAN NHÂN DÂN TỈNH", "ỦY" left alone by a wrap) is no task
_PARAGRAPH_WORDS = 40  # a numbered heading this long is a paragraph that states a task
_DESCRIPTION = re.compile(r"(?:\s*,?\s+(?:và\s+)?[^\W\d_A-ZĐÀ-Ỹ][^\W\d_]*)+", re.UNICODE)
_CLAUSE_END = re.compile(r"[;]|\.(?=\s|$)")
_MONTH_YEAR = re.compile(r"(?<!\w)tháng\s+(\d{1,2})\s*/\s*((?:19|20)\d\d)(?![\d/])", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A span of the clean text that may be a task, with the agencies of its heading."""

    section: str
    text: str
    start: int
    heading_agencies: tuple[Agency, ...]
    kind: str  # duty | assigning | budget | closing (| closing-kept: kept without a doer) | article | field
    heading_coordinators: tuple[Agency, ...] = ()
    owner: tuple[Agency, ...] = ()  # the section's own agencies, when a role label set the defaults
    partners_below: bool = False  # under a role label naming no partner ("b) Chủ trì, phối hợp"): the bodies an
    # item opens with are the partners of the label's lead


_TASK_KINDS = ("duty", "assigning", "budget")


@lru_cache(maxsize=1)
def _section_kinds() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = read_table("sections.tsv", ("id", "kind", "cue", "example"))
    return tuple((re.compile(fold_pattern(compile_regex(row, "cue").pattern), re.IGNORECASE), row["kind"]) for row in rows)


def role_cue(kind: str) -> re.Pattern[str]:
    return cue_regex("roles.tsv", kind, column="role")


def task_cue(kind: str) -> re.Pattern[str]:
    return cue_regex("task_cues.tsv", kind)


def task_cues(kind: str) -> tuple[re.Pattern[str], ...]:
    return cue_patterns("task_cues.tsv", kind)


def section_kind(section: Section) -> str | None:
    """duty | assigning | budget | objective | review | None, from a top-level part's title."""
    title = fold(section.title)
    for pattern, kind in _section_kinds():
        if not kind.startswith("sub-") and pattern.search(title):
            return kind
    return None


def sub_kind(section: Section) -> str | None:
    """'duty' inside a part of another kind, below a numbered heading titled as duties
    ("2. Các giải pháp tổ chức thực hiện")."""
    return "duty" if below_numbered(section, "sub-duty") else None


def below_numbered(section: Section, wanted: str) -> bool:
    """Whether the section or a numbered or lettered heading above it has a title of the `wanted` kind."""
    for heading in [section, *section.ancestors()]:
        if heading.kind in ("number", "letter"):
            title = fold(heading.title)
            if any(kind == wanted and pattern.search(title) for pattern, kind in _section_kinds()):
                return True
    return False


def _is_label(title: str) -> bool:
    """A heading that names who, not what: short but for what it lists in brackets or after "các xã:",
    no full stop ("2. Sở Tài chính", "Sở Y tế:", "3. Các cơ quan quản lý ngành (gồm các Sở: …)",
    "7. UBND các xã: Hải Tiến, Giao Minh, …")."""
    short = _MEMBER_LIST.sub(r"\1", _BRACKETED.sub(" ", title))
    return not re.search(r"[.;]$", title.strip()) and len(short.split()) <= _LABEL_WORDS


# the members a heading lists after its group: "các xã: Hải Tiến, Giao Minh, …", "các Sở: Nội vụ, Tư pháp"
_MEMBER_LIST = re.compile(r"(?i)(\bcác\s+(?:sở|xã|phường|thị trấn|huyện|quận|thị xã)\s*:)[^.;()]*$")


def _heading_agencies(section: Section) -> tuple[Agency, ...]:
    """Agencies named by the nearest heading that is a label ("2. Sở Tài chính")."""
    for heading in [section, *section.ancestors()]:
        doers = _closing_lead_in(heading) if heading is not section and heading.kind != "root" else None
        if doers:  # "…; các sở, ban, ngành … tập trung thực hiện các nội dung chủ yếu sau:" over "1. …"
            return doers[0]
        if heading.kind in ("roman", "article", "appendix"):
            break
        if _is_label(heading.title) or heading.title.rstrip().endswith(":") and heading.items:
            # a label ("2. Sở Tài chính"), or a sentence that hands the items below to its body
            # ("1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, …, tổ chức thực hiện các nhiệm vụ sau:")
            title = heading.title.rstrip(" :")
            asked = screened_search(role_cue("request"), title)  # "6. Đề nghị: Hiệp hội …, Hội …"
            start = asked.end() if asked and not title[:asked.start()].strip() else _intro_end(title)
            start += len(title[start:]) - len(title[start:].lstrip(" :"))
            listed = list_at(title, start)
            party = _parties(title[start:]) if _is_label(heading.title) and not _MEMBERS.search(title) else ()
            whole = bool(listed) and not title[listed[-1].end:].strip(" ,;.")  # the list names the whole heading
            if party and (not listed or listed[0].agency.vague and listed[0].start == start and not whole):
                return party
            if listed:
                directed = _DIRECTS.match(title, listed[-1].end)
                below = list_at(title, directed.end()) if directed else []
                if below and not below[0].agency.vague:
                    # "1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Thủy sản thực hiện các nội dung sau:"
                    return _whole_group(title, below)
                return _whole_group(title, listed)
    return ()


_DIRECTS = re.compile(r"\s*(?:chỉ đạo|giao|phân công)\s+(?=\S)")


def _parties(label: str) -> tuple[Agency, ...]:
    """The body a label heading names by what it is, the whole heading ("4. Các cơ sở nuôi trồng thủy
    sản", "6. Các doanh nghiệp thứ cấp đang hoạt động trong Khu công nghiệp"), and the group of other
    parties it goes on with ("…, tổ chức, cá nhân có liên quan"); what it adds in brackets left out."""
    if not party_cue().match(label):
        return ()
    name = " ".join(_BRACKETED.sub(" ", label).split()).rstrip(" ,;:")
    return tuple(Agency(part[:1].lower() + part[1:], "nhom-khong-ro", vague=True)
                 for part in other_parties_cue().split(name, maxsplit=1))


_MEMBERS = re.compile(r"\(\s*(?:gồm|bao gồm)\b")
_BRACKETED = re.compile(r"\([^()]*\)")


def _whole_group(title: str, listed: list[Mention]) -> tuple[Agency, ...]:
    """A heading's agencies; a vague group that the heading goes on describing takes the rest of it
    ("Đề nghị các doanh nghiệp sản xuất, chế biến và xuất khẩu" names one group)."""
    last = listed[-1]
    rest = title[last.end:]
    members = _MEMBERS.search(rest) if last.agency.vague else None
    named = [m for m in mentions(rest[members.end():]) if not m.agency.vague] if members else []
    if named:  # "Các cơ quan tham mưu … (gồm các Sở: Xây dựng, Công Thương)": the bodies it lists
        return tuple(m.agency for m in listed[:-1]) + tuple(m.agency for m in named)
    if last.agency.vague and rest.strip() and _DESCRIPTION.fullmatch(rest):
        grown = Agency(fold(last.agency.name + rest.rstrip()), last.agency.kind, vague=True)
        return tuple(m.agency for m in listed[:-1]) + (grown,)
    return tuple(m.agency for m in listed)


def _opens_with_role(text: str) -> bool:
    """Text that opens with a role ("Chủ trì, phối hợp với …", "Phối hợp với …")."""
    start = _intro_end(text)
    return any(cue.match(text, start) for cue in (role_cue("lead"), role_cue("coordinate")))


def _names_no_partner(title: str) -> bool:
    """A role label that leads and names no partner, nothing but its role words ("b) Chủ trì, phối hợp")."""
    return (bool(re.search(r"chủ\s+trì", title, re.IGNORECASE)) and bool(re.search(r"phối\s+hợp", title, re.IGNORECASE))
            and not _ROLE_WORDS.sub(" ", title).strip())


def _role_label(section: Section, kind: str) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
    """(leads, coordinators) that a heading such as "a) Chủ trì, phối hợp với X" sets for the
    items below it; None when the heading is not such a label."""
    if section.kind not in ("number", "letter") or not (section.items or section.children):
        return None
    if not _opens_with_role(section.title):
        # "2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Nông nghiệp và Môi trường:" over its items
        named = _lead_in_roles(section.title) if section.title.rstrip().endswith(":") else None
        return named if named and named[1] else None
    parent = section.parent
    heading = _heading_agencies(parent) if parent is not None else ()
    return roles(Candidate(section.path, section.title, section.start, heading, kind))


def _heading_is_task(section: Section) -> bool:
    words = len(section.title.split())
    if section.children:
        return False  # a heading over sub-headings is their title
    if _in_force(section.title):
        return False  # "5. Kế hoạch này thay thế Kế hoạch số …"
    if _is_label(section.title) and list_at(section.title.rstrip(" :"), 0):
        return False  # a heading naming who ("1. Sở Nội vụ (Cơ quan thường trực Ban …):")
    if _lists_parts(section):
        # "c) Tổ chức triển khai các dự án sau:" over "- Dự án 1: …": the heading is the task, unless it
        # is a label ("1. Chủ đề thi đua" over its slogan in quotes); a lettered heading is an item of a
        # list of duties, however short ("c) Triển khai các nền tảng" over "- Nền tảng …")
        return words >= _LEAF_TASK_WORDS or section.kind == "letter"
    item_fields = [fields(item.text) for item in section.items]
    bulleted = any(item.marker and not found for item, found in zip(section.items, item_fields))
    if section.title.rstrip().endswith(".") and bulleted and words < _PARAGRAPH_WORDS:
        return False  # a short sentence over its own bullets is their title ("5. Nâng cao năng lực …." / "- …")
    # "4. Hoàn thành di dời 01 khu công nghiệp …." over "UBND phường X chủ trì, …": the doer's paragraph
    # is the task, the heading its aim
    doers_below = bool(section.items) and all(not item.marker and _opens_with_doer(item.text)
                                              for item in section.items)
    if re.search(r"[.;:]$", section.title.strip()) and words >= _SENTENCE_TASK_WORDS and not doers_below:
        return True
    if words >= _PARAGRAPH_WORDS and _opens_with_doer(section.title) and not _LEAD_IN_END.search(section.title):
        return True  # "1. Sở X theo dõi, đôn đốc …" over bullets: a body's duty whose full stop the text left out
    if (item_fields and all(item_fields) and not list_at(section.title, 0)
            and any(f.kind in ("lead", "coordinate") for found in item_fields for f in found)
            and not section.title.rstrip().endswith(":")):
        return True  # "b) Nghị định quy định về …" over its "Cơ quan chủ trì: …" / "Thời gian thực hiện: …"
    if any(not _aside(item.text) for item in section.items):
        return False
    if words < _LEAF_TASK_WORDS:  # a short heading is a title, unless a sentence ("7. Diễn tập phòng thủ dân sự.")
        return words >= _SHORT_SENTENCE_WORDS and section.title.rstrip().endswith(".")
    return section.title.rstrip().endswith(".") or not list_at(section.title, 0)


def _article_candidates(top: Section) -> list[Candidate]:
    """An article that assigns execution, in its title or in a paragraph below it; an article whose
    title introduces a list of bodies ("Các cơ quan sau đây chịu trách nhiệm …:") gives the items
    of that list instead, each led by the body it names."""
    if task_cue("article-list").search(top.title):
        return _article_list(top)
    texts = [(top.title, top.start)] + [(item.text, item.start) for item in top.items]
    return [Candidate(top.path, text, start, (), "article") for text, start in texts
            if task_cue("article-duty").search(text)]


def _article_list(top: Section) -> list[Candidate]:
    """The numbered items and bullets under an article that introduces them (`Điều 2.1`, `Điều 2.2`)."""
    found = [Candidate(top.path, item.text, item.start, (), "article") for item in top.items]
    for child in top.children:
        if child.items:
            found += _item_candidates(child, top, "assigning", _heading_agencies(child), (), ())
        else:
            found.append(Candidate(child.path, child.title, child.start, (), "article"))
    return found


def candidates(root: Section) -> list[Candidate]:
    """Spans that may be tasks (and field blocks that assign them), in document order."""
    found: list[Candidate] = []
    kinds = _part_kinds(root)
    for top, kind in zip(root.children, kinds):
        if top.kind == "article":
            found += _article_candidates(top)
            continue
        for section in top.walk():
            section_kind_ = kind if kind in _TASK_KINDS else sub_kind(section)
            if section_kind_ == "duty" and below_numbered(section, "sub-budget"):
                section_kind_ = "budget"  # "6. Kinh phí thực hiện" among the duties: tasks only where a body is named
            elif section_kind_ == "duty" and below_numbered(section, "sub-objective"):
                section_kind_ = None  # "6. Chỉ tiêu chủ yếu đến năm 2030" among the duties: targets, no tasks
            elif section_kind_ == "duty" and below_numbered(section, "sub-review"):
                section_kind_ = None  # "1. Hiện trạng" among the duties: the situation, no tasks
            elif section_kind_ == "duty" and below_numbered(section, "sub-detail"):
                section_kind_ = None  # "c. Thông số, tần suất quan trắc": an activity's particulars, no tasks
            inherited = _heading_agencies(section) if section_kind_ else ()
            coordinators: tuple[Agency, ...] = ()
            label = None
            for heading in [section, *section.ancestors()]:
                label = _role_label(heading, section_kind_ or "duty") if section_kind_ else None
                if label is not None or heading.kind in ("roman", "number"):
                    break
            partners_below = label is not None and _names_no_partner(heading.title)
            if label is not None:
                inherited, coordinators = label
            if section_kind_ and section is not top and (label is None or _lists_parts(section)) \
                    and _heading_is_task(section):
                parent = section.parent
                above = _heading_agencies(parent) if parent is not None and parent is not top else ()
                if parent is top:
                    above = (_closing_lead_in(top) or ((), ()))[0]  # the part's lead-in names the doers
                found.append(Candidate(section.path, section.title, section.start, above, section_kind_))
            owner = _heading_agencies(section) if label is not None else ()
            found += _item_candidates(section, top, section_kind_, inherited, coordinators, owner, partners_below)
    return found


def _part_kinds(root: Section) -> list[str | None]:
    """Each top-level part's kind; a Roman part of no kind between the objectives and a part of duties
    or of their organisation states duties on a topic ("III. PHÁT TRIỂN KINH TẾ SỐ" after "II. MỤC TIÊU")."""
    kinds = [section_kind(top) for top in root.children]
    for index, (top, kind) in enumerate(zip(root.children, kinds)):
        if kind is None and top.kind == "roman" and "objective" in kinds[:index] \
                and any(later in _TASK_KINDS for later in kinds[index + 1:]):
            kinds[index] = "duty"
    return kinds


def _item_candidates(section: Section, top: Section, kind: str | None, inherited: tuple[Agency, ...],
                     coordinators: tuple[Agency, ...], owner: tuple[Agency, ...],
                     partners_below: bool = False) -> list[Candidate]:
    """The items of one section as candidates; an item that opens with a role and ends with ":"
    ("- Chủ trì, phối hợp với X tham mưu:") sets the roles of the sub-items below it."""
    found: list[Candidate] = []
    label: tuple[str, tuple[Agency, ...], tuple[Agency, ...]] | None = None
    items = section.items
    field_title = section.title.rstrip(" :") if names_a_field(section.title) else None
    if field_title and section.parent is top and task_cue("forms").match(field_title):
        field_title = None  # a part's "2. Hình thức" lists the forms its activities take: they are tasks
    parts = _component_items(items, whole=_lists_parts(section))
    targets = _target_items(items)
    oriented = _before_focus(section)
    for index, item in enumerate(items):
        if index < oriented:
            continue  # "Trọng tâm:" and the paragraphs that orient the heading above it
        if index in parts:
            continue  # a part of the task that introduces it ("- Dự án 1: …", "+ Biên bản …"), no task
        if index in targets:
            continue  # "(2) Ít nhất 85% người hưởng trợ cấp … mở tài khoản" after "… các chỉ tiêu như sau:"
        if _aside(item.text) or _in_force(item.text):
            continue  # "(Chi tiết … tại Phụ lục kèm theo)": a note on the heading above; "Kế hoạch này thay thế …"
        if field_title is not None and kind and not fields(item.text):
            # "c) Thời gian thực hiện: Hoàn thành trong năm 2025.": the value of the heading's field
            found.append(Candidate(section.path, f"{field_title}: {item.text}", item.start, (), "field"))
            continue
        if label is not None and item.marker == label[0]:
            label = None
        item_kind = kind
        path = section.path
        if section is not top and index == len(items) - 1 and not item.marker and list(top.walk())[-1] is section \
                and (_CLOSING_START.match(item.text) or _closing(item.text) and item.text.rstrip().endswith("./.")):
            # "Trong quá trình thực hiện, nếu có vướng mắc …", "Yêu cầu các sở, ngành … ./." closing the part,
            # after its last heading
            path = top.path
        if (section is top or path == top.path) and _closing(item.text):
            item_kind = "closing-kept" if kind in ("duty", "assigning") else "closing"
        if not item_kind:
            continue
        if fields(item.text):
            found.append(Candidate(section.path, item.text, item.start, (), "field"))
            continue
        if not any(c.isalpha() for c in item.text):
            continue  # a table's rule ("--------") or a lone figure a broken table left, no duty
        if is_caps(item.text, _CAPS_LETTERS):
            continue  # a line in capitals is a heading or a name set over a page ("ỦY BAN NHÂN DÂN …"), not a duty
        if not item.marker and item.text[:1].islower():
            continue  # a piece broken off a table's row or a page ("thác, nước thải đúng quy định."), not a duty
        following = items[index + 1] if index + 1 < len(items) else None
        introduces = item.text.rstrip().endswith(":") and (
            following.marker not in ("", item.marker) if following is not None else bool(section.children))
        if introduces and not item_kind.startswith("closing") and _opens_with_role(item.text):
            leads, coords = roles(Candidate(section.path, item.text, item.start, inherited, item_kind, coordinators,
                                            owner))
            label = (item.marker, leads, coords)
            continue
        doers = _lead_in_roles(item.text) if introduces and not item_kind.startswith("closing") else None
        if doers:  # "Căn cứ tình hình thực tế, các cơ quan, đơn vị phối hợp thực hiện các hoạt động sau:"
            label = (item.marker, *doers)
            continue
        if introduces and not _INSTANCES.search(item.text) and index + 1 not in parts:
            continue  # a lead-in ("… các giải pháp sau:", "- Tham mưu Ủy ban nhân dân tỉnh:") introduces the items below
        if path != section.path:  # the part's closing: no heading of its own
            found.append(Candidate(path, item.text, item.start, (), item_kind))
            continue
        heading, heading_coordinators = (label[1], label[2]) if label else (inherited, coordinators)
        split = trailing(item.text) if not item_kind.startswith("closing") else None
        text = item.text[:split].rstrip(" (–-") if split else item.text
        found.append(Candidate(section.path, text, item.start, heading, item_kind, heading_coordinators,
                               owner or (inherited if label else ()), partners_below and not label))
        if split:
            found.append(Candidate(section.path, item.text[split:].rstrip(" )."), item.start + split, (), "field"))
    return found


_CLOSING_START = re.compile(r"Trong quá trình")
_LEAD_IN_END = re.compile(r"(?:sau đây|dưới đây|như sau|sau)\s*:?\s*$", re.IGNORECASE)  # "… các nhiệm vụ sau"
_ASIDE = re.compile(r"\(\s*[^()]*\)\s*[.;]?")


def _in_force(text: str) -> bool:
    """A sentence, the whole item, on what the plan replaces or when it takes effect ("Kế hoạch này thay thế
    Kế hoạch số …"); one that goes on with a duty ("…; các sở, ban, ngành có trách nhiệm …") is a task."""
    return bool(task_cue("in-force").match(text)) and not _CLAUSE_START.search(text.rstrip(" ./"))


def _before_focus(section: Section) -> int:
    """How many of a section's first items are a focus label ("Trọng tâm:", or a paragraph ending "… Các nhiệm
    vụ trọng tâm bao gồm:") with a list of tasks after it, and the paragraphs before it, which orient the
    heading; 0 when there is no such label."""
    items = section.items
    for index in range(len(items) - 1, -1, -1):
        if task_cue("focus-label").search(items[index].text.strip()):
            return index + 1 if index + 1 < len(items) or section.children else 0
    return 0


def _aside(text: str) -> bool:
    """An item wholly in brackets: a note on what stands above it, no duty."""
    return bool(_ASIDE.fullmatch(text.strip()))


def _component(text: str) -> bool:
    """An item that names a part of a task, not a duty ("Dự án 1: …", "Hệ thống thu phí …", "Biên bản …")."""
    return bool(task_cue("component").match(text))


def _lists_parts(section: Section) -> bool:
    """Whether every item of a section is a part of the task its heading states ("- Dự án 1: …")."""
    return bool(section.items) and all(_component(item.text) for item in section.items)


def _target_items(items: Sequence[Item]) -> set[int]:
    """Indexes of the items holding a figure after a lead-in to targets ("… các chỉ tiêu như sau:"), up
    to the next lead-in."""
    found: set[int] = set()
    after_lead_in = False
    for index, item in enumerate(items):
        if item.text.rstrip().endswith(":"):
            after_lead_in = bool(task_cue("target-lead-in").search(item.text))
        elif after_lead_in and re.search(r"\d", item.text):
            found.add(index)
    return found


def _component_items(items: Sequence[Item], whole: bool) -> set[int]:
    """Indexes of the items that are parts of the task introducing them: every item when `whole` (the
    heading introduces them), else the sub-items of a lead-in ending with ":" when all of them are parts
    or the lead-in counts the places they are ("… lấy mẫu tại 15 vị trí như sau:")."""
    if whole:
        return set(range(len(items)))
    parts: set[int] = set()
    for index, item in enumerate(items):
        if not item.text.rstrip().endswith(":"):
            continue
        below = []
        for following in range(index + 1, len(items)):
            if items[following].marker in ("", item.marker):
                break
            below.append(following)
        if below and (all(_component(items[i].text) for i in below) or task_cue("site-lead-in").search(item.text)):
            parts.update(below)
    return parts


_CLAUSE_START = re.compile(r"[;.]\s+")


def _closing_lead_in(section: Section) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
    """The roles a section's last item sets when it is a lead-in ending with ":" over the headings below."""
    last = section.items[-1].text if section.items else ""
    return _lead_in_roles(last) if last.rstrip().endswith(":") else None


@lru_cache(maxsize=1024)
def _lead_in_roles(text: str) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
    """(leads, coordinators) that a lead-in naming its doers sets for the items it introduces ("Sở Y tế
    chủ trì, phối hợp với Sở Nội vụ thực hiện các nội dung sau:", "…; các sở, ban, ngành … tập trung
    thực hiện các nội dung chủ yếu sau:"); None when it names none."""
    leads, coordinators = roles(Candidate("", text, 0, (), "duty"))
    if not leads:
        found = mentions(text)
        for clause in _CLAUSE_START.finditer(text):
            listed = list_at(text, _intro_end(text, clause.end()), found)
            if listed:
                leads = distinct([m.agency for m in listed])
                break
    return (leads, coordinators) if leads else None


def _closing(text: str) -> bool:
    return bool(screened_search(role_cue("request"), text)) or bool(_CLOSING_START.match(text))


# after a later sentence's or a colon's bodies, their verb: without one they are what the task names
# ("… hỗ trợ phát triển du lịch: Bảo tàng Ẩm thực, Bảo tàng Áo dài..."), not who does it
_ACTS_AFTER = re.compile(r"[\s,]*[^\W\d_]")


def _intro_end(text: str, position: int = 0) -> int:
    """Position after opening phrases such as "Căn cứ Kế hoạch này, hằng năm"."""
    pattern = task_cue("intro")
    while True:
        match = pattern.match(text, position)
        if not match or match.end() == position:
            return position
        position = match.end()


def _subject(text: str, found: Sequence[Mention], anywhere: bool) -> list[Mention]:
    """The doer named at the start of the task (or, when `anywhere`, of a later sentence or clause)."""
    starts = [0]
    if anywhere:
        starts += [m.end() for m in re.finditer(r"(?:\.|:)\s+", text)]
    for start in starts:
        listed = list_at(text, _intro_end(text, start), found)
        if listed and (start == 0 or _ACTS_AFTER.match(text, listed[-1].end)):
            return listed
    return []


def roles(candidate: Candidate) -> tuple[tuple[Agency, ...], tuple[Agency, ...]]:
    """(leads, coordinators) of one task."""
    text = candidate.text
    found = mentions(text)
    heading = list(candidate.heading_agencies)
    subject = _subject(text, found, anywhere=not heading)
    request = screened_search(role_cue("request"), text)
    if not subject and request:
        subject = list_at(text, request.end(), found)
    cues = screened_finditer(role_cue("coordinate"), text)
    start = _intro_end(text)
    leads: list[Agency] = [m.agency for m in subject] or heading
    coordinators: list[Agency] = []
    opened = False
    for index, cue in enumerate(cues):
        listed_here = [m.agency for m in list_at(text, cue.end(), found)]
        clause_start = max([0] + [m.end() for m in _CLAUSE_END.finditer(text, 0, cue.start())])
        before = text[clause_start:cue.start()]
        if role_cue("directing").search(before):
            continue
        named = [m for m in found  # a body right before the cue, in its clause, not the object of a verb
                 if clause_start <= m.start and m.end <= cue.start() and not text[m.end:cue.start()].strip()
                 and _opens_clause(text[clause_start:m.start])]
        if index == 0 and not subject and named:
            leads = [m.agency for m in named]  # "Trên cơ sở …, Sở Tài chính phối hợp với X": the body named leads
            coordinators += listed_here
        elif index == 0 and not subject and _opens(text[start:cue.start()], introduced=start > 0):
            opened = True
            leads, coordinators = listed_here, list(candidate.owner or candidate.heading_agencies) + coordinators
        elif opened and not before.strip():
            leads += listed_here  # "Phối hợp với X …. Phối hợp với Y …": each sentence's partner leads
        else:
            coordinators += listed_here
    if not coordinators and not opened:
        coordinators = list(candidate.heading_coordinators)
    if candidate.partners_below and subject and heading and not screened_search(role_cue("lead"), text):
        # "b) Chủ trì, phối hợp" / "- Sở Tài chính và … tham mưu …"; not "- Sở Tài chính chủ trì …"
        leads, coordinators = heading, [m.agency for m in subject] + coordinators
    elif subject:  # "…; Ủy ban nhân dân các xã, phường căn cứ … xây dựng kế hoạch": they lead too
        doers, partners = _clause_bodies(text)
        leads += doers
        coordinators += partners
    lead_set = distinct(leads)
    keys = {fold(a.name) for a in lead_set}
    return lead_set, tuple(a for a in distinct(coordinators) if fold(a.name) not in keys)


def _opens_clause(before: str) -> bool:
    """Whether a body after `before` is its clause's subject: nothing but an opening phrase before it
    ("Trên cơ sở …, Sở Tài chính phối hợp"), not a verb ("Tham mưu Ủy ban nhân dân tỉnh phối hợp")."""
    before = before[_intro_end(before):].strip()
    return not before or before.endswith(",")


def _opens(before: str, introduced: bool) -> bool:
    """Whether a "phối hợp với" cue opens the task: at most a few words before it, no comma, no lead cue
    ("Phối hợp với X …", "Chủ động phối hợp với X …", not "Chủ trì, phối hợp với X"); after an opening
    phrase ("Trên cơ sở …, phối hợp với X"), anywhere in its first clause."""
    if role_cue("lead").search(before):
        return False
    if introduced:
        return not _CLAUSE_END.search(before)
    return len(before.split()) <= _OPENING_WORDS and "," not in before


@lru_cache(maxsize=4096)
def recurrence(text: str) -> str | None:
    """annual | quarterly | monthly | daily, from "hằng năm", "hằng quý", "hằng tháng", "hằng ngày"."""
    for kind in ("monthly", "daily", "quarterly", "annual"):
        if could_match(task_cue(kind), text) and task_cue(kind).search(text):
            return kind
    return None


@lru_cache(maxsize=4096)
def due(text: str) -> str | None:
    """The last date the task names: an annual day ("trước ngày 20/12" → --12-20), a month
    ("tháng 6/2026" → 2026-06), a full date or a year."""
    dates = [(m.start(), date_of(m)) for m in deadline_matches(text)]
    dates = [(at, d) for at, d in dates if not d.startswith("---")]
    if dates:
        return max(dates)[1]
    month = _MONTH_YEAR.search(text)
    return f"{month.group(2)}-{int(month.group(1)):02d}" if month else None


@lru_cache(maxsize=4096)
def deadline_matches(text: str) -> tuple[re.Match[str], ...]:
    """Every match of every deadline cue in `text`, cue by cue (a task's due date and its deadlines
    read the same matches)."""
    return tuple(m for cue in task_cues("deadline") if could_match(cue, text) for m in cue.finditer(text))


def date_of(match: re.Match[str]) -> str:
    """A deadline cue's match as a date: YYYY-MM-DD, --MM-DD, ---DD (a day of every month), YYYY-MM or YYYY."""
    groups = match.groupdict()
    year, month, day = groups.get("year"), groups.get("month"), groups.get("day")
    if groups.get("mday") or groups.get("qday"):
        return f"---{int(groups.get('mday') or groups['qday']):02d}"
    if day and month:
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}" if year else f"--{int(month):02d}-{int(day):02d}"
    if month and year:
        return f"{int(year):04d}-{int(month):02d}"
    return str(year)


def _field_roles(section: str, value: str) -> tuple[tuple[Agency, ...], tuple[Agency, ...]]:
    """(leads, coordinators) a lead field names; a later clause whose bodies do work of their own
    leads too ("Sở Nội vụ chủ trì tham mưu …; Sở Tư pháp và các sở, ban, ngành chủ động tổ chức
    triển khai …"), not one that only goes on listing partners ("… phối hợp với Liên đoàn Lao động
    tỉnh; các sở, ngành liên quan")."""
    leads, coordinators = roles(Candidate(section, value, 0, (), "field"))
    named, partners = _clause_bodies(value)
    return distinct([*leads, *named]), distinct([*(a for a in coordinators if a not in named),
                                                 *(a for a in partners if a not in leads)])


def _clause_bodies(text: str) -> tuple[list[Agency], list[Agency]]:
    """(doers, partners) that open the later clauses of a text: bodies doing work of their own, and
    bodies that only take part ("…; các sở, ngành tích cực phối hợp …"); not bodies that only
    decide ("…; Ủy ban nhân dân tỉnh xem xét, quyết định") nor those going on a list the clause
    before ends with ("phối hợp với các sở, ngành; Ủy ban nhân dân các xã, phường; …")."""
    doers: list[Agency] = []
    partners: list[Agency] = []
    if ";" not in text:
        return doers, partners
    found = mentions(text)
    ends = {m.end for m in found}
    start = text.find(";") + 1
    while start:
        end = text.find(";", start)
        end = len(text) if end < 0 else end
        before = text[:start - 1].rstrip()
        opening = [] if len(before) in ends else _opening_bodies(text, start, end, found)
        rest = text[opening[-1].end:end] if opening else ""
        if opening and role_cue("taking-part").match(rest):
            partners += [m.agency for m in opening]
        elif opening and len(rest.split()) > _UNNAMED_WORDS and not role_cue("deciding").match(rest):
            doers += [m.agency for m in opening]
        start = end + 1 if end < len(text) else 0
    return doers, partners


def _opening_bodies(text: str, start: int, end: int, found: tuple[Mention, ...]) -> list[Mention]:
    """The bodies the clause text[start:end] opens with: mentions apart by commas, "và" or a few
    words no list knows ("…, cơ quan thông tấn báo chí và Ủy ban nhân dân xã, phường")."""
    inside = [m for m in found if start <= m.start and m.end <= end]
    opener = text[start:inside[0].start].strip() if inside else ""
    if not inside or opener and not role_cue("request").fullmatch(opener):
        return []  # bodies alone, or asked: "…; đề nghị Ủy ban Mặt trận Tổ quốc … phối hợp thực hiện"
    opening = [inside[0]]
    for mention in inside[1:]:
        gap = text[opening[-1].end:mention.start]
        if len(gap.split()) > _GAP_WORDS or role_cue("role-word").search(gap) or any(c in gap for c in ".:"):
            break
        opening.append(mention)
    return opening


_GAP_WORDS = 8


def _apply(task: Task, block: list[Field], field_start: int) -> Task:
    """A task with the lead, coordinators and schedule of the field block that follows it."""
    leads, coordinators = task.leads, task.coordinators
    for field in block:
        if field.kind == "lead":
            field_leads, field_coordinators = _field_roles(task.section, field.value)
            if field_leads:
                leads = field_leads
                coordinators = field_coordinators + coordinators
        elif field.kind == "coordinate":
            coordinators = listed(field.value) + coordinators
    keys = {fold(a.name) for a in leads}
    coordinators = tuple(a for a in distinct(list(coordinators)) if fold(a.name) not in keys)
    schedule = next((f for f in block if f.kind == "time"), None)
    if schedule is None:
        return replace(task, leads=leads, coordinators=coordinators)
    return replace(task, leads=leads, coordinators=coordinators,
                   due=due(schedule.value) or time_due(schedule.value) or task.due,
                   recurrence=recurrence(schedule.value) or task.recurrence, schedule=schedule.value,
                   schedule_start=field_start + schedule.start, schedule_finishes=schedule.finishes)


def _opens_with_doer(text: str) -> bool:
    """Whether a task opens with the bodies that do it ("Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có
    trách nhiệm …"), after its opening phrases."""
    return bool(list_at(text, _intro_end(text)))


def _within(section: str, parent: str) -> bool:
    """Whether a section path is `parent` or lies within it ("III.1.c" within "III.1", not "III.2")."""
    return section == parent or section.startswith(parent + ".") or parent.startswith(section + ".")


def _states_roles_only(text: str) -> bool:
    """Whether an item only says who leads and who takes part ("Sở Y tế chủ trì, phối hợp với các sở,
    ngành liên quan."), with no work of its own: besides the bodies and the role words, at most
    _UNNAMED_WORDS words (bodies no list knows: "báo, đài")."""
    found = mentions(text)
    if not found:
        return False
    ends, starts = [0] + [m.end for m in found], [m.start for m in found] + [len(text)]
    rest = " ".join(text[end:start] for end, start in zip(ends, starts))
    return len(_ROLE_WORDS.sub(" ", rest).split()) <= _UNNAMED_WORDS and bool(role_cue("role-word").search(rest))


_ROLE_WORDS = re.compile(r"chủ\s+trì|phối\s+hợp(?:\s+với)?|\b(?:và|cùng|với)\b|[,;.:+–-]", re.IGNORECASE)
_UNNAMED_WORDS = 3


def find_tasks(root: Section) -> tuple[Task, ...]:
    """Tasks of a plan, numbered within their section; a field block ("Đơn vị chủ trì: …") gives
    its roles and schedule to every task since the previous block.

    >>> from extract.outline import outline
    >>> text = "V. TỔ CHỨC THỰC HIỆN\\n1. Sở Nội vụ\\n- Chủ trì, phối hợp với Sở Y tế rà soát."
    >>> task = find_tasks(outline(text))[0]
    >>> [a.name for a in task.leads], [a.name for a in task.coordinators]
    (['Sở Nội vụ'], ['Sở Y tế'])
    """
    tasks: list[Task] = []
    counts: dict[str, int] = {}
    group: list[int] = []
    closed = False
    part = ""
    awaited = False  # a lead label with nothing after it ("- Cơ quan thực hiện:"): its value is in the items below
    awaited_value: list[str] = []
    unassigned: dict[int, Task] = {}  # the group's tasks as they were before that label
    for candidate in sorted(candidates(root), key=lambda c: c.start):
        if candidate.section.split(".")[0] != part:  # a block assigns only tasks of its own part
            part, group, closed, awaited = candidate.section.split(".")[0], [], False, False
        if awaited and candidate.kind != "field" and _states_roles_only(candidate.text):
            # "+ Sở Văn hóa và Thể thao chủ trì, phối hợp với …" under "- Cơ quan thực hiện:": the
            # items that only name roles are the label's value, read together
            awaited_value.append(candidate.text.rstrip(" .;"))
            for index in group:
                tasks[index] = _apply(unassigned[index], [Field("lead", "; ".join(awaited_value), 0)], candidate.start)
            continue
        awaited = False
        if candidate.kind == "field":
            block = fields(candidate.text)
            parent = candidate.section.rpartition(".")[0] or candidate.section
            # where its own heading has tasks, a block naming a lead is not given to an earlier heading's task
            # that names its own doer ("3. …" / "Sở, ban, ngành … có trách nhiệm …" before "4. Tổ chức kiểm
            # tra …" / "- Cơ quan thực hiện: …")
            guarded = any(field.kind == "lead" for field in block) and any(
                _within(tasks[index].section, candidate.section) for index in group)
            for index in group:  # the tasks of its section's parent: not those of another part's items
                task = tasks[index]
                if _within(task.section, candidate.section) or (
                        _within(task.section, parent) and not (guarded and _opens_with_doer(task.text))):
                    tasks[index] = _apply(task, block, candidate.start)
            closed = True
            awaited = any(field.kind == "lead" and not field.value.strip(" .;:") for field in block)
            awaited_value = []
            unassigned = {index: tasks[index] for index in group}
            continue
        leads, coordinators = roles(candidate)
        if candidate.kind in ("budget", "closing") and not leads:
            continue
        if closed:
            group, closed = [], False
        counts[candidate.section] = counts.get(candidate.section, 0) + 1
        group.append(len(tasks))
        tasks.append(Task(candidate.section, counts[candidate.section], candidate.text, candidate.start,
                          candidate.start + len(candidate.text), leads, coordinators,
                          recurrence(candidate.text), due(candidate.text)))
    return tuple(tasks)
