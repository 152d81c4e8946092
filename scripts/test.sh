#!/usr/bin/env bash
# Runs every test: unit tests beside the code, property tests and the multi-contract
# scenarios on cw-multi-test; then builds the artifacts (checked by cosmwasm-check) and runs
# the end-to-end tests against a local wasmd chain that it starts and stops.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

log "unit, property and multi-contract tests"
cargo test --workspace --locked

log "wasm artifacts"
scripts/build.sh

log "end-to-end tests on a local wasmd chain"
scripts/install-wasmd.sh
python=$(scripts/python-env.sh)
SUM_WASMD="$WASMD" PYTHONPATH="$REPO_ROOT/scripts" "$python" -m pytest -v scripts/e2e
