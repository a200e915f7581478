"""Scanned pages to text with Tesseract and its Vietnamese data (pytesseract), with the mean
confidence of the words read; without the tools, a message saying how to install them."""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from typing import Any

from plangraph.extract.errors import InputError
from plangraph.extract.readers.reading import PDF, Reading

INSTALL_ADVICE = ("reading scans needs Tesseract with its Vietnamese data: on Debian or Ubuntu "
                  "`apt-get install tesseract-ocr tesseract-ocr-vie` (and `pip install pytesseract`, "
                  "installed with plangraph)")
_RESOLUTION = 300  # dpi at which the pages are drawn for Tesseract
_LANGUAGE = "vie"


@lru_cache(maxsize=1)
def missing_tools() -> str | None:
    """What is missing to read scans, or None when Tesseract can read Vietnamese."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return "the Python package pytesseract is not installed"
    if shutil.which("tesseract") is None:
        return "the tesseract program is not installed"
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run ({exc})"
    if _LANGUAGE not in listed.stdout.split():
        return "Tesseract's Vietnamese data (tesseract-ocr-vie) is not installed"
    return None


def read_scan(pages: list[Any], name: str) -> Reading:
    """Text of scanned PDF pages (pdfplumber pages), one paragraph per block Tesseract finds."""
    reason = missing_tools()
    if reason is not None:
        raise InputError(name, f"scanned PDF: no text layer, and it cannot be read by OCR here: {reason}; {INSTALL_ADVICE}")
    texts: list[str] = []
    confidences: list[float] = []
    for page in pages:
        image = page.to_image(resolution=_RESOLUTION).original
        text, words = ocr_image(image)
        texts.append(text)
        confidences += words
    text = "\n\n".join(t for t in texts if t.strip())
    if not text.strip():
        raise InputError(name, "scanned PDF: OCR found no text on its pages")
    confidence = sum(confidences) / len(confidences) / 100 if confidences else 0.0
    return Reading(text, PDF, pages=len(pages), ocr_confidence=round(confidence, 3))


def ocr_image(image: Any) -> tuple[str, list[float]]:
    """(text, confidence of each word 0–100) of one page image: lines in Tesseract's order,
    a blank line between its paragraphs."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=_LANGUAGE, output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[str]] = {}
    paragraphs: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    confidences: list[float] = []
    for k, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        block, paragraph, line = int(data["block_num"][k]), int(data["par_num"][k]), int(data["line_num"][k])
        key = (block, paragraph, line)
        if key not in lines:
            lines[key] = []
            paragraphs.setdefault((block, paragraph), []).append(key)
        lines[key].append(word)
        confidence = float(data["conf"][k])
        if confidence >= 0:
            confidences.append(confidence)
    text = "\n\n".join("\n".join(" ".join(lines[key]) for key in keys) for keys in paragraphs.values())
    return text, confidences
