"""Plan IRIs: renderings of one plan meet; distinct plans never share an IRI."""
from __future__ import annotations

from plangraph.extract.find import find_facts
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from plangraph.extract.to_rdf import plan_iri_of


def _iri(text: str) -> str:
    clean = normalize(text).text
    return str(plan_iri_of(find_facts(clean, outline(clean))))


BODY = "I. MỤC ĐÍCH\n1. Chủ động phòng chống {}.\nII. NHIỆM VỤ\n- Sở Y tế chủ trì.\n"


def test_plan_identity_untitled_plans_without_number_get_iris_from_their_content() -> None:
    first, second = _iri(BODY.format("dịch bệnh")), _iri(BODY.format("thiên tai"))
    assert first != second and "/draft/text-" in first
    assert _iri(BODY.format("dịch bệnh")) == first  # the same text, the same IRI


def test_plan_identity_a_number_without_a_year_does_not_merge_plans() -> None:
    head = "Số: 87/KH-UBND\nKẾ HOẠCH\nPHÒNG CHỐNG {}\n"
    first = _iri(head.format("DỊCH BỆNH") + BODY.format("dịch bệnh"))
    second = _iri(head.format("THIÊN TAI") + BODY.format("thiên tai"))
    assert first != second and "/undated/87-kh-ubnd-" in first


def test_plan_identity_same_number_and_year_meet_and_titles_without_number_meet() -> None:
    dated = "Số: 87/KH-UBND\nHà Giang, ngày 3 tháng 4 năm 2020\nKẾ HOẠCH\nPHÒNG CHỐNG DỊCH BỆNH\n"
    assert _iri(dated + BODY.format("a")) == _iri(dated + BODY.format("b"))
    title = "Phòng chống dịch bệnh trên địa bàn tỉnh Hà Giang"
    draft = "Số: /KH-UBND\nHà Giang, ngày tháng năm 2020\nKẾ HOẠCH\n{}\n"
    assert _iri(draft.format(title) + BODY.format("a")) == _iri(draft.format(title.upper()) + BODY.format("b"))
