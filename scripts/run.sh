#!/usr/bin/env bash
# The main job: set up, build the graph from the sample corpus, serve it on 127.0.0.1:${PORT:-8000}.
# The IRIs are minted with the address they are served at (PLANGRAPH_BASE overrides), so that
# every IRI a page shows answers on this server.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
export PLANGRAPH_BASE="${PLANGRAPH_BASE:-http://127.0.0.1:${PORT}}"
echo "run.sh: setting up .venv (a minute or two the first time)"
bash scripts/setup.sh
if [ -f store/plangraph.json ] && ! grep -q "\"base\": \"${PLANGRAPH_BASE%/}\"" store/plangraph.json; then
  echo "run.sh: store/ was built for another address; building it again for ${PLANGRAPH_BASE}"
  rm -rf store
fi
echo "run.sh: building the graph of data/plans into store/"
.venv/bin/plangraph build data/plans --store store
echo "run.sh: the command line is .venv/bin/plangraph (or 'source .venv/bin/activate', then plangraph)"
exec .venv/bin/plangraph serve --store store --host 127.0.0.1 --port "$PORT"
