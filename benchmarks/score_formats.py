"""Score renderings of plan texts as Word, PDF and web pages against the texts themselves.

    python benchmarks/score_formats.py [--texts ../shared/real/texts --gold ../shared/real/gold] [--only NAME ...]

Each text is rendered (tests/render_formats.py: a .docx with Word list numbering and Word
tables, a PDF with a text layer and ruled tables, a saved web page with navigation around the
document), built with `plangraph build` and scored with ../shared/eval/score.py against the
text's own gold (`document` renamed). Prints, per plan, the F1 of the text and of each rendering
and whether the rendering got the same plan IRI; the acceptance is every rendering within 0.03
of its text.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.render_formats import renderings  # noqa: E402

FORMATS = (".txt", ".docx", ".pdf", ".html")


def scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scoring_parser(description: str | None) -> argparse.ArgumentParser:
    """The options of a benchmark that builds plan texts and scores them against their gold."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=ROOT.parent / "shared/real/texts")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared/real/gold")
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared/eval/score.py")
    ap.add_argument("--cmd", default=str(ROOT / ".venv/bin/plangraph"))
    ap.add_argument("--only", nargs="*", help="stems of the texts to use")
    return ap


def main() -> int:
    ap = scoring_parser(__doc__)
    ap.add_argument("--formats", nargs="*", default=list(FORMATS))
    a = ap.parse_args()
    score = scorer(a.score)
    texts = sorted(p for p in a.texts.glob("*.txt") if not a.only or p.stem in a.only)
    golds = {json.loads(p.read_text(encoding="utf-8"))["document"]: json.loads(p.read_text(encoding="utf-8"))
             for p in a.gold.glob("*.json")}
    texts = [t for t in texts if t.name in golds]
    results: dict[str, dict[str, tuple[float, str]]] = {t.stem: {} for t in texts}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for suffix in a.formats:
            folder, gold_dir = work / suffix[1:], work / f"gold-{suffix[1:]}"
            folder.mkdir()
            gold_dir.mkdir()
            for text in texts:
                original = text.read_text(encoding="utf-8")
                data = text.read_bytes() if suffix == ".txt" else renderings(original)[suffix]
                (folder / f"{text.stem}{suffix}").write_bytes(data)
                gold = dict(golds[text.name], document=f"{text.stem}{suffix}")
                (gold_dir / f"{text.stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            rows = score.run_project(a.cmd, folder, work / f"store-{suffix[1:]}", 1200)
            plans = {r["document"]: r["plan"] for r in rows.get("plans", [])}
            for text in texts:
                name = f"{text.stem}{suffix}"
                f1 = score.score(gold_dir, rows, {name})["overall"]["f1"]
                results[text.stem][suffix] = (f1, plans.get(name, ""))
    print(f"{'plan':<16}" + "".join(f"{s:>9}" for s in a.formats) + "  worst gap  same plan IRI")
    worst = 0.0
    for stem, by_format in results.items():
        base, iri = by_format.get(".txt", (None, None))
        gaps = [base - f1 for s, (f1, _) in by_format.items() if s != ".txt" and base is not None]
        same = all(p == iri for s, (_, p) in by_format.items()) if iri is not None else None
        worst = max([worst, *gaps])
        print(f"{stem:<16}" + "".join(f"{by_format[s][0]:>9.3f}" for s in a.formats)
              + f"  {max(gaps, default=0.0):>9.3f}  {same}")
    print(f"largest drop from the text: {worst:.3f} (acceptance: at most 0.03)")
    return 0 if worst <= 0.03 else 1


if __name__ == "__main__":
    raise SystemExit(main())
