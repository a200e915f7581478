"""Every row of the cue tables works on its own example, and no table carries seed content."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from plangraph.extract.agencies import mentions
from plangraph.extract.errors import PatternFileError
from plangraph.extract.normalize import fold, normalize
from plangraph.extract.outline import Section
from plangraph.extract.paths import PATTERNS_DIR, ROOT
from plangraph.extract.reference import provinces
from plangraph.extract.rules import Row, compile_regex, read_table
from plangraph.extract.table_header import column_role
from plangraph.extract.tasks import below_numbered, section_kind
from tests.conftest import SEEDS


def _rows(table: str, *columns: str) -> list[Row]:
    return list(read_table(table, ("id", *columns)))


def _ids(rows: list[Row]) -> list[str]:
    return [row.where for row in rows]


CUE_TABLES = {
    "roles.tsv": re.IGNORECASE,
    "task_cues.tsv": re.IGNORECASE,
    "plan_header.tsv": re.IGNORECASE | re.MULTILINE,
    "paragraphs.tsv": 0,
    "issuers.tsv": 0,
    "header_block.tsv": re.MULTILINE,
    "table_cues.tsv": re.IGNORECASE,
    "citation_cues.tsv": re.IGNORECASE,
}
CUE_ROWS = [(table, row) for table in CUE_TABLES for row in _rows(table, "cue", "example")]


@pytest.mark.parametrize(("table", "row"), CUE_ROWS, ids=[r.where for _, r in CUE_ROWS])
def test_patterns_cue_finds_its_example(table: str, row: Row) -> None:
    assert row["example"], f"{row.where}: no example"
    assert compile_regex(row, "cue", CUE_TABLES[table]).search(row["example"]), row.where


TABLE_COLUMNS = [row for row in _rows("table_cues.tsv", "kind", "role", "cue", "example") if row["kind"] == "column"]


@pytest.mark.parametrize("row", TABLE_COLUMNS, ids=_ids(TABLE_COLUMNS))
def test_patterns_table_column_example_gets_its_role(row: Row) -> None:
    assert column_role(row["example"]) == row["role"], row.where


NOISE = _rows("noise.tsv", "kind", "cue", "example")


@pytest.mark.parametrize("row", NOISE, ids=_ids(NOISE))
def test_patterns_noise_line_matches_its_example_whole(row: Row) -> None:
    assert compile_regex(row, "cue").fullmatch(row["example"]), row.where


ABBREVIATIONS = _rows("abbreviations.tsv", "abbreviation", "expansion", "example")


@pytest.mark.parametrize("row", ABBREVIATIONS, ids=_ids(ABBREVIATIONS))
def test_patterns_abbreviation_expands_in_its_example(row: Row) -> None:
    assert row["expansion"] in normalize(row["example"]).text, row.where


AGENCIES = _rows("agencies.tsv", "kind", "name", "example")


@pytest.mark.parametrize("row", AGENCIES, ids=_ids(AGENCIES))
def test_patterns_agency_is_found_in_its_example(row: Row) -> None:
    names = [m.agency.name for m in mentions(normalize(row["example"]).text)]
    # a body other than a Sở keeps the place written after its name ("Hội Nông dân tỉnh")
    assert any(n == row["name"] or n.startswith(row["name"] + " ") for n in names), (row.where, names)


GRAMMAR = [r for r in _rows("agency_grammar.tsv", "kind", "cue", "example") if r["kind"] == "committee"]


@pytest.mark.parametrize("row", GRAMMAR, ids=_ids(GRAMMAR))
def test_patterns_grammar_row_finds_an_agency_in_its_example(row: Row) -> None:
    assert mentions(normalize(row["example"]).text), row.where


HEADS = _rows("agency_heads.tsv", "type", "kind", "cue", "example")


@pytest.mark.parametrize("row", HEADS, ids=_ids(HEADS))
def test_patterns_agency_head_row_reads_the_name_in_its_example(row: Row) -> None:
    """A head example gives the [bracketed] name with the row's kind; a stop or level example ends the
    name where the brackets do; a `not` example gives no agency at all."""
    text = row["example"].replace("[", "").replace("]", "")
    found = [(m.agency.name, m.agency.kind) for m in mentions(normalize(text).text)]
    if row["type"] == "not":
        assert found == [], (row.where, found)
        return
    wanted = re.search(r"\[(.+?)\]", row["example"])
    assert wanted, f"{row.where}: no [name] in the example"
    names = [name for name, _ in found]
    assert wanted.group(1) in names, (row.where, found)
    if row["type"] == "head":
        assert (wanted.group(1), row["kind"]) in found, (row.where, found)


SECTIONS = _rows("sections.tsv", "kind", "cue", "example")


@pytest.mark.parametrize("row", SECTIONS, ids=_ids(SECTIONS))
def test_patterns_section_example_gets_its_kind(row: Row) -> None:
    numeral, _, title = row["example"].partition(". ")
    if row["kind"].startswith("sub-"):
        top = Section("I", "roman", "I", "TÌNH HÌNH", 0, 0)
        assert below_numbered(Section(f"I.{numeral}", "number", numeral, title, 0, 0, parent=top), row["kind"]), row.where
        return
    assert section_kind(Section(numeral, "roman", numeral, title, 0, 0)) == row["kind"], row.where


def test_patterns_row_ids_are_unique_within_a_table() -> None:
    for table in sorted(PATTERNS_DIR.glob("*.tsv")):
        ids = [row["id"] for row in read_table(table.name, ("id",))]
        assert len(ids) == len(set(ids)), (table.name, sorted({i for i in ids if ids.count(i) > 1}))


def test_patterns_bad_row_is_reported_with_table_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.tsv").write_text("id\tcue\texample\nok.1\tchủ trì\tChủ trì\nbad.1\t\tx\n", encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"bad\.tsv:3: empty cue"):
        read_table("bad.tsv", ("id", "cue", "example"), folder=tmp_path)
    (tmp_path / "cells.tsv").write_text("id\tcue\texample\nx.1\tchủ trì\n", encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"cells\.tsv:2: expected 3"):
        read_table("cells.tsv", ("id", "cue", "example"), folder=tmp_path)


def test_patterns_bad_regex_is_reported_with_table_and_line(tmp_path: Path) -> None:
    (tmp_path / "re.tsv").write_text("id\tcue\texample\nx.1\tchủ (trì\tChủ trì\n", encoding="utf-8")
    row = read_table("re.tsv", ("id", "cue", "example"), folder=tmp_path)[0]
    with pytest.raises(PatternFileError, match=r"re\.tsv:2: bad regular expression"):
        compile_regex(row, "cue")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(unicodedata.normalize("NFC", text)))


SHARED_DIR = ROOT.parent / "shared"
REAL_TEXTS = sorted((SHARED_DIR / "real").glob("*/*.txt")) if (SHARED_DIR / "real").is_dir() else []


def _province_names(paths: list[Path]) -> set[str]:
    names = set()
    for path in paths:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        names |= {p.name for p in provinces() if f"tỉnh {p.name}" in text or f"TỈNH {p.name.upper()}" in text}
    return names


def _grams(paths: list[Path]) -> set[str]:
    grams = set()
    for path in paths:
        words = _words(path.read_text(encoding="utf-8"))
        grams |= {" ".join(words[i:i + 9]) for i in range(len(words) - 8)}
    return grams


# Official names of bodies are the genre's vocabulary, not copied text ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh").
NAME_COLUMNS = {"agencies.tsv": "name"}


def _cells(content: str, table: str) -> list[str]:
    lines = content.splitlines()
    header = next((line.split("\t") for line in lines if line.strip() and not line.startswith("#")), [])
    skip = header.index(NAME_COLUMNS[table]) if NAME_COLUMNS.get(table) in header else -1
    cells = []
    for line in lines:
        parts = line.split("\t")
        name = parts[skip] if 0 <= skip < len(parts) and not line.startswith("#") else None
        # the name itself, wherever it stands in the row, is not copied text
        cells += [cell.replace(name, " ") if name else cell for i, cell in enumerate(parts)
                  if i != skip or line.startswith("#")]
    return cells


def _assert_tables_free_of(names: set[str], grams: set[str], what: str) -> None:
    for table in sorted(PATTERNS_DIR.glob("*.tsv")):
        content = unicodedata.normalize("NFC", table.read_text(encoding="utf-8"))
        for name in names:
            assert name not in content, f"{table.name} names {name} ({what})"
        for cell in _cells(content, table.name):
            words = _words(cell)
            copied = {" ".join(words[i:i + 9]) for i in range(len(words) - 8)} & grams
            assert not copied, f"{table.name} copies {what} text: {sorted(copied)[:2]}"


def test_patterns_name_no_seed_province_and_copy_no_seed_sentence() -> None:
    seed_names = _province_names(SEEDS)
    assert seed_names, "the seeds name their provinces"
    _assert_tables_free_of(seed_names, _grams(SEEDS), "seed")


@pytest.mark.skipif(not REAL_TEXTS, reason=f"no real plans at {SHARED_DIR / 'real'}")
def test_patterns_name_no_real_province_and_copy_no_real_sentence() -> None:
    real_names = _province_names(REAL_TEXTS)
    assert real_names, "the real plans name their provinces"
    _assert_tables_free_of(real_names, _grams(REAL_TEXTS), "real plan")
