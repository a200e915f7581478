"""Clean a decoded plan text while keeping a map from every clean character back to the original.

The clean text has one paragraph per line: Unicode NFC, one kind of space, PDF hard wraps
undone, page numbers and web-page furniture dropped, abbreviations (UBND, Sở VHTTDL, …)
expanded from patterns/abbreviations.tsv. Offsets of facts are mapped back through
`CleanText.original_span`, so evidence always quotes the original text.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract.layout import (BARE_MARKER, MARKDOWN_HEADING, MARKER as MARKER, block_layout, bullet_dashes,
                                      continues, inside_blocks, inside_cells, inside_starts, is_caps as is_caps, is_cell,
                                      paragraph_cues, paragraph_start as paragraph_start, split_glued, wrap_width)
from plangraph.extract.rules import compile_regex, cue_regex, read_table

_SPACES = set("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
              "\u202f\u205f\u3000\t\v")
_DROPPED = set("\u200b\u200c\u200d\u2060\ufeff\u00ad*")  # zero-width, soft hyphen, markdown emphasis

_ESCAPED_BREAK = "\\r\\n"
# symbol-font glyphs a PDF's text layer gives in the private use area (the Symbol and Wingdings
# bullets U+F0B7, U+F0A7, U+F0D8 …): they stand where a bullet is drawn
_SYMBOL_GLYPHS = ("\uf020", "\uf0ff")


@dataclass(frozen=True, eq=False)
class CleanText:
    """Clean text plus, for each of its characters, the span it came from in the original."""

    text: str
    starts: Sequence[int]  # compact arrays: a plan of millions of characters keeps two of them
    ends: Sequence[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the original text's span."""
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return position, position
        return self.starts[start], self.ends[end - 1]


class _Buffer:
    """Text with, per character, its original span; appended piece by piece (each step costs the
    length of what it appends: pieces of text and machine-integer arrays, no object per character)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")

    def add(self, text: str, start: int, end: int) -> None:
        """Characters that all map to the original span [start, end)."""
        self.pieces.append(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def plain(self, text: str, start: int) -> None:
        """Characters that map one to one onto the original from `start` on."""
        self.pieces.append(text)
        self.starts.frombytes(_counted(start, start + len(text)))
        self.ends.frombytes(_counted(start + 1, start + len(text) + 1))

    def copy(self, source: "_Buffer", lo: int, hi: int) -> None:
        self.pieces.append(source.text()[lo:hi])
        self.starts.extend(source.starts[lo:hi])
        self.ends.extend(source.ends[lo:hi])

    def text(self) -> str:
        if len(self.pieces) != 1:
            self.pieces = ["".join(self.pieces)]
        return self.pieces[0]


def _counted(start: int, stop: int) -> bytes:
    """start, start + 1, … stop - 1 as the bytes of an array("q"), counted in C (a Python loop
    spent a tenth of a second on a 4 MB plan). numpy is imported here, not with the module: the
    server and its query workers import this module for its text helpers and need no numpy."""
    import numpy

    return numpy.arange(start, stop, dtype=numpy.int64).tobytes()


def normalize(original: str) -> CleanText:
    """Clean a plan text; the result maps back to `original`.

    >>> normalize("Sở\u00a0Nội vụ\\r\\nUBND tỉnh").text
    'Sở Nội vụ\\nỦy ban nhân dân tỉnh'
    """
    chars = _characters(original)
    paragraphs = _unmerge(_paragraphs(chars))
    expanded = _expand_abbreviations(_unify_tones(paragraphs))
    return CleanText(expanded.text(), expanded.starts, expanded.ends)


# Characters the per-grapheme loop must see; runs of any others are copied as they are when already NFC.
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_SPACES | _DROPPED | set("\r\f\u2028\u2029\x85\\"))))
                      + "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                      + "-".join(_SYMBOL_GLYPHS) + "]")


def _characters(original: str) -> _Buffer:
    """NFC per grapheme, one newline kind, one space kind, invisible characters dropped, a symbol
    font's bullet glyph read as "•"."""
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
        elif _SYMBOL_GLYPHS[0] <= char <= _SYMBOL_GLYPHS[1]:
            out.add("•", i, j)
        else:
            out.add(unicodedata.normalize("NFC", cluster), i, j)
        i = j
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's stripped content; empty lines give start == end."""
    spans = []
    position = 0
    for line in text.split("\n"):
        lo = position + len(line) - len(line.lstrip(" "))
        spans.append((lo, max(lo, position + len(line.rstrip(" ")))))
        position += len(line) + 1
    return spans


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
        heading = MARKDOWN_HEADING.match(line)
        if heading and heading.end() < len(line):  # "## III. TỔ CHỨC THỰC HIỆN" from a converted page
            lo += heading.end()
        if drop_line.fullmatch(text[lo:hi]) and not is_cell(text, filled, k):
            continue  # a page number, also as a converted page's heading ("## Trang 3")
        beside = _beside_recipients().match(text, lo, hi)
        columns = [(lo, beside.start(1)), (beside.end(1), hi)] if beside else [(lo, hi)]
        for column, (column_lo, column_hi) in enumerate(columns):
            for start, end in split_glued(text, column_lo, column_hi):
                kept.append((start, end, blank or column > 0))  # the signature's column opens a paragraph
                blank = False
    return kept


