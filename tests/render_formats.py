"""Renderings of a plan text as provinces publish it: a Word file with automatic list numbering
and real tables, a PDF with a text layer and ruled tables, a saved web page with navigation
around the document, and an image-only (scanned) PDF of its first lines.

Test support only: every rendering is made from a text at test time, so no binary file is
committed. Paragraphs are the clean text's lines (hard wraps undone) quoted from the original;
tables are the tables the table reader finds, rebuilt as real tables.
"""
from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

from plangraph.extract.normalize import normalize
from plangraph.extract.tables import Table, find_tables

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
BOLD_FONT = FONT_DIR / "DejaVuSans-Bold.ttf"

_ROMAN = re.compile(r"^([IVXLC]+)\.\s+(\S.*)$")
_NUMBER = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_LETTER = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Paragraph:
    text: str  # without its list marker when `level` is set
    level: int | None = None  # 0 Roman "I.", 1 arabic "1.", 2 letter "a)": Word's automatic numbering


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[str, ...], ...]  # rows narrower than `width` have cells spanning columns
    width: int


Block = Paragraph | TableBlock


def _roman(text: str) -> int:
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _table_block(table: Table, original: str, clean_map: object) -> TableBlock:
    rows = []
    for row in (*table.header, *table.rows):
        cells = []
        for cell in row.cells:
            if cell.end <= cell.start:
                cells.append("")
                continue
            start, end = clean_map.original_span(cell.start, cell.end)  # type: ignore[attr-defined]
            cells.append(_squeeze(original[start:end]))
        rows.append(tuple(cells))
    return TableBlock(tuple(rows), table.width)


def blocks(original: str) -> list[Block]:
    """The plan as paragraphs (one per clean line, quoted from the original) and tables; the
    Roman, arabic and letter headings whose number follows the list's count get Word numbering."""
    clean = normalize(original)
    tables = {t.start: t for t in find_tables(clean.text)}
    found: list[Block] = []
    counters = [0, 0, 0]
    position = 0
    skip_until = -1
    for line in clean.text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        if start < skip_until:
            continue
        table = tables.get(start)
        if table is not None:
            found.append(_table_block(table, original, clean))
            skip_until = table.end
            continue
        if not line.strip():
            continue
        begin, finish = clean.original_span(start, end)
        text = _squeeze(original[begin:finish])
        if not text:
            continue
        found.append(_numbered(text, counters))
    return found


def _numbered(text: str, counters: list[int]) -> Paragraph:
    """A paragraph with Word numbering when its written number is the next of its level."""
    for level, pattern in enumerate((_ROMAN, _NUMBER, _LETTER)):
        match = pattern.match(text)
        if not match:
            continue
        marker = match.group(1)
        value = _roman(marker) if level == 0 else int(marker) if level == 1 else _LETTERS.find(marker) + 1
        if value == counters[level] + 1 and value > 0:
            counters[level] = value
            for deeper in range(level + 1, 3):
                counters[deeper] = 0
            return Paragraph(match.group(2), level)
        return Paragraph(text)
    return Paragraph(text)


# ------------------------------------------------------------------ Word
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbering_xml() -> tuple[str, str]:
    """An abstract multilevel list "I." / "1." / "a)" and a list instance using it."""
    levels = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"))
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    abstract = f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    num = f'<w:num xmlns:w="{_W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
    return abstract, num


def to_docx(original: str) -> bytes:
    """A .docx of the plan: headings with automatic numbering, tables as Word tables (header
    cells spanning columns merged)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = Document()
    numbering = document.part.numbering_part.element
    abstract, num = _numbering_xml()
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(parse_xml(abstract))
    else:
        numbering.append(parse_xml(abstract))
    numbering.append(parse_xml(num))
    for block in blocks(original):
        if isinstance(block, TableBlock):
            table = document.add_table(rows=len(block.rows), cols=block.width)
            table.style = "Table Grid"
            for r, cells in enumerate(block.rows):
                row = table.rows[r]
                for c, text in enumerate(cells):
                    row.cells[c].text = text
                if 0 < len(cells) < block.width:
                    row.cells[len(cells) - 1].merge(row.cells[block.width - 1])
                    row.cells[len(cells) - 1].text = cells[-1]
            continue
        paragraph = document.add_paragraph(block.text)
        if block.level is not None:
            properties = paragraph._p.get_or_add_pPr()
            numbering_properties = parse_xml(
                f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{block.level}"/><w:numId w:val="90"/></w:numPr>')
            properties.append(numbering_properties)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ------------------------------------------------------------------ PDF
def _marker(level: int, value: int) -> str:
    if level == 0:
        numerals = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
                    ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
        written = ""
        for symbol, amount in numerals:
            while value >= amount:
                written += symbol
                value -= amount
        return written + "."
    return f"{value}." if level == 1 else f"{_LETTERS[value - 1]})"


def written_blocks(original: str) -> list[Paragraph | TableBlock]:
    """The blocks with every number written out (for formats without list numbering)."""
    counters = [0, 0, 0]
    out: list[Paragraph | TableBlock] = []
    for block in blocks(original):
        if isinstance(block, Paragraph) and block.level is not None:
            counters[block.level] += 1
            for deeper in range(block.level + 1, 3):
                counters[deeper] = 0
            out.append(Paragraph(f"{_marker(block.level, counters[block.level])} {block.text}"))
        else:
            out.append(block)
    return out


def to_pdf(original: str) -> bytes:
    """A PDF with a text layer (DejaVu Sans, which has every Vietnamese letter) and ruled tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph as Para, SimpleDocTemplate, Table as PdfTable, TableStyle

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13, spaceAfter=6)
    cell = ParagraphStyle("cell", fontName="DejaVuSans", fontSize=7, leading=9)
    story: list[object] = []
    width = A4[0] - 4 * cm
    for block in written_blocks(original):
        if isinstance(block, TableBlock):
            data = [[Para(html.escape(text), cell) for text in row] + [""] * (block.width - len(row))
                    for row in block.rows]
            spans = [("SPAN", (len(row) - 1, r), (block.width - 1, r))
                     for r, row in enumerate(block.rows) if 0 < len(row) < block.width]
            table = PdfTable(data, colWidths=[width / block.width] * block.width, repeatRows=0)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]))
            story.append(table)
            story.append(Para("", body))
        else:
            story.append(Para(html.escape(block.text), body))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm, title="plan").build(story)
    return out.getvalue()


