"""Server settings, from arguments or the environment (PLANGRAPH_*)."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    store: str | None = None
    endpoint: str | None = None
    in_memory: bool = True
    query_timeout: float = 10.0
    row_limit: int = 10000

    @classmethod
    def from_env(cls, store: str | None = None, endpoint: str | None = None, in_memory: bool = True) -> "Settings":
        return cls(store=store or os.environ.get("PLANGRAPH_STORE"),
                   endpoint=endpoint or os.environ.get("PLANGRAPH_ENDPOINT"),
                   in_memory=in_memory,
                   query_timeout=float(os.environ.get("PLANGRAPH_QUERY_TIMEOUT", "10")),
                   row_limit=int(os.environ.get("PLANGRAPH_ROW_LIMIT", "10000")))
