"""Layouts portals and PDF exports give one plan text: lines hard-wrapped at a width, tables as
Markdown rows, bullets drawn with a symbol font, tone marks placed the older way, bodies' names
written short, page numbers between the rows of a table, paragraphs run together, numbers an OCR misread.

Test and benchmark support: each layout is made from a text (its clean text, for the layouts that
rebuild tables), so the gold of the text scores the layout too.
"""
from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Callable

from plangraph.extract.normalize import normalize
from plangraph.extract.tables import Table, find_tables

SYMBOL_BULLET = "\uf0b7"  # the Symbol font's bullet, as a PDF's text layer gives it


def hard_wrapped(text: str, width: int) -> str:
    """Every line longer than `width` broken at spaces into lines of at most `width` characters."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
        else:
            lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


_NEW_TO_OLD_TONES = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé", "ỏe": "oẻ",
                     "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
_NEW_TONE = re.compile("(?:" + "|".join(_NEW_TO_OLD_TONES) + r")(?![^\W\d_])", re.IGNORECASE)


def old_tones(text: str) -> str:
    """Tone marks placed the older way, as many provinces write them ("Ủy ban" → "Uỷ ban", "hòa" →
    "hoà", "khỏe" → "khoẻ")."""
    def older(match: re.Match[str]) -> str:
        pair = match.group()
        return "".join(o.upper() if n.isupper() else o for n, o in zip(pair, _NEW_TO_OLD_TONES[pair.lower()]))

    return _NEW_TONE.sub(older, unicodedata.normalize("NFC", text))


_ABBREVIATED = (("Ủy ban nhân dân", "UBND"), ("Giao thông vận tải", "GTVT"), ("Nông nghiệp và Môi trường", "NN&MT"),
                ("Chỉ huy Quân sự", "CHQS"), ("Bộ đội Biên phòng", "BĐBP"), ("Liên đoàn Lao động", "LĐLĐ"),
                ("Liên hiệp Phụ nữ", "LHPN"), ("Văn hóa, Thể thao và Du lịch", "VH,TT&DL"),
                ("Giáo dục và Đào tạo", "GD&ĐT"), ("Kế hoạch và Đầu tư", "KH&ĐT"),
                ("Lao động - Thương binh và Xã hội", "LĐ-TB&XH"), ("Tài nguyên và Môi trường", "TN&MT"),
                ("Khoa học và Công nghệ", "KH&CN"), ("Thông tin và Truyền thông", "TT&TT"))


def abbreviated_names(text: str) -> str:
    """Bodies' names written short, as many plans write them ("Sở GD&ĐT", "Bộ CHQS tỉnh", "UBND")."""
    text = unicodedata.normalize("NFC", text)
    for name, short in _ABBREVIATED:
        text = text.replace(name, short)
    return text


def symbol_bullets(text: str) -> str:
    """Every dash bullet opening a line ("- Làm A") drawn as a symbol font's bullet glyph."""
    return re.sub(r"(?m)^([ \t]*)-[ \t]+(?=\S)", lambda m: f"{m.group(1)}{SYMBOL_BULLET} ", text)


def with_page_numbers(text: str, every: int) -> str:
    """A clean text with a page number between two rows of each cell-per-line table after every
    `every` rows ("…", "|", "11", "|", "…": where the empty gap between the rows was)."""
    inserts = []
    for table in find_tables(text):
        for n, row in enumerate(table.rows):
            close = text.find("\n|\n", row.cells[-1].end) if row.cells[-1].text else -1
            if n % every == every - 1 and close >= 0 and text.startswith("|\n", close + 3):
                inserts.append(close + 3)
    for page, at in reversed(list(enumerate(inserts, start=11))):
        text = f"{text[:at]}{page}\n{text[at:]}"
    return text


def markdown_tables(text: str) -> str:
    """The clean text with each cell-per-line table written as Markdown rows, as a page converter
    writes a table whose header spans rows and columns: the first header row above the `|---|`
    line, the leaves below it, a spanned cell left empty."""
    clean = normalize(text).text
    edits = []
    for table in find_tables(clean):
        cells = [c for row in (*table.header, *table.rows) for c in row.cells if c.text]
        if not cells:
            continue
        start = clean.rfind("\n|", 0, min(c.start for c in cells)) + 1
        edits.append((start, table.end, "\n".join(_markdown_rows(table))))
    for start, end, rows in reversed(edits):
        clean = f"{clean[:start]}{rows}{clean[end:]}"
    return clean


def _markdown_rows(table: Table) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"

    width = table.width
    rule = "|" + "---|" * width
    if not table.header:
        first, *rest = [[c.text for c in r.cells] + [""] * (width - len(r.cells)) for r in table.rows]
        return [row(first), rule, *map(row, rest)]
    columns = table.columns
    lines = []
    for level in range(max(len(labels) for labels in columns)):
        # a label spanning the columns after it is written once, over the first of them
        spanned = [level < len(labels) and (k == 0 or columns[k - 1][:level + 1] != labels[:level + 1])
                   for k, labels in enumerate(columns)]
        lines.append(row([labels[level] if first else "" for first, labels in zip(spanned, columns)]))
        if level == 0:
            lines.append(rule)
    return lines + [row([c.text for c in r.cells] + [""] * (width - len(r.cells))) for r in table.rows]


def run_in(text: str, width: int = 80, tables: bool = False) -> str:
    """The clean text's paragraphs run together, as a page that lost its paragraph breaks gives
    them ("… như sau: I. MỤC ĐÍCH 1. Mục đích - Nâng cao …"), hard-wrapped at `width`; its tables
    (from their first line to their last) stay as they are, or with `tables` run together too
    ("| STT | Nội dung | | 1 | Làm A |")."""
    clean = normalize(text).text
    kept = [] if tables else [(clean.rfind("\n", 0, t.start) + 1, t.end) for t in find_tables(clean)]
    pieces, position = [], 0
    for start, end in [*kept, (len(clean), len(clean))]:
        body = " ".join(line for line in clean[position:start].split("\n") if line.strip())
        pieces += textwrap.wrap(body, width, break_long_words=False, break_on_hyphens=False)
        pieces += [line for line in clean[start:end].split("\n") if line.strip()]
        position = end
    return "\n".join(pieces)


def ocr_numerals(text: str) -> str:
    """Numbers at line starts as an OCR misreads them: a Roman numeral's last "I" as "l" ("II." →
    "Il.", "III." → "IIl."), an item's "1." as "I."."""
    text = re.sub(r"(?m)^(II+|VI+|XI+)\.", lambda m: m.group(1)[:-1] + "l.", text)
    return re.sub(r"(?m)^1\.(?=\s)", "I.", text)


LAYOUTS: dict[str, Callable[[str], str]] = {
    "wrap 65": lambda text: hard_wrapped(text, 65),
    "wrap 78": lambda text: hard_wrapped(text, 78),
    "markdown": markdown_tables,
    "symbol bullets": symbol_bullets,
    "old tone marks": old_tones,
    "short names": abbreviated_names,
    "page numbers": lambda text: with_page_numbers(normalize(text).text, 12),
    "run-in": run_in,
    "tables run-in": lambda text: run_in(text, tables=True),
    "OCR numerals": ocr_numerals,
}
