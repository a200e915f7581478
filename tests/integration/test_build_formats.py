"""Plans as provinces publish them: Word, PDF and saved web pages made from real plan texts score
like the texts and mint the same plan; a scan is read by OCR where Tesseract is installed; bad
files of these formats are refused with the file's name, exit code 2 and the store unchanged."""
from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from plangraph.api.cli import main
from plangraph.api.storage.store import OxigraphStore
from plangraph.extract.normalize import normalize
from plangraph.extract.paths import ROOT
from plangraph.extract.readers import ocr
from plangraph.extract.tables import find_tables
from tests.conftest import SEEDS, Outcome
from tests.integration.test_build import fingerprint

pytest.importorskip("docx")
pytest.importorskip("reportlab")

from tests.render_formats import FONT, renderings, to_pdf, to_scan_pdf  # noqa: E402

pytestmark = pytest.mark.skipif(not FONT.is_file(), reason=f"no DejaVu Sans at {FONT} (Debian fonts-dejavu-core)")

Cli = Callable[..., Outcome]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
# a decision carrying a plan (sample) and a budget plan made of indicator and budget tables (real)
PLANS = [(SHARED / "seeds" / "001_4a930bdb9db51fe3.txt", SHARED / "gold" / "001_4a930bdb9db51fe3.json"),
         (SHARED / "real" / "texts" / "10_ca-mau.txt", SHARED / "real" / "gold" / "10_ca-mau.json")]
HEADER_PLAN = SHARED / "real" / "texts" / "08_bac-ninh.txt"
FORMATS = (".docx", ".pdf", ".html")
PLAN_TERM = "https://w3id.org/plangraph/ontology#"
needs_shared = pytest.mark.skipif(not SCORER.is_file() or not all(t.is_file() and g.is_file() for t, g in PLANS),
                                  reason=f"no scorer and gold at {SHARED} (shared material beside the clone)")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """(folder, store): each plan as its text and its three renderings, built in one batch."""
    folder = tmp_path_factory.mktemp("formats") / "plans"
    folder.mkdir()
    for text, _ in PLANS:
        shutil.copy(text, folder / text.name)
        for suffix, data in renderings(text.read_text(encoding="utf-8")).items():
            (folder / f"{text.stem}{suffix}").write_bytes(data)
    store = folder.parent / "store"
    assert main(["build", str(folder), "--store", str(store), "--workers", "1"]) == 0
    yield folder, store


@needs_shared
@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("plan", [t.stem for t, _ in PLANS])
def test_build_formats_rendering_scores_like_its_text(plan: str, suffix: str, rendered: tuple[Path, Path],
                                                       cli: Cli, tmp_path: Path) -> None:
    _, store = rendered
    score = _scorer()
    rows = {name: cli("query", name, "--store", store, "--format", "csv").csv() for name in score.QUERIES}
    gold_file = dict(PLANS)[next(t for t, _ in PLANS if t.stem == plan)]
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    f1 = {}
    for name in (f"{plan}.txt", f"{plan}{suffix}"):
        gold_dir = tmp_path / name
        gold_dir.mkdir()
        (gold_dir / "gold.json").write_text(json.dumps(dict(gold, document=name), ensure_ascii=False), encoding="utf-8")
        f1[name] = score.score(gold_dir, rows, {name})["overall"]["f1"]
    assert f1[f"{plan}{suffix}"] >= f1[f"{plan}.txt"] - 0.03, f1
    plan_of = {r["document"]: r["plan"] for r in rows["plans"]}
    assert plan_of[f"{plan}{suffix}"] == plan_of[f"{plan}.txt"]


