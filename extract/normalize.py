"""Clean a decoded plan text while keeping a map from every clean character back to the original.

The clean text has one paragraph per line: Unicode NFC, one kind of space, PDF hard wraps
undone, page numbers and web-page furniture dropped, abbreviations (UBND, Sở VHTTDL, …)
expanded from patterns/abbreviations.tsv. Offsets of facts are mapped back through
`CleanText.original_span`, so evidence always quotes the original text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extract.rules import compile_regex, cue_regex, read_table

_SPACES = set("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
              "\u202f\u205f\u3000\t\v")
_DROPPED = set("\u200b\u200c\u200d\u2060\ufeff\u00ad*")  # zero-width, soft hyphen, markdown emphasis

# A line that opens a structural unit: Roman / arabic / letter numbering, a bullet, an article.
MARKER = re.compile(
    r"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+[IVXLC\d]+|[IVXLC]+\s*[.)\-–:]|\d{1,2}(?:\.\d{1,2})*[.)]"
    r"|\d{1,2}(?:\.\d{1,2})+(?=\s+[^\W\d_])"
    r"|[a-zđ][.)]|[-+•–—·▪◦●]|Điều\s+\d+)(?:\s|$)")
_ESCAPED_BREAK = "\\r\\n"
_TERMINAL = re.compile(r"[.;:!?…][\"”’)]*$")


@dataclass(frozen=True)
class CleanText:
    """Clean text plus, for each of its characters, the span it came from in the original."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the original text's span."""
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return position, position
        return self.starts[start], self.ends[end - 1]


class _Buffer:
    """Characters with their original spans, appended one at a time."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, text: str, start: int, end: int) -> None:
        for char in text:
            self.chars.append(char)
            self.starts.append(start)
            self.ends.append(end)

    def plain(self, text: str, start: int) -> None:
        """Characters that map one to one onto the original from `start` on."""
        self.chars.extend(text)
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))

    def copy(self, source: "_Buffer", lo: int, hi: int) -> None:
        self.chars.extend(source.chars[lo:hi])
        self.starts.extend(source.starts[lo:hi])
        self.ends.extend(source.ends[lo:hi])

    def text(self) -> str:
        return "".join(self.chars)


def normalize(original: str) -> CleanText:
    """Clean a plan text; the result maps back to `original`.

    >>> normalize("Sở\u00a0Nội vụ\\r\\nUBND tỉnh").text
    'Sở Nội vụ\\nỦy ban nhân dân tỉnh'
    """
    chars = _characters(original)
    paragraphs = _unmerge(_paragraphs(chars))
    expanded = _expand_abbreviations(paragraphs)
    return CleanText(expanded.text(), tuple(expanded.starts), tuple(expanded.ends))


# Characters the per-grapheme loop must see; runs of any others are copied as they are when already NFC.
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_SPACES | _DROPPED | set("\r\f\u2028\u2029\x85\\"))))
                      + "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _characters(original: str) -> _Buffer:
    """NFC per grapheme, one newline kind, one space kind, invisible characters dropped."""
    out = _Buffer()
    i, n = 0, len(original)
    while i < n:
        special = _SPECIAL.search(original, i)
        stop = special.start() if special else n
        if stop < n and stop > i and unicodedata.combining(original[stop]):
            stop -= 1  # the base character goes with its marks
        if stop > i and unicodedata.is_normalized("NFC", original[i:stop]):
            out.plain(original[i:stop], i)
            i = stop
            continue
        j = i + 1
        if original[i] == "\r" and j < n and original[j] == "\n":
            out.add("\n", i, j + 1)
            i = j + 1
            continue
        if original.startswith(_ESCAPED_BREAK, i):  # a line break stored as the characters \r\n
            out.add("\n", i, i + len(_ESCAPED_BREAK))
            i += len(_ESCAPED_BREAK)
            continue
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        char = cluster[0]
        if char in "\r\f\u2028\u2029\x85":
            out.add("\n", i, j)
        elif char in _SPACES:
            out.add(" ", i, j)
        elif char in _DROPPED:
            pass
        else:
            out.add(unicodedata.normalize("NFC", cluster), i, j)
        i = j
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's stripped content; empty lines give start == end."""
    spans = []
    position = 0
    for line in text.split("\n"):
        lo, hi = position, position + len(line)
        while lo < hi and text[lo] == " ":
            lo += 1
        while hi > lo and text[hi - 1] == " ":
            hi -= 1
        spans.append((lo, hi))
        position += len(line) + 1
    return spans


@lru_cache(maxsize=1)
def paragraph_start() -> re.Pattern[str]:
    """Openings that always start a paragraph (patterns/paragraphs.tsv), case-sensitive."""
    kinds = ("start", "closing", "signature", "recipients", "footnote")
    return re.compile("|".join(cue_regex("paragraphs.tsv", kind, flags=0).pattern for kind in kinds))


