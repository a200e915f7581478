"""The header block of a plan in whatever layout a portal gives it.

Headers come as lines, as two-column tables (cells between `|` lines, Markdown rows) or
flattened onto one line. Every function here reads a *flat view* of the clean text, in which
line breaks and `|` are spaces: it has the same length, so offsets found in it are clean-text
offsets. Cues are rows of patterns/header_block.tsv.
"""
from __future__ import annotations

import re
from functools import lru_cache

from plangraph.extract.normalize import MARKER, fold, is_caps, paragraph_start
from plangraph.extract.rules import cue_regex

HEAD_CHARS = 4000  # the header block and the opening sentences lie within this
_WORD = re.compile(r"\S+")
# A body's abbreviation in capitals ("… ĐẢNG BỘ UBND TỈNH LẦN THỨ I"), which the clean text spells out.
_SPELLED_OUT = re.compile(r"(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân")
_TRAILING_WORDS = 4  # an authority line cut from a title run: at most the province after it
_OPENING_CHARS = 6000
_NUMBER_WORD = re.compile(r"\d+[a-z]?/\S*[A-ZĐ]")  # a document number among capitals ("SỐ 05/2017/QĐ-TTg")
_OF = re.compile(r"(?<!\w)CỦA\s*$")
_AUTHORITY_WORDS = 3  # fewer words in capitals after a sentence-case title may be its own (an acronym)


def _cue(kind: str) -> re.Pattern[str]:
    return cue_regex("header_block.tsv", kind, flags=re.MULTILINE)


@lru_cache(maxsize=16)
def _head_cue(kind: str, view: str) -> re.Match[str] | None:
    """The first cue of `kind` in a text's head (the issuing body is looked for three times per plan)."""
    return _cue(kind).search(view)


def flat(text: str) -> str:
    """`text` with line breaks and table bars read as spaces (same length, same offsets).

    >>> flat("Số: 1/KH |\\nHà Nội")
    'Số: 1/KH   Hà Nội'
    """
    return text.replace("\n", " ").replace("|", " ")


def squeeze(text: str) -> str:
    """One line, single spaces, no table bars: how a title or name is stored."""
    return " ".join(flat(text).split())


def own_number(text: str) -> re.Match[str] | None:
    """The "Số: 12/KH-UBND" of the header, wherever the layout put it."""
    return _cue("number").search(flat(text[:HEAD_CHARS]))


def number_value(match: re.Match[str]) -> str:
    return re.sub(r"\s+", "", match["value"])


def instrument_in_head(text: str, after: int = 0) -> re.Match[str] | None:
    """The first instrument name in capitals ("KẾ HOẠCH", "QUYẾT ĐỊNH") after `after` in the head
    that opens a title (not a word inside a heading such as "XÂY DỰNG KẾ HOẠCH")."""
    view = flat(text[:HEAD_CHARS])
    for match in _cue("type").finditer(view, after):
        before = view[:match.start()].split()
        if not before or not _caps_word(before[-1]):
            return match
    return None


def _caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def authority(text: str) -> re.Match[str] | None:
    """The issuing body's line ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") in the head."""
    return _head_cue("authority", flat(text[:HEAD_CHARS]))


def block_start(text: str) -> int:
    """Where the header block starts: its issuing body, the national motto or its number, whichever
    comes first; 0 when the head has none. A portal prints lists (related documents, page data) above
    it that are not the plan's text.

    >>> block_start("- 1 Nghị định 5/2020/NĐ-CP\\nỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    27
    """
    view = flat(text[:HEAD_CHARS])
    found = [m.start() for m in (_head_cue("authority", view), _cue("motto").search(view), own_number(text)) if m]
    return min(found) if found else 0


def has_plan_header(text: str, dateline_found: bool) -> bool:
    """A plan's header: its own number or an instrument title, and a date line or an issuing body."""
    return bool(own_number(text) or instrument_in_head(text)) and bool(dateline_found or authority(text))


def caps_run(text: str, start: int, limit: int | None = None) -> tuple[int, int] | None:
    """The span of the words in capitals from `start`: a title set in capitals, on one line or
    several, up to the first word with a small letter or a line opening the body (I., 1., A.); a
    body's name spelled out from its capitals abbreviation ("… Ủy ban nhân dân TỈNH …") is read through."""
    end_limit = min(len(text), limit if limit is not None else start + 1200)
    view = flat(text[:end_limit])
    first: int | None = None
    last = start
    spelled_out = start  # end of an abbreviation spelled out inside the capitals
    brackets = 0  # brackets opened in the run and not closed
    for match in _WORD.finditer(view, start, end_limit):
        word = match.group()
        if match.start() < spelled_out:
            continue
        if any(c.isalpha() and c.islower() for c in word) and not _NUMBER_WORD.match(word):  # (not "05/2017/QĐ-TTg")
            spelled = _SPELLED_OUT.match(view, match.start())
            following = _WORD.search(view, spelled.end(), end_limit) if spelled and first is not None else None
            if not spelled or not following or not is_caps(following.group()):
                break
            spelled_out = spelled.end()
            continue
        if first is not None and ("\n" in text[last:match.start()] and _cue("heading").match(text, match.start())
                                  and not _GOES_ON.search(view, 0, last)
                                  or _cue("marker").fullmatch(word) and not (brackets and word.endswith(")"))):
            break  # (not "XI)" closing "(KHÓA XI)")
        brackets += word.count("(") - word.count(")")
        if not any(c.isalnum() for c in word):
            continue
        if first is None:
            first = match.start()
        last = match.end()
    return (first, last) if first is not None else None


