"""Readers: a file's bytes to plan text, one module per published format (pure functions).

`read` picks the reader by the bytes' content (magic numbers), not by the file name: plain text,
PDF (text layer, or a scan read by OCR), Word .docx and saved web pages. Every reader returns
the same thing, a `Reading`: text in the form the rest of the pipeline reads, with each table
written as Markdown rows (`| a | b |`, one row per line) so that the table reader sees the
table's own rows and cells.
"""
from __future__ import annotations

from plangraph.extract.readers.reading import Reading
from plangraph.extract.readers.sniff import read

__all__ = ["Reading", "read"]
