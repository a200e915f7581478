"""Score plan texts laid out as portals and PDF exports lay them out, against the texts' own gold.

    python benchmarks/score_layouts.py [--texts ../shared/real/texts --gold ../shared/real/gold] [--only NAME ...]

Each text is laid out anew (tests/render_layouts.py: hard-wrapped at 65 and at 78 columns,
tables as Markdown rows with their header's leaves below the `|---|` line, dash bullets drawn with
a symbol font's glyph, tone marks placed the older way, bodies' names written short, a page
number between the rows of each table every 12 rows, paragraphs run together as a page that lost
its line breaks gives them, its tables kept or run in too, numbers at line starts as an OCR
misreads them), built with
`plangraph build` and scored with ../shared/eval/score.py. Prints the F1 of every plan in every
layout, and each layout's overall F1 beside the text's.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.score_formats import scorer, scoring_parser  # noqa: E402
from tests.render_layouts import LAYOUTS  # noqa: E402

TEXT = "text"


def main() -> int:
    a = scoring_parser(__doc__).parse_args()
    score = scorer(a.score)
    names = {json.loads(p.read_text(encoding="utf-8"))["document"] for p in a.gold.glob("*.json")}
    texts = sorted(p for p in a.texts.glob("*.txt") if p.name in names and (not a.only or p.stem in a.only))
    if not texts:
        print(f"no texts with gold in {a.texts}", file=sys.stderr)
        return 2
    layouts = [TEXT, *LAYOUTS]
    per_plan: dict[str, dict[str, float]] = {t.stem: {} for t in texts}
    overall: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n, layout in enumerate(layouts):
            folder = work / f"layout-{n}"
            folder.mkdir()
            for text in texts:
                original = text.read_text(encoding="utf-8")
                laid_out = original if layout == TEXT else LAYOUTS[layout](original)
                (folder / text.name).write_text(laid_out, encoding="utf-8")
            rows = score.run_project(a.cmd, folder, work / f"store-{n}", 1200)
            for text in texts:
                per_plan[text.stem][layout] = score.score(a.gold, rows, {text.name})["overall"]["f1"]
            overall[layout] = score.score(a.gold, rows, {t.name for t in texts})["overall"]["f1"]
            print(f"{layout}: {overall[layout]:.3f}", file=sys.stderr, flush=True)
    print(f"{'plan':<16}" + "".join(f"{layout:>15}" for layout in layouts))
    for stem, scores in per_plan.items():
        print(f"{stem:<16}" + "".join(f"{scores[layout]:>15.3f}" for layout in layouts))
    print(f"{'overall':<16}" + "".join(f"{overall[layout]:>15.3f}" for layout in layouts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
