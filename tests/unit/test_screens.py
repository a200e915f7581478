"""screens and rules.finditer_at: skipping a text or a position never loses a match."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.extract.cues import cues, either
from plangraph.extract.layout import _INTERNAL, _STOP_SPACE
from plangraph.extract.measures import _value_regex, _values
from plangraph.extract.metadata import _LAW, _LAW_WORD
from plangraph.extract.rules import finditer_at, read_table
from plangraph.extract.screens import could_match, required
from plangraph.extract.tasks import role_cue, task_cue, task_cues

PIECES = ["hằng ", "HẰNG ", "tháng ", "THÁNG ", "quý ", "năm ", "ngày ", "trước ", "Trước ", "hoàn thành ",
          "HOÀN THÀNH ", "20/12", " 2026", "phối hợp với ", "PHỐI HỢP ", "chủ trì ", "yêu cầu ", "đề nghị ",
          "phấn đấu ", "bảo đảm ", "tương ứng ", "lần lượt ", "Sở Y tế", ", ", ". ", "; ", "\n", "ı", "ſ", "İ",
          "Σ", "s", "i", "mỗi ", "định kỳ ", "sơ kết ", "chậm nhất là "]


def _patterns() -> list[re.Pattern[str]]:
    kinds = {row["kind"] for row in read_table("task_cues.tsv", ("id", "kind", "cue", "example"))}
    found = [p for kind in sorted(kinds) for p in task_cues(kind)]
    found += [task_cue(kind) for kind in ("monthly", "daily", "quarterly", "annual")]
    roles = {row["role"] for row in read_table("roles.tsv", ("id", "role", "cue", "example"))}
    found += [role_cue(role) for role in sorted(roles)]
    kinds = {row["kind"] for row in read_table("indicator_cues.tsv", ("id", "kind", "cue", "example"))}
    found += [p for kind in sorted(kinds) for p in cues(kind)] + [either("target"), either("respective")]
    return found


PATTERNS = _patterns()


def test_screens_find_the_words_a_pattern_needs() -> None:
    assert required(re.compile(r"(?<!\w)(?:hằng|mỗi)\s+tháng", re.IGNORECASE)) == {"tháng"}
    assert required(re.compile(r"(?:trước|Đến)\s+\d")) == {"trước", "đến"}
    assert required(re.compile(r"(?:trước|)\s+\d")) is None  # an empty branch needs nothing
    assert required(re.compile(r"(?:x\s+)?\d+")) is None  # an optional part needs nothing


@given(st.lists(st.sampled_from(PIECES), max_size=12))
@settings(max_examples=400, deadline=None)
def test_screens_never_skip_a_text_a_cue_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern in PATTERNS:
        if pattern.search(text):
            assert could_match(pattern, text), (pattern.pattern, text)


def test_screens_judge_case_insensitive_matches_on_odd_letters() -> None:
    cue = re.compile("sơ kết", re.IGNORECASE)
    assert cue.search("ſơ kết") and could_match(cue, "ſơ kết")  # long s: matched as "s", never lowered to it
    assert not could_match(cue, "tổng kết")


VALUE_PIECES = ["1", "12", "1.234", "5,5", "2025", "%", " ", "-", "–", "/", ".", ",", " người", " tỷ đồng",
                "a", "năm ", "đến ", "Luật ", "Luật Đất đai", "Luật ngân sách", "x", ": ", "I. ", "1. ", "- ",
                "Kế hoạch", "KẾ HOẠCH", "\n"]


@given(st.lists(st.sampled_from(VALUE_PIECES), max_size=16))
@settings(max_examples=400, deadline=None)
def test_rules_finditer_at_finds_the_pattern_s_own_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in _values(text)] == [m.span() for m in _value_regex().finditer(text)]
    laws = finditer_at(_LAW, text, (m.start() for m in _LAW_WORD.finditer(text)))
    assert [m.span() for m in laws] == [m.span() for m in _LAW.finditer(text)]
    units = finditer_at(_INTERNAL, text, (stop.start() + 1 for stop in _STOP_SPACE.finditer(text)))
    assert [m.span() for m in units] == [m.span() for m in _INTERNAL.finditer(text)]
