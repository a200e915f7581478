"""`plangraph build`: bad input is refused with a clear error and the store is left as it was."""
from __future__ import annotations

import codecs
import hashlib
import os
import pty
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import OCR_SEED, SEEDS, Outcome

Cli = Callable[..., Outcome]


def fingerprint(store: Path) -> dict[str, str]:
    """Every file of a store with its content hash: equal fingerprints mean an untouched store."""
    return {str(p.relative_to(store)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(store.rglob("*")) if p.is_file()}


@pytest.fixture
def store(tmp_path: Path, seed_store: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG image"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG image"),
    "zeros": (b"\x00" * 4096, "only zero bytes"),
    "nul-in-text": ("Kế hoạch".encode() + b"\x00\x01\x02" + b"x" * 100, "NUL byte"),
    "empty": (b"", "empty"),
    "blank": (b"  \r\n\t\n  ", "only blank space"),
    "not-a-plan": ("Xin chào, đây là một lá thư ngắn.\nKhông có mục nào cả.\n".encode(), "no plan structure"),
    "latin-1": ("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".encode("latin-1") * 20, "not UTF-8"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_build_bad_input_is_refused_and_store_untouched(kind: str, cli: Cli, store: Path, tmp_path: Path) -> None:
    data, message = BAD_INPUTS[kind]
    bad = tmp_path / f"bad-{kind}.txt"
    bad.write_bytes(data)
    before = fingerprint(store)
    outcome = cli("build", bad, "--store", store)
    assert outcome.code == 2
    assert str(bad) in outcome.err and message in outcome.err
    assert "Traceback" not in outcome.err
    assert fingerprint(store) == before


def test_build_one_bad_file_refuses_the_whole_batch(cli: Cli, store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(OCR_SEED, folder / "good.txt")
    (folder / "scan.txt").write_bytes(BAD_INPUTS["pdf"][0])
    before = fingerprint(store)
    outcome = cli("build", folder, "--store", store)
    assert outcome.code == 2 and "scan.txt" in outcome.err
    assert fingerprint(store) == before


def test_build_skip_bad_stores_the_rest_and_reports(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(OCR_SEED, folder / "good.txt")
    (folder / "scan.txt").write_bytes(BAD_INPUTS["pdf"][0])
    store = tmp_path / "new-store"
    outcome = cli("build", folder, "--store", store, "--skip-bad")
    assert outcome.code == 0
    assert "skipped" in outcome.err and "scan.txt" in outcome.err
    rows = cli("query", "plans", "--store", store, "--format", "csv").csv()
    assert [r["document"] for r in rows] == ["good.txt"]


def test_build_missing_path_is_bad_input(cli: Cli, tmp_path: Path) -> None:
    outcome = cli("build", tmp_path / "nowhere.txt", "--store", tmp_path / "s")
    assert outcome.code == 2 and "nowhere.txt" in outcome.err and "no such file" in outcome.err
    assert not (tmp_path / "s").exists()


def test_build_refuses_to_overwrite_a_folder_that_is_not_a_store(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "keep.me").write_text("precious")
    outcome = cli("build", OCR_SEED, "--store", folder)
    assert outcome.code == 2 and "not a plangraph store" in outcome.err
    assert (folder / "keep.me").read_text() == "precious"


def test_build_is_idempotent(cli: Cli, store: Path) -> None:
    def count() -> int:
        out = cli("query", Path(__file__).parent / "count.rq", "--store", store, "--format", "csv")
        return int(out.csv()[0]["n"])

    first = count()
    assert cli("build", *SEEDS, "--store", store).code == 0
    assert count() == first


def test_build_replaces_an_edited_file(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "plan.txt"
    plan.write_bytes(OCR_SEED.read_bytes())
    store = tmp_path / "store"
    assert cli("build", folder, "--store", store).code == 0
    plan.write_bytes(OCR_SEED.read_bytes().replace("Sở Tư pháp".encode(), "Sở Y tế".encode()))
    assert cli("build", folder, "--store", store).code == 0
    rows = cli("query", "responsibilities", "--store", store, "--format", "csv").csv()
    agencies = {r["agency"] for r in rows}
    assert "Sở Y tế" in agencies and "Sở Tư pháp" not in agencies
    assert len(cli("query", "plans", "--store", store, "--format", "csv").csv()) == 1


def test_build_reads_every_encoding_the_same(cli: Cli, tmp_path: Path) -> None:
    text = OCR_SEED.read_text(encoding="utf-8")
    variants = {
        "utf8.txt": text.encode("utf-8"),
        "utf8-bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16le-bom.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf16be-bom.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "cp1258.txt": to_windows_1258(text),
        "nfd-crlf.txt": unicodedata.normalize("NFD", text).replace("\n", "\r\n").encode("utf-8"),
        "odd-spaces.txt": text.replace("Sở ", "Sở\u00a0").replace("và ", "và\u2009")
                              .replace("thư viện ", "thư viện\u202f").encode("utf-8"),
    }
    folder = tmp_path / "encodings"
    folder.mkdir()
    for name, data in variants.items():
        (folder / name).write_bytes(data)
    store = tmp_path / "store"
    assert cli("build", folder, "--store", store).code == 0
    tasks = cli("query", "responsibilities", "--store", store, "--format", "csv").csv()
    by_doc: dict[str, set[tuple[str, str, str]]] = {}
    for row in tasks:
        by_doc.setdefault(row["document"], set()).add((row["section"], row["agency"], row["role"]))
    reference = by_doc["utf8.txt"]
    assert len(reference) > 50
    for name in variants:
        assert by_doc[name] == reference, name
    plans = cli("query", "plans", "--store", store, "--format", "csv").csv()
    assert len({r["plan"] for r in plans}) == 1


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 the way Vietnamese editors write it: precomposed vowels, combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (letter + tones).encode("cp1258")
    return bytes(out)


def _build_in(tmp_path: Path, tty: bool) -> str:
    """Run the installed command with stderr on a terminal or a pipe; return what stderr showed."""
    command = [sys.executable, "-m", "plangraph.api.cli", "build", str(OCR_SEED), str(SEEDS[1]),
               "--store", str(tmp_path / ("tty" if tty else "pipe")), "--workers", "1"]
    if not tty:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=120) == 0
    os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_build_shows_progress_in_a_terminal_and_is_quiet_in_a_pipe(tmp_path: Path) -> None:
    shown = _build_in(tmp_path, tty=True)
    assert "[1/2]" in shown and "[2/2]" in shown and "stored 2 documents" in shown
    assert _build_in(tmp_path, tty=False) == ""


FLAT_PLAN = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI ------- Số: 77/KH-UBND Lào Cai, ngày 12 tháng 4 năm 2022 KẾ HOẠCH "
             "PHÒNG CHỐNG THIÊN TAI NĂM 2022 Căn cứ Luật Phòng chống thiên tai; UBND tỉnh ban hành Kế hoạch như "
             "sau: MỤC ĐÍCH Chủ động phòng chống, giảm thiệt hại.\n")


def test_build_plan_header_without_structure_is_built_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    text = tmp_path / "flat.txt"
    text.write_text(FLAT_PLAN, encoding="utf-8")
    store = tmp_path / "store"
    outcome = cli("build", text, "--store", store)
    assert outcome.code == 0, outcome.err
    assert "warning: flat.txt:" in outcome.err and "no plan structure" in outcome.err
    plans = cli("query", "plans", "--store", store, "--format", "csv").csv()
    assert [(p["number"], p["title"]) for p in plans] == [("77/KH-UBND", "PHÒNG CHỐNG THIÊN TAI NĂM 2022")]
    report = cli("validate", "--store", store, "--format", "text")
    assert "only its header was read" in report.out
