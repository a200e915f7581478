#!/usr/bin/env bash
# The main job: set up, build the graph from the sample corpus, serve it on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/plangraph build data/plans --store store
exec .venv/bin/plangraph serve --store store --host 127.0.0.1 --port "${PORT:-8000}"
