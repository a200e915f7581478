"""Line-level layout decisions for normalize: where a paragraph goes on, where a unit starts.

Pure functions of the lines' text: whether a line continues the previous one (hard wraps,
blocks separated by blank lines, headings split over two lines), and where a heading glued to
its first item, or a unit inside a text whose line breaks were lost, must be split.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from plangraph.extract.rules import cue_regex, finditer_at, read_table
from plangraph.extract.tables import MARKDOWN_RULE, is_markdown_row

# A line that opens a structural unit: Roman / arabic / letter numbering, a bullet, an article.
MARKER = re.compile(
    r"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:[IVXLC\d]+|(?:THỨ|Thứ|thứ)\s+[^\W\d_]+)|[IVXLC]+\s*[.)\-–:]"
    r"|\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}/(?=\s+[^\W\d_])"
    r"|\d{1,2}(?:\.\d{1,2})+(?=\s+[^\W\d_])"
    r"|(?:\d{1,2}(?:\.\d{1,2})+\.)?[a-zđ][.)]|[-+•–—·▪◦●]|Điều\s+\d+)(?:\s|$)")
_TERMINAL = re.compile(r"[.;:!?…][\"”’)]*$")


def paragraph_cues(kinds: tuple[str, ...]) -> str:
    """The case-sensitive cues of these kinds of patterns/paragraphs.tsv, as one alternation."""
    return "|".join(cue_regex("paragraphs.tsv", kind, flags=0).pattern for kind in kinds)


@lru_cache(maxsize=1)
def paragraph_start() -> re.Pattern[str]:
    """Openings that always start a paragraph (patterns/paragraphs.tsv), case-sensitive."""
    return re.compile(paragraph_cues(("start", "closing", "signature", "recipients", "footnote")))


# a Roman numeral an OCR read with a lower-case "l" or a "1" for an "I" ("Ill", "ll", "II1", "lV"), not a number ("11")
MISREAD_ROMAN = r"(?=[IVXl1]*[l1])(?!1+[^IVXl])[IVXl1]{2,4}"
MISREAD_HEAD = re.compile(rf"^(?P<marker>{MISREAD_ROMAN})\s*[.)\-–:]\s*(?P<text>\S.*)$")  # "Ill.", "II1.", "lV."
_ROMAN_TAIL = re.compile(rf"(?:^|[.;:]\s+)((?:[IVXLC]+|{MISREAD_ROMAN})\s*[.)\-–:])(?:\s*(\S.*))?$")
_STOP_ROMAN = re.compile(r"[.;:]\s+[IVXLC]+\s*[.)\-–:]")
_ROMAN = frozenset("IVXLC")
MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_ARABIC_HEAD = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.\s")
_ROMAN_HEAD = re.compile(r"^[IVXLC]+\s*[.)\-–:]\s*\S")
_HEAD_FIRST = frozenset("0123456789IVXLC")
_RUN_IN_TITLE_WORDS = 40


def split_glued(text: str, lo: int, hi: int, merged: bool = False) -> list[tuple[int, int]]:
    """Split a heading from its first sub-item written on the same line (in a text whose line
    breaks were lost, `merged`, also its first lettered, dash or role-led item).

    "3. Tranh chấp lao động 3.1. Rà soát …" → "3. Tranh chấp lao động" / "3.1. Rà soát …";
    "III. TỔ CHỨC THỰC HIỆN 1." → "III. TỔ CHỨC THỰC HIỆN" / "1." (which then joins the next line).
    Only the first child's number ("3.1." under "3.", "1." under a Roman part) splits a line.
    """
    if merged and lo < hi and text[lo] not in _HEAD_FIRST:
        return _split_run_in(text, lo, hi)  # a lettered heading, "a) … - …"
    if lo >= hi or text[lo] not in _HEAD_FIRST:
        return [(lo, hi)]  # neither an arabic nor a Roman number opens the line
    line = text[lo:hi]
    arabic = _ARABIC_HEAD.match(line)
    if arabic:
        child = re.escape(arabic.group(1) + ".1.") + (r"|a\)" if merged else "")
    elif _ROMAN_HEAD.match(line):
        child = r"1\."
    else:
        return [(lo, hi)]
    found = re.search(rf"\s({child})(?:\s+(?=\S)|$)", line)
    if not found and not arabic:
        return _split_caps_title(text, lo, hi)
    if not found and merged:
        return _split_run_in(text, lo, hi)
    if not found or found.start(1) < 4:
        return [(lo, hi)]
    if found.group(1) == "a)" and line[:found.start()].rstrip().lower().endswith("điểm"):
        return [(lo, hi)]  # "theo điểm a) Khoản 1": a reference, not an item
    following = line[found.end():found.end() + 1]
    caps_part = not arabic and is_caps(line[:found.start()], 4)
    if following and not (following.isalpha() and following.isupper()) and not (caps_part and following.isdigit()):
        return [(lo, hi)]  # a part's first item may open with a figure: "II. MỤC TIÊU 1. 100% …"
    if not arabic and not caps_part:
        return [(lo, hi)]
    cut = lo + found.start()
    head_end = cut
    while head_end > lo and text[head_end - 1] == " ":
        head_end -= 1
    return [(lo, head_end), *split_glued(text, lo + found.start(1), hi, merged)]


# a numbered or lettered heading's title, then its first item on the same line
_RUN_IN_HEAD = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))\s+")
_DASH_ITEM = re.compile(r"[^.;!?\-–]{2,250}?(\s[-–]\s+)(?=[^\W\d_])")
_ROLE_ITEM = re.compile(r"[^.;:!?\-–]{2,120}?(\s)(?=[A-ZĐ])")
_NAMES_GAP = re.compile(r"[^.:!?]{2,250}?(\s)(?=[A-ZĐ])")  # bodies' names may hold "-" and ";" between them
_RUN_IN_NAMES_CHARS = 250


def _split_run_in(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """In a text whose line breaks were lost, a numbered or lettered heading's title and its first
    item on one line: its first dash item ("1. Mục đích - Triển khai …" → "1. Mục đích" /
    "- Triển khai …"), a body's duty opening with its role ("3. Sở Y tế Phối hợp với …" →
    "3. Sở Y tế" / "Phối hợp với …") or a named body's duty ("3. Sở Tài chính Trên cơ sở …")."""
    head = _RUN_IN_HEAD.match(text, lo, hi)
    if not head:
        return [(lo, hi)]
    dash = _DASH_ITEM.match(text, head.end(), hi)
    if dash and text[dash.end()].isupper() and len(text[lo:dash.start(1)].split()) <= _RUN_IN_TITLE_WORDS \
            and _dashed_name().match(text, max(lo, dash.start(1) - 40), min(hi, dash.end() + 40)) is None:
        return [(lo, dash.start(1)), (dash.start(1) + 1, hi)]
    for gap in _ROLE_ITEM.finditer(text, head.end(), min(hi, head.end() + 120)):
        if _role_opening().match(text, gap.end(), hi):
            return [(lo, gap.start(1)), (gap.end(), hi)]
    for gap in _NAMES_GAP.finditer(text, head.end(), min(hi, head.end() + _RUN_IN_NAMES_CHARS)):
        if _verb_opening().match(text, gap.end(), hi) and not _open_name().search(text, lo, gap.start(1)):
            return [(lo, gap.start(1)), (gap.end(), hi)]  # (not "Ban Chỉ đạo", "Trung tâm Kiểm soát …": a name)
    named = _named_heading().match(text, head.end(), hi)
    if named and text[named.end()].isupper() and text[named.end() + 1:named.end() + 2].islower():
        return [(lo, named.end(1)), (named.end(), hi)]
    doer = _doer_after_title().match(text, head.end(), hi)
    if doer:
        return [(lo, doer.end(1)), (doer.end(), hi)]
    return [(lo, hi)]


