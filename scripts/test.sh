#!/usr/bin/env bash
# The README's test command: install mediafeed with its test extras, lint, and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e '.[test]'
python3 -m ruff check mediafeed tests
python3 -m pytest -q "$@"