@lru_cache(maxsize=1)
def _noise() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(line to drop, line that starts a block of web furniture, line that ends such a block)."""
    return (cue_regex("noise.tsv", "line"), cue_regex("noise.tsv", "block"), cue_regex("noise.tsv", "resume"))


def _content_lines(text: str) -> list[tuple[int, int, bool]]:
    """Lines that carry document text: no blanks, page numbers or web-page furniture.

    Each is (start, end, after_blank): whether a blank line stood between it and the line before.
    """
    drop_line, block_start, block_end = _noise()
    kept: list[tuple[int, int, bool]] = []
    in_block = False
    blank = False
    lines = _lines(text)
    filled = [(lo, hi) for lo, hi in lines if hi > lo]
    k = -1
    for lo, hi in lines:
        line = text[lo:hi]
        if not line:
            blank = True
            continue
        k += 1
        if in_block and not block_end.match(line):
            continue
        in_block = False
        if block_start.fullmatch(line):
            in_block = True
            continue
        if drop_line.fullmatch(line) and not _is_cell(text, filled, k):
            continue
        heading = _MARKDOWN_HEADING.match(line)
        if heading and heading.end() < len(line):  # "## III. TỔ CHỨC THỰC HIỆN" from a converted page
            lo += heading.end()
        for start, end in _split_glued(text, lo, hi):
            kept.append((start, end, blank))
            blank = False
    return kept


_ROMAN_TAIL = re.compile(r"(?:^|[.;:]\s+)([IVXLC]+\s*[.)\-–:])(?:\s*(\S.*))?$")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_ARABIC_HEAD = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.\s")
_ROMAN_HEAD = re.compile(r"^[IVXLC]+\s*[.)\-–:]\s*\S")


def _split_glued(text: str, lo: int, hi: int, letters: bool = False) -> list[tuple[int, int]]:
    """Split a heading from its first sub-item written on the same line.

    "3. Tranh chấp lao động 3.1. Rà soát …" → "3. Tranh chấp lao động" / "3.1. Rà soát …";
    "III. TỔ CHỨC THỰC HIỆN 1." → "III. TỔ CHỨC THỰC HIỆN" / "1." (which then joins the next line).
    Only the first child's number ("3.1." under "3.", "1." under a Roman part) splits a line.
    """
    line = text[lo:hi]
    arabic = _ARABIC_HEAD.match(line)
    if arabic:
        child = re.escape(arabic.group(1) + ".1.") + (r"|a\)" if letters else "")
    elif _ROMAN_HEAD.match(line):
        child = r"1\."
    else:
        return [(lo, hi)]
    found = re.search(rf"\s({child})(?:\s+(?=\S)|$)", line)
    if not found and not arabic:
        return _split_caps_title(text, lo, hi)
    if not found or found.start(1) < 4:
        return [(lo, hi)]
    if found.group(1) == "a)" and line[:found.start()].rstrip().lower().endswith("điểm"):
        return [(lo, hi)]  # "theo điểm a) Khoản 1": a reference, not an item
    following = line[found.end():found.end() + 1]
    if following and not (following.isalpha() and following.isupper()):
        return [(lo, hi)]
    if _ROMAN_HEAD.match(line) and not arabic and not is_caps(line[:found.start()], 4):
        return [(lo, hi)]
    cut = lo + found.start()
    head_end = cut
    while head_end > lo and text[head_end - 1] == " ":
        head_end -= 1
    return [(lo, head_end), *_split_glued(text, lo + found.start(1), hi, letters)]


def _split_caps_title(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """"III. NHIỆM VỤ TRỌNG TÂM Để thực hiện …" → the Roman part's title in capitals / its first paragraph."""
    words = list(re.finditer(r"\S+", text[lo:hi]))
    caps = 0
    for word in words[1:]:
        if is_caps(word.group(0), 1):
            caps += 1
            continue
        if caps >= 2 and word.group(0)[0].isupper():
            head_end = lo + words[words.index(word) - 1].end()
            return [(lo, head_end), (lo + word.start(), hi)]
        break
    return [(lo, hi)]


# A new unit that starts inside a paragraph, after the end of a sentence or a colon: a Roman part in
# capitals, an article, a number, a letter or a bullet, each followed by a capital.
_INTERNAL = re.compile(r"(?<=[.;:!?”\"])\s+(?=(?P<marker>[IVX]{1,4}\.|Điều\s+\d{1,2}\.|\d{1,2}(?:\.\d{1,2})*\."
                       r"|[a-zđ]\)|[-+])\s+(?P<word>[^\W\d_]+))")