# ------------------------------------------------------------------ web page
_NAVIGATION = """<header class="site-header"><div class="logo">Cơ sở dữ liệu văn bản pháp luật</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/van-ban">Văn bản mới</a></li>
<li><a href="/tra-cuu">Tra cứu</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<form class="search"><input name="q" placeholder="Tìm kiếm văn bản"><button>Tìm</button></form></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/van-ban">Văn bản</a> » Kế hoạch</div>"""
_SIDEBAR = """<aside class="sidebar"><h3>Văn bản liên quan</h3><ul>
<li><a href="/vb/1">Quyết định số 12/QĐ-UBND về việc ban hành quy chế</a></li>
<li><a href="/vb/2">Kế hoạch số 7/KH-UBND thực hiện chương trình năm 2024</a></li></ul></aside>"""
_FOOTER = """<footer><p>Bản quyền thuộc Cổng thông tin điện tử. Địa chỉ: số 1 đường Trung tâm.</p>
<p>Điện thoại: 0123 456 789 · Email: lienhe@example.org</p></footer>
<script>window.dataLayer = window.dataLayer || [];</script>"""


def to_html(original: str) -> bytes:
    """A saved page of a legal database: site header, menu, search box, breadcrumb, sidebar
    and footer around the document's body, whose tables are HTML tables."""
    parts = []
    for block in written_blocks(original):
        if isinstance(block, TableBlock):
            rows = []
            for row in block.rows:
                cells = [f"<td>{html.escape(text)}</td>" for text in row[:-1]] if row else []
                if row:
                    span = block.width - len(row) + 1
                    colspan = f' colspan="{span}"' if span > 1 else ""
                    cells.append(f"<td{colspan}>{html.escape(row[-1])}</td>")
                rows.append("<tr>" + "".join(cells) + "</tr>")
            parts.append('<table border="1" cellspacing="0">' + "\n".join(rows) + "</table>")
        else:
            parts.append(f"<p>{html.escape(block.text)}</p>")
    page = ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Kế hoạch</title>"
            "<style>body{font-family:sans-serif}</style></head><body>" + _NAVIGATION
            + '<div class="container">' + _SIDEBAR + '<div class="content1"><div id="toanvancontent">'
            + "\n".join(parts) + "</div></div></div>" + _FOOTER + "</body></html>")
    return page.encode("utf-8")


# ------------------------------------------------------------------ scan
def to_scan_pdf(original: str, lines: int = 40) -> bytes:
    """An image-only PDF of one page holding the text's first `lines` paragraphs, as a scanner
    makes it: black text on white at 200 dpi, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    dpi = 200
    page = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 30)
    bold = ImageFont.truetype(str(BOLD_FONT), 30)
    y = 120
    shown = 0
    for block in written_blocks(original):
        if shown >= lines or y > page.height - 150:
            break
        if isinstance(block, TableBlock):
            texts = ["    ".join(t for t in row if t) for row in block.rows]
        else:
            texts = [block.text]
        for text in texts:
            words, line = text.split(), ""
            for word in words:
                if draw.textlength(f"{line} {word}".strip(), font=font) > page.width - 240:
                    draw.text((120, y), line, fill=0, font=bold if text.isupper() else font)
                    y += 44
                    line = word
                else:
                    line = f"{line} {word}".strip()
            if line:
                draw.text((120, y), line, fill=0, font=bold if text.isupper() else font)
                y += 44
            y += 16
            shown += 1
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=dpi)
    return out.getvalue()


def renderings(original: str) -> dict[str, bytes]:
    """Every rendering by suffix."""
    return {".docx": to_docx(original), ".pdf": to_pdf(original), ".html": to_html(original)}