@lru_cache(maxsize=1)
def _beside_recipients() -> re.Pattern[str]:
    """The recipients and the signature side by side, as a PDF export keeps its columns ("- Như Điều
    3;                        KT. CHỦ TỊCH"): the gap between them is group 1."""
    return re.compile(rf"(?:{paragraph_cues(('recipients',))}|[-–+•]).*?\S( {{8,}})(?=\S)")


_MERGED_MIN = 4
_INLINE_PAGE_HEADING = re.compile(r"\s+#{1,6}\s*Trang\s+\d{1,3}(?:\s+\d{1,3})?\s+")


def _unmerge(buffer: _Buffer) -> _Buffer:
    """Split a heading from its first item on every line, and a text whose line breaks were lost
    ("… như sau: I. MỤC ĐÍCH 1. Nâng cao …") where each unit starts, when units start inside
    paragraphs more often than at line starts outside tables; in such a text a table run together
    ("| STT | Nội dung | | 1 | Làm A |") gets each `|` on a line of its own. A first item's bare
    number split off the end of a wrapped heading ("… tiến bộ 1.1."), or a number a wrap left at the
    end of such a text's line ("… hằng năm. 2.6."), takes the next line as its text."""
    text = buffer.text()
    lines = text.split("\n")
    spans = _lines(text)
    inside = sum(len(inside_starts(line)) for line in lines)
    at_starts = sum(1 for k, line in enumerate(lines) if MARKER.match(line) and not is_cell(text, spans, k))
    merged = inside >= _MERGED_MIN and inside > at_starts  # a table's cells ("- Diện tích") are no units
    # a converter's page heading run into the text ("… làng ## Trang 8 8 nghề …") is dropped
    pages = {m.span() for m in _INLINE_PAGE_HEADING.finditer(text)} if merged else set()
    units = ({m.span() for m in inside_starts(text)} | set(inside_blocks(text)) | set(inside_cells(text)) | pages
             if merged else set())
    breaks = sorted(units | {m.span() for m in re.finditer("\n", text)})
    segments: list[tuple[int, int]] = []
    split_numbers: set[int] = set()  # segments that are a bare number split off a line's end
    after_page: set[int] = set()  # segments that go on with the text before a page heading
    position = 0
    unit_ends = {end for _, end in units}
    for lo, hi in [*breaks, (len(text), len(text))]:
        pieces = [(start, end) for start, end in split_glued(text, position, lo, merged=merged) if start < end]
        if (len(pieces) > 1 or position in unit_ends) and pieces and BARE_MARKER.match(text[pieces[-1][0]:pieces[-1][1]]):
            split_numbers.add(len(segments) + len(pieces) - 1)
        segments += pieces
        if (lo, hi) in pages:
            after_page.add(len(segments))
        position = hi
    if _unchanged(buffer, segments, breaks):
        return buffer  # nothing to split: the copy would be the same text with the same map
    out = _Buffer()
    previous_end = -1
    for k, (start, end) in enumerate(segments):
        if previous_end >= 0:
            # "… tiến bộ 1.1." and then "Tổ chức …": the number split off takes the next line as its text
            goes_on = (k - 1 in split_numbers or k in after_page) and not MARKER.match(text[start:end]) \
                and text[start] != "|"
            out.add(" " if goes_on else "\n", buffer.ends[previous_end - 1], buffer.starts[start])
        out.copy(buffer, start, end)
        previous_end = end
    return out


def _unchanged(buffer: _Buffer, segments: list[tuple[int, int]], breaks: list[tuple[int, int]]) -> bool:
    """Whether the segments are the buffer's lines, each line break already mapped as a break
    between them would be."""
    if len(segments) != len(breaks) + 1:
        return False
    text, starts, ends = buffer.text(), buffer.starts, buffer.ends
    position = 0
    for (start, end), (lo, hi) in zip(segments, [*breaks, (len(text), len(text))]):
        if (start, end) != (position, lo):
            return False
        if hi > lo and (text[lo:hi] != "\n" or starts[lo] != ends[lo - 1] or ends[lo] != starts[hi]):
            return False
        position = hi
    return True


