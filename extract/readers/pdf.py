"""PDF files to plan text (pdfplumber): the text layer line by line, paragraphs where the line
spacing opens up, ruled tables as Markdown rows of their own cells (a table running on over a
page break is one table); a PDF without a text layer is a scan, read only with OCR."""
from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass
from typing import Any

from plangraph.extract.errors import InputError
from plangraph.extract.readers.reading import PDF, Reading, table_or_lines

_PARAGRAPH_GAP = 1.3  # a line starting this many typical line pitches below the last opens a paragraph
_LEADING = 1.35  # a line's pitch in a paragraph is at most this many times its height
_INDENT = 12.0  # points: a line indented this much more than the page's text starts a paragraph
_WRAPPED_NUMBER = re.compile(r"(?<=\d[.,])(\d{0,2})\n(?=\d)")  # an unfinished group of three digits, wrapped
_MIN_TEXT_CHARS = 20  # fewer characters on every page: a scan (its text layer, if any, is a stamp or a page number)


@dataclass
class _Block:
    top: float
    text: str = ""
    rows: list[list[str]] | None = None  # a table


def read_pdf(data: bytes, name: str, ocr: bool = False) -> Reading:
    """The text of a PDF with a text layer; a scan is refused ("scanned PDF: no text layer")
    unless `ocr`, when its pages are read by Tesseract."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for damaged files; pdfplumber wraps them
        causes = [exc, exc.__cause__, exc.__context__, *exc.args]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise InputError(name, "an encrypted PDF that needs a password to open; save an unprotected copy "
                                   "(print to PDF) and build that") from exc
        raise InputError(name, f"a damaged PDF, not readable ({type(exc).__name__}: {str(exc)[:200]})") from exc
    with pdf:
        try:
            pages = list(pdf.pages)
            if not pages:
                raise InputError(name, "a PDF with no pages")
            characters = [len(page.chars) for page in pages]
        except InputError:
            raise
        except Exception as exc:
            raise InputError(name, f"a damaged PDF, not readable ({type(exc).__name__}: {str(exc)[:200]})") from exc
        if max(characters) < _MIN_TEXT_CHARS:
            if not ocr:
                raise InputError(name, f"scanned PDF: no text layer ({len(pages)} page(s) of images); "
                                       "build with --ocr to read it with Tesseract")
            from plangraph.extract.readers.ocr import read_scan
            scanned: Reading = read_scan(pages, name)
            return scanned
        try:
            blocks = _blocks(pages)
        except Exception as exc:
            raise InputError(name, f"a damaged PDF, not readable ({type(exc).__name__}: {str(exc)[:200]})") from exc
    return Reading(_text(blocks), PDF, pages=len(pages))


def _blocks(pages: list[Any]) -> list[_Block]:
    found: list[_Block] = []
    for number, page in enumerate(pages):
        tables = page.find_tables()
        boxes = [t.bbox for t in tables]
        items = [_Block(t.bbox[1], rows=_rows(t)) for t in tables]
        outside = page.filter(lambda obj: obj.get("object_type") != "char" or not any(_inside(obj, box) for box in boxes))
        items += _paragraphs(outside.extract_text_lines(strip=True, return_chars=False), page.bbox[0])
        items.sort(key=lambda b: b.top)
        items = [b for b in items if b.rows or b.text.strip()]
        if number and items and items[0].rows and found and found[-1].rows and _same_width(found[-1].rows, items[0].rows):
            found[-1].rows.extend(items.pop(0).rows or [])  # the table runs on over the page break
        found.extend(items)
    return found


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


def _same_width(a: list[list[str]], b: list[list[str]]) -> bool:
    return max(map(len, a), default=0) == max(map(len, b), default=-1)


def _rows(table: Any) -> list[list[str]]:
    """A table's rows: a cell spanning columns is one cell (the row is narrower), a cell merged
    with the one above is empty."""
    texts = table.extract()
    lefts: dict[int, float] = {}
    for row in table.rows:
        for k, box in enumerate(row.cells):
            if box is not None:
                lefts.setdefault(k, box[0])
    rows = []
    for row, cells in zip(table.rows, texts):
        found: list[str] = []
        right = None
        for k, (box, text) in enumerate(zip(row.cells, cells)):
            if box is None:
                if right is not None and k in lefts and right > lefts[k] + 1:
                    continue  # covered by the cell on its left
                found.append("")
                continue
            right = box[2]
            found.append(_cell_text(text or ""))
        rows.append(found)
    return rows


def _cell_text(text: str) -> str:
    """A cell's lines joined by spaces; a number wrapped inside a narrow column ("240.00" over
    "0": a thousands group has three digits) is joined back.

    >>> _cell_text("240.00\\n0"), _cell_text("Sở Y tế\\nSở Tài chính"), _cell_text("2026\\n2030")
    ('240.000', 'Sở Y tế Sở Tài chính', '2026 2030')
    """
    return " ".join(_WRAPPED_NUMBER.sub(r"\1", text).split())


def _paragraphs(lines: list[dict[str, Any]], left: float) -> list[_Block]:
    """Lines grouped into paragraphs by the spacing between them and first-line indents."""
    if not lines:
        return []
    heights = [line["bottom"] - line["top"] for line in lines]
    pitches = sorted(b["top"] - a["top"] for a, b in zip(lines, lines[1:]) if 0 < b["top"] - a["top"] < 3 * (a["bottom"] - a["top"] + 1))
    # the pitch of lines inside a paragraph: the smaller pitches of the page, but no more than a
    # line and its leading (a page of one-line paragraphs has no smaller pitches)
    pitch = min(pitches[len(pitches) // 5] if pitches else 0.0, _LEADING * statistics.median(heights))
    margin = min(line["x0"] for line in lines)
    found: list[_Block] = []
    previous: dict[str, Any] | None = None
    for line in lines:
        opens = (previous is None or pitch == 0 or line["top"] - previous["top"] > _PARAGRAPH_GAP * pitch
                 or line["x0"] - margin > _INDENT and previous["x0"] - margin <= _INDENT)
        if opens:
            found.append(_Block(line["top"], line["text"]))
        else:
            found[-1].text += "\n" + line["text"]
        previous = line
    return found


def _text(blocks: list[_Block]) -> str:
    return "\n\n".join(table_or_lines(b.rows) if b.rows is not None else b.text for b in blocks).strip()
