"""Errors raised by the pipeline; each one names where the problem is."""
from __future__ import annotations


class PipelineError(Exception):
    """Base error: carries a location (file, file:line or section path)."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message

    def __reduce__(self) -> tuple[type["PipelineError"], tuple[str, str]]:
        """Pickle with both arguments, so the error crosses process boundaries intact."""
        return (type(self), (self.location, self.message))


class InputError(PipelineError):
    """The input is not a readable plan text (binary, empty, no structure)."""


class PatternFileError(PipelineError):
    """A row of a pattern table is malformed (location is `table.tsv:LINE`)."""


class StoreError(PipelineError):
    """The store cannot be opened, written or swapped."""


class QueryError(PipelineError):
    """A named query is malformed or was called with bad parameters."""
