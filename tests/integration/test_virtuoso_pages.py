"""The pages' own queries (api/web/queries/*.rq) answer on Virtuoso as on the embedded store."""
from __future__ import annotations

import pytest
from rdflib import URIRef
from test_virtuoso import stores, virtuoso  # noqa: F401  (module fixtures reused)

from plangraph.api.storage.remote import SparqlStore
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.web.page_queries import QUERY_DIR, page_query
from plangraph.extract.iris import base_iri

pytestmark = [pytest.mark.virtuoso]
UNBOUND = sorted(p.stem for p in QUERY_DIR.glob("*.rq")
                 if "(bound:" not in p.read_text(encoding="utf-8").splitlines()[0])


def counts(rows: list[dict[str, object]], columns: list[str]) -> list[tuple[str, ...]]:
    """Rows as sorted tuples of text (numbers and IRIs compare as text on both engines; the order inside a
    GROUP_CONCAT is the engine's choice)."""
    return sorted(tuple("; ".join(sorted(str(row[c]).split("; "))) if row[c] is not None else "" for c in columns)
                  for row in rows)


@pytest.mark.parametrize("name", UNBOUND)
def test_virtuoso_pages_unbound_queries_match(stores: tuple[OxigraphStore, SparqlStore], name: str) -> None:  # noqa: F811
    embedded, remote = stores
    here, there = embedded.select(page_query(name)), remote.select(page_query(name))
    assert here.rows, name
    assert counts(there.rows, here.columns) == counts(here.rows, here.columns), name  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "variable", "iri"), [
    ("agency", "agency", "/org/bac-kan/so-tai-chinh"),
    ("agency_tasks", "agency", "/org/bac-kan/so-van-hoa-the-thao-va-du-lich"),
    ("agency_issued", "agency", "/org/bac-kan/uy-ban-nhan-dan-tinh-bac-kan"),
    ("fact", "fact", "/eli/vn/bac-kan/qd/2021/1472-qd-ubnd/task/V.3-1"),
    ("fact_details", "fact", "/eli/vn/bac-kan/qd/2021/1472-qd-ubnd/task/V.3-1"),
    ("audit", "plan", "/eli/vn/bac-kan/qd/2021/1472-qd-ubnd"),
])
def test_virtuoso_pages_bound_queries_match(stores: tuple[OxigraphStore, SparqlStore],  # noqa: F811
                                            name: str, variable: str, iri: str) -> None:
    embedded, remote = stores
    bindings = {variable: URIRef(base_iri() + iri)}
    here, there = embedded.select(page_query(name), bindings), remote.select(page_query(name), bindings)
    assert here.rows, name
    mine, theirs = counts(here.rows, here.columns), counts(there.rows, here.columns)  # type: ignore[arg-type]
    assert theirs == mine, (name, len(mine), len(theirs))