def _inside_starts(line: str) -> list[re.Match[str]]:
    """Where units start inside a line: the marker's word begins with a capital (a Roman part's is all capitals)."""
    found = []
    for match in _INTERNAL.finditer(line):
        word = match["word"]
        roman = re.fullmatch(r"[IVX]{1,4}\.", match["marker"]) is not None
        if word[0].isupper() and (not roman or is_caps(word, 2)):
            found.append(match)
    return found


_MERGED_MIN = 4


def _unmerge(buffer: _Buffer) -> _Buffer:
    """Split a heading from its first item on every line, and a text whose line breaks were lost
    ("… như sau: I. MỤC ĐÍCH 1. Nâng cao …") where each unit starts, when units start inside
    paragraphs more often than at line starts."""
    text = buffer.text()
    lines = text.split("\n")
    inside = sum(len(_inside_starts(line)) for line in lines)
    merged = inside >= _MERGED_MIN and inside > sum(1 for line in lines if MARKER.match(line))
    breaks = sorted([(m.start(), m.end()) for m in _inside_starts(text) if merged]
                    + [(m.start(), m.end()) for m in re.finditer("\n", text)])
    out = _Buffer()
    position, previous_end = 0, -1
    for lo, hi in [*breaks, (len(text), len(text))]:
        for start, end in _split_glued(text, position, lo, letters=merged):
            if start >= end:
                continue
            if previous_end >= 0:
                out.add("\n", buffer.ends[previous_end - 1], buffer.starts[start])
            out.copy(buffer, start, end)
            previous_end = end
        position = hi
    return out


def _block_layout(lines: list[tuple[int, int, bool]]) -> bool:
    """Whether paragraphs are blocks of hard-wrapped lines separated by blank lines."""
    blocks = sum(1 for _, _, blank in lines if blank) + 1
    multi = 0
    size = 0
    for _, _, blank in lines:
        if blank:
            multi += size > 1
            size = 0
        size += 1
    multi += size > 1
    return blocks >= 10 and multi >= 0.3 * blocks


