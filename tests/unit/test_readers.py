"""Readers of published formats: the format is told by the bytes, Word's list numbering and
tables come back, a web page loses its navigation, a PDF keeps its table's rows and cells."""
from __future__ import annotations

import io
import zipfile

import pytest

from plangraph.extract.errors import InputError
from plangraph.extract.normalize import normalize
from plangraph.extract.readers import read
from plangraph.extract.readers.reading import DOCX, HTML, PDF, TEXT
from plangraph.extract.readers.sniff import media_type
from plangraph.extract.tables import find_tables
from tests.render_formats import FONT, to_docx, to_html, to_pdf

docx = pytest.importorskip("docx")
pytest.importorskip("reportlab")
pytestmark = pytest.mark.skipif(not FONT.is_file(), reason=f"no DejaVu Sans at {FONT} (Debian fonts-dejavu-core)")

PLAN = """ỦY BAN NHÂN DÂN TỈNH AN GIANG

Số: 12/KH-UBND

An Giang, ngày 5 tháng 3 năm 2025

KẾ HOẠCH

Phát triển thư viện số giai đoạn 2025 - 2027

I. MỤC ĐÍCH

1. Mục đích

a) Nâng cao chất lượng phục vụ.

b) Mở rộng dịch vụ số.

2. Yêu cầu

- Bảo đảm tiến độ.

II. NHIỆM VỤ

Phụ lục

| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| 1 | Xây dựng kho dữ liệu số | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | 2026 |
| 2 | Đào tạo người làm thư viện | Sở Nội vụ | Sở Tài chính | 2027 |
"""


def test_readers_tell_the_format_by_the_bytes_not_the_name() -> None:
    assert media_type(to_pdf(PLAN), "plan.txt") == PDF
    assert media_type(to_docx(PLAN), "plan.pdf") == DOCX
    assert media_type(to_html(PLAN), "plan.txt") == HTML
    assert media_type(PLAN.encode("utf-8"), "plan.html") == TEXT


def test_readers_docx_puts_back_word_list_numbering() -> None:
    text = read(to_docx(PLAN), "plan.docx").text
    lines = text.split("\n")
    for heading in ("I. MỤC ĐÍCH", "1. Mục đích", "a) Nâng cao chất lượng phục vụ.", "b) Mở rộng dịch vụ số.",
                    "2. Yêu cầu", "II. NHIỆM VỤ"):
        assert heading in lines, (heading, text)


def test_readers_docx_numbering_is_not_in_the_paragraph_text() -> None:
    """The test file really uses Word's automatic numbering: the label is not in the XML text."""
    with zipfile.ZipFile(io.BytesIO(to_docx(PLAN))) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "MỤC ĐÍCH" in body and "I. MỤC ĐÍCH" not in body and "<w:numPr>" in body


def test_readers_docx_style_numbering_and_restart() -> None:
    """A list on a paragraph style (Word's "List Number") counts; a second list restarts at its start override."""
    document = docx.Document()
    for words in ("Một", "Hai"):
        document.add_paragraph(words, style="List Number")
    out = io.BytesIO()
    document.save(out)
    text = read(out.getvalue(), "list.docx").text
    assert text.split("\n\n") == ["1. Một", "2. Hai"]


def test_readers_docx_table_rows_and_cells_reach_the_table_reader() -> None:
    text = read(to_docx(PLAN), "plan.docx").text
    tables = find_tables(normalize(text).text)
    task_table = next(t for t in tables if t.width == 5)
    assert [c.text for c in task_table.rows[1].cells] == ["2", "Đào tạo người làm thư viện", "Sở Nội vụ", "Sở Tài chính", "2027"]


def test_readers_docx_merged_header_cell_is_one_cell() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.rows[0].cells[1].merge(table.rows[0].cells[2])
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "STT", "Chỉ tiêu"
    for k, value in enumerate(("1", "Thư viện", "90%")):
        table.rows[1].cells[k].text = value
    out = io.BytesIO()
    document.save(out)
    assert read(out.getvalue(), "t.docx").text.split("\n") == ["| STT | Chỉ tiêu |", "| 1 | Thư viện | 90% |"]


def test_readers_html_drops_navigation_and_keeps_body_and_tables() -> None:
    text = read(to_html(PLAN), "plan.html").text
    assert "Trang chủ" not in text and "Tìm kiếm" not in text and "Bản quyền" not in text
    assert "Văn bản liên quan" not in text
    assert text.startswith("ỦY BAN NHÂN DÂN TỈNH AN GIANG")
    assert "| 1 | Xây dựng kho dữ liệu số | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | 2026 |" in text


def test_readers_html_ordered_lists_keep_their_numbers() -> None:
    page = ('<html><body><div><ol type="I"><li>MỤC ĐÍCH</li><li>NHIỆM VỤ<ol type="a"><li>Việc một</li>'
            '</ol></li></ol></div></body></html>').encode("utf-8")
    assert read(page, "p.html").text.split("\n\n") == ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "a. Việc một"]


def test_readers_pdf_text_layer_and_table_cells() -> None:
    reading = read(to_pdf(PLAN), "plan.pdf")
    assert reading.media_type == PDF and reading.pages == 1 and reading.ocr_confidence is None
    assert "Phát triển thư viện số giai đoạn 2025 - 2027" in reading.text
    assert "| 2 | Đào tạo người làm thư viện | Sở Nội vụ | Sở Tài chính | 2027 |" in reading.text


def test_readers_pdf_without_text_layer_is_a_scan() -> None:
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (800, 300), 255)
    ImageDraw.Draw(page).text((20, 20), "KẾ HOẠCH", fill=0, font=ImageFont.truetype(str(FONT), 40))
    out = io.BytesIO()
    page.save(out, format="PDF")
    with pytest.raises(InputError, match="scanned PDF: no text layer"):
        read(out.getvalue(), "scan.pdf")


@pytest.mark.parametrize(("data", "reason"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "soffice --headless --convert-to docx"),
    (b"PK\x03\x04not really a zip", "damaged ZIP or Word file"),
    (b"%PDF-1.4\n1 0 obj garbage", "damaged PDF"),
])
def test_readers_refuse_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read(data, "x")


def test_readers_zip_of_something_else_is_not_a_word_file() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/a.txt", "hello")
    with pytest.raises(InputError, match="not a Word document"):
        read(out.getvalue(), "plan.docx")
