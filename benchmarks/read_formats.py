"""Pages per second of the PDF and Word readers (and of the libraries weighed against them).

    python benchmarks/read_formats.py [TEXT ...] [--rounds N]

Renders each plan text (default: the real plans beside the repository, else the samples) as a
PDF with a text layer and tables and as a .docx with list numbering and tables
(tests/render_formats.py), then times, best of N rounds, in this process:
- plangraph's PDF reader (pdfplumber: text lines, table detection, cells), and pypdf's plain
  text extraction (no tables) for comparison;
- plangraph's Word reader (python-docx plus Word's list numbering), and docx2python for comparison.
A page is a page of the PDF rendering; the .docx of the same text counts the same pages.
"""
from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plangraph.extract.paths import SAMPLE_CORPUS_DIR  # noqa: E402
from plangraph.extract.readers.pdf import read_pdf  # noqa: E402
from plangraph.extract.readers.word import read_docx  # noqa: E402
from tests.render_formats import to_docx, to_pdf  # noqa: E402


def best(function: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx2python_text(data: bytes) -> str:
    from docx2python import docx2python
    with docx2python(io.BytesIO(data)) as document:
        return str(document.text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    texts = a.texts or sorted((ROOT.parent / "shared/real/texts").glob("*.txt")) or sorted(SAMPLE_CORPUS_DIR.glob("*.txt"))
    pdfs, docxs, pages = [], [], 0
    for text in texts:
        original = text.read_text(encoding="utf-8")
        pdf = to_pdf(original)
        pdfs.append(pdf)
        docxs.append(to_docx(original))
        pages += read_pdf(pdf, text.name).pages
    runs: list[tuple[str, Callable[[], object]]] = [
        ("PDF   plangraph (pdfplumber, tables)", lambda: [read_pdf(d, "x") for d in pdfs]),
        ("PDF   pypdf text only", lambda: [pypdf_text(d) for d in pdfs]),
        ("Word  plangraph (python-docx, numbering, tables)", lambda: [read_docx(d, "x") for d in docxs]),
        ("Word  docx2python", lambda: [docx2python_text(d) for d in docxs]),
    ]
    print(f"{len(texts)} plans, {pages} pages; best of {a.rounds} rounds")
    print(f"{'reader':<50}{'seconds':>9}{'pages/s':>9}")
    for label, run in runs:
        try:
            seconds = best(run, a.rounds)
        except ImportError as exc:
            print(f"{label:<50}  not installed ({exc.name})")
            continue
        print(f"{label:<50}{seconds:>9.2f}{pages / seconds:>9.1f}")


if __name__ == "__main__":
    main()