def _is_cell(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Whether line k stands between two `|` lines: a table cell ("1", "42"), not a page number."""
    return 0 < k < len(spans) - 1 and all(text[lo:hi] == "|" for lo, hi in (spans[k - 1], spans[k + 1]))


def _wrap_width(lengths: list[int]) -> int | None:
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


_HYPHENATED = re.compile(r"^[-–]\s+(?=[^\W\d_])")
_BARE_MARKER = re.compile(r"^(?:[IVXLC]+\s*[.)\-–:]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|Điều\s+\d+\s*[.:]?)$")


@lru_cache(maxsize=1)
def _dangling() -> re.Pattern[str]:
    """Words that never end a paragraph ("và", "của"): a line ending in one continues."""
    return re.compile(rf"(?<!\w)(?:{cue_regex('paragraphs.tsv', 'dangling').pattern})$", re.IGNORECASE)


_RANGE_END = re.compile(r"^[-–]\s*\d")


@lru_cache(maxsize=1)
def _open_name() -> re.Pattern[str]:
    """A line ending in the head word of a body's name ("Ban", "Sở"): the name goes on in the next line."""
    return re.compile(rf"(?<!\w)(?:{cue_regex('agency_heads.tsv', 'head', column='type', flags=0).pattern})$")


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


def _continues(previous: str, line: str, width: int | None, same_block: bool = False,
               blocks: bool = False) -> bool:
    """Whether `line` continues the paragraph that `previous` (the last physical line) belongs to.

    Whole-paragraph texts only continue on a lower-case start. In a PDF export a full-width
    line continues even after a full stop (justified text breaks anywhere), unless the next
    line opens a unit: a marker, a heading in capitals, or an opening from paragraphs.tsv.
    `same_block`: no blank line between the two lines; where paragraphs are such blocks
    (`blocks`), every line of a block continues it; elsewhere a line continues after ";" or a
    word that never ends a paragraph (paragraphs.tsv, dangling). A bare number ("1.4.", "Điều 2.")
    takes the next line as its text, and a Roman heading in capitals its next capitals line.
    """
    if previous.startswith("|") or line.startswith("|"):
        return False
    if _BARE_MARKER.match(previous):
        return not MARKER.match(line)
    roman = _ROMAN_TAIL.search(previous)  # "… như sau: I. MỤC" / "V. TỔ CHỨC" and then "ĐÍCH, YÊU CẦU …"
    if (roman and (not roman.group(2) or is_caps(roman.group(2), 2)) and _caps_words_first(line)
            and not MARKER.match(line) and not (roman.group(2) and _TERMINAL.search(previous.rstrip(",")))):
        return True
    if same_block and _HYPHENATED.match(line) and _starts_lower(line[1:].lstrip()) and not _TERMINAL.search(previous):
        return True  # "Kế hoạch tài chính\n- ngân sách …": a hyphen inside a name, not a bullet
    if same_block and previous[-1:].isdigit() and _RANGE_END.match(line):
        return True  # "giai đoạn 2026\n- 2030 …", "05\n- 06%/năm": the other end of a range
    if MARKER.match(line) or is_caps(line, 4) or is_caps(previous, 4):
        return False
    if _starts_lower(line):
        return True
    if paragraph_start().match(line):
        return False
    if (_dangling().search(previous) or _open_name().search(previous)) and not _TERMINAL.search(previous):
        return True  # "… phối hợp với các" / "… của Ban" and then "Thường vụ Tỉnh ủy …"
    if same_block and (blocks or previous.endswith(";")):
        return True
    if width is None:
        return False
    if len(previous) < 0.85 * width:
        return False
    return not _TERMINAL.search(previous) or (previous.endswith((":", ";", ".")) and len(previous) >= 0.95 * width)


_SPACE_RUN = re.compile(" {2,}")


def _paragraphs(buffer: _Buffer) -> _Buffer:
    """Join hard-wrapped lines into paragraphs, one per line, and collapse runs of spaces."""
    text = buffer.text()
    lines = _content_lines(text)
    width = _wrap_width([hi - lo for lo, hi, _ in lines])
    blocks = _block_layout(lines)
    out = _Buffer()
    previous: str | None = None
    previous_end = 0
    for lo, hi, after_blank in lines:
        line = text[lo:hi]
        if previous is not None:
            joiner = " " if _continues(previous, line, width, not after_blank, blocks) else "\n"
            out.add(joiner, buffer.ends[previous_end - 1], buffer.starts[lo])
        position = lo
        for run in _SPACE_RUN.finditer(text, lo, hi):
            out.copy(buffer, position, run.start() + 1)
            position = run.end()
        out.copy(buffer, position, hi)
        previous, previous_end = line, hi
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
    """(screen, pattern, expansion) per row; see `_screen`."""
    rows = read_table("abbreviations.tsv", ("id", "abbreviation", "expansion", "example"))
    patterns = [(compile_regex(row, "abbreviation", 0), row["expansion"]) for row in rows]
    return tuple((_screen(pattern), pattern, expansion) for pattern, expansion in patterns)


_LEADING_LOOKBEHINDS = re.compile(r"^(?:\(\?<!(?:\[[^\]]*\]|\\.|[^()\[\]\\])*\))+")


def _screen(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""The pattern without its leading negative lookbehinds: it matches wherever the pattern does,
    and scans many times faster (a pattern that opens with a lookbehind is tried at every
    position; one that opens with a letter is not), so a text it does not match is skipped.

    >>> _screen(re.compile(r"(?<![\w/-])(?<![A-Z]-\s)UBND(?!\w)")).pattern
    'UBND(?!\\w)'
    """
    stripped = _LEADING_LOOKBEHINDS.sub("", pattern.pattern)
    try:
        return re.compile(stripped, pattern.flags) if stripped else pattern
    except re.error:
        return pattern


def _screened(screen: re.Pattern[str], pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)`, with the pattern tried only where its screen matches."""
    found: list[re.Match[str]] = []
    position = 0
    while candidate := screen.search(text, position):
        match = pattern.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
        elif match.end() > match.start():
            found.append(match)
            position = match.end()
        else:  # an empty match: finditer's own rules for going on after it
            return list(pattern.finditer(text))
    return found


def _expand_abbreviations(buffer: _Buffer) -> _Buffer:
    """Replace abbreviations by their full form; each new character maps to the abbreviation's span."""
    text = buffer.text()
    for screen, pattern, expansion in _abbreviations():
        matches = _screened(screen, pattern, text)
        if not matches:
            continue
        out = _Buffer()
        position = 0
        for match in matches:
            out.copy(buffer, position, match.start())
            out.add(expansion, buffer.starts[match.start()], buffer.ends[match.end() - 1])
            position = match.end()
        out.copy(buffer, position, len(buffer.chars))
        buffer = out
        text = buffer.text()
    return buffer


def fold(text: str) -> str:
    """Match key: lower case, tone marks placed one way (hoá = hóa, uỷ = ủy), NFC.

    >>> fold("Uỷ ban") == fold("ủy ban"), fold("giai đoạn")
    (True, 'giai đoạn')
    """
    key = unicodedata.normalize("NFC", text).lower()
    return _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(0)], key)


def strip_marks(text: str) -> str:
    """Fold and remove every diacritic (đ → d); only safe for multi-word keys.

    >>> strip_marks("Sở Văn hóa")
    'so van hoa'
    """
    key = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(c for c in key if not unicodedata.combining(c))


# Tone placement differs only in open syllables ("hoá" / "hóa"); "đoạn" and "hoàn" are one spelling.
_OLD_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
              "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
              "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE = re.compile("(?:" + "|".join(_OLD_TONES) + r")(?![^\W\d_])")