def _words_in(text: str) -> int:
    """Words with letters ("BÀ RỊA - VŨNG TÀU": 4)."""
    return sum(1 for word in text.split() if any(c.isalpha() for c in word))


def _closing_quote(carrier: str, title: str) -> int:
    """1 where a carrier opened a quote that the title closes ("BAN HÀNH “CHƯƠNG TRÌNH HÀNH ĐỘNG X”":
    the title is X), else 0."""
    return int(bool(re.search("[“\"]", carrier)) and title.endswith(("”", '"')))


def title_in_run(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A title run without a decision's "BAN HÀNH KẾ HOẠCH" lead and without an authority line
    that follows it ("… ỦY BAN NHÂN DÂN TỈNH X")."""
    start, end = span
    run = flat(text[start:end])
    carrier = _cue("carrier").match(run)
    if carrier:
        owner = _cue("carrier_owner").match(run, carrier.end())
        start += owner.end() if owner else carrier.end()
        run = run[owner.end() if owner else carrier.end():]
    cuts = [m for m in _cue("authority").finditer(run) if _words_in(run[m.end():]) <= _TRAILING_WORDS
            and not _OF.search(run[:m.start()])]  # "… NĂM 2013 CỦA UBND THÀNH PHỐ HÀ NỘI" names it in the title
    if cuts and not run[:cuts[0].start()].strip(" -–—,;:|"):
        return None  # the issuing body's line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X"): no title
    if cuts:
        end = start + cuts[0].start()
        run = run[:cuts[0].start()]
    stripped = run.rstrip(" -–—,;:|")
    if carrier:
        stripped = stripped[:len(stripped) - _closing_quote(carrier.group(), stripped)]
    end = start + len(stripped)
    lead = len(stripped) - len(stripped.lstrip(" -–—,;:|"))
    start += lead
    if not cuts:  # a period in brackets set under the title ("(Giai đoạn: 2024- 2026)") belongs to it
        after = end + len(text[end:end + _NOTE_GAP]) - len(text[end:end + _NOTE_GAP].lstrip(" \n|"))
        note = _cue("title_note").match(text, after)
        end = note.end() if note else end
    return (start, end) if end - start >= 3 else None


_GOES_ON = re.compile(r"(?:\bVÀ|[,\-–])\s*$")  # a title line that ends so goes on in the next, whatever opens it
_NOTE_GAP = 8  # spaces, a line break or a table bar between a title and its bracketed period


def title_above_attachment(text: str) -> tuple[int, int] | None:
    """The lines in capitals right above "(Ban hành kèm theo Quyết định số …)": the title of a plan
    attached to a decision whose page lost its "KẾ HOẠCH" line."""
    found = _cue("attachment").search(text, 0, _OPENING_CHARS)
    if not found:
        return None
    end = len(text[:found.start()].rstrip())
    start = line_end = end
    for _ in range(_TITLE_LINES):
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        if "|" in line or not is_caps(line, 2) or position_in(line.strip()):
            break
        start, line_end = line_start, max(line_start - 1, 0)
    return (start, end) if end - start >= 3 else None


def title_from_article(text: str) -> tuple[int, int] | None:
    """The plan's name in a decision's "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch X." when
    the page lost the decision's title and the attached plan's."""
    match = _cue("article").search(text, 0, _OPENING_CHARS)
    return match.span("title") if match else None


def title_from_opening(text: str) -> tuple[int, int] | None:
    """The plan's name in its issuing sentence ("… xây dựng Kế hoạch X như sau") when the header has none."""
    match = _cue("opening").search(flat(text[:_OPENING_CHARS]))
    return match.span("title") if match else None


def issued_field(text: str) -> re.Match[str] | None:
    """The date of issue from a page's attribute table ("Ngày ban hành | 05/02/2024")."""
    return _cue("issued_field").search(text[:HEAD_CHARS])


def signer_field(text: str) -> tuple[str | None, str | None]:
    """The signer's (name, position) from a page's attributes ("Người ký | Name", "Người ký: Name",
    "Người ký Name": no position; "Chức danh/ Người ký: UBND Tỉnh X Phó chủ tịch Name")."""
    head = text[:HEAD_CHARS]
    if role := _cue("signer_role").search(head):
        return role["name"].strip(), "Phó Chủ tịch" if role["position"][0] in "Pp" else "Chủ tịch"
    match = _cue("signer_field").search(head) or _cue("signer_words").search(head)
    return (match["name"].strip() if match else None), None


def positions(text: str) -> list[re.Match[str]]:
    """The signers' positions named in capitals in `text` ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")."""
    return list(_cue("position").finditer(text))


def position_in(caps: str) -> str | None:
    """The signer's position: the last position named in a signature's capitals that ends it."""
    found = [m for m in _cue("position").finditer(caps) if not caps[m.end():].strip()]
    return found[-1].group() if found else None


_TITLE_LINES = 4
_TITLE_LINE_CHARS = 120


def title_after(text: str, position: int) -> tuple[int, int] | None:
    """The title that follows an instrument's name ending at `position`: a run in capitals, or
    sentence-case lines (up to four) each going on with the title."""
    run = caps_run(text, position)
    if run is not None:
        return title_in_run(text, run)
    after = text.find("\n", position)
    same_line = bool(text[position:after if after >= 0 else len(text)].strip())
    if same_line:
        after = position
    else:
        after = len(text) if after < 0 else after + 1
    while after < len(text) and text[after] in " |":
        after += 1
    end = text.find("\n", after)
    end = len(text) if end < 0 else end
    if same_line:  # a header run onto one line: the title ends where the opening begins
        end = _before_authority(text, after, _opening_in(text, after, min(end, after + _TITLE_LINE_CHARS * _TITLE_LINES)))
    else:
        for _ in range(_TITLE_LINES - 1):
            following_end = text.find("\n", end + 1)
            following = text[end + 1:following_end if following_end >= 0 else len(text)]
            if not _continues_title(text[after:end], following):
                break
            end += 1 + len(following)
    carrier = _cue("carrier").match(text[after:end])
    if carrier:  # "Về việc ban hành Kế hoạch X": the plan's title is X
        after += carrier.end()
        end -= _closing_quote(carrier.group(), text[after:end])
    return (after, end) if end > after else None


def _before_authority(text: str, start: int, end: int) -> int:
    """`end` moved back over a run of words in capitals closing a sentence-case title on a header
    run onto one line: the issuing body heading the opening ("… của tỉnh An Giang ỦY BAN NHÂN DÂN
    TỈNH AN GIANG Căn cứ …")."""
    words = list(_WORD.finditer(text, start, end))
    first_caps = len(words)
    while first_caps > 0 and _caps_word(words[first_caps - 1].group()):
        first_caps -= 1
    if len(words) - first_caps < _AUTHORITY_WORDS or first_caps == 0:
        return end
    return len(text[:words[first_caps].start()].rstrip(" ,;"))


def _opening_in(text: str, start: int, end: int) -> int:
    """Where the opening ("Căn cứ …", "Thực hiện …") starts between `start` and `end`, else `end`."""
    for word in _WORD.finditer(text, start, end):
        if word.start() > start and paragraph_start().match(text, word.start()):
            return len(text[:word.start()].rstrip(" ,;"))
    return end


def _continues_title(title: str, line: str) -> bool:
    """Whether `line` goes on with the sentence-case title above it (not a paragraph, heading or note)."""
    return (any(c.isalpha() for c in line) and not is_caps(line) and len(line) <= _TITLE_LINE_CHARS
            and not title.rstrip().endswith((".", ":", ";")) and not line.rstrip().endswith((".", ":", ";"))
            and not MARKER.match(line)
            and not paragraph_start().match(line) and not line.startswith(("(", "_", "-", "—", "Số")))


def find_title(text: str, after: int, plan_lines: list[int], names: dict[str, str]) -> tuple[str | None, tuple[int, int] | None]:
    """(instrument, title span) of a clean text whose header ends its date or number line at `after`.

    `plan_lines` are the ends of lines that read only "KẾ HOẠCH"; `names` maps folded instrument
    names in capitals to their type names. A decision carrying a plan takes the plan's title.
    """
    head = instrument_in_head(text, after)
    instrument = names.get(fold(head["type"])) if head else None
    if head and instrument == "Kế hoạch":
        return instrument, title_after(text, head.end())
    if plan_lines:
        attached = title_after(text, plan_lines[0])
        if head and (attached is None or not text[attached[1]:].strip()):  # the page ends inside the plan's title
            return instrument, title_after(text, head.end()) or attached
        return instrument or "Kế hoạch", attached
    if head:
        return instrument, title_after(text, head.end())
    run = caps_run(text, after) if after else None
    span = title_in_run(text, run) if run else None
    return None, span or title_above_attachment(text) or title_from_article(text) or title_from_opening(text)


def signature_in_line(line: str) -> tuple[str, str | None] | None:
    """(name, position) when a whole signature block stands on one line:
    "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn An …".

    >>> signature_in_line("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn An KẾ HOẠCH")
    ('Trần Văn An', 'PHÓ CHỦ TỊCH')
    """
    run = caps_run(line, 0)
    if run is None:
        return None
    name: list[str] = []
    for word in line[run[1]:].split()[:_NAME_WORDS]:
        if not (word[0].isupper() and any(c.islower() for c in word)):
            break
        name.append(word)
    if len(name) < 2:
        return None
    return " ".join(name), position_in(line[run[0]:run[1]])


_NAME_WORDS = 5
