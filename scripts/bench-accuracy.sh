#!/usr/bin/env bash
# Accuracy benchmark: exports the data sets scikit-learn ships with scikit-learn's own
# accuracy (Python, in .venv), trains our models' rules (sum-rules, the contracts'
# arithmetic) on the same streams, and writes bench/accuracy.md and bench/accuracy.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

python=$(scripts/python-env.sh)
log "exporting data sets and scikit-learn's accuracy"
"$python" -W ignore scripts/accuracy/export_datasets.py target/accuracy
log "training our models' rules (sum-rules), one sample at a time"
cargo run --quiet --locked --release -p sum-testing --bin accuracy -- target/accuracy bench
log "wrote bench/accuracy.md and bench/accuracy.json"