@needs_shared
def test_build_formats_source_keeps_hash_media_type_and_text(rendered: tuple[Path, Path]) -> None:
    folder, store = rendered
    db = OxigraphStore.open_existing(store)
    rows = db.select(f"""SELECT ?name ?hash ?type ?text WHERE {{ ?doc <{PLAN_TERM}fileName> ?name ;
        <{PLAN_TERM}sha256> ?hash ; <http://purl.org/dc/terms/format> ?type .
        OPTIONAL {{ ?doc <{PLAN_TERM}extractedText> ?text }} }}""")
    by_name = {str(r["name"]): r for r in rows.rows}
    stem = PLANS[1][0].stem
    for suffix, kind in ((".pdf", "application/pdf"), (".html", "text/html"),
                         (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")):
        row = by_name[f"{stem}{suffix}"]
        assert str(row["hash"]) == hashlib.sha256((folder / f"{stem}{suffix}").read_bytes()).hexdigest()
        assert str(row["type"]) == kind and "Cà Mau" in str(row["text"])
    assert by_name[f"{stem}.txt"].get("text") is None  # a text file is its own text


@needs_shared
@pytest.mark.parametrize("suffix", FORMATS)
def test_build_formats_table_fact_records_table_row_and_column(suffix: str, rendered: tuple[Path, Path]) -> None:
    """Each indicator read in a table quotes exactly the cell at the table, row and column it records."""
    _, store = rendered
    name = f"{PLANS[1][0].stem}{suffix}"
    db = OxigraphStore.open_existing(store)
    rows = db.select(f"""SELECT ?exact ?table ?row ?column ?text WHERE {{
        ?doc <{PLAN_TERM}fileName> "{name}" ; <{PLAN_TERM}extractedText> ?text .
        ?indicator a <{PLAN_TERM}Indicator> ; <{PLAN_TERM}evidence> ?e .
        ?e <http://www.w3.org/ns/oa#hasSource> ?doc ; <http://www.w3.org/ns/oa#exact> ?exact ;
           <{PLAN_TERM}tableNumber> ?table ; <{PLAN_TERM}tableRow> ?row ; <{PLAN_TERM}tableColumn> ?column }}""")
    assert len(rows.rows) > 50
    tables = find_tables(normalize(str(rows.rows[0]["text"])).text)
    for row in rows.rows:
        table = tables[int(str(row["table"])) - 1]
        cell = table.rows[int(str(row["row"])) - 1].cells[int(str(row["column"])) - 1]
        assert cell.text == str(row["exact"]), row


def test_build_formats_folder_reads_every_format(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    seed = SEEDS[1]
    shutil.copy(seed, folder / "a.txt")
    for suffix, data in renderings(seed.read_text(encoding="utf-8")).items():
        (folder / f"b{suffix}").write_bytes(data)
    (folder / "c.htm").write_bytes((folder / "b.html").read_bytes())
    store = tmp_path / "store"
    outcome = cli("build", folder, "--store", store, "--workers", "1")
    assert outcome.code == 0, outcome.err
    assert "ignored" not in outcome.err
    rows = cli("query", "plans", "--store", store, "--format", "csv").csv()
    assert sorted(r["document"] for r in rows) == ["a.txt", "b.docx", "b.html", "b.pdf", "c.htm"]
    assert len({r["plan"] for r in rows}) == 1


def _encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=StandardEncryption("secret", "owner"))
    page.drawString(72, 720, "KE HOACH")
    page.save()
    return out.getvalue()


def _zip_of_photos() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/readme.txt", "holiday photos")
    return out.getvalue()


BAD_FILES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "corrupt-pdf": ("plan.pdf", lambda: to_pdf(SEEDS[1].read_text(encoding="utf-8"))[:3000], "damaged PDF"),
    "encrypted-pdf": ("plan.pdf", _encrypted_pdf, "encrypted PDF"),
    "renamed-zip": ("plan.docx", _zip_of_photos, "not a Word document"),
    "empty-pdf": ("plan.pdf", lambda: b"", "empty"),
    "empty-docx": ("plan.docx", lambda: b"", "empty"),
    "old-word": ("plan.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "--convert-to docx"),
}


@pytest.fixture
def store(tmp_path: Path, seed_store: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_build_formats_bad_file_is_refused_and_store_untouched(kind: str, cli: Cli, store: Path, tmp_path: Path) -> None:
    name, make, reason = BAD_FILES[kind]
    bad = tmp_path / name
    bad.write_bytes(make())
    before = fingerprint(store)
    outcome = cli("build", bad, "--store", store, "--workers", "1")
    assert outcome.code == 2, outcome.err
    assert str(bad) in outcome.err and reason in outcome.err, outcome.err
    assert "Traceback" not in outcome.err
    assert fingerprint(store) == before


def test_build_formats_scan_without_ocr_says_so(cli: Cli, store: Path, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(to_scan_pdf(SEEDS[1].read_text(encoding="utf-8"), lines=3))
    before = fingerprint(store)
    outcome = cli("build", scan, "--store", store)
    assert outcome.code == 2 and f"{scan}: scanned PDF: no text layer" in outcome.err and "--ocr" in outcome.err
    assert fingerprint(store) == before


def test_build_formats_ocr_without_tesseract_says_how_to_install(cli: Cli, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "missing_tools", lambda: "the tesseract program is not installed")
    import plangraph.api.storage.build as build_module
    monkeypatch.setattr(build_module, "missing_tools", ocr.missing_tools)
    outcome = cli("build", SEEDS[1], "--store", tmp_path / "store", "--ocr")
    assert outcome.code == 2
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in outcome.err
    assert not (tmp_path / "store").exists()


@pytest.mark.skipif(ocr.missing_tools() is not None,
                    reason=f"OCR not available here ({ocr.missing_tools()}); scripts/setup.sh --with-test-services installs it")
@pytest.mark.skipif(not HEADER_PLAN.is_file(), reason=f"no real plans at {SHARED}")
def test_build_formats_ocr_reads_a_scanned_header(cli: Cli, tmp_path: Path) -> None:
    """A one-page scan of a plan's opening gives its number, date and province, with a confidence."""
    text = HEADER_PLAN.read_text(encoding="utf-8")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(to_scan_pdf(text, lines=14))
    store = tmp_path / "store"
    outcome = cli("build", scan, "--store", store, "--ocr")
    assert outcome.code == 0, outcome.err
    row = cli("query", "plans", "--store", store, "--format", "csv").csv()[0]
    assert (row["number"], row["issued"], row["province"]) == ("141/KH-UBND", "2025-11-20", "Bắc Ninh")
    db = OxigraphStore.open_existing(store)
    confidence = db.select(f"SELECT ?c WHERE {{ ?doc <{PLAN_TERM}ocrConfidence> ?c }}")
    assert 0.5 < float(str(confidence.rows[0]["c"])) <= 1.0


def test_build_formats_store_keeps_originals_for_download(cli: Cli, tmp_path: Path) -> None:
    """The source page links to the original file, served as it was built; a rebuild of other
    files keeps the originals of the sources still in the store."""
    from fastapi.testclient import TestClient

    from plangraph.api.execution.workers import InlineExecutor
    from plangraph.api.settings import Settings
    from plangraph.api.web.app import create_app

    seed = SEEDS[1]
    word = tmp_path / "kế hoạch.docx"
    word.write_bytes(renderings(seed.read_text(encoding="utf-8"))[".docx"])
    store = tmp_path / "store"
    assert cli("build", word, "--store", store, "--workers", "1").code == 0
    assert cli("build", SEEDS[2], "--store", store, "--workers", "1").code == 0
    digest = hashlib.sha256(word.read_bytes()).hexdigest()
    db = OxigraphStore.open_existing(store)
    source = str(db.select(f'SELECT ?s WHERE {{ ?s <{PLAN_TERM}sha256> "{digest}" }}').rows[0]["s"])
    del db
    app = create_app(Settings(store=str(store), workers=0), executor=InlineExecutor(OxigraphStore.open_existing(store)))
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        page = client.get(source.replace("http://127.0.0.1:8000", ""), headers={"Accept": "text/html"})
        assert page.status_code == 200 and f'/original/{digest}?name=' in page.text
        got = client.get(f"/original/{digest}", params={"name": word.name})
        assert got.status_code == 200 and got.content == word.read_bytes()
        assert got.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
        assert "attachment" in got.headers["content-disposition"]
        text = client.get(f"/original/{hashlib.sha256(SEEDS[2].read_bytes()).hexdigest()}")
        assert text.status_code == 200 and text.content == SEEDS[2].read_bytes()
        assert client.get("/original/" + "0" * 64).status_code == 404
        assert client.get("/original/..%2Fplangraph.json").status_code == 404
