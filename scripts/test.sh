#!/bin/sh
# Install transdesk with its test tools into .venv, then run the whole test suite.
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then "${PYTHON:-python3}" -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check uv
.venv/bin/uv pip install -q --python .venv/bin/python --compile-bytecode -e '.[test]'
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -q "$@"