@lru_cache(maxsize=1)
def _verb_opening() -> re.Pattern[str]:
    """A duty opening with a verb in capitals, a word that ends a body's name (agency_heads.tsv, stop):
    "Xây dựng tin, bài …", "Tổ chức …"."""
    verbs = cue_regex("agency_heads.tsv", "stop.verb", column="id").pattern
    return re.compile(rf"(?=[A-ZĐ])(?i:{verbs})(?![^\W\d_])")


@lru_cache(maxsize=1)
def _doer_after_title() -> re.Pattern[str]:
    """A heading's one-sentence title, then a sentence whose doer leads: "4. Hoàn thành di dời 01 khu
    công nghiệp. UBND phường Lào Cai chủ trì, …" → "4. Hoàn thành …" / "UBND phường Lào Cai chủ trì, …"."""
    lead = cue_regex("roles.tsv", "lead", column="role").pattern
    # not a duty's agents, "Các cơ quan được phân công chủ trì …", nor its own second sentence
    return re.compile(rf"[^.;:!?]{{2,250}}?(\.)\s+(?=[A-ZĐ](?:(?!được\s)[^.;:!?]){{2,80}}?\s(?i:{lead})(?!\w))")


@lru_cache(maxsize=1)
def _named_heading() -> re.Pattern[str]:
    """A body's name of agencies.tsv, as its heading gives it, and then a sentence opening with a
    capital: "Sở Tài chính Trên cơ sở đề nghị …" → "Sở Tài chính" / "Trên cơ sở đề nghị …"."""
    names = sorted({row["name"] for row in read_table("agencies.tsv", ("id", "name"))}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"((?:{alternatives})(?:\s+tỉnh)?):?\s+(?=\w\w)")


