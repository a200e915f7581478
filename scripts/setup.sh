#!/usr/bin/env bash
# Set up plangraph on a fresh Debian machine: system packages (when run as root) and a venv.
# Usage: bash scripts/setup.sh [--with-test-services]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--with-test-services" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Virtuoso (remote-store tests), Chromium with its driver (page tests), Tesseract with its
  # Vietnamese data (scanned PDFs, `build --ocr`) and DejaVu fonts (the test PDFs' Vietnamese text).
  apt-get install -y -qq virtuoso-opensource-7 chromium chromium-driver tesseract-ocr tesseract-ocr-vie \
    fonts-dejavu-core >/dev/null
fi
python3 -m venv .venv
# -qq: errors only. pip -q still prints every build backend warning (setuptools' notice about
# editable installs) and index notices, which would bury run.sh's own output.
.venv/bin/pip install -qq --upgrade pip
if [ "${1:-}" = "--with-test-services" ]; then
  .venv/bin/pip install -qq -e '.[test]'
else
  .venv/bin/pip install -qq -e .
fi
