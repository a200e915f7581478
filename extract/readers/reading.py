"""What a reader gives: the text read from a file, how it was read, and its tables as rows."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

TEXT = "text/plain"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"


@dataclass(frozen=True)
class Reading:
    """Text read from a file's bytes.

    `media_type` is what the bytes are (not what their name says); `pages` is the number of
    pages read (0 where a format has none); `ocr_confidence` is Tesseract's mean word
    confidence (0–1) when the text was read from page images.
    """

    text: str
    media_type: str
    pages: int = 0
    ocr_confidence: float | None = None

    @property
    def is_converted(self) -> bool:
        """True when the text is not the file itself (it was extracted from another format)."""
        return self.media_type != TEXT


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells as Markdown rows, the form the table reader reads: one row per line, a
    cell's lines joined by spaces and `|` inside a cell written as `/`. Rows with no text are left out.

    >>> print(markdown_table([["STT", "Nội dung"], ["1", "Làm A\\nvà B"], ["", ""]]))
    | STT | Nội dung |
    | 1 | Làm A và B |
    """
    lines = []
    for row in rows:
        cells = [" ".join(cell.replace("|", "/").split()) for cell in row]
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table_or_lines(rows: Sequence[Sequence[str]]) -> str:
    """A table of two rows and two columns or more as Markdown rows; a one-row table (a signature
    block set out side by side) or a one-column one (a framed paragraph) as its cells' lines, since
    it holds no data rows.

    >>> print(table_or_lines([["Nơi nhận:\\n- Như trên;", "KT. CHỦ TỊCH"]]))
    Nơi nhận:
    - Như trên;
    <BLANKLINE>
    KT. CHỦ TỊCH
    """
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    if len(filled) >= 2 and max(len(row) for row in filled) >= 2:
        return markdown_table(filled)
    cells = ["\n".join(" ".join(line.split()) for line in cell.split("\n") if line.strip()) for row in filled for cell in row]
    return "\n\n".join(cell for cell in cells if cell)