@lru_cache(maxsize=1)
def _dashed_name() -> re.Pattern[str]:
    """A dash inside a name (agencies.tsv: "Sở Lao động - Thương binh và Xã hội"; "… - Chi nhánh …")."""
    pairs = {r"[-–]\s*Chi\s+nhánh"} | {rf"{left}\s*[-–]\s*{right}" for left, right in _dash_name_sides()}
    return re.compile(r".*?(?:" + "|".join(sorted(pairs)) + ")", re.DOTALL)


def _split_caps_title(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """"III. NHIỆM VỤ TRỌNG TÂM Để thực hiện …" → the Roman part's title in capitals / its first
    paragraph; "VI. KINH PHÍ THỰC HIỆN - Từ ngân sách …" → the title / its first dash item."""
    words = list(re.finditer(r"\S+", text[lo:hi]))
    caps = 0
    for k, word in enumerate(words[1:], start=1):
        following = words[k + 1].group(0) if k + 1 < len(words) else ""
        if word.group(0) in "-–" and caps >= 2 and following[:1].isupper() and not is_caps(following, 1):
            return [(lo, lo + words[k - 1].end()), (lo + word.start(), hi)]
        if is_caps(word.group(0), 1):
            caps += 1
            continue
        if caps >= 2 and word.group(0)[0].isupper():
            head_end = lo + words[words.index(word) - 1].end()
            return [(lo, head_end), (lo + word.start(), hi)]
        break
    return [(lo, hi)]


# A new unit that starts inside a paragraph, after the end of a sentence, a colon or a closing
# parenthesis ("(Kèm theo …) I. MỤC ĐÍCH"): a Roman part in capitals, an article, a number, a
# letter or a bullet, each followed by a capital (or a number followed by a figure, see inside_starts).
_INTERNAL = re.compile(r"(?<=[.…;:!?”\")])\s+(?:\d{1,3}\s+(?=[IVX\d]|[-+]\s+[^\W\d_]))?(?=(?P<marker>[IVX]{1,4}\.|Điều\s+\d{1,2}\.|\d{1,2}(?:\.\d{1,2})*\."
                       r"|[a-zđ]\)|[-+])(?:\s+(?P<word>[^\W_]+)|(?=\n|$)))")
_STOP_SPACE = re.compile(r"[.…;:!?”\")]\s")
_SEQUENCE_REACH = 3000  # how far back the item before a figure-led item is looked for, in characters


@lru_cache(maxsize=1)
def _inside_block() -> re.Pattern[str]:
    """A closing formula, a signature, the recipients, a footnote or an appendix heading ending its line
    (paragraphs.tsv) after the end of a sentence or a table cell inside a line."""
    cues = paragraph_cues(("closing", "signature", "recipients", "footnote", "appendix"))
    return re.compile(rf"(?<=[.;:!?”\"|])\s+(?=(?:{cues}))", re.MULTILINE)


# the line under a plan's title that names the decision it is attached to: "… TỈNH BẮC KẠN (Kèm theo Quyết định …)"
_ATTACHED = re.compile(r"[ \t]+(?=\(Kèm theo\s)")
# an appendix heading whose title in capitals runs on after its number: "PHỤ LỤC 01 ĐỊNH HƯỚNG …"
_APPENDIX_TITLE = re.compile(r"(?:^|(?<=[.;:!?”\"|])(\s+))(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|Số|số))?\s+(?:[IVXLC]+|\d{1,3})"
                             r"[.:]?(\s+)(?=[^\W\d_]{2,}\s)", re.MULTILINE)


_TITLE_END = re.compile(r"\n|\s\|(?!\S)")


def inside_blocks(text: str) -> list[tuple[int, int]]:
    """Where a closing, a signature, the recipients, a footnote, the line naming the decision a plan
    is attached to or an appendix start inside the lines of a text whose line breaks were lost ("…
    đúng quy định./. | Nơi nhận: - Bộ …", "… TỈNH BẮC KẠN (Kèm theo Quyết định …)", "… này./. PHỤ LỤC
    01 ĐỊNH HƯỚNG …": the appendix's number and its title in capitals on lines of their own)."""
    spans = [m.span() for m in _inside_block().finditer(text)] + [m.span() for m in _ATTACHED.finditer(text)]
    for match in _APPENDIX_TITLE.finditer(text):
        title_end = _TITLE_END.search(text, match.end())  # the line's end or a table's first cell
        if is_caps(text[match.end():title_end.start() if title_end else len(text)], 4):
            spans += [match.span(1), match.span(2)] if match.group(1) else [match.span(2)]
    return sorted(spans)


_LONE_PIPE = re.compile(r"(?<!\S)\|(?!\S)")


def inside_cells(text: str) -> list[tuple[int, int]]:
    """The spaces either side of each `|` of a table whose line breaks were lost ("… như sau: | STT |
    Nội dung | | 1 | Làm A |"), so that it reads as the cell-per-line form: each `|` on a line of its
    own. A markdown table (`| … |` lines in a row, one of them a `|---|` rule) is kept."""
    lines = text.split("\n")
    kept: set[int] = set()
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and is_markdown_row(lines[j].strip()):
            j += 1
        if any(MARKDOWN_RULE.match(lines[i].strip()) for i in range(k, j)):
            kept.update(range(k, j))
        k = j + 1
    spans: set[tuple[int, int]] = set()
    position = 0
    for k, line in enumerate(lines):
        pipes = list(_LONE_PIPE.finditer(line))
        if len(pipes) >= 2 and k not in kept:
            for pipe in pipes:
                before = len(line[:pipe.start()].rstrip(" \t"))
                after = len(line) - len(line[pipe.end():].lstrip(" \t"))
                if 0 < before < pipe.start():
                    spans.add((position + before, position + pipe.start()))
                if pipe.end() < after < len(line):
                    spans.add((position + pipe.end(), position + after))
        position += len(line) + 1
    return sorted(spans)


def inside_starts(line: str) -> list[re.Match[str]]:
    """Where units start inside a line: the marker's word begins with a capital (a Roman part's is all
    capitals), or with a figure when the item numbered one less stands before it ("… 1. 100% cán bộ …
    2. 100% các Sở …")."""
    found = []
    for match in finditer_at(_INTERNAL, line, (stop.start() + 1 for stop in _STOP_SPACE.finditer(line))):
        word, marker = match["word"], match["marker"]
        roman = re.fullmatch(r"[IVX]{1,4}\.", marker) is not None
        if word is None:
            if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.", marker):
                found.append(match)  # a wrap left the number at the line's end: "… hằng năm. 2.6." / "Căn cứ …"
        elif word[0].isupper() and (not roman or is_caps(word, 2)):
            found.append(match)
        elif word[0].isdigit() and re.fullmatch(r"\d{1,2}\.", marker) and int(marker[:-1]) > 1 and re.search(
                rf"(?:^|\s){int(marker[:-1]) - 1}\.\s+\S", line[max(0, match.start() - _SEQUENCE_REACH):match.start()]):
            found.append(match)
    return found




_PARAGRAPH_LINES = 12  # the most lines a typical paragraph block has


def block_layout(lines: list[tuple[int, int, bool]]) -> bool:
    """Whether paragraphs are blocks of hard-wrapped lines separated by blank lines (not pages: a
    PDF export's blocks of some 40 lines between page markers)."""
    sizes = [0]
    for _, _, blank in lines:
        if blank and sizes[-1]:
            sizes.append(0)
        sizes[-1] += 1
    multi = sum(1 for size in sizes if size > 1)
    return len(sizes) >= 10 and multi >= 0.3 * len(sizes) and sorted(sizes)[len(sizes) // 2] <= _PARAGRAPH_LINES


def is_cell(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Whether line k stands between two `|` lines: a table cell ("1", "42"), not a page number."""
    return 0 < k < len(spans) - 1 and all(text[lo:hi] == "|" for lo, hi in (spans[k - 1], spans[k + 1]))


def wrap_width(lengths: list[int]) -> int | None:
    """The line width of a hard-wrapped (PDF) text, or None when lines are whole paragraphs."""
    long_lines = sorted(n for n in lengths if n >= 20)
    if len(long_lines) < 20:
        return None
    p50, p75 = long_lines[len(long_lines) // 2], long_lines[(3 * len(long_lines)) // 4]
    if p75 <= 120 and p50 >= 0.8 * p75:
        return p75
    return None


def _starts_lower(line: str) -> bool:
    """A lower-case letter first, or an opening quote or bracket and then one."""
    head = line[1:2] if line[:1] in "“\"(‘'" else line[:1]
    return head.isalpha() and head.islower()


def is_caps(line: str, min_letters: int = 1) -> bool:
    """A line in capitals only ("KẾ HOẠCH", "TM. ỦY BAN NHÂN DÂN"), with at least `min_letters` letters.

    >>> is_caps("KẾ HOẠCH"), is_caps("Kế hoạch"), is_caps("I.", min_letters=4)
    (True, False, False)
    """
    letters = 0
    for char in line:
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters >= max(1, min_letters)


_LONE_CAPITALS_CHARS = 8
_MONTH_WORD_END = re.compile(r"(?<!\w)ngày\s+\d{1,2}\s+tháng$")
_YEAR_OF_DATE = re.compile(r"\d{1,2}\s+năm\s+(?:19|20)\d\d")
_MONTH_OF_YEAR = re.compile(r"\d{1,2}/(?:19|20)\d\d(?!\d)")
_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)[.)]\s")  # "II. ", "3. ", "2.1. "
_HYPHENATED = re.compile(r"^[-–]\s+(?=[^\W\d_])")
BARE_MARKER = re.compile(rf"^(?:[IVXLC]+\s*[.)\-–:]|{MISREAD_ROMAN}\.|\d{{1,2}}(?:\.\d{{1,2}})*[.)]|[a-zđ][.)]|Điều\s+\d+\s*[.:]?)$")


@lru_cache(maxsize=1)
def _dangling() -> re.Pattern[str]:
    """Words that never end a paragraph ("và", "của"): a line ending in one continues."""
    return re.compile(rf"(?<!\w)(?:{cue_regex('paragraphs.tsv', 'dangling').pattern})$", re.IGNORECASE)


_RANGE_END = re.compile(r"^[-–]\s*\d")


@lru_cache(maxsize=1)
def _open_name() -> re.Pattern[str]:
    """A line ending in the head word of a body's name ("Ban", "Sở"): the name goes on in the next line."""
    return re.compile(rf"(?<!\w)(?:{cue_regex('agency_heads.tsv', 'head', column='type', flags=0).pattern})$")


@lru_cache(maxsize=1)
def _dash_name_break() -> re.Pattern[str]:
    """A name with a dash in it (agencies.tsv: "Sở Lao động - Thương binh và Xã hội") broken before
    its dash: the two words before the dash, a line break, the dash and the two words after it,
    as the name writes them ("thị trường lao động" and then a bullet "- Thương mại …" is no name)."""
    pairs = {rf"{left}\n[-–]\s*{right}" for left, right in _dash_name_sides()}
    return re.compile("|".join(rf"(?<!\w)(?:{pair})(?!\w)" for pair in sorted(pairs)))


@lru_cache(maxsize=1)
def _dash_name_sides() -> frozenset[tuple[str, str]]:
    """The two words either side of the dash of each name of agencies.tsv written with one, as
    patterns: ("Lao\\s+động", "Thương\\s+binh") for "Sở Lao động - Thương binh và Xã hội"."""
    sides = set()
    for row in read_table("agencies.tsv", ("id", "name")):
        left, dash, right = row["name"].partition(" - ")
        if dash:
            sides.add((r"\s+".join(map(re.escape, left.split()[-2:])), r"\s+".join(map(re.escape, right.split()[:2]))))
    return frozenset(sides)


@lru_cache(maxsize=1)
def _open_field() -> re.Pattern[str]:
    """A line ending in the label of a task's field ("Cơ quan thực hiện:", "Thời gian thực hiện:",
    task_cues.tsv): its value is on the next line."""
    fields = "|".join(cue_regex("task_cues.tsv", kind).pattern for kind in ("field-lead", "field-coordinate", "field-time"))
    return re.compile(rf"(?<!\w)(?:{fields})$", re.IGNORECASE)


def _caps_words_first(line: str) -> bool:
    """A line that opens with words in capitals ending where the line ends, a number or a sentence starts
    ("ĐÍCH, YÊU CẦU 1. Tổ chức …", "TÂM Để thực hiện …"; not "UBND tỉnh …")."""
    words = line.split()
    count = 0
    while count < len(words) and not any(c.islower() for c in words[count]) and not re.fullmatch(r"\d{1,2}\.", words[count]):
        count += 1  # capitals, numbers and dashes ("NĂM 2030", "2026 - 2028")
    if not count or not is_caps(" ".join(words[:count]), 2):
        return False
    following = words[count] if count < len(words) else ""
    return not following or bool(re.fullmatch(r"\d{1,2}\.", following)) or following[0].isupper()


@lru_cache(maxsize=1)
def _role_opening() -> re.Pattern[str]:
    """A paragraph opening with a lead or coordination cue of roles.tsv ("Chủ trì, phối hợp …")."""
    cues = [cue_regex("roles.tsv", role, column="role").pattern for role in ("lead", "coordinate")]
    return re.compile(rf"(?=[A-ZĐ])(?i:{'|'.join(cues)})")


def _heading_over_role(previous: str, line: str) -> bool:
    """A numbered heading over a paragraph that opens with its role, in one block: the agency's
    heading and its first duty ("3. Sở Tài chính" / "Chủ trì, phối hợp với …")."""
    return (bool(_NUMBERED.match(previous)) and not _TERMINAL.search(previous)
            and bool(_role_opening().match(line)))


def _closes_quote(previous: str, line: str) -> bool:
    """Whether `previous` leaves a quotation open that `line` closes before opening another."""
    closing = line.find("”")
    return previous.count("“") > previous.count("”") and closing >= 0 and "“" not in line[:closing]


def _lone_capitals(line: str) -> bool:
    """One short word in capitals alone on its line ("UBND", "HĐND", "GD&ĐT")."""
    return len(line) <= _LONE_CAPITALS_CHARS and is_caps(line, 2) and all(c.isalpha() or c == "&" for c in line)


_WRAPPED_NUMBER = re.compile(r"\d{1,3}\.\s")


_DASH_AT_END = re.compile(r"\s[-–]$")  # a line ending on a dash: "… Bà Rịa -", "giai đoạn 2026 -"


def _misread_part(line: str) -> bool:
    """A Roman part in capitals whose numeral an OCR misread ("Il. NỘI DUNG", "IIl. TỔ CHỨC THỰC HIỆN")."""
    match = MISREAD_HEAD.match(line)
    return bool(match and is_caps(match["text"][:40], 4))


_DASH_OPENING = re.compile(r"\s*([-–])\s+\S")
_BULLET_SHARE = 10  # a dash opening ten times fewer lines than the other draws no bullets


def bullet_dashes(lines: list[str]) -> str:
    """The dashes a text draws its bullets with: "-" where lines opening with "-" outnumber those
    opening with "–" ten to one (and there are ten), "–" the other way round, else both."""
    opening = Counter(match.group(1) for line in lines if (match := _DASH_OPENING.match(line)))
    hyphens, dashes = opening["-"], opening["–"]
    if hyphens >= _BULLET_SHARE * max(dashes, 1):
        return "-"
    if dashes >= _BULLET_SHARE * max(hyphens, 1):
        return "–"
    return "-–"


def continues(previous: str, line: str, width: int | None, same_block: bool = False,
               blocks: bool = False, bullets: str = "-–") -> bool:
    """Whether `line` continues the paragraph that `previous` (the last physical line) belongs to.

    Whole-paragraph texts only continue on a lower-case start. In a PDF export a full-width
    line continues even after a full stop (justified text breaks anywhere), unless the next
    line opens a unit: a marker, a heading in capitals (also after a numeral an OCR misread,
    "Il. NỘI DUNG"), or an opening from paragraphs.tsv. A line never ends on a dash.
    `same_block`: no blank line between the two lines; where paragraphs are such blocks
    (`blocks`), every line of a block continues it (but for a paragraph opening with its role
    under a numbered heading: "3. Sở Tài chính" / "Chủ trì, …") and a blank line ends it, even
    after a full-width line; elsewhere a line continues after ";" or a
    word that never ends a paragraph (paragraphs.tsv, dangling). A task field's label ("Thời gian
    thực hiện:") takes the next line as its value, and a name of agencies.tsv broken before its
    dash ("Sở Lao động" / "– Thương binh …") goes on. A bare number ("1.4.", "Điều 2.")
    takes the next line as its text, and a Roman heading in capitals its next capitals line.
    `bullets`: the dashes the text's bullets are drawn with (`bullet_dashes`); a full line goes on
    at a line opening with another dash ("… Làng quê" / "– Trải nghiệm OCOP; …").
    """
    if previous.startswith("|") or line.startswith("|"):
        return False
    if BARE_MARKER.match(previous):
        return not MARKER.match(line)
    # "… như sau: I. MỤC" / "V. TỔ CHỨC" and then "ĐÍCH, YÊU CẦU …" (the pattern is tried at every
    # position, so only where a Roman numeral opens the line or follows a stop)
    roman = _ROMAN_TAIL.search(previous) if previous[:1] in _ROMAN or _STOP_ROMAN.search(previous) else None
    if (roman and (not roman.group(2) or is_caps(roman.group(2), 2)) and _caps_words_first(line)
            and not MARKER.match(line) and not (roman.group(2) and _TERMINAL.search(previous.rstrip(",")))):
        return True
    if same_block and _HYPHENATED.match(line) and _starts_lower(line[1:].lstrip()) and not _TERMINAL.search(previous):
        return True  # "Kế hoạch tài chính\n- ngân sách …": a hyphen inside a name, not a bullet
    if same_block and previous[-1:].isdigit() and _RANGE_END.match(line):
        return True  # "giai đoạn 2026\n- 2030 …", "05\n- 06%/năm": the other end of a range
    if same_block and _DASH_AT_END.search(previous) and not MARKER.match(line):
        return True  # "… Bà Rịa -" / "Vũng Tàu, ngày …", "giai đoạn 2026 -" / "2030": a line never ends on a dash
    if line[:1] in "-–" and _dash_name_break().search(f"{previous[-40:]}\n{line[:40]}"):
        return True  # "… phối hợp với Sở Lao động\n– Thương binh và Xã hội …": a name, not a bullet
    if line[:1] in "-–" and _closes_quote(previous, line):
        return True  # "… “Tháng hành động phòng, chống ma túy" / "- Tháng 6” và …": a dash inside a quoted name
    if previous.endswith("tháng") and _MONTH_WORD_END.search(previous) and _YEAR_OF_DATE.match(line):
        return True  # "ngày 24 tháng" / "02 năm 2009 của …": a date broken after its month word
    if previous.endswith("tháng") and _MONTH_OF_YEAR.match(line):
        return True  # "… xong trong tháng" / "12/2025. Định kỳ …": a month broken from its word
    if width is not None and same_block and (
            _lone_capitals(line) and not is_caps(previous) and not _TERMINAL.search(previous)
            or _lone_capitals(previous) and _starts_lower(line)):
        return True  # "… báo cáo" / "UBND" / "tỉnh và …": an abbreviation a wrap left alone on its line
    if (blocks and same_block and width is not None and len(previous) >= 0.85 * width
            and not _TERMINAL.search(previous) and _WRAPPED_NUMBER.match(line)):
        return True  # "… ưu tiên các địa bàn cấp độ" / "1. Cấp ngay …": a wrap left a number at the line's start
    if (width is not None and same_block and len(previous) >= 0.85 * width and is_caps(previous, 4)
            and not _TERMINAL.search(previous) and not MARKER.match(line) and not is_caps(line, 4)
            and _caps_words_first(line)):
        return True  # "… KHUNG CÂN ĐỐI NGÂN" / "SÁCH … 2028 1. Dự báo …": a wrapped heading in capitals runs into its item
    if (line[:1] in "-–" and line[:1] not in bullets and same_block and width is not None
            and len(previous) >= 0.85 * width and not _TERMINAL.search(previous)):
        return True  # a dash the text's bullets are not drawn with, inside a name a wrap broke
    if MARKER.match(line) or is_caps(line, 4) or is_caps(previous, 4) or _misread_part(line):
        return False
    if _starts_lower(line):
        return previous not in ("-", "–")  # (a dash alone on its line and a line in lower case: which one it
        # belongs to is not known, so neither is joined, and a second reading finds the same lines)
    if _open_field().search(previous):
        return True  # "- Thời gian thực hiện:" and then "Thực hiện thường xuyên hằng năm."
    if paragraph_start().match(line):
        return False
    if (_dangling().search(previous) or _open_name().search(previous)) and not _TERMINAL.search(previous):
        return True  # "… phối hợp với các" / "… của Ban" and then "Thường vụ Tỉnh ủy …"
    if previous.endswith(","):
        return True  # "… Hội Cựu chiến binh," / "Đoàn Thanh niên …": a paragraph never ends on a comma
    if same_block and (blocks or previous.endswith(";")) and not _heading_over_role(previous, line):
        return True
    if width is None or blocks and not same_block:
        return False  # where paragraphs are blocks, a blank line ends one whatever the width
    if len(previous) < 0.85 * width:
        return False
    return not _TERMINAL.search(previous) or (previous.endswith((":", ";", ".")) and len(previous) >= 0.95 * width)


