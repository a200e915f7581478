"""Word .docx files to plan text (python-docx): paragraphs in order with the labels of Word's
automatic list numbering put back, and tables as Markdown rows of their own cells."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from plangraph.extract.errors import InputError
from plangraph.extract.readers.numbering import W, Numbering, parse_numbering
from plangraph.extract.readers.reading import DOCX, Reading, table_or_lines

_PAGE_CHARACTERS = 2500  # a page of a plan in Word holds about this much text (when it says nothing)


def read_docx(data: bytes, name: str) -> Reading:
    """The text of a .docx: one paragraph per line with its list label ("II. MỤC TIÊU"), each
    table as Markdown rows (a cell spanning columns is one cell; a cell merged into the one
    above is empty), content controls opened, page headers and footers left out."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise InputError(name, f"a damaged Word file, not readable ({type(exc).__name__}: {exc})") from exc
    part = document.part
    try:
        numbering_xml = part.numbering_part.blob if _has_numbering(part) else None
        numbering = parse_numbering(numbering_xml)
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"a damaged Word file: its list numbering is not readable ({exc})") from exc
    styles = _style_numbering(document)
    blocks = list(_blocks(document.element.body, numbering, styles))
    text = "\n\n".join(b for b in blocks if b)
    return Reading(text, DOCX, pages=_pages(data, text))


def _has_numbering(part: object) -> bool:
    try:
        return part.numbering_part is not None  # type: ignore[attr-defined]
    except (KeyError, NotImplementedError):
        return False


def _style_numbering(document: object) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry list numbering (Heading 1 linked to a list): style id → (numId, level)."""
    found: dict[str, tuple[str, int]] = {}
    styles = document.styles.element  # type: ignore[attr-defined]
    by_id = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
    for style_id, style in by_id.items():
        seen: set[str] = set()
        current = style
        while current is not None and style_id not in found and current.get(W + "styleId") not in seen:
            seen.add(str(current.get(W + "styleId")))
            num = current.find(f"{W}pPr/{W}numPr")
            if num is not None:
                num_id = num.find(W + "numId")
                level = num.find(W + "ilvl")
                if num_id is not None:
                    found[str(style_id)] = (str(num_id.get(W + "val")), int(level.get(W + "val", "0")) if level is not None else 0)
            based = current.find(W + "basedOn")
            current = by_id.get(based.get(W + "val")) if based is not None else None
    return found


def _blocks(container: etree._Element, numbering: Numbering, styles: dict[str, tuple[str, int]]) -> Iterator[str]:
    for child in container:
        if child.tag == W + "p":
            yield _paragraph(child, numbering, styles)
        elif child.tag == W + "tbl":
            yield _table(child, numbering, styles)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content, numbering, styles)


def _paragraph(p: etree._Element, numbering: Numbering, styles: dict[str, tuple[str, int]]) -> str:
    text = _text(p)
    num = p.find(f"{W}pPr/{W}numPr")
    list_id: str | None = None
    level = 0
    if num is not None:
        num_id, ilvl = num.find(W + "numId"), num.find(W + "ilvl")
        list_id = str(num_id.get(W + "val")) if num_id is not None else None
        level = int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
    else:
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(W + "val") in styles:
            list_id, level = styles[str(style.get(W + "val"))]
    if list_id is None or not text.strip():
        return text.strip()
    label = numbering.label(list_id, level)
    return f"{label} {text.strip()}" if label else text.strip()


def _text(p: etree._Element) -> str:
    """A paragraph's text: its runs (hyperlinks, insertions and fields included; deletions and
    field codes left out), tabs as spaces, line breaks as spaces."""
    parts: list[str] = []
    for node in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "sym"):
        if _deleted(node):
            continue
        tag = node.tag
        if tag == W + "t":
            parts.append(node.text or "")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag in (W + "tab", W + "br", W + "cr"):
            parts.append(" ")
    return " ".join("".join(parts).split(" ")).replace("\xa0", " ")


def _deleted(node: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent.tag != W + "p":
        if parent.tag in (W + "del", W + "moveFrom"):
            return True
        parent = parent.getparent()
    return False


def _table(tbl: etree._Element, numbering: Numbering, styles: dict[str, tuple[str, int]]) -> str:
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(W + "tr"):
        cells: list[str] = []
        for tc in _cells(tr):
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(W + "val", "continue") == "continue":
                cells.append("")  # merged into the cell above
                continue
            cells.append("\n".join(block for block in _blocks(tc, numbering, styles) if block))
        rows.append(cells)
    return table_or_lines(rows)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == W + "tc":
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from (c for c in content if c.tag == W + "tc")


def _pages(data: bytes, text: str) -> int:
    """The page count Word saved in docProps/app.xml, else an estimate from the text's length."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            app = archive.read("docProps/app.xml")
        pages = etree.fromstring(app).find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages")
        if pages is not None and pages.text and pages.text.strip().isdigit() and int(pages.text) > 0:
            return int(pages.text)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        pass
    return max(1, round(len(text) / _PAGE_CHARACTERS))