_SPACE_RUN = re.compile(" {2,}")
# a document number a line break split after its hyphen, and its issuer's code on the next line
_BROKEN_NUMBER = re.compile(r"\d/(?:(?:19|20)\d\d/)?[A-ZĐ][A-Za-zĐđ&]*-$")
_NUMBER_REST = re.compile(r"[A-ZĐ][A-Za-zĐđ0-9&]*(?:[\s,;.)]|$)")


def _paragraphs(buffer: _Buffer) -> _Buffer:
    """Join hard-wrapped lines into paragraphs, one per line, and collapse runs of spaces."""
    text = buffer.text()
    lines = _content_lines(text)
    width = wrap_width([hi - lo for lo, hi, _ in lines if text[lo] != "|"])  # a table's rows are not wrapped prose
    blocks = block_layout(lines)
    bullets = bullet_dashes([text[lo:hi] for lo, hi, _ in lines])
    out = _Buffer()
    previous: str | None = None
    previous_end = 0
    for lo, hi, after_blank in lines:
        line = text[lo:hi]
        if previous is not None:
            joiner = " " if continues(previous, line, width, not after_blank, blocks, bullets) else "\n"
            if _BROKEN_NUMBER.search(previous) and _NUMBER_REST.match(line):
                joiner = ""  # "… Kế hoạch số 157/KH-" / "UBND ngày …": one number
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


def _unify_tones(buffer: _Buffer) -> _Buffer:
    """Tone marks placed one way, the way the cue tables write them ("Uỷ ban" → "Ủy ban", "hoà" →
    "hòa"; "quý" keeps its "u", a consonant there); each character maps to the pair it replaces."""
    text = buffer.text()
    edits = []
    for match in _OLD_TONE_IN_TEXT.finditer(text):
        pair = match.group()
        new = _OLD_TONES.get(pair.lower())
        if new is not None:  # "uà", "oỳ" are no pairs of the table
            edits.append((match.start(), match.end(), "".join(n.upper() if o.isupper() else n for o, n in zip(pair, new))))
    return _expanded(buffer, edits)


def _expand_abbreviations(buffer: _Buffer) -> _Buffer:
    """Replace abbreviations by their full form; each new character maps to the abbreviation's span.

    Each row reads the text as the rows before it left it. The text and its map are copied once
    with every expansion, unless a row matches in an earlier row's expansion (then once more).
    """
    edits: list[tuple[int, int, str]] = []  # (start, end) in `buffer` and its expansion, in order
    current = buffer.text()
    for screen, pattern, expansion in _abbreviations():
        matches = _screened(screen, pattern, current)
        if not matches:
            continue
        spans = _in_buffer(edits, [m.span() for m in matches])
        if spans is None:  # a match reads an earlier expansion: apply the edits so far first
            buffer, edits = _expanded(buffer, edits), []
            spans = [m.span() for m in matches]
        edits = sorted(edits + [(start, end, expansion) for start, end in spans])
        current = "".join(_pieces(buffer.text(), edits))
    return _expanded(buffer, edits)


def _in_buffer(edits: list[tuple[int, int, str]], spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Spans of the edited text as spans of the text before the edits; None when one touches an expansion."""
    found = []
    shift, i = 0, 0
    for start, end in spans:
        while i < len(edits) and edits[i][0] + shift + len(edits[i][2]) <= start:
            shift += len(edits[i][2]) - (edits[i][1] - edits[i][0])
            i += 1
        if i < len(edits) and edits[i][0] + shift < end:
            return None
        found.append((start - shift, end - shift))
    return found


def _pieces(text: str, edits: list[tuple[int, int, str]]) -> list[str]:
    pieces, position = [], 0
    for start, end, expansion in edits:
        pieces += [text[position:start], expansion]
        position = end
    return pieces + [text[position:]]


def _expanded(buffer: _Buffer, edits: list[tuple[int, int, str]]) -> _Buffer:
    if not edits:
        return buffer
    out = _Buffer()
    position = 0
    for start, end, expansion in edits:
        out.copy(buffer, position, start)
        out.add(expansion, buffer.starts[start], buffer.ends[end - 1])
        position = end
    out.copy(buffer, position, len(buffer.starts))
    return out


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Match key: lower case, tone marks placed one way (hoá = hóa, uỷ = ủy), NFC.

    >>> fold("Uỷ ban") == fold("ủy ban"), fold("giai đoạn")
    (True, 'giai đoạn')
    """
    key = unicodedata.normalize("NFC", text).lower()
    return _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(0)], key)


@lru_cache(maxsize=16384)
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
# the pairs' characters in either case, checked against the table where found: one character class
# scans a text many times faster than the pairs as an alternation without case
_OLD_TONE_IN_TEXT = re.compile("(?<![qQ])[oOuU][" + "".join(sorted({p[1] for p in _OLD_TONES} | {p[1].upper() for p in _OLD_TONES}))
                               + r"](?![^\W\d_])")
