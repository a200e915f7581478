"""Every evidence node quotes the original text exactly between its offsets."""
from __future__ import annotations

from pathlib import Path

from api.store import OxigraphStore
from extract.decode import decode
from tests.conftest import SEEDS

QUERY = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX plan: <https://w3id.org/plangraph/ontology#>
SELECT ?name ?start ?end ?exact ?fact WHERE {
  GRAPH ?g { ?g plan:fileName ?name . ?fact plan:evidence ?e .
             ?e oa:hasSource ?g ; oa:start ?start ; oa:end ?end ; oa:exact ?exact }
}"""


def test_evidence_quotes_equal_the_original_text(seed_store: Path) -> None:
    originals = {p.name: decode(p.read_bytes(), p.name) for p in SEEDS}
    rows = OxigraphStore.open_existing(seed_store).select(QUERY).rows
    assert len(rows) > 300
    kinds = set()
    for row in rows:
        text = originals[str(row["name"])]
        start, end = int(str(row["start"])), int(str(row["end"]))
        assert 0 <= start < end <= len(text)
        assert text[start:end] == str(row["exact"]), row["fact"]
        kinds.add(str(row["fact"]).split("/")[-2])  # {plan}/task/V.1-2 → task
    assert {"task", "citation", "deadline", "section", "indicator", "budget"} <= kinds
