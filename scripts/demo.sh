#!/bin/sh
# Install transdesk into .venv, then run the main job on the bundled corpus: align every
# document pair (and score the alignment against the gold), score the MT drafts, and write
# one report to transdesk-report/report.html.
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then "${PYTHON:-python3}" -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check uv
.venv/bin/uv pip install -q --python .venv/bin/python --compile-bytecode -e .
exec .venv/bin/transdesk run corpora --out-dir transdesk-report "$@"
