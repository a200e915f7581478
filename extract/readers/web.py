"""Saved web pages to plan text (selectolax, lexbor): the page's furniture (menus, header and
footer, sidebars, search forms, scripts) dropped, the element holding the document's text kept,
its paragraphs one per line, list items with their numbers and tables as Markdown rows."""
from __future__ import annotations

import re
from typing import Any

from plangraph.extract.errors import InputError
from plangraph.extract.readers.reading import HTML, Reading, table_or_lines

_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                 "iframe", "button", "input", "select", "textarea", "svg", "canvas", "object", "head", "menu")
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|footer|header|banner|search|share|"
                        r"social|comments?|related|login|cookie|advert|ads)(?:$|[\s_-])", re.IGNORECASE)
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar"}
_BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "center", "address", "dl", "dt", "dd", "ul", "ol", "li", "figure", "figcaption", "body", "caption", "hr"}
_CONTAINERS = {"div", "section", "article", "main", "center", "span", "font"}  # the document may sit in one
_BODY_SHARE = 0.8  # the document is the deepest element holding this share of the page's text
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_LIST_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def read_html(data: bytes, name: str) -> Reading:
    """The document in a saved web page, without the site around it."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_decode(data, name))
    body = tree.body
    if body is None:
        raise InputError(name, "a web page without a body")
    for node in list(body.css(", ".join(_DROPPED_TAGS))):
        node.decompose()
    for node in list(body.css("[class], [id], [role]")):
        if node.parent is None:
            continue
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if (node.attributes.get("role") or "").lower() in _FURNITURE_ROLES or (_FURNITURE.search(marks) and node.tag != "body"):
            if len(_words(node)) < max(200, _BODY_SHARE * len(_words(body))):  # never the document itself
                node.decompose()
    root = _document_root(body)
    lines: list[str] = []
    _render(root, lines)
    # a paragraph's own line breaks are the page source's and mean nothing; those between table rows and
    # cell lines (table_or_lines) are kept
    text = "\n\n".join(p for p in ("\n".join(" ".join(line.split()) for line in part.split("\n")).strip()
                                    for part in lines) if p)
    if not text.strip():
        raise InputError(name, "a web page with no text")
    return Reading(text, HTML)


def _decode(data: bytes, name: str) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _CHARSET.search(data[:4096])
    codecs = [declared.group(1).decode("ascii").lower()] if declared else []
    for codec in [*codecs, "utf-8", "cp1258"]:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(name, "a web page in an unknown encoding")


def _words(node: Any) -> list[str]:
    return str(node.text(separator=" ") or "").split()


def _document_root(body: Any) -> Any:
    """The deepest element holding most of the page's words (the document, not the site)."""
    total = len(_words(body))
    node = body
    while True:
        best = None
        for child in _children(node):
            if child.tag in ("-text", "-comment"):
                continue
            if len(_words(child)) >= _BODY_SHARE * total:
                best = child
                break
        if best is None or best.tag not in _CONTAINERS:
            return node
        node = best


def _children(node: Any) -> list[Any]:
    found = []
    child = node.child
    while child is not None:
        found.append(child)
        child = child.next
    return found


def _render(node: Any, lines: list[str], label: str = "") -> None:
    """Append the node's paragraphs to `lines` (an open paragraph is the last line)."""
    if not lines:
        lines.append("")
    for child in _children(node):
        tag = child.tag
        if tag == "-text":
            lines[-1] += " ".join((child.text_content or "").split("\n"))
        elif tag == "br":
            lines.append("")
        elif tag == "table":
            if _nested_tables(child):  # a layout table: its cells are blocks
                for cell in child.css("td, th"):
                    if not _nested_tables(cell):
                        lines.append("")
                        _render(cell, lines)
                        lines.append("")
                continue
            lines.append(table_or_lines(_table_rows(child)))
            lines.append("")
        elif tag in ("ol", "ul"):
            _list(child, lines)
        elif tag in _BLOCKS:
            lines.append("")
            _render(child, lines)
            lines.append("")
        elif tag != "-comment":
            _render(child, lines)


def _nested_tables(node: Any) -> bool:
    """Whether a table or cell holds a table (css() also matches the node itself)."""
    return any(found.mem_id != node.mem_id for found in node.css("table"))


def _list(node: Any, lines: list[str]) -> None:
    """List items with the numbers a browser shows ("1.", "a.", "II.") or "-" for bullets."""
    from plangraph.extract.readers.numbering import _format

    ordered = node.tag == "ol"
    kind = _LIST_TYPES.get(str(node.attributes.get("type") or "1"), "decimal")
    start = str(node.attributes.get("start") or "1")
    value = int(start) - 1 if start.lstrip("-").isdigit() else 0
    for item in _children(node):
        if item.tag != "li":
            if item.tag not in ("-text", "-comment"):
                _render(item, lines)
            continue
        given = str(item.attributes.get("value") or "")
        value = int(given) if given.isdigit() else value + 1
        lines.append((_format(value, kind) + ". ") if ordered else "- ")
        _render(item, lines)
        lines.append("")


def _table_rows(table: Any) -> list[list[str]]:
    """Rows of a data table: a cell spanning columns is one cell; the cells a cell spans from
    the rows above are empty."""
    rows: list[list[str]] = []
    below: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for tr in table.css("tr"):
        cells: list[str] = []
        column = 0
        for cell in (c for c in _children(tr) if c.tag in ("td", "th")):
            while below.get(column, 0) > 0:
                below[column] -= 1
                cells.append("")
                column += 1
            parts: list[str] = []
            _render(cell, parts)
            cells.append("\n".join(" ".join(part.split()) for part in parts if part.strip()))
            span = _number(cell.attributes.get("rowspan"))
            width = _number(cell.attributes.get("colspan"))
            for k in range(column, column + width):
                if span > 1:
                    below[k] = span - 1
            column += width
        while below.get(column, 0) > 0:
            below[column] -= 1
            cells.append("")
            column += 1
        rows.append(cells)
    return rows


def _number(value: object) -> int:
    text = str(value or "1").strip()
    return max(1, min(int(text), 100)) if text.isdigit() else 1
