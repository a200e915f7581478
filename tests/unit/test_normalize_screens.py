"""normalize: abbreviations found through their screens are exactly the patterns' own matches."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.extract.normalize import _abbreviations, _screened

PIECES = ["UBND", "HĐND", "-", "/", " ", "a", "Sở ", "TT&TT", "GD&ĐT", "UBMTTQ", "VN", "\n", "Văn hóa - Thể thao"]


@given(st.lists(st.sampled_from(PIECES), max_size=20))
@settings(max_examples=300, deadline=None)
def test_normalize_screened_abbreviations_are_the_pattern_s_own_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    for screen, pattern, _ in _abbreviations():
        assert [m.span() for m in _screened(screen, pattern, text)] == [m.span() for m in pattern.finditer(text)]
