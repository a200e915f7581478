"""Bytes to text: detect encodings plans are published in, refuse what is not text."""
from __future__ import annotations

import codecs

from plangraph.extract.errors import InputError

# Magic numbers of formats that are sometimes handed in by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP or Office file"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"),
)

# Letters that only Vietnamese text has; used to tell UTF-8 from Windows-1258 mojibake.
_VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")


def decode(data: bytes, name: str) -> str:
    """Decode a plan file: UTF-8 (BOM optional), UTF-16 with BOM, or Windows-1258.

    >>> decode("Kế hoạch".encode("utf-8-sig"), "x.txt")
    'Kế hoạch'
    """
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(name, f"this is {what}, not plan text; export it to text first")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(name, f"bad UTF-16 at byte {exc.start}") from exc
    if not data:
        raise InputError(name, "the file is empty")
    if not data.strip(b" \t\r\n"):
        raise InputError(name, "the file holds only blank space")
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(name, "the file holds only zero bytes, not text")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(name, f"binary data (NUL byte at offset {offset}), not plan text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1258", errors="replace")
    if "\ufffd" in text or not _VIETNAMESE_LETTERS & set(text):
        raise InputError(name, "not UTF-8, UTF-16 or Windows-1258 Vietnamese text")
    return text
