"""One fact, counted once: the default graph holds each distinct fact once, whatever the renderings."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from plangraph.api.execution.workers import InlineExecutor
from plangraph.api.settings import Settings
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.web.app import create_app
from tests.conftest import Outcome

HAS_TASK = "<https://w3id.org/plangraph/ontology#hasTask>"


def _number(store: OxigraphStore, query: str) -> int:
    return int(str(store.select(query).rows[0]["n"]))


def test_facts_once_default_graph_counts_each_task_once(seed_store: Path) -> None:
    store = OxigraphStore.open_existing(seed_store)
    per_document = _number(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?g <http://data.europa.eu/eli/"
                                  f"ontology#realizes> ?plan . ?plan {HAS_TASK} ?task }} }}")
    distinct = _number(store, f"SELECT (COUNT(DISTINCT ?task) AS ?n) WHERE {{ GRAPH ?g {{ ?plan {HAS_TASK} ?task }} }}")
    counted = _number(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?plan {HAS_TASK} ?task }}")
    assert per_document > distinct  # two renderings of one plan state the same tasks
    assert counted == distinct == 157


def test_facts_once_default_graph_repeats_no_triple(seed_store: Path) -> None:
    store = OxigraphStore.open_existing(seed_store)
    every = _number(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    distinct = _number(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    assert every == distinct > 1000


def test_facts_once_every_fact_keeps_its_sources(seed_store: Path) -> None:
    store = OxigraphStore.open_existing(seed_store)
    rows = store.select(f"SELECT ?task (COUNT(DISTINCT ?g) AS ?n) WHERE {{ ?plan {HAS_TASK} ?task . GRAPH ?g {{ "
                        f"?g <https://w3id.org/plangraph/ontology#fileName> ?name . ?plan {HAS_TASK} ?task }} }} "
                        "GROUP BY ?task").rows
    sources = Counter(int(str(r["n"])) for r in rows)
    assert sum(sources.values()) == 157 and sources[2] > 50 and set(sources) == {1, 2}


def test_facts_once_reporting_calendar_has_no_duplicate_rows(seed_store: Path) -> None:
    store = OxigraphStore.open_existing(seed_store)
    with TestClient(create_app(Settings(store=str(seed_store), workers=0), InlineExecutor(store)),
                    base_url="http://127.0.0.1:8000") as client:
        response = client.get("/queries/reporting_calendar", params={"format": "json"})
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    assert rows and len(rows) == len({json.dumps(r, sort_keys=True) for r in rows})
    assert len({json.dumps(r["deadline"]) for r in rows}) == len(rows)  # one row per deadline


def test_facts_once_contract_rows_stay_per_document(cli: Callable[..., Outcome], seed_store: Path) -> None:
    rows = cli("query", "tasks", "--store", seed_store, "--format", "csv").csv()
    assert len(rows) == _number(OxigraphStore.open_existing(seed_store), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g {"
                                " ?g <http://data.europa.eu/eli/ontology#realizes> ?plan . ?plan " + HAS_TASK + " ?t } }")
