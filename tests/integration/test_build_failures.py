"""Every failure of a build is a message: the file, the reason, exit code 2, the store unchanged,
and `--skip-bad` goes on without the file. What a folder holds besides plans is ignored with a notice."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import plangraph.api.storage.bulk
import plangraph.extract.pipeline
from plangraph.api.storage.store import OxigraphStore
from tests.conftest import SEEDS, Outcome
from tests.integration.test_build import BAD_INPUTS, fingerprint

Cli = Callable[..., Outcome]
PLAN = next(s for s in SEEDS if "Số: /KH-UBND" in s.read_text(encoding="utf-8"))
OTHER = next(s for s in SEEDS if s != PLAN)


@pytest.fixture
def store(tmp_path: Path, seed_store: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with two plans: bad.txt and good.txt."""
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(PLAN, folder / "bad.txt")
    shutil.copy(OTHER, folder / "good.txt")
    return folder


def refused_then_skipped(cli: Cli, batch: Path, store: Path, tmp_path: Path, reason: str) -> None:
    """bad.txt refuses the batch (store unchanged), and --skip-bad stores good.txt alone."""
    before = fingerprint(store)
    outcome = cli("build", batch, "--store", store, "--workers", "1")
    assert outcome.code == 2, outcome.err
    assert "Traceback" not in outcome.err
    assert str(batch / "bad.txt") in outcome.err and reason in outcome.err, outcome.err
    assert fingerprint(store) == before
    fresh = tmp_path / "fresh-store"
    skipped = cli("build", batch, "--store", fresh, "--workers", "1", "--skip-bad")
    assert skipped.code == 0, skipped.err
    assert "skipped" in skipped.err and str(batch / "bad.txt") in skipped.err
    assert stored_names(fresh) == ["good.txt"]


def stored_names(store: Path) -> list[str]:
    db = OxigraphStore.open_existing(store)
    try:
        rows = db.select("SELECT ?name WHERE { GRAPH ?g { ?g <https://w3id.org/plangraph/ontology#fileName> ?name } }")
    finally:
        db.close()
    return sorted(str(r["name"]) for r in rows.rows)


