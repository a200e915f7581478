"""The SPARQL behind the pages (api/web/queries/*.rq), run in the page lane as plain string rows."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib.term import Node

from plangraph.api.execution.jobs import Table
from plangraph.api.execution.workers import Executor

QUERY_DIR = Path(__file__).parent / "queries"
ROW_LIMIT = 20000


@cache
def page_query(name: str) -> str:
    """The text of one page query, read once."""
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def plain(table: Table) -> list[dict[str, str]]:
    """Rows with every cell as text ('' when unbound)."""
    return [{c: "" if row[c] is None else str(row[c]) for c in table.columns} for row in table.rows]


async def rows(executor: Executor, name: str, **bindings: Node) -> list[dict[str, str]]:
    """Run one page query with its bindings and return its rows as text."""
    table: Table = await executor.run("select", query=page_query(name), bindings=bindings, row_limit=ROW_LIMIT)
    return plain(table)
