"""Which format a file's bytes are (by their magic numbers and opening, not the file's name),
and the reader for it."""
from __future__ import annotations

import io
import re
import zipfile

from plangraph.extract.decode import decode
from plangraph.extract.errors import InputError
from plangraph.extract.readers.reading import DOCX, HTML, PDF, TEXT, Reading

_PDF_HEADER_WITHIN = 1024  # readers accept a PDF header anywhere in the first kilobyte
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_OPENING = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                           re.IGNORECASE | re.DOTALL)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
DOC_ADVICE = ("an old Word .doc file, which plangraph does not read; save it as .docx in Word "
              "(File > Save As > Word Document) or convert it with LibreOffice: "
              "soffice --headless --convert-to docx FILE.doc")


def media_type(data: bytes, name: str) -> str:
    """The media type of a file's bytes: PDF, Word .docx, HTML, or text (everything else, which
    the text decoder accepts or refuses). Raises InputError for old .doc files and ZIP files that
    are not Word documents.

    >>> media_type(b"%PDF-1.7 ...", "a.txt"), media_type(b"<!DOCTYPE html><p>x", "a")
    ('application/pdf', 'text/html')
    """
    if b"%PDF-" in data[:_PDF_HEADER_WITHIN]:
        return PDF
    if data.startswith(_ZIP):
        return _zip_kind(data, name)
    if data.startswith(_OLE):
        raise InputError(name, f"this is {DOC_ADVICE}")
    head = data[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):].replace(b"\x00", b"")
            break
    if _HTML_OPENING.match(head):
        return HTML
    return TEXT


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(name, f"a damaged ZIP or Word file, not readable ({exc})") from exc
    if "word/document.xml" in names:
        return DOCX
    if "content.xml" in names:
        raise InputError(name, "an OpenDocument file (.odt), not read here; save it as .docx or PDF")
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        raise InputError(name, "an Excel or PowerPoint file, not a plan; plangraph reads .docx, .pdf, .html and .txt")
    raise InputError(name, "a ZIP archive that is not a Word document (no word/document.xml); unpack it and build its files")


def read(data: bytes, name: str, ocr: bool = False) -> Reading:
    """The plan text in a file's bytes, read by the reader of their format; `ocr` lets a PDF
    without a text layer be read by Tesseract.

    >>> read("Kế hoạch".encode("utf-8"), "x.txt")
    Reading(text='Kế hoạch', media_type='text/plain', pages=0, ocr_confidence=None)
    """
    kind = media_type(data, name)
    if kind == PDF:
        from plangraph.extract.readers.pdf import read_pdf
        return read_pdf(data, name, ocr=ocr)
    if kind == DOCX:
        from plangraph.extract.readers.word import read_docx
        return read_docx(data, name)
    if kind == HTML:
        from plangraph.extract.readers.web import read_html
        return read_html(data, name)
    return Reading(decode(data, name), TEXT)