def failing_on_bad(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make the extraction of bad.txt raise `error`, as a text the rules cannot handle would."""
    original = plangraph.extract.pipeline.find_facts

    def find_facts(text: str, *args: object, **kwargs: object) -> object:
        if "Số: /KH-UBND" in text:
            raise error
        return original(text, *args, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setattr(plangraph.extract.pipeline, "find_facts", find_facts)


def test_build_headings_nested_1000_deep_build(cli: Cli, tmp_path: Path) -> None:
    head, sep, body = PLAN.read_text(encoding="utf-8").partition("\nI. ")
    nested = "\n".join(".".join(["1"] * depth) + f". Nội dung cấp {depth}" for depth in range(1, 1001))
    plan = tmp_path / "deep.txt"
    plan.write_text(f"{head}\nI. MỤC ĐÍCH\n{nested}\n{sep}{body}", encoding="utf-8")
    outcome = cli("build", plan, "--store", tmp_path / "store", "--workers", "1")
    assert outcome.code == 0, outcome.err[-2000:]


def test_build_too_deep_for_the_rules_is_a_message(cli: Cli, batch: Path, store: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    failing_on_bad(monkeypatch, RecursionError("maximum recursion depth exceeded"))
    refused_then_skipped(cli, batch, store, tmp_path, "nested too deeply")


def test_build_paragraph_over_spacy_limit_is_a_message(cli: Cli, batch: Path, store: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    failing_on_bad(monkeypatch, ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000."))
    refused_then_skipped(cli, batch, store, tmp_path, "over 1,000,000 characters")


def test_build_unreadable_file_is_a_message(cli: Cli, batch: Path, store: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    read_bytes = Path.read_bytes

    def unreadable(self: Path) -> bytes:
        if self.name == "bad.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return read_bytes(self)
    monkeypatch.setattr(Path, "read_bytes", unreadable)
    refused_then_skipped(cli, batch, store, tmp_path, "Permission denied")


def test_build_unreadable_folder_is_a_message(cli: Cli, batch: Path, store: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    iterdir = Path.iterdir

    def unreadable(self: Path) -> Iterator[Path]:
        if self == batch:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return iterdir(self)
    monkeypatch.setattr(Path, "iterdir", unreadable)
    before = fingerprint(store)
    outcome = cli("build", batch, "--store", store)
    assert outcome.code == 2 and str(batch) in outcome.err and "Permission denied" in outcome.err
    assert fingerprint(store) == before


def test_build_reads_a_windows_1258_file_name(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    name = b"K\xea\xec hoa\xf2ch.txt"  # "Kế hoạch.txt" as Vietnamese Windows writes it
    shutil.copy(PLAN, os.path.join(os.fsencode(folder), name))
    store = tmp_path / "store"
    outcome = cli("build", folder, "--store", store, "--workers", "1")
    assert outcome.code == 0, outcome.err[-2000:]
    assert stored_names(store) == ["Kế hoạch.txt"]


def test_build_refused_file_with_a_name_that_is_not_utf8_is_a_message(cli: Cli, tmp_path: Path) -> None:
    bad = os.path.join(os.fsencode(tmp_path), b"scan-\xff.txt")
    with open(bad, "wb") as out:
        out.write(BAD_INPUTS["png"][0])
    outcome = cli("build", os.fsdecode(bad), "--store", tmp_path / "store")
    assert outcome.code == 2 and "scan-\\xff.txt" in outcome.err and "PNG image" in outcome.err


def test_build_disk_full_is_a_message(cli: Cli, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError("IO error: No space left on device: While appending to file: 000008.log")
    monkeypatch.setattr(plangraph.api.storage.bulk, "_load", full)
    before = fingerprint(store)
    plan = store.parent / "new-plan.txt"  # not in the store yet: a text stored as it is needs no writing
    shutil.copy(PLAN, plan)
    outcome = cli("build", plan, "--store", store)
    assert outcome.code == 2 and str(store) in outcome.err and "disk is full" in outcome.err
    assert fingerprint(store) == before
    assert not [p for p in store.parent.iterdir() if p.name.startswith(".store.") and p.name != ".store.lock"]


def test_build_disk_full_while_a_fresh_store_loads_leaves_no_store(cli: Cli, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh store is loaded through a pipe while plans are extracted: the loader's error stops
    the build, and nothing is left behind."""
    def full(db: object, path: Path) -> None:
        with open(path, "rb") as pipe:
            pipe.read(10)  # the loader fails after it started reading
        raise OSError("IO error: No space left on device: While appending to file: 000008.log")
    monkeypatch.setattr(plangraph.api.storage.bulk, "_load", full)
    store = tmp_path / "store"
    outcome = cli("build", PLAN, OTHER, "--store", store, "--workers", "1")
    assert outcome.code == 2 and str(store) in outcome.err and "disk is full" in outcome.err, outcome.err
    assert not store.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store.") and p.name != ".store.lock"]


def test_build_fresh_store_without_named_pipes_is_loaded_from_a_spool(cli: Cli, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pipes(path: object, *args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")
    monkeypatch.setattr(plangraph.api.storage.bulk.os, "mkfifo", no_pipes)
    store = tmp_path / "store"
    outcome = cli("build", PLAN, OTHER, "--store", store, "--workers", "1")
    assert outcome.code == 0, outcome.err
    assert stored_names(store) == sorted([PLAN.name, OTHER.name])


def test_build_refused_batch_leaves_no_fresh_store(cli: Cli, batch: Path, tmp_path: Path) -> None:
    """A fresh store is loaded while the batch is read: a bad file still leaves nothing behind."""
    (batch / "bad.txt").write_bytes(BAD_INPUTS["png"][0])
    store = tmp_path / "fresh"
    outcome = cli("build", batch, "--store", store, "--workers", "1")
    assert outcome.code == 2 and "bad.txt" in outcome.err, outcome.err
    assert not store.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".fresh.") and p.name != ".fresh.lock"]


def test_build_store_that_is_a_file_is_a_message(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "store.txt"
    target.write_text("not a store", encoding="utf-8")
    outcome = cli("build", PLAN, "--store", target)
    assert outcome.code == 2 and str(target) in outcome.err and "is a file" in outcome.err
    assert target.read_text(encoding="utf-8") == "not a store"


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """mount(options) → a fresh tmpfs (skips the test where mounting is not allowed)."""
    points: list[Path] = []

    def mount(options: str) -> Path:
        point = tmp_path / f"mnt{len(points)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True)
        if done.returncode:
            pytest.skip("cannot mount a tmpfs here")
        points.append(point)
        return point
    yield mount
    for point in points:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)  # lazy: even if a file is open


def test_build_on_a_read_only_file_system_is_a_message(cli: Cli, mounted: Callable[[str], Path]) -> None:
    target = mounted("ro,size=1m") / "store"
    outcome = cli("build", PLAN, "--store", target)
    assert outcome.code == 2 and str(target) in outcome.err and "read-only" in outcome.err


def test_build_on_a_full_disk_leaves_the_store(cli: Cli, seed_store: Path, mounted: Callable[[str], Path]) -> None:
    size = sum(p.stat().st_size for p in seed_store.rglob("*") if p.is_file())
    target = mounted(f"size={size * 3 // 2}") / "store"
    shutil.copytree(seed_store, target)
    before = fingerprint(target)
    texts = target.parent / "texts"  # not in the store yet: texts stored as they are need no writing
    texts.mkdir()
    shutil.copy(PLAN, texts / "a.txt")
    shutil.copy(OTHER, texts / "b.txt")
    outcome = cli("build", texts, "--store", target, "--workers", "1")
    assert outcome.code == 2 and "disk is full" in outcome.err, outcome.err
    assert fingerprint(target) == before
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".store.") and p.name != ".store.lock"]


def test_build_folder_ignores_what_is_not_a_plan_with_a_notice(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(PLAN, folder / "plan.txt")
    (folder / ".hidden.txt").write_bytes(BAD_INPUTS["pdf"][0])
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "README.md").write_text("# Plans\nDownloaded from the portal.\n", encoding="utf-8")
    (folder / "scan.png").write_bytes(BAD_INPUTS["png"][0])
    (folder / "old").mkdir()
    store = tmp_path / "store"
    outcome = cli("build", folder, "--store", store, "--workers", "1")
    assert outcome.code == 0, outcome.err
    for name in (".hidden.txt", ".DS_Store", "README.md", "scan.png", "old"):
        assert f"ignored {folder / name}" in outcome.err
    assert stored_names(store) == ["plan.txt"]
