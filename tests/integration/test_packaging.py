"""`pip install .` puts one package, `plangraph`, into site-packages, with every data file it reads."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ["api", "extract", "data", "queries", "ontology", "shapes"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project installed from a wheel into an empty folder, as pip lays it out in site-packages."""
    work = tmp_path_factory.mktemp("packaging")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(work / "wheel"), str(ROOT)], check=True, capture_output=True)
    wheel = next((work / "wheel").glob("plangraph-*.whl"))
    target = work / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def test_packaging_installs_only_the_plangraph_package(installed: Path) -> None:
    top_level = sorted(p.name for p in installed.iterdir() if not p.name.endswith(".dist-info"))
    assert top_level == ["plangraph"]
    assert not {name for name in FOLDERS if (installed / name).exists()}


def test_packaging_carries_every_data_file(installed: Path) -> None:
    package = installed / "plangraph"
    for folder, pattern in [("ontology", "*.ttl"), ("shapes", "*.ttl"), ("queries", "*.rq"),
                            ("extract/patterns", "*.tsv"), ("data/plans", "*.txt"),
                            ("data/reference", "*.tsv"), ("api/web/templates", "*.html"), ("api/web/static", "*"),
                            ("api/web/static/js", "*.js"), ("api/web/static/vendor/yasgui", "*"),
                            ("api/web/static/vendor/swagger-ui", "*"),
                            ("api/web/queries", "*.rq"), ("api/web/static/vendor/vega", "*")]:
        shipped = sorted(p.name for p in (package / folder).glob(pattern))
        expected = sorted(p.name for p in (ROOT / folder).glob(pattern))
        assert shipped == expected and expected, folder


def test_packaging_installed_copy_finds_its_data(installed: Path) -> None:
    probe = ("import plangraph.extract.paths as p, sys; "
             "sys.exit(0 if p.ONTOLOGY_DIR.is_relative_to(sys.argv[1]) and any(p.QUERIES_DIR.glob('*.rq')) else 1)")
    site = str(installed)
    result = subprocess.run([sys.executable, "-I", "-S", "-c", f"import sys; sys.path.insert(0, {site!r}); {probe}",
                             site], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
