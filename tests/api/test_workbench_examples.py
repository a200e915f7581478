"""Every named query opens in the workbench as a ready example that answers like the API does."""
from __future__ import annotations

from pathlib import Path

import pytest

from plangraph.api.query.catalog import load_all
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.web.named import fold_key
from plangraph.api.web.workbench import example_text

QUERIES = load_all()


@pytest.fixture(scope="module")
def store(seed_store: Path) -> OxigraphStore:
    return OxigraphStore.in_memory_copy(seed_store)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_workbench_example_answers_like_the_bound_query(store: OxigraphStore, name: str) -> None:
    query = QUERIES[name]
    bound = query.bind({k: fold_key(v) if k.endswith("_key") else v for k, v in query.example.items()})
    expected = store.select(query.text, bound).rows
    example = example_text(query)
    got = store.select(example).rows
    assert len(got) == len(expected)
    if query.example:
        assert len(got) > 0, f"the example of {name} finds nothing"
