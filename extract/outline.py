"""The heading tree of a clean plan text, with section paths written the way readers cite them.

Paths join the Roman part, the arabic number as written and the letter: `II.2.1.2.a`.
Decisions' articles are their own top-level parts (`Điều 2`). Bullets and plain paragraphs
are the items of the section they stand in; closing formulas ("Trên đây là …") belong to
the top-level part; signature and recipient blocks hold no items.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from plangraph.extract.agencies import mentions
from plangraph.extract.layout import MISREAD_HEAD
from plangraph.extract.rules import compile_regex, cue_regex, read_table
from plangraph.extract.tables import MARKDOWN_RULE

_ROMAN = re.compile(r"^(?P<marker>[IVXLC]+)\s*[.)\-–:]\s*(?P<text>\S.*)$")
_ARTICLE = re.compile(r"^(?P<marker>Điều\s+\d+)\s*[.:]?\s*(?P<text>.*)$")
_NUMBER = re.compile(r"^(?P<marker2>\d{1,2}(?:\.\d{1,2})+)\s+(?P<text2>[^\W\d_].*)$"
                     r"|^(?P<marker>\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s+|[.)](?=[^\W\d_])|/\s+(?=[^\W\d_]))(?P<text>\S.*)$")
_LETTER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.)?(?P<marker>[a-zđ])[.)]\s+(?P<text>\S.*)$")  # "a)", "2.1.a."
_BULLET = re.compile(r"^(?P<marker>[-+•–—·▪◦●])\s*(?P<text>\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LABEL_WORDS = 25  # a heading "N. Label: body" has a short label before the colon
_LOWER_BODY_LABEL_WORDS = 2  # … a longer one splits off a lower-case body only when it names a body
_ADDRESSING = re.compile(r"(?:đề nghị|yêu cầu)\s*$", re.IGNORECASE)
# "12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền": the names after the colon belong to the label
_NAMES_FOLLOW = re.compile(r"\bcác\s+(?:sở|xã|phường|thị trấn|huyện|quận|thị xã)\s*$", re.IGNORECASE)
_TITLE_WORDS = 15
_NEXT_PART_WORDS = 30  # the next part's title in sentence case may be this long ("III. Giải pháp thực hiện kế hoạch …")
_STOPPED_WORDS = 6  # the next part's title may end with a full stop when this short ("IV. Tổ chức thực hiện.")
_MIN_NUMBERED_PARTS = 3


@dataclass(frozen=True)
class Item:
    """A bullet or paragraph: its marker ('' for a paragraph) and text span in the clean text."""

    marker: str
    text: str
    start: int
    end: int


@dataclass
class Section:
    """A heading and what stands under it. `path` is '' for the document root."""

    path: str
    kind: str  # root | roman | article | appendix | number | letter
    number: str
    title: str
    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    parent: "Section | None" = field(default=None, repr=False)

    def walk(self) -> "list[Section]":
        """This section and all below it, in document order."""
        found: list[Section] = []
        stack = [self]  # iterative: headings may nest deeper than Python's recursion limit
        while stack:
            section = stack.pop()
            found.append(section)
            stack.extend(reversed(section.children))
        return found

    @property
    def top(self) -> "Section":
        """The top-level part (Roman numeral, article or appendix) this section belongs to."""
        section = self
        while section.parent is not None and section.parent.kind != "root":
            section = section.parent
        return section

    def ancestors(self) -> "list[Section]":
        found = []
        section = self.parent
        while section is not None and section.kind != "root":
            found.append(section)
            section = section.parent
        return found


def _cue(kind: str) -> re.Pattern[str]:
    """Paragraph openings of one kind from patterns/paragraphs.tsv (case-sensitive)."""
    return cue_regex("paragraphs.tsv", kind, flags=0)


_NUMERALS = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(value: int) -> str:
    numeral = ""
    for amount, letters in _NUMERALS:
        while value >= amount:
            numeral, value = numeral + letters, value - amount
    return numeral


@lru_cache(maxsize=1)
def _ordinals() -> tuple[tuple[re.Pattern[str], int], ...]:
    """The kind=ordinal-N rows of paragraphs.tsv: an ordinal word ("NHẤT") and its value N."""
    rows = read_table("paragraphs.tsv", ("id", "kind", "cue", "example"))
    return tuple((compile_regex(row, "cue", 0), int(row["kind"].removeprefix("ordinal-")))
                 for row in rows if row["kind"].startswith("ordinal-"))


def _ordinal(word: str) -> int | None:
    """The value of an ordinal word ("NHẤT" → 1)."""
    return next((value for pattern, value in _ordinals() if pattern.fullmatch(word)), None)


def _part(line: str) -> tuple[str, int, str] | None:
    """(Roman numeral, offset of the title, title) of a part or chapter heading ("PHẦN THỨ HAI. …")."""
    match = _cue("part").match(line)
    if not match:
        return None
    value = _ordinal(match["word"]) if match["word"] else None
    numeral = match["number"] or (_roman(value) if value else None)
    if not numeral:
        return None
    return numeral, match.start("text"), match["text"]


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_title(text: str, words: int = _TITLE_WORDS) -> bool:
    """A heading in sentence case: a capital first, short, no full stop at the end."""
    return text[:1].isupper() and len(text.split()) <= words and not text.rstrip().endswith(".")


def has_plan_structure(root: Section) -> bool:
    """Roman parts or articles, or (a plan numbered 1., 2., … at the top) several numbered parts."""
    kinds = [s.kind for s in root.children]
    return any(k in ("roman", "article") for k in kinds) or kinds.count("number") >= _MIN_NUMBERED_PARTS


def outline(text: str, skip: tuple[tuple[int, int], ...] = ()) -> Section:
    """Section tree of a clean text (one paragraph per line).

    >>> root = outline("I. MỤC TIÊU\\n1. Chung\\n- Làm A.\\nII. TỔ CHỨC")
    >>> [(s.path, len(s.items)) for s in root.walk()]
    [('', 0), ('I', 0), ('I.1', 1), ('II', 0)]
    """
    root = Section("", "root", "", "", 0, 0)
    stack: list[Section] = [root]
    last_roman = 0
    last_letter: str | None = None  # the letter of the last heading, when it was a letter item
    in_tail = False  # inside a signature or recipients block
    closed = False  # after a closing formula: the lines up to the next heading close the part too
    position = 0
    lines = text.split("\n")
    # "Phần I" / "Chương I" are the parts only of a text without Roman parts of its own;
    # where both are written, the Roman parts give the paths, as they always did
    parts = not any(_is_roman_part(line) for line in lines)
    for line in lines:
        start, end = position, position + len(line)
        position = end + 1
        if not line.strip():
            continue
        if any(lo <= start < hi for lo, hi in skip):  # tables are read apart
            caption = _appendix_path(line)
            if caption is not None:  # "PHỤ LỤC" over its table: the appendix begins
                _attach(stack, "appendix", caption, "", start, end)
                in_tail = closed = False
            continue
        heading = _heading(line, last_roman, parts)
        if heading is not None and heading[:2] == ("letter", "l") and line.startswith("l.") and last_letter != "k":
            heading = ("number", "1", *heading[2:])  # "l. Tuyên truyền …" with no item k) before it: an OCR's "1."
        untitled = stack[-1] if len(stack) > 1 and not stack[-1].title and not stack[-1].items else None
        if heading is None and untitled is not None and untitled.kind == "roman" and _is_caps(line):
            untitled.title, untitled.end = line.strip(), end  # "PHẦN THỨ NHẤT" with its title on the next line
            continue
        if heading is not None:
            kind, number, title_offset, title = heading
            if kind == "roman":
                last_roman = _roman_value(number)
            last_letter = number if kind == "letter" else None
            in_tail = closed = False
            section = _attach(stack, kind, number, title, start + title_offset, end)
            body = _inline_body(title)
            if body is not None:
                section.title = title[:body].rstrip(" :")
                section.end = start + title_offset + len(section.title)
                body_start = start + title_offset + body
                section.items.append(Item("", text[body_start:end], body_start, end))
            continue
        # a Markdown row's first cell counts as the line: "| Nơi nhận: … | TM. ỦY BAN NHÂN DÂN … |"
        opening = line.lstrip("| ") if line.startswith("|") else line
        if _cue("signature").match(opening) or _cue("recipients").match(opening) or _cue("footnote").match(opening):
            in_tail = True
            continue
        if in_tail and _cue("appendix-note").match(line):
            # "(Kèm theo Kế hoạch số …)" after the signature: an appendix whose title names no "Phụ lục"
            _attach(stack, "appendix", "PL", "", start, end)
            in_tail = False
            continue
        if in_tail or len(stack) == 1 or line.strip() == "|" or MARKDOWN_RULE.match(line):
            continue
        closed = closed or bool(_cue("closing").match(line))
        target = stack[1] if closed else stack[-1]
        bullet = _BULLET.match(line)
        if bullet:
            offset = bullet.start("text")
            target.items.append(Item(bullet["marker"], bullet["text"], start + offset, end))
        else:
            target.items.append(Item("", line, start, end))
    return root


def _is_roman_part(line: str) -> bool:
    match = _ROMAN.match(line)
    return bool(match and (_is_caps(match["text"][:40]) or _is_title(match["text"])))


def _appendix_path(line: str) -> str | None:
    """"PHỤ LỤC 02" / "Mẫu biểu số 01": path PL or PL.02; None for a line that heads no appendix."""
    match = _cue("appendix").match(line)
    if not match:
        return None
    return f"PL.{match['number']}" if match["number"] else "PL"


def _heading(line: str, last_roman: int, parts: bool = True) -> tuple[str, str, int, str] | None:
    """(kind, number, offset of the title in the line, title) when the line is a heading."""
    appendix = _appendix_path(line)
    if appendix is not None:
        return "appendix", appendix, len(line), ""
    part = _part(line) if parts else None
    if part is not None:
        return "roman", part[0], part[1], part[2]
    match = _ROMAN.match(line)
    if match and match["marker"] == "I" and last_roman >= 1 and not _is_caps(match["text"][:40]):
        return "number", "1", match.start("text"), match["text"]  # "I. Tuyên truyền …" inside a part: an OCR's "1."
    misread = MISREAD_HEAD.match(line) if not match else None
    if misread and _is_caps(misread["text"][:40]):  # "Ill. NHIỆM VỤ", "II1. NHIỆM VỤ": an OCR's "III"
        numeral = misread["marker"].replace("l", "I").replace("1", "I")
        value = _roman_value(numeral)
        if _roman(value) == numeral and (last_roman == 0 or value <= last_roman + 2):
            return "roman", numeral, misread.start("text"), misread["text"]
    next_part = match is not None and last_roman > 0 and _roman_value(match["marker"]) == last_roman + 1
    if match and (_is_caps(match["text"][:40]) or _is_title(match["text"])
                  or next_part and (_is_title(match["text"], _NEXT_PART_WORDS)
                                    or _is_title(match["text"].rstrip(" ."), _STOPPED_WORDS))):
        value = _roman_value(match["marker"])
        # an excerpt may start at any part; a part in capitals may follow one that was not read
        if 0 < value <= last_roman + 1 or last_roman == 0 or value == last_roman + 2 and _is_caps(match["text"][:40]):
            return "roman", match["marker"], match.start("text"), match["text"]
    match = _ARTICLE.match(line)
    if match:
        return "article", re.sub(r"\s+", " ", match["marker"]), match.start("text"), match["text"]
    match = _LETTER.match(line) if line[:1].isdigit() else None
    if match:  # "2.1.a. …": the letter item a) of 2.1
        return "letter", match["marker"], match.start("text"), match["text"]
    match = _NUMBER.match(line)
    if match:  # "2.1." or "2.1 " (two or more parts need no final dot)
        group = "text" if match["marker"] else "text2"
        return "number", match["marker"] or match["marker2"], match.start(group), match[group]
    match = _LETTER.match(line)
    if match:
        return "letter", match["marker"], match.start("text"), match["text"]
    return None


def _inline_body(title: str) -> int | None:
    """Offset of the body in "Label: body" headings (a short label, then text after a colon that
    stands outside brackets: "… (gồm các Sở: Xây dựng, …)" is one title)."""
    colon = next((m.start() for m in re.finditer(": ", title)
                  if title.count("(", 0, m.start()) <= title.count(")", 0, m.start())), -1)
    if _ADDRESSING.match(title[:max(colon, 0)]) or _NAMES_FOLLOW.search(title[:max(colon, 0)]):
        return None  # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, …": whom the heading asks, not a body
    if colon <= 0 or len(title[:colon].split()) > _LABEL_WORDS or not title[colon + 2:].strip():
        return None
    if len(title[:colon].split()) > _LOWER_BODY_LABEL_WORDS and title[colon + 2:colon + 3].islower() \
            and not _LETTER.match(title[colon + 2:]) and not _names_a_body(title[:colon]):
        # "a) Ứng dụng khung kỹ năng số theo từng nhóm đối tượng: người dân; …", "b) Đẩy mạnh hợp tác
        # công - tư: đặt hàng doanh nghiệp …": one sentence (not "Giao Sở X: a. Chủ trì …", a list,
        # nor "b) Sở Tài chính: chủ trì …", a body and its duty)
        return None
    return colon + 2


def _names_a_body(label: str) -> bool:
    """Whether a heading's label opens with a body's name ("Sở Tài chính", "Ủy ban nhân dân các xã")."""
    found = mentions(label)
    return bool(found) and found[0].start == 0


def _attach(stack: list[Section], kind: str, number: str, title: str, start: int, end: int) -> Section:
    """Pop the stack to the right parent for a new heading, push the heading, return it."""
    if kind in ("roman", "article", "appendix"):
        del stack[1:]
    elif kind == "number":
        while len(stack) > 1 and not _contains(stack[-1], number):
            stack.pop()
    elif kind == "letter":
        while len(stack) > 1 and stack[-1].kind == "letter":
            stack.pop()
    parent = stack[-1]
    if parent.kind == "number" and kind == "number" and number.startswith(parent.number + "."):
        # "2.1." under "2." writes its whole path: the part holding the numbered headings, then "2.1"
        container = parent
        while container.kind == "number" and container.parent is not None:
            container = container.parent
        path = f"{container.path}.{number}" if container.path else number
    else:
        path = f"{parent.path}.{number}" if parent.path else number
    section = Section(path, kind, number, title, start, end, parent=parent)
    parent.children.append(section)
    stack.append(section)
    return section


def _contains(section: Section, number: str) -> bool:
    """Whether a numbered heading `number` goes below `section`."""
    if section.kind in ("roman", "article", "appendix", "root"):
        return True
    if section.kind == "number":
        return number.startswith(section.number + ".")
    return False
