"""normalize: NFC, one space kind, undone hard wraps, dropped furniture, and a map back to the original."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.decode import decode
from extract.normalize import fold, normalize, strip_marks
from tests.conftest import PDF_SEED

VIETNAMESE = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ"
                                                  "ìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                                                  "ÀÁĐÊÔƠƯ .,;:-+()/0123456789\n\t\u00a0\u2009\u202f\r")),
                     max_size=300)


@given(VIETNAMESE)
@settings(max_examples=200, deadline=None)
def test_normalize_is_idempotent_and_nfc(text: str) -> None:
    once = normalize(text).text
    assert unicodedata.is_normalized("NFC", once)
    assert normalize(once).text == once


@given(VIETNAMESE)
@settings(max_examples=200, deadline=None)
def test_normalize_maps_every_character_into_the_original(text: str) -> None:
    clean = normalize(unicodedata.normalize("NFD", text))
    assert len(clean.starts) == len(clean.ends) == len(clean.text)
    for start, end in zip(clean.starts, clean.ends):
        assert 0 <= start <= end <= len(unicodedata.normalize("NFD", text))


def test_normalize_span_of_a_decomposed_word_quotes_the_original() -> None:
    original = unicodedata.normalize("NFD", "Giao Sở Nội vụ chủ trì.")
    clean = normalize(original)
    at = clean.text.index("Sở Nội vụ")
    start, end = clean.original_span(at, at + len("Sở Nội vụ"))
    assert unicodedata.normalize("NFC", original[start:end]) == "Sở Nội vụ"


def test_normalize_expands_abbreviations_but_not_inside_document_numbers() -> None:
    text = normalize("Sở VH,TT&DL và UBND tỉnh theo Thông tư số 13/2020/TT-BGDĐT").text
    assert text == "Sở Văn hóa, Thể thao và Du lịch và Ủy ban nhân dân tỉnh theo Thông tư số 13/2020/TT-BGDĐT"


def test_normalize_drops_page_numbers_and_web_furniture() -> None:
    page = ("Trang chủ » Văn bản » Kế hoạch\nKẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n- 2 -\n"
            "1. Chung\nLượt xem: 1.234\nTải về\nVăn bản liên quan\n1. Quyết định 12/QĐ-UBND\n2. Thông báo")
    assert normalize(page).text == "KẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n1. Chung"


def test_normalize_undoes_pdf_hard_wraps() -> None:
    clean = normalize(decode(PDF_SEED.read_bytes(), PDF_SEED.name)).text
    assert "Phát triển mạng lưới thư viện giai đoạn 2021 - 2025, định hướng đến năm 2030 trên địa bàn tỉnh " \
           "Lai Châu\n" in clean
    assert "\n2.1.4. Chỉ tiêu về ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động thư viện.\n" in clean


def test_fold_unifies_tone_placement_and_strip_marks_removes_diacritics() -> None:
    assert fold("Uỷ ban, hoá") == fold("ủy ban, hóa")
    assert strip_marks("Đoàn Thể") == "doan the"


def test_normalize_punctuation_before_a_lower_case_word_does_not_continue_a_line() -> None:
    # a line counts as a continuation only when it starts with a lower-case letter
    once = normalize(":\r:\ra").text
    assert once == ":\n: a"
    assert normalize(once).text == once
