"""The ontology declares exactly the terms the code emits, labelled in Vietnamese and English."""
from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from plangraph.extract.paths import PATTERNS_DIR, REFERENCE_DIR, ROOT
from plangraph.extract.schemas import ontology_graph, reference_graph
from plangraph.extract.vocab import DCTERMS, ODRL, ORG, PLAN, PLAN_NS

REF = "http://127.0.0.1:8000/ref"


def _vocab_terms() -> set[str]:
    return {name for name in PLAN.__annotations__ if not name.startswith("_")}


def _declared(graph: Graph) -> set[str]:
    return {str(s)[len(PLAN_NS):] for s in graph.subjects(RDF.type, None)
            if isinstance(s, URIRef) and str(s).startswith(PLAN_NS)}


def test_ontology_declares_every_vocab_term_and_nothing_else() -> None:
    assert _declared(ontology_graph()) == _vocab_terms()


def test_ontology_terms_have_labels_and_definitions_in_both_languages() -> None:
    graph = ontology_graph()
    for name in _vocab_terms():
        term = PLAN[name]
        for predicate in (RDFS.label, SKOS.definition):
            languages = {o.language for o in graph.objects(term, predicate) if isinstance(o, Literal)}
            assert languages == {"vi", "en"}, (name, predicate)


def test_ontology_alignment_axioms() -> None:
    graph = ontology_graph()
    assert (PLAN.leadAgency, RDFS.subPropertyOf, PLAN.responsibleAgency) in graph
    assert (PLAN.coordinatingAgency, RDFS.subPropertyOf, PLAN.responsibleAgency) in graph
    assert (PLAN.leads, OWL.inverseOf, PLAN.leadAgency) in graph
    assert (PLAN.coordinates, OWL.inverseOf, PLAN.coordinatingAgency) in graph
    assert (PLAN.responsibleFor, OWL.inverseOf, PLAN.responsibleAgency) in graph
    assert (PLAN.Task, RDFS.subClassOf, ODRL.Duty) in graph
    assert (PLAN.AgencyGroup, RDFS.subClassOf, ORG.Organization) in graph
    assert graph.value(URIRef(PLAN_NS.rstrip("#")), OWL.versionInfo) is not None


def _load_generator() -> object:
    spec = importlib.util.spec_from_file_location("make_reference", ROOT / "scripts" / "make_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_ttl_in_step_with_tables() -> None:
    assert _load_generator().out_of_step() == []  # type: ignore[attr-defined]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def test_reference_provinces_carry_every_gso_code_of_both_eras() -> None:
    graph = reference_graph("http://127.0.0.1:8000")
    codes = {(str(o.datatype).rsplit("/", 1)[-1], str(o)) for o in graph.objects(None, SKOS.notation)
             if isinstance(o, Literal) and o.datatype and "gso-code" in str(o.datatype)}
    expected = {(r["era"], r["code"]) for r in _rows(REFERENCE_DIR / "provinces.tsv")}
    assert codes == expected
    assert len([c for c in codes if c[0] == "2025"]) == 34


def test_reference_bac_kan_merged_into_thai_nguyen() -> None:
    graph = reference_graph("http://127.0.0.1:8000")
    bac_kan, thai_nguyen = URIRef(f"{REF}/province/bac-kan"), URIRef(f"{REF}/province/thai-nguyen")
    events = set(graph.subjects(ORG.originalOrganization, bac_kan))
    assert len(events) == 1
    event = events.pop()
    assert (event, RDF.type, ORG.ChangeEvent) in graph
    assert (event, ORG.resultingOrganization, thai_nguyen) in graph
    assert str(graph.value(event, DCTERMS.date)) == "2025-07-01"


def test_reference_department_successors() -> None:
    graph = reference_graph("http://127.0.0.1:8000")
    kind = f"{REF}/agency-kind/"
    pairs = {("so-thong-tin-va-truyen-thong", "so-khoa-hoc-va-cong-nghe"), ("so-ke-hoach-va-dau-tu", "so-tai-chinh"),
             ("so-lao-dong-thuong-binh-va-xa-hoi", "so-noi-vu"),
             ("so-tai-nguyen-va-moi-truong", "so-nong-nghiep-va-moi-truong"),
             ("so-nong-nghiep-va-phat-trien-nong-thon", "so-nong-nghiep-va-moi-truong"),
             ("so-giao-thong-van-tai", "so-xay-dung")}
    for old, new in pairs:
        assert (URIRef(kind + old), DCTERMS.isReplacedBy, URIRef(kind + new)) in graph


def test_reference_agency_kinds_cover_the_kinds_extraction_writes() -> None:
    known = {r["id"] for r in _rows(REFERENCE_DIR / "agency_kinds.tsv")}
    written = {r["kind"] for r in _rows(PATTERNS_DIR / "agencies.tsv")}
    assert written <= known, written - known


def test_reference_document_types_follow_the_pattern_table() -> None:
    graph = reference_graph("http://127.0.0.1:8000")
    codes = {r["code"] for r in _rows(PATTERNS_DIR / "doc_types.tsv")}
    scheme = URIRef(f"{REF}/document-type")
    found = {str(graph.value(c, SKOS.notation)) for c in graph.subjects(SKOS.inScheme, scheme)}
    assert found == codes


def test_reference_iris_follow_the_configured_base() -> None:
    graph = reference_graph("https://plans.example.vn")
    assert (URIRef("https://plans.example.vn/ref/role/lead"), RDF.type, SKOS.Concept) in graph


def test_reference_agency_kinds_cover_the_heads_extraction_falls_back_to() -> None:
    known = {r["id"] for r in _rows(REFERENCE_DIR / "agency_kinds.tsv")}
    heads = {r["kind"] for r in _rows(PATTERNS_DIR / "agency_heads.tsv") if r["type"] == "head"}
    assert heads <= known, heads - known


def test_reference_every_merged_away_province_has_a_successor() -> None:
    """Each pre-2025 province that is not a unit since 1 July 2025 was merged into one that is."""
    import csv

    from plangraph.extract.paths import REFERENCE_DIR
    with (REFERENCE_DIR / "provinces.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    current = {r["name"] for r in rows if r["era"] == "2025"}
    with (REFERENCE_DIR / "province_successors.tsv").open(encoding="utf-8") as handle:
        successor = {r["old_name"]: r["new_name"] for r in csv.DictReader(handle, delimiter="\t")}
    old = {r["name"] for r in rows if r["era"] == "pre2025"}
    assert set(successor) == old
    assert set(successor.values()) == current
    assert successor["Bắc Kạn"] == "Thái Nguyên"
    assert all(successor[name] == name for name in old & current)


def test_reference_thua_thien_hue_is_the_pre2025_unit_replaced_by_hue() -> None:
    graph = reference_graph("http://127.0.0.1:8000")
    old, new = URIRef(f"{REF}/province/thua-thien-hue"), URIRef(f"{REF}/province/hue")
    assert (old, DCTERMS.isReplacedBy, new) in graph
    assert (old, SKOS.inScheme, URIRef(f"{REF}/province/scheme/pre2025")) in graph
    assert (new, SKOS.inScheme, URIRef(f"{REF}/province/scheme/pre2025")) not in graph
