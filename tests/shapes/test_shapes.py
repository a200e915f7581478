"""Each shape meets one conforming and one violating snippet of inline Turtle."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SH

from plangraph.extract.check import check
from plangraph.extract.iris import DEFAULT_BASE
from plangraph.extract.schemas import shapes_graph

PREFIXES = """
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix plan: <https://w3id.org/plangraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <http://127.0.0.1:8000/eli/vn/lai-chau/kh/2021/1-kh-ubnd/> .
@prefix o: <http://127.0.0.1:8000/org/lai-chau/> .
@prefix src: <http://127.0.0.1:8000/eli/vn/lai-chau/kh/2021/1-kh-ubnd/source/> .
@prefix sec: <http://127.0.0.1:8000/eli/vn/lai-chau/kh/2021/1-kh-ubnd/section/> .
@prefix task: <http://127.0.0.1:8000/eli/vn/lai-chau/kh/2021/1-kh-ubnd/task/> .
"""

EVIDENCE = ':e a plan:Evidence ; oa:start "1"^^xsd:nonNegativeInteger ; oa:end "9"^^xsd:nonNegativeInteger ; ' \
           'oa:exact "Sở Nội vụ" ; oa:hasSource src:ab .'
SECTION = 'sec:III a eli:LegalResourceSubdivision ; plan:sectionPath "III" ; eli:is_part_of : ; ' \
          'eli:title "NHIỆM VỤ"@vi .'


@dataclass(frozen=True)
class Case:
    message: str  # the shape's English sh:message
    severity: str
    good: str
    bad: str


CASES = [
    Case("Task has no text.", "Violation",
         ':t a plan:Task ; plan:taskText "Tuyên truyền"@vi .', ':t a plan:Task .'),
    Case("Task has no evidence span in the source text.", "Violation",
         ':t a plan:Task ; plan:evidence :e . ' + EVIDENCE, ':t a plan:Task .'),
    Case("Task has no lead agency.", "Warning",
         ':t a plan:Task ; plan:leadAgency o:so-noi-vu .', ':t a plan:Task ; plan:coordinatingAgency o:so-noi-vu .'),
    Case('The task\'s only lead is a vague group (such as "các đơn vị liên quan").', "Warning",
         ':t a plan:Task ; plan:leadAgency o:g, o:so-noi-vu . o:g a plan:AgencyGroup .',
         ':t a plan:Task ; plan:leadAgency o:g . o:g a plan:AgencyGroup, org:Organization .'),
    Case("Indicator has no target.", "Violation",
         ':i a plan:Indicator ; plan:hasTarget :x . :x a plan:Target .', ':i a plan:Indicator .'),
    Case("Indicator has no evidence span in the source text.", "Violation",
         ':i a plan:Indicator ; plan:evidence :e .', ':i a plan:Indicator .'),
    Case("Indicator has no target year.", "Warning",
         ':i a plan:Indicator ; plan:hasTarget :x . :x plan:targetYear "2025"^^xsd:gYear .',
         ':i a plan:Indicator ; plan:hasTarget :x . :x schema:unitText "%" .'),
    Case("Indicator has no unit.", "Warning",
         ':i a plan:Indicator ; plan:hasTarget :x . :x schema:unitText "%" .',
         ':i a plan:Indicator ; plan:hasTarget :x . :x plan:targetYear "2025"^^xsd:gYear .'),
    Case("Target value is missing or not a decimal number (xsd:decimal).", "Violation",
         ':x a plan:Target ; schema:value "100"^^xsd:decimal .', ':x a plan:Target ; schema:value "một trăm" .'),
    Case("Target minimum is not a decimal number.", "Violation",
         ':x a plan:Target ; schema:minValue 5.0 .', ':x a plan:Target ; schema:minValue "năm" .'),
    Case("Target maximum is not a decimal number.", "Violation",
         ':x a plan:Target ; schema:maxValue 5.5 .', ':x a plan:Target ; schema:maxValue "abc"^^xsd:decimal .'),
    Case("Target minimum exceeds its maximum.", "Violation",
         ':x a plan:Target ; schema:minValue 2.0 ; schema:maxValue 3.0 .',
         ':x a plan:Target ; schema:minValue 3.0 ; schema:maxValue 2.0 .'),
    Case("Evidence has no valid start offset.", "Violation", EVIDENCE,
         ':e a plan:Evidence ; oa:start "abc" ; oa:end "9"^^xsd:nonNegativeInteger ; oa:exact "x" ; oa:hasSource src:ab .'),
    Case("Evidence has no valid end offset.", "Violation", EVIDENCE,
         ':e a plan:Evidence ; oa:start 1 ; oa:end "-3"^^xsd:integer ; oa:exact "x" ; oa:hasSource src:ab .'),
    Case("Evidence starts after it ends.", "Violation", EVIDENCE,
         ':e a plan:Evidence ; oa:start 9 ; oa:end 1 ; oa:exact "x" ; oa:hasSource src:ab .'),
    Case("Evidence has no quoted text.", "Violation", EVIDENCE,
         ':e a plan:Evidence ; oa:start 1 ; oa:end 9 ; oa:hasSource src:ab .'),
    Case("Evidence names no source text.", "Violation", EVIDENCE,
         ':e a plan:Evidence ; oa:start 1 ; oa:end 9 ; oa:exact "x" .'),
    Case("Evidence has an invalid table number.", "Violation", EVIDENCE + ' :e plan:tableNumber 2 .',
         EVIDENCE + ' :e plan:tableNumber 0 .'),
    Case("Evidence has an invalid table row.", "Violation", EVIDENCE + ' :e plan:tableRow 1 .',
         EVIDENCE + ' :e plan:tableRow 3, 4 .'),
    Case("Evidence has an invalid table column.", "Violation", EVIDENCE + ' :e plan:tableColumn 5 .',
         EVIDENCE + ' :e plan:tableColumn "x" .'),
    Case("Plan has no number (it may be a draft).", "Warning",
         'src:ab eli:realizes : . : eli:id_local "1/KH-UBND" .', 'src:ab eli:realizes : .'),
    Case("Plan has no date of issue.", "Warning",
         'src:ab eli:realizes : . : eli:date_document "2021-03-01"^^xsd:date .', 'src:ab eli:realizes : .'),
    Case("Plan has no title.", "Warning",
         'src:ab eli:realizes : . : eli:title "Kế hoạch"@vi .', 'src:ab eli:realizes : .'),
    Case("The plan's province was not found.", "Info",
         'src:ab eli:realizes : . : eli:jurisdiction <http://127.0.0.1:8000/ref/province/lai-chau> .',
         'src:ab eli:realizes : .'),
    Case("Source text realizes no plan.", "Violation",
         'src:ab a eli:LegalExpression ; eli:realizes : .', 'src:ab a eli:LegalExpression .'),
    Case("Source text has no file name.", "Violation",
         'src:ab a eli:LegalExpression ; plan:fileName "a.txt" .', 'src:ab a eli:LegalExpression .'),
    Case("Source text has no valid SHA-256.", "Violation",
         'src:ab a eli:LegalExpression ; plan:sha256 "' + "a" * 64 + '" .',
         'src:ab a eli:LegalExpression ; plan:sha256 "xyz" .'),
    Case("The source text's structure could not be outlined: only its header was read.", "Warning",
         'src:ab a eli:LegalExpression ; plan:fileName "a.txt" .',
         'src:ab a eli:LegalExpression ; plan:extractionWarning "no plan structure"@en .'),
    Case("Section has no path.", "Violation", SECTION, 'sec:III a eli:LegalResourceSubdivision .'),
    Case("Section belongs to no plan.", "Violation", SECTION, 'sec:III a eli:LegalResourceSubdivision .'),
    Case("The plan states objectives in this part but has no task.", "Warning",
         'sec:II a eli:LegalResourceSubdivision ; plan:sectionPath "II" ; eli:title "MỤC TIÊU"@vi ; '
         'eli:is_part_of : . : plan:hasTask task:III.1-1 .',
         'sec:II a eli:LegalResourceSubdivision ; plan:sectionPath "II" ; eli:title "MỤC TIÊU"@vi ; '
         'eli:is_part_of : .'),
    Case("Deadline does not say what is due.", "Violation",
         ':d a plan:Deadline ; plan:what "gửi báo cáo"@vi .', ':d a plan:Deadline .'),
    Case("Deadline has no evidence span in the source text.", "Violation",
         ':d a plan:Deadline ; plan:evidence :e .', ':d a plan:Deadline .'),
    Case("Due year is not a valid year.", "Violation",
         ':d a plan:Deadline ; plan:dueYear "2025"^^xsd:gYear .', ':d a plan:Deadline ; plan:dueYear "2025" .'),
    Case("Due date is not a valid date.", "Violation",
         ':d a plan:Deadline ; plan:dueDate "--12-20"^^xsd:gMonthDay .', ':d a plan:Deadline ; plan:dueDate "20/12" .'),
    Case("Deadline names no responsible agency.", "Info",
         ':d a plan:Deadline ; plan:responsibleAgency o:so-noi-vu .', ':d a plan:Deadline .'),
    Case("Deadline has no year or date.", "Violation",
         ':d a plan:Deadline ; plan:dueYear "2025"^^xsd:gYear .', ':d a plan:Deadline .'),
    Case("Citation has no document number.", "Violation",
         ':c a plan:Citation ; plan:citedNumber "206/QĐ-TTg" .', ':c a plan:Citation .'),
    Case("Citation points to no document.", "Violation",
         ':c a plan:Citation ; plan:citedDocument <http://127.0.0.1:8000/eli/vn/doc/206-qd-ttg> .', ':c a plan:Citation .'),
    Case("Citation relation must be implements or cites.", "Violation",
         ':c a plan:Citation ; plan:relation "implements" .', ':c a plan:Citation ; plan:relation "quotes" .'),
    Case("Citation has no evidence span in the source text.", "Violation",
         ':c a plan:Citation ; plan:evidence :e .', ':c a plan:Citation .'),
    Case("Budget item amount is missing or not a number.", "Violation",
         ':b a plan:BudgetItem ; plan:amount 1500.5 .', ':b a plan:BudgetItem ; plan:amount "1.500,5" .'),
    Case("Budget item has no currency unit.", "Warning",
         ':b a plan:BudgetItem ; schema:unitText "triệu đồng" .', ':b a plan:BudgetItem .'),
    Case("Budget parts do not add up to the total.", "Warning",
         ':b a plan:BudgetItem ; plan:partsAddUp true .', ':b a plan:BudgetItem ; plan:partsAddUp false .'),
    Case("Agency has no name.", "Violation",
         'o:so-noi-vu a org:Organization ; rdfs:label "Sở Nội vụ"@vi .', 'o:so-noi-vu a org:Organization .'),
    Case("Agency kind unknown, so it cannot be compared across provinces.", "Info",
         'o:so-noi-vu a org:Organization ; org:classification <http://127.0.0.1:8000/ref/agency-kind/so-noi-vu> . '
         'o:g a org:Organization, plan:AgencyGroup .',
         'o:so-noi-vu a org:Organization .'),
    Case("IRI is outside the configured base (or is a blank node).", "Violation",
         ':t a plan:Task .', '<https://example.org/task/1> a plan:Task . [] a plan:Evidence .'),
]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph(DEFAULT_BASE)


def _found(case: Case, turtle: str, shapes: Graph) -> list[str]:
    data = Graph().parse(data=PREFIXES + turtle, format="turtle")
    return [f.severity for f in check(data, shapes).findings if f.message_en == case.message]


@pytest.mark.parametrize("case", CASES, ids=[c.message for c in CASES])
def test_shape_conforming_fixture_passes(case: Case, shapes: Graph) -> None:
    assert _found(case, case.good, shapes) == []


@pytest.mark.parametrize("case", CASES, ids=[c.message for c in CASES])
def test_shape_violating_fixture_is_reported_with_its_severity(case: Case, shapes: Graph) -> None:
    found = _found(case, case.bad, shapes)
    assert found and set(found) == {case.severity}


def test_shapes_every_message_has_a_fixture_pair(shapes: Graph) -> None:
    messages = {str(m) for m in shapes.objects(None, SH.message) if isinstance(m, Literal) and m.language == "en"}
    assert messages == {c.message for c in CASES}


def test_shapes_every_message_is_in_vietnamese_and_english(shapes: Graph) -> None:
    for holder in set(shapes.subjects(SH.message, None)):
        languages = sorted(str(m.language) for m in shapes.objects(holder, SH.message) if isinstance(m, Literal))
        assert languages == ["en", "vi"], holder


def test_shapes_base_pattern_follows_the_configured_base() -> None:
    graph = shapes_graph("https://plans.example.vn")
    patterns = {str(p) for p in graph.objects(None, SH.pattern)}
    assert "^https://plans\\.example\\.vn/" in patterns
    data = Graph().parse(data=PREFIXES + ':t a plan:Task .', format="turtle")
    assert any("outside the configured base" in f.message_en for f in check(data, graph).findings)


def test_shapes_hoisting_keeps_the_findings(shapes: Graph) -> None:
    from pathlib import Path

    from plangraph.extract.paths import SHAPES_DIR
    from plangraph.extract.schemas import hoist_property_shapes

    raw = Graph()
    for path in sorted(Path(SHAPES_DIR).glob("*.ttl")):
        raw.parse(path, format="turtle")
    data = Graph()
    for case in CASES:
        data.parse(data=PREFIXES + case.bad, format="turtle")

    def key(graph: Graph) -> set[tuple[str, str, str]]:
        return {(f.severity, f.focus, f.message_en) for f in check(data, graph).findings}
    assert key(raw) == key(hoist_property_shapes(raw))
    assert len(key(raw)) > 20
