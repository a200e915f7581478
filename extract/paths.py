"""The one place that knows where the project's data folders are."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DIR = ROOT / "shapes"
QUERIES_DIR = ROOT / "queries"
PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"
SAMPLE_CORPUS_DIR = ROOT / "data" / "plans"
REFERENCE_DIR = ROOT / "data" / "reference"
