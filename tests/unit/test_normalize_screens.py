"""normalize: abbreviations found through their screens are exactly the patterns' own matches, and
expanded at once they map as row by row."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.extract.normalize import (_abbreviations, _Buffer, _characters, _expand_abbreviations, _expanded,
                                        _in_buffer, _screened)

PIECES = ["UBND", "HĐND", "-", "/", " ", "a", "Sở ", "TT&TT", "GD&ĐT", "UBMTTQ", "VN", "\n", "Văn hóa - Thể thao"]


@given(st.lists(st.sampled_from(PIECES), max_size=20))
@settings(max_examples=300, deadline=None)
def test_normalize_screened_abbreviations_are_the_pattern_s_own_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    for screen, pattern, _ in _abbreviations():
        assert [m.span() for m in _screened(screen, pattern, text)] == [m.span() for m in pattern.finditer(text)]


def _one_row_at_a_time(buffer: _Buffer) -> _Buffer:
    """Each row's expansions copied into a new buffer before the next row reads it."""
    for screen, pattern, expansion in _abbreviations():
        matches = _screened(screen, pattern, buffer.text())
        if matches:
            buffer = _expanded(buffer, [(m.start(), m.end(), expansion) for m in matches])
    return buffer


@given(st.lists(st.sampled_from(PIECES), max_size=20))
@settings(max_examples=300, deadline=None)
def test_normalize_abbreviations_expanded_at_once_map_as_row_by_row(pieces: list[str]) -> None:
    text = "".join(pieces)
    once, stepwise = _expand_abbreviations(_characters(text)), _one_row_at_a_time(_characters(text))
    assert (once.text(), list(once.starts), list(once.ends)) == \
        (stepwise.text(), list(stepwise.starts), list(stepwise.ends))


def test_normalize_abbreviation_spans_are_mapped_through_earlier_expansions() -> None:
    edits = [(2, 6, "Ủy ban nhân dân")]  # "a UBND b" → "a Ủy ban nhân dân b"
    assert _in_buffer(edits, [(0, 1), (18, 19)]) == [(0, 1), (7, 8)]
    assert _in_buffer(edits, [(5, 9)]) is None  # inside the expansion: read as the rows left it
