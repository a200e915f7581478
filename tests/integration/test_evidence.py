"""Every evidence node quotes the original text exactly between its offsets."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from plangraph.api.storage.store import OxigraphStore
from plangraph.extract.decode import decode
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


def test_evidence_two_parts_numbered_alike_keep_one_span_each() -> None:
    from plangraph.extract.check import check
    from plangraph.extract.iris import DEFAULT_BASE
    from plangraph.extract.pipeline import process_text
    from plangraph.extract.schemas import shapes_graph

    text = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 3 tháng 4 năm 2024\n"
            "KẾ HOẠCH\nThử nghiệm hai phần cùng số\n"
            "V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí thực hiện.\n"
            "V. CHẾ ĐỘ BÁO CÁO\n1. Các sở báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.\n")
    built = process_text(text, "alike.txt", "0" * 64)
    graph = Graph()
    graph += built.graph
    report = check(graph, shapes_graph(DEFAULT_BASE))
    assert not [f for f in report.findings if f.severity == "Violation"], report.findings
    spans = {}
    for node, start in built.graph.subject_objects(URIRef("http://www.w3.org/ns/oa#start")):
        spans.setdefault(node, []).append(int(start))
    assert spans and all(len(starts) == 1 for starts in spans.values())
