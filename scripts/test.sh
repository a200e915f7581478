#!/usr/bin/env bash
# Set up (system packages for the real Virtuoso and Chromium tests included) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-services
.venv/bin/python -m pytest -q "$@"
