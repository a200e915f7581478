"""Server settings, from arguments or the environment (PLANGRAPH_*)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass


def _words(value: str | None) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", value or "") if part)


@dataclass(frozen=True)
class Settings:
    """Where the data is and the limits every query runs under."""

    store: str | None = None
    endpoint: str | None = None
    in_memory: bool = True
    query_timeout: float = 10.0
    row_limit: int = 10000
    workers: int = 3
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, store: str | None = None, endpoint: str | None = None, in_memory: bool = True,
                 query_timeout: float | None = None, row_limit: int | None = None,
                 workers: int | None = None) -> "Settings":
        """Arguments first, then PLANGRAPH_STORE, _ENDPOINT, _QUERY_TIMEOUT, _ROW_LIMIT, _WORKERS, _CORS_ORIGINS."""
        return cls(store=store or os.environ.get("PLANGRAPH_STORE"),
                   endpoint=endpoint or os.environ.get("PLANGRAPH_ENDPOINT"),
                   in_memory=in_memory,
                   query_timeout=query_timeout or float(os.environ.get("PLANGRAPH_QUERY_TIMEOUT", "10")),
                   row_limit=row_limit or int(os.environ.get("PLANGRAPH_ROW_LIMIT", "10000")),
                   workers=workers if workers is not None else int(os.environ.get("PLANGRAPH_WORKERS", "3")),
                   cors_origins=_words(os.environ.get("PLANGRAPH_CORS_ORIGINS")))
