"""Server settings, from arguments or the environment (PLANGRAPH_*); the defaults are in README."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


def _words(value: str | None) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", value or "") if part)


def _number(name: str, default: float) -> float:
    return float(os.environ.get(name, "") or default)


@dataclass(frozen=True)
class Settings:
    """Where the data is and the limits every query and connection runs under."""

    store: str | None = None
    endpoint: str | None = None
    in_memory: bool = False
    query_timeout: float = 10.0
    row_limit: int = 10000
    workers: int = 3
    page_workers: int = 2
    queue: int = 16
    quick_workers: int = 1
    quick_timeout: float = 1.0
    query_memory_mb: int = 1024
    store_poll: float = 2.0
    max_body_bytes: int = 1_000_000
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    max_connections: int = 200
    cors_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()  # Host names answered besides local ones, addresses and the base's host
    served_host: str | None = None

    @classmethod
    def from_env(cls, store: str | None = None, endpoint: str | None = None, in_memory: bool = False,
                 query_timeout: float | None = None, row_limit: int | None = None,
                 workers: int | None = None) -> "Settings":
        """Arguments first, then PLANGRAPH_STORE, _ENDPOINT, _QUERY_TIMEOUT, _ROW_LIMIT, _WORKERS, _PAGE_WORKERS,
        _QUEUE, _QUICK_WORKERS, _QUICK_TIMEOUT, _QUERY_MEMORY_MB, _STORE_POLL, _MAX_BODY_BYTES, _HEADER_TIMEOUT, _BODY_TIMEOUT, _MAX_CONNECTIONS, _CORS_ORIGINS, _ALLOWED_HOSTS."""
        return cls(store=store or os.environ.get("PLANGRAPH_STORE"),
                   endpoint=endpoint or os.environ.get("PLANGRAPH_ENDPOINT"),
                   in_memory=in_memory,
                   query_timeout=query_timeout or _number("PLANGRAPH_QUERY_TIMEOUT", 10),
                   row_limit=row_limit or int(_number("PLANGRAPH_ROW_LIMIT", 10000)),
                   workers=workers if workers is not None else int(_number("PLANGRAPH_WORKERS", 3)),
                   page_workers=int(_number("PLANGRAPH_PAGE_WORKERS", 2)),
                   queue=int(_number("PLANGRAPH_QUEUE", 16)),
                   quick_workers=int(_number("PLANGRAPH_QUICK_WORKERS", 1)),
                   quick_timeout=_number("PLANGRAPH_QUICK_TIMEOUT", 1),
                   query_memory_mb=int(_number("PLANGRAPH_QUERY_MEMORY_MB", 1024)),
                   store_poll=_number("PLANGRAPH_STORE_POLL", 2),
                   max_body_bytes=int(_number("PLANGRAPH_MAX_BODY_BYTES", 1_000_000)),
                   header_timeout=_number("PLANGRAPH_HEADER_TIMEOUT", 10),
                   body_timeout=_number("PLANGRAPH_BODY_TIMEOUT", 30),
                   max_connections=int(_number("PLANGRAPH_MAX_CONNECTIONS", 200)),
                   cors_origins=_words(os.environ.get("PLANGRAPH_CORS_ORIGINS")),
                   allowed_hosts=_words(os.environ.get("PLANGRAPH_ALLOWED_HOSTS")))


def serving_base(store: str | None, host: str, port: int) -> tuple[str, str | None]:
    """The IRI base to serve, and a note when the store's IRIs will not answer at this address.

    PLANGRAPH_BASE wins; else the base the store was built with (its IRIs are fixed at build);
    else (a remote store, a store built before bases were recorded) the default base.
    """
    from plangraph.api.storage.store import recorded_base
    from plangraph.extract.iris import base_iri
    served = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"
    configured = os.environ.get("PLANGRAPH_BASE", "").rstrip("/")
    base = configured or (recorded_base(Path(store)) if store else None) or base_iri()
    note = None
    if base.rstrip("/") != served and not configured:
        note = (f"the store's IRIs were minted with the base {base}, so they answer there, not at {served}; "
                f"to serve them here, rebuild with --base {served} (or PLANGRAPH_BASE)")
    return base, note
